"""Random clerks at the real editor, checked after every Save against a plain reference model.

Hypothesis drives ``GroupDialog`` offscreen with real key presses and clicks through random
sequences: typing the name and description, pasting codes (known, unknown, inactive,
repeated) with and without Add, picking customers, removing, undoing, toggling Active,
saving with and without waiting, cancelling, another clerk saving the same group from a
second connection, and reopening. After every save attempt the database must equal the
model: fields, members, the member-count column and the history events, nothing missing and
nothing extra.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from custgroups.core import groups, history
from custgroups.core.conflicts import Side
from custgroups.core.errors import ConflictError
from custgroups.core.groups import Group, GroupChange, clean_description, clean_name
from custgroups.core.history import HistoryKind
from custgroups.core.text import fold
from custgroups.ui.conflict_dialog import Action, Choice
from custgroups.ui.group_form import GroupDialog
from tests.editing import open_editor
from tests.editor_model import ACTIVE, INACTIVE, UNKNOWN, Editor, Ref

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
NAMES = ["North", "north", "South", "Wholesale", " Retail ", "North region", "", "   "]
TEXTS = ["", "for December", "Prices\nand stock"]


class EditorMachine(RuleBasedStateMachine):
    """See the module docstring."""

    qtbot: QtBot
    fresh_database: Any  # () -> {customer code: id} of a new, empty database
    choice: Choice = Choice(Action.KEEP_EDITING)

    def __init__(self) -> None:
        super().__init__()
        # Every example starts from the same empty database, so a failure replays exactly.
        self.ids = self.fresh_database()
        self.saved: dict[int, Ref] = {}
        self.last_event: dict[int, int] = {}
        self.dialog: GroupDialog | None = None
        self.editor: Editor | None = None
        self.picked: set[int] = set()

    # --- helpers ------------------------------------------------------------------------

    def _focused(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None
        return widget

    def _open(self, group_id: int | None) -> None:
        group = groups.get_group(group_id) if group_id is not None else None
        self.dialog = open_editor(self.qtbot, group)
        base = self.saved[group_id] if group_id is not None else Ref()
        self.editor = Editor(group_id, base, replace(base))

    def _retype(self, field: QWidget, text: str) -> None:
        """Click into a field, select all, delete, and type ``text`` (Enter between lines)."""
        field.setFocus()
        self.qtbot.keyClick(self._focused(), Qt.Key.Key_A, CTRL)
        self.qtbot.keyClick(self._focused(), Qt.Key.Key_Delete)
        for line_number, line in enumerate(text.split("\n")):
            if line_number:
                self.qtbot.keyClick(self._focused(), Qt.Key.Key_Return)
            self.qtbot.keyClicks(self._focused(), line)

    def _codes(self, ids: frozenset[int]) -> list[str]:
        by_id = {v: k for k, v in self.ids.items()}
        return sorted(by_id[i] for i in ids)

    def _expected_events(self, before: Ref | None, after: Ref) -> list[tuple[str, list[str]]]:
        events: list[tuple[str, list[str]]] = []
        if before is None:
            events.append((HistoryKind.CREATED, []))
            if not after.active:
                events.append((HistoryKind.DEACTIVATED, []))
            before = Ref(after.name, after.description, True)
        else:
            if after.name != before.name:
                events.append((HistoryKind.RENAMED, []))
            if after.description != before.description:
                events.append((HistoryKind.DESCRIPTION_CHANGED, []))
            if after.active != before.active:
                events.append((HistoryKind.ACTIVATED if after.active
                               else HistoryKind.DEACTIVATED, []))
        if after.members - before.members:
            events.append((HistoryKind.MEMBERS_ADDED,
                           self._codes(after.members - before.members)))
        if before.members - after.members:
            events.append((HistoryKind.MEMBERS_REMOVED,
                           self._codes(before.members - after.members)))
        return sorted(events)

    def _check_saved(self, group_id: int, before: Ref | None) -> None:
        """The group in the database equals the model; its new history events say exactly
        what changed."""
        ref = self.saved[group_id]
        group = groups.get_group(group_id)
        assert (group.name, group.description, group.active) == (
            ref.name, ref.description, ref.active)
        assert groups.member_ids(group_id) == ref.members
        assert group.member_count == len(ref.members)
        new = [e for e in history.group_history(group_id)
               if e.id > self.last_event.get(group_id, 0)]
        assert sorted((e.kind.value, sorted(e.codes)) for e in new) == \
            self._expected_events(before, ref)
        self.last_event[group_id] = max((e.id for e in new), default=self.last_event.get(
            group_id, 0))

    def _fields(self) -> Ref:
        assert self.editor is not None
        now = self.editor.now
        return Ref(clean_name(now.name), clean_description(now.description), now.active,
                   now.members)

    def _name_taken(self, name: str, own: int | None) -> bool:
        return any(fold(ref.name) == fold(name) for gid, ref in self.saved.items()
                   if gid != own)

    # --- rules --------------------------------------------------------------------------

    @initialize()
    def start(self) -> None:
        self._open(None)

    @precondition(lambda self: self.dialog is None)
    @rule(which=st.integers(0, 10))
    def reopen(self, which: int) -> None:
        known = sorted(self.saved)
        self._open(known[which % len(known)] if known and which < 8 else None)

    @precondition(lambda self: self.dialog is not None)
    @rule(name=st.sampled_from(NAMES))
    def type_name(self, name: str) -> None:
        assert self.dialog is not None and self.editor is not None
        self._retype(self.dialog.name_edit, name)
        self.editor.now.name = name

    @precondition(lambda self: self.dialog is not None)
    @rule(text=st.sampled_from(TEXTS))
    def type_description(self, text: str) -> None:
        assert self.dialog is not None and self.editor is not None
        self._retype(self.dialog.description_edit, text)
        self.editor.now.description = text

    @precondition(lambda self: self.dialog is not None)
    @rule()
    def toggle_active(self) -> None:
        assert self.dialog is not None and self.editor is not None
        self.dialog.active_check.setFocus()
        self.qtbot.keyClick(self._focused(), Qt.Key.Key_Space)
        self.editor.now.active = not self.editor.now.active

    def _can_change_members(self) -> bool:
        return self.dialog is not None and self.editor is not None and self.editor.now.active

    @precondition(_can_change_members)
    @rule(codes=st.lists(st.sampled_from(ACTIVE + INACTIVE + UNKNOWN), min_size=1, max_size=8),
          add=st.booleans())
    def paste(self, codes: list[str], add: bool) -> None:
        assert self.dialog is not None and self.editor is not None
        QGuiApplication.clipboard().setText("\n".join(codes))
        self.qtbot.keyClick(self.dialog, Qt.Key.Key_P, ALT)
        self.qtbot.keyClick(self._focused(), Qt.Key.Key_A, CTRL)
        with self.qtbot.waitSignal(self.dialog.paste.resolved, timeout=10_000):
            self.qtbot.keyClick(self._focused(), Qt.Key.Key_V, CTRL)
        recognised = frozenset(self.ids[c] for c in codes if c in ACTIVE) - self.editor.now.members
        assert self.dialog.paste.add_button.isEnabled() == bool(recognised)
        if add and recognised:
            before = self.editor.pending()
            self.qtbot.keyClick(self._focused(), Qt.Key.Key_A, ALT)
            self.editor.now.members |= recognised
            self.editor.changed_members(before)
            self.editor.pasted = frozenset()
        else:
            self.editor.pasted = frozenset(self.ids[c] for c in codes if c in ACTIVE)

    @precondition(lambda self: self.dialog is not None and self.editor is not None
                  and bool(self.editor.pasted))
    @rule()
    def clear_paste(self) -> None:
        assert self.dialog is not None and self.editor is not None
        self.dialog.paste.edit.setFocus()
        self.qtbot.keyClick(self._focused(), Qt.Key.Key_A, CTRL)
        with self.qtbot.waitSignal(self.dialog.paste.resolved, timeout=10_000):
            self.qtbot.keyClick(self._focused(), Qt.Key.Key_Delete)
        self.editor.pasted = frozenset()

    @precondition(_can_change_members)
    @rule(codes=st.sets(st.sampled_from(ACTIVE), min_size=1, max_size=6))
    def pick(self, codes: set[str]) -> None:
        assert self.dialog is not None and self.editor is not None
        self.picked = {self.ids[c] for c in codes}
        before = self.editor.pending()
        self.dialog.panel.add_button.click()
        self.editor.now.members |= frozenset(self.picked)
        self.editor.changed_members(before)

    def _select(self, rows: list[int]) -> list[int]:
        assert self.dialog is not None
        table = self.dialog.panel.table
        # A clerk selects rows that are shown: additions still on their way are not yet.
        self.qtbot.waitUntil(lambda: not self.dialog.members.arriving, timeout=5000)
        count = self.dialog.members.rowCount()
        chosen = sorted({r % count for r in rows}) if count else []
        table.setFocus()
        table.clearSelection()
        for row in chosen:
            table.selectionModel().select(
                self.dialog.members.index(row, 0),
                table.selectionModel().SelectionFlag.Select
                | table.selectionModel().SelectionFlag.Rows)
        return chosen

    @precondition(_can_change_members)
    @rule(rows=st.lists(st.integers(0, 40), min_size=1, max_size=4))
    def remove(self, rows: list[int]) -> None:
        assert self.dialog is not None and self.editor is not None
        chosen = self._select(rows)
        gone = frozenset(self.dialog.members.row_at(r).id for r in chosen)  # type: ignore[union-attr]
        before = self.editor.pending()
        self.qtbot.keyClick(self._focused(), Qt.Key.Key_Delete)
        self.editor.now.members -= gone
        self.editor.changed_members(before)

    @precondition(_can_change_members)
    @rule(rows=st.lists(st.integers(0, 40), min_size=1, max_size=4))
    def undo(self, rows: list[int]) -> None:
        assert self.dialog is not None and self.editor is not None
        model = self.dialog.members
        chosen = self._select(rows)
        before = self.editor.pending()
        for row in chosen:
            customer, change = model.row_at(row), model.change_at(row)
            assert customer is not None
            if change == "added":
                self.editor.now.members -= {customer.id}
            elif change == "removed":
                self.editor.now.members |= {customer.id}
        if self.dialog.panel.undo_button.isEnabled():
            self.dialog.panel.undo_button.click()
        self.editor.changed_members(before)

    @precondition(_can_change_members)
    @rule(back=st.booleans(), times=st.integers(1, 3))
    def step(self, back: bool, times: int) -> None:
        """Ctrl+Z or Ctrl+Shift+Z in the members table, once or a few times quickly."""
        assert self.dialog is not None and self.editor is not None
        self.qtbot.waitUntil(lambda: not self.dialog.members.arriving, timeout=5000)
        table = self.dialog.panel.table
        table.setFocus()
        keys = CTRL if back else CTRL | Qt.KeyboardModifier.ShiftModifier
        for _ in range(times):
            self.qtbot.keyClick(table, Qt.Key.Key_Z, keys)
            self.editor.step(back)
        assert self.dialog.members.member_ids() == set(self.editor.now.members)

    @precondition(lambda self: self.dialog is not None and self.editor is not None
                  and self.editor.group_id is not None)
    @rule(kind=st.sampled_from(["name", "description", "add", "remove", "status"]),
          value=st.integers(0, 100))
    def someone_else_saves(self, kind: str, value: int) -> None:
        assert self.editor is not None and self.editor.group_id is not None
        gid = self.editor.group_id
        before = self.saved[gid]
        after = replace(before)
        if kind == "name":
            after.name = f"Theirs {value % 3}"
            if self._name_taken(after.name, gid):
                return
        elif kind == "description":
            after.description = f"theirs {value}"
        elif kind == "add" and before.active:
            after.members |= {self.ids[ACTIVE[value % len(ACTIVE)]]}
        elif kind == "remove" and before.members:
            after.members -= {sorted(before.members)[value % len(before.members)]}
        elif kind == "status":
            after.active = not before.active
        if after == before:
            return
        current = groups.get_group(gid)
        groups.save_group(GroupChange(
            name=after.name, description=after.description, active=after.active,
            group_id=gid, expected_version=current.version,
            add_customer_ids=after.members - before.members,
            remove_customer_ids=before.members - after.members), "other clerk")
        self.saved[gid] = after
        self._check_saved(gid, before)
        self.editor.conflicted = True

    @precondition(lambda self: self.dialog is not None)
    @rule(wait=st.booleans(), action=st.sampled_from(list(Action)),
          pick=st.sampled_from(list(Side)))
    def save(self, wait: bool, action: Action, pick: Side) -> None:
        assert self.dialog is not None and self.editor is not None
        dialog, editor = self.dialog, self.editor
        self.choice = Choice(action, {"name": pick, "description": pick, "active": pick})
        if editor.pasted and dialog.paste.unapplied() is None:
            with self.qtbot.waitSignal(dialog.paste.resolved, timeout=10_000):
                pass  # a clerk reads the summary before saving
        refused = self._refused_locally()
        with self.qtbot.waitSignal(dialog.save_ended, timeout=20_000) as ended:
            self.qtbot.keyClick(dialog, Qt.Key.Key_S, CTRL)
            if not wait:  # straight on: a second Ctrl+S and typing during the save
                self.qtbot.keyClick(dialog, Qt.Key.Key_S, CTRL)
                self.qtbot.keyClicks(dialog.name_edit, "x")
        if not wait and refused:  # no save was running, so the field took the typing
            editor.now.name += "x"
        self._predict(ended.args[0], refused)

    def _refused_locally(self) -> bool:
        assert self.editor is not None
        now = self._fields()
        additions = now.members - self.editor.base.members
        return (not now.name or bool(self.editor.pasted - now.members)
                or (bool(additions) and not now.active))

    def _predict(self, outcome: Any, refused: bool) -> None:
        assert self.dialog is not None and self.editor is not None
        editor = self.editor
        if refused:
            assert not isinstance(outcome, Group), outcome
            assert self.dialog.isVisible()
            return
        if editor.conflicted:
            assert editor.group_id is not None
            theirs = self.saved[editor.group_id]
            if self.choice.action is Action.KEEP_EDITING:
                assert isinstance(outcome, ConflictError)
                return
            if self.choice.action is Action.RELOAD:
                assert isinstance(outcome, ConflictError)
                self.editor = Editor(editor.group_id, theirs, replace(theirs))
                return
            self._rebase(theirs)
            if self._refused_locally():
                assert not isinstance(outcome, Group), outcome
                return
        self._expect_saved(outcome)

    def _rebase(self, theirs: Ref) -> None:
        """Mine on top of theirs, as a plain model: fields only I changed take mine, fields
        both changed take the side picked, members get my additions and removals."""
        assert self.editor is not None
        editor = self.editor
        base, mine = editor.base, self._fields()
        merged = replace(theirs)
        for name in ("name", "description", "active"):
            mine_value, base_value = getattr(mine, name), getattr(base, name)
            their_value = getattr(theirs, name)
            if mine_value != base_value and (their_value == base_value
                                             or self.choice.picks[name] is Side.MINE):
                setattr(merged, name, mine_value)
        merged.members = (theirs.members | (mine.members - base.members)) - (
            base.members - mine.members)
        editor.base, editor.now, editor.conflicted = theirs, merged, False

    def _expect_saved(self, outcome: Any) -> None:
        assert self.editor is not None
        editor = self.editor
        after = self._fields()
        if self._name_taken(after.name, editor.group_id):
            assert not isinstance(outcome, Group), outcome
            assert "already exists" in str(outcome)
            return
        assert isinstance(outcome, Group), outcome
        before = self.saved.get(outcome.id)
        self.saved[outcome.id] = after
        self._check_saved(outcome.id, before)
        self.dialog = self.editor = None

    @precondition(lambda self: self.dialog is not None)
    @rule()
    def cancel(self) -> None:
        assert self.dialog is not None
        self.qtbot.keyClick(self.dialog, Qt.Key.Key_Escape)
        assert not self.dialog.isVisible()
        self.dialog = self.editor = None

    @invariant()
    def the_database_holds_what_was_saved(self) -> None:
        for gid, ref in self.saved.items():
            group = groups.get_group(gid)
            assert (group.name, group.active, group.member_count) == (
                ref.name, ref.active, len(ref.members))

    def teardown(self) -> None:
        if self.dialog is not None:
            self.dialog.done(0)
