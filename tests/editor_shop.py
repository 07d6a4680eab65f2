"""The customers the editor's trust tests work with: C00001 to C00200, C00013 inactive."""

from __future__ import annotations

import pytest

from custgroups.core import customers
from custgroups.core.customers import CustomerInput


@pytest.fixture
def shop() -> dict[str, int]:
    customers.upsert_customers(
        CustomerInput(f"C{i:05d}", f"Customer {i}", city="Oslo", active=i != 13)
        for i in range(1, 201))
    return {r.code: r.id for r in customers.search_customers("", limit=1000).rows}
