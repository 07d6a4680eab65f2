"""The customer picker: search as you type, lazy pages, ticks, select all matching."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from custgroups.core import customers
from custgroups.core.customers import CustomerInput
from custgroups.ui import customer_picker
from custgroups.ui.customer_picker import CustomerPicker

pytestmark = pytest.mark.usefixtures("opened")


@pytest.fixture
def picker(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> CustomerPicker:
    monkeypatch.setattr(customer_picker, "BATCH", 50)
    customers.upsert_customers(
        CustomerInput(f"C{i:04d}", f"{'Berg' if i % 2 else 'Dal'} Trading {i}", city="Oslo",
                      active=i % 10 != 0) for i in range(1, 501))
    members = set(customers.matching_customer_ids("c000"))  # C0001–C0009 are in the group
    dialog = CustomerPicker(members)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.total == 500, timeout=5000)
    return dialog


def test_contract_and_first_batch(picker: CustomerPicker) -> None:
    for name in ("pickerSearch", "pickerTable", "pickerSelectAllButton", "pickerSelectedLabel",
                 "okButton", "cancelButton"):
        assert picker.findChild(object, name) is not None, name
    assert picker.model.rowCount() == 50  # one batch, not all 500
    assert picker.select_all_button.text() == "Select All 500 Matching"
    assert picker.selected_label.text() == "Selected: 0"


def test_scrolling_fetches_more(qtbot: QtBot, picker: CustomerPicker) -> None:
    picker.table.scrollToBottom()
    picker.model.fetchMore(picker.model.index(-1, -1).parent())
    qtbot.waitUntil(lambda: picker.model.rowCount() > 50, timeout=5000)
    assert picker.model.row_at(50).code == "C0051"


def test_members_are_ticked_and_cannot_be_unticked(picker: CustomerPicker) -> None:
    first = picker.model.index(0, 0)
    assert picker.model.data(first, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert picker.model.data(picker.model.index(0, 3)) == "In the group"
    assert not picker.model.setData(first, Qt.CheckState.Unchecked.value,
                                    Qt.ItemDataRole.CheckStateRole)
    assert not picker.model.flags(first) & Qt.ItemFlag.ItemIsEnabled


def test_typing_searches_and_space_ticks(qtbot: QtBot, picker: CustomerPicker) -> None:
    qtbot.keyClicks(picker.search_edit, "dal trading 1")
    qtbot.waitUntil(lambda: picker.model.total == 55, timeout=5000)
    picker.table.setFocus()
    picker.table.selectRow(0)  # C0010 is inactive: Space ticks nothing
    qtbot.keyClick(picker.table, Qt.Key.Key_Space)
    assert picker.selected_label.text() == "Selected: 0"
    picker.table.selectRow(1)
    qtbot.keyClick(picker.table, Qt.Key.Key_Space)
    assert picker.selected_label.text() == "Selected: 1"
    qtbot.keyClick(picker.table, Qt.Key.Key_Space)
    assert picker.selected_label.text() == "Selected: 0"


def test_a_page_holding_every_match_is_counted_with_it(
        qtbot: QtBot, picker: CustomerPicker, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fewer matches than a page: the count comes with the rows, no query of its own; a
    full page still has every match counted after it."""
    counted: list[str] = []

    def count(term: str) -> int:
        counted.append(term)
        return customers.count_matching_customers(term)

    monkeypatch.setattr(customer_picker, "count_matching_customers", count)
    qtbot.keyClicks(picker.search_edit, "dal trading 11")  # 110, 112, … 118
    qtbot.waitUntil(lambda: picker.model.rowCount() == 5, timeout=5000)
    assert picker.model.total == 5
    assert picker.select_all_button.text() == "Select All 5 Matching"
    assert counted == []
    qtbot.keyClick(picker.search_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(picker.search_edit, "berg")
    qtbot.waitUntil(lambda: picker.model.total == 250, timeout=5000)
    assert counted[-1] == "berg" and "dal trading 11" not in counted


def test_select_all_matching_ticks_every_page(qtbot: QtBot, picker: CustomerPicker) -> None:
    qtbot.keyClicks(picker.search_edit, "berg")
    qtbot.waitUntil(lambda: picker.model.total == 250, timeout=5000)
    assert picker.model.rowCount() == 50
    picker.select_all_button.click()
    qtbot.waitUntil(lambda: len(picker.model.ticked) == 245, timeout=5000)  # 5 are members
    assert picker.selected_label.text() == "Selected: 245"
    assert picker.ok_button.isEnabled()


def test_ok_hands_back_the_ticks_and_cancel_nothing(qtbot: QtBot,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    customers.upsert_customers([CustomerInput("A1", "Alpha"), CustomerInput("B2", "Beta")])
    ids = customers.matching_customer_ids("")

    def run(accept: bool) -> Any:
        def fake_exec(self: CustomerPicker) -> int:
            qtbot.waitUntil(lambda: self.model.total == 2, timeout=5000)
            self.model.tick(ids[:1], True)
            self.done(1 if accept else 0)
            return 1 if accept else 0

        monkeypatch.setattr(CustomerPicker, "exec", fake_exec)
        return CustomerPicker.pick(set(), None)

    assert run(True) == set(ids[:1])
    assert run(False) == set()


def test_the_picker_model_passes_the_tester(qtmodeltester: Any, picker: CustomerPicker) -> None:
    qtmodeltester.check(picker.model)
