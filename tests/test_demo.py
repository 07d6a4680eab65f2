"""The demo data generator."""

from __future__ import annotations

import pytest

from custgroups.core import customers, demo, groups
from custgroups.core.errors import ValidationError
from custgroups.core.groups import GroupQuery, GroupSort
from custgroups.core.history import HistoryKind, group_history
from custgroups.core.models import Membership

pytestmark = pytest.mark.usefixtures("opened")


def test_demo_fills_an_empty_database_consistently() -> None:
    result = demo.generate_demo(customers=500, groups=40, members_per_customer=3)
    assert (result.customers, result.groups) == (500, 40)
    assert result.memberships == Membership.select().count() == 1500
    assert customers.count_customers() == 500
    page = groups.list_groups(GroupQuery(page_size=50, sort=GroupSort.MEMBERS, descending=True))
    assert page.total == 40
    for group in page.rows:
        assert group.member_count == Membership.select().where(
            Membership.group == group.id).count()
        added = [e for e in group_history(group.id) if e.kind is HistoryKind.MEMBERS_ADDED]
        assert sum(e.count for e in added) == group.member_count
    sizes = [g.member_count for g in page.rows]
    assert sizes[0] > 3 * sizes[len(sizes) // 2]  # a few big groups, many small ones
    assert any(not g.active for g in page.rows) and any(g.active for g in page.rows)
    inactive = customers.resolve_codes([f"C{i:06d}" for i in range(1, 501)]).inactive
    assert 0 < len(inactive) < 100
    names = {g.name.casefold() for g in page.rows}
    assert len(names) == 40 and "retail customers" in names


def test_demo_is_repeatable_and_the_numbering_continues() -> None:
    demo.generate_demo(customers=50, groups=5, seed=7)
    first = [g.name for g in groups.list_groups(GroupQuery()).rows]
    new = groups.save_group(groups.GroupChange(name="After the demo"), "clerk")
    assert new.code == "CG-000006"
    assert first[0] == "Retail Customers"


def test_demo_refuses_a_database_with_data() -> None:
    groups.save_group(groups.GroupChange(name="Real work"), "clerk")
    with pytest.raises(ValidationError, match=r"is not empty \(customers: 0; groups: 1\)"):
        demo.generate_demo(customers=10, groups=2)
    assert groups.count_groups() == 1


def test_demo_without_groups_or_customers() -> None:
    assert demo.generate_demo(customers=20, groups=0).memberships == 0
    assert customers.count_customers() == 20


def _indexes() -> list[tuple[str, str]]:
    from custgroups.core import db
    from custgroups.core.models import database

    if db.is_postgres():
        sql = ("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
               "ORDER BY 1")
    else:
        sql = "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY 1"
    return [tuple(row) for row in database.execute_sql(sql).fetchall()]


def test_the_demo_leaves_every_index_as_it_was() -> None:
    """The demo makes some indexes again after loading (on SQLite): the same ones."""
    before = _indexes()
    demo.generate_demo(customers=300, groups=20, members_per_customer=2)
    assert _indexes() == before


def test_a_demo_that_fails_midway_leaves_the_database_empty_and_whole(
        monkeypatch: pytest.MonkeyPatch) -> None:
    before = _indexes()

    def fail(_database: object) -> int:
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(demo, "since_creation", fail)
    with pytest.raises(RuntimeError, match="the disk is full"):
        demo.generate_demo(customers=300, groups=20, members_per_customer=2)
    assert _indexes() == before
    assert customers.count_customers() == 0 and groups.count_groups() == 0
    assert Membership.select().count() == 0
