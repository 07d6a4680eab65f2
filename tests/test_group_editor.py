"""The group editor, driven as a clerk would: fields, members, paste box, save, cancel, conflict."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from custgroups.core import customers, groups, history, memberships
from custgroups.core.customers import CustomerInput
from custgroups.core.errors import GroupInactiveError
from custgroups.core.groups import GroupChange
from custgroups.core.history import HistoryKind
from custgroups.ui import messages
from custgroups.ui.conflict_dialog import Action, Choice, ConflictDialog
from custgroups.ui.customer_picker import CustomerPicker
from custgroups.ui.group_form import GroupDialog
from custgroups.ui.models.members_model import MemberColumn
from tests.db_helpers import recorded
from tests.editing import focused, open_editor, paste_codes, save_by_keys

pytestmark = pytest.mark.usefixtures("opened", "no_message_boxes")

CONTRACT = ["codeEdit", "nameEdit", "descriptionEdit", "activeCheck", "membersTable",
            "membersFilter", "addCustomersButton", "removeMembersButton", "pasteBox",
            "pasteSummary", "pasteAddButton", "importMembersButton", "saveButton",
            "cancelButton"]


@pytest.fixture
def shop() -> dict[str, int]:
    customers.upsert_customers(
        CustomerInput(f"C{i:05d}", f"Customer {i}", city="Oslo", active=i != 13)
        for i in range(1, 601))
    return {r.code: r.id for r in customers.search_customers("", limit=1000).rows}


def editor(qtbot: QtBot, group: groups.Group | None = None) -> GroupDialog:
    return open_editor(qtbot, group)


def save(qtbot: QtBot, dialog: GroupDialog) -> None:
    with qtbot.waitSignal(dialog.save_ended, timeout=20_000):
        dialog.accept()


def paste(qtbot: QtBot, dialog: GroupDialog, text: str) -> str:
    dialog.paste.edit.setPlainText(text)
    with qtbot.waitSignal(dialog.paste.resolved, timeout=10_000):
        dialog.paste.resolve()
    return str(dialog.paste.summary.text())


def test_contract(qtbot: QtBot) -> None:
    dialog = editor(qtbot)
    assert dialog.objectName() == "GroupDialog"
    for name in CONTRACT:
        assert dialog.findChild(object, name) is not None, name


def test_empty_name_is_refused_and_typing_kept(qtbot: QtBot) -> None:
    dialog = editor(qtbot)
    dialog.description_edit.setPlainText("Kept text")
    dialog.code_edit.setText("RET-1")
    dialog.accept()
    assert dialog.errors["name"].text() == "Group Name is required."
    assert dialog.isVisible() and dialog.focusWidget() is dialog.name_edit
    assert dialog.description_edit.toPlainText() == "Kept text"
    assert dialog.code_edit.text() == "RET-1"
    assert groups.count_groups() == 0


@pytest.mark.parametrize("variant",
                         ["wholesale", "  WHOLESALE ", "WholeSale", "ＷＨＯＬＥＳＡＬＥ"])
def test_duplicate_names_are_explained_beside_the_field(qtbot: QtBot, variant: str) -> None:
    existing = groups.save_group(GroupChange(name="Wholesale"), "other")
    dialog = editor(qtbot)
    dialog.name_edit.setText(variant)
    save(qtbot, dialog)
    assert dialog.errors["name"].text() == (f"A group named 'Wholesale' already exists "
                                            f"({existing.code}).")
    assert dialog.name_edit.text() == variant and dialog.saved is None


def test_bad_code_and_long_description(qtbot: QtBot) -> None:
    dialog = editor(qtbot)
    dialog.code_edit.setText("bad code!")
    dialog.name_edit.setText("Fine")
    dialog.description_edit.setPlainText("x" * 501)
    assert dialog.description_count.text() == "501 of 500 characters"
    dialog.accept()
    assert "letters, digits" in dialog.errors["code"].text()
    assert "at most 500" in dialog.errors["description"].text()


@pytest.mark.parametrize(
    "text",
    ["C00001\nC00002\nC00003", "C00001,C00002;C00003", "C00001\tC00002 C00003",
     "C00001\tCustomer 1\tOslo\nC00002\tCustomer 2\tOslo\nC00003\tCustomer 3\tOslo",
     "\ufeff\"C00001\" ‘C00002’ C000\u200b03", "Customer Code\nc00001\nC00002\nC00003\n\n"],
)
def test_paste_with_every_separator(qtbot: QtBot, shop: dict[str, int], text: str) -> None:
    dialog = editor(qtbot)
    assert paste(qtbot, dialog, text) == "3 recognised"


def test_paste_summary_reports_everything(qtbot: QtBot, shop: dict[str, int]) -> None:
    group = groups.save_group(GroupChange(name="Retail", add_customer_ids=frozenset(
        [shop["C00005"]])), "other")
    dialog = editor(qtbot, group)
    summary = paste(qtbot, dialog, "C00001 C00002 C00002 C00005 C0X003 ZZZ9 C00013")
    assert summary == ("2 recognised · 1 already in the group · 1 duplicate · "
                       "2 unknown: C0X003 (did you mean C00003?), ZZZ9 · 1 inactive, not added")
    assert dialog.paste.add_button.isEnabled() and dialog.paste.copy_button.isEnabled()
    dialog.paste.copy_button.click()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == "C0X003\nZZZ9"


@pytest.mark.parametrize("junk", ["", "   \n\t", ";;;,,,", "\x00\x01", "€€€ ### !!!"])
def test_junk_pastes(qtbot: QtBot, shop: dict[str, int], junk: str) -> None:
    dialog = editor(qtbot)
    summary = paste(qtbot, dialog, junk)
    assert summary in ("Nothing pasted yet.", "0 recognised") or summary.startswith(
        "0 recognised · ")
    assert not dialog.paste.add_button.isEnabled()


def test_add_from_paste_leaves_the_unknown_codes(qtbot: QtBot, shop: dict[str, int]) -> None:
    dialog = editor(qtbot)
    paste(qtbot, dialog, "C00001\nC00002\nNOPE1\nC00013")
    dialog.paste.add_button.click()
    qtbot.waitUntil(lambda: dialog.members.rowCount() == 2, timeout=5000)
    assert dialog.paste.edit.toPlainText() == "NOPE1\nC00013"
    assert dialog.panel.count_label.text() == "2 customers (2 to add)"
    model = dialog.members
    assert model.data(model.index(0, MemberColumn.CHANGE)) == "new"
    assert model.data(model.index(0, MemberColumn.CODE), Qt.ItemDataRole.FontRole).bold()


def test_pending_removals_show_struck_through_and_undo(qtbot: QtBot,
                                                       shop: dict[str, int]) -> None:
    ids = [shop[f"C{i:05d}"] for i in range(1, 6)]
    group = groups.save_group(GroupChange(name="Five", add_customer_ids=frozenset(ids)), "x")
    dialog = editor(qtbot, group)
    qtbot.waitUntil(lambda: dialog.members.rowCount() == 5, timeout=5000)
    dialog.panel.table.setFocus()
    dialog.panel.table.selectRow(0)
    qtbot.keyClick(focused(), Qt.Key.Key_Delete)
    model = dialog.members
    assert model.change_at(0) == "removed"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.FontRole).strikeOut()
    assert dialog.panel.count_label.text() == "4 customers (1 to remove)"
    # Row 0 stays selected: the removal changed its marks, not the rows.
    assert [i.row() for i in dialog.panel.table.selectionModel().selectedRows()] == [0]
    dialog.panel.undo_button.click()
    assert model.change_at(0) == "" and dialog.panel.count_label.text() == "5 customers"


def test_the_members_model_passes_the_tester_through_every_kind_of_change(
        qtbot: QtBot, qtmodeltester: Any, shop: dict[str, int]) -> None:
    ids = [shop[f"C{i:05d}"] for i in range(1, 21) if i != 13]  # C00013 is inactive
    group = groups.save_group(GroupChange(name="Nineteen", add_customer_ids=frozenset(ids)), "x")
    dialog = editor(qtbot, group)
    qtmodeltester.check(dialog.members)  # and it keeps watching every change below
    paste_codes(qtbot, dialog, [f"C{i:05d}" for i in range(100, 140)])
    qtbot.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.members.rowCount() == 59, timeout=5000)
    table = dialog.panel.table
    table.setFocus()
    table.selectRow(3)
    qtbot.keyClick(focused(), Qt.Key.Key_Delete)
    table.selectAll()
    dialog.panel.undo_button.click()
    with qtbot.waitSignal(dialog.panel.filtered, timeout=5000):
        qtbot.keyClicks(dialog.panel.filter_edit, "c0001")
    assert dialog.members.count_after_save() == 19  # every pending change undone
    assert dialog.members.rowCount() == 9  # C00010–C00019 but C00013
    qtmodeltester.check(dialog.members)


def test_members_filter(qtbot: QtBot, shop: dict[str, int]) -> None:
    ids = [shop[f"C{i:05d}"] for i in range(1, 32) if i != 13]  # C00013 is inactive
    group = groups.save_group(GroupChange(name="Thirty", add_customer_ids=frozenset(ids)), "x")
    dialog = editor(qtbot, group)
    assert dialog.members.rowCount() == 30
    with qtbot.waitSignal(dialog.panel.filtered, timeout=5000):
        qtbot.keyClicks(dialog.panel.filter_edit, "c0001")
    assert dialog.members.rowCount() == 9
    assert dialog.panel.count_label.text() == "9 of 30 customers"


def test_save_writes_fields_members_and_history(qtbot: QtBot, shop: dict[str, int]) -> None:
    ids = [shop[f"C{i:05d}"] for i in range(1, 4)]
    group = groups.save_group(GroupChange(name="Start", add_customer_ids=frozenset(ids)), "x")
    dialog = editor(qtbot, group)
    qtbot.waitUntil(lambda: dialog.members.rowCount() == 3, timeout=5000)
    dialog.name_edit.setText("Renamed")
    dialog.panel.table.selectRow(0)
    dialog.panel.remove_button.click()
    paste(qtbot, dialog, "C00100 C00101")
    dialog.paste.add_button.click()
    qtbot.waitUntil(lambda: dialog.members.count_after_save() == 4, timeout=5000)
    save(qtbot, dialog)
    assert dialog.saved is not None and dialog.result() == QDialog.DialogCode.Accepted
    saved = groups.get_group(group.id)
    assert (saved.name, saved.member_count, saved.version) == ("Renamed", 4, group.version + 1)
    kinds = {e.kind for e in history.group_history(group.id)}
    assert {HistoryKind.RENAMED, HistoryKind.MEMBERS_ADDED, HistoryKind.MEMBERS_REMOVED} <= kinds


def test_saving_fifty_thousand_members_is_atomic(qtbot: QtBot,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    customers.upsert_customers(CustomerInput(f"B{i:06d}", f"Bulk {i}") for i in range(50_000))
    group = groups.save_group(GroupChange(name="Bulk"), "x")
    dialog = editor(qtbot, group)
    all_ids = set(customers.matching_customer_ids("b0"))
    dialog.panel.add_ids(all_ids)
    assert dialog.members.count_after_save() == 50_000
    calls = 0
    real = memberships._insert_members

    def failing_late(group_id: int, ids: Any) -> None:
        nonlocal calls
        calls += 1
        if calls == 4:  # after 30,000 members are written
            raise OSError(28, "No space left on device")
        real(group_id, ids)

    monkeypatch.setattr(memberships, "_insert_members", failing_late)
    dialog.name_edit.setText("Bulk renamed")
    save(qtbot, dialog)
    assert "is full, so nothing was saved" in dialog.errors["form"].text()
    after = groups.get_group(group.id)
    assert (after.name, after.member_count) == ("Bulk", 0)
    assert groups.member_ids(group.id) == set()
    assert dialog.members.count_after_save() == 50_000  # nothing the clerk did is lost
    monkeypatch.undo()
    save(qtbot, dialog)
    assert groups.get_group(group.id).member_count == 50_000


def test_cancel_without_changes_does_not_ask(qtbot: QtBot) -> None:
    dialog = editor(qtbot)
    dialog.reject()
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()


@pytest.mark.parametrize("discard", [True, False])
def test_cancel_with_changes_asks_first(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                        discard: bool) -> None:
    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm",
                        lambda parent, title, text, action: asked.append(text) or discard)
    dialog = editor(qtbot)
    dialog.name_edit.setText("Typed")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == ["This group has changes that are not saved. Discard them?"]
    assert dialog.isVisible() is not discard
    if not discard:
        assert dialog.name_edit.text() == "Typed"


def test_inactive_group_members_are_read_only(qtbot: QtBot, shop: dict[str, int]) -> None:
    group = groups.save_group(GroupChange(name="Sleeping", active=False), "x")
    dialog = editor(qtbot, group)
    assert not dialog.panel.add_button.isEnabled()
    assert not dialog.paste.add_button.isEnabled() and not dialog.panel.import_button.isEnabled()
    assert dialog.paste.edit.isEnabled()  # what is in it can still be cleared
    assert dialog.panel.inactive_note.isVisible()
    assert dialog.panel.inactive_note.text() == "Activate the group to add customers."
    ids = [shop["C00001"]]
    groups.save_group(GroupChange(name="Sleeping", active=True, group_id=group.id,
                                  expected_version=group.version,
                                  add_customer_ids=frozenset(ids)), "x")
    sleeping = groups.set_group_active(group.id, False, "x")
    dialog = editor(qtbot, sleeping)
    qtbot.waitUntil(lambda: dialog.members.rowCount() == 1, timeout=5000)
    dialog.panel.table.selectRow(0)
    assert not dialog.panel.remove_button.isEnabled()  # read-only, removals too
    dialog.active_check.setChecked(True)
    assert dialog.panel.add_button.isEnabled() and not dialog.panel.inactive_note.isVisible()
    assert dialog.panel.remove_button.isEnabled()
    with pytest.raises(GroupInactiveError):
        groups.change_members(group.id, "x", add_ids=[shop["C00001"]])


def test_picker_results_become_pending_additions(qtbot: QtBot, shop: dict[str, int],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(CustomerPicker, "pick",
                        classmethod(lambda cls, members, parent: {shop["C00007"],
                                                                  shop["C00008"]}))
    dialog = editor(qtbot)
    dialog.panel.add_button.click()
    qtbot.waitUntil(lambda: dialog.members.count_after_save() == 2, timeout=5000)
    assert dialog.members.added_ids == {shop["C00007"], shop["C00008"]}


def test_import_from_file_fills_the_paste_box(qtbot: QtBot, shop: dict[str, int],
                                              tmp_path: Any,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "codes.csv"
    path.write_text("Name,Customer Code,Other\nx,C00001,C00003\ny,C00002,\nz,NOPE,\n")
    offered: list[list[str]] = []

    def choose(parent: Any, title: str, label: str, items: list[str], *args: Any) -> Any:
        offered.append(items)
        return items[0], True

    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    dialog = editor(qtbot)
    with qtbot.waitSignal(dialog.paste.resolved, timeout=5000):
        dialog.panel.import_file(path)
    assert offered == [["Customer Code", "Name", "Other"]]
    assert dialog.paste.summary.text() == "2 recognised · 1 unknown: NOPE"


@pytest.fixture
def two_editors(qtbot: QtBot, shop: dict[str, int]) -> Iterator[tuple[GroupDialog, GroupDialog]]:
    group = groups.save_group(GroupChange(name="Shared", description="start"), "x")
    yield editor(qtbot, group), editor(qtbot, group)


@pytest.mark.parametrize("reload", [False, True])
def test_concurrent_edit_gives_a_conflict_and_keeps_the_first_clerks_work(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, shop: dict[str, int],
        two_editors: tuple[GroupDialog, GroupDialog], reload: bool) -> None:
    first, second = two_editors
    first.description_edit.setPlainText("first clerk")
    save(qtbot, first)
    assert first.saved is not None
    told: list[Any] = []
    action = Action.RELOAD if reload else Action.KEEP_EDITING
    monkeypatch.setattr(ConflictDialog, "ask",
                        classmethod(lambda cls, plan, parent: told.append(plan) or Choice(action)))
    second.description_edit.setPlainText("second clerk")
    second.name_edit.setText("Shared by two")
    save(qtbot, second)
    assert told and told[0].theirs.updated_by == recorded("clerk")
    assert groups.get_group(first.saved.id).description == "first clerk"
    if reload:
        assert second.description_edit.toPlainText() == "first clerk"
        assert second.name_edit.text() == "Shared"
    else:
        assert second.description_edit.toPlainText() == "second clerk"
        assert second.name_edit.text() == "Shared by two"
    assert second.isVisible()


def test_create_and_fill_by_keyboard_in_six_actions(qtbot: QtBot, opened: str,
                                                    shop: dict[str, int],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl+N, type the name, Alt+P, paste 500 codes, Alt+A, Ctrl+S: every one a key press."""
    from custgroups.app import open_main_window

    window = open_main_window(opened)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.idle, timeout=10_000):
        window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    created: list[Any] = []

    def run_editor(cls: Any, who: str, group: Any, parent: Any) -> Any:
        dialog = GroupDialog(who, group, parent)
        qtbot.addWidget(dialog, before_close_func=lambda widget: widget.done(0))
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
        qtbot.keyClicks(focused(), "Five hundred")                              # 2
        assert dialog.name_edit.text() == "Five hundred"
        paste_codes(qtbot, dialog, [f"C{i:05d}" for i in range(1, 501)])         # 3, 4
        assert dialog.paste.summary.text() == "499 recognised · 1 inactive, not added"
        qtbot.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # 5
        saved = save_by_keys(qtbot, dialog)                                     # 6
        created.append(saved)
        return saved

    monkeypatch.setattr(GroupDialog, "edit", classmethod(run_editor))
    qtbot.keyClick(focused(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # 1
    assert created and groups.get_group(created[0].id).member_count == 499
    window.close()
