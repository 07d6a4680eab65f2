"""Inactive customers, one rule everywhere: data floor, editor, picker and command line."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from custgroups.core import groups
from custgroups.core.groups import GroupChange
from custgroups.ui.customer_picker import CustomerPicker
from tests import editor_shop
from tests.editing import focused, open_editor, save_by_keys

pytestmark = pytest.mark.usefixtures("opened", "no_message_boxes")

# The shared customers, found by pytest under this name.
shop = editor_shop.shop


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
    assert "group (1 in all): C00013." in str(problem)
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
