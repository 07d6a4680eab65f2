"""The parts the database dialogs share: fields with names, a form on a grid that gives wrapped
lines their height, a dialog that grows to show them, and the note of a missing keychain."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QStyle, QWidget

from custgroups.qt.words import tr

Field = TypeVar("Field", bound=QWidget)


def labelled(widget: Field, name: str, accessible: str) -> Field:
    """``widget`` with the object name tests find it by and the name screen readers say."""
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    return widget


def form_grid(parent: QWidget, rows: list[tuple[QLabel | None, QWidget]]) -> QGridLayout:
    """Labels beside their fields, as a form lays them out, on a grid: a grid gives a line
    that wraps (an error under its field, a note) the height it needs at its width."""
    grid = QGridLayout()
    grid.setColumnStretch(1, 1)
    aligned = Qt.AlignmentFlag(parent.style().styleHint(
        QStyle.StyleHint.SH_FormLayoutLabelAlignment)) | Qt.AlignmentFlag.AlignVCenter
    for row, (label, field) in enumerate(rows):
        if label is not None:
            grid.addWidget(label, row, 0, aligned)
        grid.addWidget(field, row, 1)
    return grid


def grow_to_fit(dialog: QDialog) -> None:
    """Make ``dialog`` tall enough for its wrapped lines at its present width (a sentence or
    a field's error shown later), within the screen; it never shrinks by itself."""
    layout = dialog.layout()
    if layout is None or not dialog.isVisible():
        return
    needed = max(layout.totalMinimumSize().height(),
                 layout.totalHeightForWidth(dialog.width()) if layout.hasHeightForWidth()
                 else 0)
    screen = dialog.screen()
    if screen is not None:
        frame = dialog.frameGeometry().height() - dialog.height()
        needed = min(needed, screen.availableGeometry().height() - frame)
    if needed > dialog.height():
        dialog.resize(dialog.width(), needed)


def no_keychain_note() -> str:
    """Why a password cannot be remembered here."""
    return tr("This computer has no system keychain, so the password will be asked at each "
              "start.")
