"""Opening databases by URL, schemas and migrations, and other programs' files left alone."""

from __future__ import annotations

import contextlib
import importlib.util
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from custgroups.core import db, groups
from custgroups.core.errors import DatabaseError, SchemaTooNewError
from custgroups.core.groups import GroupChange
from custgroups.core.models import SchemaInfo, database
from tests import db_helpers

# Every test here leaves the database closed; pytest finds the fixture under this name.
_closed = db_helpers._closed


def test_default_database_is_created_in_the_app_data_folder(tmp_path: Path) -> None:
    db.open_database()
    assert (tmp_path / "appdata" / "custgroups.db").is_file()
    assert db.info().kind == "sqlite"


def test_a_default_file_under_the_mistaken_name_is_still_found(tmp_path: Path) -> None:
    misnamed = tmp_path / "appdata" / "custgroups.core.db"
    misnamed.parent.mkdir()
    db.open_database(f"sqlite:///{misnamed.as_posix()}", create=True)
    groups.save_group(GroupChange(name="Kept"), "x")
    db.close_database()
    db.open_database()  # the default: the clerk's groups are there, not a new empty file
    assert db.info().display_name.endswith("custgroups.core.db")
    assert groups.count_groups() == 1
    assert not (tmp_path / "appdata" / "custgroups.db").exists()


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
    assert SchemaInfo.get(SchemaInfo.key == "schema_version").value == str(db.LATEST_SCHEMA)
    assert groups.save_group(GroupChange(name="New"), "alice").code == "CG-000008"


@pytest.mark.parametrize(("url", "shown"), [
    ("postgresql://clerk:secret@server:5432/cg", "postgresql://clerk:***@server:5432/cg"),
    ("postgresql://clerk@server/cg?password=secret&schema=x",
     "postgresql://clerk@server/cg?password=***&schema=x"),
    ("postgresql://c@h/d?schema=x&PASSWORD=a&sslpassword=b",
     "postgresql://c@h/d?schema=x&PASSWORD=***&sslpassword=***"),
    ("sqlite:////tmp/a.db", "sqlite:////tmp/a.db"),
    ("C:/data/team.db", "C:/data/team.db"),
])
def test_a_password_is_never_shown(url: str, shown: str) -> None:
    assert db.display_name(url) == shown


@pytest.mark.skipif(importlib.util.find_spec("psycopg2") is None,
                    reason="the PostgreSQL driver (the postgres extra) is not installed")
def test_the_pool_and_timeouts_are_set_in_the_address() -> None:
    from custgroups.core.db.connect import _make_database

    server, _kind = _make_database("postgresql://clerk@server/cg?max_connections=3"
                                   "&pool_timeout=5&lock_timeout=2s&connect_timeout=9")
    assert (server._max_connections, server._wait_timeout) == (3, 5)
    assert server.session["lock_timeout"] == "2s"
    assert server.connect_params["connect_timeout"] == 9
    default, _kind = _make_database("postgresql://clerk@server/cg")
    assert default._max_connections == 8
    for bad in ("max_connections=0", "max_connections=many"):
        with pytest.raises(DatabaseError, match="is not valid: max_connections must be"):
            db.open_database(f"postgresql://clerk@server/cg?{bad}")
