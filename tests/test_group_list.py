"""The list of groups: paging, filters, sorting and lookups, on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace

import pytest

from custgroups.core import groups
from custgroups.core.errors import NotFoundError
from custgroups.core.groups import GroupQuery, GroupSort, Status
from tests.group_helpers import _actual_members, _create, _customers

pytestmark = pytest.mark.usefixtures("opened")


@pytest.fixture
def listed() -> list[groups.Group]:
    """120 groups with varied names, descriptions, statuses and sizes."""
    ids = _customers(12)
    made = []
    for i in range(120):
        made.append(_create(
            f"{['North', 'South', 'East'][i % 3]} group {i:03d}",
            description="Reserve stock" if i % 4 == 0 else f"Pricing tier {i % 5}",
            active=i % 7 != 0,
            add_customer_ids=frozenset(ids[: i % 13]) if i % 7 else frozenset(),
        ))
    return made


@pytest.mark.parametrize("page_size", groups.PAGE_SIZES)
def test_paging_through_every_page(listed: list[groups.Group], page_size: int) -> None:
    seen: list[int] = []
    page_number = 1
    while True:
        page = groups.list_groups(GroupQuery(page=page_number, page_size=page_size))
        assert page.total == 120
        assert page.first_row == (page_number - 1) * page_size + 1
        assert page.last_row == page.first_row + len(page.rows) - 1
        seen.extend(g.id for g in page.rows)
        if page_number == page.page_count:
            break
        page_number += 1
    assert seen == sorted(g.id for g in listed)
    assert page.page_count == -(-120 // page_size)


def test_page_past_the_end_shows_the_last_page(listed: list[groups.Group]) -> None:
    page = groups.list_groups(GroupQuery(page=99, page_size=50))
    assert page.page == 3 and len(page.rows) == 20


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (GroupQuery(code="00001"), lambda g: "00001" in g.code),
        (GroupQuery(code="cg-00011"), lambda g: "CG-00011" in g.code),
        (GroupQuery(text="north"), lambda g: "North" in g.name),
        (GroupQuery(text="RESERVE"), lambda g: "Reserve" in g.description),
        (GroupQuery(text="tier 3"), lambda g: "tier 3" in g.description),
        (GroupQuery(status=Status.ACTIVE), lambda g: g.active),
        (GroupQuery(status=Status.INACTIVE), lambda g: not g.active),
        (GroupQuery(text="south", status=Status.INACTIVE), lambda g: "South" in g.name
         and not g.active),
    ],
)
def test_filters(listed: list[groups.Group], query: GroupQuery, expected) -> None:  # type: ignore[no-untyped-def]
    page = groups.list_groups(replace(query, page_size=200))
    assert {g.id for g in page.rows} == {g.id for g in listed if expected(g)}
    assert page.total == len(page.rows)


@pytest.mark.parametrize("sort", list(GroupSort))
@pytest.mark.parametrize("descending", [False, True])
def test_sorting_is_total_and_stable(listed: list[groups.Group], sort: GroupSort,
                                     descending: bool) -> None:
    rows = groups.list_groups(GroupQuery(sort=sort, descending=descending, page_size=200)).rows
    key = {
        GroupSort.CODE: lambda g: g.code.casefold(),
        GroupSort.NAME: lambda g: g.name.casefold(),
        GroupSort.DESCRIPTION: lambda g: g.description.casefold(),
        GroupSort.STATUS: lambda g: g.active,
        GroupSort.MEMBERS: lambda g: g.member_count,
        GroupSort.CREATED: lambda g: g.created_at,
        GroupSort.UPDATED: lambda g: g.updated_at,
    }[sort]
    expected = sorted(rows, key=lambda g: (key(g), g.id), reverse=descending)
    assert [g.id for g in rows] == [g.id for g in expected]
    # Pages of the same sort join up without gaps or repeats.
    joined = [g.id for p in (1, 2, 3) for g in groups.list_groups(
        GroupQuery(sort=sort, descending=descending, page=p, page_size=50)).rows]
    assert joined == [g.id for g in rows]


def test_filter_wildcards_are_taken_literally() -> None:
    for name in ("a_b", "axb", "100% sure", "1000 sure", "back\\slash", "backslash"):
        _create(name)
    for term, expected in [("a_b", ["a_b"]), ("100%", ["100% sure"]), ("\\", ["back\\slash"])]:
        names = [g.name for g in groups.list_groups(GroupQuery(text=term)).rows]
        assert names == expected
    assert [g.name for g in groups.list_groups(GroupQuery(code="_")).rows] == []


def test_member_counts_in_the_list_match_memberships(listed: list[groups.Group]) -> None:
    for group in groups.list_groups(GroupQuery(page_size=200)).rows:
        assert group.member_count == _actual_members(group.id)


def test_empty_list() -> None:
    page = groups.list_groups(GroupQuery())
    assert (page.rows, page.total, page.page, page.page_count, page.first_row) == ((), 0, 1, 1, 0)


def test_lookup_by_code_ignores_case() -> None:
    group = _create("Retail")
    assert groups.get_group_by_code("cg-000001").id == group.id
    with pytest.raises(NotFoundError, match="no group with the code 'NOPE'"):
        groups.get_group_by_code(" NOPE ")


def test_a_query_knows_whether_it_filters_and_drops_its_filters_alone() -> None:
    assert not GroupQuery(code="  ", text=" ").filtered
    assert all(q.filtered for q in (GroupQuery(code="CG"), GroupQuery(text="north"),
                                    GroupQuery(status=Status.INACTIVE)))
    sorted_on_page_3 = GroupQuery(code="CG", text="x", status=Status.ACTIVE,
                                  sort=GroupSort.MEMBERS, descending=True, page=3, page_size=25)
    assert sorted_on_page_3.with_filters() == GroupQuery(sort=GroupSort.MEMBERS, descending=True,
                                                         page_size=25)
