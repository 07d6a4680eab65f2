"""The customer list's rows, and one customer's groups."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from custgroups.core.customer_list import Belonging, ListedCustomer
from custgroups.qt.words import moment, number
from custgroups.ui import style
from custgroups.ui.models.table_model import Index, RowsTableModel


class CustomerListModel(RowsTableModel[ListedCustomer]):
    """Code, name, city, country, status and the number of groups of each customer."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__([self.tr("Code"), self.tr("Name"), self.tr("City"), self.tr("Country"),
                          self.tr("Status"), self.tr("Groups")], parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.item(index)
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.code, row.name, row.city, row.country,
                    self.tr("Active") if row.active else self.tr("Inactive"),
                    number(row.groups))[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 5:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return style.muted()
        return None


class BelongingModel(RowsTableModel[Belonging]):
    """The groups one customer is in: code, name, status, member since, added by."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__([self.tr("Group code"), self.tr("Group name"), self.tr("Status"),
                          self.tr("Member since"), self.tr("Added by")], parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.item(index)
        if row is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        since = moment(row.since) if row.since else ""
        return (row.code, row.name, self.tr("Active") if row.active else self.tr("Inactive"),
                since, row.by)[index.column()]
