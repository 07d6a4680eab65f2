"""Opening databases by URL, migrations, and every database failure in plain words."""

from __future__ import annotations

import contextlib
import importlib.util
import os
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import peewee
import pytest

from custgroups.core import db, groups
from custgroups.core.customers import CustomerInput, upsert_customers
from custgroups.core.db import operations
from custgroups.core.errors import DatabaseError, SchemaTooNewError
from custgroups.core.groups import GroupChange
from custgroups.core.models import SchemaInfo, database
from tests.conftest import postgres_base_url
from tests.pg_proxy import RestartingServer, restarting_server


@pytest.fixture(autouse=True)
def _closed() -> object:
    yield
    db.close_database()


def test_default_database_is_created_in_the_app_data_folder(tmp_path: Path) -> None:
    db.open_database()
    assert (tmp_path / "appdata" / "custgroups.core.db").is_file()
    assert db.info().kind == "sqlite"


def test_environment_variable_picks_the_database(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "from-env.db"
    monkeypatch.setenv("CUSTGROUPS_DATABASE", f"sqlite:///{target.as_posix()}")
    db.open_database(create=True)
    assert target.is_file()
    explicit = tmp_path / "explicit.db"
    db.open_database(f"sqlite:///{explicit.as_posix()}", create=True)  # an explicit URL wins
    assert explicit.is_file()


def test_a_bare_path_is_an_sqlite_file(tmp_path: Path) -> None:
    db.open_database(str(tmp_path / "bare.db"), create=True)
    assert (tmp_path / "bare.db").is_file()


def test_sqlite_pragmas(sqlite_url: str) -> None:
    db.open_database(sqlite_url, create=True)
    pragma = lambda name: database.execute_sql(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
    assert pragma("journal_mode") == "wal"
    assert pragma("foreign_keys") == 1
    assert pragma("busy_timeout") >= 10_000
    assert database.obj._lock_type == "IMMEDIATE"
    assert db.info().customer_search_index


def test_reopening_keeps_data_and_schema(sqlite_url: str) -> None:
    db.open_database(sqlite_url, create=True)
    groups.save_group(GroupChange(name="Kept"), "alice")
    db.open_database(sqlite_url, create=True)
    assert groups.count_groups() == 1
    assert SchemaInfo.get(SchemaInfo.key == "schema_version").value == str(db.LATEST_SCHEMA)


def test_newer_schema_is_refused_untouched(sqlite_url: str) -> None:
    db.open_database(sqlite_url, create=True)
    SchemaInfo.update(value="999").where(SchemaInfo.key == "schema_version").execute()
    db.close_database()
    with pytest.raises(SchemaTooNewError, match="newer version of custgroups"):
        db.open_database(sqlite_url, create=True)
    conn = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"))
    assert conn.execute("SELECT value FROM schema_info").fetchone() == ("999",)
    conn.close()


def _foreign_database(path: Path, journal_mode: str) -> None:
    """Another program's database: its own tables, an index and triggers using new.id."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute(f"PRAGMA journal_mode={journal_mode}")
        conn.executescript("""
            CREATE TABLE item (item_no INTEGER PRIMARY KEY, label TEXT NOT NULL);
            CREATE TABLE customer (code TEXT PRIMARY KEY, name TEXT);
            CREATE TABLE item_log (item_no INTEGER, what TEXT);
            CREATE INDEX item_label ON item (label);
            CREATE TRIGGER item_added AFTER INSERT ON item
                BEGIN INSERT INTO item_log VALUES (new.item_no, 'added'); END;
            CREATE TRIGGER item_removed AFTER DELETE ON item
                BEGIN INSERT INTO item_log VALUES (old.item_no, 'removed'); END;
            INSERT INTO item (label) VALUES ('bolts'), ('nuts');
            INSERT INTO customer VALUES ('C1', 'Someone');
            DELETE FROM item WHERE label = 'nuts';
        """)
        conn.commit()


@pytest.mark.parametrize("journal_mode", ["delete", "wal"])
def test_another_programs_sqlite_file_is_refused_untouched(tmp_path: Path,
                                                           journal_mode: str) -> None:
    path = tmp_path / "stock.db"
    _foreign_database(path, journal_mode)
    before = path.read_bytes()
    with pytest.raises(DatabaseError) as exc:
        db.open_database(f"sqlite:///{path.as_posix()}", create=True)
    assert str(exc.value) == (
        f"{path} belongs to another program: it holds tables (customer, item, item_log) but "
        "no custgroups schema, so custgroups left it untouched. Open a custgroups database, "
        "or give a new file name to start one.")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stock.db"]
    with contextlib.closing(sqlite3.connect(path)) as conn:  # its owner still works
        conn.execute("INSERT INTO item (label) VALUES ('washers')")
        conn.execute("DELETE FROM item WHERE label = 'bolts'")
        assert conn.execute("SELECT what FROM item_log").fetchall() == [
            ("added",), ("added",), ("removed",), ("added",), ("removed",)]


@pytest.mark.parametrize("schema", [
    "CREATE TABLE schema_info (key TEXT PRIMARY KEY, value TEXT)",  # our name, not our record
    "CREATE TABLE schema_info (version INTEGER)",  # another tool's table of that name
    "CREATE VIEW today AS SELECT date('now') AS day",  # nothing but a view
])
def test_a_file_with_anything_but_our_schema_record_is_refused(tmp_path: Path,
                                                                schema: str) -> None:
    path = tmp_path / "other.db"
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute(schema)
        conn.commit()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="belongs to another program"):
        db.open_database(str(path))
    assert path.read_bytes() == before


def test_another_programs_interrupted_file_is_left_for_it_to_finish(tmp_path: Path) -> None:
    path = tmp_path / "stock.db"
    _foreign_database(path, "delete")
    script = textwrap.dedent(f"""
        import os, sqlite3
        conn = sqlite3.connect({str(path)!r})
        conn.execute("PRAGMA cache_size = 1")
        conn.executemany("INSERT INTO item (label) VALUES (?)", [("x" * 200,)] * 3000)
        os._exit(0)  # stopped mid-transaction: a hot journal stays beside the file
    """)
    subprocess.run([sys.executable, "-c", script], check=True)
    journal = path.with_name("stock.db-journal")
    assert journal.stat().st_size > 0
    before, pending = path.read_bytes(), journal.read_bytes()
    with pytest.raises(DatabaseError, match="left half-written when the program using it"):
        db.open_database(str(path))
    assert (path.read_bytes(), journal.read_bytes()) == (before, pending)


def test_an_empty_file_becomes_a_database(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    path.touch()
    db.open_database(f"sqlite:///{path.as_posix()}")
    assert groups.count_groups() == 0


@pytest.mark.parametrize("recorded", ["999", "2.0", "one", "", "²"])
def test_a_schema_version_this_copy_cannot_use_is_refused_before_any_pragma(
        sqlite_url: str, recorded: str) -> None:
    db.open_database(sqlite_url, create=True)
    SchemaInfo.update(value=recorded).where(SchemaInfo.key == "schema_version").execute()
    database.execute_sql("PRAGMA journal_mode=delete")  # so WAL mode would show in the file
    db.close_database()
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    before = path.read_bytes()
    with pytest.raises(DatabaseError) as exc:
        db.open_database(sqlite_url)
    message = str(exc.value)
    if recorded == "999":
        assert isinstance(exc.value, SchemaTooNewError) and "newer version" in message
    else:
        assert message.startswith(f"This database records its schema version as '{recorded}'")
        assert "unexpected" not in message
    assert path.read_bytes() == before


def test_info_on_another_programs_file_fails_in_one_sentence(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from custgroups.cli import main

    path = tmp_path / "stock.db"
    _foreign_database(path, "delete")
    before = path.read_bytes()
    assert main(["--database", str(path), "info"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "belongs to another program" in err
    assert path.read_bytes() == before


def test_a_schema_version_that_is_not_a_number_gets_a_sentence(database_url: str) -> None:
    db.open_database(database_url, create=True)
    SchemaInfo.update(value="v2").where(SchemaInfo.key == "schema_version").execute()
    db.close_database()
    with pytest.raises(DatabaseError, match="records its schema version as 'v2'"):
        db.open_database(database_url)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("sqlite:////no/such/folder/x.db", "The folder /no/such/folder does not exist"),
        ("mysql://host/name", "is not a database address custgroups understands"),
        ("sqlite://", "names no database file"),
        pytest.param("postgresql://host", "names no database", marks=pytest.mark.skipif(
            importlib.util.find_spec("psycopg2") is None,
            reason="the PostgreSQL driver (the postgres extra) is not installed")),
    ],
)
def test_bad_addresses(url: str, message: str) -> None:
    with pytest.raises(DatabaseError, match=message):
        db.open_database(url)


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    junk = tmp_path / "notes.db"
    junk.write_bytes(b"This is a shopping list, not a database.\n" * 100)
    with pytest.raises(DatabaseError) as exc:
        db.open_database(str(junk))
    assert str(exc.value).endswith("is not a custgroups database (or it is damaged). "
                                   "Open another file.")
    assert junk.read_bytes().startswith(b"This is a shopping list")


def test_a_folder_in_place_of_the_file(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="is a folder"):
        db.open_database(str(tmp_path))


def test_a_read_only_file_is_refused_up_front(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "ro.db"
    db.open_database(str(path), create=True)
    db.close_database()
    # Tests may run as root, for whom permissions do not bite; ask the check directly.
    monkeypatch.setattr(os, "access", lambda p, mode: False)
    with pytest.raises(DatabaseError, match="is read-only or not yours to change"):
        db.open_database(str(path))


def test_sqlite_read_only_errors_are_explained(tmp_path: Path) -> None:
    path = tmp_path / "ro.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as exc:
        conn.execute("INSERT INTO t VALUES (1)")
    conn.close()
    assert "is read-only here, so nothing was saved" in db.explain(exc.value)


def test_a_locked_database_says_so_and_keeps_nothing(tmp_path: Path) -> None:
    path = tmp_path / "locked.db"
    db.open_database(f"sqlite:///{path.as_posix()}?timeout=0.3", create=True)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseError, match="another program is holding the database, so "
                                                "nothing was saved"):
            groups.save_group(GroupChange(name="Blocked"), "alice")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert groups.count_groups() == 0
    assert groups.save_group(GroupChange(name="Later"), "alice").code == "CG-000001"


def test_a_full_disk_says_so_and_keeps_nothing(sqlite_url: str) -> None:
    db.open_database(sqlite_url, create=True)
    upsert_customers(CustomerInput(f"C{i:05d}", f"Customer {i}") for i in range(3000))
    group = groups.save_group(GroupChange(name="Before"), "alice")
    pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
    database.execute_sql(f"PRAGMA max_page_count = {pages + 2}")
    ids = frozenset(range(1, 3001))
    with pytest.raises(DatabaseError) as exc:
        groups.save_group(GroupChange(name="Before", group_id=group.id,
                                      expected_version=group.version,
                                      add_customer_ids=ids), "alice")
    folder = Path(sqlite_url.removeprefix("sqlite:///")).parent
    assert str(exc.value) == (f"The disk holding {folder} is full, so nothing was saved; "
                              "the database itself is intact. Free some space and try again.")
    database.execute_sql("PRAGMA max_page_count = 1073741823")
    assert groups.get_group(group.id).member_count == 0
    assert groups.member_ids(group.id) == set()


def test_disk_full_hidden_behind_a_failed_rollback_is_found() -> None:
    full = sqlite3.OperationalError("database or disk is full")
    try:
        try:
            raise peewee.OperationalError(full, *full.args)
        except peewee.OperationalError:
            raise peewee.OperationalError("cannot rollback - no transaction is active") from None
    except peewee.OperationalError as exc:
        outer = exc
    outer.__context__ = peewee.OperationalError(full, *full.args)
    assert "is full, so nothing was saved" in db.explain(outer)


def test_details_go_to_the_log_not_the_message(tmp_path: Path) -> None:
    from custgroups.core.logs import setup_logging

    log_path = setup_logging()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00garbage" * 500)
    with pytest.raises(DatabaseError) as exc:
        db.open_database(str(junk))
    assert "Traceback" not in str(exc.value) and "sqlite3" not in str(exc.value)
    assert log_path is not None
    logged = Path(log_path).read_text(encoding="utf-8")
    assert "Traceback" in logged and "file is not a database" in logged


def test_two_copies_migrating_a_new_file_at_once(tmp_path: Path) -> None:
    path = tmp_path / "fresh.db"
    script = textwrap.dedent(f"""
        from custgroups.core import db, groups
        db.open_database({str(path)!r}, create=True)
        print(groups.count_groups())
    """)
    procs = [subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(3)]
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        assert out.strip() == "0"


# --- PostgreSQL ---------------------------------------------------------------------------


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


def _terminate_backends() -> None:
    """End every custgroups session on the server, as a restart does (SQLSTATE 57P01)."""
    from tests.conftest import _pg_admin

    base = postgres_base_url()
    assert base is not None
    _pg_admin(base, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
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


@pytest.mark.parametrize("url", ["postgresql://u@host:notaport/db", "sqlite:///x.db?timeout=abc"])
def test_malformed_options_in_plain_words(url: str, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DatabaseError, match="is not valid"):
        db.open_database(url)


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


def test_a_schema_1_database_numbers_on_from_its_counter(database_url: str) -> None:
    from custgroups.core.models import Counter

    db.open_database(database_url, create=True)
    for i in range(3):
        groups.save_group(GroupChange(name=f"Old {i}"), "alice")
    Counter.update(value=7).where(Counter.name == "group_code").execute()
    SchemaInfo.update(value="1").where(SchemaInfo.key == "schema_version").execute()
    if db.is_postgres():
        database.execute_sql("DROP SEQUENCE group_code_seq")
    db.close_database()
    db.open_database(database_url)
    assert SchemaInfo.get(SchemaInfo.key == "schema_version").value == "2"
    assert groups.save_group(GroupChange(name="New"), "alice").code == "CG-000008"
