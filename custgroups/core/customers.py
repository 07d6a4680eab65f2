"""Customers: search for the picker and resolving pasted codes (writing is in customer_import)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import peewee
from peewee import SQL, chunked

from custgroups.core import db
from custgroups.core.codes import CUSTOMER_CODE_MAX, customer_code_key, near_codes

# Writing lives in customer_import; these names stay importable from here.
from custgroups.core.customer_import import CONTACT_MAX as CONTACT_MAX
from custgroups.core.customer_import import NAME_MAX as NAME_MAX
from custgroups.core.customer_import import CustomerInput as CustomerInput
from custgroups.core.customer_import import UpsertResult as UpsertResult
from custgroups.core.customer_import import upsert_customers as upsert_customers
from custgroups.core.customer_import import validate_customer as validate_customer
from custgroups.core.models import Customer, database
from custgroups.core.progress import ProgressFn, no_progress
from custgroups.core.text import like_pattern, search_fold

# Terms shorter than a trigram cannot use the search index: they match code or name prefixes.
MIN_INDEXED_TERM = 3
# Past this many unknown codes, "did you mean" is left out: the list is junk, not typos.
MAX_SUGGESTIONS = 50
_LOOKUP_CHUNK = 50_000
# Pasted codes resolved in one statement: a round trip each to a server costs more than the
# progress between them is worth (100,000 codes take about a second).
_RESOLVE_CHUNK = 100_000
_SUGGEST_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz-_./"


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


class CustomerRef(NamedTuple):
    """Just enough of a customer to list it in a paste summary or a history entry.

    A named tuple rather than a frozen dataclass: a paste makes one per code, up to
    hundreds of thousands, and tuples are several times cheaper to build.
    """

    id: int
    code: str
    name: str
    active: bool


@dataclass(frozen=True)
class UnknownCode:
    """A pasted code that matches no customer, with the nearest existing code if one is close."""

    code: str
    suggestion: str | None


@dataclass(frozen=True)
class CodeResolution:
    """What a list of pasted codes means for one group, before anything is added.

    Every distinct code lands in exactly one of ``recognised``, ``already_members``,
    ``inactive`` and ``unknown``; ``duplicates`` lists the repeats beyond each first one.
    """

    recognised: tuple[CustomerRef, ...]
    already_members: tuple[CustomerRef, ...]
    duplicates: tuple[str, ...]
    unknown: tuple[UnknownCode, ...]
    inactive: tuple[CustomerRef, ...]

    @property
    def total(self) -> int:
        """How many codes were given, repeats included."""
        return (len(self.recognised) + len(self.already_members) + len(self.duplicates)
                + len(self.unknown) + len(self.inactive))

# --- reading ----------------------------------------------------------------------------


def _existing_keys(keys: Sequence[str]) -> set[str]:
    return {key for key, *_ in _lookup(keys)}


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
    if min(len(code_key), len(name_key)) < MIN_INDEXED_TERM:
        # Too short for trigrams: codes or names that start with the term.
        return query.where(_starts(Customer.code_key, code_key)
                           | _starts(Customer.name_key, name_key))
    if _uses_fts(term):
        return query.where(Customer.id.in_(SQL(
            "(SELECT rowid FROM customer_search WHERE customer_search MATCH ?)",
            [_fts_query(term)])))
    return query.where(db.contains(Customer.code_key, code_key)
                       | db.contains(Customer.name_key, name_key))


def _is_prefix_search(term: str) -> bool:
    return 0 < min(map(len, _keys(term))) < MIN_INDEXED_TERM


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


# --- resolving pasted codes -------------------------------------------------------------


def _lookup(keys: Sequence[str], group_id: int | None = None) -> Iterator[tuple[str, int, str, str,
                                                                               bool, bool]]:
    """(key, id, code, name, active, is_member) for every key that names a customer."""
    source, param = db.text_list(keys)
    sql = ("SELECT c.code_key, c.id, c.code, c.name, c.active, m.customer_id IS NOT NULL "
           f"FROM {source} JOIN customer c ON c.code_key = k.value "
           f"LEFT JOIN membership m ON m.group_id = {db.mark()} AND m.customer_id = c.id")
    rows = database.execute_sql(sql, [param, group_id])
    if db.is_postgres():  # booleans already
        yield from rows
        return
    for key, cid, code, name, active, member in rows:
        yield key, cid, code, name, bool(active), bool(member)


@db.reads
def resolve_codes(
    codes: Sequence[str], group_id: int | None = None, progress: ProgressFn = no_progress
) -> CodeResolution:
    """Sort pasted codes into recognised, already members, duplicates, unknown and inactive."""
    first: dict[str, str] = {}
    duplicates: list[str] = []
    for code in codes:
        key = customer_code_key(code)
        if key in first:
            duplicates.append(code)
        else:
            first[key] = code
    # Looked up in key order, SQLite walks the code index forwards instead of hopping about.
    keys = sorted(first)
    found: dict[str, tuple[str, int, str, str, bool, bool]] = {}
    total = len(keys) + 1
    for start in range(0, len(keys), _RESOLVE_CHUNK):
        found.update((row[0], row) for row in _lookup(keys[start:start + _RESOLVE_CHUNK],
                                                      group_id))
        progress(min(start + _RESOLVE_CHUNK, len(keys)), total)

    recognised: list[CustomerRef] = []
    members: list[CustomerRef] = []
    inactive: list[CustomerRef] = []
    unknown_keys: list[str] = []
    hit_of = found.get
    for key in first:  # paste order, as the clerk will read the lists
        hit = hit_of(key)
        if hit is None:
            unknown_keys.append(key)
            continue
        _key, cid, code, name, active, member = hit
        ref = CustomerRef(cid, code, name, active)
        if member:
            members.append(ref)
        elif not active:
            inactive.append(ref)
        else:
            recognised.append(ref)
    suggestions = _suggest(unknown_keys) if len(unknown_keys) <= MAX_SUGGESTIONS else {}
    progress(total, total)
    return CodeResolution(
        recognised=tuple(recognised),
        already_members=tuple(members),
        duplicates=tuple(duplicates),
        unknown=tuple(UnknownCode(first[k], suggestions.get(k)) for k in unknown_keys),
        inactive=tuple(inactive),
    )


def _suggest(unknown_keys: Sequence[str]) -> dict[str, str]:
    """The existing customer code each unknown key may have meant, where there is one.

    First the code it reads as when width and form are ignored ("ＡＢＣ" for ABC, "K²" for
    K2), then one edit away. A suggestion is only shown, never applied.
    """
    candidates: dict[str, list[str]] = {}
    for key in unknown_keys:
        if len(key) <= CUSTOMER_CODE_MAX:
            alphabet = _SUGGEST_ALPHABET + "".join(sorted(set(key) - set(_SUGGEST_ALPHABET)))
            candidates[key] = [customer_code_key(unicodedata.normalize("NFKC", key)),
                               *near_codes(key, alphabet)]
    wanted = list({c for near in candidates.values() for c in near})
    existing: dict[str, str] = {}
    for start in range(0, len(wanted), _LOOKUP_CHUNK):
        for key, _cid, code, *_ in _lookup(wanted[start:start + _LOOKUP_CHUNK]):
            existing[key] = code
    result: dict[str, str] = {}
    for key, near in candidates.items():
        match = next((existing[c] for c in near if c in existing), None)
        if match is not None:
            result[key] = match
    return result
