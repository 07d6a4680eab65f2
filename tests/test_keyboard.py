"""The keyboard alone: Tab leaves a table, pages turn with Ctrl+PgUp/PgDn, Activate /
Deactivate has a shortcut, History's keeps clear of a Mac's Cmd+H, and Backspace removes
members as Delete does."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from custgroups.core import groups
from custgroups.core.groups import GroupChange
from custgroups.ui.customer_picker import CustomerPicker
from custgroups.ui.shortcuts_dialog import ShortcutsDialog
from tests.editing import focused, open_editor, save_by_keys
from tests.lists_helpers import group_of, make_shop
from tests.window_helpers import open_window

pytestmark = pytest.mark.usefixtures("no_message_boxes")
CTRL = Qt.KeyboardModifier.ControlModifier


def test_tab_leaves_the_group_table(qtbot: QtBot, opened: str) -> None:
    groups.save_group(GroupChange(name="North"), "x")
    window = open_window(qtbot, opened)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not window.table


def test_ctrl_page_down_and_up_turn_the_page(qtbot: QtBot, opened: str) -> None:
    for n in range(60):
        groups.save_group(GroupChange(name=f"Group {n:02d}"), "x")
    window = open_window(qtbot, opened)
    window.table.setFocus()
    with qtbot.waitSignal(window.page_shown, timeout=5000):
        qtbot.keyClick(window.table, Qt.Key.Key_PageDown, CTRL)
    assert window.pager.position.text() == "Page 2 of 2"
    with qtbot.waitSignal(window.page_shown, timeout=5000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageUp, CTRL)
    assert window.pager.position.text() == "Page 1 of 2"


def test_the_pager_shows_which_button_the_keyboard_is_on(qtbot: QtBot, opened: str) -> None:
    for n in range(60):
        groups.save_group(GroupChange(name=f"Group {n:02d}"), "x")
    window = open_window(qtbot, opened)
    button = window.pager.buttons["nextPageButton"]
    window.pager.buttons["lastPageButton"].setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: button.isEnabled() and not button.hasFocus(), timeout=2000)
    plain = button.grab().toImage()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)  # back to the next button
    qtbot.waitUntil(button.hasFocus, timeout=2000)
    focused = button.grab().toImage()
    ring = QApplication.palette().color(QPalette.ColorRole.Highlight).rgb()

    def in_highlight(image: QImage) -> int:
        return sum(image.pixel(x, y) == ring
                   for x in range(image.width()) for y in range(image.height()))

    assert in_highlight(plain) == 0
    assert in_highlight(focused) > 2 * plain.width()  # a ring in the highlight colour
    with qtbot.waitSignal(window.page_shown, timeout=5000):
        qtbot.keyClick(button, Qt.Key.Key_Space)
    assert window.pager.position.text() == "Page 2 of 2"


def test_activate_deactivate_and_history_keys(qtbot: QtBot, opened: str,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window(qtbot, opened)
    assert window.toggle_action.shortcut() == QKeySequence("Ctrl+Shift+A")
    assert window.history_action.shortcut() == QKeySequence("Ctrl+H")
    monkeypatch.setattr(sys, "platform", "darwin")
    on_a_mac = open_window(qtbot, opened)
    keys = {a.shortcut().toString() for a in on_a_mac.actions() if not a.shortcut().isEmpty()}
    assert on_a_mac.history_action.shortcut() == QKeySequence("Ctrl+Y")
    assert not keys & {"Ctrl+H", "Ctrl+M"}  # Cmd+H hides an application, Cmd+M minimises it


def test_backspace_removes_members_as_delete_does(qtbot: QtBot, opened: str) -> None:
    shop = make_shop(5, set())
    group = group_of(shop, 1, 2, 3)
    dialog = open_editor(qtbot, group)
    dialog.panel.table.setFocus()
    dialog.panel.table.selectRow(0)
    qtbot.keyClick(focused(), Qt.Key.Key_Backspace)
    assert dialog.members.removed_ids == frozenset({shop["C00001"]})


def test_down_from_the_picker_search_goes_into_the_results(qtbot: QtBot, opened: str) -> None:
    make_shop(30, set())
    picker = CustomerPicker(set())
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitUntil(lambda: picker.model.rowCount() > 0, timeout=5000)
    picker.activateWindow()
    qtbot.waitUntil(picker.isActiveWindow, timeout=2000)
    picker.search_edit.setFocus()
    qtbot.keyClicks(picker.search_edit, "C0002")
    qtbot.waitUntil(lambda: picker.model.total == 10, timeout=5000)
    qtbot.keyClick(picker.search_edit, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is picker.table
    qtbot.keyClick(picker.table, Qt.Key.Key_Space)
    assert picker.selected_label.text() == "Selected: 1"


def test_tab_walks_the_editor_down_to_save_and_cancel_last(qtbot: QtBot, opened: str) -> None:
    shop = make_shop(3, set())
    open_editor(qtbot, group_of(shop, 1, 2))
    names = []
    for _ in range(30):
        names.append(focused().objectName())
        if names[-1] == "cancelButton":
            break
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert names[:4] == ["nameEdit", "descriptionEdit", "activeCheck", "membersFilter"]
    assert names[-3:] == ["reasonEdit", "saveButton", "cancelButton"]
    assert "pasteBox" in names and names.index("pasteBox") < names.index("reasonEdit")


def test_ctrl_z_steps_back_through_the_members_and_ctrl_shift_z_forward(
        qtbot: QtBot, opened: str, monkeypatch: pytest.MonkeyPatch) -> None:
    shop = make_shop(6, set())
    dialog = open_editor(qtbot, group_of(shop, 1, 2, 3))
    monkeypatch.setattr(CustomerPicker, "pick",
                        classmethod(lambda cls, members, parent: {shop["C00005"]}))
    table = dialog.panel.table
    table.setFocus()
    table.selectRow(2)  # C00003
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    qtbot.mouseClick(dialog.panel.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.members.arriving, timeout=5000)
    table.setFocus()
    assert dialog.members.pending_ids() == (frozenset({shop["C00005"]}),
                                            frozenset({shop["C00003"]}))
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)  # the addition goes
    assert dialog.members.pending_ids() == (frozenset(), frozenset({shop["C00003"]}))
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)  # the removal goes
    assert not dialog.members.pending and dialog.members.rowCount() == 3
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert dialog.members.pending_ids() == (frozenset({shop["C00005"]}),
                                            frozenset({shop["C00003"]}))
    assert "C00005" in [dialog.members.row_at(r).code  # type: ignore[union-attr]
                        for r in range(dialog.members.rowCount())]
    saved = save_by_keys(qtbot, dialog)
    assert groups.member_ids(saved.id) == {shop["C00001"], shop["C00002"], shop["C00005"]}


def test_ctrl_z_in_the_name_undoes_typing_not_members(qtbot: QtBot, opened: str) -> None:
    shop = make_shop(3, set())
    dialog = open_editor(qtbot, group_of(shop, 1, 2))
    dialog.panel.table.setFocus()
    dialog.panel.table.selectRow(0)
    qtbot.keyClick(dialog.panel.table, Qt.Key.Key_Delete)
    dialog.name_edit.setFocus()
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_End)
    qtbot.keyClicks(dialog.name_edit, " East")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Z, CTRL)
    assert dialog.name_edit.text() == "North"
    assert dialog.members.removed_ids == frozenset({shop["C00001"]})


def test_f1_shows_every_shortcut_as_this_computer_writes_it(qtbot: QtBot, opened: str) -> None:
    window = open_window(qtbot, opened)
    qtbot.keyClick(window.table, Qt.Key.Key_F1)
    sheet = window.findChild(ShortcutsDialog)
    assert sheet is not None and sheet.isVisible()
    rows = {(sheet.table.item(r, 1).text(), sheet.table.item(r, 2).text())
            for r in range(sheet.table.rowCount())}
    for row in (("History", "Ctrl+H"), ("Customers", "Ctrl+2"), ("Deactivate", "Ctrl+Shift+A"),
                ("Previous page / next page", "Ctrl+PgDown"),
                ("Undo the last change to members", "Ctrl+Z")):
        assert any(what.startswith(row[0]) and row[1] in keys for what, keys in rows), row
    qtbot.keyClick(window.table, Qt.Key.Key_F1)  # again: the same sheet, to the front
    assert window.findChildren(ShortcutsDialog) == [sheet]
