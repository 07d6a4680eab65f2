"""Move to… and Copy to… in the editor: the other group, both counts first, one transaction."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from custgroups.core import customers, groups
from custgroups.core.customers import CustomerInput
from custgroups.core.groups import GroupChange
from custgroups.ui import messages
from tests.editing import focused, open_editor

pytestmark = pytest.mark.usefixtures("opened", "no_message_boxes")


@pytest.fixture
def shop() -> dict[str, int]:
    customers.upsert_customers(CustomerInput(f"C{i}", f"Customer {i}") for i in range(1, 7))
    return {r.code: r.id for r in customers.search_customers("", limit=10).rows}


def setup_groups(shop: dict[str, int]) -> tuple[groups.Group, groups.Group]:
    north = groups.save_group(GroupChange(name="North", add_customer_ids=frozenset(
        shop[c] for c in ("C1", "C2", "C3", "C4"))), "x")
    south = groups.save_group(GroupChange(name="South", add_customer_ids=frozenset(
        {shop["C4"]})), "x")
    return north, south


def select_codes(qtbot: QtBot, dialog: Any, *codes: str) -> None:
    table = dialog.panel.table
    table.setFocus()
    table.clearSelection()
    for row in range(dialog.members.rowCount()):
        if dialog.members.row_at(row).code in codes:
            rect = table.visualRect(dialog.members.index(row, 1))
            QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                             Qt.KeyboardModifier.ControlModifier, rect.center())


def answer(monkeypatch: pytest.MonkeyPatch, target: str, yes: bool) -> list[str]:
    asked: list[str] = []
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(
        lambda parent, title, label, items, current, editable: (
            asked.append(f"choices: {items}") or next(i for i in items if i.startswith(target)),
            True)))
    monkeypatch.setattr(messages, "confirm", lambda parent, title, text, action:
                        asked.append(text) or yes)
    return asked


def test_move_shows_both_counts_then_moves_and_reloads(qtbot: QtBot, shop: dict[str, int],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    north, south = setup_groups(shop)
    dialog = open_editor(qtbot, north)
    select_codes(qtbot, dialog, "C1", "C4")
    assert dialog.panel.move_button.isEnabled()
    asked = answer(monkeypatch, south.code, yes=True)
    with qtbot.waitSignal(dialog.group_loaded, timeout=10_000):  # the group read again
        QTest.mouseClick(dialog.panel.move_button, Qt.MouseButton.LeftButton)
    assert asked[0] == f"choices: ['{south.code}  South']"
    assert asked[1].splitlines() == [
        f"Move 2 customers from {north.code} to {south.code}?",
        f"{north.code} 'North': 4 → 2 members", f"{south.code} 'South': 1 → 2 members",
        f"1 customer in {south.code} already."]
    assert dialog.members.count_after_save() == 2 and not dialog.members.pending
    assert groups.get_group(south.id).member_count == 2
    assert dialog.change().expected_version == groups.get_group(north.id).version


def test_copy_declined_changes_nothing(qtbot: QtBot, shop: dict[str, int],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    north, south = setup_groups(shop)
    dialog = open_editor(qtbot, north)
    select_codes(qtbot, dialog, "C2")
    asked = answer(monkeypatch, south.code, yes=False)
    QTest.mouseClick(dialog.panel.copy_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(asked) == 2, timeout=10_000)
    assert asked[1].startswith(f"Copy 1 customer from {north.code} to {south.code}?")
    assert groups.get_group(south.id).member_count == 1
    assert groups.get_group(north.id).version == north.version


def test_unsaved_changes_come_first(qtbot: QtBot, shop: dict[str, int]) -> None:
    north, _south = setup_groups(shop)
    dialog = open_editor(qtbot, north)
    qtbot.keyClicks(focused(), " renamed")
    select_codes(qtbot, dialog, "C3")
    QTest.mouseClick(dialog.panel.move_button, Qt.MouseButton.LeftButton)
    assert "Save or cancel your changes first" in dialog.errors["form"].text()
    dialog.members.remove_ids([shop["C1"]])  # a pending removal: moving waits for Save
    assert not dialog.panel.move_button.isEnabled()
