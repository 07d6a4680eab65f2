"""Customers numbered C00001… and a group of some of them, for the tests of lists."""

from __future__ import annotations

from collections.abc import Iterable

from custgroups.core import customers, groups
from custgroups.core.customers import CustomerInput
from custgroups.core.groups import GroupChange


def make_shop(count: int, inactive: Iterable[int]) -> dict[str, int]:
    """Customers C00001… (``inactive`` among them by number): code → id."""
    off = set(inactive)
    customers.upsert_customers(CustomerInput(f"C{i:05d}", f"Customer {i}", active=i not in off)
                               for i in range(1, count + 1))
    return {r.code: r.id for r in customers.search_customers("", limit=count + 10).rows}


def codes(*numbers: int) -> list[str]:
    """The codes of customers by number: codes(1, 2) is ["C00001", "C00002"]."""
    return [f"C{n:05d}" for n in numbers]


def group_of(shop: dict[str, int], *numbers: int) -> groups.Group:
    """A new group "North" of these customers."""
    return groups.save_group(GroupChange(
        name="North", add_customer_ids=frozenset(shop[c] for c in codes(*numbers))), "x")
