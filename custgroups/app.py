"""Building the application: Qt setup, the exception hook, and the main window on a database."""

from __future__ import annotations

import faulthandler
import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import qt_set_sequence_auto_mnemonic
from PySide6.QtWidgets import QApplication, QMessageBox

from custgroups import __version__
from custgroups.core import db
from custgroups.core.identity import login_name
from custgroups.core.logs import log_file_path, setup_logging
from custgroups.qt import translations
from custgroups.qt.database_choice import DatabaseChoice, start_url
from custgroups.qt.resources import app_icon
from custgroups.qt.settings import APPLICATION, ORGANIZATION, Settings
from custgroups.qt.words import said, tr
from custgroups.ui.appearance_menu import start_appearance
from custgroups.ui.database_menu import install_database_menu, open_with_password

log = logging.getLogger("custgroups.app")
qt_log = logging.getLogger("custgroups.qt")
_crash_file: TextIO | None = None
_QT_LEVELS = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}


def crash_log_path() -> Path:
    """Where a native crash is written: beside the log, in a file of its own (the log
    rotates, and a crash must be written without Python's help)."""
    path = log_file_path()
    return path.with_name(path.stem + "-crash.log")


def record_crashes_and_qt_messages() -> None:
    """Native crashes (faulthandler) and Qt's own messages go to the logs: a windowed build
    has no console to print them on."""
    global _crash_file
    if _crash_file is None:
        try:
            path = crash_log_path()
            path.parent.mkdir(parents=True, exist_ok=True)
            _crash_file = path.open("a", encoding="utf-8")
            faulthandler.enable(_crash_file)
        except OSError:
            log.warning("native crashes cannot be recorded: the crash log is not writable")
    qInstallMessageHandler(_qt_message)


def _qt_message(mode: QtMsgType, _context: Any, message: str) -> None:
    qt_log.log(_QT_LEVELS.get(mode, logging.WARNING), "%s", message)


def configure_application() -> None:
    """Names and icon for the application; call once, before or after QApplication exists."""
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    # Alt (Option) and a letter press a labelled button or field on a Mac too, as elsewhere.
    qt_set_sequence_auto_mnemonic(True)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setWindowIcon(app_icon())


def who_is_working(settings: Settings | None = None, user: str | None = None) -> str:
    """The name recorded in history: ``user`` (``--user``) if given, else the settings' name
    if one is set, else the login name."""
    return user or (settings or Settings()).user_name or login_name()


def open_main_window(database_url: str | None = None,  # type: ignore[no-untyped-def]
                     create: bool = True, user: str | None = None):
    """Open (creating if needed) the database and return the main window, not yet shown.

    Needs a running QApplication, as pytest-qt provides. The application itself (:func:`run`)
    passes ``create=False``: only the default database is made at its first start.
    """
    from custgroups.ui.main_window import MainWindow

    configure_application()
    db.open_database(database_url, create=create)
    settings = Settings()
    # On a server the history records the login, so the window names the login too.
    opened = db.info()
    who = opened.login or who_is_working(settings, user)
    window = MainWindow(who, opened.display_name, settings, can_edit=opened.can_edit,
                        database_url=opened.url)
    install_database_menu(window, window.file_menu,
                          lambda url: switch_database(window, url, user))
    return window


#: The window opened by File → Open Database… or Connect to Server…, kept alive here.
_switched: list[Any] = []
#: The translators in use, kept alive as long as the application.
_translators: list[Any] = []


def switch_database(window: Any, url: str, user: str | None = None) -> Any:
    """Close ``window`` and open the window on ``url``, asking for a password if the server
    wants one; the new window (``window`` itself if the clerk kept it open for unsaved work).
    Should that fail, the database in use opens again and the clerk is told why, in one
    sentence."""
    from custgroups.ui import messages

    def open_on(address: str) -> Any:
        return open_main_window(address, create=False, user=user)

    previous = db.info().url
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)  # between the two windows, none is open
    try:
        if not window.close():
            return window  # the clerk kept unsaved work open: stay on this database
        try:
            new = open_with_password(url, None, open_on)
        except Exception as exc:
            log.warning("could not switch to %s", db.display_name(url), exc_info=True)
            messages.warn(None, tr("Cannot open the database"),
                          said(exc))
            new = None
        if new is None:  # failed or cancelled: back to the one in use
            new = open_on(previous)
        else:
            DatabaseChoice().remember(url)
        _switched[:] = [new]
        new.show()
        return new
    finally:
        app.setQuitOnLastWindowClosed(True)


def _excepthook(kind: type[BaseException], value: BaseException,
                tb: TracebackType | None) -> None:
    """Log an unexpected error and tell the clerk in a dialog, instead of dying silently."""
    log.error("unexpected error", exc_info=(kind, value, tb))
    text = "".join(traceback.format_exception(kind, value, tb))
    if QApplication.instance() is None:
        sys.__excepthook__(kind, value, tb)
        return
    box = QMessageBox(QMessageBox.Icon.Critical,
                      tr("Something went wrong"),
                      tr("Something unexpected went wrong. Your saved work is safe; "
                         "what you were doing may not have finished. The details are "
                         "in {log}.").format(log=log_file_path()))
    box.setDetailedText(text)
    box.exec()


def run(database_url: str | None = None, user: str | None = None,
        quit_after: float | None = None) -> int:
    """Start the application window on a database, as ``user`` if given; the exit code.

    ``quit_after`` closes the window after that many seconds, as a smoke test of a build does.
    """
    setup_logging()
    record_crashes_and_qt_messages()
    QApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    configure_application()
    assert isinstance(app, QApplication)
    settings = Settings()
    _translators[:] = translations.install(app, translations.language_for(settings.language))
    start_appearance(app, settings)
    sys.excepthook = _excepthook
    try:
        # --database, else the environment, else the clerk's last choice, else IT's preset.
        window = open_with_password(start_url(database_url), None, lambda url: open_main_window(
            url, create=False, user=user))
        if window is None:  # the clerk cancelled the password
            return 1
    except Exception as exc:  # the database could not be opened: say so, plainly
        message = said(exc)
        log.error("could not start: %s", message, exc_info=True)
        QMessageBox.critical(None, tr("Cannot open the database"),
                             message)
        return 1
    window.show()
    if quit_after is not None:
        QTimer.singleShot(int(quit_after * 1000), window.close)
    return int(app.exec())
