"""A group's members: adding and removing them inside a save, and reading them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from custgroups.core import db, events
from custgroups.core.customers import CustomerPage, _row, _select_rows
from custgroups.core.errors import GroupInactiveError, InactiveCustomersError
from custgroups.core.history import HistoryKind
from custgroups.core.history import record as _record
from custgroups.core.models import Customer, CustomerGroup, Membership, MembershipEvent, database
from custgroups.core.progress import ProgressFn
from custgroups.core.text import fold, search_fold
from custgroups.core.ways import How, Way

_MEMBER_CHUNK = 10_000


class ListMode(StrEnum):
    """How a list of customers changes a group."""

    ADD = "add"  # add those listed
    REMOVE = "remove"  # remove those listed
    MATCH = "match"  # add those listed, remove the members not listed


class Combination(StrEnum):
    """How the members of several groups make one set."""

    UNION = "union"  # in any of them
    INTERSECTION = "intersection"  # in all of them
    DIFFERENCE = "difference"  # in the first and in none of the others

    @property
    def symbol(self) -> str:
        """The sign between the group codes: ∪, ∩ or −."""
        return {"union": "∪", "intersection": "∩", "difference": "−"}[self.value]


class Transfer(StrEnum):
    """Customers carried between groups, seen from one of them."""

    MOVED_TO = "moved_to"  # they left this group for another
    MOVED_FROM = "moved_from"  # they came from another group, which they left
    COPIED_FROM = "copied_from"  # they came from another group, where they stay


@dataclass(frozen=True)
class MemberSource:
    """Where member changes came from, for the history: a list applied in a mode and named
    by its file ("north-dec.xlsx", or "" for a pasted list), groups combined and named by the
    formula ("CG-000012 ∩ CG-000040 on 2026-12-01"), or another group by its code."""

    how: ListMode | Combination | Transfer
    name: str = ""


def way_of(source: MemberSource | None, how: str = "") -> Way:
    """How changes from ``source`` came about (``how``, where the caller knows better: a
    command, the Customers window), named by the source's file, formula or group code."""
    if not how:
        mode = source.how if source else None
        if mode in (ListMode.ADD, ListMode.REMOVE):
            how = How.FILE if source and source.name else How.PASTE
        elif mode is ListMode.MATCH:
            how = How.SYNC
        elif isinstance(mode, Combination):
            how = How.COMBINE
        elif mode in (Transfer.MOVED_TO, Transfer.MOVED_FROM):
            how = How.MOVE
        else:
            how = How.COPY if mode is Transfer.COPIED_FROM else How.EDITOR
    return Way(str(how), source.name if source else "")


def change_members_of(group_id: int, add_ids: Iterable[int], remove_ids: Iterable[int], who: str,
                      now: datetime, progress: ProgressFn, source: MemberSource | None = None,
                      ways: Mapping[int, Way] | None = None, how: str = ""
                      ) -> tuple[int, int]:
    """Add and remove members of a group the caller's transaction has locked; keeps its count
    and history right (the history names ``source`` where there is one). Each customer's
    event says how they came or went: ``ways[id]``, else :func:`way_of` ``source``."""
    add = sorted(set(add_ids) - set(remove_ids))
    remove = sorted(set(remove_ids))
    total = len(add) + len(remove)
    done = 0
    added: list[str] = []
    removed: list[str] = []
    added_ids: list[int] = []
    removed_ids: list[int] = []
    for start in range(0, len(remove), _MEMBER_CHUNK):
        batch = remove[start:start + _MEMBER_CHUNK]
        gone = _member_codes(group_id, batch, members=True)
        if gone:
            Membership.delete().where(
                (Membership.group == group_id) & db.in_ids(Membership.customer, batch)
            ).execute()
        removed.extend(code for _cid, code, _active in gone)
        removed_ids.extend(cid for cid, _code, _active in gone)
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
        added_ids.extend(cid for cid, _code, _active in new)
        done += len(batch)
        progress(done, total)
    delta = len(added) - len(removed)
    if delta:
        CustomerGroup.update(member_count=CustomerGroup.member_count + delta).where(
            CustomerGroup.id == group_id).execute()
    events.record(group_id, added_ids, removed_ids, who, now, way_of(source, how), ways)
    mode, name = (source.how.value, source.name) if source else (None, None)
    if added:
        _record(group_id, who, now, HistoryKind.MEMBERS_ADDED, mode, name, sorted(added))
    if removed:
        _record(group_id, who, now, HistoryKind.MEMBERS_REMOVED, mode, name, sorted(removed))
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


def members_of_groups(groups: Sequence[tuple[int, int]], rows_per_query: int = 50_000,
                      batch: int = 2000) -> Iterator[tuple[int, str, str, str, bool]]:
    """(place, code, name, city, active) of every member of each group in ``groups`` (id,
    members expected), the groups in the order given (``place`` counts them from 0), each
    group's members by code; on the caller's connection, inside its transaction.

    Runs of neighbouring groups are read with one streamed query each, of about
    ``rows_per_query`` rows: a query per group would cost a round trip each (thousands on a
    server), and one query for them all would sort every member at once, in memory.
    """
    start = 0
    while start < len(groups):
        end, expected = start + 1, groups[start][1]
        while end < len(groups) and expected + groups[end][1] <= rows_per_query:
            expected += groups[end][1]
            end += 1
        listed, param = db.ordered_id_list([group_id for group_id, _ in groups[start:end]])
        rows = db.stream(
            f"SELECT k.pos, c.code, c.name, c.city, c.active FROM {listed} "
            "JOIN membership m ON m.group_id = k.id JOIN customer c ON c.id = m.customer_id "
            "ORDER BY k.pos, c.code_key", [param], batch)
        for place, code, name, city, active in rows:
            yield start + place, code, name, city, bool(active)
        start = end


class MemberOrder(StrEnum):
    """What the editor's members are sorted by."""

    CODE = "code"
    NAME = "name"
    CITY = "city"
    STATUS = "status"
    SINCE = "since"  # when they last joined the group
    ADDED_BY = "added_by"  # who added them then


_ORDER_KEYS = {MemberOrder.CODE: "c.code_key", MemberOrder.NAME: "c.name_key",
               MemberOrder.CITY: "LOWER(c.city)", MemberOrder.STATUS: "c.active",
               MemberOrder.SINCE: "e.at", MemberOrder.ADDED_BY: "LOWER(e.by)"}


@db.reads
def member_ids_in_order(group_id: int, order: MemberOrder, descending: bool = False
                        ) -> list[int]:
    """Ids of the group's members sorted by ``order`` in SQL, ties by code; members with no
    joining on record come last either way."""
    key = _ORDER_KEYS[order]
    joined = ""
    params: list[object] = [group_id]
    if order in (MemberOrder.SINCE, MemberOrder.ADDED_BY):
        table = MembershipEvent._meta.table_name
        joined = (f'LEFT JOIN (SELECT customer_id, MAX(id) AS last FROM "{table}" '
                  f"WHERE group_id = {db.mark()} AND added = {db.mark()} GROUP BY customer_id) j "
                  f'ON j.customer_id = m.customer_id LEFT JOIN "{table}" e ON e.id = j.last ')
        params = [group_id, True, group_id]
    cursor = database.execute_sql(
        f"SELECT m.customer_id FROM membership m JOIN customer c ON c.id = m.customer_id "
        f"{joined}WHERE m.group_id = {db.mark()} "
        f"ORDER BY {key} IS NULL, {key} {'DESC' if descending else 'ASC'}, c.code_key", params)
    return [int(cid) for cid, in cursor]


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
