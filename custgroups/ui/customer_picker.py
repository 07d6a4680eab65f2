"""The customer picker: search by code or name, tick customers, fetched page by page."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from custgroups.core.customers import (
    CustomerPage,
    CustomerRow,
    Selectable,
    count_matching_customers,
    search_customers,
    selectable_customers,
)
from custgroups.qt.tasks import Lane
from custgroups.qt.words import number, said
from custgroups.ui import style
from custgroups.ui.models.table_model import Index, RowsTableModel
from custgroups.ui.widgets import fit_columns, fit_to_screen, named, read_only_table, shortcut

#: Rows fetched at a time as the clerk scrolls.
BATCH = 200
DEBOUNCE_MS = 200


class PickerColumn(IntEnum):
    """The picker's columns."""

    CODE = 0
    NAME = 1
    CITY = 2
    STATUS = 3


class PickerModel(RowsTableModel[CustomerRow]):
    """The customers matching a search, fetched in batches; ticks live in a set of ids.

    Only the rows scrolled to so far are held; "select all matching" ticks ids fetched from
    the database, not rows loaded here.
    """

    more_wanted = Signal(int)  # offset of the next batch
    ticks_changed = Signal()

    def __init__(self, members: set[int], parent: Any = None) -> None:
        super().__init__([self.tr("Code"), self.tr("Name"), self.tr("City"), self.tr("Status")],
                         parent)
        self._rows: list[CustomerRow] = []
        self._total = 0
        self._maybe_more = False
        self._term = ""
        self._asked = False
        self.members = members
        self.ticked: set[int] = set()
        self._muted = style.muted()
        self._italic = style.italic()

    @property
    def total(self) -> int:
        """How many customers match the search (-1 while it is being counted)."""
        return self._total

    def start(self, term: str, page: CustomerPage, batch: int) -> None:
        """Show the first batch of a new search; its total may follow later."""
        self.beginResetModel()
        self._term, self._rows, self._total, self._asked = term, list(page.rows), page.total, False
        self._maybe_more = len(page.rows) >= batch
        self.endResetModel()

    def set_total(self, term: str, total: int) -> None:
        """The number of matches, once counted, if it still belongs to the current search."""
        if term == self._term:
            self._total = total
            self.ticks_changed.emit()

    def append(self, term: str, page: CustomerPage) -> None:
        """Add a later batch, if it still belongs to the current search."""
        self._asked = False
        if term != self._term or page.offset != len(self._rows):
            return
        self._maybe_more = bool(page.rows) and (self._total < 0
                                                or len(self._rows) + len(page.rows) < self._total)
        if not page.rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
        self._rows.extend(page.rows)
        self.endInsertRows()

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        if parent.isValid():
            return False
        if self._total >= 0:
            return len(self._rows) < self._total
        return self._maybe_more

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        if self.canFetchMore(parent) and not self._asked:
            self._asked = True
            self.more_wanted.emit(len(self._rows))

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        customer = self._rows[index.row()]
        if customer.id in self.members:
            return Qt.ItemFlag.ItemIsSelectable  # shown, ticked, not changeable
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == PickerColumn.CODE and customer.active:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        customer = self._rows[index.row()]
        column = PickerColumn(index.column())
        member = customer.id in self.members
        if role == Qt.ItemDataRole.DisplayRole:
            if column == PickerColumn.CODE:
                return customer.code
            if column == PickerColumn.NAME:
                return customer.name
            if column == PickerColumn.CITY:
                return customer.city
            if member:
                return self.tr("In the group")
            return self.tr("Active") if customer.active else self.tr("Inactive: cannot be added")
        if role == Qt.ItemDataRole.CheckStateRole and column == PickerColumn.CODE:
            if not member and not customer.active:
                return None  # no box to tick: unlike a member, it is not in the group
            ticked = member or customer.id in self.ticked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and (member or not customer.active):
            return self._muted
        if role == Qt.ItemDataRole.FontRole and not member and not customer.active:
            return self._italic
        if role == Qt.ItemDataRole.ToolTipRole:
            if member:
                return self.tr("Already in this group")
            if not customer.active:
                return self.tr("Inactive customers are not added to groups; activate the "
                               "customer in the ERP first.")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        customer = self._rows[index.row()]
        if customer.id in self.members or not customer.active:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.tick([customer.id], checked)
        return True

    def tick(self, ids: list[int], checked: bool) -> None:
        """Tick or untick customers (members stay as they are)."""
        ids = [i for i in ids if i not in self.members]
        if checked:
            self.ticked.update(ids)
        else:
            self.ticked.difference_update(ids)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0),
                                  [Qt.ItemDataRole.CheckStateRole])
        self.ticks_changed.emit()


class CustomerPicker(QDialog):
    """Pick customers to add to a group; OK hands back their ids, Cancel nothing."""

    def __init__(self, members: set[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CustomerPicker")
        self.setWindowTitle(self.tr("Add Customers"))
        self._lane = Lane("picker", self, self._show_problem)
        self._skipped = 0
        self._request = 0
        self.model = PickerModel(members, self)
        self.model.more_wanted.connect(self._on_model_more_wanted)
        self.model.ticks_changed.connect(self._update_labels)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.search)
        self._init_widgets()
        self.search()
        fit_to_screen(self, 760, 560)

    @classmethod
    def pick(cls, members: set[int], parent: QWidget | None) -> set[int]:
        """The ids of the customers ticked, or an empty set if the clerk cancelled."""
        picker = cls(members, parent)
        return set(picker.model.ticked) if picker.exec() == QDialog.DialogCode.Accepted else set()

    def _init_widgets(self) -> None:
        self.search_edit = named(QLineEdit(self), "pickerSearch")
        self.search_edit.setAccessibleName(self.tr("Search customers by code or name"))
        self.search_edit.setPlaceholderText(self.tr("Search by code or name…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textEdited.connect(lambda _text: self._timer.start())
        self.search_edit.returnPressed.connect(self._on_search_return_pressed)
        # Down from the search goes into the results, as in a browser's address bar.
        shortcut(QKeySequence(Qt.Key.Key_Down), self.search_edit, self._into_results,
                 Qt.ShortcutContext.WidgetShortcut)
        self.table = read_only_table(self, "pickerTable", self.model,
                                     self.tr("Customers found"), several=True)
        fit_columns(self.table, {PickerColumn.CODE: "C0000000000", PickerColumn.CITY: "Trondheim",
                                 PickerColumn.STATUS: "Inactive"})
        self.table.horizontalHeader().setSectionResizeMode(PickerColumn.NAME,
                                                           QHeaderView.ResizeMode.Stretch)
        shortcut(QKeySequence(Qt.Key.Key_Space), self.table, self.toggle_selected,
                 Qt.ShortcutContext.WidgetShortcut)
        self.select_all_button = named(QPushButton(self), "pickerSelectAllButton")
        self.select_all_button.clicked.connect(self._on_select_all_clicked)
        self.clear_button = QPushButton(self.tr("Clear Ticks"), self)
        self.clear_button.clicked.connect(self._on_clear_clicked)
        self.count_label = QLabel(self)
        self.problem_label = named(QLabel(self), "pickerProblem")
        style.error_text(self.problem_label)
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()
        self.selected_label = named(QLabel(self), "pickerSelectedLabel")
        note = QLabel(self.tr("Customers already in the group are ticked and greyed; inactive "
                              "customers are in italics and cannot be added. Tick with a click "
                              "or Space; Shift and Ctrl select several rows."), self)
        note.setWordWrap(True)
        note.setEnabled(False)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("okButton")
        self.ok_button.setText(self.tr("Add"))
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancelButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.count_label)
        actions = QHBoxLayout()
        actions.addWidget(self.select_all_button)
        actions.addWidget(self.clear_button)
        actions.addStretch(1)
        actions.addWidget(self.selected_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem_label)
        layout.addWidget(note)
        layout.addLayout(actions)
        layout.addWidget(buttons)
        self._update_labels()

    @Slot()
    def search(self) -> None:
        """Run the search in the box now."""
        self._timer.stop()
        term = self.search_edit.text().strip()
        self._request += 1
        number = self._request
        # The page first, painted at once; the count of every match follows when the page
        # does not already hold them all.
        self._lane.submit(lambda _p: search_customers(term, 0, BATCH, with_total=False),
                          succeeded=lambda page: self._on_first_page(number, term, page),
                          failed=lambda exc: self._on_search_failed(number, term, exc))

    def _on_search_failed(self, number: int, term: str, exc: BaseException) -> None:
        if number == self._request:  # show no stale rows under a search they do not match
            self.model.start(term, CustomerPage((), 0, 0), BATCH)
            self._update_labels()
            self._show_problem(self.tr("The search could not be run: {reason}").format(
                reason=said(exc)))

    def _show_problem(self, message: str) -> None:
        self.problem_label.setText(message)
        self.problem_label.setVisible(bool(message))

    def _on_first_page(self, number: int, term: str, page: CustomerPage) -> None:
        if number != self._request:
            return  # a later keystroke has its own answer coming
        self._show_problem("")
        if len(page.rows) < BATCH:  # every match is on the page: counted already
            page = CustomerPage(page.rows, len(page.rows), 0)
        else:
            self._lane.submit(lambda _p: count_matching_customers(term),
                              succeeded=lambda total: self._on_counted(number, term, total))
        self.model.start(term, page, BATCH)
        self._update_labels()
        if page.rows and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    def _on_counted(self, number: int, term: str, total: int) -> None:
        if number == self._request:
            self.model.set_total(term, total)

    @Slot(int)
    def _on_model_more_wanted(self, offset: int) -> None:
        term = self.model._term
        self._lane.submit(lambda _p: search_customers(term, offset, BATCH, with_total=False),
                          succeeded=lambda page: self.model.append(term, page))

    def _into_results(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    @Slot()
    def _on_search_return_pressed(self) -> None:
        self.search()
        self.table.setFocus()

    @Slot()
    def toggle_selected(self) -> None:
        """Space: tick the selected rows, or untick them if all are ticked."""
        rows = [self.model.row_at(i.row()) for i in self.table.selectionModel().selectedRows()]
        ids = [c.id for c in rows
               if c is not None and c.id not in self.model.members and c.active]
        if ids:
            self.model.tick(ids, not all(i in self.model.ticked for i in ids))

    @Slot()
    def _on_select_all_clicked(self) -> None:
        term = self.model._term
        self.select_all_button.setEnabled(False)

        def done(found: Selectable) -> None:
            self._skipped = found.inactive
            self.model.tick(list(found.ids), True)

        def failed(exc: BaseException) -> None:
            self._update_labels()
            self._show_problem(self.tr("Could not select every match: {reason}").format(
                reason=said(exc)))

        self._lane.submit(lambda _p: selectable_customers(term), succeeded=done, failed=failed)

    @Slot()
    def _on_clear_clicked(self) -> None:
        self._skipped = 0
        self.model.tick(list(self.model.ticked), False)

    @Slot()
    def _update_labels(self) -> None:
        total = self.model.total
        counted = number(total) if total >= 0 else "…"
        self.count_label.setText(self.tr("{n} matching").format(n=counted))
        self.select_all_button.setText(self.tr("Select All {n} Matching").format(n=counted))
        self.select_all_button.setEnabled(total > 0)
        selected = self.tr("Selected: {n}").format(n=number(len(self.model.ticked)))
        if self._skipped:
            selected += self.tr(" · {n} inactive not selected").format(n=number(self._skipped))
        self.selected_label.setText(selected)
        self.ok_button.setEnabled(bool(self.model.ticked))

    def done(self, result: int) -> None:
        """Stop background searches before the dialog goes."""
        self._lane.shutdown()
        super().done(result)
