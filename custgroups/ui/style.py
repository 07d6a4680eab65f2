"""Colours and text styles, in one place: every widget asks here how to look.

Colours come in pairs, one for a light and one for a dark scheme. The scheme follows the
system (``styleHints().colorScheme()``) unless the clerk chose one (View → Appearance). Where
the platform's style keeps a light palette in dark mode, a dark palette of our own is applied.
Every text is chosen to read at 4.5:1 or better on the backgrounds it is drawn on; a test
computes every pair in both schemes.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from enum import StrEnum
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QToolButton, QWidget


class Scheme(StrEnum):
    """Light or dark, as the clerk sees the windows."""

    LIGHT = "light"
    DARK = "dark"


class Choice(StrEnum):
    """What the clerk chose under View → Appearance."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


#: Role: (light, dark).
COLOURS: dict[str, tuple[str, str]] = {
    "error": ("#b00020", "#ff8a80"),
    "warning": ("#7a4b00", "#ffcc80"),
    "added": ("#1b5e20", "#81c784"),
    "removed": ("#8a1c1c", "#ef9a9a"),
    "muted": ("#6b6b6b", "#a3a3a3"),  # there but not in use: inactive groups and customers
    "banner_text": ("#7a1c1c", "#ffcdd2"),
    "banner_back": ("#fdecea", "#4a1f1f"),
    "banner_line": ("#f5c2c0", "#7a3a3a"),
    "notice_text": ("#5d4300", "#ffe082"),
    "notice_back": ("#fff8e1", "#3a3010"),
    "notice_line": ("#f0d98c", "#6b5a20"),
    "added_back": ("#dcedc8", "#2e4d30"),  # a tick changed on, not saved yet
    "removed_back": ("#f8d7da", "#5a2c2c"),  # a tick changed off
}

#: The dark palette, for a platform style that stays light in dark mode (Fusion on Linux).
_DARK_PALETTE = {
    QPalette.ColorRole.Window: "#2b2b2b", QPalette.ColorRole.WindowText: "#e8e8e8",
    QPalette.ColorRole.Base: "#1f1f1f", QPalette.ColorRole.AlternateBase: "#292929",
    QPalette.ColorRole.Text: "#e8e8e8", QPalette.ColorRole.Button: "#363636",
    QPalette.ColorRole.ButtonText: "#e8e8e8", QPalette.ColorRole.Highlight: "#2f65ca",
    QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#3a3a3a",
    QPalette.ColorRole.ToolTipText: "#e8e8e8", QPalette.ColorRole.PlaceholderText: "#a3a3a3",
    QPalette.ColorRole.Link: "#8ab4f8", QPalette.ColorRole.BrightText: "#ff8a80",
    QPalette.ColorRole.Light: "#4a4a4a", QPalette.ColorRole.Midlight: "#3e3e3e",
    QPalette.ColorRole.Mid: "#303030", QPalette.ColorRole.Dark: "#1a1a1a",
    QPalette.ColorRole.Shadow: "#0f0f0f",
}
_DARK_DISABLED = "#8c8c8c"
#: A selection white text reads on (Fusion's own blue gives 3.4:1).
_LIGHT_HIGHLIGHT = "#22629e"

_choice = Choice.SYSTEM
#: Widgets styled here, and how, so a change of scheme restyles them.
_styled: weakref.WeakKeyDictionary[QWidget, Callable[[Any], None]] = (
    weakref.WeakKeyDictionary())


def scheme() -> Scheme:
    """The scheme in use: the clerk's choice, else the system's."""
    if _choice is not Choice.SYSTEM:
        return Scheme(_choice.value)
    hints = QGuiApplication.styleHints()
    return Scheme.DARK if hints.colorScheme() == Qt.ColorScheme.Dark else Scheme.LIGHT


def color(role: str) -> QColor:
    """A colour of :data:`COLOURS` in the scheme in use."""
    light, dark = COLOURS[role]
    return QColor(dark if scheme() is Scheme.DARK else light)


def apply_scheme(app: QApplication, choice: Choice) -> None:
    """Use ``choice`` from now on: the palette, and every label styled here, follow it."""
    global _choice
    _choice = choice
    if scheme() is Scheme.LIGHT:
        app.setPalette(light_palette(app))
    else:  # the platform's own dark palette where its style has one
        own = app.style().standardPalette()
        dark = own.color(QPalette.ColorRole.Window).lightness() < 128
        app.setPalette(own if dark else dark_palette())
    for label, restyle in list(_styled.items()):
        if shiboken6.isValid(label):
            restyle(label)
        else:  # Qt deleted the label; its Python wrapper lives on a little
            del _styled[label]


def light_palette(app: QApplication) -> QPalette:
    """The style's own light palette, its placeholders and disabled text made readable."""
    palette = app.style().standardPalette()
    readable = QColor(COLOURS["muted"][0])
    palette.setColor(QPalette.ColorRole.PlaceholderText, readable)
    palette.setColor(QPalette.ColorRole.Highlight, QColor(_LIGHT_HIGHLIGHT))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, readable)
    return palette


def dark_palette() -> QPalette:
    """The dark palette used where the platform's style has none of its own."""
    palette = QPalette()
    for role, value in _DARK_PALETTE.items():
        palette.setColor(role, QColor(value))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(_DARK_DISABLED))
    return palette


def _keep(widget: QWidget, restyle: Callable[[Any], None]) -> None:
    _styled[widget] = restyle
    restyle(widget)


def focus_ring(button: QToolButton) -> None:
    """A flat tool button that shows, in the highlight colour, when the keyboard is on it
    (the style draws no focus for a flat button)."""
    _keep(button, lambda b: b.setStyleSheet(
        "QToolButton:focus { border: 2px solid %s; border-radius: 3px; }"
        % QApplication.palette().color(QPalette.ColorRole.Highlight).name()))


def error_text(label: QLabel, on: bool = True) -> None:
    """Show the label's text as a problem (or, with ``on`` False, plainly again)."""
    _keep(label, lambda lab: lab.setStyleSheet(
        f"color: {color('error').name()};" if on else ""))


def warning_text(label: QLabel) -> None:
    """Show the label's text as a caution: something the clerk may want to change."""
    _keep(label, lambda lab: lab.setStyleSheet(f"color: {color('warning').name()};"))


def _boxed(kind: str) -> Callable[[QLabel], None]:
    return lambda lab: lab.setStyleSheet(
        f"background: {color(kind + '_back').name()}; color: {color(kind + '_text').name()}; "
        f"border: 1px solid {color(kind + '_line').name()}; border-radius: 4px; "
        "padding: 6px 10px;")


def banner(label: QLabel) -> None:
    """Show the label as a banner above a view: a failure that concerns all of it."""
    _keep(label, _boxed("banner"))


def notice(label: QLabel) -> None:
    """Show the label as a notice: news to act on, not a failure (another clerk's save)."""
    _keep(label, _boxed("notice"))


def badge(label: QLabel) -> None:
    """Show the label as a lasting state of the whole window (a login that only reads)."""
    _keep(label, lambda lab: lab.setStyleSheet(
        f"color: {color('warning').name()}; font-weight: bold; padding: 0 6px;"))


def muted() -> QColor:
    """The colour of text that is there but not in use (an inactive group or customer)."""
    return color("muted")


def italic() -> QFont:
    """The font of rows that are there but not in use."""
    font = QFont()
    font.setItalic(True)
    return font
