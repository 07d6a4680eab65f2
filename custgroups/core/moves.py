"""Customers moved or copied from one group to another, and groups duplicated: each one
transaction, with both groups version-checked."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from custgroups.core import db
from custgroups.core.clock import utc_now
from custgroups.core.customers import customers_by_ids
from custgroups.core.errors import ConflictError, ValidationError, tr
from custgroups.core.groups import (
    Group,
    GroupChange,
    GroupQuery,
    Status,
    get_group,
    iter_groups,
    lock_group,
    member_ids,
    recorded_name,
    save_group,
    touch_group,
)
from custgroups.core.memberships import MemberSource, Transfer, change_members_of
from custgroups.core.progress import no_progress


class Carry(StrEnum):
    """What happens to customers taken to another group."""

    MOVE = "move"  # they leave the group they were in
    COPY = "copy"  # they stay in it too


@dataclass(frozen=True)
class CarryPlan:
    """What moving or copying customers would do, counted for both groups."""

    carry: Carry
    source: Group
    target: Group
    to_add: int  # active and not yet in the target
    already: int  # in the target already
    inactive: int  # inactive, so the target cannot take them (they stay where they are)
    source_after: int
    target_after: int


@db.reads
def plan_carry(source_id: int, target_id: int, customer_ids: Iterable[int],
               carry: Carry) -> CarryPlan:
    """Both groups' counts before and after, without changing anything."""
    if source_id == target_id:
        raise ValidationError("target", tr("Choose another group: these customers are in "
                                           "this one already."))
    ids = set(customer_ids)
    source, target = get_group(source_id), get_group(target_id)
    in_target = member_ids(target_id) & ids
    rows = customers_by_ids(ids - in_target)
    inactive = sum(1 for row in rows if not row.active)
    to_add = len(rows) - inactive
    leaving = (to_add + len(in_target)) if carry is Carry.MOVE else 0
    return CarryPlan(carry, source, target, to_add, len(in_target), inactive,
                     source.member_count - leaving, target.member_count + to_add)


@db.writes
def carry_members(source_id: int, target_id: int, customer_ids: Iterable[int],
                  carry: Carry, who: str, source_version: int | None = None,
                  target_version: int | None = None) -> tuple[Group, Group]:
    """Move or copy customers to another group in one transaction: a changed version of
    either group is a conflict, and nothing changes. Inactive customers cannot join the
    target, so they stay where they are."""
    who = recorded_name(who)
    ids = set(customer_ids)
    with db.transaction():
        rows = {}
        for group_id in sorted({source_id, target_id}):  # one order: no deadlock
            rows[group_id] = lock_group(group_id)
        for group_id, expected in ((source_id, source_version), (target_id, target_version)):
            row = rows[group_id]
            if expected is not None and row.version != expected:
                raise ConflictError(row.code, row.updated_by, row.updated_at, row.version)
        active = {row.id for row in customers_by_ids(ids) if row.active}
        now = utc_now()
        source_code, target_code = rows[source_id].code, rows[target_id].code
        added, _ = change_members_of(
            target_id, active - member_ids(target_id), (), who, now, no_progress,
            MemberSource(Transfer.MOVED_FROM if carry is Carry.MOVE else Transfer.COPIED_FROM,
                         source_code))
        removed = 0
        if carry is Carry.MOVE:
            _, removed = change_members_of(source_id, (), active, who, now, no_progress,
                                           MemberSource(Transfer.MOVED_TO, target_code))
        if added:
            touch_group(target_id, who, now)
        if removed:
            touch_group(source_id, who, now)
    return get_group(source_id), get_group(target_id)


@db.reads
def active_member_ids(group_id: int) -> set[int]:
    """The group's members who are active: those a copy of it can hold."""
    return {row.id for row in customers_by_ids(member_ids(group_id)) if row.active}


def copy_group(group_id: int, name: str, with_members: bool, who: str,
               description: str | None = None, how: str = "") -> Group:
    """A new group like this one, under another name; its members too if asked (never
    silently). Inactive members are left out: a group takes no inactive customer. The
    membership events say ``how`` the copy was made (else as a copy)."""
    group = get_group(group_id)
    ids: frozenset[int] = frozenset()
    if with_members:
        if not group.active:
            raise ValidationError("members", tr("{code} is inactive, and an inactive group "
                                                "takes no customers: copy it without its "
                                                "members, or activate it first.",
                                                code=group.code))
        ids = frozenset(active_member_ids(group_id))
    return save_group(GroupChange(
        name=name, description=group.description if description is None else description,
        active=group.active, add_customer_ids=ids,
        member_source=MemberSource(Transfer.COPIED_FROM, group.code) if ids else None,
        how=how), who)


@db.reads
def target_choices(exclude_id: int) -> list[tuple[int, str, str]]:
    """(id, code, name) of every active group but one, by code: where customers can go."""
    return [(g.id, g.code, g.name) for g in iter_groups(GroupQuery(status=Status.ACTIVE))
            if g.id != exclude_id]
