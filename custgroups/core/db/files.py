"""The SQLite file behind a database: made only when meant to be, and watched while open.

A missing file is never quietly replaced by an empty one. Only the default file at its first
start, or a caller that asks (the ``demo`` command), may create it; every connection after
that opens it read-write without create, and each operation first checks that the file is
still the one that was opened.
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

import peewee
import platformdirs

from custgroups.core.clock import utc_now
from custgroups.core.errors import DatabaseError, Sentence, tr

log = logging.getLogger("custgroups.db")

#: How long an SQLite write waits for another writer before it gives up with a sentence.
SQLITE_BUSY_TIMEOUT_S = 15.0

#: Written beside the default database once it exists, so that a later start can tell a
#: first start (create it) from a file that went missing (refuse, and say so).
MARKER_SUFFIX = ".created"


def marker_path(path: Path) -> Path:
    """The note beside the default database file that says it was made."""
    return path.with_name(path.name + MARKER_SUFFIX)


def connection_uri(path: Path) -> str:
    """A ``file:`` URI opening ``path`` read-write but never creating it.

    Each thread opens its own connection; without ``mode=rw`` a worker starting after the
    file was deleted would make a new, empty database in its place.
    """
    return path.absolute().as_uri() + "?mode=rw"


def prepare(path: Path, create: bool, default: bool) -> None:
    """Make sure ``path`` exists before it is opened: create it only where that is allowed.

    Raises :class:`DatabaseError` for a missing file that may not be created.
    """
    if path.exists():
        return
    marker = marker_path(path)
    if default and marker.exists() and not create:
        raise DatabaseError(tr(
            "The database file {path} is gone or was moved since custgroups last used it, "
            "and custgroups will not put an empty one in its place: put the file back, or, "
            "to start afresh with an empty database, delete {marker}.",
            path=str(path), marker=str(marker)))
    if not (create or default):
        raise DatabaseError(tr(
            "The database file {path} does not exist (moved, deleted or mistyped?), so "
            "nothing was opened or created: open it where it is now, or make a new database "
            "there with the demo command.", path=str(path)))
    log.info("creating the database file %s", path)
    # An empty file is an empty SQLite database; O_EXCL is not wanted, as two copies
    # starting at once may both get here.
    with open(path, "ab"):
        pass


def record_created(path: Path) -> None:
    """Leave the marker beside the default database, if it is not there yet."""
    marker = marker_path(path)
    if marker.exists():
        return
    try:
        marker.write_text(
            f"custgroups uses {path.name} in this folder (noted {utc_now():%Y-%m-%d %H:%M} "
            f"UTC).\nIf {path.name} goes missing, custgroups refuses to start rather than "
            "make a new, empty one.\nDelete this file to start afresh with an empty "
            "database.\n", encoding="utf-8")
    except OSError:  # the database works without it; only the first-start check weakens
        log.warning("could not write %s", marker, exc_info=True)


@dataclass(frozen=True)
class OpenedFile:
    """The database file as it was when opened: its path and which file it was."""

    path: Path
    device: int
    inode: int

    @classmethod
    def of(cls, path: Path) -> OpenedFile:
        """The file now at ``path``."""
        found = os.stat(path)
        return cls(path, found.st_dev, found.st_ino)

    def check(self) -> None:
        """Raise :class:`DatabaseError` unless the same file is still at its path.

        One ``stat``, cheap enough to run before every operation. A connection still open on
        a deleted file would go on reading and writing a file nobody can find again.
        """
        try:
            found = os.stat(self.path)
        except FileNotFoundError:
            found = None
        if found is None or (found.st_dev, found.st_ino) != (self.device, self.inode):
            raise DatabaseError(tr(
                "The database file {path} is gone or was moved while custgroups was open, "
                "so nothing more can be read or saved: put it back, or restart custgroups "
                "and open it where it is now.", path=str(self.path)))


# --- addresses and connections ----------------------------------------------------------


_PASSWORD_IN_QUERY = re.compile(r"((?:^|&)(?:ssl)?password=)[^&]*", re.IGNORECASE)


def display_name(url: str) -> str:
    """The URL as a clerk may see it: no password, in the user part or in the query."""
    parsed = urlparse(url)
    shown = url
    if parsed.password:
        shown = shown.replace(":" + parsed.password + "@", ":***@", 1)
    if parsed.query:
        query = _PASSWORD_IN_QUERY.sub(r"\1***", parsed.query)
        shown = shown.replace("?" + parsed.query, "?" + query, 1)
    return shown


#: The default file's name. One development version named it "custgroups.core.db" by
#: mistake; a file of that name is still used where it is the only one.
DEFAULT_FILE_NAME = "custgroups.db"
_MISNAMED = "custgroups.core.db"


def default_database_path() -> Path:
    """The per-user SQLite file used when no other database is named."""
    folder = platformdirs.user_data_path("custgroups", appauthor=False)
    chosen, misnamed = folder / DEFAULT_FILE_NAME, folder / _MISNAMED
    if not chosen.exists() and not marker_path(chosen).exists() and misnamed.exists():
        return misnamed
    return chosen


def sqlite_path(url: str) -> Path | None:
    """The file an SQLite address names (None for ``:memory:``); refuses other addresses."""
    parsed = urlparse(url)
    scheme = parsed.scheme.lower()
    if scheme in ("", "file") or len(scheme) == 1:  # a bare path, or "C:\..." on Windows
        return Path(url if scheme != "file" else parsed.path).expanduser()
    if scheme == "sqlite":
        path = unquote(parsed.path[1:] if parsed.path.startswith("/") else parsed.path)
        if parsed.netloc:  # "sqlite://relative.db": the name landed in the host part
            path = parsed.netloc + ("/" + path if path else "")
        if not path:
            raise DatabaseError(tr("'{address}' names no database file: use "
                                   "sqlite:///path/to/file.db.", address=url))
        return Path(path).expanduser() if path != ":memory:" else None
    raise DatabaseError(tr(
        "'{address}' is not a database address custgroups understands: "
        "use sqlite:///path/to/file.db or postgresql://user@host:5432/name.",
        address=display_name(url)))


def is_default(path: Path) -> bool:
    """True when ``path`` is the per-user default database file."""
    return path.resolve() == default_database_path().resolve()


def make_sqlite(path: Path | None, options: dict[str, str], create: bool) -> peewee.Database:
    """The SQLite database at ``path`` with its pragmas, after checking the file can be used."""
    timeout = float(options.get("timeout", SQLITE_BUSY_TIMEOUT_S))
    if path is not None:
        default = is_default(path)
        if default:
            path.parent.mkdir(parents=True, exist_ok=True)
        if not path.parent.is_dir():
            raise DatabaseError(tr("The folder {folder} does not exist, so the database "
                                   "{file} cannot be opened or created there.",
                                   folder=str(path.parent), file=path.name))
        if path.is_dir():
            raise DatabaseError(tr("{path} is a folder, not a database file.", path=str(path)))
        if path.exists() and not os.access(path, os.R_OK | os.W_OK):
            raise DatabaseError(tr("The database file {path} is read-only or not yours to "
                                   "change: check its permissions, or copy it somewhere you "
                                   "can write.", path=str(path)))
        if not path.exists() and not os.access(path.parent, os.W_OK):
            raise DatabaseError(tr("The folder {folder} is read-only, so the database {file} "
                                   "cannot be created there.",
                                   folder=str(path.parent), file=path.name))
        refuse_network_share(path)
        prepare(path, create, default)
    return peewee.SqliteDatabase(
        connection_uri(path) if path is not None else ":memory:",
        uri=path is not None,
        pragmas=[
            ("journal_mode", "wal"),
            ("foreign_keys", 1),
            ("synchronous", "normal"),
            ("cache_size", -32000),
            ("temp_store", "memory"),
        ],
        timeout=timeout,
        # A DEFERRED transaction that later wants to write fails at once with
        # "database is locked" whatever the timeout; IMMEDIATE waits its turn.
        lock_type="IMMEDIATE",
    )


#: File systems that reach another computer: SQLite's write-ahead log needs memory shared
#: between every program using the file, which none of these can give.
NETWORK_FILE_SYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "afpfs", "webdav", "davfs", "9p", "ncpfs", "afs",
    "ceph", "glusterfs", "lustre", "fuse.sshfs", "fuse.davfs2", "fuse.glusterfs", "fuse.rclone",
})


def refuse_network_share(path: Path) -> None:
    """Refuse, in plain words, an SQLite file on a network share."""
    share = network_share(path.parent)
    if share is not None:
        raise DatabaseError(tr(
            "{path} is on a network share ({share}), where custgroups does not open a "
            "database file: its write-ahead log, which keeps the file safe, does not work "
            "over a network, and two computers writing at once could damage it. Copy the "
            "file to this computer, or let the team share a custgroups server (File → "
            "Connect to Server…).", path=str(path), share=share))


def network_share(folder: Path) -> str | Sentence | None:
    """What kind of network share holds ``folder`` (its file system, or words for a Windows
    share), or None for a disk of this computer."""
    folder = folder.absolute()
    if sys.platform == "win32":
        drive = os.path.splitdrive(str(folder))[0]
        if drive.startswith(("\\\\", "//")):
            return tr("a shared folder")
        import ctypes

        drive_remote = 4
        kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
        return tr("a network drive") if kernel.GetDriveTypeW(drive + "\\") == drive_remote else None
    best = ("", "")
    for point, kind in mount_table():
        inside = folder.as_posix() == point or folder.as_posix().startswith(
            point.rstrip("/") + "/")
        if inside and len(point) > len(best[0]):
            best = (point, kind)
    return best[1] if best[1].lower() in NETWORK_FILE_SYSTEMS else None


def mount_table() -> list[tuple[str, str]]:
    """(mount point, file system) of every mounted file system (Linux and macOS)."""
    try:
        if sys.platform == "darwin":
            text = subprocess.run(["/sbin/mount"], capture_output=True, text=True, timeout=5,
                                  check=False).stdout
            return parse_mac_mounts(text)
        return parse_linux_mounts(Path("/proc/self/mounts").read_text(encoding="utf-8"))
    except (OSError, subprocess.SubprocessError):
        return []


def parse_linux_mounts(text: str) -> list[tuple[str, str]]:
    """The mount points and file systems in ``/proc/self/mounts`` (spaces come as \\040)."""
    table = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            point = re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), fields[1])
            table.append((point, fields[2]))
    return table


def parse_mac_mounts(text: str) -> list[tuple[str, str]]:
    """The mount points and file systems in the output of macOS's ``mount``."""
    found = (re.match(r".* on (.+) \(([^,)]+)", line) for line in text.splitlines())
    return [(match.group(1), match.group(2)) for match in found if match]
