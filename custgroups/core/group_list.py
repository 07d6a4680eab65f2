"""The list of customer groups: filtered, sorted and paged in SQL; single groups by id or code."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from custgroups.core import db
from custgroups.core.codes import group_code_key
from custgroups.core.errors import NotFoundError, tr
from custgroups.core.models import CustomerGroup, database
from custgroups.core.text import fold, like_pattern

PAGE_SIZES = (25, 50, 100, 200)


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
    #: Only these groups (a selection of the list), still filtered and sorted; () for all.
    only_ids: tuple[int, ...] = ()

    @property
    def filtered(self) -> bool:
        """True when a filter narrows the list (code, name/description or status)."""
        return bool(self.code.strip() or self.text.strip() or self.status is not Status.ALL)

    def with_filters(self, code: str = "", text: str = "",
                     status: Status = Status.ALL) -> GroupQuery:
        """This query with these filters (none by default), back on page 1."""
        return replace(self, code=code, text=text, status=status, page=1)


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


GROUP_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Group))
"""The columns of a group row, in :class:`Group`'s order; each is a ``customer_group`` column."""

_GROUP_COLUMNS = tuple(getattr(CustomerGroup, name) for name in GROUP_FIELDS)

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
_LIST_COLUMNS = ", ".join(GROUP_FIELDS)


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
    if query.only_ids:
        ids, param = db.id_list(query.only_ids)
        clauses.append(f"id IN ({ids})")
        params.append(param)
    if query.status is Status.ACTIVE:
        clauses.append("active")
    elif query.status is Status.INACTIVE:
        clauses.append("NOT active")
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _order_by(query: GroupQuery) -> str:
    direction = " DESC" if query.descending else ""
    return f" ORDER BY {_SORT_COLUMNS[query.sort]}{direction}, id{direction}"


def _as_datetime(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


# Where the values that need converting sit (SQLite gives 0/1 and ISO text); the rest are
# taken as stored.
_ACTIVE = GROUP_FIELDS.index("active")
_TIMES = (GROUP_FIELDS.index("created_at"), GROUP_FIELDS.index("updated_at"))


def _group(values: Sequence[Any]) -> Group:
    row = list(values)
    row[_ACTIVE] = bool(row[_ACTIVE])
    for i in _TIMES:
        row[i] = _as_datetime(row[i])
    return Group(*row)


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


@db.reads
def page_of(group_id: int, query: GroupQuery) -> int | None:
    """The page of the list (filtered, sorted and paged as ``query`` says) that shows the
    group; None when the filter does not match it."""
    where, params = _where(query)
    column, mark = _SORT_COLUMNS[query.sort], db.mark()
    joined = " AND " if where else " WHERE "
    row = database.execute_sql(
        f"SELECT {column} FROM customer_group{where}{joined}id = {mark}",
        [*params, group_id]).fetchone()
    if row is None:
        return None
    before = database.execute_sql(  # rows ahead of it in the list's order
        f"SELECT COUNT(*) FROM customer_group{where}{joined}({column}, id) "
        f"{'>' if query.descending else '<'} ({mark}, {mark})",
        [*params, row[0], group_id]).fetchone()[0]
    return int(before) // max(1, query.page_size) + 1


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


@db.reads
def get_group(group_id: int) -> Group:
    """The group with this id."""
    values = CustomerGroup.select(*_GROUP_COLUMNS).where(CustomerGroup.id == group_id).tuples()
    row = values.first()
    if row is None:
        raise NotFoundError(tr("That group no longer exists."))
    return _group(row)


@db.reads
def get_group_by_code(code: str) -> Group:
    """The group with this code (ignoring case)."""
    row = (CustomerGroup.select(*_GROUP_COLUMNS)
           .where(CustomerGroup.code_key == group_code_key(code)).tuples().first())
    if row is None:
        raise NotFoundError(tr("There is no group with the code '{code}'.", code=code.strip()))
    return _group(row)


@db.reads
def count_groups() -> int:
    """How many groups there are, active or not."""
    return int(CustomerGroup.select().count())
