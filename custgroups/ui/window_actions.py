"""The window's actions and where they appear: menus, a text-only toolbar, shortcuts."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QToolBar, QWidget

from custgroups.ui.widgets import named

#: A separator in a list of actions.
SEPARATOR = None


def make_action(parent: QWidget, text: str, shortcut: Any, slot: Callable[[], Any],
                name: str) -> QAction:
    """An action of ``parent`` (so its shortcut works anywhere in it), named for tests."""
    action = named(QAction(text, parent), name)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    parent.addAction(action)
    return action


def history_key() -> str:
    """History's shortcut: Ctrl+H, but Cmd+Y on a Mac, where Cmd+H hides the application."""
    return "Ctrl+Y" if sys.platform == "darwin" else "Ctrl+H"  # Qt's Ctrl is the Mac's Cmd


def unique_shortcuts(standard: QKeySequence.StandardKey, extra: str) -> list[QKeySequence]:
    """The platform's shortcuts for an action plus ours, without a duplicate (which Qt would
    treat as ambiguous and ignore)."""
    keys = list(QKeySequence.keyBindings(standard))
    if QKeySequence(extra) not in keys:
        keys.append(QKeySequence(extra))
    return keys


def install_bars(window: QMainWindow, menus: Sequence[tuple[str, Sequence[QAction | None]]],
                 tools: Sequence[QAction | None]) -> QToolBar:
    """Add the menus (title, actions) and a text-only toolbar of ``tools`` to ``window``."""
    for title, actions in menus:
        menu = window.menuBar().addMenu(title)
        for action in actions:
            if action is SEPARATOR:
                menu.addSeparator()
            else:
                menu.addAction(action)
    toolbar = named(QToolBar(window.tr("Actions"), window), "mainToolBar")
    toolbar.setMovable(False)
    toolbar.setIconSize(QSize(16, 16))
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for action in tools:
        if action is SEPARATOR:
            toolbar.addSeparator()
        else:
            toolbar.addAction(action)
    window.addToolBar(toolbar)
    return toolbar


def tool_button(toolbar: QToolBar, action: QAction, name: str, tip: str) -> QWidget:
    """The toolbar's button for ``action``, named for tests and given its tooltip."""
    button = named(toolbar.widgetForAction(action), name)
    button.setToolTip(tip)
    return button
