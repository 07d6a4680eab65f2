"""Database failures in plain words: one sentence a clerk understands, details to the log."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

#: Less free space than this beside a database that failed to write means the disk is full:
#: SQLite then reports only "disk I/O error" (it could not grow its shared-memory file).
NEARLY_FULL_BYTES = 1 << 20


def chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception and every one behind it: causes, contexts and wrapped arguments."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        current = todo.pop(0)
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        todo.extend([current.__cause__, current.__context__])
        todo.extend(arg for arg in current.args if isinstance(arg, BaseException))


def connection_lost(exc: BaseException) -> bool:
    """True when a failure means the database server connection is gone."""
    text = " ".join(str(e) for e in chain(exc)).lower()
    return any(
        needle in text
        for needle in (
            "server closed the connection",
            "connection already closed",
            "terminating connection",
            "connection not open",
            "ssl connection has been closed",
            "could not receive data from server",
            "no connection to the server",
        )
    )


def is_disk_full(exc: BaseException) -> bool:
    """True when a failure says outright that the disk (or the user's quota) is full."""
    text = " ".join(str(e) for e in chain(exc)).lower()
    return ("database or disk is full" in text or "no space left" in text
            or "disk quota exceeded" in text
            or any(isinstance(e, OSError) and e.errno in (28, 122) for e in chain(exc)))


def nearly_full(folder: Path | None) -> bool:
    """True when the disk holding ``folder`` has (almost) no room left."""
    if folder is None:
        return False
    try:
        return shutil.disk_usage(folder).free < NEARLY_FULL_BYTES
    except OSError:
        return False


def server_restarting(exc: BaseException) -> bool:
    """True when the database server said it is shutting down, starting up or recovering."""
    text = " ".join(str(e) for e in chain(exc)).lower()
    return any(needle in text for needle in (
        "the database system is starting up",
        "the database system is shutting down",
        "the database system is in recovery mode",
        "the database system is not yet accepting connections",
        "terminating connection due to administrator command",
    ))


def explain(exc: BaseException, where: str, url: str | None = None,
            folder: Path | None = None, reading: bool = False) -> str:
    """One sentence a clerk understands for a database failure at ``where``.

    ``folder`` is where an SQLite database lives: a failure to write there on a disk with no
    room left is a full disk, whatever SQLite called it, and never a reason to restore.
    ``reading`` says the failure stopped a read, which changed nothing whatever happened.
    """
    text = " ".join(str(e) for e in chain(exc)).lower()
    errno = next((e.errno for e in chain(exc) if isinstance(e, OSError)), None)

    if is_disk_full(exc) or ("disk i/o error" in text and nearly_full(folder)):
        if url and urlparse(url).scheme.lower().startswith("postgres"):
            return ("The database server's disk is full, so nothing was saved; the database "
                    "itself is intact. Ask the server's administrator to free some space.")
        disk = f"The disk holding {folder}" if folder is not None else "The disk"
        return (f"{disk} is full, so nothing was saved; the database itself is intact. Free "
                "some space and try again.")
    nothing = "nothing was changed" if reading else "nothing was saved"
    if "database is locked" in text or "database table is locked" in text:
        return ("Another clerk's change or another program is holding the database, so "
                f"{nothing}; try again in a moment.")
    if "lock timeout" in text:
        return f"Another clerk's change is holding this group, so {nothing}; try again in a moment."
    if "statement timeout" in text:
        return (f"The database server stopped this because it ran too long, so {nothing}. "
                "Try again when the server is less busy, or ask its administrator.")
    if "idle-in-transaction timeout" in text:
        return ("This save was left waiting part-way (did the computer sleep?), so the database "
                "server cancelled it and nothing was saved. Try again.")
    if "readonly database" in text or "read-only" in text or errno in (13, 30):
        return (f"The database {where} is read-only here, so nothing was saved. "
                "Check the file's permissions or open a copy you can change.")
    if "file is not a database" in text or "encrypted or is not a database" in text:
        return f"{where} is not a custgroups database (or it is damaged). Open another file."
    if "malformed" in text or "disk i/o error" in text:
        return (f"The database {where} could not be read or written: it is damaged or its disk "
                f"failed. {nothing.capitalize()}; details are in the log. If this happens "
                "again, restore it from a backup.")
    if "unable to open database file" in text:
        return (f"The database {where} cannot be opened: the file or its folder is missing, "
                "or you may not write there.")
    if "password authentication failed" in text or "no password supplied" in text:
        return f"The database server refused the login for {where}: check the user and password."
    if "role" in text and "does not exist" in text:
        return f"The database server does not know the user named in {where}."
    if "does not exist" in text and "database" in text and "fatal" in text:
        name = urlparse(url).path.lstrip("/") if url else ""
        return f"The database server has no database named '{name}' ({where})."
    if (
        "could not connect" in text
        or "connection refused" in text
        or "could not translate host name" in text
        or "timeout expired" in text
        or "name or service not known" in text
    ):
        return (f"Cannot reach the database server for {where}. Check that it is running and "
                "that this computer is on its network.")
    before_commit = any(getattr(e, "before_commit", False) for e in chain(exc))
    if server_restarting(exc):
        if reading:
            return (f"The database server for {where} is restarting, so nothing could be read. "
                    "Try again in a moment.")
        if before_commit or not connection_lost(exc):  # refused at connecting: nothing sent
            return (f"The database server for {where} is restarting, so your change was not "
                    "saved. Try again in a moment.")
        return (f"The database server for {where} restarted while your change was being "
                "saved: check whether it is there before repeating it.")
    if connection_lost(exc):
        if reading:
            return ("The connection to the database server was lost while reading; nothing "
                    "was changed. Try again: it reconnects by itself.")
        if before_commit:
            return ("The connection to the database server was lost before your change was "
                    "saved, so nothing was saved. Try again: it reconnects by itself.")
        return ("The connection to the database server was lost. It will reconnect on the next "
                "try; check whether your last change is there before repeating it.")
    if "deadlock" in text or "could not serialize" in text:
        return "Someone else was changing the same data at that moment. Please try again."
    if "max connections" in text or "too many clients" in text:
        return "The database server has no free connections right now. Try again in a moment."
    return ("The database reported a problem it did not explain; nothing was half-saved. "
            "Details are in the log.")
