"""The group table's model: one page of frozen rows, sorted and filtered by the database."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt, Signal

from custgroups.core.groups import Group, GroupSort
from custgroups.qt.words import moment, number
from custgroups.ui import style
from custgroups.ui.models.table_model import Index, RowsTableModel


class Column(IntEnum):
    """The table's columns, in order."""

    CODE = 0
    NAME = 1
    DESCRIPTION = 2
    STATUS = 3
    MEMBERS = 4
    UPDATED = 5


class Role(IntEnum):
    """Custom data roles."""

    GROUP = Qt.ItemDataRole.UserRole + 1


SORT_BY_COLUMN = {
    Column.CODE: GroupSort.CODE,
    Column.NAME: GroupSort.NAME,
    Column.DESCRIPTION: GroupSort.DESCRIPTION,
    Column.STATUS: GroupSort.STATUS,
    Column.MEMBERS: GroupSort.MEMBERS,
    Column.UPDATED: GroupSort.UPDATED,
}
COLUMN_BY_SORT = {sort: column for column, sort in SORT_BY_COLUMN.items()}


class GroupTableModel(RowsTableModel[Group]):
    """Shows the rows it is given; asks the window to fetch another sort instead of sorting."""

    sort_requested = Signal(object, bool)  # (GroupSort, descending)

    def __init__(self, parent: Any = None) -> None:
        super().__init__([self.tr("Code"), self.tr("Name"), self.tr("Description"),
                          self.tr("Status"), self.tr("No. of Customers"),
                          self.tr("Last updated")], parent)
        self._muted = style.muted()
        self._italic = style.italic()

    def row_of(self, group_id: int) -> int:
        """The row showing a group, or -1."""
        return next((i for i, g in enumerate(self._rows) if g.id == group_id), -1)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.TextAlignmentRole and section == Column.MEMBERS
                and orientation == Qt.Orientation.Horizontal):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        group = self.item(index)
        if group is None:
            return None
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(group, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.DESCRIPTION and group.description:
                return group.description
            if column == Column.UPDATED:
                return self.tr("Last updated by {who}").format(who=group.updated_by)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.MEMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not group.active:
            return self._muted
        if role == Qt.ItemDataRole.FontRole and not group.active:
            return self._italic
        if role == Role.GROUP:
            return group
        return None

    def _display(self, group: Group, column: Column) -> str:
        if column == Column.CODE:
            return group.code
        if column == Column.NAME:
            return group.name
        if column == Column.DESCRIPTION:
            return " ".join(group.description.split())  # one line in the table
        if column == Column.STATUS:
            return self.tr("Active") if group.active else self.tr("Inactive")
        if column == Column.MEMBERS:
            return number(group.member_count)
        return moment(group.updated_at)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting happens in SQL: pass the wish on to whoever fetches the rows."""
        if 0 <= column < len(Column):
            self.sort_requested.emit(SORT_BY_COLUMN[Column(column)],
                                     order == Qt.SortOrder.DescendingOrder)
