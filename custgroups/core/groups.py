"""Customer groups: the list query, and saving a group with its members in one transaction."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

import peewee

from custgroups.core import db
from custgroups.core.codes import format_group_code, group_code_key, is_valid_group_code
from custgroups.core.customers import CustomerPage, _row, _select_rows
from custgroups.core.errors import (
    ConflictError,
    DuplicateNameError,
    GroupInactiveError,
    InactiveCustomersError,
    NotFoundError,
    ValidationError,
)
from custgroups.core.history import HistoryKind
from custgroups.core.history import record as _record
from custgroups.core.db.migrations import GROUP_CODE_SEQUENCE
from custgroups.core.models import Counter, Customer, CustomerGroup, Membership, database, utc_now
from custgroups.core.progress import ProgressFn, no_progress
from custgroups.core.text import (
    fold,
    has_control_characters,
    key_safe,
    like_pattern,
    search_fold,
    strip_invisible,
    tidy,
)

NAME_MAX = 100
DESCRIPTION_MAX = 500
PAGE_SIZES = (25, 50, 100, 200)
_MEMBER_CHUNK = 10_000


class Status(StrEnum):
    """Which groups a list shows by status."""

    ALL = "all"
    ACTIVE = "active"
    INACTIVE = "inactive"


class GroupSort(StrEnum):
    """Columns the group list can be sorted by."""

    CODE = "code"
    NAME = "name"
    DESCRIPTION = "description"
    STATUS = "status"
    MEMBERS = "members"
    CREATED = "created"
    UPDATED = "updated"


@dataclass(frozen=True)
class GroupQuery:
    """Filter, sort and page of the group list; one value travels from the filter bar to SQL."""

    code: str = ""
    text: str = ""
    status: Status = Status.ALL
    sort: GroupSort = GroupSort.CODE
    descending: bool = False
    page: int = 1
    page_size: int = 50


@dataclass(frozen=True)
class Group:
    """A customer group as lists and dialogs show it."""

    id: int
    code: str
    name: str
    description: str
    active: bool
    member_count: int
    version: int
    created_at: datetime
    created_by: str
    updated_at: datetime
    updated_by: str


@dataclass(frozen=True)
class GroupPage:
    """One page of the group list and the number of all groups the filter matches."""

    rows: tuple[Group, ...]
    total: int
    page: int
    page_size: int

    @property
    def page_count(self) -> int:
        """Pages in all; at least 1, so an empty list is on page 1 of 1."""
        return max(1, math.ceil(self.total / self.page_size))

    @property
    def first_row(self) -> int:
        """1-based number of the first row shown (0 when nothing matches)."""
        return 0 if not self.rows else (self.page - 1) * self.page_size + 1

    @property
    def last_row(self) -> int:
        """1-based number of the last row shown (0 when nothing matches)."""
        return 0 if not self.rows else self.first_row + len(self.rows) - 1


@dataclass(frozen=True)
class GroupChange:
    """What a clerk asks to save: a new group when ``group_id`` is None, else an edit.

    An edit carries the version it started from; a newer version in the database is
    a conflict, never overwritten.
    """

    name: str
    description: str = ""
    active: bool = True
    code: str = ""
    group_id: int | None = None
    expected_version: int | None = None
    add_customer_ids: frozenset[int] = field(default_factory=frozenset)
    remove_customer_ids: frozenset[int] = field(default_factory=frozenset)


# --- validation -------------------------------------------------------------------------


def clean_name(name: str) -> str:
    """The name as it is stored: invisible characters dropped, NFKC, trimmed."""
    return tidy(name)


def clean_description(description: str) -> str:
    """The description as it is stored: invisible characters dropped, trimmed, lines kept."""
    return strip_invisible(description).replace("\r\n", "\n").replace("\r", "\n").strip()


def validate_group(change: GroupChange) -> list[ValidationError]:
    """Every rule the change breaks that can be told without the database, field by field."""
    problems: list[ValidationError] = []
    name = clean_name(change.name)
    if not name:
        problems.append(ValidationError("name", "Group Name is required."))
    elif len(name) > NAME_MAX:
        problems.append(ValidationError(
            "name", f"Group Name is {len(name)} characters long; at most {NAME_MAX} fit."))
    elif has_control_characters(name) or "\n" in name or "\t" in name:
        problems.append(ValidationError(
            "name", "Group Name must be one line of text, without control characters."))
    description = clean_description(change.description)
    if len(description) > DESCRIPTION_MAX:
        problems.append(ValidationError(
            "description",
            f"Description is {len(description)} characters long; at most {DESCRIPTION_MAX} fit."))
    elif has_control_characters(description):
        problems.append(ValidationError("description", "Description holds control characters."))
    code = change.code.strip()
    if change.group_id is None and code and not is_valid_group_code(code):
        problems.append(ValidationError(
            "code",
            "Group Code may hold only letters, digits, '-' and '_', at most 30 of them "
            "(or leave it empty to get the next CG- number)."))
    if change.group_id is not None and change.expected_version is None:
        problems.append(ValidationError("version",
                                        "An edit must say which version it started from."))
    if change.add_customer_ids and not change.active:
        problems.append(GroupInactiveError(code or None))
    return problems


# --- saving -----------------------------------------------------------------------------


@db.writes
def save_group(change: GroupChange, who: str, progress: ProgressFn = no_progress) -> Group:
    """Create or edit a group, its member changes and their history, all or nothing."""
    problems = validate_group(change)
    if problems:
        raise problems[0]
    who = _who(who)
    name = clean_name(change.name)
    now = utc_now()  # one moment for the whole save, so its history reads as one change
    try:
        with db.transaction():
            if change.group_id is None:
                group_id, changed = _insert_group(change, name, who, now), False
            else:
                group_id, changed = change.group_id, _update_group(change, name, who, now)
            if change.add_customer_ids or change.remove_customer_ids:
                counts = _change_members(group_id, change.add_customer_ids,
                                         change.remove_customer_ids, who, now, progress)
                changed = changed or any(counts)
            if changed and change.group_id is not None:
                _touch(group_id, who, now)
    except peewee.IntegrityError as exc:
        # Two clerks saved the same name at the same moment and the unique index chose.
        raise _explain_integrity(exc, name, change.code) from exc
    return get_group(group_id)


def _who(who: str) -> str:
    # Control characters (a NUL cannot even reach PostgreSQL) are no part of a name.
    who = tidy(key_safe(who))[:100]
    return who or "unknown"


def _insert_group(change: GroupChange, name: str, who: str, now: datetime) -> int:
    code = change.code.strip()
    if code:
        _claim_code(code, wait=True)
    _check_name_free(name, None)
    if code:
        clash = CustomerGroup.get_or_none(CustomerGroup.code_key == group_code_key(code))
        if clash is not None:
            raise ValidationError("code", f"The code '{code}' is already used by group "
                                          f"'{clash.name}'.")
    else:
        code = _next_code()
    group_id = _insert_row(change, code, name, who, now)
    _record(group_id, who, now, HistoryKind.CREATED, None, name)
    if not change.active:
        _record(group_id, who, now, HistoryKind.DEACTIVATED, None, None)
    return group_id


def _claim_code(code: str, wait: bool) -> bool:
    """Hold ``code`` until the transaction ends, so no other save can take it meanwhile.

    Only a save of that very code waits (a typed code); numbering passes a held number by
    (``wait`` false returns False), so no creation waits for another. On PostgreSQL this is
    a transaction's advisory lock on the code; SQLite's writers take turns anyway.
    """
    if not db.is_postgres():
        return True
    call = "pg_advisory_xact_lock" if wait else "pg_try_advisory_xact_lock"
    # Keyed by schema and code: copies kept in other schemas of the database never meet.
    row = database.execute_sql(
        f"SELECT {call}({_CODE_LOCKS}, hashtext(current_schema() || ' ' || %s))",
        [group_code_key(code)]).fetchone()
    return wait or bool(row[0])


#: The first key of the advisory locks that hold group codes (the second is the code's hash).
_CODE_LOCKS = 4242002


def _insert_row(change: GroupChange, code: str, name: str, who: str, now: datetime) -> int:
    group_id: int = CustomerGroup.insert(
        code=code,
        code_key=group_code_key(code),
        name=name,
        name_key=fold(name),
        description=clean_description(change.description),
        description_key=fold(clean_description(change.description)),
        active=change.active,
        member_count=0,
        version=1,
        created_at=now,
        created_by=who,
        updated_at=now,
        updated_by=who,
    ).execute()
    return group_id


def _next_code() -> str:
    """The next free ``CG-`` code, passing numbers a clerk has typed or is typing by hand."""
    while True:
        code = format_group_code(_take_number())
        if _claim_code(code, wait=False) and not CustomerGroup.select().where(
                CustomerGroup.code_key == group_code_key(code)).exists():
            return code


def _take_number() -> int:
    """The next number for a CG- code: from a sequence on PostgreSQL, which no creation waits
    for (a save that fails leaves a gap), and from the counter row on SQLite, whose writers
    take turns anyway."""
    if db.is_postgres():
        row = database.execute_sql(f"SELECT nextval('{GROUP_CODE_SEQUENCE}')").fetchone()
        return int(row[0])
    Counter.update(value=Counter.value + 1).where(Counter.name == "group_code").execute()
    return int(Counter.get(Counter.name == "group_code").value)


def number_groups_from(last: int) -> None:
    """Make the next CG- number ``last + 1`` (for a database filled in bulk)."""
    Counter.update(value=last).where(Counter.name == "group_code").execute()
    if db.is_postgres():
        database.execute_sql(f"SELECT setval('{GROUP_CODE_SEQUENCE}', %s)", [last])


def _lock_group(group_id: int) -> Any:
    """The group row, locked until the transaction ends (SQLite's IMMEDIATE already locks)."""
    query = CustomerGroup.select().where(CustomerGroup.id == group_id)
    if db.is_postgres():
        query = query.for_update()
    row = query.first()
    if row is None:
        raise NotFoundError("That group no longer exists.")
    return row


def _update_group(change: GroupChange, name: str, who: str, now: datetime) -> bool:
    """Write the edited fields of a locked group and their history; True if any changed."""
    assert change.group_id is not None
    row = _lock_group(change.group_id)
    if row.version != change.expected_version:
        raise ConflictError(row.code, row.updated_by, row.updated_at, row.version)
    description = clean_description(change.description)
    if name != row.name:
        _check_name_free(name, row.id)
        _record(row.id, who, now, HistoryKind.RENAMED, row.name, name)
    if description != row.description:
        _record(row.id, who, now, HistoryKind.DESCRIPTION_CHANGED, row.description, description)
    if change.active != row.active:
        kind = HistoryKind.ACTIVATED if change.active else HistoryKind.DEACTIVATED
        _record(row.id, who, now, kind, None, None)
    if (name, description, change.active) == (row.name, row.description, row.active):
        return False
    (CustomerGroup
     .update(name=name, name_key=fold(name), description=description,
             description_key=fold(description), active=change.active)
     .where(CustomerGroup.id == row.id)
     .execute())
    return True


def _touch(group_id: int, who: str, now: datetime) -> None:
    """Mark a changed group: a new version, and who changed it when."""
    CustomerGroup.update(version=CustomerGroup.version + 1, updated_at=now,
                         updated_by=who).where(CustomerGroup.id == group_id).execute()


def _check_name_free(name: str, own_id: int | None) -> None:
    query = CustomerGroup.select(CustomerGroup.id, CustomerGroup.code, CustomerGroup.name).where(
        CustomerGroup.name_key == fold(name))
    clash = query.first()
    if clash is not None and clash.id != own_id:
        raise DuplicateNameError(clash.name, clash.code)


def _explain_integrity(exc: peewee.IntegrityError, name: str, code: str) -> Exception:
    clash = CustomerGroup.get_or_none(CustomerGroup.name_key == fold(name))
    if clash is not None:
        return DuplicateNameError(clash.name, clash.code)
    if code.strip():
        return ValidationError("code", f"The code '{code.strip()}' is already used by another "
                                       "group.")
    return exc


def _change_members(group_id: int, add_ids: Iterable[int], remove_ids: Iterable[int], who: str,
                    now: datetime, progress: ProgressFn) -> tuple[int, int]:
    """Add and remove members of a locked group; keeps its count and history right."""
    add = sorted(set(add_ids) - set(remove_ids))
    remove = sorted(set(remove_ids))
    total = len(add) + len(remove)
    done = 0
    added: list[str] = []
    removed: list[str] = []
    for start in range(0, len(remove), _MEMBER_CHUNK):
        batch = remove[start:start + _MEMBER_CHUNK]
        codes = [code for _cid, code, _active in _member_codes(group_id, batch, members=True)]
        if codes:
            Membership.delete().where(
                (Membership.group == group_id) & db.in_ids(Membership.customer, batch)
            ).execute()
        removed.extend(codes)
        done += len(batch)
        progress(done, total)
    if add:
        active = CustomerGroup.select(CustomerGroup.active).where(
            CustomerGroup.id == group_id).scalar()
        if not active:
            code = CustomerGroup.select(CustomerGroup.code).where(
                CustomerGroup.id == group_id).scalar()
            raise GroupInactiveError(code)
    for start in range(0, len(add), _MEMBER_CHUNK):
        batch = add[start:start + _MEMBER_CHUNK]
        new = _member_codes(group_id, batch, members=False)
        inactive = sorted(code for _cid, code, active in new if not active)
        if inactive:
            raise InactiveCustomersError(inactive)
        if new:
            _insert_members(group_id, [cid for cid, _code, _active in new])
        added.extend(code for _cid, code, _active in new)
        done += len(batch)
        progress(done, total)
    delta = len(added) - len(removed)
    if delta:
        CustomerGroup.update(member_count=CustomerGroup.member_count + delta).where(
            CustomerGroup.id == group_id).execute()
    if added:
        _record(group_id, who, now, HistoryKind.MEMBERS_ADDED, None, None, sorted(added))
    if removed:
        _record(group_id, who, now, HistoryKind.MEMBERS_REMOVED, None, None, sorted(removed))
    return len(added), len(removed)


def _member_codes(group_id: int, ids: Sequence[int], members: bool
                  ) -> list[tuple[int, str, bool]]:
    """(id, code, active) of the customers among ``ids`` that are (or are not) members."""
    sql, param = db.id_list(ids)
    test = "IS NOT NULL" if members else "IS NULL"
    cursor = database.execute_sql(
        f"SELECT c.id, c.code, c.active FROM customer c "
        f"LEFT JOIN membership m ON m.group_id = {db.mark()} AND m.customer_id = c.id "
        f"WHERE c.id IN ({sql}) AND m.customer_id {test}",
        [group_id, param],
    )
    return [(int(cid), str(code), bool(active)) for cid, code, active in cursor]


def _insert_members(group_id: int, ids: Sequence[int]) -> None:
    # The id list's SELECT yields one column, so it serves as the INSERT's source as it is.
    sql, param = db.id_list(ids)
    select = sql.replace("SELECT ", f"SELECT {db.mark()}, ", 1)
    database.execute_sql(f"INSERT INTO membership (group_id, customer_id) {select}",
                         [group_id, param])


@db.writes
def set_group_active(group_id: int, active: bool, who: str,
                     expected_version: int | None = None) -> Group:
    """Activate or deactivate a group (never delete it); a no-op if it already is so."""
    who = _who(who)
    with db.transaction():
        row = _lock_group(group_id)
        if expected_version is not None and row.version != expected_version:
            raise ConflictError(row.code, row.updated_by, row.updated_at, row.version)
        if bool(row.active) != active:
            now = utc_now()
            CustomerGroup.update(active=active).where(CustomerGroup.id == group_id).execute()
            _touch(group_id, who, now)
            kind = HistoryKind.ACTIVATED if active else HistoryKind.DEACTIVATED
            _record(group_id, who, now, kind, None, None)
    return get_group(group_id)


@db.writes
def change_members(group_id: int, who: str, add_ids: Iterable[int] = (),
                   remove_ids: Iterable[int] = (), expected_version: int | None = None,
                   progress: ProgressFn = no_progress) -> tuple[int, int]:
    """Add and remove members only; returns how many were really added and removed."""
    who = _who(who)
    with db.transaction():
        row = _lock_group(group_id)
        if expected_version is not None and row.version != expected_version:
            raise ConflictError(row.code, row.updated_by, row.updated_at, row.version)
        now = utc_now()
        counts = _change_members(group_id, add_ids, remove_ids, who, now, progress)
        if any(counts):
            _touch(group_id, who, now)
    return counts


# --- reading ----------------------------------------------------------------------------

_GROUP_COLUMNS = (
    CustomerGroup.id, CustomerGroup.code, CustomerGroup.name, CustomerGroup.description,
    CustomerGroup.active, CustomerGroup.member_count, CustomerGroup.version,
    CustomerGroup.created_at, CustomerGroup.created_by, CustomerGroup.updated_at,
    CustomerGroup.updated_by,
)

# The list query is written as SQL text: it runs on every keystroke of the filter bar, and
# building it through peewee costs more than SQLite takes to answer it at 20,000 groups.
_SORT_COLUMNS = {
    GroupSort.CODE: "code_key",
    GroupSort.NAME: "name_key",
    GroupSort.DESCRIPTION: "description_key",
    GroupSort.STATUS: "active",
    GroupSort.MEMBERS: "member_count",
    GroupSort.CREATED: "created_at",
    GroupSort.UPDATED: "updated_at",
}
_LIST_COLUMNS = ("id, code, name, description, active, member_count, version, created_at, "
                 "created_by, updated_at, updated_by")


def _where(query: GroupQuery) -> tuple[str, list[object]]:
    """The WHERE clause (or "") for the list filter, and its parameters."""
    mark = db.mark()
    clauses: list[str] = []
    params: list[object] = []
    if query.code.strip():
        clauses.append(f"code_key LIKE {mark} ESCAPE '\\'")
        params.append(like_pattern(group_code_key(query.code)))
    key = fold(query.text)
    if key:
        clauses.append(f"(name_key LIKE {mark} ESCAPE '\\' "
                       f"OR description_key LIKE {mark} ESCAPE '\\')")
        params.extend([like_pattern(key)] * 2)
    if query.status is Status.ACTIVE:
        clauses.append("active")
    elif query.status is Status.INACTIVE:
        clauses.append("NOT active")
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _order_by(query: GroupQuery) -> str:
    direction = " DESC" if query.descending else ""
    return f" ORDER BY {_SORT_COLUMNS[query.sort]}{direction}, id{direction}"


def _group(values: Sequence[Any]) -> Group:
    (gid, code, name, description, active, members, version, created_at, created_by,
     updated_at, updated_by) = values
    return Group(gid, code, name, description, bool(active), members, version,
                 _as_datetime(created_at), created_by, _as_datetime(updated_at), updated_by)


def _as_datetime(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


@db.reads
def list_groups(query: GroupQuery) -> GroupPage:
    """One page of the groups the filter matches, in its sort order, with the total count."""
    page_size = max(1, query.page_size)
    where, params = _where(query)
    total = count_matching(query)
    page = min(max(1, query.page), max(1, math.ceil(total / page_size)))
    mark = db.mark()
    rows = database.execute_sql(
        f"SELECT {_LIST_COLUMNS} FROM customer_group{where}{_order_by(query)} "
        f"LIMIT {mark} OFFSET {mark}",
        [*params, page_size, (page - 1) * page_size],
    ).fetchall()
    return GroupPage(tuple(_group(r) for r in rows), total, page, page_size)


def iter_groups(query: GroupQuery, batch: int = 2000) -> Iterator[Group]:
    """Every group the filter matches (all pages) in its sort order.

    Runs on the caller's connection: call it inside an operation, ideally a
    :func:`custgroups.core.db.snapshot`, so the rows agree with each other.
    """
    where, params = _where(query)
    cursor = database.execute_sql(
        f"SELECT {_LIST_COLUMNS} FROM customer_group{where}{_order_by(query)}", params)
    while rows := cursor.fetchmany(batch):
        yield from (_group(r) for r in rows)


def count_matching(query: GroupQuery) -> int:
    """How many groups the filter matches; on the caller's connection, like :func:`iter_groups`."""
    where, params = _where(query)
    return int(database.execute_sql(f"SELECT COUNT(*) FROM customer_group{where}",
                                    params).fetchone()[0])


def member_rows(group_id: int, batch: int = 2000) -> Iterator[tuple[str, str, str, bool]]:
    """(code, name, city, active) of every member, by code, fetched in batches so a group
    of any size costs the same memory; on the caller's connection."""
    cursor = database.execute_sql(
        "SELECT c.code, c.name, c.city, c.active FROM membership m "
        f"JOIN customer c ON c.id = m.customer_id WHERE m.group_id = {db.mark()} "
        "ORDER BY c.code_key",
        [group_id])
    while rows := cursor.fetchmany(batch):
        for code, name, city, active in rows:
            yield code, name, city, bool(active)


@db.reads
def get_group(group_id: int) -> Group:
    """The group with this id."""
    values = CustomerGroup.select(*_GROUP_COLUMNS).where(CustomerGroup.id == group_id).tuples()
    row = values.first()
    if row is None:
        raise NotFoundError("That group no longer exists.")
    return _group(row)


@db.reads
def get_group_by_code(code: str) -> Group:
    """The group with this code (ignoring case)."""
    row = (CustomerGroup.select(*_GROUP_COLUMNS)
           .where(CustomerGroup.code_key == group_code_key(code)).tuples().first())
    if row is None:
        raise NotFoundError(f"There is no group with the code '{code.strip()}'.")
    return _group(row)


@db.reads
def count_groups() -> int:
    """How many groups there are, active or not."""
    return int(CustomerGroup.select().count())


@db.reads
def member_ids(group_id: int) -> set[int]:
    """Ids of every customer in the group."""
    return set(db.first_column(
        Membership.select(Membership.customer).where(Membership.group == group_id)))


@db.reads
def list_members(group_id: int, term: str = "", offset: int = 0, limit: int = 100,
                 with_total: bool = True) -> CustomerPage:
    """A page of the group's members whose code or name contains ``term``, by code
    (``total`` is -1 without ``with_total``)."""
    query = _select_rows().join(Membership, on=(Membership.customer == Customer.id)).where(
        Membership.group == group_id)
    key = fold(term)
    if key:
        skey = search_fold(term)
        query = query.where(db.contains(Customer.code_key, key)
                            | db.contains(Customer.name_key, skey))
    total = query.count() if with_total else -1
    rows = query.order_by(Customer.code_key).offset(max(0, offset)).limit(max(1, limit)).tuples()
    return CustomerPage(tuple(_row(*r) for r in rows), total, max(0, offset))
