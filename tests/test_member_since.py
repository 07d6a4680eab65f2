"""The editor's members say since when each is in the group and who added them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from custgroups.core import groups
from custgroups.core.clock import local_time
from custgroups.core.events import member_since
from custgroups.ui.models.members_model import MemberColumn
from tests.db_helpers import recorded
from tests.editing import open_editor
from tests.group_helpers import _create, _customers, _edit

pytestmark = pytest.mark.usefixtures("opened", "no_message_boxes")


def test_member_since_and_added_by_are_shown(qtbot: QtBot) -> None:
    ids = _customers(3)
    north = _create("North", add_customer_ids=frozenset(ids[:1]))
    north = groups.save_group(_edit(north, add_customer_ids=frozenset(ids[1:2])), "bob")
    dialog = open_editor(qtbot, north)
    model = dialog.members

    def shown(row: int, column: MemberColumn) -> str:
        return str(model.data(model.index(row, column)))

    qtbot.waitUntil(lambda: shown(1, MemberColumn.ADDED_BY) != "", timeout=5000)
    joined = member_since(north.id)
    assert [shown(row, MemberColumn.ADDED_BY) for row in range(2)] == [
        recorded("alice"), recorded("bob")]
    when = local_time(joined[ids[1]][0])
    day = f"{when.month}/{when.day}/{when.year}"  # as an English (US) clerk reads it
    clock = f"{when.hour % 12 or 12}:{when.minute:02d}\u202f{'AM' if when.hour < 12 else 'PM'}"
    assert shown(1, MemberColumn.SINCE) == day
    assert model.data(model.index(1, MemberColumn.SINCE), Qt.ItemDataRole.ToolTipRole) == (
        f"In the group since {day} {clock}, added by {recorded('bob')}")
    dialog.panel.add_ids({ids[2]})  # pending: not a member yet, so no "since"
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=5000)
    new = [row for row in range(3) if shown(row, MemberColumn.CODE) == "C00003"][0]
    assert shown(new, MemberColumn.CHANGE) == "new" and shown(new, MemberColumn.SINCE) == ""
    assert model.headerData(MemberColumn.SINCE, Qt.Orientation.Horizontal) == "Member since"
