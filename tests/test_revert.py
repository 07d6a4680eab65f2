"""Revert in History: a past change undone as pending edits in the editor, against the group as
it is now, saved like any edit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from custgroups.core import customers, events, groups, history
from custgroups.core.customers import CustomerInput
from custgroups.core.history import HistoryKind
from custgroups.core.revert import REVERTIBLE, plan_revert
from custgroups.ui.history_view import HistoryDialog
from custgroups.ui.revert_editor import revert_editor
from tests.editing import save_by_keys
from tests.group_helpers import _create, _customers, _edit

pytestmark = pytest.mark.usefixtures("opened", "no_message_boxes")


def _entry(group_id: int, kind: HistoryKind) -> history.HistoryEntry:
    return next(e for e in history.group_history(group_id) if e.kind is kind)


def test_the_inverse_of_each_kind_of_change() -> None:
    ids = _customers(4)
    north = _create("North", add_customer_ids=frozenset(ids[:3]))
    edited = groups.save_group(_edit(north, name="North region", description="Q1",
                                     remove_customer_ids=frozenset(ids[:2])), "bob")
    groups.save_group(_edit(edited, active=False), "bob")
    # Since then C00001 came back, and C00002 became inactive.
    back = groups.save_group(_edit(groups.get_group(north.id), active=True,
                                   add_customer_ids=frozenset(ids[:1])), "carol")
    customers.upsert_customers([CustomerInput("C00002", "Customer 2", city="Oslo",
                                              active=False)])

    undo_removal = plan_revert(_entry(north.id, HistoryKind.MEMBERS_REMOVED))
    assert undo_removal.add_ids == frozenset() and undo_removal.left_alone == 2
    undo_adding = plan_revert(_entry(north.id, HistoryKind.MEMBERS_ADDED))
    assert undo_adding.remove_ids == frozenset({ids[0]})  # the latest addition: C00001
    assert plan_revert(_entry(north.id, HistoryKind.RENAMED)).name == "North"
    assert plan_revert(_entry(north.id, HistoryKind.DESCRIPTION_CHANGED)).description == ""
    assert plan_revert(_entry(north.id, HistoryKind.DEACTIVATED)).active is True
    assert all(plan.group.version == back.version for plan in (undo_removal, undo_adding))
    assert HistoryKind.CREATED not in REVERTIBLE


def test_revert_opens_the_inverse_in_the_editor_and_saves_it(qtbot: QtBot) -> None:
    ids = _customers(3)
    north = _create("North", add_customer_ids=frozenset(ids))
    after = groups.save_group(_edit(north, remove_customer_ids=frozenset(ids[:2])), "bob")
    dialog = HistoryDialog(after, history.group_history(north.id), None, lambda *a: None)
    qtbot.addWidget(dialog)
    dialog.show()
    row = [r for r in range(dialog.model.rowCount())
           if dialog.model.row_at(r).kind is HistoryKind.MEMBERS_REMOVED][0]  # type: ignore
    rect = dialog.table.visualRect(dialog.model.index(row, 0))
    QTest.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.revert_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        QTest.mouseClick(dialog.revert_button, Qt.MouseButton.LeftButton)
    plan = dialog.revert_plan
    assert plan is not None and plan.add_ids == frozenset(ids[:2])

    editor = revert_editor("carol", plan, None)
    qtbot.addWidget(editor, before_close_func=lambda widget: widget.done(0))
    with qtbot.waitSignal(editor.group_loaded, timeout=5000):
        editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow, timeout=2000)
    assert editor.members.added_ids == frozenset(ids[:2])
    assert groups.member_ids(north.id) == {ids[2]}  # nothing saved before Save
    saved = save_by_keys(qtbot, editor)
    assert isinstance(saved, groups.Group) and groups.member_ids(north.id) == set(ids)
    undone = [c for c in events.iter_changes(after.updated_at, north.id) if c.added]
    assert {(c.how, c.source.startswith(f"{after.updated_at:%Y-%m-%d %H:%M:%S} UTC by "))
            for c in undone} == {("revert", True)}


def test_a_creation_cannot_be_reverted(qtbot: QtBot) -> None:
    north = _create("North")
    dialog = HistoryDialog(north, history.group_history(north.id), None, lambda *a: None)
    qtbot.addWidget(dialog)
    dialog.show()
    rect = dialog.table.visualRect(dialog.model.index(0, 0))
    QTest.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert not dialog.revert_button.isEnabled()
