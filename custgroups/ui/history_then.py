"""A group as it stood: in History, the members on a chosen moment, or the customers added and
removed between two moments, with who did it and when; exportable."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from custgroups.core.clock import to_utc
from custgroups.core.customers import CustomerRef
from custgroups.core.events import Change, iter_changes, members_as_of
from custgroups.core.groups import Group
from custgroups.core.history import HistoryEntry
from custgroups.core.revert import RevertPlan, plan_revert
from custgroups.qt.tasks import Lane
from custgroups.qt.words import moment, number
from custgroups.ui.models.table_model import Index, RowsTableModel
from custgroups.ui.transfers import RunExport, export_customer_list
from custgroups.ui.widgets import named, read_only_table
from custgroups.ui.wording import way


class ThenColumn(IntEnum):
    """The columns of what the panel found."""

    CODE = 0
    NAME = 1
    CHANGE = 2
    WHEN = 3
    BY = 4
    HOW = 5


class ThenModel(RowsTableModel[CustomerRef | Change]):
    """Members on a moment (code, name) or changes between two (also what, when and who)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__([self.tr("Customer code"), self.tr("Name"), self.tr("Change"),
                          self.tr("When"), self.tr("By"), self.tr("How")], parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.item(index)
        if row is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        column = ThenColumn(index.column())
        if isinstance(row, CustomerRef):
            return {ThenColumn.CODE: row.code, ThenColumn.NAME: row.name}.get(column)
        return {ThenColumn.CODE: row.customer_code,
                ThenColumn.CHANGE: self.tr("Added") if row.added else self.tr("Removed"),
                ThenColumn.WHEN: moment(row.at),
                ThenColumn.BY: row.by, ThenColumn.HOW: way(row.how, row.source)}.get(column)


def _moment(edit: QDateTimeEdit) -> datetime:
    """The moment an edit shows (the clerk's local time), as stored (UTC)."""
    shown = edit.dateTime()
    moment = datetime(shown.date().year(), shown.date().month(), shown.date().day(),
                      shown.time().hour(), shown.time().minute(), 59, 999999)
    return to_utc(moment)


class HistoryThen(QWidget):
    """Show Members on…, Changes Between…, and Export These… below a group's timeline."""

    shown = Signal()  # what was asked for is on screen

    def __init__(self, group: Group, run_export: RunExport | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._group = group
        self._run_export = run_export
        self._lane = Lane("history", self, self._show_problem)
        now = QDateTime.currentDateTime()
        self.as_of_edit = self._date_edit(now, "asOfDateEdit", self.tr("Members on"))
        self.until_edit = self._date_edit(now, "untilDateEdit", self.tr("Changes until"))
        self.members_button = named(QPushButton(self.tr("Show &Members on"), self),
                                    "showMembersButton")
        self.changes_button = named(QPushButton(self.tr("Show &Changes from then until"),
                                                self), "showChangesButton")
        self.export_button = named(QPushButton(self.tr("E&xport These…"), self),
                                   "exportThenButton")
        for button in (self.members_button, self.changes_button, self.export_button):
            button.setAutoDefault(False)
        self.export_button.setEnabled(False)
        self.summary = named(QLabel(self.tr("Pick a moment to see the group as it stood."), self),
                             "thenSummary")
        self.summary.setWordWrap(True)
        self.model = ThenModel(self)
        self.table = read_only_table(self, "thenTable", self.model,
                                     self.tr("Members then, or the changes between"),
                                     several=True)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.members_button.clicked.connect(self._on_members_clicked)
        self.changes_button.clicked.connect(self._on_changes_clicked)
        self.export_button.clicked.connect(self._on_export_clicked)
        row = QHBoxLayout()
        for widget in (self.members_button, self.as_of_edit, self.changes_button,
                       self.until_edit):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self._when = ""

    def _date_edit(self, value: QDateTime, name: str, accessible: str) -> QDateTimeEdit:
        edit = named(QDateTimeEdit(value, self), name)
        edit.setAccessibleName(accessible)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        return edit

    def _on_members_clicked(self) -> None:
        group_id, moment = self._group.id, _moment(self.as_of_edit)
        self._when = self.as_of_edit.dateTime().toString("yyyy-MM-dd HH:mm")
        self._lane.submit(lambda _p: members_as_of(group_id, moment),
                          succeeded=self._on_members_read)

    def _on_members_read(self, members: list[CustomerRef]) -> None:
        self._show(members, self.tr("On {when} the group had %Ln member(s).", "",
                                             len(members)).format(when=self._when))

    def _on_changes_clicked(self) -> None:
        group_id, start, end = self._group.id, _moment(self.as_of_edit), _moment(self.until_edit)
        start = start.replace(second=0, microsecond=0)
        self._when = self.tr("{start} and {end}").format(
            start=self.as_of_edit.dateTime().toString("yyyy-MM-dd HH:mm"),
            end=self.until_edit.dateTime().toString("yyyy-MM-dd HH:mm"))
        self._lane.submit(lambda _p: list(iter_changes(start, group_id, until=end)),
                          succeeded=self._on_changes_read)

    def _on_changes_read(self, changes: list[Change]) -> None:
        added = sum(1 for change in changes if change.added)
        self._show(changes, self.tr("Between {when}: {added} added, {removed} removed.").format(
            when=self._when, added=number(added), removed=number(len(changes) - added)))

    def _show(self, rows: Sequence[CustomerRef | Change], summary: str) -> None:
        self.model.set_rows(rows)
        self.summary.setText(summary)
        members = bool(rows) and isinstance(rows[0], CustomerRef)
        for column in (ThenColumn.CHANGE, ThenColumn.WHEN, ThenColumn.BY, ThenColumn.HOW):
            self.table.setColumnHidden(column, members)
        self.export_button.setEnabled(members and self._run_export is not None)
        self.shown.emit()

    def _show_problem(self, message: str) -> None:
        self.summary.setText(message)
        self.shown.emit()

    def _on_export_clicked(self) -> None:
        if self._run_export is not None:
            export_customer_list(self, [row for row in self.model.rows()
                                        if isinstance(row, CustomerRef)],
                                 f"{self._group.code}-members-then.xlsx", self._run_export)

    def plan(self, entry: HistoryEntry, planned: Callable[[RevertPlan], None]) -> None:
        """Plan the revert of ``entry`` in the background; ``planned`` gets the plan."""
        self._lane.submit(lambda _p: plan_revert(entry), succeeded=planned)

    def shutdown(self) -> None:
        """Stop the background work (the dialog is closing)."""
        self._lane.shutdown()
