"""First / previous / next / last, page size, and "Showing 51–100 of 12,345 groups"."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton, QWidget

from custgroups.core.groups import PAGE_SIZES, GroupPage
from custgroups.qt.words import number
from custgroups.ui import style
from custgroups.ui.widgets import named, shortcut


class Pager(QWidget):
    """Asks for pages by number; shows where the clerk is."""

    page_requested = Signal(int)
    page_size_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._page = 1
        self._pages = 1
        self._init_widgets()

    def _init_widgets(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = named(QLabel(self), "pageLabel")
        layout.addWidget(self.label, 1)
        self.buttons = {}
        for name, text, tip, key in (
                ("firstPageButton", "«", self.tr("First page"), "Ctrl+Shift+PgUp"),
                ("prevPageButton", "‹", self.tr("Previous page"), "Ctrl+PgUp"),
                ("nextPageButton", "›", self.tr("Next page"), "Ctrl+PgDown"),
                ("lastPageButton", "»", self.tr("Last page"), "Ctrl+Shift+PgDown")):
            button = named(QToolButton(self), name)
            button.setText(text)
            keys = QKeySequence(key)
            button.setToolTip(self.tr("{what} ({keys})").format(
                what=tip, keys=keys.toString(QKeySequence.SequenceFormat.NativeText)))
            shortcut(keys, self, button.click)  # anywhere in the window, as the buttons are
            button.setAccessibleName(tip)
            button.setAutoRaise(True)
            style.focus_ring(button)
            button.setMinimumWidth(30)
            font = button.font()
            font.setPointSizeF(font.pointSizeF() * 1.3)
            button.setFont(font)
            layout.addWidget(button)
            self.buttons[name] = button
        self.position = QLabel(self)
        layout.insertWidget(3, self.position)
        layout.addSpacing(12)
        size_label = QLabel(self.tr("Rows per page"), self)
        layout.addWidget(size_label)
        self.size_combo = named(QComboBox(self), "pageSizeCombo")
        for size in PAGE_SIZES:
            self.size_combo.addItem(str(size), size)
        self.size_combo.setAccessibleName(self.tr("Rows per page"))
        size_label.setBuddy(self.size_combo)
        layout.addWidget(self.size_combo)
        self.buttons["firstPageButton"].clicked.connect(lambda: self.page_requested.emit(1))
        self.buttons["prevPageButton"].clicked.connect(
            lambda: self.page_requested.emit(max(1, self._page - 1)))
        self.buttons["nextPageButton"].clicked.connect(
            lambda: self.page_requested.emit(min(self._pages, self._page + 1)))
        self.buttons["lastPageButton"].clicked.connect(
            lambda: self.page_requested.emit(self._pages))
        self.size_combo.activated.connect(self._on_size_combo_activated)

    @property
    def page_size(self) -> int:
        """Rows per page as chosen."""
        return int(self.size_combo.currentData())

    def set_page_size(self, size: int) -> None:
        """Show a page size without announcing it."""
        self.size_combo.setCurrentIndex(max(0, self.size_combo.findData(size)))

    def show_page(self, page: GroupPage, filtered: bool) -> None:
        """Show where this page sits among all matching groups."""
        self._page, self._pages = page.page, page.page_count
        if page.total:
            self.label.setText(self.tr("Showing {first}–{last} of %Ln group(s)", "",
                                       page.total).format(first=number(page.first_row),
                                                          last=number(page.last_row)))
        elif filtered:
            self.label.setText(self.tr("No groups match these filters"))
        else:
            self.label.setText(self.tr("No groups yet"))
        self.position.setText(self.tr("Page {page} of {pages}").format(
            page=number(page.page), pages=number(page.page_count)))
        self.buttons["firstPageButton"].setEnabled(page.page > 1)
        self.buttons["prevPageButton"].setEnabled(page.page > 1)
        self.buttons["nextPageButton"].setEnabled(page.page < page.page_count)
        self.buttons["lastPageButton"].setEnabled(page.page < page.page_count)

    @Slot(int)
    def _on_size_combo_activated(self, _index: int) -> None:
        self.page_size_changed.emit(self.page_size)
