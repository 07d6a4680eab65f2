"""Database failures in plain words: one sentence a clerk understands, details to the log.

A failure is read by what does not depend on language: PostgreSQL's SQLSTATE and psycopg2's
error classes (see :mod:`custgroups.core.db.sqlstate`), SQLite's error names. Words are read
only where nothing else tells: SQLite's messages (always English), libpq's own (English) and a
server's refusal of a new connection, which psycopg2 hands on without its SQLSTATE. What a
server says in a session may be in its own language (``lc_messages``) and is never read.
"""

from __future__ import annotations

import enum
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, urlparse

from playhouse.pool import MaxConnectionsExceeded

from custgroups.core.db import sqlstate
from custgroups.core.db.sqlstate import chain, connection_lost, said, server_restarting
from custgroups.core.errors import Sentence, tr

__all__ = ["SENTENCES", "Failure", "chain", "classify", "connection_lost", "explain",
           "is_disk_full", "nearly_full", "sentence", "server_restarting"]

#: Less free space than this beside a database that failed to write means the disk is full:
#: SQLite then reports only "disk I/O error" (it could not grow its shared-memory file).
NEARLY_FULL_BYTES = 1 << 20


class Failure(enum.Enum):
    """What went wrong, one member per sentence a clerk may be shown."""

    DISK_FULL = enum.auto()
    SERVER_DISK_FULL = enum.auto()
    FILE_BUSY = enum.auto()
    READ_ONLY_FILE = enum.auto()
    NOT_A_DATABASE = enum.auto()
    DAMAGED = enum.auto()
    CANNOT_OPEN = enum.auto()
    LOGIN_REFUSED = enum.auto()
    UNKNOWN_USER = enum.auto()
    NO_DATABASE = enum.auto()
    UNREACHABLE = enum.auto()
    REFUSED = enum.auto()
    NOT_SET_UP = enum.auto()
    NO_READ_RIGHTS = enum.auto()
    NO_WRITE_RIGHTS = enum.auto()
    READ_ONLY_SERVER = enum.auto()
    MISSING_PART = enum.auto()
    NO_FREE_CONNECTIONS = enum.auto()
    SHORT_OF_RESOURCES = enum.auto()
    CONCURRENT_CHANGE = enum.auto()
    LOCK_HELD = enum.auto()
    TOO_LONG = enum.auto()
    IDLE_ENDED = enum.auto()
    RESTARTING = enum.auto()
    RESTARTING_WHILE_READING = enum.auto()
    RESTARTED_MID_SAVE = enum.auto()
    LOST = enum.auto()
    LOST_BEFORE_SAVE = enum.auto()
    LOST_WHILE_READING = enum.auto()
    UNEXPLAINED = enum.auto()


class Words(NamedTuple):
    """What a failure's sentence may name: the database (``where``), what became of the work
    (``nothing``: "nothing was changed" after a read, "nothing was saved" after a write;
    ``Nothing`` the same at the start of a sentence), the ``disk`` and the database's
    ``name`` on its server."""

    where: str | Sentence
    nothing: Sentence
    Nothing: Sentence
    disk: Sentence
    name: str


#: The sentence for each failure, from its :class:`Words`.
SENTENCES: dict[Failure, Callable[[Words], Sentence]] = {
    Failure.DISK_FULL: lambda w: tr(
        "{disk} is full, so nothing was saved; the database itself is intact. "
        "Free some space and try again.", disk=w.disk),
    Failure.SERVER_DISK_FULL: lambda w: tr(
        "The database server's disk is full, so {nothing}; the database itself is intact. "
        "Ask your administrator to free some space.", nothing=w.nothing),
    Failure.FILE_BUSY: lambda w: tr(
        "Another clerk's change or another program is holding the database, so {nothing}; "
        "try again in a moment.", nothing=w.nothing),
    Failure.READ_ONLY_FILE: lambda w: tr(
        "The database {where} is read-only here, so nothing was saved. Check the file's "
        "permissions or open a copy you can change.", where=w.where),
    Failure.NOT_A_DATABASE: lambda w: tr(
        "{where} is not a custgroups database (or it is damaged). Open another file.",
        where=w.where),
    Failure.DAMAGED: lambda w: tr(
        "The database {where} could not be read or written: it is damaged or its disk "
        "failed. {Nothing}; details are in the log. If this happens again, restore it from "
        "a backup.", where=w.where, Nothing=w.Nothing),
    Failure.CANNOT_OPEN: lambda w: tr(
        "The database {where} cannot be opened: the file or its folder is missing, or you "
        "may not write there.", where=w.where),
    Failure.LOGIN_REFUSED: lambda w: tr(
        "The database server refused the login for {where}, so {nothing}. Check the user "
        "and password, or ask your administrator for a login.",
        where=w.where, nothing=w.nothing),
    Failure.UNKNOWN_USER: lambda w: tr(
        "The database server does not know the user named in {where}, so {nothing}. Check "
        "the user, or ask your administrator for a login.", where=w.where, nothing=w.nothing),
    Failure.NO_DATABASE: lambda w: tr(
        "The database server has no database named '{name}' ({where}), so {nothing}. Check "
        "the address, or ask your administrator for it.",
        name=w.name, where=w.where, nothing=w.nothing),
    Failure.UNREACHABLE: lambda w: tr(
        "Cannot reach the database server for {where}, so {nothing}. Check that it is "
        "running and that this computer is on its network.",
        where=w.where, nothing=w.nothing),
    Failure.REFUSED: lambda w: tr(
        "The database server for {where} refused the connection, so {nothing}; its reason "
        "is in the log. Ask your administrator.", where=w.where, nothing=w.nothing),
    Failure.NOT_SET_UP: lambda w: tr(
        "The database server for {where} is not set up for custgroups yet, and your login "
        "may not set it up, so {nothing}. Ask your administrator to run custgroups "
        "server-setup.", where=w.where, nothing=w.nothing),
    Failure.NO_READ_RIGHTS: lambda w: tr(
        "Your database login may not look at the groups in {where}, so nothing was "
        "changed; ask your administrator for access.", where=w.where),
    Failure.NO_WRITE_RIGHTS: lambda w: tr(
        "Your database login may look at the groups but not change them, so nothing was "
        "saved; ask your administrator for editing rights."),
    Failure.READ_ONLY_SERVER: lambda w: tr(
        "The database server for {where} takes no changes right now (it is a read-only "
        "copy, or set to read-only), so nothing was saved. Ask your administrator which "
        "server takes changes.", where=w.where),
    Failure.MISSING_PART: lambda w: tr(
        "The database {where} lacks a table or column custgroups needs (it was changed "
        "outside custgroups), so {nothing}. Ask your administrator to restore it.",
        where=w.where, nothing=w.nothing),
    Failure.NO_FREE_CONNECTIONS: lambda w: tr(
        "The database server has no free connections right now, so {nothing}. Try again "
        "in a moment; if this keeps happening, ask your administrator to allow more "
        "connections.", nothing=w.nothing),
    Failure.SHORT_OF_RESOURCES: lambda w: tr(
        "The database server is short of memory or another resource right now, so "
        "{nothing}. Try again later, or tell your administrator.", nothing=w.nothing),
    Failure.CONCURRENT_CHANGE: lambda w: tr(
        "Someone else was changing the same data at that moment, so {nothing}. Please try "
        "again.", nothing=w.nothing),
    Failure.LOCK_HELD: lambda w: tr(
        "Another clerk's change is holding this group, so {nothing}; try again in a "
        "moment.", nothing=w.nothing),
    Failure.TOO_LONG: lambda w: tr(
        "The database server stopped this before it finished (it ran too long, or the "
        "administrator cancelled it), so {nothing}. Try again when the server is less "
        "busy, or ask your administrator.", nothing=w.nothing),
    Failure.IDLE_ENDED: lambda w: tr(
        "This save was left waiting part-way (did the computer sleep?), so the database "
        "server cancelled it and nothing was saved. Try again."),
    Failure.RESTARTING: lambda w: tr(
        "The database server for {where} is restarting, so your change was not saved. Try "
        "again in a moment.", where=w.where),
    Failure.RESTARTING_WHILE_READING: lambda w: tr(
        "The database server for {where} is restarting, so nothing could be read. Try "
        "again in a moment.", where=w.where),
    Failure.RESTARTED_MID_SAVE: lambda w: tr(
        "The database server for {where} restarted while your change was being saved: "
        "check whether it is there before repeating it.", where=w.where),
    Failure.LOST: lambda w: tr(
        "The connection to the database server was lost. It will reconnect on the next "
        "try; check whether your last change is there before repeating it."),
    Failure.LOST_BEFORE_SAVE: lambda w: tr(
        "The connection to the database server was lost before your change was saved, so "
        "nothing was saved. Try again: it reconnects by itself."),
    Failure.LOST_WHILE_READING: lambda w: tr(
        "The connection to the database server was lost while reading; nothing was "
        "changed. Try again: it reconnects by itself."),
    Failure.UNEXPLAINED: lambda w: tr(
        "The database reported a problem it did not explain; nothing was half-saved. "
        "Details are in the log."),
}

#: PostgreSQL's SQLSTATEs, by code or by class (the first two characters).
SQLSTATES: dict[str, Failure] = {
    "08": Failure.LOST,  # connection exception
    "25006": Failure.READ_ONLY_SERVER,  # read-only transaction, also on a hot standby
    "25P03": Failure.IDLE_ENDED,  # idle-in-transaction session timeout
    "28": Failure.LOGIN_REFUSED,  # invalid authorization: password, role, pg_hba.conf
    "3D000": Failure.NO_DATABASE,
    "3F000": Failure.MISSING_PART,  # invalid schema name
    sqlstate.INSUFFICIENT_PRIVILEGE: Failure.NO_WRITE_RIGHTS,
    "42P01": Failure.MISSING_PART,  # undefined table
    "42703": Failure.MISSING_PART,  # undefined column
    "42883": Failure.MISSING_PART,  # undefined function
    "53": Failure.SHORT_OF_RESOURCES,  # insufficient resources
    "53100": Failure.SERVER_DISK_FULL,
    "53300": Failure.NO_FREE_CONNECTIONS,  # for the server, a role or a database
    sqlstate.LOCK_NOT_AVAILABLE: Failure.LOCK_HELD,  # lock_timeout
    "57014": Failure.TOO_LONG,  # query canceled (statement_timeout, or by hand)
    "57P04": Failure.LOST,  # database dropped
    "57P05": Failure.LOST,  # idle session timeout
    **dict.fromkeys(sqlstate.COLLIDED, Failure.CONCURRENT_CHANGE),
    **dict.fromkeys(sqlstate.RESTARTING, Failure.RESTARTING),
}

#: SQLite's error names (their primary part; SQLITE_IOERR_SHORT_READ is an SQLITE_IOERR).
SQLITE_NAMES: dict[str, Failure] = {
    "SQLITE_FULL": Failure.DISK_FULL,
    "SQLITE_BUSY": Failure.FILE_BUSY,
    "SQLITE_LOCKED": Failure.FILE_BUSY,
    "SQLITE_READONLY": Failure.READ_ONLY_FILE,
    "SQLITE_NOTADB": Failure.NOT_A_DATABASE,
    "SQLITE_CORRUPT": Failure.DAMAGED,
    "SQLITE_IOERR": Failure.DAMAGED,
    "SQLITE_CANTOPEN": Failure.CANNOT_OPEN,
}

#: Words read where nothing else tells (see the module's docstring); the first match wins.
WORDS: dict[Failure, re.Pattern[str]] = {
    Failure.FILE_BUSY: re.compile(r"database (table )?is locked"),
    Failure.READ_ONLY_FILE: re.compile(r"readonly database"),
    Failure.NOT_A_DATABASE: re.compile(r"(file|encrypted or) is not a database"),
    Failure.DAMAGED: re.compile(r"malformed|disk i/o error"),
    Failure.CANNOT_OPEN: re.compile(r"unable to open database file"),
    Failure.RESTARTING: sqlstate.RESTARTING_WORDS,
    Failure.LOGIN_REFUSED: re.compile(r"password authentication failed|no password supplied|"
                                      r"no pg_hba\.conf entry|is not permitted to log in"),
    Failure.UNKNOWN_USER: re.compile(r'role ".*" does not exist'),
    Failure.NO_DATABASE: re.compile(r'database ".*" does not exist'),
    Failure.NO_FREE_CONNECTIONS: re.compile(r"too many (clients|connections)|"
                                            r"connection slots are reserved"),
    Failure.UNREACHABLE: re.compile(r"could not connect|connection refused|could not translate "
                                    r"host name|timeout expired|name or service not known|"
                                    r"no route to host|network is unreachable"),
    Failure.LOST: sqlstate.LOST_WORDS,
}

#: The sentence a read gets in place of a write's.
_WHILE_READING = {Failure.NO_WRITE_RIGHTS: Failure.NO_READ_RIGHTS,
                  Failure.RESTARTING: Failure.RESTARTING_WHILE_READING,
                  Failure.LOST: Failure.LOST_WHILE_READING}


def is_disk_full(exc: BaseException) -> bool:
    """True when a failure says outright that the disk (or the user's quota) is full."""
    text = said(exc)
    return (_sqlite_failure(exc) is Failure.DISK_FULL or "database or disk is full" in text
            or "no space left" in text or "disk quota exceeded" in text
            or any(isinstance(e, OSError) and e.errno in (28, 122) for e in chain(exc)))


def nearly_full(folder: Path | None) -> bool:
    """True when the disk holding ``folder`` has (almost) no room left."""
    if folder is None:
        return False
    try:
        return shutil.disk_usage(folder).free < NEARLY_FULL_BYTES
    except OSError:
        return False


def classify(exc: BaseException, folder: Path | None = None, reading: bool = False) -> Failure:
    """What went wrong, for the sentence: see :func:`explain` for the arguments."""
    failure = _what(exc, folder)
    if failure is Failure.NO_WRITE_RIGHTS and sqlstate.changing_schema(exc):
        return Failure.NOT_SET_UP
    if reading:
        return _WHILE_READING.get(failure, failure)
    before_commit = any(getattr(e, "before_commit", False) for e in chain(exc))
    if failure is Failure.LOST and before_commit:
        return Failure.LOST_BEFORE_SAVE
    if failure is Failure.RESTARTING and not before_commit and connection_lost(exc):
        return Failure.RESTARTED_MID_SAVE
    return failure


def explain(exc: BaseException, where: str | Sentence, url: str | None = None,
            folder: Path | None = None, reading: bool = False) -> Sentence:
    """One sentence a clerk understands for a database failure at ``where``.

    ``folder`` is where an SQLite database lives: a failure to write there on a disk with no
    room left is a full disk, whatever SQLite called it, and never a reason to restore.
    ``reading`` says the failure stopped a read, which changed nothing whatever happened.
    """
    failure = classify(exc, folder, reading)
    server = url is not None and urlparse(url).scheme.lower().startswith("postgres")
    if failure is Failure.DISK_FULL and server:
        failure = Failure.SERVER_DISK_FULL
    return sentence(failure, where, reading, folder,
                    unquote(urlparse(url).path.lstrip("/")) if url else "")


def sentence(failure: Failure, where: str | Sentence, reading: bool = False,
             folder: Path | None = None, name: str = "") -> Sentence:
    """The sentence for ``failure`` at ``where``, after a read or a write."""
    return SENTENCES[failure](Words(
        where=where,
        nothing=tr("nothing was changed") if reading else tr("nothing was saved"),
        Nothing=tr("Nothing was changed") if reading else tr("Nothing was saved"),
        disk=tr("The disk holding {folder}", folder=str(folder)) if folder is not None
        else tr("The disk"),
        name=name))


def _what(exc: BaseException, folder: Path | None) -> Failure:
    """The failure before the occasion (a read, a save half-way) is taken into account."""
    state = sqlstate.code(exc)
    if state is not None:
        return SQLSTATES.get(state) or SQLSTATES.get(state[:2]) or Failure.UNEXPLAINED
    sqlite = _sqlite_failure(exc)
    text = said(exc)
    if is_disk_full(exc) or (nearly_full(folder) and (
            sqlite is Failure.DAMAGED or "disk i/o error" in text)):
        return Failure.DISK_FULL
    if sqlite is not None:
        return sqlite
    if any(isinstance(e, OSError) and e.errno in (13, 30) for e in chain(exc)):
        return Failure.READ_ONLY_FILE
    if any(isinstance(e, MaxConnectionsExceeded) for e in chain(exc)):
        return Failure.NO_FREE_CONNECTIONS
    if any(sqlstate.closed_session(e) for e in chain(exc)):
        return Failure.LOST
    worded = next((failure for failure, words in WORDS.items() if words.search(text)), None)
    if worded is not None:
        return worded
    if sqlstate.refused_connecting(exc):
        return Failure.REFUSED
    return Failure.UNEXPLAINED


def _sqlite_failure(exc: BaseException) -> Failure | None:
    for e in chain(exc):
        name = getattr(e, "sqlite_errorname", None)
        if isinstance(name, str) and (failure := SQLITE_NAMES.get(
                "_".join(name.split("_", 2)[:2]))) is not None:
            return failure
    return None
