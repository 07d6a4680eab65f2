"""Every message box the application shows, in one module that tests can replace."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def confirm(parent: QWidget | None, title: str, text: str, action: str) -> bool:
    """Ask before doing something; True if the clerk chose ``action``."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is yes


def inform(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    """Tell the clerk something went as planned."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def warn(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    """Tell the clerk something did not work, in plain words; details on request."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def done_with_folder(parent: QWidget | None, title: str, text: str) -> bool:
    """Say a file was written; True if the clerk asked to open its folder."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    open_folder = box.addButton(QCoreApplication.translate("messages", "Open Folder"),
                                QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    return box.clickedButton() is open_folder
