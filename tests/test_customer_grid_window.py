"""The pasted list in the Customers window, as a clerk uses it: paste codes, read the grid of
their groups, tick and untick, save; a group someone else changed keeps its ticks, an
inactive customer is refused in words, and closing asks before unsaved ticks are dropped."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from custgroups.core import events, groups
from custgroups.core.group_list import GroupQuery, Status, iter_groups
from custgroups.ui import messages
from custgroups.ui.customer_grid import CustomerGridPanel
from custgroups.ui.customers_window import CustomersWindow
from custgroups.ui.group_chooser import GroupChooser
from custgroups.ui.models.grid_model import FIXED
from tests.group_helpers import _create, _edit
from tests.lists_helpers import make_shop
from tests.window_helpers import open_window

pytestmark = pytest.mark.usefixtures("no_message_boxes")
ALT = Qt.KeyboardModifier.AltModifier
_main: list[Any] = []  # the main window of the test running
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def shop(opened: str) -> dict[str, int]:
    """C00001–C00008 (C00007 inactive); North holds 1–3, South 3–4, Spare nobody."""
    ids = make_shop(8, {7})
    _create("North", add_customer_ids=frozenset(ids[f"C0000{n}"] for n in (1, 2, 3)))
    _create("South", add_customer_ids=frozenset(ids[f"C0000{n}"] for n in (3, 4)))
    _create("Spare")
    return ids


def _open_grid(qtbot: QtBot, url: str) -> tuple[CustomersWindow, CustomerGridPanel]:
    """Ctrl+2 in the main window, then Alt+L for the pasted list, Alt+C for its box."""
    window = open_window(qtbot, url)
    _main[:] = [window]
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_2, CTRL)
    found = window.customers
    assert found is not None
    qtbot.addWidget(found, before_close_func=lambda w: w.grid.model.discard())
    found.activateWindow()
    qtbot.waitUntil(found.isActiveWindow, timeout=2000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_L, ALT)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_C, ALT)
    assert QApplication.focusWidget() is found.grid.paste
    return found, found.grid


def _paste(qtbot: QtBot, grid: CustomerGridPanel, codes: list[str]) -> None:
    QGuiApplication.clipboard().setText("\n".join(codes))
    with qtbot.waitSignal(grid.shown, timeout=5000):
        qtbot.keyClick(grid.paste, Qt.Key.Key_V, CTRL)


def _rows(grid: CustomerGridPanel) -> list[str]:
    model = grid.model
    return [model.customer_at(r).code for r in range(model.rowCount())]  # type: ignore


def _headers(grid: CustomerGridPanel) -> list[str]:
    model = grid.model
    return [str(model.headerData(c, Qt.Orientation.Horizontal)).split("\n")[-1]
            for c in range(FIXED, model.columnCount())]


def _tick(qtbot: QtBot, grid: CustomerGridPanel, code: str, group: str) -> None:
    """Click the cell, then Space, as a clerk ticks with the keyboard."""
    row = _rows(grid).index(code)
    column = FIXED + _headers(grid).index(group)
    table = grid.table
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(grid.model.index(row, column)).center())
    qtbot.keyClick(table, Qt.Key.Key_Space)


def _save(qtbot: QtBot, grid: CustomerGridPanel) -> None:
    with qtbot.waitSignal(grid.saved, timeout=10_000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, CTRL)


def _codes_of(name: str) -> set[str]:
    group = next(g for g in iter_groups(GroupQuery(status=Status.ALL)) if g.name == name)
    return {code for code, *_ in groups.member_rows(group.id)}


def test_paste_tick_and_save_at_once(qtbot: QtBot, opened: str, shop: dict[str, int]) -> None:
    found, grid = _open_grid(qtbot, opened)
    _paste(qtbot, grid, ["C00004", "C00001", "ZZ9", "C00004", "C00005"])
    assert _rows(grid) == ["C00004", "C00001", "C00005"]
    assert _headers(grid) == ["North", "South"]
    assert grid.summary.text() == ("3 customers in 2 groups · 1 unknown: ZZ9 · 1 duplicate")
    _tick(qtbot, grid, "C00005", "South")  # add
    _tick(qtbot, grid, "C00001", "North")  # remove
    assert grid.shown_label.text().endswith("2 changed ticks not saved")
    _save(qtbot, grid)  # Ctrl+S straight after the last tick
    assert _codes_of("North") == {"C00002", "C00003"}
    assert _codes_of("South") == {"C00003", "C00004", "C00005"}
    assert grid.model.pending == 0 and "Saved 2 groups" in grid.notice.text()
    ways = {(c.customer_code, c.how) for c in events.iter_changes(datetime(2000, 1, 1))
            if c.how == "customers"}
    assert ways == {("C00005", "customers"), ("C00001", "customers")}
    qtbot.waitUntil(lambda: found.model.rowCount() > 0, timeout=5000)


def test_in_none_of_the_chosen_groups_is_one_filter_away(
        qtbot: QtBot, opened: str, shop: dict[str, int],
        monkeypatch: pytest.MonkeyPatch) -> None:
    _found, grid = _open_grid(qtbot, opened)
    south = groups.get_group_by_code("CG-000002")
    monkeypatch.setattr(GroupChooser, "choose",
                        classmethod(lambda cls, all_groups, chosen, parent: [south.id]))
    _paste(qtbot, grid, ["C00001", "C00003", "C00005", "C00006"])
    assert _headers(grid) == ["North", "South"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_G, ALT)
    with qtbot.waitSignal(grid.shown, timeout=5000):
        qtbot.keyClick(grid.columns, Qt.Key.Key_Down)  # "Groups I choose…"
    assert _headers(grid) == ["South"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_W, ALT)
    qtbot.keyClick(grid.filter, Qt.Key.Key_Down)  # "In none of these groups"
    assert _rows(grid) == ["C00001", "C00005", "C00006"]


def test_a_group_changed_meanwhile_keeps_its_ticks_until_saved_again(
        qtbot: QtBot, opened: str, shop: dict[str, int]) -> None:
    _found, grid = _open_grid(qtbot, opened)
    _paste(qtbot, grid, ["C00005", "C00001"])
    _tick(qtbot, grid, "C00005", "North")
    north = groups.get_group_by_code("CG-000001")
    groups.save_group(_edit(north, description="Changed by bob"), "bob")
    _save(qtbot, grid)
    assert "left as they were" in grid.problem.text() and "CG-000001" in grid.problem.text()
    assert grid.model.pending == 1 and "C00005" not in _codes_of("North")
    _save(qtbot, grid)  # against the version now shown
    assert "C00005" in _codes_of("North") and grid.model.pending == 0


def test_an_inactive_customer_is_refused_in_words(qtbot: QtBot, opened: str,
                                                  shop: dict[str, int]) -> None:
    _found, grid = _open_grid(qtbot, opened)
    _paste(qtbot, grid, ["C00007", "C00001"])
    _tick(qtbot, grid, "C00007", "North")
    assert grid.model.pending == 0
    assert grid.problem.text() == "C00007 is inactive, and inactive customers join no group."


def test_closing_with_unsaved_ticks_asks_first(qtbot: QtBot, opened: str, shop: dict[str, int],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    found, grid = _open_grid(qtbot, opened)
    _paste(qtbot, grid, ["C00005", "C00001"])
    _tick(qtbot, grid, "C00005", "North")
    answers = [False, True]
    monkeypatch.setattr(messages, "confirm", lambda *a: answers.pop(0))
    assert not found.close() and found.isVisible() and grid.model.pending == 1
    assert found.close() and not answers
    assert "C00005" not in _codes_of("North")


def test_the_chooser_ticks_groups_by_keyboard(qtbot: QtBot, opened: str,
                                              shop: dict[str, int]) -> None:
    every = list(iter_groups(GroupQuery(status=Status.ALL)))
    chooser = GroupChooser(every, {every[0].id})
    qtbot.addWidget(chooser)
    chooser.show()
    qtbot.keyClicks(chooser.filter, "spa")
    visible = [chooser.list.item(i) for i in range(chooser.list.count())
               if not chooser.list.item(i).isHidden()]
    assert [item.text() for item in visible] == ["CG-000003  Spare"]
    chooser.list.setCurrentItem(visible[0])
    qtbot.keyClick(chooser.list, Qt.Key.Key_Space)
    assert chooser.chosen() == [every[0].id, every[2].id]


def test_export_writes_the_customers_shown_and_their_groups(
        qtbot: QtBot, opened: str, shop: dict[str, int], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    _found, grid = _open_grid(qtbot, opened)
    target = tmp_path / "pricing.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    monkeypatch.setattr(messages, "done_with_folder", lambda *args: False)
    _paste(qtbot, grid, ["C00004", "C00001", "C00005"])
    _tick(qtbot, grid, "C00005", "North")
    assert not grid.export_button.isEnabled()  # the file shows groups as saved
    qtbot.keyClick(grid.table, Qt.Key.Key_Space)  # the tick undone
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_W, ALT)
    qtbot.keyClick(grid.filter, Qt.Key.Key_Down)  # in none of these groups
    qtbot.keyClick(grid.filter, Qt.Key.Key_Down)  # in some of them
    with qtbot.waitSignal(_main[0].export_finished, timeout=10_000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_X, ALT)
    sheet = openpyxl.load_workbook(target).active
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["Customer code", "Customer name", "Status", "CG-000001 North", "CG-000002 South"],
        ["C00004", "Customer 4", "Active", None, "yes"],
        ["C00001", "Customer 1", "Active", "yes", None]]


def test_a_tick_made_while_a_save_runs_stays_to_be_saved(
        qtbot: QtBot, opened: str, shop: dict[str, int],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from custgroups.ui import customer_grid

    _found, grid = _open_grid(qtbot, opened)
    _paste(qtbot, grid, ["C00005", "C00001", "C00004"])
    release = threading.Event()
    real = customer_grid.save_grid

    def held(*args: Any) -> Any:
        assert release.wait(10)
        return real(*args)

    monkeypatch.setattr(customer_grid, "save_grid", held)
    _tick(qtbot, grid, "C00005", "North")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, CTRL)  # the save is on its way
    _tick(qtbot, grid, "C00005", "South")  # while it runs
    with qtbot.waitSignal(grid.saved, timeout=10_000):
        release.set()
    assert "C00005" in _codes_of("North") and "C00005" not in _codes_of("South")
    assert grid.model.pending == 1
    assert grid.model.ticked(shop["C00005"], groups.get_group_by_code("CG-000002").id)
    _save(qtbot, grid)
    assert "C00005" in _codes_of("South") and grid.model.pending == 0
