"""Conflicts lead somewhere: both sides' changes shown, mine applied on top of theirs."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from custgroups.core import customers, groups, history
from custgroups.core.clock import local_time
from custgroups.core.conflicts import Side, rebase
from custgroups.core.customers import CustomerInput
from custgroups.core.groups import Group, GroupChange
from custgroups.core.history import HistoryKind
from custgroups.ui.conflict_dialog import Action, Choice, ConflictDialog
from tests.db_helpers import recorded
from tests.editing import open_editor


def group(name: str = "Base", description: str = "", active: bool = True,
          version: int = 1) -> Group:
    now = datetime(2026, 11, 27, 9, 30)  # UTC, naive, as stored
    return Group(7, "CG-000007", name, description, active, 3, version, now, "ann", now, "bob")


def test_rebase_keeps_each_sides_changes_and_names_the_clashes() -> None:
    base = group("Base", "old")
    theirs = group("Theirs", "old", active=False, version=2)
    mine = GroupChange(name="Mine", description="new", active=True, group_id=7,
                       expected_version=1, add_customer_ids=frozenset({4, 5}),
                       remove_customer_ids=frozenset({1, 2}))
    plan = rebase(base, {1, 2, 3}, theirs, {1, 3, 5}, mine)
    assert [c.field for c in plan.their_fields] == ["name", "active"]
    assert [c.field for c in plan.my_fields] == ["name", "description"]
    assert [(c.field, c.theirs, c.mine) for c in plan.clashes] == [("name", "Theirs", "Mine")]
    assert (plan.their_added, plan.their_removed) == (1, 1)  # 5 added, 2 removed
    assert plan.my_added == {4} and plan.my_removed == {1}  # 5 and 2 already as I wanted
    kept = plan.merged({})
    assert (kept.name, kept.description, kept.active) == ("Theirs", "new", False)
    assert kept.expected_version == 2
    assert plan.merged({"name": Side.MINE}).name == "Mine"


def test_rebase_without_overlap_has_no_clash() -> None:
    plan = rebase(group("A"), set(), group("A", "theirs", version=2), set(),
                  GroupChange(name="  B ", description="", group_id=7, expected_version=1))
    assert plan.clashes == ()
    merged = plan.merged({})
    assert (merged.name, merged.description) == ("B", "theirs")


def test_the_dialog_lets_apply_only_after_every_clash_is_picked(qtbot: QtBot) -> None:
    plan = rebase(group("Base"), {1}, group("Theirs", version=2), {1, 2},
                  GroupChange(name="Mine", group_id=7, expected_version=1,
                              add_customer_ids=frozenset({3})))
    dialog = ConflictDialog(plan)
    qtbot.addWidget(dialog)
    dialog.show()
    local = local_time(datetime(2026, 11, 27, 9, 30))  # the clerk's time, as en_US writes it
    assert dialog.findChild(object, "conflictIntro").text().startswith(
        f"bob saved CG-000007 at {local.month}/{local.day}/{local.year} "
        f"{local.hour % 12 or 12}:{local.minute:02d}\u202f{'AM' if local.hour < 12 else 'PM'} "
        "after you opened it.")
    assert dialog.findChild(object, "theirChanges").text() == (
        "Group Name: “Base” → “Theirs”\n1 customer added")
    assert dialog.findChild(object, "myChanges").text() == (
        "Group Name: “Base” → “Mine”\n1 customer to add")
    assert not dialog.apply_button.isEnabled()
    mine = dialog.findChild(object, "name_mine")
    QTest.mouseClick(mine, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(8, mine.height() // 2))  # on the radio's circle
    assert dialog.apply_button.isEnabled()
    QTest.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert dialog.choice() == Choice(Action.APPLY, {"name": Side.MINE})


@pytest.fixture
def shop(opened: str) -> dict[str, int]:
    customers.upsert_customers(CustomerInput(f"C{i:03d}", f"Customer {i}") for i in range(1, 21))
    return {r.code: r.id for r in customers.search_customers("", limit=100).rows}


@pytest.mark.parametrize("pick", [Side.MINE, Side.THEIRS])
def test_apply_mine_on_top_of_theirs_saves_both(qtbot: QtBot, shop: dict[str, int],
                                                monkeypatch: pytest.MonkeyPatch,
                                                pick: Side) -> None:
    ids = {code: shop[code] for code in ("C001", "C002", "C003", "C004", "C005")}
    start = groups.save_group(GroupChange(name="North", description="Dec", add_customer_ids=
                                          frozenset([ids["C001"], ids["C002"]])), "x")
    dialog = open_editor(qtbot, start, who="me")
    # Another clerk renames it, adds C003 and removes C002, and saves first.
    groups.save_group(GroupChange(name="North region", description="Dec", group_id=start.id,
                                  expected_version=start.version,
                                  add_customer_ids=frozenset([ids["C003"]]),
                                  remove_customer_ids=frozenset([ids["C002"]])), "other")
    # I rename it too, change the description, add C004, remove C001 and C002.
    dialog.name_edit.setText("North list")
    dialog.description_edit.setPlainText("December")
    dialog.panel.add_ids({ids["C004"]})
    dialog.panel.table.selectAll()
    QTest.mouseClick(dialog.panel.remove_button, Qt.MouseButton.LeftButton)
    shown: list[Any] = []

    def ask(cls: Any, plan: Any, parent: Any) -> Choice:
        shown.append(plan)
        return Choice(Action.APPLY, {"name": pick})

    monkeypatch.setattr(ConflictDialog, "ask", classmethod(ask))
    with qtbot.waitSignal(dialog.save_ended, timeout=10_000) as ended:
        dialog.accept()
    saved = ended.args[0]
    assert isinstance(saved, Group), saved
    plan = shown[0]
    assert [c.field for c in plan.clashes] == ["name"]
    assert (plan.their_added, plan.their_removed) == (1, 1)
    assert saved.name == ("North list" if pick is Side.MINE else "North region")
    assert saved.description == "December" and saved.version == start.version + 2
    assert groups.member_ids(start.id) == {ids["C003"], ids["C004"]}
    kinds = [e.kind for e in history.group_history(start.id)]
    assert kinds.count(HistoryKind.MEMBERS_ADDED) == 3  # created, theirs, mine


def test_keep_editing_then_save_again_shows_the_conflict_again(
        qtbot: QtBot, shop: dict[str, int], monkeypatch: pytest.MonkeyPatch) -> None:
    start = groups.save_group(GroupChange(name="South"), "x")
    dialog = open_editor(qtbot, start, who="me")
    groups.save_group(GroupChange(name="South", description="theirs", group_id=start.id,
                                  expected_version=start.version), "other")
    answers = [Choice(Action.KEEP_EDITING), Choice(Action.APPLY)]
    monkeypatch.setattr(ConflictDialog, "ask",
                        classmethod(lambda cls, plan, parent: answers.pop(0)))
    dialog.name_edit.setText("South mine")
    with qtbot.waitSignal(dialog.save_ended, timeout=5000):
        dialog.accept()
    assert dialog.isVisible()
    assert f"{recorded('other')} saved this group" in dialog.errors["form"].text()
    assert dialog.name_edit.text() == "South mine"  # nothing typed is lost
    with qtbot.waitSignal(dialog.save_ended, timeout=5000) as ended:
        dialog.accept()
    assert (ended.args[0].name, ended.args[0].description) == ("South mine", "theirs")
