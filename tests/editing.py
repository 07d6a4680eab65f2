"""The group editor in a test as a clerk meets it (shown, its members read, active) and the
keys a clerk presses in it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from custgroups.core.groups import Group
from custgroups.ui.group_form import GroupDialog


def open_editor(qtbot: QtBot, group: Group | None = None, who: str = "clerk") -> GroupDialog:
    """The editor on ``group`` (a new group for None), shown with every member read and its
    window active, so key presses reach the focused field."""
    dialog = GroupDialog(who, group)
    # Closing at teardown must not ask about unsaved changes.
    qtbot.addWidget(dialog, before_close_func=lambda widget: widget.done(0))
    if group is None:
        dialog.show()
    else:
        with qtbot.waitSignal(dialog.group_loaded, timeout=10_000):
            dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    return dialog


def focused() -> QWidget:
    """The widget a key press goes to."""
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def paste_codes(qtbot: QtBot, dialog: GroupDialog, codes: list[str]) -> None:
    """Alt+P, Ctrl+V, and wait for the summary as a clerk waits to read it."""
    QGuiApplication.clipboard().setText("\n".join(codes))
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert focused() is dialog.paste.edit
    with qtbot.waitSignal(dialog.paste.resolved, timeout=10_000):
        qtbot.keyClick(focused(), Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def save_by_keys(qtbot: QtBot, dialog: GroupDialog) -> Any:
    """Ctrl+S where the cursor is; the saved group, or the problem that stopped the save."""
    with qtbot.waitSignal(dialog.save_ended, timeout=20_000) as ended:
        qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    return ended.args[0]
