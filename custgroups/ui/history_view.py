"""A group's history: when, who, what, and the customer codes added or removed."""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from custgroups.core.groups import Group
from custgroups.core.history import HistoryEntry
from custgroups.core.revert import REVERTIBLE, RevertPlan
from custgroups.qt.words import list_separator, moment, number
from custgroups.ui.history_then import HistoryThen
from custgroups.ui.models.table_model import Index, RowsTableModel
from custgroups.ui.transfers import RunExport
from custgroups.ui.widgets import fit_to_screen, named, read_only_table
from custgroups.ui.wording import history_change

_SHOWN_CODES = 12


class HistoryColumn(IntEnum):
    """The history table's columns."""

    WHEN = 0
    WHO = 1
    WHAT = 2
    CODES = 3


class HistoryModel(RowsTableModel[HistoryEntry]):
    """The entries of one group's history, newest first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__([self.tr("When"), self.tr("Who"), self.tr("What"),
                          self.tr("Customer codes")], parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.item(index)
        if entry is None:
            return None
        column = HistoryColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column == HistoryColumn.WHEN:
                return moment(entry.at, seconds=True)
            if column == HistoryColumn.WHO:
                return entry.by
            if column == HistoryColumn.WHAT:
                return history_change(entry)
            shown = ", ".join(entry.codes[:_SHOWN_CODES])
            more = len(entry.codes) - _SHOWN_CODES
            return shown + (self.tr(" and {n} more").format(n=number(more)) if more > 0 else "")
        if role == Qt.ItemDataRole.ToolTipRole and column == HistoryColumn.CODES and entry.codes:
            return "\n".join(entry.codes[:200]) + ("\n…" if len(entry.codes) > 200 else "")
        return None


class HistoryDialog(QDialog):
    """Shows one group's timeline; the window fetches the entries and offers the export."""

    @classmethod
    def open_for(cls, group: Group, entries: list[HistoryEntry], parent: QWidget,
                 run_export: RunExport, can_edit: bool = True) -> RevertPlan | None:
        """Show the timeline; its Export button asks for a file and runs ``run_export``.
        The plan of a change the clerk chose to revert, if they did (the caller opens it in
        the editor); a login that may only read is not offered Revert."""
        dialog = cls(group, entries, parent, run_export)
        dialog.revert_button.setVisible(can_edit)

        def export() -> None:
            from custgroups.core.sheets.export import export_history

            chosen, _filter = QFileDialog.getSaveFileName(
                dialog, dialog.tr("Export History"),
                str(Path.home() / f"{group.code}-history.xlsx"),
                dialog.tr("Excel workbook (*.xlsx);;CSV text (*.csv)"))
            if chosen:
                run_export(dialog.tr("Exporting history…"),
                           lambda progress: export_history(Path(chosen), group.id, progress,
                                                          history_change, list_separator()))

        dialog.export_button.clicked.connect(export)
        dialog.exec()
        return dialog.revert_plan

    def __init__(self, group: Group, entries: list[HistoryEntry],
                 parent: QWidget | None = None, run_export: RunExport | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HistoryDialog")
        self.setWindowTitle(self.tr("History of {code} {name}").format(code=group.code,
                                                                       name=group.name))
        self.model = HistoryModel(self)
        self.model.set_rows(entries)
        self.table = read_only_table(self, "historyTable", self.model,
                                     self.tr("Changes to the group, newest first"),
                                     several=True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        summary = QLabel(self.tr("%Ln change(s), newest first. Point at the codes to see them "
                                 "all; export for the complete list.", "", len(entries)), self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = self.buttons.addButton(self.tr("Export…"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setObjectName("historyExportButton")
        self.revert_button = named(self.buttons.addButton(
            self.tr("&Revert…"), QDialogButtonBox.ButtonRole.ActionRole), "revertButton")
        self.revert_button.setToolTip(self.tr("Undo the selected change: it opens in the "
                                              "editor, to check and save like any edit"))
        self.revert_button.setEnabled(False)
        self.revert_button.clicked.connect(self._on_revert_clicked)
        self.revert_plan: RevertPlan | None = None
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.buttons.rejected.connect(self.reject)
        self.then = HistoryThen(group, run_export, self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.then)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 900, 640)

    def _selected(self) -> HistoryEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if len(rows) == 1 else None

    def _on_selection_changed(self) -> None:
        entry = self._selected()
        self.revert_button.setEnabled(entry is not None and entry.kind in REVERTIBLE)

    def _on_revert_clicked(self) -> None:
        entry = self._selected()
        if entry is not None and entry.kind in REVERTIBLE:
            self.then.plan(entry, self._on_planned)

    def _on_planned(self, plan: RevertPlan) -> None:
        self.revert_plan = plan
        self.accept()

    def done(self, result: int) -> None:
        """Stop background work before the dialog goes."""
        self.then.shutdown()
        super().done(result)
