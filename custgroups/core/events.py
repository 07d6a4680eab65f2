"""Membership events: each customer added to or removed from a group, when, by whom, how and
why. They answer "since when is this customer in this group?", show a group as it stood at a
moment, and tell downstream systems what changed since their last run.

Every membership change writes its events in the transaction of the change
(:func:`custgroups.core.memberships.change_members_of`); a database from before they were kept
gets them from its history when it is upgraded (:mod:`custgroups.core.db.backfill`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import peewee

from custgroups.core import db
from custgroups.core.customers import CustomerRef
from custgroups.core.models import Customer, CustomerGroup, MembershipEvent, database
from custgroups.core.ways import Way

#: Events written at once, in one statement each.
_CHUNK = 2000


@dataclass(frozen=True)
class Change:
    """One customer added to or removed from one group."""

    id: int
    at: datetime
    group_code: str
    customer_code: str
    added: bool
    by: str
    how: str
    source: str
    reason: str


def record(group_id: int, added: Sequence[int], removed: Sequence[int], who: str,
           at: datetime, way: Way, ways: Mapping[int, Way] | None = None) -> None:
    """Write the events of one change, each customer's made ``ways[id]`` or else ``way``;
    called inside the transaction of the change. Each side is one statement per way,
    whatever the number of customers."""
    table = MembershipEvent._meta.table_name
    for ids, flag in ((removed, False), (added, True)):
        by_way: dict[Way, list[int]] = {}
        for cid in ids:
            by_way.setdefault(ways.get(cid, way) if ways else way, []).append(cid)
        for each, listed_ids in by_way.items():
            listed, param = db.id_list(listed_ids)
            select = listed.replace("SELECT ", "SELECT " + ", ".join([db.mark()] * 7) + ", ", 1)
            database.execute_sql(
                f'INSERT INTO "{table}" (group_id, added, at, by, how, source, reason, '
                f"customer_id) {select}",
                [group_id, flag, at, who, each.how, each.source, "", param])


def stamp(value: Any) -> datetime:
    """A timestamp as the driver gave it (SQLite: text) as a datetime."""
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _changes_query() -> Any:
    return (MembershipEvent
            .select(MembershipEvent.id, MembershipEvent.at, CustomerGroup.code, Customer.code,
                    MembershipEvent.added, MembershipEvent.by, MembershipEvent.how,
                    MembershipEvent.source, MembershipEvent.reason)
            .join(CustomerGroup, on=(MembershipEvent.group == CustomerGroup.id))
            .switch(MembershipEvent)
            .join(Customer, on=(MembershipEvent.customer == Customer.id)))


def iter_changes(since: datetime, group_id: int | None = None, batch: int = 5000,
                 until: datetime | None = None) -> Iterator[Change]:
    """Every membership change at or after ``since`` (and at or before ``until``; UTC),
    oldest first, in a stable order (time, then the order they were written), in batches."""
    last: tuple[datetime, int] | None = None
    while True:
        rows = _changes_batch(since, until, group_id, last, batch)
        for eid, at, group, customer, added, by, how, source, reason in rows:
            yield Change(int(eid), stamp(at), group, customer, bool(added), by, how, source,
                         reason)
        if len(rows) < batch:
            return
        last = (stamp(rows[-1][1]), int(rows[-1][0]))


@db.reads
def customer_timeline(customer_id: int, limit: int = 500) -> list[Change]:
    """The customer's latest membership changes in every group, newest first."""
    rows: Any = (_changes_query().where(MembershipEvent.customer == customer_id)
                 .order_by(MembershipEvent.at.desc(), MembershipEvent.id.desc())
                 .limit(limit).tuples())
    return [Change(int(eid), stamp(at), group, customer, bool(added), by, how, source, reason)
            for eid, at, group, customer, added, by, how, source, reason in rows]


@db.reads
def _changes_batch(since: datetime, until: datetime | None, group_id: int | None,
                   last: tuple[datetime, int] | None, batch: int) -> list[tuple[Any, ...]]:
    query = _changes_query().where(MembershipEvent.at >= since)
    if until is not None:
        query = query.where(MembershipEvent.at <= until)
    if group_id is not None:
        query = query.where(MembershipEvent.group == group_id)
    if last is not None:
        query = query.where((MembershipEvent.at > last[0]) | (
            (MembershipEvent.at == last[0]) & (MembershipEvent.id > last[1])))
    return list(query.order_by(MembershipEvent.at, MembershipEvent.id).limit(batch).tuples())


def _as_of(group_id: int, moment: datetime) -> Any:
    """Each customer whose last event in the group at or before ``moment`` added them."""
    latest = (MembershipEvent
              .select(MembershipEvent.customer, peewee.fn.MAX(MembershipEvent.id).alias("last"))
              .where((MembershipEvent.group == group_id) & (MembershipEvent.at <= moment))
              .group_by(MembershipEvent.customer))
    return (MembershipEvent.select(MembershipEvent.customer)
            .join(latest, on=(MembershipEvent.id == latest.c.last))
            .where(MembershipEvent.added == True))  # noqa: E712 (SQL, not Python)


@db.reads
def members_as_of(group_id: int, moment: datetime) -> list[CustomerRef]:
    """The group's members as it stood at ``moment`` (UTC), in code order."""
    rows: Any = (Customer.select(Customer.id, Customer.code, Customer.name, Customer.active)
                 .where(Customer.id.in_(_as_of(group_id, moment)))
                 .order_by(Customer.code_key).tuples())
    return [CustomerRef(int(cid), str(code), str(name), bool(active))
            for cid, code, name, active in rows]


@db.reads
def member_since(group_id: int, customer_ids: Sequence[int] | None = None
                 ) -> dict[int, tuple[datetime, str]]:
    """When each member (of ``customer_ids``, or every customer ever in the group) last
    joined the group, and who added them."""
    found: dict[int, tuple[datetime, str]] = {}
    batches = ([None] if customer_ids is None else
               [customer_ids[start:start + _CHUNK]
                for start in range(0, len(customer_ids), _CHUNK)])
    for batch in batches:
        query = (MembershipEvent.select(MembershipEvent.customer, MembershipEvent.at,
                                        MembershipEvent.by)
                 .where((MembershipEvent.group == group_id) & MembershipEvent.added))
        if batch is not None:
            query = query.where(db.in_ids(MembershipEvent.customer, batch))
        rows: Any = query.order_by(MembershipEvent.id).tuples()
        for cid, at, by in rows:  # the latest joining wins
            found[int(cid)] = (stamp(at), str(by))
    return found
