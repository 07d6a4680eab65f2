"""Every text reads on the background it is drawn on, at 4.5:1 or better (WCAG AA), in the
light scheme and in the dark one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from custgroups.qt.settings import Settings
from custgroups.ui import style
from tests.window_helpers import menu_keys, open_window

Role = QPalette.ColorRole


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def contrast(text: QColor, back: QColor) -> float:
    """The WCAG contrast ratio of two colours, 1 to 21."""
    high, low = sorted((_luminance(text), _luminance(back)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.fixture(params=[style.Choice.LIGHT, style.Choice.DARK])
def scheme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[style.Choice]:
    style.apply_scheme(qapp, request.param)
    yield request.param
    style.apply_scheme(qapp, style.Choice.SYSTEM)


def _pairs(palette: QPalette) -> dict[str, tuple[QColor, QColor]]:
    base, rows, window = (palette.color(r) for r in (Role.Base, Role.AlternateBase,
                                                     Role.Window))
    pairs = {
        "text": (palette.color(Role.Text), base),
        "text on alternate rows": (palette.color(Role.Text), rows),
        "window text": (palette.color(Role.WindowText), window),
        "button text": (palette.color(Role.ButtonText), palette.color(Role.Button)),
        "selected text": (palette.color(Role.HighlightedText), palette.color(Role.Highlight)),
        "placeholder": (palette.color(Role.PlaceholderText), base),
        "tooltip": (palette.color(Role.ToolTipText), palette.color(Role.ToolTipBase)),
        "link": (palette.color(Role.Link), base),
        "banner": (style.color("banner_text"), style.color("banner_back")),
        "notice": (style.color("notice_text"), style.color("notice_back")),
        "tick added": (palette.color(Role.Text), style.color("added_back")),
        "tick removed": (palette.color(Role.Text), style.color("removed_back")),
    }
    for role in ("error", "warning", "added", "removed", "muted"):
        for where, back in (("rows", base), ("alternate rows", rows), ("window", window)):
            pairs[f"{role} on {where}"] = (style.color(role), back)
    return pairs


def test_every_text_reads_on_its_background(scheme: style.Choice, qapp: QApplication) -> None:
    found = {name: round(contrast(text, back), 2)
             for name, (text, back) in _pairs(qapp.palette()).items()}
    assert {name: ratio for name, ratio in found.items() if ratio < 4.5} == {}


def test_the_dark_scheme_is_dark_and_labels_follow_it(qapp: QApplication) -> None:
    label = QLabel("The database cannot be reached.")
    style.banner(label)
    style.apply_scheme(qapp, style.Choice.DARK)
    try:
        assert qapp.palette().color(Role.Window).lightness() < 100
        assert style.COLOURS["banner_back"][1] in label.styleSheet()
    finally:
        style.apply_scheme(qapp, style.Choice.SYSTEM)
    assert style.COLOURS["banner_back"][0] in label.styleSheet()


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_view_appearance_dark_by_keys_is_kept_for_the_next_start(
        qtbot: QtBot, opened: str, qapp: QApplication) -> None:
    window = open_window(qtbot, opened)
    try:
        menu_keys(qtbot, window, Qt.Key.Key_V, Qt.Key.Key_A, Qt.Key.Key_D)  # View Appearance Dark
        assert style.scheme() is style.Scheme.DARK
        assert qapp.palette().color(Role.Window).lightness() < 100
        assert Settings().color_scheme == "dark"
    finally:
        style.apply_scheme(qapp, style.Choice.SYSTEM)
