"""Opening a database by URL with its pragmas, running operations on it, errors in plain words."""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ParamSpec, TypeVar
from urllib.parse import parse_qsl, urlparse

import peewee
from playhouse.pool import MaxConnectionsExceeded

from custgroups.core import models
from custgroups.core.db import failures
from custgroups.core.db import files as database_file
from custgroups.core.db import server as database_server
from custgroups.core.db.files import (  # noqa: F401 (db.default_database_path)
    SQLITE_BUSY_TIMEOUT_S,
    default_database_path,
    display_name,
)
from custgroups.core.db.migrations import (  # noqa: F401 (db.LATEST_SCHEMA)
    LATEST_SCHEMA,
    check_sqlite_file,
    migrate,
)
from custgroups.core.errors import CustgroupsError, DatabaseError
from custgroups.core.text import like_pattern

log = logging.getLogger("custgroups.db")

ENV_VAR = "CUSTGROUPS_DATABASE"
#: Seconds to wait before each repeat of a read whose server connection died or whose server
#: is restarting: the first repeat at once (a pooled connection outlived a restart), then
#: about eight seconds in all, as long as a server takes to come back up.
READ_RETRY_WAITS = (0.0, 0.5, 1.0, 2.0, 4.5)

P = ParamSpec("P")
T = TypeVar("T")


@dataclass(frozen=True)
class DatabaseInfo:
    """What the open database is and which optional features it has."""

    url: str
    display_name: str
    kind: str  # "sqlite" or "postgresql"
    customer_search_index: bool


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
        raise DatabaseError("No database is open.")
    return _info


def is_postgres() -> bool:
    """True when the open database is PostgreSQL."""
    return info().kind == "postgresql"


def open_database(url: str | None = None, create: bool = False) -> peewee.Database:
    """Open and migrate the database at ``url``; bind the models to it.

    A missing SQLite file is created only with ``create`` (the ``demo`` command) or when it is
    the default file at its first start; otherwise :class:`DatabaseError` says it is missing
    and nothing is created (see :mod:`custgroups.core.db.files`).
    """
    global _info, _opened_file
    url = choose_database_url(url)
    close_database()
    try:
        db, kind = _make_database(url, create)
    except ValueError as exc:  # e.g. a port or option that is not a number
        raise DatabaseError(f"The database address '{display_name(url)}' is not valid: "
                            f"{exc}.") from None
    models.database.initialize(db)
    path = database_file.sqlite_path(url) if kind == "sqlite" else None
    with translated_errors(url, reading=True):
        if path is not None:  # before the connection's pragmas write anything to it
            check_sqlite_file(path)
        db.connect(reuse_if_open=True)
        try:
            if kind == "postgresql":
                database_server.check_schema(db, url)
            search_index = migrate(db, kind)
            if path is not None:
                _opened_file = database_file.OpenedFile.of(path)
        except BaseException:
            db.close()
            raise
    if path is not None and database_file.is_default(path):
        database_file.record_created(path)
    _info = DatabaseInfo(url, display_name(url), kind, search_index)
    _release_connection()
    log.info("opened %s (%s, search index: %s)", display_name(url), kind, search_index)
    return db


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


def _make_database(url: str, create: bool = False) -> tuple[peewee.Database, str]:
    parsed = urlparse(url)
    options = dict(parse_qsl(parsed.query))
    if parsed.scheme.lower() in ("postgresql", "postgres"):
        return database_server.make_postgres(url, parsed, options), "postgresql"
    return database_file.make_sqlite(database_file.sqlite_path(url), options, create), "sqlite"


# --- running operations -----------------------------------------------------------------


def reads(fn: Callable[P, T]) -> Callable[P, T]:
    """Run a read on a live connection, with database errors turned into plain words.

    A read may safely run twice: when its pooled server connection turns out dead (the
    server restarted), the connection is dropped and the read repeats once on a new one.
    """
    return _operation(fn, retry=True)


def writes(fn: Callable[P, T]) -> Callable[P, T]:
    """Run a write on a live connection, with database errors turned into plain words.

    A write is never repeated behind the clerk's back: a lost connection during a commit
    leaves it unknown whether the commit landed.
    """
    return _operation(fn, retry=False)


_nesting = threading.local()


def _operation(fn: Callable[P, T], retry: bool) -> Callable[P, T]:
    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        depth: int = getattr(_nesting, "depth", 0)
        if depth:  # inside another operation: its connection, its errors, its retry
            return fn(*args, **kwargs)
        _nesting.depth = 1
        waits = READ_RETRY_WAITS if retry else ()
        try:
            for attempt in range(len(waits) + 1):
                with translated_errors(retry=attempt < len(waits), reading=retry):
                    _ensure_connection()
                    return fn(*args, **kwargs)
                log.info("retrying %s on a fresh connection", fn.__name__)
                time.sleep(waits[attempt])
            raise AssertionError("unreachable")  # pragma: no cover
        finally:
            _nesting.depth = 0
            _release_connection()

    return wrapper


def _ensure_connection() -> None:
    database = models.database.obj
    if database is None:
        raise DatabaseError("No database is open.")
    opened = _opened_file
    if opened is not None:
        opened.check()
    # The pool tests each connection it hands out, so one that outlived a server
    # restart is replaced here rather than failing the clerk's action.
    database.connect(reuse_if_open=True)


def _release_connection() -> None:
    """Give a pooled server connection back after each operation, so threads never hoard them.

    SQLite connections stay open: they cost nothing to keep and a little to reopen.
    """
    database = models.database.obj
    if not isinstance(database, peewee.PostgresqlDatabase) or database.is_closed():
        return
    with contextlib.suppress(Exception):
        database.close()


def mark() -> str:
    """The driver's parameter placeholder, for the few statements written as SQL text."""
    return "%s" if is_postgres() else "?"


def id_list(ids: Sequence[int]) -> tuple[str, object]:
    """A ``SELECT`` listing ``ids`` from one parameter (no variable limit), and that parameter."""
    if is_postgres():
        return "SELECT unnest(%s::bigint[])", list(ids)
    return "SELECT value FROM json_each(?)", json.dumps(list(ids))


def text_list(values: Sequence[str]) -> tuple[str, object]:
    """A ``FROM`` item ``k(value)`` listing ``values`` from one parameter, and that parameter."""
    if is_postgres():
        return "unnest(%s::text[]) AS k(value)", list(values)
    return "json_each(?) AS k", json.dumps(list(values))


def in_ids(column: Any, ids: Sequence[int]) -> Any:
    """``column IN (ids)`` for any number of ids."""
    sql, param = id_list(ids)
    return column.in_(peewee.SQL(f"({sql})", [param]))


def contains(column: Any, key: str) -> Any:
    """``column LIKE '%key%'`` with ``key`` taken literally (columns hold folded keys)."""
    return like(column, like_pattern(key))


def like(column: Any, pattern: str) -> Any:
    """``column LIKE pattern`` with backslash escapes, alike on SQLite and PostgreSQL."""
    return peewee.NodeList((column, peewee.SQL("LIKE"), pattern, peewee.SQL("ESCAPE '\\'")))


def first_column(query: Any) -> list[Any]:
    """The first value of every row a query returns."""
    return [row[0] for row in query.tuples()]


def snapshot() -> Any:
    """A read-only transaction: every read inside sees the database as of one moment.

    On SQLite it is DEFERRED, so it takes no write lock; on PostgreSQL REPEATABLE READ.
    """
    if is_postgres():
        return models.database.atomic(isolation_level="REPEATABLE READ READ ONLY")
    return models.database.atomic(lock_type="DEFERRED")


@contextlib.contextmanager
def transaction() -> Iterator[None]:
    """One write transaction (IMMEDIATE on SQLite); nested calls become savepoints.

    The SQLite file is checked again just before the commit: writes to a file deleted or
    moved meanwhile are rolled back and refused, not kept where nobody will find them. On
    PostgreSQL a transaction left idle too long is ended (see :mod:`database_server`).
    """
    database = models.database
    with database.atomic():
        if is_postgres() and database.transaction_depth() == 1:
            database_server.limit_idle_write(database)
        try:
            yield
        except Exception as exc:
            # Failed before the commit was asked for: whatever it was, nothing was saved.
            exc.before_commit = True  # type: ignore[attr-defined]
            raise
        opened = _opened_file
        if opened is not None:
            opened.check()


@contextlib.contextmanager
def translated_errors(url: str | None = None, retry: bool = False,
                      reading: bool = False) -> Iterator[None]:
    """Turn any database failure inside the block into :class:`DatabaseError` in plain words.

    With ``retry`` true, a dead server connection, or a server that says it is restarting, is
    dropped and the failure swallowed, so the code after the block can try again on a new one.
    """
    try:
        yield
    except CustgroupsError:
        raise
    except (peewee.PeeweeException, sqlite3.Error, OSError, MaxConnectionsExceeded) as exc:
        if failures.connection_lost(exc) or failures.server_restarting(exc):
            _discard_connection()
            if retry:
                return
        message = explain(exc, url, reading)
        log.error("database error: %s", message, exc_info=True)
        raise DatabaseError(message) from exc


def _discard_connection() -> None:
    db = models.database.obj
    if db is None:
        return
    with contextlib.suppress(Exception):
        manual_close = getattr(db, "manual_close", None)
        if manual_close is not None:
            manual_close()
        else:
            db.close()


def explain(exc: BaseException, url: str | None = None, reading: bool = False) -> str:
    """One sentence a clerk understands for a database failure (details go to the log)."""
    where = display_name(url) if url else (_info.display_name if _info else "the database")
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
