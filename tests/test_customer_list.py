"""The customer list and a customer's groups: filters, group counts and pages in SQL."""

from __future__ import annotations

import pytest

from custgroups.core import customers, groups
from custgroups.core.customer_list import (
    CustomerQuery,
    CustomerStatus,
    SavedFilter,
    groups_of,
    list_customers,
)
from custgroups.core.customers import CustomerInput
from tests.db_helpers import recorded
from tests.group_helpers import _create, _edit

pytestmark = pytest.mark.usefixtures("opened")


@pytest.fixture
def shop() -> dict[str, int]:
    customers.upsert_customers([
        CustomerInput("C001", "Nordic Timber", city="Oslo", country="Norway"),
        CustomerInput("C002", "Baltic Amber", city="Riga", country="Latvia"),
        CustomerInput("C003", "Oslo Bakery", city="Oslo", country="Norway", active=False),
        CustomerInput("C004", "Fjord Fish", city="Bergen", country="Norway", active=False),
    ])
    ids = {c: customers.matching_customer_ids(c)[0] for c in ("C001", "C002", "C003", "C004")}
    north = _create("North", add_customer_ids=frozenset({ids["C001"], ids["C002"]}))
    _create("Timber", add_customer_ids=frozenset({ids["C001"]}))
    # C003 was added while active; it is inactive now, and still in the group.
    customers.upsert_customers([CustomerInput("C003", "Oslo Bakery", city="Oslo",
                                              country="Norway")])
    groups.save_group(_edit(north, add_customer_ids=frozenset({ids["C003"]})), "bob")
    customers.upsert_customers([CustomerInput("C003", "Oslo Bakery", city="Oslo",
                                              country="Norway", active=False)])
    return ids


def _codes(query: CustomerQuery) -> list[tuple[str, int]]:
    return [(row.code, row.groups) for row in list_customers(query).rows]


def test_the_list_counts_each_customers_groups(shop: dict[str, int]) -> None:
    assert _codes(CustomerQuery()) == [("C001", 2), ("C002", 1), ("C003", 1), ("C004", 0)]
    assert _codes(CustomerQuery(text="oslo")) == [("C003", 1)]
    assert _codes(CustomerQuery(status=CustomerStatus.ACTIVE)) == [("C001", 2), ("C002", 1)]
    assert _codes(CustomerQuery(city="OSLO", country="norway")) == [("C001", 2), ("C003", 1)]


def test_the_saved_filters(shop: dict[str, int]) -> None:
    assert _codes(CustomerQuery(saved=SavedFilter.IN_NO_GROUP)) == [("C004", 0)]
    assert _codes(CustomerQuery(saved=SavedFilter.INACTIVE_IN_GROUPS)) == [("C003", 1)]


def test_pages(shop: dict[str, int]) -> None:
    page = list_customers(CustomerQuery(page=2, page_size=3))
    assert ([r.code for r in page.rows], page.total, page.page) == (["C004"], 4, 2)
    assert list_customers(CustomerQuery(page=9, page_size=3)).page == 2  # the last there is


def test_a_customers_groups_with_since_and_by(shop: dict[str, int]) -> None:
    belongs = groups_of(shop["C001"])
    assert [(b.code, b.name, b.by) for b in belongs] == [
        ("CG-000001", "North", recorded("alice")), ("CG-000002", "Timber", recorded("alice"))]
    assert all(b.since is not None for b in belongs)
    later = groups_of(shop["C003"])
    assert [(b.name, b.by) for b in later] == [("North", recorded("bob"))]
    assert groups_of(shop["C004"]) == []
