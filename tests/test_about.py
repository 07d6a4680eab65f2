"""Help → About: the version, the database, what support asks for, and Copy Details."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenuBar
from pytestqt.qtbot import QtBot

from custgroups import __version__
from custgroups.app import open_main_window
from custgroups.core import db
from custgroups.ui.about_dialog import AboutDialog

pytestmark = pytest.mark.usefixtures("opened")


def test_about_names_the_version_the_database_and_copies_the_details(
        qtbot: QtBot, opened: str, monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_main_window(opened)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.idle, timeout=10_000):
        window.show()
    menus = [a.text() for a in window.findChild(QMenuBar).actions()]
    assert menus[-1] == "&Help"
    shown: list[str] = []

    def exec_(dialog: AboutDialog) -> int:
        QTest.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
        shown.append(dialog.details.toPlainText())
        return 0

    monkeypatch.setattr(AboutDialog, "exec", exec_)
    window.about_action.trigger()
    lines = dict(line.split(": ", 1) for line in shown[0].splitlines())
    assert lines["custgroups"] == __version__
    assert lines["Schema version"] == str(db.LATEST_SCHEMA)
    assert lines["Database"].endswith("(sqlite)") or lines["Database"].endswith("(postgresql)")
    assert {"Python", "SQLite", "Qt", "System", "Log folder"} <= set(lines)
    assert QGuiApplication.clipboard().text() == shown[0]
