"""PostgreSQL's failures read by SQLSTATE and psycopg2's error classes, in any server language.

psycopg2 hands the server's SQLSTATE on as ``pgcode`` (peewee wraps psycopg2's errors; the
original is in the chain). It hands none on when a connection breaks, where its error class
tells instead, nor when a server refuses a new connection: then only the words are left,
libpq's own (English) and the server's, written before any session could choose a language.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from typing import Any

#: The server is going down or coming up: admin shutdown, crash shutdown, cannot connect now.
RESTARTING = frozenset({"57P01", "57P02", "57P03"})
#: The server ended the session: idle-in-transaction timeout, shutdowns, database dropped,
#: idle-session timeout.
SESSION_ENDED = frozenset({"25P03", "57P01", "57P02", "57P04", "57P05"})
#: The server undid a transaction that met another: serialization failure, deadlock.
COLLIDED = frozenset({"40001", "40P01"})
#: insufficient_privilege: the login may not do this.
INSUFFICIENT_PRIVILEGE = "42501"
#: lock_not_available: a lock another session holds was not free within lock_timeout.
LOCK_NOT_AVAILABLE = "55P03"

#: What a refused connection says of a restart, where no SQLSTATE comes with it.
RESTARTING_WORDS = re.compile(
    r"the database system is (starting up|shutting down|in recovery mode|not yet accepting "
    r"connections)|terminating connection due to administrator command")
#: What libpq says of a connection that broke.
LOST_WORDS = re.compile(
    r"server closed the connection|connection already closed|terminating connection|"
    r"connection not open|ssl connection has been closed|could not receive data from server|"
    r"no connection to the server")

#: Statements that change the schema rather than the data.
SCHEMA_CHANGES = frozenset({"CREATE", "ALTER", "DROP", "COMMENT", "GRANT", "REVOKE", "DO"})


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


def said(exc: BaseException) -> str:
    """Everything the failure and those behind it say, in lower case."""
    return " ".join(str(e) for e in chain(exc)).lower()


def code(exc: BaseException) -> str | None:
    """The SQLSTATE the PostgreSQL server gave with the failure, if it gave one."""
    return next((state for e in chain(exc)
                 if isinstance(state := getattr(e, "pgcode", None), str) and state), None)


def connection_lost(exc: BaseException) -> bool:
    """True when a failure means the database server connection is gone."""
    state = code(exc)
    if state is not None and (state.startswith("08") or state in SESSION_ENDED):
        return True
    if any(closed_session(e) for e in chain(exc)):
        return True
    return state is None and LOST_WORDS.search(said(exc)) is not None


def server_restarting(exc: BaseException) -> bool:
    """True when the database server said it is shutting down, starting up or recovering."""
    state = code(exc)
    if state is not None:
        return state in RESTARTING
    return RESTARTING_WORDS.search(said(exc)) is not None


def collided(exc: BaseException) -> bool:
    """True when the server undid a transaction that met another (serialization, deadlock)."""
    return code(exc) in COLLIDED


def closed_session(e: BaseException) -> bool:
    """True for psycopg2's word that a session's connection is closed or broke.

    Without an SQLSTATE, psycopg2 raises OperationalError on a session only when its
    connection broke (and marks the connection closed), and InterfaceError when it was
    closed already.
    """
    driver = _driver()
    if driver is None:
        return False
    if isinstance(e, driver.InterfaceError):
        return True
    cursor = getattr(e, "cursor", None)
    return (isinstance(e, driver.OperationalError) and getattr(e, "pgcode", None) is None
            and cursor is not None and bool(getattr(cursor.connection, "closed", 0)))


def refused_connecting(exc: BaseException) -> bool:
    """True when psycopg2 could not open a connection: no SQLSTATE and no session."""
    driver = _driver()
    return driver is not None and code(exc) is None and any(
        isinstance(e, driver.OperationalError) and getattr(e, "cursor", None) is None
        for e in chain(exc))


def changing_schema(exc: BaseException) -> bool:
    """True when the statement that failed would have changed the schema (CREATE, ALTER…)."""
    for e in chain(exc):
        query = getattr(getattr(e, "cursor", None), "query", None)
        if isinstance(query, bytes | str):
            text = query.decode(errors="replace") if isinstance(query, bytes) else query
            words = text.split(None, 1)
            return bool(words) and words[0].upper() in SCHEMA_CHANGES
    return False


def _driver() -> Any:
    """psycopg2, if it is loaded: before it is, no failure can come from a server."""
    return sys.modules.get("psycopg2")
