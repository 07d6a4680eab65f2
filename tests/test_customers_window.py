"""The Customers window, as a clerk uses it: find a customer, see their groups since when and
by whom, take them out of one and add them to another."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot

from custgroups.core import customers, groups
from custgroups.core.customers import CustomerInput
from custgroups.ui.customers_window import CustomersWindow
from tests.db_helpers import recorded
from tests.group_helpers import _create
from tests.window_helpers import open_window

pytestmark = pytest.mark.usefixtures("no_message_boxes")


@pytest.fixture
def shop(opened: str) -> dict[str, int]:
    customers.upsert_customers([
        CustomerInput("C001", "Nordic Timber", city="Oslo"),
        CustomerInput("C002", "Baltic Amber", city="Riga"),
        CustomerInput("C003", "Fjord Fish", city="Bergen"),
    ])
    ids = {c: customers.matching_customer_ids(c)[0] for c in ("C001", "C002", "C003")}
    _create("North", add_customer_ids=frozenset({ids["C001"], ids["C002"]}))
    _create("Timber buyers", add_customer_ids=frozenset({ids["C001"]}))
    _create("South")
    return ids


def _open(qtbot: QtBot, url: str) -> CustomersWindow:
    window = open_window(qtbot, url)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    found = window.customers
    assert found is not None
    qtbot.addWidget(found)
    qtbot.waitUntil(lambda: found.model.rowCount() > 0, timeout=5000)
    found.activateWindow()
    qtbot.waitUntil(found.isActiveWindow, timeout=2000)
    return found


def _cell(table: Any, row: int, column: int) -> str:
    return str(table.model().data(table.model().index(row, column)))


def test_find_a_customer_and_see_their_groups(qtbot: QtBot, opened: str,
                                              shop: dict[str, int]) -> None:
    found = _open(qtbot, opened)
    assert QApplication.focusWidget() is found.search
    with qtbot.waitSignal(found.groups_shown, timeout=5000):
        qtbot.keyClicks(found.search, "timber")
    assert [_cell(found.table, 0, c) for c in (0, 5)] == ["C001", "2"]
    assert [_cell(found.groups_table, r, 1) for r in range(2)] == ["North", "Timber buyers"]
    assert _cell(found.groups_table, 0, 4) == recorded("alice")
    assert "C001 Nordic Timber is in 2 groups" in found.customer_label.text()


def test_in_no_group_is_one_choice_away(qtbot: QtBot, opened: str,
                                        shop: dict[str, int]) -> None:
    found = _open(qtbot, opened)
    found.saved.setFocus()
    with qtbot.waitSignal(found.page_shown, timeout=5000):
        qtbot.keyClick(found.saved, Qt.Key.Key_Down)  # "In no group"
    assert [_cell(found.table, r, 0) for r in range(found.model.rowCount())] == ["C003"]


def test_take_out_of_one_group_and_add_to_another(qtbot: QtBot, opened: str,
                                                  shop: dict[str, int],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    found = _open(qtbot, opened)
    with qtbot.waitSignal(found.groups_shown, timeout=5000):
        qtbot.keyClicks(found.search, "C001")
    rect = found.groups_table.visualRect(found.groups_model.index(0, 0))
    QTest.mouseClick(found.groups_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(found.groups_shown, timeout=5000):
        QTest.mouseClick(found.remove_button, Qt.MouseButton.LeftButton)
    north = groups.get_group_by_code("CG-000001")
    assert shop["C001"] not in groups.member_ids(north.id)
    assert [_cell(found.groups_table, r, 1) for r in range(1)] == ["Timber buyers"]
    latest = found.timeline.item(0).text()
    assert "removed from CG-000001 by" in latest
    assert found.timeline.count() == 3  # added to two groups, then removed from one

    asked: list[list[str]] = []

    def choose(*args: Any) -> tuple[str, bool]:
        asked.append(args[3])
        return next(label for label in args[3] if label.startswith("CG-000003")), True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    with qtbot.waitSignal(found.groups_shown, timeout=5000):
        QTest.mouseClick(found.add_button, Qt.MouseButton.LeftButton)
    assert all("Timber buyers" not in label for label in asked[0])  # not where they are
    south = groups.get_group_by_code("CG-000003")
    assert shop["C001"] in groups.member_ids(south.id)
    assert {_cell(found.groups_table, r, 1) for r in range(2)} == {"Timber buyers", "South"}


def test_a_reader_cannot_change_memberships_here(qtbot: QtBot, opened: str,
                                                 shop: dict[str, int]) -> None:
    found = CustomersWindow("rita", can_edit=False)
    qtbot.addWidget(found)
    found.show()
    qtbot.waitUntil(lambda: found.model.rowCount() == 3, timeout=5000)
    qtbot.waitUntil(lambda: found.groups_model.rowCount() == 2, timeout=5000)
    assert not found.add_button.isEnabled() and not found.remove_button.isEnabled()
