"""Acting on several selected groups at once from the window: status and export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolBar
from pytestqt.qtbot import QtBot

from custgroups.app import open_main_window
from custgroups.core import customers, groups
from custgroups.core.customers import CustomerInput
from custgroups.core.groups import GroupChange
from custgroups.ui import messages
from custgroups.ui.export_dialog import ExportDialog
from custgroups.ui.main_window import MainWindow
from tests.helpers import assert_no_formulas

pytestmark = pytest.mark.usefixtures("opened", "no_message_boxes")
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot: QtBot, opened: str) -> MainWindow:
    """Four groups: CG-000001 (3 members), CG-000002 (2), CG-000003 (1, inactive), CG-000004."""
    customers.upsert_customers(CustomerInput(f"C{i}", f"Customer {i}") for i in range(1, 7))
    ids = [r.id for r in customers.search_customers("", limit=10).rows]
    for name, members in (("North", ids[:3]), ("South", ids[3:5]), ("West", ids[5:]),
                          ("East", [])):
        groups.save_group(GroupChange(name=name, add_customer_ids=frozenset(members)), "x")
    groups.set_group_active(groups.get_group_by_code("CG-000003").id, False, "x")
    win = open_main_window(opened)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.idle, timeout=10_000):
        win.show()
    return win


def click_rows(window: MainWindow, *rows: int) -> None:
    """Click the first row, Ctrl+click the others."""
    for n, row in enumerate(rows):
        rect = window.table.visualRect(window.model.index(row, 1))
        QTest.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton,
                         CTRL if n else Qt.KeyboardModifier.NoModifier, rect.center())


def click_toolbar(window: MainWindow, action: Any) -> None:
    bar = window.findChild(QToolBar, "mainToolBar")
    QTest.mouseClick(bar.widgetForAction(action), Qt.MouseButton.LeftButton)


def test_deactivating_several_asks_once_with_the_totals(qtbot: QtBot, window: MainWindow,
                                                        monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda parent, title, text, action:
                        asked.append(text) or True)
    click_rows(window, 0, 1, 2)  # North, South active; West inactive
    assert window.selection_label.text() == "3 groups selected"
    assert window.toggle_action.text() == "&Deactivate"
    with qtbot.waitSignal(window.page_shown, timeout=10_000):
        click_toolbar(window, window.toggle_action)
    assert asked == ["Deactivate 2 groups with 5 customers in all? Their customers stay in "
                     "them, but none can be added until they are activated again."]
    assert [groups.get_group_by_code(f"CG-00000{i}").active for i in (1, 2, 3, 4)] == [
        False, False, False, True]


def test_declining_leaves_every_group_as_it_was(qtbot: QtBot, window: MainWindow,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(messages, "confirm", lambda *args: False)
    click_rows(window, 0, 3)
    with qtbot.assertNotEmitted(window.page_shown, wait=100):
        click_toolbar(window, window.toggle_action)
    assert groups.get_group_by_code("CG-000001").active


def test_activating_inactive_groups_needs_no_question(qtbot: QtBot,
                                                     window: MainWindow) -> None:
    groups.set_group_active(groups.get_group_by_code("CG-000004").id, False, "x")
    with qtbot.waitSignal(window.page_shown, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_F5)
    click_rows(window, 2, 3)
    assert window.toggle_action.text() == "&Activate"
    with qtbot.waitSignal(window.page_shown, timeout=10_000):
        click_toolbar(window, window.toggle_action)
    assert groups.get_group_by_code("CG-000003").active
    assert groups.get_group_by_code("CG-000004").active


def test_export_takes_the_selected_groups_only(qtbot: QtBot, window: MainWindow,
                                               monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    target = tmp_path / "chosen.xlsx"
    asked: list[tuple[int, bool]] = []

    def ask(cls: Any, suggested: Path, matching: int, parent: Any,
            selected: bool = False) -> tuple[Path, bool, str]:
        asked.append((matching, selected))
        return target, True, ","

    monkeypatch.setattr(ExportDialog, "ask", classmethod(ask))
    monkeypatch.setattr(messages, "done_with_folder", lambda *args: False)
    click_rows(window, 0, 2)
    with qtbot.waitSignal(window.export_finished, timeout=20_000) as done:
        qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    assert asked == [(2, True)] and done.args[0].groups == 2
    book = assert_no_formulas(target)
    assert [r[0] for r in book["Groups"].iter_rows(min_row=2, values_only=True)] == [
        "CG-000001", "CG-000003"]
    assert book["Members"].max_row == 1 + 3 + 1
