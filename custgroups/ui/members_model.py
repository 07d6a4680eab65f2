"""A group's members in the editor, with additions and removals pending until Save."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont

from custgroups.customers import CustomerRow
from custgroups.text import search_fold
from custgroups.ui.table_model import Index, RowsTableModel

_ADDED = QColor("#1b5e20")
_REMOVED = QColor("#8a1c1c")


class MemberColumn(IntEnum):
    """The members table's columns."""

    CODE = 0
    NAME = 1
    CITY = 2
    STATUS = 3
    CHANGE = 4


class MembersModel(RowsTableModel[CustomerRow]):
    """Members as saved, plus pending additions (marked "new") and removals (struck through).

    Holds the group's members in memory to mix them with what the clerk changes; the quick
    filter narrows the rows shown without another query.
    """

    changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__([self.tr("Code"), self.tr("Name"), self.tr("City"), self.tr("Status"),
                          self.tr("Change")], parent)
        self._saved: dict[int, CustomerRow] = {}
        self._added: dict[int, CustomerRow] = {}
        self._removed: set[int] = set()
        self._term = ""
        self._strike = QFont()
        self._strike.setStrikeOut(True)
        self._bold = QFont()
        self._bold.setBold(True)

    # --- state ---------------------------------------------------------------------------

    def load(self, members: list[CustomerRow]) -> None:
        """The members as saved; pending changes are dropped."""
        self._saved = {row.id: row for row in members}
        self._added.clear()
        self._removed.clear()
        self._refilter()

    @property
    def added_ids(self) -> frozenset[int]:
        """Customers to add on Save."""
        return frozenset(self._added)

    @property
    def removed_ids(self) -> frozenset[int]:
        """Customers to remove on Save."""
        return frozenset(self._removed)

    @property
    def pending(self) -> bool:
        """True when anything waits to be saved."""
        return bool(self._added or self._removed)

    def member_ids(self) -> set[int]:
        """Everyone who will be a member after Save."""
        return (set(self._saved) - self._removed) | set(self._added)

    def count_after_save(self) -> int:
        """How many members the group will have after Save."""
        return len(self._saved) - len(self._removed) + len(self._added)

    def add(self, rows: list[CustomerRow]) -> int:
        """Mark customers to be added (a removal pending for one is undone); returns how many
        changed."""
        changed = 0
        for row in rows:
            if row.id in self._removed:
                self._removed.discard(row.id)
                changed += 1
            elif row.id not in self._saved and row.id not in self._added:
                self._added[row.id] = row
                changed += 1
        if changed:
            self._refilter()
        return changed

    def remove_rows(self, rows: list[int]) -> None:
        """Remove members shown on these rows: saved ones are struck through, new ones go."""
        for row in rows:
            customer = self.row_at(row)
            if customer is None:
                continue
            if customer.id in self._added:
                del self._added[customer.id]
            elif customer.id in self._saved:
                self._removed.add(customer.id)
        self._refilter()

    def undo_rows(self, rows: list[int]) -> None:
        """Undo the pending change on these rows: a new member goes, a removed one stays."""
        for row in rows:
            customer = self.row_at(row)
            if customer is None:
                continue
            self._added.pop(customer.id, None)
            self._removed.discard(customer.id)
        self._refilter()

    def change_at(self, row: int) -> str:
        """"added", "removed" or "" for the customer on a row."""
        customer = self.row_at(row)
        if customer is None:
            return ""
        if customer.id in self._added:
            return "added"
        return "removed" if customer.id in self._removed else ""

    def set_filter(self, term: str) -> None:
        """Show only members whose code or name contains the term."""
        self._term = search_fold(term)
        self._refilter()

    def _refilter(self) -> None:
        rows = list(self._added.values()) + list(self._saved.values())
        if self._term:
            rows = [r for r in rows
                    if self._term in search_fold(r.code) or self._term in search_fold(r.name)]
        rows.sort(key=lambda r: (r.id not in self._added, r.code.casefold()))
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()
        self.changed.emit()

    # --- Qt --------------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        customer = self.item(index)
        if customer is None:
            return None
        column = MemberColumn(index.column())
        change = self.change_at(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            if column == MemberColumn.CODE:
                return customer.code
            if column == MemberColumn.NAME:
                return customer.name
            if column == MemberColumn.CITY:
                return customer.city
            if column == MemberColumn.STATUS:
                return self.tr("Active") if customer.active else self.tr("Inactive")
            return {"added": self.tr("new"), "removed": self.tr("to remove")}.get(change, "")
        if role == Qt.ItemDataRole.FontRole:
            return {"added": self._bold, "removed": self._strike}.get(change)
        if role == Qt.ItemDataRole.ForegroundRole and change:
            return _ADDED if change == "added" else _REMOVED
        return None
