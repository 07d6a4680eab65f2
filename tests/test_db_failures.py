"""Database failures in plain words: bad addresses and files, read-only, locked, full disks."""

from __future__ import annotations

import importlib.util
import os
import sqlite3
from pathlib import Path

import peewee
import pytest

from custgroups.core import db, groups
from custgroups.core.customers import CustomerInput, upsert_customers
from custgroups.core.errors import DatabaseError
from custgroups.core.groups import GroupChange
from custgroups.core.models import database
from tests import db_helpers

# Every test here leaves the database closed; pytest finds the fixture under this name.
_closed = db_helpers._closed


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


@pytest.mark.parametrize("url", ["postgresql://u@host:notaport/db", "sqlite:///x.db?timeout=abc"])
def test_malformed_options_in_plain_words(url: str, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DatabaseError, match="is not valid"):
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
    assert "is read-only here, so nothing was saved" in str(db.explain(exc.value))


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
    assert "is full, so nothing was saved" in str(db.explain(outer))


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
