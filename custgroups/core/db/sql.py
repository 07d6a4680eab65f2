"""Small SQL helpers that read alike on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from itertools import chain
from typing import Any

import peewee

from custgroups.core.db.connect import is_postgres
from custgroups.core.text import like_pattern

log = logging.getLogger("custgroups.db")


def mark() -> str:
    """The driver's parameter placeholder, for the few statements written as SQL text."""
    return "%s" if is_postgres() else "?"


def id_list(ids: Sequence[int]) -> tuple[str, object]:
    """A ``SELECT`` listing ``ids`` from one parameter (no variable limit), and that parameter."""
    if is_postgres():
        return "SELECT unnest(%s::bigint[])", list(ids)
    return "SELECT value FROM json_each(?)", json.dumps(list(ids))


def ordered_id_list(ids: Sequence[int]) -> tuple[str, object]:
    """A ``FROM`` item ``k(pos, id)`` listing ``ids`` with their places (from 0) from one
    parameter, and that parameter."""
    if is_postgres():
        return ("(SELECT pos - 1 AS pos, id FROM unnest(%s::bigint[]) WITH ORDINALITY "
                "AS u(id, pos)) AS k"), list(ids)
    return "(SELECT key AS pos, value AS id FROM json_each(?)) AS k", json.dumps(list(ids))


def stream(sql: str, params: Sequence[object], batch: int = 2000) -> Iterator[tuple[Any, ...]]:
    """A query's rows, fetched a batch at a time, so millions of them cost the memory of one
    batch; on the caller's connection and inside its transaction, which must stay open while
    the rows are read. SQLite steps through its result as asked; PostgreSQL would send every
    row at once to an ordinary cursor, so there a cursor on the server hands them out."""
    from custgroups.core.models import database

    if not is_postgres():
        cursor = database.execute_sql(sql, params)
        while rows := cursor.fetchmany(batch):
            yield from rows
        return
    # A cursor declared in SQL, as the transaction is too (the driver's own named cursors
    # want it to manage transactions itself).
    name = f"stream_{secrets.token_hex(6)}"
    database.execute_sql(f"DECLARE {name} NO SCROLL CURSOR FOR {sql}", params)
    while rows := database.execute_sql(f"FETCH FORWARD {int(batch)} FROM {name}").fetchall():
        yield from rows
    # Closed when read to the end; a failure or an abandoned read ends the transaction,
    # which closes it as well.
    database.execute_sql(f"CLOSE {name}")


#: Values one SQLite statement of :func:`insert_rows` takes (SQLite allows 32,766).
_SQLITE_VALUES = 30_000


def insert_rows(table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]],
                then: str = "") -> None:
    """Insert many rows on the caller's connection and inside its transaction, thousands to
    a statement, ``then`` following the values (an ``ON CONFLICT`` clause, say). Values go
    to the driver as they are (see :func:`stored_time` for a datetime shared by many rows).

    On SQLite a statement a row would cost each row a flush of the customer search index
    (its trigger runs in a statement of its own): 200,000 customers took 8 s, not 2."""
    from custgroups.core.models import database

    names = ", ".join(f'"{column}"' for column in columns)
    cursor = database.cursor()
    if is_postgres():
        from psycopg2.extras import execute_values

        execute_values(cursor, f'INSERT INTO "{table}" ({names}) VALUES %s {then}', rows,
                       page_size=5000)
        return
    row = "(" + ", ".join("?" * len(columns)) + ")"
    for page in peewee.chunked(rows, max(1, _SQLITE_VALUES // len(columns))):
        cursor.execute(f'INSERT INTO "{table}" ({names}) VALUES '
                       f'{", ".join([row] * len(page))} {then}', list(chain.from_iterable(page)))


def stored_time(moment: datetime) -> object:
    """``moment`` as the driver stores it, for rows that share it to take it converted once:
    SQLite's text (what its adapter makes of a datetime), PostgreSQL's timestamp."""
    return moment if is_postgres() else moment.isoformat(" ")


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


#: Rows written at once above which the server's planner is told of them straight away.
BULK_ROWS = 10_000


def refresh_statistics(*tables: str) -> None:
    """After a bulk load, let PostgreSQL's planner see the new rows now, not when autovacuum
    gets round to it (before, a two-letter picker search took 421 ms where 1 ms would do),
    and merge the entries the tables' search indexes keep pending, which every search would
    read through until then. A login that does not own the tables is skipped by the server
    with a warning, no error, and its indexes are left to autovacuum; SQLite's plans do not
    depend on such statistics.

    The load is committed by then: a failure here is logged, never reported as the load's.
    """
    if not is_postgres():
        return
    from custgroups.core.models import database

    try:
        database.execute_sql("ANALYZE " + ", ".join(f'"{table}"' for table in tables))
        database.execute_sql(
            "SELECT gin_clean_pending_list(i.indexrelid) FROM pg_index AS i "
            "JOIN pg_class AS c ON c.oid = i.indexrelid JOIN pg_am AS a ON a.oid = c.relam "
            "WHERE a.amname = 'gin' AND pg_has_role(c.relowner, 'USAGE') "
            "AND i.indrelid IN (SELECT unnest(%s::regclass[]))", [list(tables)])
    except peewee.DatabaseError as exc:
        log.warning("after a bulk load, the server's statistics or search indexes were not "
                    "brought up to date: %s", exc)
