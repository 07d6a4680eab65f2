"""Connect to Server, a password when a server asks for one, and File → Open Database… and
Recent Databases, as a clerk uses them: keys, clicks and what the dialog shows."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlparse

import keyring
import psycopg2
import pytest
from keyring.backends import fail
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QWidget,
)
from pytestqt.qtbot import QtBot

from custgroups.core import db, passwords
from custgroups.core.db.address import ServerAddress, from_url, with_password
from custgroups.core.errors import DatabaseError, tr
from custgroups.qt.database_choice import DatabaseChoice
from custgroups.ui.database_dialogs import ConnectDialog, ServerChoice
from custgroups.ui.database_menu import DatabaseMenu, install_database_menu, open_with_password
from custgroups.ui.password_dialog import PasswordDialog
from tests.test_database_choice import MemoryKeyring, free_port, preset
from tests.window_helpers import make_groups

SERVER = "postgresql://ann@db.example.com:5432/sales?sslmode=prefer"


@pytest.fixture(autouse=True)
def _settings_and_passwords(tmp_path: Path) -> Iterator[Path]:
    """The computer's settings in the test's folder; no password held from another test."""
    folder = tmp_path / "system-settings"
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.SystemScope, str(folder))
    before = keyring.get_keyring()
    passwords.forget_held()
    yield folder
    keyring.set_keyring(before)
    passwords.forget_held()


@pytest.fixture
def keychain() -> MemoryKeyring:
    """An empty keychain for the test (the autouse fixture puts the real one back)."""
    kept = MemoryKeyring()
    keyring.set_keyring(kept)
    return kept


@pytest.fixture
def no_keychain() -> None:
    """A computer without any keychain."""
    keyring.set_keyring(fail.Keyring())


def shown(qtbot: QtBot, widget: QWidget) -> None:
    """Show ``widget`` as the active window, so keys go where the clerk would type."""
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=2000)


def typed_in_focus(qtbot: QtBot, text: str) -> QWidget:
    """Type into whatever has the keyboard focus; that widget."""
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClicks(focused, text)
    return focused


def tab(qtbot: QtBot) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_Tab)


def click(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def connection_test_result(qtbot: QtBot, dialog: ConnectDialog) -> tuple[bool, str]:
    """Press Test Connection and wait for its sentence."""
    with qtbot.waitSignal(dialog.tested, timeout=20_000) as blocker:
        click(dialog.test_button)
    assert dialog.busy.isHidden() and dialog.test_button.isEnabled()
    return bool(blocker.args[0]), dialog.result_label.text()


def error_text(dialog: QWidget, field: str) -> str:
    label = dialog.findChild(QLabel, f"{field}Error")
    assert label is not None
    return label.text() if label.isVisible() else ""


# --- Connect to Server ----------------------------------------------------------------------


@pytest.mark.postgres
def test_a_typed_server_address_is_tested_in_the_background(qtbot: QtBot,
                                                            postgres_url: str) -> None:
    dialog = ConnectDialog()
    shown(qtbot, dialog)
    assert typed_in_focus(qtbot, "127.0.0.1") is dialog.host_edit
    tab(qtbot)
    assert typed_in_focus(qtbot, "5432") is dialog.port_spin
    tab(qtbot)
    assert typed_in_focus(qtbot, "test") is dialog.database_edit
    tab(qtbot)
    assert typed_in_focus(qtbot, "postgres") is dialog.user_edit
    tab(qtbot)
    assert QApplication.focusWidget() is dialog.password_edit
    ok, sentence = connection_test_result(qtbot, dialog)
    assert ok, sentence
    assert sentence.startswith("Connected to test on 127.0.0.1 as postgres: ")
    assert dialog.isVisible()  # testing never closes the dialog


@pytest.mark.postgres
def test_a_suggested_server_shows_its_groups_and_schema(qtbot: QtBot, postgres_url: str) -> None:
    db.open_database(postgres_url, create=True)
    make_groups(3)
    dialog = ConnectDialog(None, postgres_url)
    shown(qtbot, dialog)
    assert (dialog.host_edit.text(), dialog.port_spin.value(), dialog.database_edit.text(),
            dialog.user_edit.text()) == ("127.0.0.1", 5432, "test", "postgres")
    schema = from_url(postgres_url).schema  # type: ignore[union-attr]
    assert connection_test_result(qtbot, dialog) == (
        True, f"Connected to test (schema {schema}) on 127.0.0.1 as postgres: groups: 3, "
              "schema up to date.")
    assert from_url(dialog.choice().url) == from_url(postgres_url)  # the schema kept


def test_a_wrong_port_gives_a_plain_sentence(qtbot: QtBot) -> None:
    port = free_port()
    dialog = ConnectDialog(None, ServerAddress(host="127.0.0.1", database="test",
                                               user="postgres", port=port).url())
    shown(qtbot, dialog)
    ok, sentence = connection_test_result(qtbot, dialog)
    assert not ok
    assert sentence.startswith("Cannot reach the database server for "
                               f"postgresql://postgres@127.0.0.1:{port}/test?sslmode=prefer")
    assert sentence.endswith("Check that it is running and that this computer is on its "
                             "network.")
    click(dialog.database_edit)
    typed_in_focus(qtbot, "x")  # editing the address clears the stale answer
    assert dialog.result_label.text() == ""


def test_an_empty_database_is_refused_beside_its_field(qtbot: QtBot) -> None:
    dialog = ConnectDialog()
    shown(qtbot, dialog)
    typed_in_focus(qtbot, "db.example.com")
    qtbot.keyClick(dialog.host_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert error_text(dialog, "database") == "Enter the name of the database on the server."
    assert error_text(dialog, "host") == ""
    assert QApplication.focusWidget() is dialog.database_edit
    click(dialog.test_button)  # no test of an incomplete address either
    assert dialog.busy.isHidden() and dialog.result_label.text() == ""
    typed_in_focus(qtbot, "sales")
    assert error_text(dialog, "database") == ""  # the message goes with its cause
    click(dialog.cancel_button)
    assert not dialog.isVisible()


def test_connect_gives_the_address_without_and_the_password_apart(
        qtbot: QtBot, keychain: MemoryKeyring) -> None:
    dialog = ConnectDialog()
    shown(qtbot, dialog)
    typed_in_focus(qtbot, "db.example.com")
    for text in ("", "sales", "ann", "s3cret"):  # the port keeps 5432
        tab(qtbot)
        typed_in_focus(qtbot, text)
    tab(qtbot)
    assert QApplication.focusWidget() is dialog.tls_combo
    qtbot.keyClick(dialog.tls_combo, Qt.Key.Key_Down)
    assert dialog.tls_combo.currentText() == "Require encryption"
    tab(qtbot)
    assert QApplication.focusWidget() is dialog.remember_check
    qtbot.keyClick(dialog.remember_check, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.choice() == ServerChoice(
        "postgresql://ann@db.example.com:5432/sales?sslmode=require", "s3cret", True)


def test_every_field_has_a_mnemonic(qtbot: QtBot) -> None:
    dialog = ConnectDialog()
    shown(qtbot, dialog)
    for key, field in ((Qt.Key.Key_D, dialog.database_edit), (Qt.Key.Key_O, dialog.port_spin),
                       (Qt.Key.Key_U, dialog.user_edit), (Qt.Key.Key_W, dialog.password_edit),
                       (Qt.Key.Key_E, dialog.tls_combo), (Qt.Key.Key_S, dialog.host_edit)):
        qtbot.keyClick(QApplication.focusWidget(), key, Qt.KeyboardModifier.AltModifier)
        assert QApplication.focusWidget() is field, field.objectName()
        assert field.accessibleName()


def test_without_a_keychain_the_password_cannot_be_remembered(qtbot: QtBot,
                                                             no_keychain: None) -> None:
    dialog = ConnectDialog()
    shown(qtbot, dialog)
    assert not dialog.remember_check.isEnabled()
    assert "asked at each start" in dialog.remember_check.toolTip()
    assert dialog.keychain_note.isVisible()


# --- the password at start ----------------------------------------------------------------


def test_the_password_dialog_wants_a_password(qtbot: QtBot, keychain: MemoryKeyring) -> None:
    dialog = PasswordDialog(SERVER, None, "The database server refused the login.")
    shown(qtbot, dialog)
    assert dialog.problem_label.isVisible()
    click(dialog.connect_button)
    assert dialog.isVisible()
    assert error_text(dialog, "password") == "Type the password, or choose Cancel."
    assert typed_in_focus(qtbot, "s3cret") is dialog.password_edit
    assert error_text(dialog, "password") == ""
    click(dialog.connect_button)
    assert dialog.result() == QDialog.DialogCode.Accepted


def refusing_server(password: str) -> Callable[[str], str]:
    """An ``open_url`` for a server that takes only ``password``; it returns the address."""
    def open_url(url: str) -> str:
        given = urlparse(url).password
        if given == password:
            return url
        text = ("fe_sendauth: no password supplied" if not given
                else 'FATAL:  password authentication failed for user "ann"')
        try:
            raise psycopg2.OperationalError(text)
        except psycopg2.OperationalError as exc:
            raise DatabaseError(tr("The database server refused the login.")) from exc
    return open_url


def test_a_server_is_tried_without_then_keychain_then_asks(
        keychain: MemoryKeyring, monkeypatch: pytest.MonkeyPatch) -> None:
    passwords.store(SERVER, "outdated")
    passwords.forget_held()
    asked: list[str] = []

    def answer(cls: type, parent: QWidget | None, url: str,
               problem: str = "") -> tuple[str, bool]:
        asked.append(problem)
        return "right", True

    monkeypatch.setattr(PasswordDialog, "ask", classmethod(answer))
    opened = open_with_password(SERVER, None, refusing_server("right"))
    assert opened == with_password(SERVER, "right")
    assert asked == ["The database server refused the login."]  # after the keychain's failed
    assert keychain.kept == {("custgroups", SERVER): "right"}


def test_cancelling_the_password_opens_nothing(monkeypatch: pytest.MonkeyPatch,
                                               no_keychain: None) -> None:
    monkeypatch.setattr(PasswordDialog, "ask", classmethod(lambda *a, **k: None))
    assert open_with_password(SERVER, None, refusing_server("right")) is None


@pytest.mark.postgres
def test_a_server_that_needs_no_password_is_never_asked_for_one(
        postgres_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def unexpected(*args: object, **kwargs: object) -> None:
        raise AssertionError("asked for a password")

    monkeypatch.setattr(PasswordDialog, "ask", classmethod(unexpected))
    info = open_with_password(postgres_url, None,
                              lambda url: (db.open_database(url, create=True), db.info())[1])
    assert info is not None and info.kind == "postgresql"


# --- the File menu --------------------------------------------------------------------------


def window_with_file_menu(qtbot: QtBot, opened: list[str],
                          choice: DatabaseChoice | None = None) -> tuple[QMainWindow, QMenu,
                                                                          DatabaseMenu]:
    window = QMainWindow()
    file_menu = window.menuBar().addMenu("&File")
    file_menu.addAction("&Quit", window.close)
    menu = install_database_menu(window, file_menu, opened.append, choice)
    shown(qtbot, window)
    return window, file_menu, menu


def test_the_database_actions_come_first_in_the_file_menu(qtbot: QtBot) -> None:
    _window, file_menu, menu = window_with_file_menu(qtbot, [])
    names = [a.objectName() or a.text() or "separator" for a in file_menu.actions()]
    assert names == ["openDatabaseAction", "connectServerAction", "&Recent Databases",
                     "separator", "&Quit"]
    assert menu.open_action.shortcut().toString() == "Ctrl+O"
    assert menu.recent_menu.objectName() == "recentDatabasesMenu"


# Menus pop up on the offscreen platform too, which says it cannot raise them or grab keys.
@pytest.mark.qt_log_ignore("This plugin does not support")
def test_recent_databases_are_listed_latest_first_and_cleared(qtbot: QtBot) -> None:
    choice = DatabaseChoice()
    for url in ("sqlite:////data/a.db", SERVER, "sqlite:////data/b&c.db"):
        choice.remember(url)
    opened: list[str] = []
    window, file_menu, menu = window_with_file_menu(qtbot, opened, choice)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(file_menu.isVisible)
    qtbot.keyClick(file_menu, Qt.Key.Key_R)
    qtbot.waitUntil(menu.recent_menu.isVisible)
    assert [a.text() for a in menu.recent_menu.actions()] == [
        "&1 b&&c.db — /data", "&2 sales on db.example.com as ann", "&3 a.db — /data", "",
        "&Clear Recent"]
    assert menu.recent_menu.actions()[1].toolTip() == SERVER  # the whole address
    qtbot.keyClick(menu.recent_menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu.recent_menu, Qt.Key.Key_Return)
    assert opened == [SERVER]
    menu.clear_action.trigger()
    actions = menu.recent_menu.actions()
    assert [a.text() for a in actions] == ["No recent databases", "", "&Clear Recent"]
    assert not actions[0].isEnabled() and not menu.clear_action.isEnabled()
    assert DatabaseChoice().recent == []


def test_open_database_asks_for_a_file_near_the_current_one(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "team.db").touch()
    DatabaseChoice().remember(f"sqlite:///{tmp_path.as_posix()}/mine.db")
    asked: list[tuple[str, str]] = []

    def choose(parent: QWidget, title: str, folder: str, filters: str) -> tuple[str, str]:
        asked.append((folder, filters))
        return str(tmp_path / "team.db"), filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    opened: list[str] = []
    window, _file_menu, _menu = window_with_file_menu(qtbot, opened)
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert asked == [(str(tmp_path),
                      "custgroups databases (*.db *.sqlite *.sqlite3);;All files (*)")]
    assert opened == [f"sqlite:///{(tmp_path / 'team.db').as_posix()}"]


def test_connect_to_server_keeps_the_password_in_the_keychain_only(
        qtbot: QtBot, keychain: MemoryKeyring, monkeypatch: pytest.MonkeyPatch,
        _settings_and_passwords: Path) -> None:
    preset(_settings_and_passwords, SERVER)
    suggested: list[str] = []

    def answer(cls: type, parent: QWidget | None, suggest: str = "") -> ServerChoice:
        suggested.append(suggest)
        return ServerChoice(SERVER, "s3cret", True)

    monkeypatch.setattr(ConnectDialog, "ask", classmethod(answer))
    opened: list[str] = []
    _window, _file_menu, menu = window_with_file_menu(qtbot, opened)
    menu.connect_action.trigger()
    assert suggested == [SERVER]  # IT's preset is offered
    assert opened == [SERVER]
    assert keychain.kept == {("custgroups", SERVER): "s3cret"}


def test_without_a_keychain_a_typed_password_lasts_this_run(
        qtbot: QtBot, no_keychain: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ConnectDialog, "ask", classmethod(
        lambda *a, **k: ServerChoice(SERVER, "s3cret", False)))
    opened: list[str] = []
    _window, _file_menu, menu = window_with_file_menu(qtbot, opened)
    menu.connect_action.trigger()
    assert opened == [SERVER]
    assert passwords.load(SERVER) == "s3cret"
