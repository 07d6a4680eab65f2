"""The SQLite file behind a database: made only when meant to be, and watched while open.

A missing file is never quietly replaced by an empty one. Only the default file at its first
start, or a caller that asks (the ``demo`` command), may create it; every connection after
that opens it read-write without create, and each operation first checks that the file is
still the one that was opened.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from custgroups.errors import DatabaseError
from custgroups.models import utc_now

log = logging.getLogger("custgroups.db")

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
        raise DatabaseError(
            f"The database file {path} is gone or was moved since custgroups last used it, "
            "and custgroups will not put an empty one in its place: put the file back, or, "
            f"to start afresh with an empty database, delete {marker}.")
    if not (create or default):
        raise DatabaseError(
            f"The database file {path} does not exist (moved, deleted or mistyped?), so "
            "nothing was opened or created: open it where it is now, or make a new database "
            "there with the demo command.")
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
            raise DatabaseError(
                f"The database file {self.path} is gone or was moved while custgroups was "
                "open, so nothing more can be read or saved: put it back, or restart "
                "custgroups and open it where it is now.")
