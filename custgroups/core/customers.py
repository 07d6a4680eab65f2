"""Customers: search for the picker (resolving pasted codes is in pasted, writing in
customer_import)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import peewee
from peewee import SQL, chunked

from custgroups.core import db
from custgroups.core.codes import customer_code_key

# Writing lives in customer_import; these names stay importable from here.
from custgroups.core.customer_import import CONTACT_MAX as CONTACT_MAX
from custgroups.core.customer_import import NAME_MAX as NAME_MAX
from custgroups.core.customer_import import CustomerInput as CustomerInput
from custgroups.core.customer_import import UpsertResult as UpsertResult
from custgroups.core.customer_import import upsert_customers as upsert_customers
from custgroups.core.customer_import import validate_customer as validate_customer
from custgroups.core.models import Customer, database

# Resolving pasted codes lives in pasted; these names stay importable from here.
from custgroups.core.pasted import MAX_SUGGESTIONS as MAX_SUGGESTIONS
from custgroups.core.pasted import CodeResolution as CodeResolution
from custgroups.core.pasted import CustomerRef as CustomerRef
from custgroups.core.pasted import UnknownCode as UnknownCode
from custgroups.core.pasted import lookup_keys
from custgroups.core.pasted import resolve_codes as resolve_codes
from custgroups.core.text import like_pattern, search_fold

# Terms shorter than a trigram cannot use the search index: they match code or name prefixes.
MIN_INDEXED_TERM = 3
_LOOKUP_CHUNK = 50_000


class CustomerRow(NamedTuple):
    """A customer as lists and pickers show it.

    A named tuple: the editor holds one per member (tens of thousands), and tuples of plain
    values are cheap to build and drop out of the garbage collector's sight.
    """

    id: int
    code: str
    name: str
    city: str
    country: str
    email: str
    phone: str
    active: bool


@dataclass(frozen=True)
class CustomerPage:
    """One page of a customer search, with the number of all matches."""

    rows: tuple[CustomerRow, ...]
    total: int
    offset: int


# --- reading ----------------------------------------------------------------------------


def _existing_keys(keys: Sequence[str]) -> set[str]:
    return {key for key, *_ in lookup_keys(keys)}


@db.reads
def count_existing_codes(codes: Sequence[str]) -> int:
    """How many of these codes (compared ignoring case) name existing customers."""
    keys = list({customer_code_key(code) for code in codes})
    return sum(len(_existing_keys(keys[i:i + _LOOKUP_CHUNK]))
               for i in range(0, len(keys), _LOOKUP_CHUNK))


def is_customer_code(code: str) -> bool:
    """True when ``code`` (ignoring case) is an existing customer's code."""
    return count_existing_codes([code]) > 0


@db.reads
def count_customers() -> int:
    """How many customers there are."""
    return int(Customer.select().count())


@db.reads
def search_customers(term: str = "", offset: int = 0, limit: int = 100,
                     with_total: bool = True) -> CustomerPage:
    """A page of customers whose code or name contains ``term``, ordered by code.

    Without ``with_total`` the page comes back at once with ``total`` -1; counting every
    match of a broad term costs more than the page, so a picker can ask for it separately
    (:func:`count_matching_customers`).
    """
    query = matching_query(term)
    offset, limit = max(0, offset), max(1, limit)
    total = _count(term, query) if with_total else -1
    if db.is_postgres() and _is_prefix_search(term):
        return CustomerPage(_prefix_page(term, offset, limit), total, offset)
    page = query.order_by(_by_code()).offset(offset).limit(limit)  # code_key is unique
    if total < 0 and not db.is_postgres():
        # Without the total, a bounded count tells a broad term from a narrow one cheaply.
        broad = query.select(Customer.id).limit(1001).count() > 1000
    else:
        broad = total > 1000
    if broad and not db.is_postgres():
        rows = _page_along_code_index(page, total, offset, limit)
        if rows is not None:
            return CustomerPage(rows, total, offset)
    return CustomerPage(tuple(_row(*r) for r in page.tuples()), total, offset)


@db.reads
def count_matching_customers(term: str = "") -> int:
    """How many customers match ``term`` (what "Select all N matching" says)."""
    return _count(term, matching_query(term))


def _count(term: str, query: Any) -> int:
    if not _uses_fts(term):
        return int(query.count())
    return int(database.execute_sql(
        "SELECT count(*) FROM customer_search WHERE customer_search MATCH ?",
        [_fts_query(term)]).fetchone()[0])


def _page_along_code_index(page: Any, total: int, offset: int, limit: int
                           ) -> tuple[CustomerRow, ...] | None:
    """A page of a broad search read along the code index, or None when sorting is cheaper.

    SQLite would otherwise collect and sort every match before taking the page. Sorting
    costs about ``total``; walking the code index until the page is full costs about
    ``(offset + limit) * customers / total``.
    """
    customers = Customer.select(peewee.fn.MAX(Customer.id)).scalar() or 0
    if total >= 0 and (offset + limit) * customers >= total * total:
        return None
    sql, params = page.sql()
    table = 'FROM "customer" AS "t1"'
    if table not in sql:  # pragma: no cover - peewee changed how it names the table
        return None
    sql = sql.replace(table, table + ' INDEXED BY "customer_code_key"', 1)
    return tuple(_row(*r) for r in database.execute_sql(sql, params))


@db.reads
def matching_customer_ids(term: str = "") -> list[int]:
    """Ids of every customer matching ``term``, active or not."""
    return db.first_column(matching_query(term).select(Customer.id))


@dataclass(frozen=True)
class Selectable:
    """What "select all matching" may tick: the active customers; the inactive are counted."""

    ids: tuple[int, ...]
    inactive: int


@db.reads
def selectable_customers(term: str = "") -> Selectable:
    """The active customers matching ``term`` (inactive ones are never added to a group)."""
    # Straight from the cursor: building peewee rows doubles the time for 200,000 matches.
    cursor = database.execute_sql(*matching_query(term).select(Customer.id, Customer.active).sql())
    ids: list[int] = []
    inactive = 0
    for cid, active in cursor:
        if active:
            ids.append(cid)
        else:
            inactive += 1
    return Selectable(tuple(ids), inactive)


@db.reads
def customers_by_ids(ids: Iterable[int]) -> list[CustomerRow]:
    """The customers with these ids, ordered by code (unknown ids are skipped)."""
    rows: list[CustomerRow] = []
    for batch in chunked(sorted(set(ids)), _LOOKUP_CHUNK):
        rows.extend(_row(*r) for r in _select_rows().where(db.in_ids(Customer.id, batch)).tuples())
    rows.sort(key=lambda r: (customer_code_key(r.code), r.id))
    return rows


_ROW_COLUMNS = ("id", "code", "name", "city", "country", "email", "phone", "active")


def _select_rows() -> Any:
    return Customer.select(*(getattr(Customer, column) for column in _ROW_COLUMNS))


def _row(cid: int, code: str, name: str, city: str, country: str, email: str, phone: str,
         active: bool) -> CustomerRow:
    return CustomerRow(cid, code, name, city, country, email, phone, bool(active))


def _keys(term: str) -> tuple[str, str]:
    """The term as a code key (case-folded) and as a name key (accents dropped too)."""
    return customer_code_key(term), search_fold(term)


def _uses_fts(term: str) -> bool:
    info = db.info()
    return (info.customer_search_index and info.kind == "sqlite"
            and min(map(len, _keys(term))) >= MIN_INDEXED_TERM)


def _fts_query(term: str) -> str:
    code_key, name_key = (key.replace('"', '""') for key in _keys(term))
    return f'code_key : "{code_key}" OR name_key : "{name_key}"'


def matching_query(term: str) -> Any:
    """The customers whose code or name holds ``term`` (all for ""), as a query to narrow."""
    code_key, name_key = _keys(term)
    query = _select_rows()
    if not code_key and not name_key:
        return query
    if _is_prefix_search(term):
        return query.where(_starts(Customer.code_key, code_key)
                           | _starts(Customer.name_key, name_key))
    if _uses_fts(term):
        return query.where(Customer.id.in_(SQL(
            "(SELECT rowid FROM customer_search WHERE customer_search MATCH ?)",
            [_fts_query(term)])))
    return query.where(db.contains(Customer.code_key, code_key)
                       | db.contains(Customer.name_key, name_key))


def _is_prefix_search(term: str) -> bool:
    """True for a term too short for trigrams: codes or names that start with it match."""
    code_key, name_key = _keys(term)
    return bool(code_key or name_key) and min(len(code_key), len(name_key)) < MIN_INDEXED_TERM


def _in_code_points(field: Any) -> Any:
    """The column compared by code point, as SQLite compares text; on PostgreSQL through
    the indexes made so (migration 6), whatever the database's own collation."""
    return peewee.NodeList((field, SQL('COLLATE "C"'))) if db.is_postgres() else field


def _by_code() -> Any:
    return _in_code_points(Customer.code_key)


def _starts(field: Any, key: str) -> Any:
    if not key:
        return SQL("1 = 0")
    after = _next_character(key[-1])
    if after is None:
        return db.like(field, like_pattern(key)[1:])
    # A range on an index in code-point order: exactly the texts that start with the key,
    # where LIKE could not use the index (SQLite's, or a server's sorting by language).
    field = _in_code_points(field)
    return (field >= key) & (field < key[:-1] + after)


def _prefix_page(term: str, offset: int, limit: int) -> tuple[CustomerRow, ...]:
    """A page of a short term's matches on PostgreSQL: codes and names that start with it,
    each read as a range along its own index in code order, then merged. One condition
    joined by OR would walk the code index from its first entry (45 ms for 'c1' among
    200,000 customers, against well under one)."""
    code_key, name_key = _keys(term)
    parts = [_select_rows().select_extend(Customer.code_key).where(condition)
             .order_by(_by_code()).limit(offset + limit)
             for condition in (_starts(Customer.code_key, code_key),
                               _starts(Customer.name_key, name_key))]
    (code_sql, code_params), (name_sql, name_params) = (part.sql() for part in parts)
    columns = ", ".join(f"u.{column}" for column in _ROW_COLUMNS)
    cursor = database.execute_sql(
        f"SELECT {columns} FROM (({code_sql}) UNION ({name_sql})) AS u "
        f'ORDER BY u.code_key COLLATE "C" OFFSET {int(offset)} LIMIT {int(limit)}',
        [*code_params, *name_params])
    return tuple(_row(*r) for r in cursor)


def _next_character(char: str) -> str | None:
    """The character after ``char`` that a text can hold (surrogates skipped), if any."""
    following = ord(char) + 1
    if 0xD800 <= following <= 0xDFFF:
        following = 0xE000
    return chr(following) if following <= 0x10FFFF else None
