"""Comparing groups from the window, as a clerk does it: select, compare, list, create."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from custgroups.app import open_main_window
from custgroups.core import customers, groups, history
from custgroups.core.customers import CustomerInput
from custgroups.core.groups import GroupChange
from custgroups.core.memberships import Combination
from custgroups.core.wording import history_change
from custgroups.ui import messages
from custgroups.ui.compare_dialog import CompareDialog
from custgroups.ui.group_form import GroupDialog
from custgroups.ui.main_window import MainWindow
from tests.editing import focused
from tests.helpers import assert_no_formulas

pytestmark = pytest.mark.usefixtures("opened", "no_message_boxes")
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot: QtBot, opened: str) -> MainWindow:
    """Three groups: North {1–6}, South {4–9}, West {6, 10}; C06 is inactive."""
    customers.upsert_customers(
        CustomerInput(f"C{i:02d}", f"Customer {i}") for i in range(1, 11))
    ids = {r.code: r.id for r in customers.search_customers("", limit=100).rows}
    for name, numbers in (("North", range(1, 7)), ("South", range(4, 10)), ("West", (6, 10))):
        groups.save_group(GroupChange(name=name, add_customer_ids=frozenset(
            ids[f"C{n:02d}"] for n in numbers)), "x")
    customers.upsert_customers([CustomerInput("C06", "Customer 6", active=False)])
    win = open_main_window(opened)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.idle, timeout=10_000):
        win.show()
    return win


def click_row(qtbot: QtBot, window: MainWindow, row: int,
              modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    table = window.table
    rect = table.visualRect(window.model.index(row, 1))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def test_selecting_two_groups_enables_compare_and_says_how_many(qtbot: QtBot,
                                                                window: MainWindow) -> None:
    assert not window.compare_button.isEnabled()
    click_row(qtbot, window, 0)
    assert window.selection_label.text() == "" and window.edit_action.isEnabled()
    click_row(qtbot, window, 2, Qt.KeyboardModifier.ShiftModifier)
    assert window.selection_label.text() == "3 groups selected"
    assert window.compare_button.isEnabled()
    assert not window.edit_action.isEnabled()  # edit, history: one group at a time
    click_row(qtbot, window, 1, CTRL)
    assert window.selection_label.text() == "2 groups selected"


def run_compare(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch,
                inside: Any) -> None:
    """Ctrl+Shift+C with the dialog driven by ``inside(dialog)``."""
    def exec_(dialog: CompareDialog) -> int:
        dialog.show()
        with qtbot.waitSignal(dialog.compared, timeout=10_000):
            pass
        inside(dialog)
        dialog.done(0)
        return 0

    monkeypatch.setattr(CompareDialog, "exec", exec_)
    window.table.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_C, CTRL | Qt.KeyboardModifier.ShiftModifier)


def test_two_groups_compared_and_a_region_listed_and_exported(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    click_row(qtbot, window, 0)
    click_row(qtbot, window, 1, CTRL)
    target = tmp_path / "both.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    monkeypatch.setattr(messages, "done_with_folder", lambda *args: False)
    seen: dict[str, Any] = {}

    def inside(dialog: CompareDialog) -> None:
        seen["counts"] = dialog.counts_text()
        with qtbot.waitSignal(dialog.region_shown, timeout=10_000):
            dialog.counts.linkActivated.emit("all")  # the "In both" count, clicked
        seen["region"] = dialog.region_label.text()
        seen["rows"] = [dialog.model.row_at(r).code for r in range(dialog.model.rowCount())]
        with qtbot.waitSignal(window.export_finished, timeout=10_000):
            QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    run_compare(qtbot, window, monkeypatch, inside)
    assert seen["counts"] == ("Only in CG-000001: 3 · In both: 3 · Only in CG-000002: 3 · "
                              "In any: 9")
    assert seen["region"] == "In both: 3 customers"
    assert seen["rows"] == ["C04", "C05", "C06"]
    rows = list(assert_no_formulas(target)["Customers"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == ["C04", "C05", "C06"]


def test_three_groups_give_all_any_exactly_one(qtbot: QtBot, window: MainWindow,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    window.table.setFocus()
    window.table.selectAll()
    seen: list[str] = []
    run_compare(qtbot, window, monkeypatch, lambda dialog: seen.append(dialog.counts_text()))
    assert seen == ["Only in CG-000001: 3 · Only in CG-000002: 3 · Only in CG-000003: 1 · "
                    "In all: 1 · In exactly one: 7 · In any: 10"]


def test_create_group_from_an_intersection_opens_the_editor_first(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    click_row(qtbot, window, 0)
    click_row(qtbot, window, 1, CTRL)
    edited: list[Any] = []

    def editor_exec(dialog: GroupDialog) -> int:
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
        edited.append((dialog.members.count_after_save(), dialog.saved))  # nothing saved yet
        assert focused() is dialog.name_edit  # the cursor starts in Name
        qtbot.keyClicks(focused(), "North and South")
        with qtbot.waitSignal(dialog.save_ended, timeout=10_000):
            qtbot.keyClick(focused(), Qt.Key.Key_S, CTRL)
        return int(dialog.result())

    monkeypatch.setattr(GroupDialog, "exec", editor_exec)

    def inside(dialog: CompareDialog) -> None:
        dialog.operation.setFocus()
        qtbot.keyClick(dialog.operation, Qt.Key.Key_Down)  # Union → Intersection
        assert dialog.how is Combination.INTERSECTION
        with qtbot.waitSignal(dialog.accepted, timeout=10_000):  # the editor saved
            QTest.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        assert dialog.created is not None

    run_compare(qtbot, window, monkeypatch, inside)
    assert edited == [(2, None)]  # C04 and C05 pending; C06 is in both, but inactive
    created = groups.get_group_by_code("CG-000004")
    assert created.name == "North and South" and created.member_count == 2
    assert created.description.startswith("= CG-000001 ∩ CG-000002 on ")
    assert created.description.endswith(" (1 inactive customer left out)")
    added = next(e for e in history.group_history(created.id) if e.count)
    assert history_change(added).startswith("Added 2 customers (= CG-000001 ∩ CG-000002 on ")
