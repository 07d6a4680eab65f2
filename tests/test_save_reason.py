"""A reason given on Save is kept with the history of that save; above a number of removals
(a setting) the editor asks for one before it saves anything."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from custgroups.core import events, groups, history
from custgroups.core.errors import ValidationError
from custgroups.core.groups import GroupChange, reason_problem, validate_group
from custgroups.core.wording import history_change
from custgroups.qt.settings import APPLICATION, ORGANIZATION
from tests.editing import focused, open_editor, save_by_keys
from tests.group_helpers import _create, _customers

pytestmark = pytest.mark.usefixtures("opened", "no_message_boxes")
ALT = Qt.KeyboardModifier.AltModifier


def test_a_reason_typed_before_save_is_kept_with_that_save(qtbot: QtBot) -> None:
    ids = _customers(3)
    north = _create("North", add_customer_ids=frozenset(ids))
    dialog = open_editor(qtbot, north)
    qtbot.keyClick(focused(), Qt.Key.Key_End)
    qtbot.keyClicks(focused(), " region")
    dialog.panel.table.selectRow(0)
    QTest.mouseClick(dialog.panel.remove_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(focused(), Qt.Key.Key_S, ALT)  # Alt+S: the Reason field
    assert focused() is dialog.reason_edit
    qtbot.keyClicks(focused(), "Spring price review")
    saved = save_by_keys(qtbot, dialog)
    assert isinstance(saved, groups.Group) and saved.name == "North region"
    latest = [e for e in history.group_history(north.id) if e.at == saved.updated_at]
    assert {e.kind for e in latest} == {history.HistoryKind.RENAMED,
                                         history.HistoryKind.MEMBERS_REMOVED}
    assert {e.reason for e in latest} == {"Spring price review"}
    assert history_change(latest[0]).endswith("(reason: Spring price review)")
    removed = [c for c in events.iter_changes(saved.updated_at, north.id) if not c.added]
    assert [c.reason for c in removed] == ["Spring price review"]


def test_many_removals_need_a_reason_before_anything_is_saved(qtbot: QtBot) -> None:
    QSettings(ORGANIZATION, APPLICATION).setValue("editor/reason_required_above", "2")
    ids = _customers(3)
    north = _create("North", add_customer_ids=frozenset(ids))
    dialog = open_editor(qtbot, north)
    dialog.panel.table.selectAll()
    QTest.mouseClick(dialog.panel.remove_button, Qt.MouseButton.LeftButton)
    refused = save_by_keys(qtbot, dialog)
    assert isinstance(refused, ValidationError) and refused.field == "reason"
    assert dialog.errors["reason"].isVisible() and "removes 3 customers" in (
        dialog.errors["reason"].text())
    assert focused() is dialog.reason_edit and groups.member_ids(north.id) == set(ids)
    qtbot.keyClicks(focused(), "Left the region")
    assert not dialog.errors["reason"].isVisible()  # the message goes with its cause
    saved = save_by_keys(qtbot, dialog)
    assert isinstance(saved, groups.Group) and groups.member_ids(north.id) == set()


def test_reasons_are_one_line_of_bounded_length() -> None:
    change = GroupChange(name="North", reason="line one\nline two")
    assert [p.field for p in validate_group(change)] == ["reason"]
    assert [p.field for p in validate_group(GroupChange(name="N", reason="x" * 501))] == [
        "reason"]
    removing = GroupChange(name="N", group_id=1, expected_version=1,
                           remove_customer_ids=frozenset({1, 2, 3}))
    assert reason_problem(removing, 0) is None and reason_problem(removing, 3) is None
    assert reason_problem(removing, 2) is not None
