"""The members table by state (all, active, inactive, pending), and removing the inactive."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from custgroups.core import customers, groups
from custgroups.core.customers import CustomerInput
from custgroups.core.groups import GroupChange
from custgroups.ui.group_form import GroupDialog
from custgroups.ui.models.members_model import MemberState
from tests.editing import open_editor, save_by_keys

pytestmark = pytest.mark.usefixtures("opened", "no_message_boxes")


@pytest.fixture
def group() -> groups.Group:
    """C1–C5; C2 and C4 went inactive after joining."""
    customers.upsert_customers(CustomerInput(f"C{i}", f"Customer {i}") for i in range(1, 6))
    ids = frozenset(r.id for r in customers.search_customers("", limit=10).rows)
    made = groups.save_group(GroupChange(name="North", add_customer_ids=ids), "x")
    customers.upsert_customers([CustomerInput("C2", "Customer 2", active=False),
                                CustomerInput("C4", "Customer 4", active=False)])
    return made


def shown(dialog: GroupDialog) -> list[str]:
    return [dialog.members.row_at(r).code  # type: ignore[union-attr]
            for r in range(dialog.members.rowCount())]


def choose(qtbot: QtBot, dialog: GroupDialog, state: MemberState) -> None:
    combo = dialog.panel.state_combo
    combo.setFocus()
    target = combo.findData(state.value)
    for _ in range(combo.count()):
        if combo.currentIndex() == target:
            break
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)
    assert combo.currentIndex() == target


def test_states_filter_the_table_and_the_inactive_go_in_one_click(
        qtbot: QtBot, group: groups.Group) -> None:
    dialog = open_editor(qtbot, group)
    button = dialog.panel.remove_inactive_button
    assert button.isVisible() and button.text() == "Remove the 2 Inactive Customers"
    choose(qtbot, dialog, MemberState.ACTIVE)
    assert shown(dialog) == ["C1", "C3", "C5"]
    assert dialog.panel.count_label.text() == "3 of 5 customers"
    choose(qtbot, dialog, MemberState.INACTIVE)
    assert shown(dialog) == ["C2", "C4"]
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert dialog.members.count_after_save() == 3 and not button.isVisible()
    choose(qtbot, dialog, MemberState.PENDING)
    assert shown(dialog) == ["C2", "C4"]  # struck through until saved
    dialog.panel.table.setFocus()
    dialog.panel.table.selectRow(0)
    QTest.mouseClick(dialog.panel.undo_button, Qt.MouseButton.LeftButton)
    assert shown(dialog) == ["C4"]  # C2 stays after all: no longer pending
    choose(qtbot, dialog, MemberState.INACTIVE)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    saved = save_by_keys(qtbot, dialog)
    assert {code for code, *_ in groups.member_rows(saved.id)} == {"C1", "C3", "C5"}


def test_no_button_when_every_member_is_active(qtbot: QtBot) -> None:
    customers.upsert_customers([CustomerInput("A1", "Alpha")])
    made = groups.save_group(GroupChange(name="Fine", add_customer_ids=frozenset(
        r.id for r in customers.search_customers("", limit=5).rows)), "x")
    dialog = open_editor(qtbot, made)
    assert not dialog.panel.remove_inactive_button.isVisible()
