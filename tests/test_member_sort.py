"""The editor's members sorted by a header click, the order read from the database: member
since, added by, and the customer's own columns; pending additions stay on top."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from custgroups.core import groups
from custgroups.core.groups import GroupChange
from custgroups.core.memberships import MemberOrder, member_ids_in_order
from custgroups.ui.group_form import GroupDialog
from custgroups.ui.models.members_model import MemberColumn
from tests.editing import open_editor
from tests.group_helpers import _customers, _edit

pytestmark = pytest.mark.usefixtures("opened")


@pytest.fixture
def story() -> tuple[groups.Group, list[int]]:
    """North: C00002 and C00004 by zoe first, C00003 by bob, C00001 by ana last (having been
    taken out and put back)."""
    ids = _customers(4)
    group = groups.save_group(GroupChange(name="North", add_customer_ids=frozenset(
        [ids[0], ids[1], ids[3]])), "zoe")
    group = groups.save_group(_edit(group, add_customer_ids=frozenset([ids[2]])), "bob")
    group = groups.save_group(_edit(group, remove_customer_ids=frozenset([ids[0]])), "ana")
    group = groups.save_group(_edit(group, add_customer_ids=frozenset([ids[0]])), "ana")
    return group, ids


def test_each_order_in_sql(story: tuple[groups.Group, list[int]]) -> None:
    group, (c1, c2, c3, c4) = story
    assert member_ids_in_order(group.id, MemberOrder.CODE) == [c1, c2, c3, c4]
    assert member_ids_in_order(group.id, MemberOrder.CODE, descending=True) == [c4, c3, c2, c1]
    assert member_ids_in_order(group.id, MemberOrder.SINCE) == [c2, c4, c3, c1]
    assert member_ids_in_order(group.id, MemberOrder.SINCE, descending=True) == [c1, c3, c2, c4]
    by = member_ids_in_order(group.id, MemberOrder.ADDED_BY)
    assert len(by) == 4 and set(by) == {c1, c2, c3, c4}  # on a server, all are one login


def _click_header(qtbot: QtBot, dialog: GroupDialog, column: MemberColumn) -> None:
    header = dialog.panel.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    with qtbot.waitSignal(dialog.panel.sorting.sorted, timeout=5000):
        QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(x, header.height() // 2))


def _codes(dialog: GroupDialog) -> list[str]:
    model = dialog.members
    return [model.row_at(r).code for r in range(model.rowCount())]  # type: ignore[union-attr]


def test_clicking_member_since_sorts_by_it_both_ways(
        qtbot: QtBot, story: tuple[groups.Group, list[int]]) -> None:
    group, _ids = story
    dialog = open_editor(qtbot, group)
    assert _codes(dialog) == ["C00001", "C00002", "C00003", "C00004"]
    _click_header(qtbot, dialog, MemberColumn.SINCE)
    assert _codes(dialog) == ["C00002", "C00004", "C00003", "C00001"]
    _click_header(qtbot, dialog, MemberColumn.SINCE)
    assert _codes(dialog) == ["C00001", "C00003", "C00002", "C00004"]
    header = dialog.panel.table.horizontalHeader()
    assert header.sortIndicatorSection() == MemberColumn.SINCE
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_change_keeps_the_order_and_a_reload_keeps_the_sort(
        qtbot: QtBot, story: tuple[groups.Group, list[int]]) -> None:
    group, _ids = story
    dialog = open_editor(qtbot, group)
    _click_header(qtbot, dialog, MemberColumn.SINCE)
    header = dialog.panel.table.horizontalHeader()
    x = header.sectionViewportPosition(MemberColumn.CHANGE) + 5
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))
    assert header.sortIndicatorSection() == MemberColumn.SINCE
    assert _codes(dialog) == ["C00002", "C00004", "C00003", "C00001"]
    with qtbot.waitSignal(dialog.panel.sorting.sorted, timeout=5000):
        dialog.panel.load(groups.get_group(group.id))  # read again, as after another's save
    assert _codes(dialog) == ["C00002", "C00004", "C00003", "C00001"]


def test_a_filter_typed_while_sorting_still_filters(
        qtbot: QtBot, story: tuple[groups.Group, list[int]]) -> None:
    group, _ids = story
    dialog = open_editor(qtbot, group)
    header = dialog.panel.table.horizontalHeader()
    x = header.sectionViewportPosition(MemberColumn.SINCE) + 5
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))  # the order is on its way
    with qtbot.waitSignal(dialog.panel.filtered, timeout=5000):
        qtbot.keyClicks(dialog.panel.filter_edit, "C00003")
        qtbot.keyClick(dialog.panel.filter_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _codes(dialog) == ["C00003"], timeout=5000)
