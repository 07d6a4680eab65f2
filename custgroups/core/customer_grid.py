"""A pasted list of customers against the groups they are in: one row per customer, one
column per group (those any of them is in, or a chosen set), and the ticks changed by the
clerk saved group by group, each in its own transaction with its history.

Each group is saved against the version the grid was read at: a group changed by someone
else since is left as it is, its changes kept for the clerk to look at again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from custgroups.core import db
from custgroups.core.codes import customer_code_key
from custgroups.core.customers import CodeResolution, CustomerRef, resolve_codes
from custgroups.core.errors import CustgroupsError, Sentence, tr
from custgroups.core.groups import change_members
from custgroups.core.models import CustomerGroup, Membership
from custgroups.core.progress import ProgressFn, no_progress
from custgroups.core.ways import How

#: Customers whose memberships are read in one statement.
_CHUNK = 2000


@dataclass(frozen=True)
class GridGroup:
    """A column of the grid: a group as it was when the grid was read."""

    id: int
    code: str
    name: str
    active: bool
    version: int


@dataclass(frozen=True)
class Grid:
    """The customers listed (in the order pasted, each once), the groups shown, and which
    of those customers each group holds."""

    customers: tuple[CustomerRef, ...]
    groups: tuple[GridGroup, ...]
    members: frozenset[tuple[int, int]]  # (customer id, group id)
    resolution: CodeResolution

    def holds(self, customer_id: int, group_id: int) -> bool:
        """True when the group held the customer as the grid was read."""
        return (customer_id, group_id) in self.members


@dataclass(frozen=True)
class GroupEdit:
    """The ticks changed in one group's column."""

    add_ids: frozenset[int] = frozenset()
    remove_ids: frozenset[int] = frozenset()


@dataclass(frozen=True)
class GridSaved:
    """What saving the grid did: groups saved, and groups left as they were, with why."""

    saved: tuple[str, ...] = ()
    #: Group id: its code and why, in plain words ("CG-000012: … changed by bob …").
    failed: Mapping[int, Sentence] = field(default_factory=dict)


@db.reads
def read_grid(codes: Sequence[str], group_ids: Sequence[int] | None = None,
              progress: ProgressFn = no_progress) -> Grid:
    """The grid for pasted codes: the groups any of the customers is in, by code, or the
    groups ``group_ids`` (in the order given) whoever they hold."""
    resolution = resolve_codes(codes, None, progress)
    order: dict[str, int] = {}
    for n, code in enumerate(codes):
        order.setdefault(customer_code_key(code), n)  # each customer where first pasted
    found = sorted(resolution.recognised + resolution.inactive,
                   key=lambda c: order.get(customer_code_key(c.code), len(order)))
    ids = [c.id for c in found]
    pairs: set[tuple[int, int]] = set()
    for start in range(0, len(ids), _CHUNK):
        query = Membership.select(Membership.customer, Membership.group).where(
            db.in_ids(Membership.customer, ids[start:start + _CHUNK]))
        if group_ids is not None:
            query = query.where(db.in_ids(Membership.group, group_ids))
        rows: Any = query.tuples()
        pairs.update((int(cid), int(gid)) for cid, gid in rows)
    wanted = list(group_ids) if group_ids is not None else sorted({g for _c, g in pairs})
    return Grid(tuple(found), _groups(wanted, group_ids is None), frozenset(pairs), resolution)


def _groups(ids: Sequence[int], by_code: bool) -> tuple[GridGroup, ...]:
    found: dict[int, GridGroup] = {}
    keys: dict[int, str] = {}
    for start in range(0, len(ids), _CHUNK):
        rows: Any = (CustomerGroup.select(CustomerGroup.id, CustomerGroup.code, CustomerGroup.name,
                                          CustomerGroup.active, CustomerGroup.version,
                                          CustomerGroup.code_key)
                     .where(db.in_ids(CustomerGroup.id, ids[start:start + _CHUNK])).tuples())
        for gid, code, name, active, version, key in rows:
            found[int(gid)] = GridGroup(int(gid), code, name, bool(active), int(version))
            keys[int(gid)] = key
    if by_code:
        return tuple(sorted(found.values(), key=lambda g: keys[g.id]))
    return tuple(found[gid] for gid in ids if gid in found)


def save_grid(grid: Grid, edits: Mapping[int, GroupEdit], who: str) -> GridSaved:
    """Save each group's changed ticks in its own transaction, against the version the grid
    was read at; a group that cannot be saved (changed meanwhile, made inactive, a customer
    made inactive) is named with why, and the others are saved all the same."""
    versions = {g.id: g for g in grid.groups}
    saved: list[str] = []
    failed: dict[int, Sentence] = {}
    for group_id, edit in edits.items():
        group = versions[group_id]
        if not (edit.add_ids or edit.remove_ids):
            continue
        try:
            change_members(group_id, who, edit.add_ids, edit.remove_ids,
                           expected_version=group.version, how=How.CUSTOMERS)
        except CustgroupsError as exc:  # the clerk's to read, group by group
            failed[group_id] = tr("{code}: {reason}", code=group.code, reason=exc.sentence)
        else:
            saved.append(group.code)
    return GridSaved(tuple(saved), failed)
