"""Comparing two or more groups: the counts of their overlap, each a link that lists those
customers (and exports them), and a new group made from their union, intersection or
difference."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from custgroups.core.compare import (
    Combined,
    Comparison,
    Region,
    RegionKind,
    combine,
    compare_groups,
    region_customers,
)
from custgroups.core.customers import CustomerRef
from custgroups.core.groups import Group
from custgroups.core.lists import MemberSource
from custgroups.core.memberships import Combination
from custgroups.qt.tasks import Lane
from custgroups.qt.words import number, said
from custgroups.ui import style
from custgroups.ui.group_form import GroupDialog
from custgroups.ui.models.table_model import Index, RowsTableModel
from custgroups.ui.transfers import RunExport, export_customer_list
from custgroups.ui.widgets import fit_to_screen, named, read_only_table


class RegionColumn(IntEnum):
    """The columns of a region's customers."""

    CODE = 0
    NAME = 1
    STATUS = 2


class RegionModel(RowsTableModel[CustomerRef]):
    """The customers of one region of the comparison."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__([self.tr("Code"), self.tr("Name"), self.tr("Status")], parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        customer = self.item(index)
        if customer is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        column = RegionColumn(index.column())
        if column == RegionColumn.CODE:
            return customer.code
        if column == RegionColumn.NAME:
            return customer.name
        return self.tr("Active") if customer.active else self.tr("Inactive")


class CompareDialog(QDialog):
    """Counts first; a click on a count lists its customers; Create Group from… makes a new
    group of a combination, opened in the editor before anything is saved."""

    compared = Signal()  # the counts are shown
    region_shown = Signal()  # a region's customers are listed

    @classmethod
    def open_for(cls, group_ids: Sequence[int], who: str, parent: QWidget,
                 run_export: RunExport, can_edit: bool = True) -> Group | None:
        """Compare the groups; the group created from them, if the clerk saved one (a login
        that may only read is not offered to create one)."""
        dialog = cls(group_ids, who, run_export, parent)
        if not can_edit:
            for widget in dialog.create_row:
                widget.hide()
        dialog.exec()
        return dialog.created

    def __init__(self, group_ids: Sequence[int], who: str, run_export: RunExport,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CompareDialog")
        self.setWindowTitle(self.tr("Compare Groups"))
        self._ids = list(group_ids)
        self._who = who
        self._run_export = run_export
        self._lane = Lane("compare", self, self._show_problem)
        self.comparison: Comparison | None = None
        self.region: Region | None = None
        self.created: Group | None = None
        self._init_widgets()
        fit_to_screen(self, 760, 560)
        self._lane.submit(lambda _p: compare_groups(self._ids), succeeded=self._on_compared)

    def _init_widgets(self) -> None:
        self.groups_label = QLabel(self)
        self.groups_label.setWordWrap(True)
        self.counts = named(QLabel(self.tr("Counting…"), self), "compareCounts")
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        self.counts.setWordWrap(True)
        self.counts.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.counts.linkActivated.connect(self._on_counts_link_activated)
        self.problem = QLabel(self)
        style.error_text(self.problem)
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.region_label = named(QLabel(self.tr("Click a count to list its customers."),
                                         self), "compareRegionLabel")
        self.model = RegionModel(self)
        self.table = read_only_table(self, "compareRegionTable", self.model,
                                     self.tr("Customers of the chosen count"), several=True)
        self.table.horizontalHeader().setSectionResizeMode(RegionColumn.NAME,
                                                           QHeaderView.ResizeMode.Stretch)
        self.export_button = named(QPushButton(self.tr("Export These…"), self),
                                   "compareExportButton")
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.operation = named(QComboBox(self), "compareOperation")
        for label, how in ((self.tr("Union: in any of them"), Combination.UNION),
                           (self.tr("Intersection: in all of them"), Combination.INTERSECTION),
                           (self.tr("Difference: in the first, in none of the others"),
                            Combination.DIFFERENCE)):
            self.operation.addItem(label, how.value)
        self.operation.setAccessibleName(self.tr("How to combine the groups"))
        self.create_button = named(QPushButton(self.tr("Create Group from…"), self),
                                   "compareCreateButton")
        self.create_button.clicked.connect(self._on_create_clicked)
        self.create_button.setAutoDefault(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        region_row = QHBoxLayout()
        region_row.addWidget(self.region_label, 1)
        region_row.addWidget(self.export_button)
        create_row = QHBoxLayout()
        self.create_row = (QLabel(self.tr("New group from the"), self), self.operation,
                           self.create_button)
        for widget in self.create_row:
            create_row.addWidget(widget, 1 if widget is self.operation else 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.groups_label)
        layout.addWidget(self.counts)
        layout.addWidget(self.problem)
        layout.addLayout(region_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(create_row)
        layout.addWidget(buttons)

    # --- counts -------------------------------------------------------------------------

    def _on_compared(self, found: Comparison) -> None:
        self.comparison = found
        letters = [chr(ord("A") + i) for i in range(len(found.groups))]
        self.groups_label.setText("\n".join(
            f"{letter}: {g.code} {g.name}" for letter, g in zip(letters, found.groups,
                                                                strict=True)))
        parts = [self._link(self.tr("Only in {code}").format(code=g.code), count,
                            f"only:{g.id}")
                 for g, count in zip(found.groups, found.only, strict=True)]
        both = self.tr("In both") if len(found.groups) == 2 else self.tr("In all")
        parts.insert(1 if len(found.groups) == 2 else len(parts), self._link(
            both, found.in_all, "all"))
        if len(found.groups) > 2:
            parts.append(self._link(self.tr("In exactly one"), found.in_exactly_one,
                                    "exactly_one"))
        parts.append(self._link(self.tr("In any"), found.in_any, "any"))
        self.counts.setText(" · ".join(parts))
        self.counts.setAccessibleDescription(self.counts_text())
        self.compared.emit()

    @staticmethod
    def _link(label: str, count: int, target: str) -> str:
        return f'{label}: <a href="{target}">{number(count)}</a>'

    def counts_text(self) -> str:
        """The counts as plain text (what a screen reader says)."""
        document = QTextDocument()
        document.setHtml(self.counts.text())
        return document.toPlainText()

    @Slot(str)
    def _on_counts_link_activated(self, target: str) -> None:
        kind, _, group = target.partition(":")
        self.show_region(Region(RegionKind(kind), int(group) if group else None))

    def show_region(self, region: Region) -> None:
        """List the customers of a region (read in the background)."""
        self.region = region
        self.region_label.setText(self.tr("Reading…"))
        self.export_button.setEnabled(False)
        self._lane.submit(lambda _p: region_customers(self._ids, region),
                          succeeded=lambda rows: self._on_region_read(region, rows))

    def _on_region_read(self, region: Region, rows: list[CustomerRef]) -> None:
        if region != self.region:
            return  # the clerk clicked another count meanwhile
        self.model.set_rows(rows)
        self.region_label.setText(self._region_name(region) + self.tr(": %Ln customer(s)", "",
                                                                          len(rows)))
        self.export_button.setEnabled(bool(rows))
        self.region_shown.emit()

    def _region_name(self, region: Region) -> str:
        if region.kind is RegionKind.ONLY and self.comparison is not None:
            code = next(g.code for g in self.comparison.groups if g.id == region.group_id)
            return self.tr("Only in {code}").format(code=code)
        both = self.comparison is not None and len(self.comparison.groups) == 2
        return {RegionKind.ALL: self.tr("In both") if both else self.tr("In all"),
                RegionKind.ANY: self.tr("In any"),
                RegionKind.EXACTLY_ONE: self.tr("In exactly one"),
                RegionKind.ONLY: ""}[region.kind]

    @Slot()
    def _on_export_clicked(self) -> None:
        export_customer_list(self, list(self.model.rows()), "customers.xlsx", self._run_export)

    # --- a new group --------------------------------------------------------------------

    @property
    def how(self) -> Combination:
        """The combination chosen."""
        return Combination(self.operation.currentData())

    @Slot()
    def _on_create_clicked(self) -> None:
        how = self.how
        self.create_button.setEnabled(False)
        self._lane.submit(lambda _p: combine(self._ids, how), succeeded=self._on_combined,
                          failed=self._on_create_failed)

    def _on_create_failed(self, exc: BaseException) -> None:
        self.create_button.setEnabled(True)
        self._show_problem(said(exc))

    def _on_combined(self, combined: Combined) -> None:
        self.create_button.setEnabled(True)
        description = "= " + combined.formula
        left = len(combined.inactive)
        if left:
            description += self.tr(" (%Ln inactive customer(s) left out)", "", left)
        self.created = GroupDialog.create_with(
            self._who, {c.id for c in combined.customers}, description,
            MemberSource(combined.how, combined.formula), self)
        if self.created is not None:
            self.accept()

    def _show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()

    def done(self, result: int) -> None:
        """Stop the background reads before the dialog goes."""
        self._lane.shutdown()
        super().done(result)
