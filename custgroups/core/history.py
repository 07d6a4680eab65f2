"""The history of every group: who changed what and when, with the customer codes involved."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from custgroups.core import db
from custgroups.core.models import CustomerGroup, HistoryEvent, MembershipEvent


class HistoryKind(StrEnum):
    """What one history event records."""

    CREATED = "created"
    RENAMED = "renamed"
    DESCRIPTION_CHANGED = "description_changed"
    ACTIVATED = "activated"
    DEACTIVATED = "deactivated"
    MEMBERS_ADDED = "members_added"
    MEMBERS_REMOVED = "members_removed"


@dataclass(frozen=True)
class HistoryEntry:
    """One change to one group."""

    id: int
    group_id: int
    group_code: str
    group_name: str
    at: datetime
    by: str
    kind: HistoryKind
    old_value: str | None
    new_value: str | None
    count: int
    codes: tuple[str, ...]
    reason: str = ""


def record(group_id: int, who: str, at: datetime, kind: HistoryKind, old: str | None,
           new: str | None, codes: Sequence[str] = ()) -> None:
    """Write one history event; called inside the transaction of the change it records."""
    HistoryEvent.insert(group=group_id, at=at, by=who, kind=kind.value, old_value=old,
                        new_value=new, count=len(codes), codes="\n".join(codes)).execute()


def _entry(values: Sequence[Any]) -> HistoryEntry:
    eid, gid, gcode, gname, at, by, kind, old, new, count, codes, reason = values
    return HistoryEntry(eid, gid, gcode, gname,
                        at if isinstance(at, datetime) else datetime.fromisoformat(str(at)),
                        by, HistoryKind(kind), old, new, count,
                        tuple(codes.split("\n")) if codes else (), reason or "")


def _select() -> Any:
    return (HistoryEvent
            .select(HistoryEvent.id, HistoryEvent.group, CustomerGroup.code, CustomerGroup.name,
                    HistoryEvent.at, HistoryEvent.by, HistoryEvent.kind, HistoryEvent.old_value,
                    HistoryEvent.new_value, HistoryEvent.count, HistoryEvent.codes,
                    HistoryEvent.reason)
            .join(CustomerGroup, on=(HistoryEvent.group == CustomerGroup.id)))


def give_reason(group_id: int, at: datetime, reason: str) -> None:
    """Keep the clerk's reason with everything one save recorded (at ``at``); called inside
    its transaction."""
    HistoryEvent.update(reason=reason).where(
        (HistoryEvent.group == group_id) & (HistoryEvent.at == at)).execute()
    MembershipEvent.update(reason=reason).where(
        (MembershipEvent.group == group_id) & (MembershipEvent.at == at)).execute()


@db.reads
def group_history(group_id: int) -> list[HistoryEntry]:
    """The group's timeline, newest first."""
    rows = (_select().where(HistoryEvent.group == group_id)
            .order_by(HistoryEvent.at.desc(), HistoryEvent.id.desc()).tuples())
    return [_entry(r) for r in rows]


def iter_history(group_id: int | None = None, batch: int = 1000) -> Iterator[HistoryEntry]:
    """Every history event, oldest first, of one group or of all groups, fetched in batches."""
    last_id = 0
    while True:
        rows = _history_batch(group_id, last_id, batch)
        if not rows:
            return
        yield from rows
        last_id = rows[-1].id


@db.reads
def _history_batch(group_id: int | None, after_id: int, size: int) -> list[HistoryEntry]:
    query = _select().where(HistoryEvent.id > after_id)
    if group_id is not None:
        query = query.where(HistoryEvent.group == group_id)
    return [_entry(r) for r in query.order_by(HistoryEvent.id).limit(size).tuples()]
