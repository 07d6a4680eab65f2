"""A list of customers applied to one group: add those listed, remove those listed, or make
the group match the list. Planned first, so the clerk sees what would change; applied in one
transaction."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from custgroups.core import db
from custgroups.core.clock import utc_now
from custgroups.core.customers import CodeResolution, CustomerRef, UnknownCode, resolve_codes
from custgroups.core.errors import WouldEmptyGroupError
from custgroups.core.groups import Group, get_group, lock_group, recorded_name, touch_group
from custgroups.core.memberships import ListMode as ListMode
from custgroups.core.memberships import MemberSource as MemberSource
from custgroups.core.memberships import change_members_of
from custgroups.core.models import database
from custgroups.core.progress import ProgressFn, no_progress


class Customerish(Protocol):
    """Anything that names one customer (a :class:`CustomerRef`, a customer row)."""

    @property
    def id(self) -> int: ...
    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def active(self) -> bool: ...


@dataclass(frozen=True)
class ListPlan:
    """What applying a list in one mode would change, before anything does.

    Unknown codes and inactive customers never change anything: in Match mode a member is
    removed only when the list does not name them, and a list that names nobody the database
    knows removes everyone, which :attr:`empties_group` flags for a second confirmation.
    """

    mode: ListMode
    to_add: tuple[CustomerRef, ...]
    to_remove: tuple[CustomerRef, ...]
    unchanged: int  # members the list leaves in the group
    not_members: tuple[CustomerRef, ...]  # Remove mode: listed, but not in the group
    inactive: tuple[CustomerRef, ...]  # listed, inactive and not members: cannot be added
    unknown: tuple[UnknownCode, ...]
    duplicates: tuple[str, ...]

    @property
    def changes_anything(self) -> bool:
        """True when applying the plan adds or removes anyone."""
        return bool(self.to_add or self.to_remove)

    @property
    def empties_group(self) -> bool:
        """True when the plan would leave the group without a single member."""
        return bool(self.to_remove) and not self.unchanged and not self.to_add


def _ref(customer: Customerish) -> CustomerRef:
    return CustomerRef(customer.id, customer.code, customer.name, customer.active)


def plan_list(resolution: CodeResolution, mode: ListMode, members: Sequence[Customerish],
              kept: Iterable[int] = ()) -> ListPlan:
    """What the resolved list would change in a group of ``members``.

    ``kept`` are customers counted as members that no list removes (additions the clerk
    made elsewhere and has not saved yet); Remove mode takes them out again only when the
    list names them. How ``resolution`` sorted members is not relied on: ``members`` decide.
    """
    named = (*resolution.recognised, *resolution.already_members, *resolution.inactive)
    member_ids = {m.id for m in members} | set(kept)
    listed = {ref.id for ref in named}
    outside = [ref for ref in named if ref.id not in member_ids]
    to_add: tuple[CustomerRef, ...] = ()
    to_remove: tuple[CustomerRef, ...] = ()
    not_members: tuple[CustomerRef, ...] = ()
    inactive = tuple(ref for ref in outside if not ref.active)
    if mode is ListMode.REMOVE:
        to_remove = tuple(ref for ref in named if ref.id in member_ids)
        not_members, inactive = tuple(outside), ()
    else:
        to_add = tuple(ref for ref in outside if ref.active)
    if mode is ListMode.MATCH:
        to_remove = tuple(_ref(m) for m in members if m.id not in listed)
    return ListPlan(mode, to_add, to_remove, len(member_ids) - len(to_remove), not_members,
                    inactive, resolution.unknown, resolution.duplicates)


@dataclass(frozen=True)
class ListResult:
    """A list applied to a group (or, in a dry run, only planned)."""

    group: Group
    plan: ListPlan
    added: int
    removed: int
    dry_run: bool


def _member_refs(group_id: int) -> list[CustomerRef]:
    cursor = database.execute_sql(
        "SELECT c.id, c.code, c.name, c.active FROM membership m JOIN customer c "
        f"ON c.id = m.customer_id WHERE m.group_id = {db.mark()} ORDER BY c.code_key",
        [group_id])
    return [CustomerRef(int(cid), str(code), str(name), bool(active))
            for cid, code, name, active in cursor]


@db.writes
def apply_list(group_id: int, codes: Sequence[str], mode: ListMode, who: str,
               source_name: str = "", dry_run: bool = False, allow_empty: bool = False,
               progress: ProgressFn = no_progress, how: str = "") -> ListResult:
    """Plan the list against the group as it is now and, unless ``dry_run``, apply it: all in
    one transaction holding the group, so nobody's change slips in between.

    In Match mode, a list that would leave the group without members is refused
    (:class:`WouldEmptyGroupError`) unless ``allow_empty`` says the clerk means it; Remove
    mode names everyone it removes, so it needs no second yes. The membership events say
    ``how`` (else: from the paste, the file, or a match to it).
    """
    who = recorded_name(who)
    counts = (0, 0)
    with db.transaction():
        row = lock_group(group_id)
        plan = plan_list(resolve_codes(codes, group_id), mode, _member_refs(group_id))
        if mode is ListMode.MATCH and plan.empties_group and not (dry_run or allow_empty):
            raise WouldEmptyGroupError(row.code, len(plan.to_remove))
        if not dry_run and plan.changes_anything:
            now = utc_now()
            counts = change_members_of(group_id, [r.id for r in plan.to_add],
                                       [r.id for r in plan.to_remove], who, now, progress,
                                       MemberSource(mode, source_name), how=how)
            touch_group(group_id, who, now)
    return ListResult(get_group(group_id), plan, *counts, dry_run)
