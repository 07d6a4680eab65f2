"""Comparing and combining groups, in SQL, against plain Python sets."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from custgroups.core import customers, groups, history
from custgroups.core.compare import (
    Region,
    RegionKind,
    combine,
    compare_groups,
    create_combined,
    region_customers,
)
from custgroups.core.customers import CustomerInput
from custgroups.core.errors import ValidationError
from custgroups.core.groups import GroupChange
from custgroups.core.history import HistoryKind
from custgroups.core.memberships import Combination
from custgroups.core.wording import history_change

pytestmark = pytest.mark.usefixtures("opened")
INACTIVE = {7, 14, 21}
names = itertools.count()


@pytest.fixture
def shop(opened: str) -> dict[int, int]:
    """Customer number → id for C01–C30, of whom 7, 14 and 21 are inactive."""
    customers.upsert_customers(CustomerInput(f"C{i:02d}", f"Customer {i}") for i in range(1, 31))
    ids = {r.code: r.id for r in customers.search_customers("", limit=100).rows}
    return {i: ids[f"C{i:02d}"] for i in range(1, 31)}


def make(shop: dict[int, int], numbers: set[int]) -> groups.Group:
    group = groups.save_group(GroupChange(
        name=f"Group {next(names)}", add_customer_ids=frozenset(shop[n] for n in numbers)), "x")
    return group


def deactivate(numbers: set[int]) -> None:
    customers.upsert_customers(CustomerInput(f"C{i:02d}", f"Customer {i}", active=False)
                               for i in numbers)


def test_two_groups_counted_by_region(shop: dict[int, int]) -> None:
    a, b = make(shop, {1, 2, 3, 4}), make(shop, {3, 4, 5})
    found = compare_groups([a.id, b.id])
    assert (found.only, found.in_all, found.in_any, found.in_exactly_one) == ((2, 1), 2, 5, 3)
    assert [c.code for c in region_customers([a.id, b.id], Region(RegionKind.ONLY, b.id))] \
        == ["C05"]
    assert found.count(Region(RegionKind.ONLY, a.id)) == 2


def test_fewer_than_two_groups_is_refused(shop: dict[int, int]) -> None:
    a = make(shop, {1})
    with pytest.raises(ValidationError, match="two or more different groups"):
        compare_groups([a.id, a.id])


def test_a_combination_becomes_a_group_whose_history_says_how(shop: dict[int, int]) -> None:
    a, b = make(shop, {1, 2, 3, 7}), make(shop, {2, 3, 4})
    deactivate({7})
    combined = combine([a.id, b.id], Combination.DIFFERENCE)
    assert [c.code for c in combined.customers] == ["C01"]
    assert [c.code for c in combined.inactive] == ["C07"]  # left out, and said so
    assert combined.formula.startswith(f"{a.code} − {b.code} on ")
    new = create_combined(combined, "Only in A", "", "kim")
    added = next(e for e in history.group_history(new.id)
                 if e.kind is HistoryKind.MEMBERS_ADDED)
    assert history_change(added) == f"Added 1 customer (= {combined.formula})"


memberships = st.lists(st.frozensets(st.integers(1, 30), max_size=20), min_size=2, max_size=4)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sets=memberships)
def test_counts_and_combinations_equal_set_algebra(shop: dict[int, int],
                                                   sets: list[frozenset[int]]) -> None:
    made = [make(shop, set(s) - INACTIVE) for s in sets]
    ids = [g.id for g in made]
    members = [set(s) - INACTIVE for s in sets]
    if len(set(ids)) < 2:
        return
    found = compare_groups(ids)
    union = set().union(*members)
    every = set.intersection(*members)
    counts = {n: sum(n in m for m in members) for n in union}
    assert found.in_any == len(union) and found.in_all == len(every)
    assert found.in_exactly_one == sum(1 for n in union if counts[n] == 1)
    for i, own in enumerate(members):
        others = set().union(*(m for j, m in enumerate(members) if j != i))
        assert found.only[i] == len(own - others)
    number = {v: k for k, v in shop.items()}
    for how, expected in ((Combination.UNION, union), (Combination.INTERSECTION, every),
                          (Combination.DIFFERENCE, members[0] - set().union(*members[1:]))):
        assert {number[c.id] for c in combine(ids, how).customers} == expected


def test_compare_and_combine_from_the_command_line(
        shop: dict[int, int], opened: str, capsys: pytest.CaptureFixture[str]) -> None:
    from custgroups.cli import main
    from custgroups.core import db

    a, b = make(shop, {1, 2, 3, 7}), make(shop, {3, 4})
    deactivate({7})
    base = ["--database", opened, "--user", "dana"]
    capsys.readouterr()
    assert main([*base, "compare", a.code, b.code.lower()]) == 0
    said = capsys.readouterr().out.splitlines()
    assert [line.split()[-1] if "only" not in line else line.split()[3] for line in said] == [
        "3", "1", "1", "5"]
    assert main([*base, "combine", "--intersect", a.code, b.code, "--name", "Both",
                 "--dry-run"]) == 0
    assert "would hold 1 customer." in capsys.readouterr().out
    assert main([*base, "combine", "--union", a.code, b.code, "--name", "Either"]) == 0
    said = capsys.readouterr().out
    assert f"= {a.code} ∪ {b.code} on " in said and "1 inactive customer is left out" in said
    assert main([*base, "combine", "--minus", a.code, "--name", "Alone"]) == 1
    assert "two or more different groups" in capsys.readouterr().err
    db.open_database(opened)
    either = groups.get_group_by_code(said.split()[1])
    assert either.member_count == 4
