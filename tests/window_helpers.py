"""The main window in a test: groups to list, the window opened on them, its widgets read by
name. A test module binds the two fixtures under their names to use them; the autouse one then
fails each of its tests on a message box the test did not answer."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from custgroups.app import open_main_window
from custgroups.core import customers, groups
from custgroups.core.customers import CustomerInput
from custgroups.core.groups import GroupChange, GroupPage
from custgroups.ui import messages
from custgroups.ui.main_window import MainWindow


def make_groups(count: int = 120) -> None:
    """``count`` groups in three regions over 30 customers; every seventh inactive and empty."""
    customers.upsert_customers(CustomerInput(f"C{i:03d}", f"Customer {i}") for i in range(1, 31))
    ids = customers.matching_customer_ids("")
    for i in range(count):
        groups.save_group(GroupChange(
            name=f"{['North', 'South', 'East'][i % 3]} group {i:03d}",
            description="Reserve stock for the spring" if i % 4 == 0 else f"Pricing tier {i % 5}",
            active=i % 7 != 0,
            add_customer_ids=frozenset(ids[: i % 13]) if i % 7 else frozenset()), "seed")


def open_window(qtbot: QtBot, url: str) -> MainWindow:
    """The window as the clerk first sees it: shown, with the answer to its first query."""
    window = open_main_window(url)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.idle, timeout=10_000):  # answers arrive by queued signal
        window.show()
    assert window.shown_page is not None
    return window


@pytest.fixture(autouse=True)
def _no_unexpected_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal box nobody answers would hang the run: fail instead. Tests that expect one
    replace it again."""
    def unexpected(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"unexpected message box: {args[1:3]}")

    for name in ("confirm", "inform", "warn", "done_with_folder"):
        monkeypatch.setattr(messages, name, unexpected)


@pytest.fixture
def window(qtbot: QtBot, opened: str) -> Iterator[MainWindow]:
    """The window on 120 groups, as the clerk first sees it; closed afterwards."""
    make_groups()
    win = open_window(qtbot, opened)
    yield win
    win.close()


def shown_codes(window: MainWindow) -> list[str]:
    """The codes of the rows on the page, top to bottom."""
    return [window.model.row_at(r).code for r in range(window.model.rowCount())]  # type: ignore[union-attr]


def child(window: MainWindow, kind: type, name: str) -> Any:
    """The window's widget of that kind and object name; failing if there is none."""
    found = window.findChild(kind, name)
    assert found is not None, name
    return found


def label(window: MainWindow) -> str:
    """The pager's "Showing 1–50 of 120 groups" line."""
    return child(window, QLabel, "pageLabel").text()


def wait_after_debounce(qtbot: QtBot, window: MainWindow) -> GroupPage:
    """The next page shown, once typing has paused long enough to run the query."""
    with qtbot.waitSignal(window.page_shown, timeout=5000) as blocker:
        pass
    return blocker.args[0]


def menu_keys(qtbot: QtBot, window: QWidget, *keys: Qt.Key) -> None:
    """Alt and the first key open a menu of the menu bar; each further key goes to the menu
    open then, as a clerk walks into a submenu and picks an item by its underlined letter."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    qtbot.keyClick(window, keys[0], Qt.KeyboardModifier.AltModifier)
    for key in keys[1:]:
        qtbot.waitUntil(lambda: app.activePopupWidget() is not None, timeout=2000)
        menu = app.activePopupWidget()
        qtbot.keyClick(menu, key)
        if key is not keys[-1]:
            qtbot.waitUntil(lambda menu=menu: app.activePopupWidget() is not menu, timeout=2000)
