"""The Customer Groups window's list as a clerk drives it: filters, sorting, paging, settings."""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QToolButton,
)
from pytestqt.qtbot import QtBot

from custgroups.core import groups
from custgroups.core.errors import DatabaseError, tr
from custgroups.core.groups import GroupPage, GroupQuery, GroupSort, Status
from custgroups.ui import main_window as main_window_module
from custgroups.ui.filter_bar import DEBOUNCE_MS
from custgroups.ui.main_window import MainWindow
from custgroups.ui.models.group_model import Column, GroupTableModel
from tests import window_helpers
from tests.window_helpers import (
    child,
    label,
    make_groups,
    open_window,
    shown_codes,
    wait_after_debounce,
)

# The window's shared fixtures, found by pytest under these names; the first fails every test
# here on a message box it did not answer.
_no_unexpected_dialogs = window_helpers._no_unexpected_dialogs
window = window_helpers.window


CONTRACT = ["codeFilter", "nameFilter", "statusFilter", "searchButton", "resetButton",
            "exportButton", "addNewButton", "groupTable", "firstPageButton", "prevPageButton",
            "nextPageButton", "lastPageButton", "pageSizeCombo", "pageLabel"]


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


def test_a_database_error_is_one_sentence_in_the_window(qtbot: QtBot, window: MainWindow,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(query: GroupQuery) -> GroupPage:
        raise DatabaseError(tr("The database is busy: another program has kept it locked. "
                               "Nothing was saved; try again in a moment."))

    monkeypatch.setattr(main_window_module, "list_groups", broken)
    window.refresh()
    qtbot.waitUntil(window.error_banner.isVisible, timeout=5000)
    assert window.error_banner.text().startswith("The database is busy")
    monkeypatch.undo()
    with qtbot.waitSignal(window.page_shown):
        window.refresh()
    assert not window.error_banner.isVisible()


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
