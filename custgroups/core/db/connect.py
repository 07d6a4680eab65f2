"""Opening a database by its address, what is open, and its failures in plain words."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlparse

import peewee
from playhouse.pool import MaxConnectionsExceeded

from custgroups.core import models
from custgroups.core.db import failures, team
from custgroups.core.db import files as database_file
from custgroups.core.db import server as database_server
from custgroups.core.db.files import default_database_path, display_name
from custgroups.core.db.migrations import check_sqlite_file, migrate
from custgroups.core.errors import CustgroupsError, DatabaseError, Sentence, tr

log = logging.getLogger("custgroups.db")

ENV_VAR = "CUSTGROUPS_DATABASE"
#: What a database failure can be raised as, by the drivers, peewee or the pool.
DATABASE_ERRORS = (peewee.PeeweeException, sqlite3.Error, OSError, MaxConnectionsExceeded)


@dataclass(frozen=True)
class DatabaseInfo:
    """What the open database is and which optional features it has."""

    url: str
    display_name: str
    kind: str  # "sqlite" or "postgresql"
    customer_search_index: bool
    #: The server login in use (None for an SQLite file): what the history records.
    login: str | None = None
    #: False for a server login that may only read (see :mod:`custgroups.core.db.team`).
    can_edit: bool = True


_info: DatabaseInfo | None = None
#: The SQLite file opened, checked before each operation; None for other databases.
_opened_file: database_file.OpenedFile | None = None


def default_database_url() -> str:
    """``sqlite:///`` URL of :func:`default_database_path`."""
    return "sqlite:///" + default_database_path().as_posix()


def choose_database_url(explicit: str | None = None) -> str:
    """The URL to open: the one given, else ``CUSTGROUPS_DATABASE``, else the default file."""
    return explicit or os.environ.get(ENV_VAR) or default_database_url()


def info() -> DatabaseInfo:
    """Facts about the database opened last."""
    if _info is None:
        raise DatabaseError(tr("No database is open."))
    return _info


def is_postgres() -> bool:
    """True when the open database is PostgreSQL."""
    return info().kind == "postgresql"


def open_database(url: str | None = None, create: bool = False,
                  owner: str | None = None) -> peewee.Database:
    """Open and migrate the database at ``url``; bind the models to it.

    A missing SQLite file is created only with ``create`` (the ``demo`` command) or when it is
    the default file at its first start; otherwise :class:`DatabaseError` says it is missing
    and nothing is created (see :mod:`custgroups.core.db.files`). ``owner`` upgrades a
    team's server as that role (see :func:`custgroups.core.db.migrations.migrate`).
    """
    global _info, _opened_file
    url = choose_database_url(url)
    close_database()
    try:
        db, kind = _make_database(url, create)
    except ValueError as exc:  # e.g. a port or option that is not a number
        raise DatabaseError(tr("The database address '{address}' is not valid: {reason}.",
                               address=display_name(url), reason=str(exc))) from None
    models.database.initialize(db)
    path = database_file.sqlite_path(url) if kind == "sqlite" else None
    with translated_errors(url, reading=True):
        if path is not None:  # before the connection's pragmas write anything to it
            check_sqlite_file(path)
        db.connect(reuse_if_open=True)
        try:
            if kind == "postgresql":
                database_server.check_schema(db, url)
            search_index = migrate(db, kind, owner)
            rights = team.rights(db, kind)
            if path is not None:
                _opened_file = database_file.OpenedFile.of(path)
        except BaseException:
            db.close()
            raise
    if path is not None and database_file.is_default(path):
        database_file.record_created(path)
    _info = DatabaseInfo(url, display_name(url), kind, search_index, rights.login,
                         rights.can_edit)
    release_connection()
    log.info("opened %s (%s, search index: %s)", display_name(url), kind, search_index)
    return db


@contextlib.contextmanager
def administer(url: str) -> Iterator[peewee.Database]:
    """A server connection of its own, for setting a server up: nothing is migrated or bound,
    and its failures come out in plain words."""
    if not is_server_address(url):
        raise DatabaseError(tr("{address} is not a database server address: "
                               "postgresql://user@host:5432/name.", address=display_name(url)))
    db = _make_database(url)[0]
    assert isinstance(db, database_server.ServerDatabase)
    with translated_errors(url):
        db.connect()
        try:
            yield db
        finally:
            db.close_all()


def close_database() -> None:
    """Close the open database, if any, and every pooled connection."""
    global _info, _opened_file
    db = models.database.obj
    if db is None:
        return
    with contextlib.suppress(Exception):
        if not db.is_closed():
            db.close()
        close_all = getattr(db, "close_all", None)
        if close_all is not None:
            close_all()
    _info = None
    _opened_file = None


def is_server_address(url: str) -> bool:
    """True for a ``postgresql://`` address."""
    return urlparse(url).scheme.lower() in ("postgresql", "postgres")


def _make_database(url: str, create: bool = False) -> tuple[peewee.Database, str]:
    parsed = urlparse(url)
    options = dict(parse_qsl(parsed.query))
    if is_server_address(url):
        return database_server.make_postgres(url, parsed, options), "postgresql"
    return database_file.make_sqlite(database_file.sqlite_path(url), options, create), "sqlite"


def opened_file() -> database_file.OpenedFile | None:
    """The SQLite file open now, to check before each operation; None for a server."""
    return _opened_file


def release_connection() -> None:
    """Give a pooled server connection back after each operation, so threads never hoard them.

    SQLite connections stay open: they cost nothing to keep and a little to reopen.
    """
    database = models.database.obj
    if not isinstance(database, peewee.PostgresqlDatabase) or database.is_closed():
        return
    with contextlib.suppress(Exception):
        database.close()


# --- failures -------------------------------------------------------------------------------


@contextlib.contextmanager
def translated_errors(url: str | None = None, reading: bool = False) -> Iterator[None]:
    """Turn any database failure inside the block into :class:`DatabaseError` in plain words."""
    try:
        yield
    except CustgroupsError:
        raise
    except DATABASE_ERRORS as exc:
        raise translate(exc, url, reading) from exc


def translate(exc: BaseException, url: str | None = None, reading: bool = False) -> DatabaseError:
    """The failure as one sentence (details to the log); a dead connection is dropped."""
    if is_retryable(exc):
        discard_connection()
    message = explain(exc, url, reading)
    log.error("database error: %s", message, exc_info=exc)
    return DatabaseError(message)


def is_retryable(exc: BaseException) -> bool:
    """True when the server connection died or the server is restarting: a read may repeat."""
    return failures.connection_lost(exc) or failures.server_restarting(exc)


def discard_connection() -> None:
    """Drop the current connection (dead, or about to be): the next use opens a new one."""
    db = models.database.obj
    if db is None:
        return
    with contextlib.suppress(Exception):
        manual_close = getattr(db, "manual_close", None)
        if manual_close is not None:
            manual_close()
        else:
            db.close()


def explain(exc: BaseException, url: str | None = None, reading: bool = False) -> Sentence:
    """One sentence a clerk understands for a database failure (details go to the log)."""
    where: str | Sentence = display_name(url) if url else (
        _info.display_name if _info else tr("the database"))
    url = url or (_info.url if _info else None)
    return failures.explain(exc, where, url, _sqlite_folder(url), reading)


def _sqlite_folder(url: str | None) -> Path | None:
    """The folder of the SQLite file at ``url`` (or of the open one), if it is SQLite."""
    if not url:
        return _opened_file.path.parent if _opened_file is not None else None
    try:
        path = database_file.sqlite_path(url)
    except DatabaseError:  # a server address
        return None
    return path.parent if path is not None else None
