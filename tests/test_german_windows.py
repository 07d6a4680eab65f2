"""Every window, shown in German, shows no English text that has a German translation:
labels, buttons, group boxes, tabs, menus, placeholders, tooltips and table headings, as
shown. And a heading that two windows word differently keeps its own window's word."""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from custgroups.core import groups
from custgroups.qt import translations
from tests.test_accessible_names import NAMES, _windows, show, world
from tests.test_german import german

__all__ = ["german", "world"]  # the fixtures, found by pytest under these names


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def english_only() -> set[str]:
    """Source texts that German words differently in every window that says them."""
    root = ElementTree.parse(translations.FOLDER / "custgroups_de.ts").getroot()
    same, changed = set(), set()
    for message in root.iter("message"):
        source = _plain(message.findtext("source", ""))
        translation = message.find("translation")
        words = {_plain(t) for t in (translation.itertext() if translation is not None else ())
                 if t.strip()}
        (same if source in words else changed).add(source)
    return {text for text in changed - same if any(c.isalpha() for c in text)}


def shown_texts(top: QWidget) -> Iterator[str]:
    """Every text ``top`` shows a clerk as it is now (menus included)."""
    yield top.windowTitle()
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisibleTo(top) and not isinstance(widget, QMenu):
            continue
        yield widget.toolTip()
        if isinstance(widget, QLabel):
            yield widget.text()
        elif isinstance(widget, QAbstractButton):
            yield widget.text()
        elif isinstance(widget, QGroupBox):
            yield widget.title()
        elif isinstance(widget, QTabBar):
            yield from (widget.tabText(i) for i in range(widget.count()))
        elif isinstance(widget, QLineEdit):
            yield widget.placeholderText()
        elif isinstance(widget, QMenuBar | QMenu):
            yield from (action.text() for action in widget.actions())
            yield from (action.toolTip() for action in widget.actions())
        elif isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal:
            yield from (str(widget.model().headerData(c, Qt.Orientation.Horizontal) or "")
                        for c in range(widget.count()))


@pytest.fixture
def database_url(sqlite_url: str) -> str:
    """Words are the same on either database: SQLite only."""
    return sqlite_url


@pytest.mark.parametrize("which", NAMES)
def test_a_german_window_shows_no_english_text(
        qtbot: QtBot, german: None, world: tuple[QWidget, groups.Group, groups.Group],
        which: str) -> None:
    shown = show(qtbot, world, which)
    english = english_only()
    left = sorted({_plain(text) for text in shown_texts(shown)} & english)
    assert left == []


def test_each_window_keeps_its_own_word_for_a_heading(
        german: None, world: tuple[QWidget, groups.Group, groups.Group]) -> None:
    """A group's "Code" stays "Code"; a customer's is "Kundennr."."""
    window, north, south = world
    assert window.table.model().headerData(0, Qt.Orientation.Horizontal) == "Code"
    editor = _windows(window, north, south)["editor"]()
    assert editor.members.headerData(0, Qt.Orientation.Horizontal) == "Kundennr."
    editor.deleteLater()


def test_the_check_knows_english_from_german() -> None:
    english = english_only()
    assert "Customer Groups" in english and "Save" in english
    assert "Status" not in english and "Code" not in english  # German says them alike
