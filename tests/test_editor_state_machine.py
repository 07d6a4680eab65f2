"""The editor's state machine run on both databases, and the sequences it once found failing."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis.stateful import run_state_machine_as_test
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from custgroups.core.conflicts import Side
from custgroups.ui import messages
from custgroups.ui.conflict_dialog import Action, ConflictDialog
from custgroups.ui.customer_picker import CustomerPicker
from custgroups.ui.group_form import GroupDialog
from tests.conftest import PG_SKIP_REASON, _pg_admin, postgres_base_url
from tests.editor_machine import EditorMachine
from tests.editor_model import fill


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def machine_world(request: pytest.FixtureRequest, qtbot: QtBot, tmp_path: Path,
                  monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The machine's class wired to this test: a fresh database per example, and the
    picker, the conflict dialog and the discard question answered as the machine says."""
    from custgroups.core import db

    kind = request.param

    base = postgres_base_url()
    if kind == "postgresql" and base is None:
        pytest.skip(PG_SKIP_REASON)
    schemas: list[str] = []

    def fresh_database() -> dict[str, int]:
        for dialog in QApplication.topLevelWidgets():
            if isinstance(dialog, GroupDialog):
                dialog.done(0)
        if kind == "sqlite":
            url = f"sqlite:///{(tmp_path / f'machine-{len(schemas)}.db').as_posix()}"
            schemas.append(url)
        else:
            assert base is not None
            schema = "cg_machine_" + uuid.uuid4().hex[:12]
            _pg_admin(base, f'CREATE SCHEMA "{schema}"')
            schemas.append(schema)
            url = base + ("&" if "?" in base else "?") + f"schema={schema}"
        db.open_database(url, create=True)
        return fill()

    current: list[EditorMachine] = []

    def machine() -> EditorMachine:
        return current[-1]

    original_init = EditorMachine.__init__

    def tracked_init(self: EditorMachine) -> None:
        current.append(self)
        original_init(self)

    EditorMachine.qtbot = qtbot
    EditorMachine.fresh_database = staticmethod(fresh_database)
    monkeypatch.setattr(EditorMachine, "__init__", tracked_init)
    monkeypatch.setattr(messages, "confirm", lambda *args: True)
    monkeypatch.setattr(CustomerPicker, "pick", classmethod(
        lambda cls, members, parent: set(machine().picked)))
    monkeypatch.setattr(ConflictDialog, "ask", classmethod(
        lambda cls, plan, parent: machine().choice))
    try:
        yield
    finally:
        db.close_database()
        if kind == "postgresql" and base is not None:
            for schema in schemas:
                _pg_admin(base, f'DROP SCHEMA "{schema}" CASCADE')


@pytest.mark.slow
@pytest.mark.usefixtures("machine_world")
def test_random_clerks_never_lose_or_invent_anything() -> None:
    run_state_machine_as_test(EditorMachine, settings=settings(
        max_examples=20, stateful_step_count=16, deadline=None, derandomize=True,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]))


@pytest.mark.usefixtures("machine_world")
def test_found_add_then_save_without_waiting() -> None:
    """The picked customers' rows were still on their way when Save took its snapshot."""
    state = EditorMachine()
    state.start()
    state.type_name("North")
    state.pick(codes={"K003", "K016"})
    state.save(action=Action.KEEP_EDITING, pick=Side.MINE, wait=False)
    state.teardown()


@pytest.mark.usefixtures("machine_world")
def test_found_stale_paste_answer_re_enabling_add() -> None:
    """A check of the paste box's old text arrived after new text was pasted, re-enabled Add
    and added the old codes."""
    state = EditorMachine()
    state.start()
    state.pick(codes={"K003", "K016"})
    state.save(action=Action.KEEP_EDITING, pick=Side.MINE, wait=True)
    state.save(action=Action.APPLY, pick=Side.THEIRS, wait=False)
    state.paste(add=False, codes=["K005"])
    state.undo(rows=[33])
    state.paste(add=True, codes=["K017", "K011", "ZZ1", "K010"])
    state.save(action=Action.APPLY, pick=Side.THEIRS, wait=False)
    state.teardown()


@pytest.mark.usefixtures("machine_world")
def test_steps_back_and_forth_then_save() -> None:
    """Ctrl+Z twice, Ctrl+Shift+Z once, then Save: the database holds what is shown."""
    state = EditorMachine()
    state.start()
    state.type_name("North")
    state.pick(codes={"K003", "K016"})
    state.paste(add=True, codes=["K005", "K010"])
    state.step(back=True, times=2)
    state.step(back=False, times=1)
    state.save(action=Action.KEEP_EDITING, pick=Side.MINE, wait=True)
    state.reopen(which=0)
    state.remove(rows=[0, 1])
    state.someone_else_saves(kind="add", value=3)
    state.step(back=True, times=1)
    state.step(back=False, times=1)
    state.save(action=Action.APPLY, pick=Side.MINE, wait=True)
    state.teardown()
