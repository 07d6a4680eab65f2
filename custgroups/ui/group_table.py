"""The table of customer groups: one row selected at a time, sorted by its header (in SQL)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from custgroups.ui.models.group_model import Column, GroupTableModel

_COLUMN_WIDTHS = {Column.CODE: 110, Column.NAME: 260, Column.DESCRIPTION: 360,
                  Column.STATUS: 80, Column.MEMBERS: 130, Column.UPDATED: 140}


class GroupTable(QTableView):
    """Whole rows, one at a time, read-only; clicking a heading asks the model to sort."""

    def __init__(self, model: GroupTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("groupTable")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(26)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setAccessibleName(self.tr("Customer groups"))
        header = self.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        for column, width in _COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        header.setSectionResizeMode(Column.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
