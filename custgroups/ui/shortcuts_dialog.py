"""Help → Keyboard Shortcuts: every key the windows answer to, as this computer writes it
(Ctrl on Windows and Linux, ⌘ on a Mac). The main window's rows come from its actions, so the
sheet cannot drift from what the keys do."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from custgroups.qt.words import tr
from custgroups.ui.widgets import fit_to_screen, named

#: Keys a clerk presses alone; others alone are media keys few keyboards have (Refresh, Exit).
_PLAIN = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape, Qt.Key.Key_Delete,
          Qt.Key.Key_Backspace, Qt.Key.Key_Space, Qt.Key.Key_Tab, Qt.Key.Key_Down, Qt.Key.Key_Up,
          *(Qt.Key(Qt.Key.Key_F1.value + n) for n in range(12))}


def _shown(keys: Iterable[QKeySequence]) -> str:
    """The keys as this computer writes them, media keys left out, joined by "or"."""
    found: list[str] = []
    for key in keys:
        combo = key[0]  # type: ignore[index]  # a QKeyCombination; the stubs lack it
        alone = combo.keyboardModifiers() == Qt.KeyboardModifier.NoModifier
        if alone and combo.key() not in _PLAIN:
            continue
        text = key.toString(QKeySequence.SequenceFormat.NativeText)
        if text and text not in found:
            found.append(text)
    return tr(" or ").join(found)


def _keys(*sequences: str | QKeySequence.StandardKey) -> str:
    return _shown(key for sequence in sequences for key in (
        QKeySequence.keyBindings(sequence) if isinstance(sequence, QKeySequence.StandardKey)
        else [QKeySequence(sequence)]))


def _mnemonic(context: str, label: str) -> str:
    """The Alt key of a label in the clerk's language ("Rea&son" is Alt+S, its German
    "Gr&und" Alt+U), asked of the class that shows it."""
    return _shown([QKeySequence.mnemonic(QCoreApplication.translate(context, label))])


def _fixed_rows() -> list[tuple[str, str, str]]:
    """The keys that are no menu's: the list's pages, the editor, the picker, Customers."""
    window, editor = tr("Customer Groups"), tr("Group editor")
    picker, found = tr("Customer picker"), tr("Customers")
    return [
        (window, tr("Previous page / next page"), _keys("Ctrl+PgUp") + " / " + _keys(
            "Ctrl+PgDown")),
        (window, tr("First page / last page"), _keys("Ctrl+Shift+PgUp") + " / " + _keys(
            "Ctrl+Shift+PgDown")),
        (window, tr("Edit the selected group"), _keys("Return")),
        (editor, tr("Save"), _keys(QKeySequence.StandardKey.Save)),
        (editor, tr("Paste codes"), _keys("Alt+P")),
        (editor, tr("Choose how a list changes the group"), _mnemonic("PasteBox", "&Mode")),
        (editor, tr("Apply the pasted list"), _mnemonic("PasteBox", "&Add Recognised")),
        (editor, tr("Reason"), _mnemonic("TextFields", "Rea&son")),
        (editor, tr("Remove the selected members"), _keys(QKeySequence.StandardKey.Delete,
                                                           "Backspace")),
        (editor, tr("Undo the last change to members"), _keys(QKeySequence.StandardKey.Undo)),
        (editor, tr("Redo it"), _keys(QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z")),
        (editor, tr("Cancel"), _keys("Escape")),
        (picker, tr("From the search into the results"), _keys("Down")),
        (picker, tr("Tick or untick the selected customers"), _keys("Space")),
        (found, tr("Browse, or the pasted list"), _mnemonic("CustomersWindow", "&Browse")
         + " / " + _mnemonic("CustomersWindow", "Pasted &List")),
        (found, tr("Customer codes of the pasted list"),
         _mnemonic("CustomerGridPanel", "Customer &codes")),
        (found, tr("Tick or untick a group"), _keys("Space")),
        (found, tr("Save the pasted list's ticks"), _keys(QKeySequence.StandardKey.Save)),
        (tr("Everywhere"), tr("Leave a table"), _keys("Tab")),
    ]


def action_rows(actions: Iterable[QAction]) -> list[tuple[str, str, str]]:
    """A row for each of the main window's actions that has keys."""
    rows = []
    for action in actions:
        keys = _shown(action.shortcuts())
        if keys:
            name = action.text().replace("&", "").removesuffix("…")
            rows.append((tr("Customer Groups"), name, keys))
    return rows


class ShortcutsDialog(QDialog):
    """A table of where, what and which keys."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("ShortcutsDialog")
        self.setWindowTitle(tr("Keyboard Shortcuts"))
        rows = action_rows(window.actions()) + _fixed_rows()
        self.table = named(QTableWidget(len(rows), 3, self), "shortcutsTable")
        self.table.setAccessibleName(tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([tr("Where"), tr("What"), tr("Keys")])
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 640, 620)

    @classmethod
    def show_for(cls, window: QMainWindow) -> ShortcutsDialog:
        """Show the sheet beside the window (it may stay open while the clerk works), or
        bring the one already open to the front."""
        found = window.findChild(cls)
        sheet = found if isinstance(found, cls) else cls(window)
        sheet.show()
        sheet.raise_()
        sheet.activateWindow()
        return sheet
