"""No two controls a clerk sees together answer to one Alt key, in English or in German: the
test reads every label, button, group box, tab and menu of every window, as shown."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMenu,
    QMenuBar,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from custgroups.core import groups
from tests.test_accessible_names import NAMES, show, world
from tests.test_german import german

__all__ = ["german", "world"]  # the fixtures, found by pytest under these names


def _texts(top: QWidget) -> Iterator[str]:
    """The texts with a mnemonic that answer to Alt while ``top`` shows as it is."""
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisibleTo(top):
            continue
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            yield widget.text()
        elif isinstance(widget, QAbstractButton):
            yield widget.text()
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            yield widget.title()
        elif isinstance(widget, QTabBar):
            yield from (widget.tabText(i) for i in range(widget.count()))
        elif isinstance(widget, QMenuBar):
            yield from (action.text() for action in widget.actions())


def clashes(texts: Iterable[str]) -> list[str]:
    """Texts that share an Alt key, each clash as "Alt+X: one, other"."""
    by_key: dict[str, list[str]] = defaultdict(list)
    for text in texts:
        key = QKeySequence.mnemonic(text).toString()
        if key:
            by_key[key.upper()].append(text)
    return [f"{key}: {', '.join(texts)}" for key, texts in by_key.items() if len(texts) > 1]


def _menus(top: QWidget) -> Iterator[QMenu]:
    for bar in top.findChildren(QMenuBar):
        for action in bar.actions():
            yield from _submenus(action)


def _submenus(action: QAction) -> Iterator[QMenu]:
    menu = action.menu()
    if isinstance(menu, QMenu):
        yield menu
        for inner in menu.actions():
            yield from _submenus(inner)


@pytest.fixture
def database_url(sqlite_url: str) -> str:
    """Labels and their Alt keys are the same on either database: SQLite only."""
    return sqlite_url


@pytest.fixture(params=["en", "de"])
def language(request: pytest.FixtureRequest) -> str:
    if request.param == "de":
        request.getfixturevalue("german")
    return str(request.param)


@pytest.mark.parametrize("which", NAMES)
def test_no_two_controls_shown_together_share_an_alt_key(
        qtbot: QtBot, language: str, world: tuple[QWidget, groups.Group, groups.Group],
        which: str) -> None:
    shown = show(qtbot, world, which)
    found = clashes(_texts(shown))
    tabs = getattr(shown, "tabs", None)
    for page in range(1, tabs.count() if tabs is not None else 0):
        tabs.setCurrentIndex(page)
        found += clashes(_texts(shown))
    for menu in _menus(shown):
        found += [f"{menu.title()} menu: {clash}"
                  for clash in clashes(action.text() for action in menu.actions())]
    assert found == [], "\n".join(found)


def test_a_clash_is_found() -> None:
    assert clashes(["&Save", "&Search", "&Cancel"]) == ["ALT+S: &Save, &Search"]
    assert clashes(["Save && Close", "&Open"]) == []
