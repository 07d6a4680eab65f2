"""The Customers window: find customers, see which groups each is in since when and added by
whom, and add them to a group or take them out (saved at once, like any edit of the group)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from custgroups.core.customer_list import (
    Belonging,
    CustomerListPage,
    CustomerQuery,
    CustomerStatus,
    ListedCustomer,
    SavedFilter,
    groups_of,
    list_customers,
    set_member,
)
from custgroups.core.events import Change, customer_timeline
from custgroups.core.moves import target_choices
from custgroups.qt.tasks import Lane
from custgroups.qt.words import moment, number, said
from custgroups.ui import messages, style
from custgroups.ui.customer_grid import CustomerGridPanel
from custgroups.ui.models.customer_models import BelongingModel, CustomerListModel
from custgroups.ui.transfers import RunExport
from custgroups.ui.widgets import fit_to_screen, named, read_only_table, split
from custgroups.ui.wording import changed_ticks, way

#: How long typing may pause before the list follows it.
_DEBOUNCE_MS = 250


def _table(parent: QWidget, name: str, model: Any) -> QTableView:
    table = read_only_table(parent, name, model)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the name takes the rest
    return table


class CustomersWindow(QMainWindow):
    """Customers on the left (filters, pages), the selected customer's groups on the right."""

    page_shown = Signal()  # a page of customers is on screen
    groups_shown = Signal()  # the selected customer's groups are on screen

    def __init__(self, who: str, can_edit: bool = True, parent: QWidget | None = None,
                 run_export: RunExport | None = None) -> None:
        super().__init__(parent)
        self._run_export = run_export
        self.setObjectName("CustomersWindow")
        self.setWindowTitle(self.tr("Customers"))
        self._who = who
        self._can_edit = can_edit
        self._query = CustomerQuery()
        self._asked = 0
        self._lane = Lane("customers", self, self._show_problem)
        self._init_filters()
        self._init_tables()
        self._init_layout()
        fit_to_screen(self, 1100, 680)
        self.load()

    def _init_filters(self) -> None:
        self.search = named(QLineEdit(self), "customerSearch")
        self.search.setPlaceholderText(self.tr("Code or name contains…"))
        self.city = named(QLineEdit(self), "customerCityFilter")
        self.city.setPlaceholderText(self.tr("City"))
        self.country = named(QLineEdit(self), "customerCountryFilter")
        self.country.setPlaceholderText(self.tr("Country"))
        self.status = named(QComboBox(self), "customerStatusFilter")
        for text, value in ((self.tr("All"), CustomerStatus.ALL),
                            (self.tr("Active"), CustomerStatus.ACTIVE),
                            (self.tr("Inactive"), CustomerStatus.INACTIVE)):
            self.status.addItem(text, value)
        self.saved = named(QComboBox(self), "customerSavedFilter")
        for text, saved in ((self.tr("Any customer"), SavedFilter.NONE),
                            (self.tr("In no group"), SavedFilter.IN_NO_GROUP),
                            (self.tr("Inactive but still in groups"),
                             SavedFilter.INACTIVE_IN_GROUPS)):
            self.saved.addItem(text, saved)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(_DEBOUNCE_MS)
        self._typing.timeout.connect(self._on_filters_changed)
        for edit in (self.search, self.city, self.country):
            edit.textChanged.connect(lambda _text: self._typing.start())
            edit.returnPressed.connect(self._on_filters_changed)
        for combo in (self.status, self.saved):
            combo.currentIndexChanged.connect(lambda _index: self._on_filters_changed())

    def _init_tables(self) -> None:
        self.model = CustomerListModel(self)
        self.table = _table(self, "customerTable", self.model)
        self.table.setAccessibleName(self.tr("Customers"))
        self.table.selectionModel().selectionChanged.connect(self._on_customer_selected)
        self.groups_model = BelongingModel(self)
        self.groups_table = _table(self, "customerGroupsTable", self.groups_model)
        self.groups_table.setAccessibleName(self.tr("Groups of the selected customer"))
        self.groups_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.page_label = named(QLabel(self), "customerPageLabel")
        self.prev_button = named(QPushButton(self.tr("‹ &Previous"), self), "customerPrevPage")
        self.next_button = named(QPushButton(self.tr("&Next ›"), self), "customerNextPage")
        self.prev_button.clicked.connect(lambda: self.load(self._query.page - 1))
        self.next_button.clicked.connect(lambda: self.load(self._query.page + 1))
        self.customer_label = named(QLabel(self.tr("Select a customer to see their groups."),
                                           self), "customerLabel")
        self.customer_label.setWordWrap(True)
        self.timeline = named(QListWidget(self), "customerTimeline")
        self.timeline.setAccessibleName(self.tr("Membership timeline"))
        self.add_button = named(QPushButton(self.tr("&Add to Group…"), self), "addToGroupButton")
        self.remove_button = named(QPushButton(self.tr("&Remove from Group"), self),
                                   "removeFromGroupButton")
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.problem = named(QLabel(self), "customersProblem")
        self.problem.setWordWrap(True)
        style.banner(self.problem)
        self.problem.hide()
        self._update_buttons()

    def _init_layout(self) -> None:
        filters = QHBoxLayout()
        for label, widget, stretch in ((self.tr("&Find"), self.search, 2),
                                       (self.tr("&Status"), self.status, 0),
                                       (self.tr("Ci&ty"), self.city, 1),
                                       (self.tr("C&ountry"), self.country, 1),
                                       (self.tr("S&how"), self.saved, 0)):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget, stretch)
        pages = QHBoxLayout()
        pages.addWidget(self.page_label, 1)
        pages.addWidget(self.prev_button)
        pages.addWidget(self.next_button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(pages)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.customer_label)
        right_layout.addWidget(self.groups_table, 2)
        right_layout.addWidget(QLabel(self.tr("Timeline, newest first"), self))
        right_layout.addWidget(self.timeline, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        right_layout.addLayout(buttons)
        splitter = split(self, Qt.Orientation.Horizontal, (left, 3), (right, 2))
        browse = QWidget(self)
        layout = QVBoxLayout(browse)
        layout.addLayout(filters)
        layout.addWidget(self.problem)
        layout.addWidget(splitter, 1)
        self.grid = named(CustomerGridPanel(self._who, self._can_edit, self, self._run_export),
                          "customerGridPanel")
        self.grid.saved.connect(self.load)
        self.tabs = named(QTabWidget(self), "customerTabs")
        self.tabs.addTab(browse, self.tr("&Browse"))
        self.tabs.addTab(self.grid, self.tr("Pasted &List"))
        self.setCentralWidget(self.tabs)
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- the list ---------------------------------------------------------------------

    def load(self, page: int | None = None) -> None:
        """Fetch the page of customers the filters ask for (the same page if not given)."""
        self._query = replace(self._query, page=page or self._query.page)
        self._asked += 1
        asked, query = self._asked, self._query
        self._lane.submit(lambda _p: list_customers(query),
                          succeeded=lambda found: self._on_page_read(asked, found))

    def _on_filters_changed(self) -> None:
        self._typing.stop()
        self._query = CustomerQuery(self.search.text(), CustomerStatus(self.status.currentData()),
                                    self.city.text(), self.country.text(),
                                    SavedFilter(self.saved.currentData()), 1,
                                    self._query.page_size)
        self.load()

    def _on_page_read(self, asked: int, found: CustomerListPage) -> None:
        if asked != self._asked:
            return  # an older question's answer: a newer one is on its way
        self._query = replace(self._query, page=found.page)
        before = self.selected_customer()
        self.model.set_rows(found.rows)
        self.problem.hide()
        first = (found.page - 1) * found.page_size + 1
        self.page_label.setText(
            self.tr("Showing {first}–{last} of %Ln customer(s)", "", found.total).format(
                first=number(first), last=number(first + len(found.rows) - 1))
            if found.rows else self.tr("No customers match"))
        self.prev_button.setEnabled(found.page > 1)
        self.next_button.setEnabled(found.page * found.page_size < found.total)
        if found.rows:  # the same customer stays selected where they are still shown
            ids = [row.id for row in found.rows]
            self.table.selectRow(ids.index(before.id) if before and before.id in ids else 0)
        else:
            self._show_groups(None, [])
        self.page_shown.emit()

    # --- one customer's groups ---------------------------------------------------------

    def selected_customer(self) -> ListedCustomer | None:
        """The customer whose groups are shown."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _on_customer_selected(self) -> None:
        customer = self.selected_customer()
        if customer is None:
            self._show_groups(None, [])
            return
        self._lane.submit(lambda _p: (groups_of(customer.id), customer_timeline(customer.id)),
                          succeeded=lambda found: self._show_groups(customer, *found))

    def _show_groups(self, customer: ListedCustomer | None, found: list[Belonging],
                     timeline: Sequence[Change] = ()) -> None:
        if customer is not None and customer != self.selected_customer():
            return  # another customer was selected meanwhile
        self.groups_model.set_rows(found)
        self.timeline.clear()
        self.timeline.addItems([self._timeline_line(change) for change in timeline])
        if customer is None:
            self.customer_label.setText(self.tr("Select a customer to see their groups."))
        else:
            self.customer_label.setText(self.tr("{code} {name} is in %Ln group(s).", "",
                                                len(found)).format(code=customer.code,
                                                                   name=customer.name))
        self._update_buttons()
        self.groups_shown.emit()

    def _timeline_line(self, change: Change) -> str:
        when = moment(change.at)
        text = (self.tr("{when}  added to {group} by {who}") if change.added
                else self.tr("{when}  removed from {group} by {who}")).format(
            when=when, group=change.group_code, who=change.by)
        how = way(change.how, change.source)
        if how:
            text += self.tr(" ({how})").format(how=how)
        if change.reason:
            text += self.tr(" — reason: {reason}").format(reason=change.reason)
        return text

    def _update_buttons(self) -> None:
        customer = self.selected_customer()
        self.add_button.setEnabled(self._can_edit and customer is not None and customer.active)
        self.remove_button.setEnabled(
            self._can_edit and bool(self.groups_table.selectionModel().selectedRows()))

    def _on_add_clicked(self) -> None:
        customer = self.selected_customer()
        if customer is None:
            return
        inside = {b.group_id for b in self.groups_model.rows()}
        self._lane.submit(lambda _p: [c for c in target_choices(0) if c[0] not in inside],
                          succeeded=lambda choices: self._choose_group(customer, choices))

    def _choose_group(self, customer: ListedCustomer, choices: list[tuple[int, str, str]]
                      ) -> None:
        labels = {f"{code}  {name}": gid for gid, code, name in choices}
        if not labels:
            self._show_problem(self.tr("There is no other active group to add them to."))
            return
        label, chosen = QInputDialog.getItem(self, self.tr("Add to Group"), self.tr(
            "Add {code} to which group?").format(code=customer.code), list(labels), 0, False)
        if chosen and label in labels:
            self._change(customer, labels[label], True, None)

    def _on_remove_clicked(self) -> None:
        customer = self.selected_customer()
        rows = self.groups_table.selectionModel().selectedRows()
        belonging = self.groups_model.row_at(rows[0].row()) if rows else None
        if customer is not None and belonging is not None:
            self._change(customer, belonging.group_id, False, belonging.version)

    def _change(self, customer: ListedCustomer, group_id: int, member: bool,
                seen: int | None) -> None:
        self._lane.submit(lambda _p: set_member(customer.id, group_id, member, self._who, seen),
                          succeeded=lambda _group: self.load(), failed=self._show_failure)

    def _show_failure(self, exc: BaseException) -> None:
        self._show_problem(said(exc))

    def _show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Ask before changed ticks of the pasted list are dropped; stop the background work."""
        if self.grid.pending and not messages.confirm(
                self, self.tr("Discard changes?"),
                self.tr("The pasted list has {ticks} not saved. Close and discard them?").format(
                    ticks=changed_ticks(self.grid.model.pending)),
                self.tr("Discard")):
            event.ignore()
            return
        self._lane.shutdown()
        self.grid.shutdown()
        super().closeEvent(event)
