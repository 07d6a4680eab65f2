"""File → Open Database… in the real window: the window reopens on the chosen file, which the
next start opens too; a file that cannot be opened leaves the clerk on the database in use."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from custgroups import app
from custgroups.core import db, groups
from custgroups.core.groups import GroupChange
from custgroups.qt.database_choice import start_url
from custgroups.ui import database_dialogs, messages
from custgroups.ui.main_window import MainWindow
from tests.window_helpers import open_window

pytestmark = pytest.mark.usefixtures("no_message_boxes")


def _shown_window() -> MainWindow:
    shown = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, MainWindow) and w.isVisible()]
    assert len(shown) == 1
    return shown[0]


def _choose(monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    monkeypatch.setattr(database_dialogs, "choose_database_file", lambda parent, folder: url)


def test_ctrl_o_reopens_the_window_on_the_chosen_file(qtbot: QtBot, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    other = f"sqlite:///{(tmp_path / 'branch.db').as_posix()}"
    db.open_database(other, create=True)
    groups.save_group(GroupChange(name="Branch only"), "x")
    db.close_database()
    first = open_window(qtbot, f"sqlite:///{(tmp_path / 'main.db').as_posix()}")
    _choose(monkeypatch, other)

    first.table.setFocus()
    qtbot.keyClick(first.table, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    window = _shown_window()
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.shown_page is not None, timeout=5000)
    assert window is not first and not first.isVisible()
    assert "branch.db" in window.windowTitle()
    assert [g.name for g in window.model.rows()] == ["Branch only"]
    assert start_url(None) == other  # the next start opens it again
    assert QApplication.quitOnLastWindowClosed()


def test_a_file_that_cannot_be_opened_leaves_the_clerk_where_they_were(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("shopping list\n", encoding="utf-8")
    home = f"sqlite:///{(tmp_path / 'main.db').as_posix()}"
    first = open_window(qtbot, home)
    _choose(monkeypatch, f"sqlite:///{notes.as_posix()}")
    warned: list[str] = []
    monkeypatch.setattr(messages, "warn", lambda parent, title, text, details="":
                        warned.append(text))

    first.table.setFocus()
    qtbot.keyClick(first.table, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    window = _shown_window()
    qtbot.addWidget(window)
    assert warned and "not a custgroups database" in warned[0]
    assert db.info().url == home and "main.db" in window.windowTitle()
    assert start_url(None) != f"sqlite:///{notes.as_posix()}"
    assert notes.read_text(encoding="utf-8") == "shopping list\n"  # untouched


# The start sets how the screen is scaled, which Qt can only take before the test's application.
@pytest.mark.qt_log_ignore("setHighDpiScaleFactorRoundingPolicy")
def test_the_start_opens_the_clerks_last_choice(qtbot: QtBot, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    chosen = f"sqlite:///{(tmp_path / 'chosen.db').as_posix()}"
    db.open_database(chosen, create=True)
    db.close_database()
    app.DatabaseChoice().remember(chosen)
    started: list[str] = []
    monkeypatch.setattr(app, "open_main_window", lambda url, create, user:
                        started.append(url) or None)
    # The start's logging and hooks would outlive the test: keep the test run's own.
    monkeypatch.setattr(app, "record_crashes_and_qt_messages", lambda: None)
    monkeypatch.setattr(app, "setup_logging", lambda: None)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    app.run()
    assert started == [chosen]
