"""Opening a database by URL, its pragmas and migrations, and database errors in plain words."""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ParamSpec, TypeVar
from urllib.parse import parse_qsl, unquote, urlparse

import peewee
import platformdirs
from playhouse.pool import MaxConnectionsExceeded

from custgroups import models
from custgroups.errors import CustgroupsError, DatabaseError, SchemaTooNewError
from custgroups.text import like_pattern

log = logging.getLogger("custgroups.db")

#: Bumped by every migration; a database newer than this is refused, never damaged.
LATEST_SCHEMA = 1

ENV_VAR = "CUSTGROUPS_DATABASE"
SQLITE_BUSY_TIMEOUT_S = 15.0

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


def default_database_path() -> Path:
    """The per-user SQLite file used when no other database is named."""
    return platformdirs.user_data_path("custgroups", appauthor=False) / "custgroups.db"


def default_database_url() -> str:
    """``sqlite:///`` URL of :func:`default_database_path`."""
    return "sqlite:///" + default_database_path().as_posix()


def choose_database_url(explicit: str | None = None) -> str:
    """The URL to open: the one given, else ``CUSTGROUPS_DATABASE``, else the default file."""
    return explicit or os.environ.get(ENV_VAR) or default_database_url()


def display_name(url: str) -> str:
    """The URL as a clerk may see it: no password."""
    parsed = urlparse(url)
    if parsed.password:
        netloc = parsed.netloc.replace(":" + parsed.password + "@", ":***@")
        return parsed._replace(netloc=netloc).geturl()
    return url


def info() -> DatabaseInfo:
    """Facts about the database opened last."""
    if _info is None:
        raise DatabaseError("No database is open.")
    return _info


def is_postgres() -> bool:
    """True when the open database is PostgreSQL."""
    return info().kind == "postgresql"


def open_database(url: str | None = None) -> peewee.Database:
    """Open (creating if needed) and migrate the database at ``url``; bind the models to it."""
    global _info
    url = choose_database_url(url)
    close_database()
    try:
        db, kind = _make_database(url)
    except ValueError as exc:  # e.g. a port or option that is not a number
        raise DatabaseError(f"The database address '{display_name(url)}' is not valid: "
                            f"{exc}.") from None
    models.database.initialize(db)
    with translated_errors(url):
        db.connect(reuse_if_open=True)
        try:
            if kind == "postgresql":
                _check_schema(db, url)
            search_index = _migrate(db, kind)
        except BaseException:
            db.close()
            raise
    _info = DatabaseInfo(url, display_name(url), kind, search_index)
    _release_connection()
    log.info("opened %s (%s, search index: %s)", display_name(url), kind, search_index)
    return db


def close_database() -> None:
    """Close the open database, if any, and every pooled connection."""
    global _info
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


def _make_database(url: str) -> tuple[peewee.Database, str]:
    parsed = urlparse(url)
    scheme = parsed.scheme.lower()
    options = dict(parse_qsl(parsed.query))
    if scheme in ("", "file") or len(scheme) == 1:  # a bare path, or "C:\..." on Windows
        return _make_sqlite(Path(url if scheme != "file" else parsed.path), options), "sqlite"
    if scheme == "sqlite":
        path = unquote(parsed.path[1:] if parsed.path.startswith("/") else parsed.path)
        if parsed.netloc:  # "sqlite://relative.db": the name landed in the host part
            path = parsed.netloc + ("/" + path if path else "")
        if not path:
            raise DatabaseError(f"'{url}' names no database file: use sqlite:///path/to/file.db.")
        return _make_sqlite(Path(path) if path != ":memory:" else None, options), "sqlite"
    if scheme in ("postgresql", "postgres"):
        return _make_postgres(url, parsed, options), "postgresql"
    raise DatabaseError(
        f"'{display_name(url)}' is not a database address custgroups understands: "
        "use sqlite:///path/to/file.db or postgresql://user@host:5432/name."
    )


def _make_sqlite(path: Path | None, options: dict[str, str]) -> peewee.Database:
    if path is not None:
        path = path.expanduser()
        if path.resolve() == default_database_path().resolve():
            path.parent.mkdir(parents=True, exist_ok=True)
        if not path.parent.is_dir():
            raise DatabaseError(f"The folder {path.parent} does not exist, so the database "
                                f"{path.name} cannot be opened or created there.")
        if path.is_dir():
            raise DatabaseError(f"{path} is a folder, not a database file.")
        if path.exists() and not os.access(path, os.R_OK | os.W_OK):
            raise DatabaseError(f"The database file {path} is read-only or not yours to change: "
                                "check its permissions, or copy it somewhere you can write.")
        if not path.exists() and not os.access(path.parent, os.W_OK):
            raise DatabaseError(f"The folder {path.parent} is read-only, so the database "
                                f"{path.name} cannot be created there.")
    timeout = float(options.get("timeout", SQLITE_BUSY_TIMEOUT_S))
    return peewee.SqliteDatabase(
        str(path) if path is not None else ":memory:",
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


def _make_postgres(url: str, parsed: Any, options: dict[str, str]) -> peewee.Database:
    try:
        import psycopg2  # noqa: F401
    except ImportError:
        raise DatabaseError(
            "PostgreSQL support is not installed: run  pip install 'custgroups[postgres]'."
        ) from None
    from playhouse.pool import PooledPostgresqlDatabase

    name = unquote(parsed.path.lstrip("/"))
    if not name:
        raise DatabaseError(f"'{display_name(url)}' names no database: add /name at the end.")
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
    schema = options.pop("schema", None)
    if schema:
        # Extensions such as pg_trgm live in public; keep it reachable.
        kwargs["options"] = f"-c search_path={schema},public"
    kwargs.update(options)
    database: peewee.Database = PooledPostgresqlDatabase(
        name, max_connections=16, stale_timeout=600, timeout=30, **kwargs)
    return database


def _check_schema(db: peewee.Database, url: str) -> None:
    """Refuse a ``?schema=`` that does not exist, rather than quietly filling ``public``."""
    schema = dict(parse_qsl(urlparse(url).query)).get("schema")
    if schema and db.execute_sql("SELECT to_regnamespace(%s)", [schema]).fetchone()[0] is None:
        raise DatabaseError(f"The database server has no schema named '{schema}' "
                            f"({display_name(url)}). Correct the address, or ask the "
                            "administrator to create it.")


# --- migrations -------------------------------------------------------------------------


def _migrate(db: peewee.Database, kind: str) -> bool:
    """Bring the schema to :data:`LATEST_SCHEMA`; returns whether customer search is indexed."""
    if models.SchemaInfo.table_exists():
        version = _schema_version()
        if version > LATEST_SCHEMA:
            raise SchemaTooNewError(
                f"This database was made by a newer version of custgroups (schema {version}; "
                f"this copy knows up to {LATEST_SCHEMA}). Update custgroups to open it."
            )
    else:
        version = 0
    if version < LATEST_SCHEMA:
        with db.atomic():
            if kind == "postgresql":
                # Two copies starting at once on a fresh server must not both migrate.
                db.execute_sql("SELECT pg_advisory_xact_lock(4242001)")
            version = _schema_version() if models.SchemaInfo.table_exists() else 0
            for target in range(version + 1, LATEST_SCHEMA + 1):
                log.info("migrating schema to version %d", target)
                _MIGRATIONS[target](db, kind)
                (models.SchemaInfo.insert(key="schema_version", value=str(target))
                 .on_conflict(conflict_target=[models.SchemaInfo.key],
                              update={models.SchemaInfo.value: str(target)})
                 .execute())
    return _has_search_index(db, kind)


def _schema_version() -> int:
    row = models.SchemaInfo.get_or_none(models.SchemaInfo.key == "schema_version")
    return int(row.value) if row is not None else 0


def _migration_1(db: peewee.Database, kind: str) -> None:
    # The composite key is the whole row, so SQLite needs no hidden rowid beside it;
    # PostgreSQL has no such clause.
    models.Membership._meta.without_rowid = kind == "sqlite"
    db.create_tables(models.ALL_MODELS)
    models.Counter.insert(name="group_code", value=0).on_conflict_ignore().execute()
    if kind == "sqlite":
        _create_sqlite_search_index(db)
    else:
        _create_postgres_search_index(db)


_MIGRATIONS: dict[int, Callable[[peewee.Database, str], None]] = {1: _migration_1}


def _create_sqlite_search_index(db: peewee.Database) -> None:
    try:
        with db.atomic():
            db.execute_sql(
                "CREATE VIRTUAL TABLE customer_search USING fts5("
                "code_key, name_key, content='customer', content_rowid='id', "
                "tokenize='trigram')"
            )
    except peewee.OperationalError:
        log.warning("SQLite here has no FTS5 trigram tokenizer; customer search scans instead")
        return
    db.execute_sql(
        "CREATE TRIGGER customer_search_ai AFTER INSERT ON customer BEGIN "
        "INSERT INTO customer_search(rowid, code_key, name_key) "
        "VALUES (new.id, new.code_key, new.name_key); END"
    )
    db.execute_sql(
        "CREATE TRIGGER customer_search_ad AFTER DELETE ON customer BEGIN "
        "INSERT INTO customer_search(customer_search, rowid, code_key, name_key) "
        "VALUES ('delete', old.id, old.code_key, old.name_key); END"
    )
    db.execute_sql(
        "CREATE TRIGGER customer_search_au AFTER UPDATE OF code_key, name_key ON customer BEGIN "
        "INSERT INTO customer_search(customer_search, rowid, code_key, name_key) "
        "VALUES ('delete', old.id, old.code_key, old.name_key); "
        "INSERT INTO customer_search(rowid, code_key, name_key) "
        "VALUES (new.id, new.code_key, new.name_key); END"
    )


def _create_postgres_search_index(db: peewee.Database) -> None:
    try:
        with db.atomic():
            db.execute_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public")
    except peewee.DatabaseError:
        log.warning("pg_trgm is not available; customer search scans instead")
        return
    db.execute_sql("CREATE INDEX customer_code_trgm ON customer USING gin (code_key gin_trgm_ops)")
    db.execute_sql("CREATE INDEX customer_name_trgm ON customer USING gin (name_key gin_trgm_ops)")


def _has_search_index(db: peewee.Database, kind: str) -> bool:
    if kind == "sqlite":
        return "customer_search" in db.get_tables()
    return any(index.name == "customer_name_trgm" for index in db.get_indexes("customer"))


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
        try:
            for attempt in (1, 2):
                with translated_errors(retry=retry and attempt == 1):
                    _ensure_connection()
                    return fn(*args, **kwargs)
                log.info("retrying %s on a fresh connection", fn.__name__)
            raise AssertionError("unreachable")  # pragma: no cover
        finally:
            _nesting.depth = 0
            _release_connection()

    return wrapper


def _ensure_connection() -> None:
    database = models.database.obj
    if database is None:
        raise DatabaseError("No database is open.")
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


def transaction() -> Any:
    """One write transaction (IMMEDIATE on SQLite); nested calls become savepoints."""
    return models.database.atomic()


@contextlib.contextmanager
def translated_errors(url: str | None = None, retry: bool = False) -> Iterator[None]:
    """Turn any database failure inside the block into :class:`DatabaseError` in plain words.

    With ``retry`` true, a dead server connection is dropped and the failure swallowed, so
    the code after the block can try again on a new one.
    """
    try:
        yield
    except CustgroupsError:
        raise
    except (peewee.PeeweeException, sqlite3.Error, OSError, MaxConnectionsExceeded) as exc:
        if _connection_lost(exc):
            _discard_connection()
            if retry:
                return
        message = explain(exc, url)
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


def _chain(exc: BaseException) -> Iterator[BaseException]:
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


def _connection_lost(exc: BaseException) -> bool:
    text = " ".join(str(e) for e in _chain(exc)).lower()
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


def explain(exc: BaseException, url: str | None = None) -> str:
    """One sentence a clerk understands for a database failure (details go to the log)."""
    where = display_name(url) if url else (_info.display_name if _info else "the database")
    text = " ".join(str(e) for e in _chain(exc)).lower()
    errno = next((e.errno for e in _chain(exc) if isinstance(e, OSError)), None)

    if "database or disk is full" in text or "no space left" in text or errno == 28:
        return "The disk is full, so nothing was saved. Free some space and try again."
    if "database is locked" in text or "database table is locked" in text:
        return ("The database is busy: another program has kept it locked. "
                "Nothing was saved; try again in a moment.")
    if "readonly database" in text or "read-only" in text or errno in (13, 30):
        return (f"The database {where} is read-only here, so nothing was saved. "
                "Check the file's permissions or open a copy you can change.")
    if "file is not a database" in text or "encrypted or is not a database" in text:
        return f"{where} is not a custgroups database (or it is damaged). Open another file."
    if "malformed" in text or "disk i/o error" in text:
        return (f"The database {where} is damaged or its disk failed. Restore it from a backup; "
                "details are in the log.")
    if "unable to open database file" in text:
        return (f"The database {where} cannot be opened: its folder is missing, "
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
    if _connection_lost(exc):
        return ("The connection to the database server was lost. It will reconnect on the next "
                "try; check whether your last change is there before repeating it.")
    if "deadlock" in text or "could not serialize" in text:
        return "Someone else was changing the same data at that moment. Please try again."
    if "max connections" in text or "too many clients" in text:
        return "The database server has no free connections right now. Try again in a moment."
    return ("The database reported a problem it did not explain; nothing was half-saved. "
            "Details are in the log.")
