"""The paste box's modes, as a clerk uses them: Add listed, Remove listed, Make group match."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from custgroups.core import groups, history
from custgroups.core.lists import ListMode
from custgroups.core.wording import history_change
from custgroups.ui import messages
from custgroups.ui.customer_picker import CustomerPicker
from custgroups.ui.group_form import GroupDialog
from custgroups.ui.match_preview import MatchPreviewDialog
from tests.editing import focused, open_editor, paste_codes, save_by_keys
from tests.lists_helpers import codes, group_of, make_shop

pytestmark = pytest.mark.usefixtures("opened", "no_message_boxes")
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def shop() -> dict[str, int]:
    """C00001–C00060; C00013 is inactive."""
    return make_shop(60, {13})


def choose_mode(qtbot: QtBot, dialog: GroupDialog, mode: ListMode) -> None:
    """Alt+M, then the arrow keys, as a clerk picks the mode."""
    qtbot.keyClick(dialog, Qt.Key.Key_M, ALT)
    combo = dialog.paste.mode_combo
    assert focused() is combo
    for _ in range(combo.count()):  # the modes are listed in the order of ListMode
        if dialog.paste.mode is mode:
            break
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert dialog.paste.mode is mode


def saved_codes(group: groups.Group) -> set[str]:
    return {code for code, *_ in groups.member_rows(group.id)}


def member_changes(group: groups.Group) -> list[str]:
    return [history_change(e) for e in history.group_history(group.id)
            if e.kind.value.startswith("members")]


def test_the_mode_sits_beside_the_paste_box(qtbot: QtBot) -> None:
    dialog = open_editor(qtbot)
    combo = dialog.findChild(type(dialog.paste.mode_combo), "pasteModeCombo")
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Add listed", "Remove listed", "Make group match list"]
    assert dialog.paste.mode is ListMode.ADD


def test_remove_listed_by_keyboard(qtbot: QtBot, shop: dict[str, int]) -> None:
    group = group_of(shop, 1, 2, 3, 4, 5)
    dialog = open_editor(qtbot, group)
    choose_mode(qtbot, dialog, ListMode.REMOVE)
    assert dialog.paste.add_button.text() == "&Apply: Remove Listed"
    paste_codes(qtbot, dialog, [*codes(2, 3, 9), "ZZ1", "C00002"])
    assert dialog.paste.summary.text() == ("to remove 2 · unchanged 3 · not in the group 1 · "
                                           "1 unknown: ZZ1 · duplicates 1")
    qtbot.keyClick(focused(), Qt.Key.Key_A, ALT)
    assert dialog.members.count_after_save() == 3  # at once, as Add does
    assert dialog.paste.edit.toPlainText() == "ZZ1"  # what needs the clerk stays
    saved = save_by_keys(qtbot, dialog)
    assert saved_codes(saved) == set(codes(1, 4, 5))
    assert member_changes(saved) == ["Removed 2 customers (as listed in a paste)",
                                     "Added 5 customers"]


def test_match_keeps_additions_made_elsewhere_and_the_exceptions_unticked(
        qtbot: QtBot, shop: dict[str, int], monkeypatch: pytest.MonkeyPatch) -> None:
    group = group_of(shop, 1, 2, 3, 4, 5)
    monkeypatch.setattr(CustomerPicker, "pick",
                        classmethod(lambda cls, members, parent: {shop["C00010"]}))
    dialog = open_editor(qtbot, group)
    QTest.mouseClick(dialog.panel.add_button, Qt.MouseButton.LeftButton)  # C00010, pending
    choose_mode(qtbot, dialog, ListMode.MATCH)
    paste_codes(qtbot, dialog, [*codes(3, 4, 20, 13), "ZZ1"])
    assert dialog.paste.summary.text() == ("to add 1 · to remove 3 (not in the list) · "
                                           "unchanged 3 · 1 unknown: ZZ1 · inactive 1")
    previews: list[list[str]] = []

    def untick_c00005(self: MatchPreviewDialog) -> int:
        shown = [self.rows.item(i).text() for i in range(self.rows.count())]
        previews.append(shown)
        self.rows.setFocus()
        self.rows.setCurrentRow(shown.index("C00005  Customer 5"))
        qtbot.keyClick(self.rows, Qt.Key.Key_Space)  # untick: C00005 stays
        assert self.count.text() == "Remove 2 · keep 1 of them · add 1"
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MatchPreviewDialog, "exec", untick_c00005)
    qtbot.keyClick(focused(), Qt.Key.Key_A, ALT)
    assert previews == [["C00001  Customer 1", "C00002  Customer 2", "C00005  Customer 5"]]
    saved = save_by_keys(qtbot, dialog)
    assert saved_codes(saved) == set(codes(3, 4, 5, 10, 20))
    assert "Removed 2 customers (matched to a pasted list)" in member_changes(saved)


def test_cancelling_the_preview_changes_nothing(qtbot: QtBot, shop: dict[str, int],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = open_editor(qtbot, group_of(shop, 1, 2))
    choose_mode(qtbot, dialog, ListMode.MATCH)
    paste_codes(qtbot, dialog, codes(2, 3))
    monkeypatch.setattr(MatchPreviewDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    qtbot.keyClick(focused(), Qt.Key.Key_A, ALT)
    assert not dialog.members.pending


@pytest.mark.parametrize("listed", [["ZZ1", "ZZ2"], codes(13)])
def test_a_list_naming_no_member_asks_twice_before_emptying_the_group(
        qtbot: QtBot, shop: dict[str, int], monkeypatch: pytest.MonkeyPatch,
        listed: list[str]) -> None:
    group = group_of(shop, 1, 2, 3)
    dialog = open_editor(qtbot, group)
    choose_mode(qtbot, dialog, ListMode.MATCH)
    paste_codes(qtbot, dialog, listed)
    asked: list[str] = []
    answer = [False]

    def confirm(parent: Any, title: str, text: str, action: str) -> bool:
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(messages, "confirm", confirm)
    monkeypatch.setattr(MatchPreviewDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    qtbot.keyClick(focused(), Qt.Key.Key_A, ALT)
    assert "names none of the 3 members" in asked[0]
    assert not dialog.members.pending  # declined: nothing happened
    answer[0] = True
    dialog.paste.edit.setFocus()
    with qtbot.waitSignal(dialog.paste.resolved, timeout=10_000):
        qtbot.keyClicks(focused(), " ")  # the clerk touches the list again
    qtbot.keyClick(focused(), Qt.Key.Key_A, ALT)
    assert len(asked) == 2 and dialog.members.count_after_save() == 0


def test_save_with_a_list_not_applied_says_so(qtbot: QtBot, shop: dict[str, int]) -> None:
    group = group_of(shop, 1, 2)
    dialog = open_editor(qtbot, group)
    choose_mode(qtbot, dialog, ListMode.MATCH)
    paste_codes(qtbot, dialog, codes(2, 3))
    problem = save_by_keys(qtbot, dialog)
    assert "would make 2 changes not applied yet" in str(problem)
    assert dialog.saved is None and saved_codes(group) == set(codes(1, 2))


def test_matching_a_file_names_it_in_the_history(qtbot: QtBot, shop: dict[str, int],
                                                 tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    group = group_of(shop, 1, 2, 3)
    listing = tmp_path / "north-dec.csv"
    listing.write_text("Customer code\nC00002\nC00003\nC00004\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args, **kwargs: (str(listing), "")))
    monkeypatch.setattr(MatchPreviewDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    dialog = open_editor(qtbot, group)
    choose_mode(qtbot, dialog, ListMode.MATCH)
    with qtbot.waitSignal(dialog.paste.resolved, timeout=10_000):
        QTest.mouseClick(dialog.panel.import_button, Qt.MouseButton.LeftButton)
    assert dialog.paste.summary.text() == ("to add 1 · to remove 1 (not in the list) · "
                                           "unchanged 2")
    dialog.paste.edit.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_A, ALT)
    saved = save_by_keys(qtbot, dialog)
    assert saved_codes(saved) == set(codes(2, 3, 4))
    assert {"Added 1 customer (matched to north-dec.csv)",
            "Removed 1 customer (matched to north-dec.csv)"} <= set(member_changes(saved))


def test_a_paste_left_in_the_box_of_a_group_made_inactive_can_be_cleared(
        qtbot: QtBot, shop: dict[str, int]) -> None:
    group = group_of(shop, 1, 2)
    dialog = open_editor(qtbot, group)
    paste_codes(qtbot, dialog, codes(3, 4))  # recognised, not added
    dialog.active_check.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Space)  # the clerk deactivates the group
    assert not dialog.active_check.isChecked()
    assert not dialog.paste.add_button.isEnabled()
    problem = save_by_keys(qtbot, dialog)
    assert "an inactive group takes none" in str(problem)
    dialog.paste.edit.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(dialog.paste.resolved, timeout=10_000):
        qtbot.keyClick(focused(), Qt.Key.Key_Delete)  # the box stays editable: it clears
    saved = save_by_keys(qtbot, dialog)
    assert not saved.active and saved.member_count == 2
