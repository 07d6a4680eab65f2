"""Undoing a past change: its inverse against the group as it is now, to be saved like any edit.

A revert never writes by itself: it is planned here and shown in the editor as pending
changes, where the clerk sees it, can change it, and saves it against the group's current
version like any other edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from custgroups.core import db
from custgroups.core.groups import Group, get_group, member_ids
from custgroups.core.history import HistoryEntry, HistoryKind
from custgroups.core.models import Customer, MembershipEvent
from custgroups.core.ways import How, Way

#: The kinds of change that can be undone (a creation cannot: deactivate the group instead).
REVERTIBLE = frozenset(HistoryKind) - {HistoryKind.CREATED}


@dataclass(frozen=True)
class RevertPlan:
    """The group as it is now, the fields and members that undo the change, and how many of
    the customers it touched need nothing now (or cannot: inactive customers cannot join)."""

    group: Group
    name: str
    description: str
    active: bool
    add_ids: frozenset[int]
    remove_ids: frozenset[int]
    left_alone: int
    #: How the membership events name the undoing: a revert of the change made at that moment.
    way: Way


@db.reads
def plan_revert(entry: HistoryEntry) -> RevertPlan:
    """The inverse of ``entry`` against its group as it is now."""
    group = get_group(entry.group_id)
    name, description, active = group.name, group.description, group.active
    add: set[int] = set()
    remove: set[int] = set()
    touched = 0
    match entry.kind:
        case HistoryKind.RENAMED:
            name = entry.old_value or name
        case HistoryKind.DESCRIPTION_CHANGED:
            description = entry.old_value or ""
        case HistoryKind.ACTIVATED | HistoryKind.DEACTIVATED:
            active = entry.kind is HistoryKind.DEACTIVATED
        case HistoryKind.MEMBERS_ADDED | HistoryKind.MEMBERS_REMOVED:
            customers = _customers_of(entry)
            touched = len(customers)
            members = member_ids(group.id)
            if entry.kind is HistoryKind.MEMBERS_ADDED:
                remove = set(customers) & members
            else:
                add = {cid for cid, is_active in customers.items()
                       if cid not in members and is_active}
        case HistoryKind.CREATED:
            raise ValueError("a creation cannot be undone")
    return RevertPlan(group, name, description, active, frozenset(add), frozenset(remove),
                      touched - len(add) - len(remove),
                      Way(How.REVERT, f"{entry.at:%Y-%m-%d %H:%M:%S} UTC by {entry.by}"))


def _customers_of(entry: HistoryEntry) -> dict[int, bool]:
    """The customers a member change touched (id: active now), from its events."""
    rows: Any = (MembershipEvent.select(Customer.id, Customer.active)
            .join(Customer, on=(MembershipEvent.customer == Customer.id))
            .where((MembershipEvent.group == entry.group_id) & (MembershipEvent.at == entry.at)
                   & (MembershipEvent.added == (entry.kind is HistoryKind.MEMBERS_ADDED)))
            .tuples())
    return {int(cid): bool(is_active) for cid, is_active in rows}
