"""Writing customers: checking rows, and importing only what a file states and what changed.

A file's rows are compared with the stored customers a chunk of codes at a time (one query
per chunk). A column the file lacks leaves that field as it is; an empty cell does too,
unless the clerk chose that empty cells clear the field. Customers with nothing to change
are not written at all, so their ``updated_at`` stays.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, repeat
from typing import NamedTuple, cast

from peewee import OperationalError, chunked

from custgroups.core import db
from custgroups.core.clock import utc_now
from custgroups.core.codes import CUSTOMER_CODE_MAX, clean_customer_code
from custgroups.core.db import sqlstate
from custgroups.core.errors import DatabaseError, Sentence, ValidationError, tr
from custgroups.core.models import database
from custgroups.core.progress import ProgressFn, no_progress
from custgroups.core.text import has_control_characters, search_fold, tidy

NAME_MAX = 200
CONTACT_MAX = {"email": 200, "phone": 50, "city": 100, "country": 100}
#: Each field's longest, in the order code, name, email, phone, city, country.
_LIMITS = (CUSTOMER_CODE_MAX, NAME_MAX, *CONTACT_MAX.values())
_TEXT_FIELDS = ("name", *CONTACT_MAX)
#: The fields whose changes a plan counts, in the order a summary lists equal counts.
FIELDS = ("code", *_TEXT_FIELDS)
#: Every field a customer row can state; ``status`` is the Active/Inactive column.
ALL_COLUMNS = frozenset((*FIELDS, "status"))
_READ_CHUNK = 50_000
_CHECK_CHUNK = 1000


class CustomerInput(NamedTuple):
    """One customer as it arrives from an import or the demo generator.

    ``active`` None means the row does not say (an empty Status cell): a new customer is
    Active; a known one keeps its status, unless empty cells clear fields, which makes it
    Active. A named tuple: as unchangeable as a frozen dataclass, and made in half the time
    (an import makes one per row: 0.16 s of reading 200,000).
    """

    code: str
    name: str
    email: str = ""
    phone: str = ""
    city: str = ""
    country: str = ""
    active: bool | None = True


@dataclass(frozen=True)
class UpsertResult:
    """How many customers an import added and how many it changed."""

    inserted: int
    updated: int


@dataclass(frozen=True)
class CustomerImportPlan:
    """What importing a list of customers changes (or changed), counted field by field.

    Every row is ``new``, ``updated`` or ``unchanged``. An updated customer counts once in
    ``updated`` however much changed; ``fields`` says how many customers each field changes
    for, and ``reactivated``/``deactivated`` how many change status.
    """

    clear_empty: bool
    new: int
    updated: int
    unchanged: int
    reactivated: int
    deactivated: int
    fields: tuple[tuple[str, int], ...]  # (field, customers), most first; only those changing

    @property
    def total(self) -> int:
        """How many rows were compared."""
        return self.new + self.updated + self.unchanged

    @property
    def changes_anything(self) -> bool:
        """True when importing would write anything at all."""
        return bool(self.new or self.updated)


_SPACE = re.compile(r"\s")

#: The customer fields as sentences name them.
FIELD_NAMES = {"name": tr("Name"), "email": tr("Email"), "phone": tr("Phone"),
               "city": tr("City"), "country": tr("Country")}


def validate_customer(row: CustomerInput) -> list[tuple[str, Sentence]]:
    """Every problem with one customer row, as (field, sentence) pairs."""
    return [] if plainly_valid(row) else problems_of(row)


def plainly_valid(row: CustomerInput) -> bool:
    """True for the usual row, told quickly: printable (so no control or invisible
    characters, no space but " "), already in the form tidy() stores, every field within
    its limit. A row it does not vouch for is checked by :func:`problems_of`."""
    return plainly_valid_rows((row.code,), (row.name,), (row.email,), (row.phone,),
                              (row.city,), (row.country,))


def plainly_valid_rows(codes: Sequence[str], names: Sequence[str], emails: Sequence[str],
                       phones: Sequence[str], cities: Sequence[str], countries: Sequence[str]
                       ) -> bool:
    """:func:`plainly_valid` for every row of these columns at once (an import's thousand
    rows, one string check for all); False when any row is not plainly valid."""
    fields = (codes, names, emails, phones, cities, countries)
    text = "".join(chain.from_iterable(fields))
    return bool(all(codes) and all(map(str.strip, names)) and " " not in "".join(codes)
                and text.isprintable()
                and all(max(map(len, column), default=0) <= limit
                        for column, limit in zip(fields, _LIMITS, strict=True))
                and (text.isascii() or unicodedata.is_normalized("NFKC", text)))


def problems_of(row: CustomerInput) -> list[tuple[str, Sentence]]:
    """Every problem with one customer row, each field checked in full."""
    problems: list[tuple[str, Sentence]] = []
    code = clean_customer_code(row.code)
    if not code:
        problems.append(("code", tr("Customer code is missing.")))
    elif _SPACE.search(code) or has_control_characters(row.code):
        problems.append(("code", tr("Customer code '{code}' holds spaces or control "
                                    "characters.", code=code)))
    elif len(code) > CUSTOMER_CODE_MAX:
        problems.append(("code", tr("Customer code is longer than {limit} characters.",
                                    limit=CUSTOMER_CODE_MAX)))
    name = tidy(row.name)
    if not name:
        problems.append(("name", tr("Customer name is missing.")))
    elif len(name) > NAME_MAX:
        problems.append(("name", tr("Customer name is longer than {limit} characters.",
                                    limit=NAME_MAX)))
    for field, limit in CONTACT_MAX.items():
        value: str = getattr(row, field)
        if len(tidy(value)) > limit:
            problems.append((field, tr("{field} is longer than {limit} characters.",
                                       field=FIELD_NAMES[field], limit=limit)))
    for field in _TEXT_FIELDS:
        if has_control_characters(getattr(row, field)):
            problems.append((field, tr("{field} holds control characters.",
                                       field=FIELD_NAMES[field])))
    return problems


def upsert_customers(
    rows: Iterable[CustomerInput], progress: ProgressFn = no_progress, total: int = 0
) -> UpsertResult:
    """Insert new customers and update known ones (matched by code, ignoring case), atomically.

    Every field is taken from the rows as given, empty ones too. Rows are expected to be
    validated already; one that is not raises :class:`ValidationError` and nothing at all
    is written. ``total`` is kept for callers that pass it; the rows are counted anyway.
    """
    plan = apply_import(list(rows), ALL_COLUMNS, clear_empty=True, progress=progress)
    return UpsertResult(plan.new, plan.updated)


@db.reads
def plan_import(rows: Sequence[CustomerInput], columns: Collection[str],
                progress: ProgressFn = no_progress
                ) -> tuple[CustomerImportPlan, CustomerImportPlan]:
    """What importing ``rows`` would change: with empty cells kept, and with them clearing.

    ``columns`` names the fields the file has (see :data:`ALL_COLUMNS`). Nothing is
    written. Both plans come from one read, so a clerk can switch between them freely.
    """
    columns = frozenset(columns)
    keep, clear = _Tally(False, "status" in columns), _Tally(True, "status" in columns)
    with db.snapshot():
        for done, compared in _compare(rows, columns):
            for incoming, stored, _key in compared:
                keep.add(incoming, stored)
                clear.add(incoming, stored)
            progress(done, len(rows) + 1)
    progress(len(rows) + 1, len(rows) + 1)
    return keep.plan(), clear.plan()


@db.writes
def apply_import(rows: Sequence[CustomerInput], columns: Collection[str], clear_empty: bool,
                 progress: ProgressFn = no_progress) -> CustomerImportPlan:
    """Write what :func:`plan_import` promised for one choice, in one transaction.

    The comparison is repeated inside the transaction, so changes others saved since the
    preview are respected. A row that is not valid raises :class:`ValidationError`, and
    nothing at all is written.
    """
    columns = frozenset(columns)
    tally = _Tally(clear_empty, "status" in columns)
    now = db.stored_time(utc_now())  # converted once for every row
    with db.transaction():
        if db.is_postgres():
            _lock_customers()
        for done, compared in _compare(rows, columns):
            db.insert_rows("customer", _WRITTEN, [
                _record(*target, key, now) for incoming, stored, key in compared
                if (target := tally.add(incoming, stored)) is not None], _OVERWRITE)
            progress(done, len(rows))
    if len(rows) >= db.BULK_ROWS:
        db.refresh_statistics("customer")
    return tally.plan()


# --- comparing ----------------------------------------------------------------------------

#: A stored customer: id, then the :data:`FIELDS` in order, then active (as the driver gives it).
_Stored = tuple[int, str, str, str, str, str, str, object]
#: A row as the file states it: the :data:`FIELDS` (None where the file has no such column),
#: and the status (None where the file does not say).
_Incoming = tuple[tuple[str | None, ...], bool | None]


def _compare(rows: Sequence[CustomerInput], columns: frozenset[str]
             ) -> Iterator[tuple[int, list[tuple[_Incoming, _Stored | None, str]]]]:
    """(rows done, [(row as stated, stored customer or None, code key)]) a chunk at a time.

    One query per chunk of codes; each row's cells are tidied once, whichever plans use them.
    A row that is not valid raises :class:`ValidationError`. The usual rows are checked and
    tidied a thousand at a time, as columns: printable and in the form :func:`tidy` stores,
    their cells need only trimming.
    """
    seen: set[str] = set()
    present = tuple(field in columns for field in _TEXT_FIELDS)
    has_status = "status" in columns
    for start in range(0, len(rows), _READ_CHUNK):
        chunk = rows[start:start + _READ_CHUNK]
        incoming: list[_Incoming] = []
        keys: list[str] = []
        for batch in chunked(chunk, _CHECK_CHUNK):
            codes, *texts, statuses = zip(*batch)
            trim: Callable[[str], str] = str.strip
            if plainly_valid_rows(codes, *texts):
                codes = tuple(map(str.strip, codes))
            else:
                for row in batch:
                    problems = validate_customer(row)
                    if problems:
                        raise ValidationError(*problems[0])
                codes, trim = tuple(map(clean_customer_code, codes)), _tidy
            keys += map(str.casefold, codes)
            cells = [map(trim, column) if there else repeat(None)
                      for column, there in zip(texts, present, strict=True)]
            incoming += zip(zip(codes, *cells), statuses if has_status else repeat(None))
        seen.update(keys)
        if len(seen) != start + len(chunk):
            raise ValidationError("code", tr("The same customer code appears twice."))
        stored = _stored(keys)
        yield start + len(chunk), [(stated, stored.get(key), key)
                                   for stated, key in zip(incoming, keys, strict=True)]


def _lock_customers() -> None:
    """Nobody may change customers between the comparison and the writes (PostgreSQL)."""
    try:
        database.execute_sql("LOCK TABLE customer IN SHARE ROW EXCLUSIVE MODE")
    except OperationalError as exc:
        if sqlstate.code(exc) != sqlstate.LOCK_NOT_AVAILABLE:
            raise
        raise DatabaseError(tr("Another clerk is importing customers right now, so nothing "
                               "was changed; try again in a moment.")) from exc


def _tidy(text: str) -> str:
    # Most cells are plain ASCII, which tidy() would only strip.
    return text.strip() if text.isascii() and text.isprintable() else tidy(text)


def _stored(keys: Sequence[str]) -> dict[str, _Stored]:
    """The stored customers under these code keys, by key: one query, one parameter."""
    source, param = db.text_list(keys)
    sql = ("SELECT c.code_key, c.id, c.code, c.name, c.email, c.phone, c.city, c.country, "
           f"c.active FROM {source} JOIN customer c ON c.code_key = k.value")
    return {row[0]: row[1:] for row in database.execute_sql(sql, [param])}


class _Tally:
    """Counts what one choice of ``clear_empty`` does to each row."""

    def __init__(self, clear_empty: bool, has_status: bool) -> None:
        self.clear_empty = clear_empty
        # An empty Status cell clears to the default, Active, only when asked to.
        self.status_clears = has_status and clear_empty
        self.new = self.updated = self.unchanged = self.reactivated = self.deactivated = 0
        self.fields = [0] * len(FIELDS)

    def add(self, incoming: _Incoming, stored: _Stored | None
            ) -> tuple[tuple[str, ...], bool] | None:
        """Count one row; the customer to write (fields, status), or None when unchanged."""
        stated, status = incoming
        if stored is None:
            self.new += 1
            if None in stated:  # a field the file has no column for starts empty
                stated = tuple([value or "" for value in stated])
            return cast(tuple[str, ...], stated), status is not False
        old = stored[1:7]
        if all(stated) or (self.clear_empty and None not in stated):  # every field is stated
            values = cast(tuple[str, ...], stated)
        else:
            values = tuple([value if value is not None and (value or self.clear_empty) else before
                            for value, before in zip(stated, old, strict=True)])
        was_active = bool(stored[7])
        active = was_active if status is None and not self.status_clears else status is not False
        if values == old and active == was_active:
            self.unchanged += 1
            return None
        self.updated += 1
        for index, (value, before) in enumerate(zip(values, old, strict=True)):
            if value != before:
                self.fields[index] += 1
        if active != was_active:
            if active:
                self.reactivated += 1
            else:
                self.deactivated += 1
        return values, active

    def plan(self) -> CustomerImportPlan:
        changed = sorted(((field, count) for field, count in zip(FIELDS, self.fields, strict=True)
                          if count), key=lambda item: (-item[1], FIELDS.index(item[0])))
        return CustomerImportPlan(self.clear_empty, self.new, self.updated, self.unchanged,
                                  self.reactivated, self.deactivated, tuple(changed))


#: The columns an import writes, as :func:`_record` gives them; a customer whose code key is
#: stored already is overwritten, all but its creation.
_WRITTEN = ("code", "code_key", "name", "name_key", "email", "phone", "city", "country",
            "active", "created_at", "updated_at")
_OVERWRITE = "ON CONFLICT (code_key) DO UPDATE SET " + ", ".join(
    f'"{column}" = excluded."{column}"' for column in _WRITTEN
    if column not in ("code_key", "created_at"))


def _record(values: tuple[str, ...], active: bool, key: str, now: object
            ) -> tuple[object, ...]:
    code, name, email, phone, city, country = values
    return code, key, name, search_fold(name), email, phone, city, country, active, now, now
