"""File → Open Database…, Connect to Server… and Recent Databases, at the top of a File menu;
and opening a server that wants a password, at start or from the menu."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar
from urllib.parse import unquote, urlparse

from PySide6.QtCore import QDir, QObject, Qt, Slot
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from custgroups.core import passwords
from custgroups.core.errors import CustgroupsError
from custgroups.qt.database_choice import (
    DatabaseChoice,
    ServerAddress,
    file_folder,
    from_url,
    is_server,
    needs_password,
    with_password,
)
from custgroups.qt.words import said
from custgroups.ui.widgets import named
from custgroups.ui.window_actions import make_action

Opened = TypeVar("Opened")

#: The port a server address has when it names none.
_DEFAULT_PORT = ServerAddress(host="", database="").port
#: The widest a recent database's line in the menu gets, in average characters.
_RECENT_CHARS = 70


def recent_label(url: str) -> str:
    """A recent database as the menu lists it: "sales (schema north) on db.example.com as ann"
    for a server, "team.db — /data/groups" for a file (the address itself otherwise)."""
    address = from_url(url)
    if address is not None:
        port = "" if address.port == _DEFAULT_PORT else f":{address.port}"
        schema = f" (schema {address.schema})" if address.schema else ""
        login = f" as {address.user}" if address.user else ""
        return f"{address.database}{schema} on {address.host}{port}{login}"
    folder = file_folder(url)
    name = unquote(urlparse(url).path.rsplit("/", 1)[-1])
    return f"{name} — {QDir.toNativeSeparators(folder)}" if folder and name else url


class DatabaseMenu(QObject):
    """The actions that choose another database; each hands its password-free address to
    ``open_url``, which opens it (asking a password if the server wants one) and, once it is
    open, records it with :meth:`DatabaseChoice.remember`."""

    def __init__(self, window: QMainWindow, file_menu: QMenu, open_url: Callable[[str], None],
                 choice: DatabaseChoice | None = None) -> None:
        super().__init__(window)
        self.setObjectName("databaseMenu")
        self._window = window
        self._open_url = open_url
        self._choice = choice or DatabaseChoice()
        self.open_action = make_action(window, self.tr("&Open Database…"),
                                       QKeySequence.StandardKey.Open, self._on_open_triggered,
                                       "openDatabaseAction")
        self.connect_action = make_action(window, self.tr("&Connect to Server…"), None,
                                          self._on_connect_triggered, "connectServerAction")
        self.recent_menu = named(QMenu(self.tr("&Recent Databases"), file_menu),
                                 "recentDatabasesMenu")
        self.recent_menu.setAccessibleName(self.tr("Recent databases"))
        self.recent_menu.setToolTipsVisible(True)  # each line's whole address
        # Owned here, not by the submenu, which deletes its own actions when it is rebuilt.
        self.clear_action = named(QAction(self.tr("&Clear Recent"), self), "clearRecentAction")
        self.clear_action.triggered.connect(self._on_clear_triggered)
        existing = file_menu.actions()
        first = existing[0] if existing else None
        file_menu.insertAction(first, self.open_action)  # type: ignore[arg-type]
        file_menu.insertAction(first, self.connect_action)  # type: ignore[arg-type]
        file_menu.insertMenu(first, self.recent_menu)  # type: ignore[arg-type]
        if first is not None:
            file_menu.insertSeparator(first)
        self.recent_menu.aboutToShow.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """List the recent databases as they are remembered now."""
        self.recent_menu.clear()
        recent = self._choice.recent
        metrics = QFontMetrics(self.recent_menu.font())
        for number, database in enumerate(recent):
            shown = metrics.elidedText(recent_label(database.url), Qt.TextElideMode.ElideMiddle,
                                       metrics.averageCharWidth() * _RECENT_CHARS)
            action = named(QAction(f"&{number + 1} {shown.replace('&', '&&')}",
                                   self.recent_menu), f"recentDatabaseAction{number}")
            action.setData(database.url)
            action.setToolTip(database.name)
            action.triggered.connect(
                lambda _checked=False, url=database.url: self._open_url(url))
            self.recent_menu.addAction(action)
        if not recent:
            empty = named(QAction(self.tr("No recent databases"), self.recent_menu),
                          "noRecentDatabasesAction")
            empty.setEnabled(False)
            self.recent_menu.addAction(empty)
        self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.clear_action)
        self.clear_action.setEnabled(bool(recent))

    # The dialogs load when first asked for: the window's start does without them.

    @Slot()
    def _on_open_triggered(self) -> None:
        from custgroups.ui import database_dialogs

        url = database_dialogs.choose_database_file(self._window,
                                                    file_folder(self._choice.current))
        if url is not None:
            self._open_url(url)

    @Slot()
    def _on_connect_triggered(self) -> None:
        from custgroups.ui.database_dialogs import ConnectDialog

        chosen = ConnectDialog.ask(self._window, self._choice.server_to_suggest())
        if chosen is None:
            return
        if chosen.password and chosen.remember:
            if not passwords.store(chosen.url, chosen.password):
                self._window.statusBar().showMessage(self.tr(
                    "The system keychain did not keep the password, so it will be asked at "
                    "the next start."), 10_000)
        elif chosen.password:
            passwords.hold(chosen.url, chosen.password)
        self._open_url(chosen.url)

    @Slot()
    def _on_clear_triggered(self) -> None:
        self._choice.clear_recent()
        self.refresh()


def install_database_menu(window: QMainWindow, file_menu: QMenu,
                          open_url: Callable[[str], None],
                          choice: DatabaseChoice | None = None) -> DatabaseMenu:
    """Put Open Database… (Ctrl+O), Connect to Server…, Recent Databases and a separator at
    the top of ``file_menu``; ``open_url`` gets each database chosen."""
    return DatabaseMenu(window, file_menu, open_url, choice)


def password_for(url: str, parent: QWidget | None, problem: str = "") -> str | None:
    """The password for the server at ``url``: the one given in this run or kept in the
    keychain, else the clerk's answer; None if the clerk cancelled."""
    from custgroups.ui.password_dialog import ask_password

    return passwords.load(url) or ask_password(parent, url, problem)


def open_with_password(url: str, parent: QWidget | None,
                       open_url: Callable[[str], Opened]) -> Opened | None:
    """``open_url(url)``, with a password when the server wants one; None if the clerk
    cancelled the password.

    The address is tried as it is first (libpq then reads ``.pgpass``), then with the password
    of this run or the keychain, then with one the clerk types, as often as the server refuses
    it. Any other failure is raised.
    """
    try:
        return open_url(url)
    except CustgroupsError as exc:
        if not is_server(url) or not needs_password(exc):
            raise
    from custgroups.ui.password_dialog import ask_password

    known = passwords.load(url)
    problem = ""
    while True:
        password = known or ask_password(parent, url, problem)
        known = None
        if password is None:
            return None
        try:
            return open_url(with_password(url, password))
        except CustgroupsError as exc:
            if not needs_password(exc):
                raise
            passwords.forget(url)
            problem = said(exc)
