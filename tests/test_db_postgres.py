"""The PostgreSQL server: unreachable, misnamed, restarting, or cutting a connection mid-save."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from custgroups.core import db, groups
from custgroups.core.customers import CustomerInput, upsert_customers
from custgroups.core.db import operations
from custgroups.core.errors import DatabaseError
from custgroups.core.groups import GroupChange
from tests import db_helpers
from tests.conftest import postgres_base_url
from tests.pg_proxy import RestartingServer, restarting_server

# Every test here leaves the database closed; pytest finds the fixture under this name.
_closed = db_helpers._closed


def test_unreachable_server_in_plain_words() -> None:
    pytest.importorskip("psycopg2")
    with pytest.raises(DatabaseError, match="Cannot reach the database server"):
        db.open_database("postgresql://nobody@127.0.0.1:1/nowhere?connect_timeout=2")


@pytest.mark.postgres
def test_a_missing_server_database_in_plain_words() -> None:
    base = postgres_base_url()
    if base is None:
        pytest.skip("needs the PostgreSQL test server")
    bad = base.rsplit("/", 1)[0] + "/no_such_database_here"
    with pytest.raises(DatabaseError, match="no database named 'no_such_database_here'"):
        db.open_database(bad)


@pytest.mark.postgres
def test_a_misspelt_schema_is_refused(postgres_url: str) -> None:
    bad = postgres_url.rsplit("schema=", 1)[0] + "schema=no_such_schema_here"
    with pytest.raises(DatabaseError, match="no schema named 'no_such_schema_here'"):
        db.open_database(bad)


@pytest.mark.postgres
def test_an_unknown_user_in_plain_words() -> None:
    base = postgres_base_url()
    if base is None:
        pytest.skip("needs the PostgreSQL test server")
    from urllib.parse import urlparse

    parsed = urlparse(base)
    bad = parsed._replace(netloc=f"nobody_here@{parsed.hostname}:{parsed.port or 5432}").geturl()
    with pytest.raises(DatabaseError, match="does not know the user"):
        db.open_database(bad)


def _terminate_backends() -> None:
    """End every custgroups session on the server, as a restart does (SQLSTATE 57P01)."""
    from tests.conftest import _pg_admin

    base = postgres_base_url()
    assert base is not None
    # (waiting up to 5 s for each to end: pg_terminate_backend only signals it otherwise)
    _pg_admin(base, "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity "
                    "WHERE application_name = 'custgroups' AND pid <> pg_backend_pid()")


@pytest.mark.postgres
def test_a_restarted_server_costs_the_clerk_nothing(postgres_url: str) -> None:
    db.open_database(postgres_url)
    groups.save_group(GroupChange(name="Before restart"), "alice")
    _terminate_backends()
    assert groups.count_groups() == 1
    _terminate_backends()
    assert groups.save_group(GroupChange(name="After restart"), "alice").code == "CG-000002"


@pytest.mark.postgres
def test_a_connection_used_moments_ago_is_handed_out_without_a_round_trip(
        postgres_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from custgroups.core.db import server
    from custgroups.core.models import database

    db.open_database(postgres_url)
    groups.count_groups()
    adapter = database.obj._adapter
    real, checked = adapter.is_connection_closed, []

    def checking(conn: object) -> bool:
        checked.append(conn)
        return bool(real(conn))

    monkeypatch.setattr(adapter, "is_connection_closed", checking)
    for _ in range(5):
        assert groups.count_groups() == 0
    assert checked == []  # five operations, no SELECT 1 before any of them
    _terminate_backends()
    assert groups.count_groups() == 0  # its socket told, a round trip found it dead
    assert len(checked) == 1
    monkeypatch.setattr(server, "RECHECK_AFTER_S", 0.0)  # as if it had rested a while
    assert groups.count_groups() == 0
    assert len(checked) == 2


@pytest.mark.postgres
def test_a_connection_that_died_unheard_costs_a_save_nothing(
        postgres_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ended by the server so recently that its socket has not said so yet: the save's
    transaction fails to begin, before anything ran, and begins again on a live one."""
    from custgroups.core.db import server

    db.open_database(postgres_url)
    groups.save_group(GroupChange(name="Before"), "alice")
    _terminate_backends()
    monkeypatch.setattr(server.select, "select", lambda *args: ([], [], []))  # heard nothing
    assert groups.save_group(GroupChange(name="After"), "alice").code == "CG-000002"
    assert groups.count_groups() == 2


@pytest.mark.postgres
def test_a_connection_lost_mid_save_says_so_and_keeps_nothing(
        postgres_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    db.open_database(postgres_url)
    upsert_customers(CustomerInput(f"C{i:03d}", f"Customer {i}") for i in range(10))
    group = groups.save_group(GroupChange(name="Steady"), "alice")
    real = groups.change_members_of

    def cut_off(*args: object, **kwargs: object) -> object:
        _terminate_backends()
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(groups, "change_members_of", cut_off)
    with pytest.raises(DatabaseError, match="connection to the database server was lost"):
        groups.save_group(GroupChange(name="Renamed", group_id=group.id,
                                      expected_version=group.version,
                                      add_customer_ids=frozenset(range(1, 11))), "alice")
    monkeypatch.undo()
    after = groups.get_group(group.id)
    assert (after.name, after.member_count, after.version) == ("Steady", 0, group.version)


@pytest.mark.postgres
def test_many_threads_do_not_exhaust_the_pool(postgres_url: str) -> None:
    import threading

    db.open_database(postgres_url)
    counts: list[int] = []
    for _ in range(40):  # more threads than the pool has connections, one after another
        worker = threading.Thread(target=lambda: counts.append(groups.count_groups()))
        worker.start()
        worker.join(timeout=20)
    assert counts == [0] * 40


@pytest.mark.postgres
def test_a_read_that_loses_its_connection_repeats_once(postgres_url: str,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    db.open_database(postgres_url)
    groups.save_group(GroupChange(name="Only"), "alice")
    real = operations._ensure_connection
    calls = 0

    def connect_then_lose() -> None:
        nonlocal calls
        calls += 1
        real()
        if calls == 1:  # the server goes away after handing out the connection
            _terminate_backends()

    monkeypatch.setattr(operations, "_ensure_connection", connect_then_lose)
    assert groups.count_groups() == 1
    assert calls == 2


# --- a server restarting, played by a proxy in front of the test server ------------------


@pytest.fixture
def restarting(postgres_url: str) -> Iterator[RestartingServer]:
    with restarting_server(postgres_url) as proxy:
        db.open_database(proxy.url())
        yield proxy
        db.close_database()


@pytest.mark.postgres
def test_a_read_waits_out_a_server_restart(restarting: RestartingServer) -> None:
    groups.save_group(GroupChange(name="Before restart"), "alice")
    _terminate_backends()
    restarting.restart("the database system is starting up", refusals=2)
    assert groups.count_groups() == 1
    assert restarting.refused == 2


@pytest.mark.postgres
@pytest.mark.parametrize("said", ["the database system is shutting down",
                                  "the database system is starting up"])
def test_a_save_during_a_restart_says_try_again_and_keeps_nothing(
        restarting: RestartingServer, said: str) -> None:
    group = groups.save_group(GroupChange(name="Steady"), "alice")
    _terminate_backends()
    restarting.restart(said)
    with pytest.raises(DatabaseError) as exc:
        groups.save_group(GroupChange(name="Renamed", group_id=group.id,
                                      expected_version=group.version), "alice")
    assert str(exc.value) == (f"The database server for {db.display_name(restarting.url())} is "
                              "restarting, so your change was not saved. Try again in a moment.")
    restarting.up()
    assert groups.get_group(group.id).name == "Steady"
    groups.save_group(GroupChange(name="Renamed", group_id=group.id,
                                  expected_version=group.version), "alice")
    assert groups.get_group(group.id).name == "Renamed"


@pytest.mark.postgres
def test_an_export_cut_off_by_a_restart_says_nothing_changed(
        restarting: RestartingServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from custgroups.core.groups import GroupQuery
    from custgroups.core.sheets.export import export_groups

    for i in range(3):
        groups.save_group(GroupChange(name=f"Group {i}"), "alice")
    monkeypatch.setattr(operations, "READ_RETRY_WAITS", (0.0, 0.05, 0.05))

    def restart_once(done: int, total: int) -> None:
        if restarting.refused == 0 and not restarting.refusing:
            _terminate_backends()
            restarting.restart("the database system is shutting down")

    with pytest.raises(DatabaseError) as exc:
        export_groups(tmp_path / "out.xlsx", GroupQuery(), members=True, progress=restart_once)
    message = str(exc.value)
    assert "is restarting, so nothing could be read" in message
    assert "last change" not in message
    assert list(tmp_path.iterdir()) == []


@pytest.mark.postgres
def test_bulk_loads_leave_the_planner_informed(postgres_url: str) -> None:
    """After the demo and a large customer import the tables are analysed at once, not
    whenever autovacuum comes (whose own runs are counted apart)."""
    from custgroups.core import demo
    from custgroups.core.models import database

    def analysed(table: str) -> int:
        return int(database.execute_sql(
            "SELECT analyze_count FROM pg_stat_user_tables WHERE relid = %s::regclass",
            [table]).fetchone()[0])

    db.open_database(postgres_url)
    demo.generate_demo(300, 5, 2)
    assert analysed("customer") == analysed("membership") == 1
    upsert_customers(CustomerInput(f"N{i:05d}", f"New {i}") for i in range(db.BULK_ROWS))
    upsert_customers([CustomerInput("N99999", "One more")])  # a small import: not again
    assert analysed("customer") == 2
    group = groups.save_group(GroupChange(name="Everyone new"), "alice")
    from custgroups.core.customers import resolve_codes

    new = resolve_codes([f"N{i:05d}" for i in range(db.BULK_ROWS)]).recognised
    groups.change_members(group.id, "alice", add_ids=[ref.id for ref in new])
    assert analysed("membership") == 2


def _pending_entries(index: str) -> int:
    """Entries a trigram index keeps pending, which every search reads through."""
    import peewee

    from custgroups.core.models import database

    try:
        database.execute_sql("CREATE EXTENSION IF NOT EXISTS pgstattuple")
    except peewee.DatabaseError as exc:
        pytest.skip(f"the server cannot make the pgstattuple extension: {exc}")
    return int(database.execute_sql("SELECT pending_tuples FROM pgstatginindex(%s::regclass)",
                                    [index]).fetchone()[0])


def _index_options(index: str) -> list[str]:
    from custgroups.core.models import database

    return list(database.execute_sql("SELECT reloptions FROM pg_class WHERE oid = %s::regclass",
                                     [index]).fetchone()[0] or [])


@pytest.mark.postgres
def test_search_indexes_keep_few_entries_pending(postgres_url: str) -> None:
    """A trigram index keeps new entries in a pending list every search reads through (a bulk
    load left 320 pages, and a search took 10 ms where 0.2 ms would do): the list is
    bounded to 1 MB, and merged after a bulk load."""
    db.open_database(postgres_url)
    indexes = ("customer_code_trgm", "customer_name_trgm")
    for index in indexes:
        assert _index_options(index) == ["gin_pending_list_limit=1024"]
    upsert_customers(CustomerInput(f"S{i:03d}", f"Small {i}") for i in range(50))
    assert min(map(_pending_entries, indexes)) > 0  # a small import: merged later
    upsert_customers(CustomerInput(f"N{i:05d}", f"New {i}") for i in range(db.BULK_ROWS))
    assert list(map(_pending_entries, indexes)) == [0, 0]


@pytest.mark.postgres
def test_the_upgrade_bounds_and_merges_pending_search_entries(postgres_url: str) -> None:
    """A database of schema 6 has indexes with the server's 4 MB pending lists, perhaps full:
    the upgrade bounds them and merges what is pending."""
    from custgroups.core.db import migrations
    from custgroups.core.models import SchemaInfo, database

    db.open_database(postgres_url)
    for index in ("customer_code_trgm", "customer_name_trgm"):
        database.execute_sql(f"ALTER INDEX {index} RESET (gin_pending_list_limit)")
    upsert_customers(CustomerInput(f"S{i:03d}", f"Small {i}") for i in range(50))
    assert _pending_entries("customer_name_trgm") > 0
    SchemaInfo.update(value="6").where(SchemaInfo.key == "schema_version").execute()
    db.close_database()

    db.open_database(postgres_url)
    for index in ("customer_code_trgm", "customer_name_trgm"):
        assert _index_options(index) == ["gin_pending_list_limit=1024"]
        assert _pending_entries(index) == 0
    assert migrations.schema_version() == db.LATEST_SCHEMA


@pytest.mark.postgres
def test_short_picker_searches_use_an_index_under_any_collation() -> None:
    """In a database sorting by language rules (ICU, English) rather than by code points,
    a one- or two-character search still reads an index, not every customer."""
    import uuid

    from tests.conftest import _pg_admin

    base = postgres_base_url()
    assert base is not None
    name = "cg_icu_" + uuid.uuid4().hex[:10]
    try:
        _pg_admin(base, f"CREATE DATABASE {name} TEMPLATE template0 LOCALE_PROVIDER icu "
                        "ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'")
    except Exception as exc:  # a server built without ICU
        pytest.skip(f"the server cannot make an ICU database: {exc}")
    try:
        db.open_database(base.rsplit("/", 1)[0] + f"/{name}")
        upsert_customers(CustomerInput(f"C{i:05d}", f"Customer {i}") for i in range(3000))
        from custgroups.core.customers import matching_query, search_customers
        from custgroups.core.models import database

        database.execute_sql("ANALYZE customer")
        for term in ("c1", "C", "cu"):
            sql, params = matching_query(term).sql()
            with database.atomic():
                database.execute_sql("SET LOCAL enable_seqscan = off")
                plan = "\n".join(row[0] for row in database.execute_sql(
                    "EXPLAIN " + sql, params))
            assert "Seq Scan on" not in plan and "key_c" in plan, (term, plan)
        # The page is what a search by SQLite shows: prefixes, in code-point order.
        page = search_customers("c0", 3, 4, with_total=False)
        assert [r.code for r in page.rows] == [f"C{i:05d}" for i in range(3, 7)]
        assert search_customers("cu", 2990, 100).total == 3000  # by their names
        assert [r.code for r in search_customers("cu", 2990, 100).rows] == [
            f"C{i:05d}" for i in range(2990, 3000)]
    finally:
        db.close_database()
        _pg_admin(base, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
