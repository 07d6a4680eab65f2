"""Groups made in a test: customers to put in them, a group created or edited by one call, and
the memberships counted straight from the table."""

from __future__ import annotations

from dataclasses import replace

from custgroups.core import customers, groups
from custgroups.core.customers import CustomerInput
from custgroups.core.groups import GroupChange
from custgroups.core.models import Membership


def _customers(n: int, prefix: str = "C", inactive: frozenset[int] = frozenset()) -> list[int]:
    """``n`` customers in Oslo coded from ``prefix``00001; the ids of all matching ``prefix``."""
    customers.upsert_customers(
        CustomerInput(f"{prefix}{i:05d}", f"Customer {i}", city="Oslo", active=i not in inactive)
        for i in range(1, n + 1))
    return customers.matching_customer_ids(prefix)


def _create(name: str, **kwargs: object) -> groups.Group:
    """A new group saved by alice."""
    return groups.save_group(GroupChange(name=name, **kwargs), "alice")  # type: ignore[arg-type]


def _edit(group: groups.Group, **kwargs: object) -> GroupChange:
    """A change to ``group`` as it was read (its version expected), ``kwargs`` replacing fields."""
    base = GroupChange(name=group.name, description=group.description, active=group.active,
                       group_id=group.id, expected_version=group.version)
    return replace(base, **kwargs)  # type: ignore[arg-type]


def _actual_members(group_id: int) -> int:
    """The group's members as the membership table counts them."""
    return int(Membership.select().where(Membership.group == group_id).count())
