"""Group members: additions and removals with their count and history, the inactive rule."""

from __future__ import annotations

import pytest

from custgroups.core import groups, history
from custgroups.core.errors import GroupInactiveError
from custgroups.core.groups import GroupChange
from custgroups.core.history import HistoryKind
from custgroups.core.wording import history_change
from tests.db_helpers import recorded
from tests.group_helpers import _actual_members, _create, _customers, _edit

pytestmark = pytest.mark.usefixtures("opened")


def test_members_added_and_removed_keep_count_and_history() -> None:
    ids = _customers(20)
    group = _create("Retail", add_customer_ids=frozenset(ids[:10]))
    assert group.member_count == 10 == _actual_members(group.id)
    edited = groups.save_group(
        _edit(group, add_customer_ids=frozenset(ids[5:15]), remove_customer_ids=frozenset(ids[:3])),
        "bob")
    assert edited.member_count == 12 == _actual_members(group.id)
    assert groups.member_ids(group.id) == set(ids[3:15])
    entries = history.group_history(group.id)
    added = [e for e in entries if e.kind is HistoryKind.MEMBERS_ADDED]
    removed = [e for e in entries if e.kind is HistoryKind.MEMBERS_REMOVED]
    assert added[0].codes == tuple(f"C{i:05d}" for i in range(11, 16))
    assert history_change(added[0]) == "Added 5 customers"
    assert removed[0].codes == ("C00001", "C00002", "C00003") and removed[0].by == recorded("bob")


def test_saving_only_present_members_changes_nothing() -> None:
    ids = _customers(5)
    group = _create("Retail", add_customer_ids=frozenset(ids))
    again = groups.save_group(_edit(group, add_customer_ids=frozenset(ids)), "bob")
    assert (again.version, again.updated_by) == (group.version, recorded("alice"))
    assert len(history.group_history(group.id)) == 2  # created, members added


def test_change_members_ignores_non_members_and_unknown_ids() -> None:
    ids = _customers(5)
    group = _create("Retail", add_customer_ids=frozenset(ids[:2]))
    added, removed = groups.change_members(group.id, "bob", add_ids=[ids[0], 99999],
                                           remove_ids=[ids[4]])
    assert (added, removed) == (0, 0)
    assert groups.get_group(group.id).member_count == 2
    assert groups.get_group(group.id).version == group.version


def test_inactive_group_refuses_new_customers() -> None:
    ids = _customers(5)
    group = _create("Dormant", active=False)
    with pytest.raises(GroupInactiveError):
        groups.change_members(group.id, "bob", add_ids=ids)
    with pytest.raises(GroupInactiveError):
        groups.save_group(_edit(group, add_customer_ids=frozenset(ids)), "bob")
    with pytest.raises(GroupInactiveError):
        _create("Born dormant", active=False, add_customer_ids=frozenset(ids))
    assert _actual_members(group.id) == 0
    # Activating in the same save lets the customers in.
    saved = groups.save_group(_edit(group, active=True, add_customer_ids=frozenset(ids)), "bob")
    assert saved.member_count == 5


def test_list_members_filters_and_pages() -> None:
    ids = _customers(30)
    group = _create("Retail", add_customer_ids=frozenset(ids[:25]))
    page = groups.list_members(group.id, "c0001", offset=0, limit=5)
    assert page.total == 10 and [r.code for r in page.rows][0] == "C00010"
    assert groups.list_members(group.id, offset=20, limit=10).rows[-1].code == "C00025"


def test_adding_many_members_in_one_save() -> None:
    ids = _customers(3000)
    seen: list[tuple[int, int]] = []
    group = groups.save_group(GroupChange(name="Big", add_customer_ids=frozenset(ids)), "bob",
                              progress=lambda done, total: seen.append((done, total)))
    assert group.member_count == 3000 == _actual_members(group.id)
    assert seen[-1] == (3000, 3000)
