"""Duplicate Group… from the window: asked first, opened in the editor, saved only on Save."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from custgroups.app import open_main_window
from custgroups.core import customers, groups, history
from custgroups.core.customers import CustomerInput
from custgroups.core.groups import GroupChange
from custgroups.core.history import HistoryKind
from custgroups.core.wording import history_change
from custgroups.ui.duplicate_dialog import DuplicateDialog
from custgroups.ui.group_form import GroupDialog
from custgroups.ui.main_window import MainWindow
from tests.editing import focused

pytestmark = pytest.mark.usefixtures("opened", "no_message_boxes")
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot: QtBot, opened: str) -> MainWindow:
    """North (CG-000001) with C1–C3, of whom C2 is inactive; South (CG-000002), inactive."""
    customers.upsert_customers(CustomerInput(f"C{i}", f"Customer {i}") for i in range(1, 4))
    ids = [r.id for r in customers.search_customers("", limit=10).rows]
    groups.save_group(GroupChange(name="North", description="Cold stores",
                                  add_customer_ids=frozenset(ids)), "x")
    groups.save_group(GroupChange(name="South", active=False), "x")
    customers.upsert_customers([CustomerInput("C2", "Customer 2", active=False)])
    win = open_main_window(opened)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.idle, timeout=10_000):
        win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)
    return win


def run_duplicate(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch,
                  answer: Any, save: bool) -> list[Any]:
    """Ctrl+D; ``answer(dialog)`` fills in the question; the editor is saved or cancelled."""
    seen: list[Any] = []

    def ask(dialog: DuplicateDialog) -> int:
        answer(dialog)
        seen.append(("asked", dialog.name_edit.text(), dialog.members_check.isChecked(),
                     dialog.members_check.isEnabled()))
        return QDialog.DialogCode.Accepted

    def edit(dialog: GroupDialog) -> int:
        dialog.show()
        seen.append(("editor", dialog.name_edit.text(), dialog.description_edit.toPlainText(),
                     dialog.members.count_after_save(), groups.count_groups()))
        if not save:
            return QDialog.DialogCode.Rejected
        with qtbot.waitSignal(dialog.save_ended, timeout=10_000):
            dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(DuplicateDialog, "exec", ask)
    monkeypatch.setattr(GroupDialog, "exec", edit)
    qtbot.keyClick(focused(), Qt.Key.Key_D, CTRL)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=10_000)  # the members are read first
    return seen


def test_duplicate_with_members_opens_the_copy_then_saves_it(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    window.table.setFocus()
    assert window.duplicate_button.objectName() == "duplicateButton"
    with qtbot.waitSignal(window.page_shown, timeout=10_000):
        seen = run_duplicate(qtbot, window, monkeypatch, lambda d: None, save=True)
    assert seen == [("asked", "North (copy)", True, True),
                    ("editor", "North (copy)", "Cold stores", 2, 2)]  # nothing saved yet
    copy = groups.get_group_by_code("CG-000003")
    assert (copy.name, copy.member_count) == ("North (copy)", 2)
    added = next(e for e in history.group_history(copy.id)
                 if e.kind is HistoryKind.MEMBERS_ADDED)
    assert history_change(added) == "Added 2 customers (copied from CG-000001)"


def test_duplicate_without_members_and_cancelled_saves_nothing(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_members(dialog: DuplicateDialog) -> None:
        dialog.name_edit.setFocus()
        qtbot.keyClicks(dialog.name_edit, "Bare")  # typed over the selected suggestion
        dialog.members_check.setFocus()
        qtbot.keyClick(dialog.members_check, Qt.Key.Key_Space)

    window.table.setFocus()
    seen = run_duplicate(qtbot, window, monkeypatch, no_members, save=False)
    assert seen == [("asked", "Bare", False, True), ("editor", "Bare", "Cold stores", 0, 2)]
    assert groups.count_groups() == 2


def test_an_inactive_group_is_copied_without_members(qtbot: QtBot, window: MainWindow,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Down)  # South, inactive
    seen = run_duplicate(qtbot, window, monkeypatch, lambda d: None, save=False)
    assert seen[0] == ("asked", "South (copy)", False, False)
