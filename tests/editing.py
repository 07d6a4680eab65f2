"""Opening the group editor in a test as a clerk meets it: shown, its members read, active."""

from __future__ import annotations

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
