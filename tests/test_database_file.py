"""A database file that disappears is never recreated empty: only a first start makes one."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import peewee
import pytest

from custgroups.core import db, groups
from custgroups.core.errors import DatabaseError
from custgroups.core.groups import GroupChange
from custgroups.core.models import database

GONE = "is gone or was moved while custgroups was open"


@pytest.fixture(autouse=True)
def _closed() -> Iterator[None]:
    yield
    db.close_database()


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """A database file with one group in it, open."""
    target = tmp_path / "shop.db"
    db.open_database(str(target), create=True)
    groups.save_group(GroupChange(name="Before"), "alice")
    return target


def in_thread(work: Callable[[], Any]) -> BaseException | None:
    """Run ``work`` on a new thread, as the window's workers do; its failure, if any."""
    failure: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            failure.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join(timeout=30)
    return failure[0] if failure else None


def remove(target: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)


def test_a_missing_file_is_refused_and_not_created(tmp_path: Path) -> None:
    target = tmp_path / "missing.db"
    with pytest.raises(DatabaseError, match="does not exist") as exc:
        db.open_database(f"sqlite:///{target.as_posix()}")
    assert str(target) in str(exc.value) and "\n" not in str(exc.value)
    assert not target.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="Windows does not delete open files")
def test_deleted_between_two_operations_on_another_thread(path: Path) -> None:
    assert in_thread(groups.count_groups) is None  # a worker with its own connection
    remove(path)
    failure = in_thread(groups.count_groups)  # a worker connecting afresh
    assert isinstance(failure, DatabaseError) and GONE in str(failure)
    assert str(path) in str(failure)
    with pytest.raises(DatabaseError, match=GONE):  # the connection already open
        groups.save_group(GroupChange(name="After"), "alice")
    assert not path.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="Windows does not rename open files")
def test_moved_between_two_operations(path: Path, tmp_path: Path) -> None:
    moved = tmp_path / "elsewhere.db"
    path.rename(moved)
    for work in (groups.count_groups,
                 lambda: groups.save_group(GroupChange(name="After"), "alice")):
        failure = in_thread(work)
        assert isinstance(failure, DatabaseError) and GONE in str(failure)
        with pytest.raises(DatabaseError, match=GONE):
            work()
    assert not path.exists()
    db.close_database()
    for suffix in ("-wal", "-shm"):  # the latest work may still be in the write-ahead log
        Path(f"{path}{suffix}").rename(f"{moved}{suffix}")
    db.open_database(str(moved))  # opened where it is now, it holds what was saved
    assert [g.name for g in groups.list_groups(groups.GroupQuery()).rows] == ["Before"]


@pytest.mark.skipif(sys.platform == "win32", reason="Windows does not rename open files")
def test_a_file_put_back_works_again(path: Path, tmp_path: Path) -> None:
    moved = tmp_path / "elsewhere.db"
    path.rename(moved)
    with pytest.raises(DatabaseError, match=GONE):
        groups.count_groups()
    moved.rename(path)
    assert groups.count_groups() == 1


@pytest.mark.skipif(sys.platform == "win32", reason="Windows does not rename open files")
def test_moved_during_a_save_keeps_nothing(path: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    moved = tmp_path / "elsewhere.db"
    real = groups._insert_group

    def insert_then_move(*args: Any, **kwargs: Any) -> int:
        group_id = real(*args, **kwargs)
        path.rename(moved)
        return group_id

    monkeypatch.setattr(groups, "_insert_group", insert_then_move)
    with pytest.raises(DatabaseError, match=GONE):
        groups.save_group(GroupChange(name="During"), "alice")
    monkeypatch.undo()
    moved.rename(path)
    assert [g.name for g in groups.list_groups(groups.GroupQuery()).rows] == ["Before"]


@pytest.mark.skipif(sys.platform == "win32", reason="Windows does not delete open files")
def test_no_connection_can_create_the_file_again(path: Path) -> None:
    remove(path)
    # Straight to the driver, past the check before each operation.
    failure = in_thread(lambda: database.obj.connect())
    assert isinstance(failure, peewee.OperationalError)
    assert not path.exists()


# --- the default database ------------------------------------------------------------------


def test_the_default_file_is_made_at_the_first_start_only(tmp_path: Path) -> None:
    default = db.default_database_path()
    marker = default.with_name(default.name + ".created")
    assert not default.parent.exists()
    db.open_database()
    assert default.is_file() and marker.is_file()
    groups.save_group(GroupChange(name="Kept"), "alice")
    db.close_database()

    remove(default)
    with pytest.raises(DatabaseError, match="is gone or was moved since custgroups last used"
                       ) as exc:
        db.open_database()
    assert str(marker) in str(exc.value) and "\n" not in str(exc.value)
    assert not default.exists()

    marker.unlink()  # deliberately starting afresh, as the message says
    db.open_database()
    assert default.is_file() and marker.is_file() and groups.count_groups() == 0


def test_a_default_file_from_before_the_note_gets_one(tmp_path: Path) -> None:
    default = db.default_database_path()
    marker = default.with_name(default.name + ".created")
    db.open_database()
    db.close_database()
    marker.unlink()
    db.open_database()
    assert marker.is_file()
    db.close_database()
    remove(default)
    with pytest.raises(DatabaseError, match="gone or was moved"):
        db.open_database()


def test_the_default_file_named_explicitly_counts_as_the_default(tmp_path: Path) -> None:
    default = db.default_database_path()
    db.open_database(f"sqlite:///{default.as_posix()}")  # first start, however it is named
    assert default.is_file()
    db.close_database()
    remove(default)
    with pytest.raises(DatabaseError, match="gone or was moved"):
        db.open_database(str(default))
    db.open_database(str(default), create=True)  # what the demo command does
    assert default.is_file()


def test_the_window_refuses_a_missing_file(tmp_path: Path, qtbot: object,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from custgroups import app

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda parent, title, text: said.append(text))
    monkeypatch.setattr(QApplication, "setHighDpiScaleFactorRoundingPolicy",
                        lambda policy: None)  # only allowed before the application exists
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    target = tmp_path / "missing.db"
    assert app.run(f"sqlite:///{target.as_posix()}") == 1
    assert len(said) == 1 and "does not exist" in said[0]
    assert not target.exists()


# --- a file on a network share ----------------------------------------------------------------


def test_an_sqlite_file_on_a_network_share_is_refused_and_left_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from custgroups.core.db import files

    share = tmp_path / "team share"
    share.mkdir()
    mounts = (f"/dev/sda1 / ext4 rw 0 0\n"
              f"srv:/groups {share.as_posix().replace(' ', chr(92) + '040')} nfs4 rw 0 0\n")
    monkeypatch.setattr(files, "mount_table", lambda: files.parse_linux_mounts(mounts))
    with pytest.raises(DatabaseError, match=r"on a network share \(nfs4\).*write-ahead log.*"
                                            r"Connect to Server"):
        db.open_database(f"sqlite:///{(share / 'groups.db').as_posix()}", create=True)
    assert list(share.iterdir()) == []  # nothing made there
    db.open_database(f"sqlite:///{(tmp_path / 'local.db').as_posix()}", create=True)  # local


def test_network_shares_are_told_from_local_disks() -> None:
    from custgroups.core.db.files import NETWORK_FILE_SYSTEMS, parse_mac_mounts

    mac = parse_mac_mounts("//ana@srv/Groups on /Volumes/Groups (smbfs, nodev, nosuid)\n"
                           "/dev/disk1s1 on / (apfs, local, journaled)\n")
    assert mac == [("/Volumes/Groups", "smbfs"), ("/", "apfs")]
    assert {"smbfs", "nfs4", "cifs"} <= NETWORK_FILE_SYSTEMS
    assert not {"apfs", "ext4", "ntfs", "tmpfs"} & NETWORK_FILE_SYSTEMS
