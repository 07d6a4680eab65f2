"""A name cut short in a table shows whole in a tooltip; one that fits shows none; and the
group list's columns are sized by the font, the name wide enough for a long one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QHelpEvent
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem, QToolTip
from pytestqt.qtbot import QtBot

from custgroups.core import groups
from custgroups.core.groups import GroupChange
from custgroups.ui.cut_text import CutTextTips
from custgroups.ui.models.group_model import Column
from tests.window_helpers import open_window

LONG = "North-region reservation list for the spring campaign in Tromsø and Bodø"


def _hover(window: object, row: int, column: int) -> tuple[bool, str]:
    """Whether the cell cuts its text, and the tooltip a pointer resting on it shows."""
    table = window.table  # type: ignore[attr-defined]
    index = table.model().index(row, column)
    rect = table.visualRect(index)
    option = QStyleOptionViewItem()
    option.initFrom(table.viewport())
    option.rect = rect
    delegate = table.itemDelegate()
    assert isinstance(delegate, CutTextTips)
    cut = delegate.is_cut(option, index, str(index.data()))
    event = QHelpEvent(QHelpEvent.Type.ToolTip, rect.center(),
                       table.viewport().mapToGlobal(rect.center()))
    shown = delegate.helpEvent(event, table, option, index) and QToolTip.isVisible()
    return cut, QToolTip.text() if shown else ""


def test_only_a_cut_name_has_a_tooltip(qtbot: QtBot, opened: str) -> None:
    groups.save_group(GroupChange(name=LONG), "x")
    groups.save_group(GroupChange(name="Retail"), "x")
    window = open_window(qtbot, opened)
    header = window.table.horizontalHeader()
    assert header.sectionSize(Column.NAME) > header.sectionSize(Column.CODE)
    metrics = window.table.fontMetrics()
    assert header.sectionSize(Column.CODE) > metrics.horizontalAdvance("CG-000001")
    assert _hover(window, 0, Column.NAME) == (True, LONG)
    assert not _hover(window, 1, Column.NAME)[0]  # "Retail" fits: nothing to add


def test_a_larger_font_gets_the_room_it_needs(qtbot: QtBot, opened: str,
                                              qapp: QApplication) -> None:
    """At 150 % of the usual font, codes, counts and dates still show whole, in the group
    list and the editor's members, and rows are tall enough for the letters."""
    from tests.editing import open_editor

    for n in range(3):
        groups.save_group(GroupChange(name=f"Group {n}"), "x")
    usual = qapp.font()
    larger = QFont(usual)
    larger.setPointSizeF(usual.pointSizeF() * 1.5)
    qapp.setFont(larger)
    try:
        window = open_window(qtbot, opened)
        table = window.table
        metrics = table.fontMetrics()
        assert metrics.height() > QFontMetrics(usual).height()
        for column in (Column.CODE, Column.STATUS, Column.MEMBERS, Column.UPDATED):
            text = str(table.model().index(0, column).data())
            assert table.horizontalHeader().sectionSize(column) > metrics.horizontalAdvance(text)
        assert table.rowHeight(0) > metrics.height()
        editor = open_editor(qtbot, groups.get_group_by_code("CG-000001"))
        members = editor.panel.table
        heading = members.horizontalHeader()
        for column in range(members.model().columnCount()):
            title = str(members.model().headerData(column, Qt.Orientation.Horizontal))
            assert heading.sectionSize(column) > heading.fontMetrics().horizontalAdvance(title)
    finally:
        qapp.setFont(usual)
