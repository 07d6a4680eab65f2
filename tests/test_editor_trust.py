"""The editor never loses, or saves, what the clerk did not mean: driven by real key presses."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from custgroups.core import customers, groups
from custgroups.core.customers import CustomerInput
from custgroups.core.groups import GroupChange
from custgroups.ui.customer_picker import CustomerPicker
from custgroups.ui.group_form import GroupDialog
from tests.editing import focused, open_editor, paste_codes, save_by_keys

pytestmark = pytest.mark.usefixtures("opened", "no_message_boxes")
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def shop() -> dict[str, int]:
    customers.upsert_customers(
        CustomerInput(f"C{i:05d}", f"Customer {i}", city="Oslo", active=i != 13)
        for i in range(1, 201))
    return {r.code: r.id for r in customers.search_customers("", limit=1000).rows}


# --- 1. Add, then Save at once --------------------------------------------------------


def test_alt_a_then_ctrl_s_at_once_saves_every_addition(qtbot: QtBot,
                                                        shop: dict[str, int]) -> None:
    dialog = open_editor(qtbot)
    qtbot.keyClicks(focused(), "Quick clerk")
    codes = [f"C{i:05d}" for i in range(1, 121)]
    paste_codes(qtbot, dialog, codes)
    qtbot.keyClick(focused(), Qt.Key.Key_A, ALT)  # Add Recognised
    saved = save_by_keys(qtbot, dialog)  # no wait: the rows may still be on their way
    assert isinstance(saved, groups.Group)
    expected = {shop[c] for c in codes if c != "C00013"}
    assert groups.member_ids(saved.id) == expected
    assert groups.get_group(saved.id).member_count == len(expected) == 119


def test_picker_ok_then_ctrl_s_at_once_saves_the_picked(qtbot: QtBot, shop: dict[str, int],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    group = groups.save_group(GroupChange(name="Picked"), "x")
    picked = {shop["C00007"], shop["C00008"], shop["C00150"]}
    monkeypatch.setattr(CustomerPicker, "pick", classmethod(lambda cls, members, parent: picked))
    dialog = open_editor(qtbot, group)
    QTest.mouseClick(dialog.panel.add_button, Qt.MouseButton.LeftButton)
    save_by_keys(qtbot, dialog)
    assert groups.member_ids(group.id) == picked


# --- 2. Enter acts on the widget that has focus -----------------------------------------


@pytest.fixture
def renamed(qtbot: QtBot, shop: dict[str, int]) -> GroupDialog:
    ids = frozenset(shop[f"C{i:05d}"] for i in range(1, 31) if i != 13)
    group = groups.save_group(GroupChange(name="Before", add_customer_ids=ids), "x")
    dialog = open_editor(qtbot, group)
    qtbot.keyClick(focused(), Qt.Key.Key_End)
    qtbot.keyClicks(focused(), " and after")  # a pending rename, not for saving yet
    return dialog


def test_enter_in_the_members_filter_filters_and_saves_nothing(qtbot: QtBot,
                                                               renamed: GroupDialog) -> None:
    renamed.panel.filter_edit.setFocus()
    qtbot.keyClicks(focused(), "c0002")
    with qtbot.assertNotEmitted(renamed.save_ended, wait=100):
        with qtbot.waitSignal(renamed.panel.filtered, timeout=2000):
            qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert renamed.isVisible() and renamed.members.rowCount() == 10  # C00020 to C00029
    assert groups.get_group_by_code(renamed.code_edit.text()).name == "Before"


def test_enter_in_the_members_table_saves_nothing(qtbot: QtBot, renamed: GroupDialog) -> None:
    QTest.mouseClick(renamed.panel.table.viewport(), Qt.MouseButton.LeftButton)
    assert focused() is renamed.panel.table
    with qtbot.assertNotEmitted(renamed.save_ended, wait=100):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
        qtbot.keyClick(focused(), Qt.Key.Key_Enter)
    assert renamed.isVisible()
    assert groups.get_group_by_code(renamed.code_edit.text()).name == "Before"


def test_enter_in_the_name_saves(qtbot: QtBot, renamed: GroupDialog) -> None:
    assert focused() is renamed.name_edit
    with qtbot.waitSignal(renamed.save_ended, timeout=5000):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert groups.get_group_by_code(renamed.code_edit.text()).name == "Before and after"


# --- 3. Ctrl+N, type the name, from the window ------------------------------------------


def drive_next_dialog(qtbot: QtBot, steps: Callable[[GroupDialog], None]) -> list[str]:
    """Run ``steps`` inside the modal editor the next key press opens; never leave it open."""
    problems: list[str] = ["the key press opened no editor"]

    def drive() -> None:
        problems.clear()
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, GroupDialog):
            problems.append(f"no editor came up but {dialog!r}")
            return
        try:
            qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
            steps(dialog)
        except BaseException as exc:  # reported by the test, after the dialog is closed
            problems.append(repr(exc))
        finally:
            if dialog.isVisible():
                dialog.done(0)

    QTimer.singleShot(0, drive)
    return problems


def test_ctrl_n_then_typing_names_the_group(qtbot: QtBot, opened: str) -> None:
    from custgroups.app import open_main_window

    window = open_main_window(opened)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)

    def steps(dialog: GroupDialog) -> None:
        assert focused() is dialog.name_edit
        qtbot.keyClicks(focused(), "Regional Clients")
        assert isinstance(save_by_keys(qtbot, dialog), groups.Group)

    problems = drive_next_dialog(qtbot, steps)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert problems == []
    assert [g.name for g in groups.list_groups(groups.GroupQuery()).rows] == ["Regional Clients"]
    created = groups.get_group_by_code("CG-000001")
    assert created.name == "Regional Clients"
    window.close()


# --- 4. Errors go as soon as their cause does -------------------------------------------


def test_errors_disappear_as_the_clerk_fixes_them(qtbot: QtBot) -> None:
    dialog = open_editor(qtbot)
    problem = save_by_keys(qtbot, dialog)
    assert str(problem) == "Group Name is required."
    assert dialog.errors["name"].isVisible()
    qtbot.keyClicks(focused(), "W")
    assert not dialog.errors["name"].isVisible()

    qtbot.keyClicks(focused(), "x" * 100)  # 101 characters
    assert dialog.name_count.text() == "101 of 100 characters"
    save_by_keys(qtbot, dialog)
    assert dialog.errors["name"].text() == ("Group Name is 101 characters long; at most 100 "
                                            "fit.")
    qtbot.keyClick(focused(), Qt.Key.Key_Backspace)
    assert not dialog.errors["name"].isVisible()
    assert dialog.name_count.text() == "100 of 100 characters"

    dialog.description_edit.setFocus()
    qtbot.keyClicks(focused(), "d" * 501)
    save_by_keys(qtbot, dialog)
    assert "501 characters" in dialog.errors["description"].text()
    qtbot.keyClick(focused(), Qt.Key.Key_Backspace)
    assert not dialog.errors["description"].isVisible()
    assert dialog.description_count.text() == "500 of 500 characters"


def test_the_name_field_cuts_nothing_and_counts_to_the_one_limit(qtbot: QtBot) -> None:
    dialog = open_editor(qtbot)
    QGuiApplication.clipboard().setText("N" * 150)
    qtbot.keyClick(focused(), Qt.Key.Key_V, CTRL)
    assert dialog.name_edit.text() == "N" * 150  # nothing silently cut
    assert dialog.name_count.text() == "150 of 100 characters"
    assert str(save_by_keys(qtbot, dialog)).startswith("Group Name is 150 characters long")
    assert groups.count_groups() == 0


# --- pasted but not added ---------------------------------------------------------------


def test_save_refuses_while_recognised_pasted_codes_are_not_added(
        qtbot: QtBot, shop: dict[str, int]) -> None:
    dialog = open_editor(qtbot)
    qtbot.keyClicks(focused(), "Forgot to add")
    paste_codes(qtbot, dialog, ["C00001", "C00002", "NOPE"])
    problem = save_by_keys(qtbot, dialog)
    assert "holds 2 recognised customers that are not added" in str(problem)
    assert dialog.errors["members"].isVisible() and groups.count_groups() == 0
    qtbot.keyClick(focused(), Qt.Key.Key_A, ALT)
    assert not dialog.errors["members"].isVisible()
    saved = save_by_keys(qtbot, dialog)  # what Add left behind (NOPE) does not hold it up
    assert groups.member_ids(saved.id) == {shop["C00001"], shop["C00002"]}


# --- 7. Inactive customers: one rule everywhere ------------------------------------------


def test_inactive_customers_are_refused_by_the_data_floor(shop: dict[str, int]) -> None:
    from custgroups.core.errors import InactiveCustomersError

    with pytest.raises(InactiveCustomersError, match="C00013"):
        groups.save_group(GroupChange(name="Never", add_customer_ids=frozenset(
            [shop["C00001"], shop["C00013"]])), "x")
    assert groups.count_groups() == 0
    group = groups.save_group(GroupChange(name="Kept"), "x")
    with pytest.raises(InactiveCustomersError):
        groups.change_members(group.id, "x", add_ids=[shop["C00013"], shop["C00002"]])
    assert groups.member_ids(group.id) == set()


def test_inactive_pick_is_refused_beside_the_members_and_nothing_saved(
        qtbot: QtBot, shop: dict[str, int], monkeypatch: pytest.MonkeyPatch) -> None:
    # The customer was active when picked and went inactive before Save.
    monkeypatch.setattr(CustomerPicker, "pick", classmethod(
        lambda cls, members, parent: {shop["C00013"], shop["C00014"]}))
    dialog = open_editor(qtbot)
    qtbot.keyClicks(focused(), "Late")
    QTest.mouseClick(dialog.panel.add_button, Qt.MouseButton.LeftButton)
    problem = save_by_keys(qtbot, dialog)
    assert "1 customer is inactive" in str(problem) and "C00013" in str(problem)
    assert dialog.errors["members"].isVisible() and groups.count_groups() == 0
    assert dialog.members.count_after_save() == 2  # nothing the clerk did is lost


def test_a_refusal_stays_until_the_clerk_changes_what_was_refused(
        qtbot: QtBot, shop: dict[str, int], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(CustomerPicker, "pick", classmethod(
        lambda cls, members, parent: {shop["C00013"], shop["C00014"]}))
    dialog = open_editor(qtbot)
    qtbot.keyClicks(focused(), "Late")
    QTest.mouseClick(dialog.panel.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.members.arriving, timeout=5000)
    save_by_keys(qtbot, dialog)
    error = dialog.errors["members"]
    assert error.isVisible()
    # The table changing around the same pending members does not make the refusal go.
    with qtbot.waitSignal(dialog.panel.filtered, timeout=5000):
        qtbot.keyClicks(dialog.panel.filter_edit, "c0001")
    assert error.isVisible() and "C00013" in error.text()
    table = dialog.panel.table
    table.setFocus()
    row = next(r for r in range(dialog.members.rowCount())
               if dialog.members.row_at(r).code == "C00013")  # type: ignore[union-attr]
    table.selectRow(row)
    qtbot.keyClick(focused(), Qt.Key.Key_Delete)  # the inactive customer goes: so does the error
    assert not error.isVisible()
    saved = save_by_keys(qtbot, dialog)
    assert groups.member_ids(saved.id) == {shop["C00014"]}


def test_the_picker_never_ticks_inactive_customers(qtbot: QtBot, shop: dict[str, int]) -> None:
    picker = CustomerPicker(set())
    qtbot.addWidget(picker)
    picker.show()
    with qtbot.waitSignal(picker.model.ticks_changed, timeout=5000):
        pass  # the first page and its count
    qtbot.keyClicks(picker.search_edit, "c0001")
    qtbot.waitUntil(lambda: picker.model.total == 10, timeout=5000)
    model = picker.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).code == "C00013")
    index = model.index(row, 0)
    assert model.data(index, Qt.ItemDataRole.CheckStateRole) is None  # no box, unlike members
    assert not model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.data(model.index(row, 3)) == "Inactive: cannot be added"
    assert model.data(index, Qt.ItemDataRole.FontRole).italic()
    with qtbot.waitSignal(model.ticks_changed, timeout=5000):
        QTest.mouseClick(picker.select_all_button, Qt.MouseButton.LeftButton)
    assert shop["C00013"] not in model.ticked and len(model.ticked) == 9
    assert picker.selected_label.text() == "Selected: 9 · 1 inactive not selected"


def test_import_members_says_inactive_customers_were_not_added(
        shop: dict[str, int], tmp_path: Any, capsys: pytest.CaptureFixture[str]) -> None:
    from custgroups import cli
    from custgroups.core import db

    group = groups.save_group(GroupChange(name="Cli"), "x")
    path = tmp_path / "codes.csv"
    path.write_text("Customer Code\nC00001\nC00013\n")
    url = db.info().url
    assert cli.main(["--database", url, "import-members", group.code, str(path)]) == 0
    assert "1 recognised · 1 inactive, not added" in capsys.readouterr().out
    db.open_database(url)
    assert groups.member_ids(group.id) == {shop["C00001"]}


# --- 8. Every background failure reaches the clerk -----------------------------------------


def test_a_job_failure_nobody_handles_reaches_the_clerk(qtbot: QtBot,
                                                         caplog: pytest.LogCaptureFixture) -> None:
    from custgroups.core.errors import UNEXPECTED, NotFoundError
    from custgroups.qt.tasks import Lane

    told: list[str] = []
    lane = Lane("test", None, told.append)

    def fail(exc: Exception) -> Callable[[Any], None]:
        def work(_progress: Any) -> None:
            raise exc
        return work

    with qtbot.waitSignal(lane.idle, timeout=2000):
        lane.submit(fail(NotFoundError("That group no longer exists.")))
        lane.submit(fail(KeyError("raw detail")))
    assert told == ["That group no longer exists.", UNEXPECTED]
    assert [r.levelname for r in caplog.records if r.name == "custgroups.tasks"] == ["ERROR"] * 2
    lane.shutdown()
    lane.submit(fail(KeyError("after")))  # its window is closing: dropped, not raised
    assert told == ["That group no longer exists.", UNEXPECTED]


def test_a_failed_picker_search_says_so_and_shows_no_stale_rows(
        qtbot: QtBot, shop: dict[str, int], monkeypatch: pytest.MonkeyPatch) -> None:
    from custgroups.core.errors import DatabaseError
    from custgroups.ui import customer_picker

    picker = CustomerPicker(set())
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitUntil(picker.select_all_button.isEnabled, timeout=5000)  # every match counted

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise DatabaseError("Cannot reach the database server.")

    monkeypatch.setattr(customer_picker, "selectable_customers", broken)
    QTest.mouseClick(picker.select_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(picker.problem_label.isVisible, timeout=5000)
    assert picker.problem_label.text() == ("Could not select every match: Cannot reach the "
                                           "database server.")
    assert picker.select_all_button.isEnabled()
    monkeypatch.setattr(customer_picker, "search_customers", broken)
    with qtbot.waitSignal(picker.model.modelReset, timeout=5000):
        qtbot.keyClicks(picker.search_edit, "c0002")
    assert picker.problem_label.text() == ("The search could not be run: Cannot reach the "
                                           "database server.")
    assert picker.model.rowCount() == 0


# --- 9. No reads on the UI thread -----------------------------------------------------------


def test_opening_a_group_and_reading_a_files_columns_run_off_the_ui_thread(
        qtbot: QtBot, shop: dict[str, int], monkeypatch: pytest.MonkeyPatch,
        tmp_path: Any) -> None:
    from custgroups.app import open_main_window
    from custgroups.core.sheets import imports
    from custgroups.ui import main_window

    groups.save_group(GroupChange(name="Threads"), "x")
    threads: list[str] = []

    def recorded(fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            threads.append(threading.current_thread().name)
            return fn(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(main_window, "get_group", recorded(groups.get_group))
    monkeypatch.setattr(imports, "member_columns", recorded(imports.member_columns))
    opened: list[GroupDialog] = []

    def keep(cls: Any, who: str, group: Any, parent: Any) -> None:
        dialog = GroupDialog(who, group, None)
        qtbot.addWidget(dialog, before_close_func=lambda widget: widget.done(0))
        dialog.show()
        opened.append(dialog)

    monkeypatch.setattr(GroupDialog, "edit", classmethod(keep))
    window = open_main_window(db_url())
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.page_shown, timeout=5000):
        window.show()
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    path = tmp_path / "codes.csv"
    path.write_text("Customer Code\nC00001\n")
    with qtbot.waitSignal(opened[0].paste.resolved, timeout=5000):
        opened[0].panel.import_file(path)
    assert len(threads) == 2 and threading.main_thread().name not in threads
    window.close()


def db_url() -> str:
    from custgroups.core import db

    return db.info().url


# --- 10. Filtering a big group's members ----------------------------------------------------


def test_the_members_filter_waits_for_a_pause_and_scans_off_the_ui_thread(
        qtbot: QtBot, shop: dict[str, int], monkeypatch: pytest.MonkeyPatch) -> None:
    from custgroups.ui import members_panel

    ids = frozenset(shop[f"C{i:05d}"] for i in range(1, 101) if i != 13)
    group = groups.save_group(GroupChange(name="Hundred", add_customer_ids=ids), "x")
    dialog = open_editor(qtbot, group)
    scans: list[tuple[str, str]] = []
    real = members_panel.matching

    def recorded(members: Any, key: str) -> Any:
        scans.append((key, threading.current_thread().name))
        return real(members, key)

    monkeypatch.setattr(members_panel, "matching", recorded)
    # A pending removal and a pending addition, both matching the filter to come.
    dialog.panel.table.setFocus()
    dialog.panel.table.selectRow(dialog.members.rowCount() - 1)  # C00100
    qtbot.keyClick(focused(), Qt.Key.Key_Delete)
    with qtbot.waitSignal(dialog.panel.changed, timeout=5000):
        dialog.panel.add_ids({shop["C00105"]})
    qtbot.waitUntil(lambda: dialog.members.rowCount() == 100, timeout=5000)
    dialog.panel.filter_edit.setFocus()
    with qtbot.waitSignal(dialog.panel.filtered, timeout=5000):
        qtbot.keyClicks(focused(), "Customer 10")  # in one go: one scan, after the pause
    assert len(scans) == 1 and scans[0][0] == "customer 10"
    assert scans[0][1] != threading.main_thread().name
    codes = [dialog.members.row_at(r).code for r in range(dialog.members.rowCount())]
    assert codes == ["C00105", "C00010", "C00100"]  # additions first, then by code
    assert [dialog.members.change_at(r) for r in range(3)] == ["added", "", "removed"]
    assert dialog.panel.count_label.text() == "3 of 99 customers (1 to add, 1 to remove)"


def test_ctrl_s_while_the_paste_is_checked_saves_once_it_is(qtbot: QtBot,
                                                            shop: dict[str, int]) -> None:
    dialog = open_editor(qtbot)
    qtbot.keyClicks(focused(), "Checked first")
    qtbot.keyClick(dialog, Qt.Key.Key_P, ALT)
    qtbot.keyClicks(focused(), "NOPE1 NOPE2")  # typed, the check has not run yet
    saved = save_by_keys(qtbot, dialog)
    assert isinstance(saved, groups.Group) and saved.name == "Checked first"
    assert groups.member_ids(saved.id) == set()


def test_alt_a_with_nothing_to_add_types_nothing(qtbot: QtBot, shop: dict[str, int]) -> None:
    dialog = open_editor(qtbot)
    paste_codes(qtbot, dialog, ["NOPE1"])
    assert not dialog.paste.add_button.isEnabled()
    qtbot.keyClick(focused(), Qt.Key.Key_A, ALT)
    assert dialog.paste.edit.toPlainText() == "NOPE1"


def test_members_that_cannot_be_read_say_so(qtbot: QtBot, shop: dict[str, int],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from custgroups.core.errors import DatabaseError
    from custgroups.ui import members_panel

    group = groups.save_group(GroupChange(name="Unreadable"), "x")

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise DatabaseError("Cannot reach the database server.")

    monkeypatch.setattr(members_panel, "list_members", broken)
    dialog = GroupDialog("clerk", group)
    qtbot.addWidget(dialog, before_close_func=lambda widget: widget.done(0))
    with qtbot.waitSignal(dialog.panel.problem, timeout=5000):
        dialog.show()
    assert dialog.panel.count_label.text() == "The members could not be read."
    assert dialog.errors["form"].text() == "Cannot reach the database server."


def test_a_pasted_number_with_thousands_separators_is_kept_whole_and_said(
        qtbot: QtBot, shop: dict[str, int]) -> None:
    dialog = open_editor(qtbot)
    paste_codes(qtbot, dialog, ["12,345 C00001"])
    assert dialog.paste.summary.text() == (
        "1 recognised · 1 unknown: 12,345 · kept whole, as numbers with thousands separators: "
        "12,345 (to paste them as separate codes, put a space or a new line between)")


def test_enter_on_the_active_box_changes_nothing(qtbot: QtBot) -> None:
    dialog = open_editor(qtbot)
    dialog.active_check.setFocus()
    with qtbot.assertNotEmitted(dialog.save_ended, wait=50):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert dialog.active_check.isChecked() and dialog.isVisible()
