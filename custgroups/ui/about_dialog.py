"""Help → About custgroups: the version, the database in use, and what support asks for, with
Copy Details for an e-mail."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from custgroups.core.about import support_details
from custgroups.ui.shortcuts_dialog import ShortcutsDialog
from custgroups.ui.widgets import named


def details_text() -> str:
    """The support details, one "what: value" line each (Qt's versions included)."""
    lines = [*support_details(), ("Qt", f"{qVersion()} (PySide6 {pyside_version})")]
    return "\n".join(f"{what}: {value}" for what, value in lines)


class AboutDialog(QDialog):
    """Who we are and what this copy runs on; the details can be copied for support."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AboutDialog")
        self.setWindowTitle(self.tr("About custgroups"))
        intro = QLabel(self.tr("custgroups organises existing customers into groups for "
                               "pricing, reporting and reservations."), self)
        intro.setWordWrap(True)
        self.details = named(QPlainTextEdit(details_text(), self), "aboutDetails")
        self.details.setAccessibleName(self.tr("Details for support"))
        self.details.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = named(buttons.addButton(
            self.tr("Copy Details"), QDialogButtonBox.ButtonRole.ActionRole), "copyDetailsButton")
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.details.toPlainText()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(560, 320)


def install_help_menu(window: QMainWindow) -> QAction:
    """A Help menu with Keyboard Shortcuts (F1) and About custgroups on ``window``; the
    About action."""
    menu = window.menuBar().addMenu(QCoreApplication.translate("about", "&Help"))
    keys = named(QAction(QCoreApplication.translate("about", "&Keyboard Shortcuts"), window),
                 "shortcutsAction")
    keys.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.HelpContents))
    keys.triggered.connect(lambda: ShortcutsDialog.show_for(window))
    window.addAction(keys)
    menu.addAction(keys)
    menu.addSeparator()
    action = named(QAction(QCoreApplication.translate("about", "&About custgroups"), window),
                   "aboutAction")
    action.triggered.connect(lambda: AboutDialog(window).exec())
    menu.addAction(action)
    return action
