"""Colours and text styles, in one place: every widget asks here how to look."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QLabel

ERROR = "#b00020"
WARNING = "#7a4b00"
ADDED = "#1b5e20"
REMOVED = "#8a1c1c"
_BANNER = ("background: #fdecea; color: #7a1c1c; border: 1px solid #f5c2c0; "
           "border-radius: 4px; padding: 6px 10px;")
_NOTICE = ("background: #fff8e1; color: #5d4300; border: 1px solid #f0d98c; "
           "border-radius: 4px; padding: 6px 10px;")


def error_text(label: QLabel, on: bool = True) -> None:
    """Show the label's text as a problem (or, with ``on`` False, plainly again)."""
    label.setStyleSheet(f"color: {ERROR};" if on else "")


def warning_text(label: QLabel) -> None:
    """Show the label's text as a caution: something the clerk may want to change."""
    label.setStyleSheet(f"color: {WARNING};")


def banner(label: QLabel) -> None:
    """Show the label as a banner above a view: a failure that concerns all of it."""
    label.setStyleSheet(_BANNER)


def notice(label: QLabel) -> None:
    """Show the label as a notice: news to act on, not a failure (another clerk's save)."""
    label.setStyleSheet(_NOTICE)


def badge(label: QLabel) -> None:
    """Show the label as a lasting state of the whole window (a login that only reads)."""
    label.setStyleSheet(f"color: {WARNING}; font-weight: bold; padding: 0 6px;")


def muted() -> QColor:
    """The colour of text that is there but not in use (an inactive group or customer)."""
    return QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)


def italic() -> QFont:
    """The font of rows that are there but not in use."""
    font = QFont()
    font.setItalic(True)
    return font
