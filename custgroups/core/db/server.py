"""The PostgreSQL server behind a shared database: connections that never wait forever.

Every connection is set up, once when it is made, with a limit on waiting for a lock another
session holds (as long as SQLite waits for another writer) and a generous limit on one
statement; a write transaction is also ended by the server when it sits idle too long (a
client that froze or slept mid-save), which frees its locks. The settings are sent as
statements after connecting, not as start-up options, so connection poolers that refuse
start-up options still work.
"""

from __future__ import annotations

import select
import time
from typing import Any
from urllib.parse import parse_qsl, unquote, urlparse

import peewee
from playhouse.pool import PooledPostgresqlDatabase

from custgroups.core.db.files import SQLITE_BUSY_TIMEOUT_S, display_name
from custgroups.core.errors import DatabaseError, tr

#: Set on every connection, so nothing waits forever: a lock another session holds (given up
#: after as long as SQLite waits) and a statement (generous, for exports).
SERVER_TIMEOUTS = {
    "lock_timeout": f"{SQLITE_BUSY_TIMEOUT_S:g}s",
    "statement_timeout": "30min",
}
#: The connection pool of one running copy, each settable in the address's query
#: (``?max_connections=4``): the most connections it holds open at once, the seconds an idle
#: one is kept, and the seconds an operation waits for a free one before it gives up. A window
#: uses one connection per background lane at work, and one more for live updates (README).
POOL_DEFAULTS = {"max_connections": 8, "stale_timeout": 300, "pool_timeout": 30}
#: How long a write transaction may sit idle (a client that froze or slept mid-save) before
#: the server ends it and frees its locks. Reads hold no lock a writer waits for, and an
#: export may spend minutes between two statements writing rows, so it is set for writes only.
IDLE_WRITE_TIMEOUT = "60s"
#: Seconds a pooled connection may rest before it is checked with a round trip when handed
#: out again (see :class:`ServerDatabase`).
RECHECK_AFTER_S = 30.0
_IDLE = 0  # psycopg2.extensions.TRANSACTION_STATUS_IDLE, without importing the driver here


class _SessionSettings(peewee.PostgresqlDatabase):
    """Applies ``session`` settings to each new server connection (not to each checkout)."""

    session: dict[str, str]

    def _connect(self) -> Any:
        conn = super()._connect()  # type: ignore[misc]  # autocommit: for the session
        with conn.cursor() as cursor:
            for name, value in self.session.items():
                cursor.execute("SELECT set_config(%s, %s, false)", [name, value])
        return conn


class ServerDatabase(PooledPostgresqlDatabase, _SessionSettings):  # type: ignore[misc]
    """A pool of server connections, each set up with :data:`SERVER_TIMEOUTS` and a schema.

    A connection handed out again is checked with a round trip (``SELECT 1``) only when it
    has been idle for :data:`RECHECK_AFTER_S`: every operation takes a connection and gives
    it back, and a round trip each is most of the time of a quick search. One used moments
    ago is checked on its socket instead: a server that ended it, or restarted, has usually
    said so there, and then the round trip finds it dead and a fresh connection takes its
    place. One that died too recently to have said so fails at its transaction's ``BEGIN``,
    before anything of the operation ran: then every rested connection is checked with a
    round trip for a while, and the transaction begins again on a live one.
    """

    def __init__(self, name: str, session: dict[str, str], **kwargs: Any) -> None:
        self.session = session
        self._returned: dict[int, float] = {}  # connection key: when it came back
        self._doubted_until = 0.0  # till then, every connection handed out is checked
        super().__init__(name, **kwargs)

    def begin(self, isolation_level: Any = None) -> None:
        try:
            super().begin(isolation_level)
        except (peewee.OperationalError, peewee.InterfaceError):
            conn = self._state.conn
            if conn is None or not conn.closed:
                raise  # not a connection that died: said as it is
            self._doubted_until = time.monotonic() + RECHECK_AFTER_S
            self.close()
            self.connect()
            super().begin(isolation_level)

    def _close(self, conn: Any, close_conn: bool = False) -> None:
        if close_conn:
            self._returned.pop(self.conn_key(conn), None)
        else:
            self._returned[self.conn_key(conn)] = time.monotonic()
        super()._close(conn, close_conn)

    def _is_closed(self, conn: Any) -> bool:
        returned, now = self._returned.get(self.conn_key(conn)), time.monotonic()
        if (conn.closed or returned is None or now - returned > RECHECK_AFTER_S
                or now < self._doubted_until or conn.get_transaction_status() != _IDLE):
            return bool(super()._is_closed(conn))
        readable, _writable, _failed = select.select([conn], [], [], 0)
        return bool(readable) and bool(super()._is_closed(conn))


def make_postgres(url: str, parsed: Any, options: dict[str, str]) -> peewee.Database:
    """The database at a ``postgresql://`` address (``options`` from its query string)."""
    try:
        import psycopg2  # noqa: F401
    except ImportError:
        raise DatabaseError(tr(
            "PostgreSQL support is not installed: run  pip install 'custgroups[postgres]'."
        )) from None
    name = unquote(parsed.path.lstrip("/"))
    if not name:
        raise DatabaseError(tr("'{address}' names no database: add /name at the end.",
                               address=display_name(url)))
    kwargs: dict[str, Any] = {
        "host": parsed.hostname or "localhost",
        "port": parsed.port or 5432,
        "connect_timeout": int(options.pop("connect_timeout", "5")),
        "application_name": "custgroups",
    }
    if parsed.username:
        kwargs["user"] = unquote(parsed.username)
    if parsed.password:
        kwargs["password"] = unquote(parsed.password)
    pool = {option: _number(options.pop(option, str(default)), option)
            for option, default in POOL_DEFAULTS.items()}
    # e.g. ?lock_timeout=5s&statement_timeout=10min
    session = {setting: options.pop(setting, value) for setting, value in SERVER_TIMEOUTS.items()}
    schema = options.pop("schema", None)
    if schema:
        # Extensions such as pg_trgm live in public; keep it reachable.
        session["search_path"] = f"{_quoted(schema)}, public"
    kwargs.update(options)
    return ServerDatabase(name, session, max_connections=int(pool["max_connections"]),
                          stale_timeout=pool["stale_timeout"], timeout=pool["pool_timeout"],
                          **kwargs)


def _number(text: str, name: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"{name} must be a number, not '{text}'") from None
    if value <= 0:
        raise ValueError(f"{name} must be above zero")
    return value


def check_schema(db: peewee.Database, url: str) -> None:
    """Refuse a ``?schema=`` that does not exist, rather than quietly filling ``public``."""
    schema = dict(parse_qsl(urlparse(url).query)).get("schema")
    if schema and db.execute_sql("SELECT to_regnamespace(%s)",
                                 [_quoted(schema)]).fetchone()[0] is None:
        raise DatabaseError(tr("The database server has no schema named '{schema}' "
                               "({address}). Correct the address, or ask the administrator "
                               "to create it.", schema=schema, address=display_name(url)))


def limit_idle_write(db: Any) -> None:
    """Let the server end the current (write) transaction if it sits idle too long."""
    db.execute_sql("SELECT set_config('idle_in_transaction_session_timeout', %s, true)",
                   [IDLE_WRITE_TIMEOUT])


def _quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'
