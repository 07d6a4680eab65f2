"""The filter bar: code, name/description and status, with Search and Reset."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from custgroups.core.groups import GroupQuery, Status
from custgroups.ui.widgets import named

#: How long typing must pause before the list follows it.
DEBOUNCE_MS = 250


class FilterBar(QWidget):
    """Emits ``filters_changed`` after a pause in typing, or at once on Enter or Search."""

    filters_changed = Signal()
    reset_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._init_widgets()
        self._init_layout()

    def _init_widgets(self) -> None:
        self.code_edit = named(QLineEdit(self), "codeFilter")
        self.code_edit.setPlaceholderText(self.tr("Code contains…"))
        self.code_edit.setClearButtonEnabled(True)
        self.code_edit.setAccessibleName(self.tr("Code filter"))
        self.text_edit = named(QLineEdit(self), "nameFilter")
        self.text_edit.setPlaceholderText(self.tr("Name or description contains…"))
        self.text_edit.setClearButtonEnabled(True)
        self.text_edit.setAccessibleName(self.tr("Name or description filter"))
        self.status_combo = named(QComboBox(self), "statusFilter")
        for label, status in ((self.tr("All"), Status.ALL), (self.tr("Active"), Status.ACTIVE),
                              (self.tr("Inactive"), Status.INACTIVE)):
            self.status_combo.addItem(label, status.value)
        self.status_combo.setAccessibleName(self.tr("Status filter"))
        self.search_button = named(QPushButton(self.tr("Search"), self), "searchButton")
        self.reset_button = named(QPushButton(self.tr("Reset"), self), "resetButton")
        for edit in (self.code_edit, self.text_edit):
            edit.textEdited.connect(self._on_edit_text_edited)
            edit.returnPressed.connect(self._on_search_clicked)
        self.status_combo.activated.connect(self._on_search_clicked)
        self.search_button.clicked.connect(self._on_search_clicked)
        self.reset_button.clicked.connect(self._on_reset_clicked)

    def _init_layout(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        code_label = QLabel(self.tr("&Code"), self)
        code_label.setBuddy(self.code_edit)
        text_label = QLabel(self.tr("&Name / description"), self)
        text_label.setBuddy(self.text_edit)
        status_label = QLabel(self.tr("S&tatus"), self)
        status_label.setBuddy(self.status_combo)
        self.code_edit.setMaximumWidth(180)
        layout.addWidget(code_label)
        layout.addWidget(self.code_edit, 1)
        layout.addSpacing(8)
        layout.addWidget(text_label)
        layout.addWidget(self.text_edit, 3)
        layout.addSpacing(8)
        layout.addWidget(status_label)
        layout.addWidget(self.status_combo)
        layout.addSpacing(8)
        layout.addWidget(self.search_button)
        layout.addWidget(self.reset_button)

    def applied_to(self, query: GroupQuery) -> GroupQuery:
        """``query`` with the filters as they stand, back on page 1."""
        return query.with_filters(self.code_edit.text(), self.text_edit.text(),
                                  Status(self.status_combo.currentData()))

    def show_query(self, query: GroupQuery) -> None:
        """Show the filters of ``query`` without announcing them."""
        self.code_edit.setText(query.code)
        self.text_edit.setText(query.text)
        self.status_combo.setCurrentIndex(
            max(0, self.status_combo.findData(Status(query.status).value)))

    def focus_text(self) -> None:
        """Put the cursor in the name/description filter, its text selected."""
        self.text_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text_edit.selectAll()

    @Slot()
    def _on_edit_text_edited(self) -> None:
        self._timer.start()

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.filters_changed.emit()

    @Slot()
    def _on_search_clicked(self) -> None:
        self._timer.stop()
        self.filters_changed.emit()

    @Slot()
    def _on_reset_clicked(self) -> None:
        self._timer.stop()
        self.show_query(GroupQuery())
        self.reset_requested.emit()
