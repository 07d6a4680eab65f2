"""Members of many groups read in runs of groups, one streamed query a run: the same rows,
in the same order, as a query per group, whatever the run length; on both databases."""

from __future__ import annotations

import pytest

from custgroups.core import customers, db, groups
from custgroups.core.customers import CustomerInput
from custgroups.core.groups import GroupChange, member_rows, members_of_groups

pytestmark = pytest.mark.usefixtures("opened")


@pytest.mark.parametrize("rows_per_query", [1, 3, 7, 50_000])
def test_runs_of_groups_read_what_a_query_per_group_reads(rows_per_query: int) -> None:
    # Codes out of their ids' order, so "by code" is not "by id".
    codes = (9, 3, 14, 1, 12, 5, 7, 2, 11, 8)
    customers.upsert_customers(CustomerInput(f"C{code:03d}", f"Name {code}", city="Oslo")
                               for code in codes)
    ids = customers.matching_customer_ids("")
    made = [groups.save_group(GroupChange(name=f"G{n}", add_customer_ids=frozenset(
        ids[n % 3: n % 3 + size])), "alice") for n, size in enumerate((4, 0, 10, 1, 6, 0, 2))]
    customers.upsert_customers(CustomerInput(f"C{code:03d}", f"Name {code}", city="Oslo",
                                             active=False) for code in codes if code % 4 == 0)
    order = [made[i] for i in (3, 0, 6, 1, 2, 5, 4)]  # the list's order, not the ids'
    listed = [(g.id, g.member_count) for g in order]
    with db.snapshot():
        streamed = list(members_of_groups(listed, rows_per_query, batch=2))
        expected = [(place, *row) for place, g in enumerate(order) for row in member_rows(g.id)]
    assert streamed == expected and len(streamed) == 21


def test_no_groups_reads_nothing() -> None:
    with db.snapshot():
        assert list(members_of_groups([])) == []
