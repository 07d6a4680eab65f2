"""The keys of the editor's members: Delete (or a Mac's Backspace) removes the selected
customers; Ctrl+Z and Ctrl+Shift+Z (Ctrl+Y on Windows) step back and forth through the
pending changes, unless a text field has the cursor and keeps them for its own text."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QTableView, QWidget

from custgroups.ui.widgets import shortcut
from custgroups.ui.window_actions import unique_shortcuts


def install_member_keys(panel: QWidget, table: QTableView, remove: Callable[[], None],
                        step: Callable[[bool], None]) -> None:
    """Delete and Backspace on ``table`` call ``remove``; the undo and redo keys anywhere in
    the window call ``step(True)`` and ``step(False)``."""
    for key in (QKeySequence(QKeySequence.StandardKey.Delete), QKeySequence("Backspace")):
        shortcut(key, table, remove, Qt.ShortcutContext.WidgetShortcut)
    for key in QKeySequence.keyBindings(QKeySequence.StandardKey.Undo):
        shortcut(key, panel, lambda: step(True))
    for key in unique_shortcuts(QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z"):
        shortcut(key, panel, lambda: step(False))
