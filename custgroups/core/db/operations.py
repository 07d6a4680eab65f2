"""Running reads and writes on a live connection: retries, transactions, snapshots."""

from __future__ import annotations

import contextlib
import functools
import logging
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any, ParamSpec, TypeVar

from custgroups.core import models
from custgroups.core.db import connect, sqlstate
from custgroups.core.db import server as database_server
from custgroups.core.db.connect import DATABASE_ERRORS, is_postgres
from custgroups.core.errors import CustgroupsError, DatabaseError, tr

log = logging.getLogger("custgroups.db")

#: Seconds to wait before each repeat of a read whose server connection died or whose server
#: is restarting: the first repeat at once (a pooled connection outlived a restart), then
#: about eight seconds in all, as long as a server takes to come back up.
READ_RETRY_WAITS = (0.0, 0.5, 1.0, 2.0, 4.5)

P = ParamSpec("P")
T = TypeVar("T")


def reads(fn: Callable[P, T]) -> Callable[P, T]:
    """Run a read on a live connection, with database errors turned into plain words.

    A read may safely run again: when its server connection turns out dead or the server
    says it is restarting, the connection is dropped and the read repeats on a new one,
    waiting between tries as :data:`READ_RETRY_WAITS` says. When the server undid it because
    it met another transaction (a serialization failure or a deadlock), it repeats once, at
    once, on the same connection.
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
        collisions = 1 if retry else 0
        try:
            attempt = 0
            while True:
                try:
                    _ensure_connection()
                    return fn(*args, **kwargs)
                except CustgroupsError:
                    raise
                except DATABASE_ERRORS as exc:
                    if collisions and sqlstate.collided(exc):
                        collisions -= 1
                        log.info("repeating %s after it met another transaction: %s",
                                 fn.__name__, exc)
                        continue
                    if attempt >= len(waits) or not connect.is_retryable(exc):
                        raise connect.translate(exc, reading=retry) from exc
                    connect.discard_connection()
                    log.info("retrying %s on a fresh connection after: %s", fn.__name__, exc)
                time.sleep(waits[attempt])
                attempt += 1
        finally:
            _nesting.depth = 0
            connect.release_connection()

    return wrapper


def _ensure_connection() -> None:
    database = models.database.obj
    if database is None:
        raise DatabaseError(tr("No database is open."))
    opened = connect.opened_file()
    if opened is not None:
        opened.check()
    # The pool tests each connection it hands out, so one that outlived a server
    # restart is replaced here rather than failing the clerk's action.
    database.connect(reuse_if_open=True)


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
    PostgreSQL a transaction left idle too long is ended (see :mod:`custgroups.core.db.server`).
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
        opened = connect.opened_file()
        if opened is not None:
            opened.check()
