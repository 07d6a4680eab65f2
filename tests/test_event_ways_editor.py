"""One editor save made several ways: each customer's event names the way the clerk took."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from custgroups.core import events
from custgroups.ui.customer_picker import CustomerPicker
from tests.editing import focused, open_editor, paste_codes, save_by_keys
from tests.lists_helpers import group_of, make_shop

pytestmark = pytest.mark.usefixtures("opened", "no_message_boxes")


def test_picker_paste_and_delete_in_one_save(qtbot: QtBot,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    shop = make_shop(10, set())
    group = group_of(shop, 1, 2, 3)
    monkeypatch.setattr(CustomerPicker, "pick",
                        classmethod(lambda cls, members, parent: {shop["C00004"]}))
    dialog = open_editor(qtbot, group)
    QTest.mouseClick(dialog.panel.add_button, Qt.MouseButton.LeftButton)
    paste_codes(qtbot, dialog, ["C00005", "C00006"])
    qtbot.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    table = dialog.panel.table
    row = next(r for r in range(dialog.members.rowCount())
               if dialog.members.row_at(r).code == "C00001")  # type: ignore[union-attr]
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(dialog.members.index(row, 0)).center())
    qtbot.keyClick(focused(), Qt.Key.Key_Delete)
    save_by_keys(qtbot, dialog)
    ways = {(c.customer_code, c.added, c.how)
            for c in events.iter_changes(datetime(2000, 1, 1), group.id)
            if c.at > group.updated_at}
    assert ways == {("C00004", True, "picker"), ("C00005", True, "paste"),
                    ("C00006", True, "paste"), ("C00001", False, "editor")}
