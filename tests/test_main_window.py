"""The Customer Groups window, driven as a clerk would, on a real database."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QToolButton,
)
from pytestqt.qtbot import QtBot

from custgroups.app import open_main_window
from custgroups.core import customers, groups
from custgroups.core.customers import CustomerInput
from custgroups.core.errors import DatabaseError
from custgroups.core.groups import GroupChange, GroupPage, GroupQuery, GroupSort, Status
from custgroups.core.wording import import_summary
from custgroups.ui import main_window as main_window_module
from custgroups.ui import messages
from custgroups.ui.filter_bar import DEBOUNCE_MS
from custgroups.ui.main_window import MainWindow
from custgroups.ui.models.group_model import Column, GroupTableModel
from tests.helpers import assert_no_formulas

CONTRACT = ["codeFilter", "nameFilter", "statusFilter", "searchButton", "resetButton",
            "exportButton", "addNewButton", "groupTable", "firstPageButton", "prevPageButton",
            "nextPageButton", "lastPageButton", "pageSizeCombo", "pageLabel"]


def make_groups(count: int = 120) -> None:
    customers.upsert_customers(CustomerInput(f"C{i:03d}", f"Customer {i}") for i in range(1, 31))
    ids = customers.matching_customer_ids("")
    for i in range(count):
        groups.save_group(GroupChange(
            name=f"{['North', 'South', 'East'][i % 3]} group {i:03d}",
            description="Reserve stock for the spring" if i % 4 == 0 else f"Pricing tier {i % 5}",
            active=i % 7 != 0,
            add_customer_ids=frozenset(ids[: i % 13]) if i % 7 else frozenset()), "seed")


def open_window(qtbot: QtBot, url: str) -> MainWindow:
    """The window as the clerk first sees it: shown, with the answer to its first query."""
    window = open_main_window(url)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.idle, timeout=10_000):  # answers arrive by queued signal
        window.show()
    assert window.shown_page is not None
    return window


@pytest.fixture(autouse=True)
def _no_unexpected_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal box nobody answers would hang the run: fail instead. Tests that expect one
    replace it again."""
    def unexpected(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"unexpected message box: {args[1:3]}")

    for name in ("confirm", "inform", "warn", "done_with_folder"):
        monkeypatch.setattr(messages, name, unexpected)


@pytest.fixture
def window(qtbot: QtBot, opened: str) -> Iterator[MainWindow]:
    make_groups()
    win = open_window(qtbot, opened)
    yield win
    win.close()


def shown_codes(window: MainWindow) -> list[str]:
    return [window.model.row_at(r).code for r in range(window.model.rowCount())]  # type: ignore[union-attr]


def child(window: MainWindow, kind: type, name: str) -> Any:
    found = window.findChild(kind, name)
    assert found is not None, name
    return found


def label(window: MainWindow) -> str:
    return child(window, QLabel, "pageLabel").text()


def test_object_names_of_the_ui_contract(window: MainWindow) -> None:
    assert window.objectName() == "MainWindow"
    for name in CONTRACT:
        assert window.findChild(object, name) is not None, name


def test_first_page_and_label(window: MainWindow) -> None:
    assert label(window) == "Showing 1–50 of 120 groups"
    assert shown_codes(window)[:2] == ["CG-000001", "CG-000002"]
    assert window.windowTitle().startswith("Customer Groups")


def test_inactive_rows_are_muted_and_say_so(window: MainWindow) -> None:
    model = window.model
    row = shown_codes(window).index("CG-000001")  # i == 0: inactive
    status = model.index(row, Column.STATUS)
    assert model.data(status) == "Inactive"
    assert model.data(status, Qt.ItemDataRole.FontRole).italic()
    active_row = shown_codes(window).index("CG-000002")
    assert model.data(model.index(active_row, Column.STATUS)) == "Active"
    assert model.data(model.index(active_row, Column.NAME), Qt.ItemDataRole.FontRole) is None


def test_long_descriptions_have_the_full_text_in_a_tooltip(window: MainWindow) -> None:
    model = window.model
    index = model.index(0, Column.DESCRIPTION)
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) == "Reserve stock for the spring"
    assert child(window, QTableView, "groupTable").textElideMode() == Qt.TextElideMode.ElideRight


@pytest.mark.parametrize(
    ("field", "text", "expected_total"),
    [("codeFilter", "00011", 11), ("nameFilter", "NORTH", 40),
     ("nameFilter", "reserve stock", 30), ("nameFilter", "zzz", 0)],
)
def test_typing_in_a_filter(qtbot: QtBot, window: MainWindow, field: str, text: str,
                            expected_total: int) -> None:
    edit = child(window, QLineEdit, field)
    qtbot.keyClicks(edit, text)
    page = wait_after_debounce(qtbot, window)
    assert page.total == expected_total
    if expected_total == 0:
        assert window.stack.currentWidget() is window.empty
        assert label(window) == "No groups match these filters"
        assert window.empty.reset_button.isVisible()


def wait_after_debounce(qtbot: QtBot, window: MainWindow) -> GroupPage:
    with qtbot.waitSignal(window.page_shown, timeout=5000) as blocker:
        pass
    return blocker.args[0]


def test_status_filter_and_reset(qtbot: QtBot, window: MainWindow) -> None:
    combo = child(window, QComboBox, "statusFilter")
    with qtbot.waitSignal(window.page_shown) as blocker:
        combo.setCurrentIndex(combo.findData(Status.INACTIVE.value))
        combo.activated.emit(combo.currentIndex())
    assert blocker.args[0].total == 18
    assert all(not window.model.row_at(r).active for r in range(window.model.rowCount()))
    qtbot.keyClicks(child(window, QLineEdit, "codeFilter"), "1")
    with qtbot.waitSignal(window.page_shown) as blocker:
        qtbot.keyClick(child(window, QLineEdit, "codeFilter"), Qt.Key.Key_Return)
    with qtbot.waitSignal(window.page_shown) as blocker:
        qtbot.mouseClick(child(window, QPushButton, "resetButton"), Qt.MouseButton.LeftButton)
    assert blocker.args[0].total == 120 and blocker.args[0].page == 1
    assert child(window, QLineEdit, "codeFilter").text() == ""
    assert combo.currentData() == Status.ALL.value


def test_search_button_filters_at_once(qtbot: QtBot, window: MainWindow) -> None:
    child(window, QLineEdit, "nameFilter").setText("south")
    with qtbot.waitSignal(window.page_shown, timeout=DEBOUNCE_MS - 50) as blocker:
        qtbot.mouseClick(child(window, QPushButton, "searchButton"), Qt.MouseButton.LeftButton)
    assert blocker.args[0].total == 40


@pytest.mark.parametrize("column", list(Column))
def test_header_click_sorts_every_column(qtbot: QtBot, window: MainWindow,
                                         column: Column) -> None:
    header = child(window, QTableView, "groupTable").horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    clicks = 1 if column != Column.CODE else 2  # Code is already sorted ascending
    for _ in range(clicks):
        with qtbot.waitSignal(window.page_shown) as blocker:
            qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                             pos=QPoint(x, header.height() // 2))
    page = blocker.args[0]
    query = window.query()
    expected = groups.list_groups(GroupQuery(sort=query.sort, descending=query.descending))
    assert [g.id for g in page.rows] == [g.id for g in expected.rows]
    assert query.page == 1
    if column == Column.MEMBERS:
        counts = [g.member_count for g in page.rows]
        assert counts == sorted(counts, reverse=query.descending)


@pytest.mark.parametrize("size", [25, 50, 100, 200])
def test_paging_through_with_every_page_size(qtbot: QtBot, window: MainWindow,
                                             size: int) -> None:
    combo = child(window, QComboBox, "pageSizeCombo")
    if size != window.query().page_size:
        with qtbot.waitSignal(window.page_shown):
            combo.setCurrentIndex(combo.findData(size))
            combo.activated.emit(combo.currentIndex())
    seen = shown_codes(window)
    next_button = child(window, QToolButton, "nextPageButton")
    while next_button.isEnabled():
        with qtbot.waitSignal(window.page_shown):
            qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
        seen += shown_codes(window)
    assert seen == [f"CG-{n:06d}" for n in range(1, 121)]
    last_first = (120 - 1) // size * size + 1
    assert label(window) == f"Showing {last_first}–120 of 120 groups"
    if size < 120:
        with qtbot.waitSignal(window.page_shown):
            qtbot.mouseClick(child(window, QToolButton, "firstPageButton"),
                             Qt.MouseButton.LeftButton)
    assert label(window) == f"Showing 1–{min(size, 120)} of 120 groups"
    assert not child(window, QToolButton, "prevPageButton").isEnabled()
    if size < 120:
        with qtbot.waitSignal(window.page_shown):
            qtbot.mouseClick(child(window, QToolButton, "lastPageButton"),
                             Qt.MouseButton.LeftButton)
        assert shown_codes(window)[-1] == "CG-000120"


def test_filtering_returns_to_page_one(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.page_shown):
        qtbot.mouseClick(child(window, QToolButton, "lastPageButton"), Qt.MouseButton.LeftButton)
    assert window.query().page == 3
    qtbot.keyClicks(child(window, QLineEdit, "nameFilter"), "group")
    page = wait_after_debounce(qtbot, window)
    assert page.page == 1


def test_rapid_typing_issues_one_query(qtbot: QtBot, window: MainWindow,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[GroupQuery] = []
    real = main_window_module.list_groups

    def counting(query: GroupQuery) -> GroupPage:
        calls.append(query)
        return real(query)

    monkeypatch.setattr(main_window_module, "list_groups", counting)
    qtbot.keyClicks(child(window, QLineEdit, "nameFilter"), "south group 01")
    wait_after_debounce(qtbot, window)
    with qtbot.assertNotEmitted(window.page_shown, wait=DEBOUNCE_MS + 100):
        pass
    assert [q.text for q in calls] == ["south group 01"]


def test_a_late_answer_to_an_older_query_is_dropped(qtbot: QtBot, window: MainWindow,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()
    real = main_window_module.list_groups

    def slow_for_north(query: GroupQuery) -> GroupPage:
        if query.text == "north":
            release.wait(5)  # the older question takes its time
        return real(query)

    monkeypatch.setattr(main_window_module, "list_groups", slow_for_north)
    shown: list[GroupPage] = []
    window.page_shown.connect(shown.append)
    bar = window.filter_bar
    bar.text_edit.setText("north")
    bar.search_button.click()
    bar.text_edit.setText("south")
    bar.search_button.click()
    with qtbot.waitSignal(window.idle, timeout=5000):  # both questions answered
        release.set()
    assert [p.total for p in shown] == [40]
    assert all("South" in g.name for g in shown[0].rows)


def test_deactivate_asks_with_the_member_count_then_activate(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def confirm(parent: Any, title: str, text: str, action: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(messages, "confirm", confirm)
    row = shown_codes(window).index("CG-000006")  # i == 5: active, 5 members
    window.table.selectRow(row)
    assert window.toggle_action.text() == "&Deactivate"
    with qtbot.waitSignal(window.page_shown):
        window.toggle_action.trigger()
    assert "5 customers" in asked[0] and "CG-000006" in asked[0]
    assert not groups.get_group_by_code("CG-000006").active
    window.table.selectRow(shown_codes(window).index("CG-000006"))
    assert window.toggle_action.text() == "&Activate"
    with qtbot.waitSignal(window.page_shown):
        window.toggle_action.trigger()
    assert len(asked) == 1  # activating needs no confirmation
    assert groups.get_group_by_code("CG-000006").active


def test_declining_deactivation_changes_nothing(qtbot: QtBot, window: MainWindow,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(messages, "confirm", lambda *args: False)
    window.table.selectRow(shown_codes(window).index("CG-000002"))
    with qtbot.assertNotEmitted(window.page_shown, wait=100):
        window.toggle_action.trigger()
    assert groups.get_group_by_code("CG-000002").active


def test_export_runs_in_the_background_with_progress(qtbot: QtBot, window: MainWindow,
                                                     tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from custgroups.ui.export_dialog import ExportDialog

    target = tmp_path / "out.xlsx"
    monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda cls, *a: (target, True)))
    told: list[str] = []
    monkeypatch.setattr(messages, "done_with_folder",
                        lambda parent, title, text: told.append(text) or False)
    qtbot.keyClicks(child(window, QLineEdit, "nameFilter"), "north")
    wait_after_debounce(qtbot, window)
    with qtbot.waitSignal(window.export_finished, timeout=20_000) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    result = blocker.args[0]
    assert result.groups == 40 and result.paths == (target,)
    assert told == [f"Saved to {target}."]
    book = assert_no_formulas(target)
    assert book["Groups"].max_row == 41


def test_cancelled_export_leaves_no_file(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from custgroups.ui.export_dialog import ExportDialog

    target = tmp_path / "cancelled.xlsx"
    monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda cls, *a: (target, True)))
    started = threading.Event()
    real_rows = groups.member_rows

    def slow_member_rows(group_id: int) -> list[tuple[str, str, str, bool]]:
        started.set()
        threading.Event().wait(0.02)
        return real_rows(group_id)

    monkeypatch.setattr("custgroups.core.sheets.export.member_rows", slow_member_rows)
    with qtbot.waitSignal(window.export_finished, timeout=20_000) as blocker:
        window.export_action.trigger()
        qtbot.waitUntil(started.is_set, timeout=5000)
        assert window.export_job is not None
        window.export_job.cancel()
    from custgroups.core.errors import Cancelled

    assert isinstance(blocker.args[0], Cancelled)
    assert list(tmp_path.glob("*.xlsx")) == [] and list(tmp_path.glob(".*part")) == []


def test_a_database_error_is_one_sentence_in_the_window(qtbot: QtBot, window: MainWindow,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(query: GroupQuery) -> GroupPage:
        raise DatabaseError("The database is busy: another program has kept it locked. "
                            "Nothing was saved; try again in a moment.")

    monkeypatch.setattr(main_window_module, "list_groups", broken)
    window.refresh()
    qtbot.waitUntil(window.error_banner.isVisible, timeout=5000)
    assert window.error_banner.text().startswith("The database is busy")
    monkeypatch.undo()
    with qtbot.waitSignal(window.page_shown):
        window.refresh()
    assert not window.error_banner.isVisible()


def test_an_unreadable_database_is_refused_in_plain_words(tmp_path: Path, qtbot: QtBot) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all " * 100)
    with pytest.raises(DatabaseError, match="is not a custgroups database"):
        open_main_window(str(junk))


def test_first_run_state_on_an_empty_database(qtbot: QtBot, opened: str) -> None:
    window = open_window(qtbot, opened)
    assert window.stack.currentWidget() is window.empty
    assert window.empty.title.text() == "No customer groups yet"
    assert window.empty.add_button.isVisible() and window.empty.import_button.isVisible()
    assert not window.empty.reset_button.isVisible()
    assert label(window) == "No groups yet"
    window.close()


def test_settings_come_back_on_the_next_start(qtbot: QtBot, opened: str) -> None:
    make_groups(60)
    first = open_window(qtbot, opened)
    first.resize(700, 500)  # the offscreen screen is 800 × 600
    first.table.horizontalHeader().resizeSection(Column.NAME, 333)
    first.filter_bar.text_edit.setText("north")
    with qtbot.waitSignal(first.page_shown):
        first.filter_bar.search_button.click()
    with qtbot.waitSignal(first.page_shown):
        first.pager.size_combo.setCurrentIndex(first.pager.size_combo.findData(25))
        first.pager.size_combo.activated.emit(first.pager.size_combo.currentIndex())
    with qtbot.waitSignal(first.page_shown):
        first.model.sort(Column.MEMBERS, Qt.SortOrder.DescendingOrder)
    first.close()

    second = open_window(qtbot, opened)
    query = second.query()
    assert (query.text, query.page_size, query.sort, query.descending) == (
        "north", 25, GroupSort.MEMBERS, True)
    assert second.filter_bar.text_edit.text() == "north"
    assert second.pager.size_combo.currentData() == 25
    assert second.table.horizontalHeader().sectionSize(Column.NAME) == 333
    assert second.table.horizontalHeader().sortIndicatorSection() == Column.MEMBERS
    assert second.size().width() == 700
    second.close()


def test_keyboard_shortcuts(qtbot: QtBot, window: MainWindow,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    from custgroups.ui.group_form import GroupDialog

    opened_dialogs: list[Any] = []
    monkeypatch.setattr(GroupDialog, "edit",
                        classmethod(lambda cls, who, group, parent: opened_dialogs.append(group)))
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert opened_dialogs == [None]
    window.table.setFocus()
    assert window.table.currentIndex().row() == 0
    qtbot.keyClick(window.table, Qt.Key.Key_Down)  # from the first row to the second, alone
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(opened_dialogs) == 2, timeout=5000)  # read off the UI thread
    assert opened_dialogs[-1].code == "CG-000002"
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.filter_bar.text_edit.hasFocus()
    with qtbot.waitSignal(window.page_shown):
        qtbot.keyClick(window, Qt.Key.Key_F5)


def test_context_menu_offers_the_row_actions(window: MainWindow) -> None:
    names = [a.objectName() for a in (window.edit_action, window.toggle_action,
                                      window.history_action)]
    assert names == ["editAction", "toggleActiveAction", "historyAction"]
    assert window.table.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu


def test_add_new_through_the_dialog(qtbot: QtBot, window: MainWindow,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from custgroups.ui.group_form import GroupDialog

    def fill_and_save(cls: Any, who: str, group: Any, parent: Any) -> Any:
        dialog = GroupDialog(who, group, parent)
        dialog.name_edit.setText("")
        dialog.accept()  # refused: the error shows beside the field, the dialog stays
        assert dialog.errors["name"].text() == "Group Name is required."
        dialog.name_edit.setText("south GROUP  001")
        with qtbot.waitSignal(dialog.save_ended, timeout=5000):
            dialog.accept()
        assert dialog.errors["name"].text() == ("A group named 'South group 001' already "
                                                "exists (CG-000002).")
        dialog.name_edit.setText("Brand new")
        dialog.description_edit.setPlainText("Made in a test")
        dialog.accept()
        qtbot.waitUntil(lambda: dialog.saved is not None, timeout=5000)
        return dialog.saved

    monkeypatch.setattr(GroupDialog, "edit", classmethod(fill_and_save))
    with qtbot.waitSignal(window.page_shown):
        window.add_action.trigger()
    assert groups.get_group_by_code("CG-000121").name == "Brand new"


def test_history_dialog_lists_the_changes(qtbot: QtBot, window: MainWindow,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from custgroups.ui import history_view

    shown: list[Any] = []
    monkeypatch.setattr(history_view.HistoryDialog, "exec", lambda self: shown.append(self))
    window.table.selectRow(shown_codes(window).index("CG-000006"))
    window.history_action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    model = shown[0].model
    assert model.rowCount() == 2
    assert model.data(model.index(1, 2)) == "Created as 'East group 005'"
    group = groups.get_group_by_code("CG-000006")
    codes = sorted(r.code for r in groups.list_members(group.id).rows)
    assert model.data(model.index(0, 3)) == ", ".join(codes)


def test_models_pass_the_model_tester(qtmodeltester: Any, window: MainWindow) -> None:
    qtmodeltester.check(window.model)
    from custgroups.core.history import group_history
    from custgroups.ui.history_view import HistoryModel

    history = HistoryModel()
    history.set_rows(group_history(6))
    qtmodeltester.check(history)
    empty = GroupTableModel()
    qtmodeltester.check(empty)


def test_header_widths_fit(window: MainWindow) -> None:
    header = window.table.horizontalHeader()
    assert header.sectionResizeMode(Column.DESCRIPTION) == QHeaderView.ResizeMode.Stretch


def test_sample_data_fills_an_empty_database(qtbot: QtBot, opened: str) -> None:
    window = open_window(qtbot, opened)
    button = window.findChild(QPushButton, "sampleDataButton")
    assert button.isVisible()
    with qtbot.waitSignal(window.page_shown, timeout=30_000) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].total == 60
    assert window.stack.currentWidget() is window.table
    window.close()


def test_export_reports_progress(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from custgroups.ui.export_dialog import ExportDialog

    monkeypatch.setattr(ExportDialog, "ask",
                        classmethod(lambda cls, *a: (tmp_path / "p.xlsx", True)))
    monkeypatch.setattr(messages, "done_with_folder", lambda *args: False)
    seen: list[tuple[int, int]] = []
    with qtbot.waitSignal(window.export_finished, timeout=20_000):
        window.export_action.trigger()
        # Progress arrives by queued signal, so connecting now misses none of it.
        assert window.export_job is not None
        window.export_job.progressed.connect(lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1]
    assert window.findChild(object, "exportProgress") is not None


def test_the_application_has_its_names_and_icon(window: MainWindow) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    assert QCoreApplication.organizationName() == "custgroups"
    assert QCoreApplication.applicationName() == "custgroups"
    assert not QApplication.windowIcon().isNull()


def test_unexpected_errors_are_logged_and_shown(qtbot: QtBot, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from custgroups import app
    from custgroups.core.logs import setup_logging

    log_path = setup_logging()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()))
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError as exc:
        app._excepthook(type(exc), exc, exc.__traceback__)
    assert shown and "Something unexpected went wrong" in shown[0]
    assert log_path is not None and "boom in a slot" in log_path.read_text(encoding="utf-8")


def test_import_customers_from_the_window(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "inform", lambda parent, title, text: told.append((title, text)))
    monkeypatch.setattr(messages, "warn",
                        lambda parent, title, text, details="": told.append((title, details)))
    from custgroups.ui.import_preview import ImportPreviewDialog

    previewed: list[str] = []
    monkeypatch.setattr(ImportPreviewDialog, "ask", classmethod(
        lambda cls, plans, path, parent: previewed.append(import_summary(plans.plan(False)))
        or False))
    good = tmp_path / "erp.csv"
    good.write_text("Customer Code,Customer Name\nN001,New One\nC001,Renamed\n")
    job = window.import_customers(good)
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert previewed == ["1 new · 1 updated (name 1)"]
    assert told[0] == ("Customers imported", "erp.csv: 1 new · 1 updated (name 1).")
    assert window.findChild(object, "importProgress") is not None
    bad = tmp_path / "bad.csv"
    bad.write_text("Customer Code,Customer Name\nN002,\n")
    window.import_customers(bad)
    qtbot.waitUntil(lambda: len(told) == 2, timeout=10_000)
    assert told[1] == ("Nothing was imported", "Row 2: Customer name is missing.")
    assert job is not None


def test_the_launcher_opens_the_window_as_the_user_given(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from custgroups import __main__ as launcher
    from custgroups import app

    url = f"sqlite:///{(tmp_path / 'kim.db').as_posix()}"
    shown: list[MainWindow] = []

    def run(database: str | None, user: str | None) -> int:  # the window, without its loop
        window = app.open_main_window(database, create=True, user=user)
        qtbot.addWidget(window)
        shown.append(window)
        return 0

    monkeypatch.setattr(app, "run", run)
    assert launcher.main(["--database", url, "--user", "kim"]) == 0
    assert shown[0].statusBar().currentMessage().endswith("You: kim")
    assert launcher.main(["--database", url]) == 0  # no --user: the login name (tests: tester)
    assert shown[1].statusBar().currentMessage().endswith("You: tester")


def test_stored_list_settings_that_no_longer_fit_fall_back_to_defaults() -> None:
    from PySide6.QtCore import QSettings

    from custgroups.qt.settings import APPLICATION, ORGANIZATION, Settings

    store = QSettings(ORGANIZATION, APPLICATION)
    for key, value in (("list/status", "archived"), ("list/sort", "colour"),
                       ("list/page_size", "33"), ("list/code", "CG-"), ("list/descending", "x")):
        store.setValue(key, value)
    store.sync()
    assert Settings().list_query == GroupQuery(code="CG-")
    settings = Settings()
    wanted = GroupQuery(text="north", status=Status.INACTIVE, sort=GroupSort.UPDATED,
                        descending=True, page_size=200)
    settings.list_query = replace(wanted, page=7)
    settings.sync()
    assert Settings().list_query == wanted  # the list starts again on page 1
