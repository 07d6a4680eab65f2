"""Nothing waits forever for another session: held locks time out with a sentence, a frozen
client's transaction is ended by the server, and creating a group waits for nobody.

On PostgreSQL, with a second session (a plain psycopg2 connection, or a save paused half-way in
a thread of its own) holding what the clerk needs.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from custgroups.core import customers, db, groups
from custgroups.core.customers import CustomerInput
from custgroups.core.db import connect
from custgroups.core.db import server as database_server
from custgroups.core.errors import DatabaseError
from custgroups.core.groups import GroupChange
from custgroups.core.sheets.imports import import_members

pytestmark = pytest.mark.postgres

HOLDING = ("Another clerk's change is holding this group, so nothing was saved; try again in "
           "a moment.")


@pytest.fixture
def server(postgres_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The test server with short waits, so a test of giving up does not take minutes."""
    monkeypatch.setattr(database_server, "SERVER_TIMEOUTS",
                        {**database_server.SERVER_TIMEOUTS, "lock_timeout": "300ms"})
    monkeypatch.setattr(database_server, "IDLE_WRITE_TIMEOUT", "1s")
    db.open_database(postgres_url, create=True)
    customers.upsert_customers(CustomerInput(f"C{i:03d}", f"Customer {i}") for i in range(20))
    yield postgres_url
    db.close_database()


def _within(seconds: float, job: Callable[[], Any]) -> Any:
    """Run ``job`` in a thread; fail the test if it is still waiting after ``seconds``."""
    outcome: list[Any] = []

    def run() -> None:
        try:
            outcome.append(job())
        except BaseException as exc:  # noqa: BLE001 (handed back to the test)
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"still waiting after {seconds} s"
    return outcome[0]


def _second_session(url: str) -> Any:
    """Another client's own connection, on the test's schema."""
    import psycopg2

    database, _kind = connect._make_database(url)
    params = dict(database.connect_params)
    schema = url.rsplit("schema=", 1)[1]
    params["options"] = f"-c search_path={schema},public"  # none of custgroups' timeouts
    return psycopg2.connect(dbname=database.database, **params)


def test_a_group_locked_by_another_session_gives_up_with_a_sentence(
        server: str, tmp_path: Path) -> None:
    group = groups.save_group(GroupChange(name="Held"), "alice")
    members = tmp_path / "members.csv"
    members.write_text("Customer Code\nC001\nC002\n", encoding="utf-8")
    other = _second_session(server)
    try:
        with other.cursor() as cursor:  # a transaction left open, holding the group's row
            cursor.execute("SELECT * FROM customer_group WHERE id = %s FOR UPDATE", [group.id])
        failure = _within(30, lambda: import_members(group.code, members, "bob"))
        assert isinstance(failure, DatabaseError) and str(failure) == HOLDING
        failure = _within(30, lambda: groups.save_group(GroupChange(
            name="Renamed", group_id=group.id, expected_version=group.version), "bob"))
        assert isinstance(failure, DatabaseError) and str(failure) == HOLDING
    finally:
        other.rollback()
        other.close()
    assert import_members(group.code, members, "bob").added == 2


def _paused_save(monkeypatch: pytest.MonkeyPatch, change: GroupChange, pause_at: str
                 ) -> tuple[threading.Event, list[Any], threading.Thread]:
    """Start ``change`` in a thread that stops inside its transaction when it records
    ``pause_at`` (a history value), as a laptop that went to sleep mid-save; set the
    returned event to let it go on."""
    real = groups._record
    inside, release = threading.Event(), threading.Event()
    outcome: list[Any] = []

    def record(*args: Any) -> None:
        real(*args)
        if pause_at in args and threading.current_thread() is worker:
            inside.set()
            release.wait(30)

    def run() -> None:
        try:
            outcome.append(groups.save_group(change, "sleepy"))
        except BaseException as exc:  # noqa: BLE001
            outcome.append(exc)

    monkeypatch.setattr(groups, "_record", record)
    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    assert inside.wait(30)
    return release, outcome, worker


def test_creating_a_group_waits_for_no_frozen_creation(server: str,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    release, outcome, worker = _paused_save(monkeypatch, GroupChange(name="Frozen"), "Frozen")
    made = [_within(5, lambda i=i: groups.save_group(GroupChange(name=f"Busy {i}"), "bob"))
            for i in range(3)]
    assert all(isinstance(group, groups.Group) for group in made)
    release.set()
    worker.join(30)
    frozen = outcome[0]
    assert isinstance(frozen, groups.Group)
    codes = [frozen.code, *(group.code for group in made)]
    assert len(set(codes)) == 4


def test_a_typed_code_and_a_frozen_save_of_that_code(server: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    release, outcome, worker = _paused_save(
        monkeypatch, GroupChange(name="Frozen", code="CG-000002"), "Frozen")
    numbered = [_within(5, lambda i=i: groups.save_group(GroupChange(name=f"N{i}"), "bob"))
                for i in range(2)]
    assert [group.code for group in numbered] == ["CG-000001", "CG-000003"]  # 2 is taken
    same = _within(30, lambda: groups.save_group(GroupChange(name="Same", code="cg-000002"),
                                                 "bob"))
    assert isinstance(same, DatabaseError) and str(same) == HOLDING
    release.set()
    worker.join(30)
    assert outcome[0].code == "CG-000002"


def test_a_frozen_clients_transaction_is_ended_and_its_locks_freed(
        server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    group = groups.save_group(GroupChange(name="Contested"), "alice")
    release, outcome, worker = _paused_save(monkeypatch, GroupChange(
        name="Sleepy's name", group_id=group.id, expected_version=group.version),
        "Sleepy's name")
    # The sleeper holds the group; the server ends its transaction after 1 s idle.
    awake: list[Any] = []
    for _ in range(10):
        done = _within(30, lambda: groups.save_group(GroupChange(
            name="Awake's name", group_id=group.id, expected_version=group.version), "bob"))
        awake.append(done)
        if isinstance(done, groups.Group):
            break
        assert str(done) == HOLDING
    assert isinstance(awake[-1], groups.Group)
    release.set()
    worker.join(30)
    slept = outcome[0]
    assert isinstance(slept, DatabaseError)
    assert "nothing was saved" in str(slept) and "unexpected" not in str(slept)
    assert groups.get_group(group.id).name == "Awake's name"


def test_an_export_slow_between_its_reads_is_not_ended(server: str, tmp_path: Path) -> None:
    import time

    from custgroups.core.groups import GroupQuery
    from custgroups.core.sheets.export import export_groups

    for i in range(3):
        groups.save_group(GroupChange(name=f"Group {i}", add_customer_ids=frozenset({i + 1})),
                          "alice")
    paused: list[int] = []

    def slow_writing(done: int, total: int) -> None:
        if done == 3:  # rows written for longer than a write may idle (1 s), on every try
            paused.append(done)
            time.sleep(1.6)

    result = export_groups(tmp_path / "out.xlsx", GroupQuery(), members=True,
                           progress=slow_writing)
    assert (result.groups, result.members) == (3, 3) and paused == [3]  # not repeated


def test_every_connection_carries_the_limits(postgres_url: str) -> None:
    from custgroups.core.models import database

    db.open_database(postgres_url, create=True)
    try:
        seen = {name: database.execute_sql(f"SHOW {name}").fetchone()[0]
                for name in ("lock_timeout", "statement_timeout",
                             "idle_in_transaction_session_timeout")}
        assert seen == {"lock_timeout": "15s", "statement_timeout": "30min",
                        "idle_in_transaction_session_timeout": "0"}  # reads may idle
        with db.transaction():
            idle = database.execute_sql("SHOW idle_in_transaction_session_timeout").fetchone()
        assert idle == ("1min",)
    finally:
        db.close_database()


def test_a_schema_named_with_spaces_and_capitals(postgres_url: str) -> None:
    from tests.conftest import _pg_admin, postgres_base_url

    base = postgres_base_url()
    assert base is not None
    _pg_admin(base, 'CREATE SCHEMA "Sales Team"')
    try:
        url = base + ("&" if "?" in base else "?") + "schema=Sales%20Team"
        db.open_database(url)
        groups.save_group(GroupChange(name="Spaced"), "alice")
        assert groups.count_groups() == 1
        db.close_database()
        with pytest.raises(DatabaseError, match="no schema named 'sales team'"):
            db.open_database(url.replace("Sales%20Team", "sales%20team"))
    finally:
        db.close_database()
        _pg_admin(base, 'DROP SCHEMA "Sales Team" CASCADE')


def test_a_customer_import_waiting_on_another_gives_up_with_a_sentence(
        server: str, tmp_path: Path) -> None:
    from custgroups.core.sheets.imports import import_customers

    path = tmp_path / "customers.csv"
    path.write_text("Customer Code,Name\nC001,Renamed\nN1,New\n", encoding="utf-8")
    other = _second_session(server)
    try:
        with other.cursor() as cursor:  # another import, its transaction still open
            cursor.execute("LOCK TABLE customer IN SHARE ROW EXCLUSIVE MODE")
        failure = _within(30, lambda: import_customers(path))
        assert isinstance(failure, DatabaseError)
        assert str(failure) == ("Another clerk is importing customers right now, so nothing "
                                "was changed; try again in a moment.")
    finally:
        other.rollback()
        other.close()
    assert import_customers(path).inserted == 1
