"""A name cut short in a table shows whole in a tooltip; one that fits shows none; and the
group list's columns are sized by the font, the name wide enough for a long one."""

from __future__ import annotations

from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QStyleOptionViewItem, QToolTip
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
