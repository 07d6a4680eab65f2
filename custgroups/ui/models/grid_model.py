"""Pasted customers × groups: a tick where the group holds the customer, editable; changed
ticks stay pending, marked, until the grid is saved."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from custgroups.core.customer_grid import Grid, GridGroup, GroupEdit
from custgroups.core.customers import CustomerRef
from custgroups.ui import style
from custgroups.ui.models.table_model import Index

#: Columns before the groups': code, name, status.
FIXED = 3


class GridFilter(StrEnum):
    """Which of the listed customers the grid shows."""

    ALL = "all"
    IN_NONE = "in_none"  # in none of the groups shown
    IN_SOME = "in_some"  # in at least one of them
    CHANGED = "changed"  # with ticks not saved yet


class GridModel(QAbstractTableModel):
    """One row per listed customer, one checkable column per group."""

    changed = Signal()  # a tick changed, or the grid was read again
    refused = Signal(str)  # a tick that cannot be set, and why

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._grid: Grid | None = None
        self._rows: list[CustomerRef] = []
        self._wanted: dict[tuple[int, int], bool] = {}  # (customer, group): ticked, unsaved
        self._filter = GridFilter.ALL
        self._bold = QFont()
        self._bold.setBold(True)

    # --- state ---------------------------------------------------------------------------

    @property
    def grid(self) -> Grid | None:
        """The grid as read."""
        return self._grid

    def load(self, grid: Grid | None, keep_pending: bool = False) -> int:
        """Show a grid as read; changed ticks are dropped, or with ``keep_pending`` kept
        where they still change something. Returns how many changed ticks were dropped
        because their customer or group is no longer in the grid."""
        old, self._wanted = self._wanted, {}
        dropped = 0
        if keep_pending and grid is not None:
            customers = {c.id for c in grid.customers}
            groups = {g.id for g in grid.groups}
            for pair, wanted in old.items():
                if pair[0] not in customers or pair[1] not in groups:
                    dropped += 1
                elif grid.holds(*pair) != wanted:  # else someone made the change meanwhile
                    self._wanted[pair] = wanted
        self._grid = grid
        self._refilter()
        return dropped

    def ticked(self, customer_id: int, group_id: int) -> bool:
        """Whether the cell is ticked now, unsaved changes included."""
        held = self._grid is not None and self._grid.holds(customer_id, group_id)
        return self._wanted.get((customer_id, group_id), held)

    def edits(self) -> dict[int, GroupEdit]:
        """The changed ticks, group by group."""
        found: dict[int, tuple[set[int], set[int]]] = {}
        for (cid, gid), wanted in self._wanted.items():
            found.setdefault(gid, (set(), set()))[0 if wanted else 1].add(cid)
        return {gid: GroupEdit(frozenset(add), frozenset(remove))
                for gid, (add, remove) in found.items()}

    @property
    def pending(self) -> int:
        """How many ticks are changed and not saved."""
        return len(self._wanted)

    def forget_saved(self, edits: Mapping[int, GroupEdit], failed: Collection[int]) -> None:
        """Drop the changed ticks that were saved: those of ``edits`` but for the groups that
        ``failed``. A tick changed again while the save ran stays changed."""
        for gid, edit in edits.items():
            if gid in failed:
                continue
            for ids, wanted in ((edit.add_ids, True), (edit.remove_ids, False)):
                for cid in ids:
                    if self._wanted.get((cid, gid)) is wanted:
                        del self._wanted[(cid, gid)]
        self._after_ticks()

    def discard(self) -> None:
        """Drop every changed tick."""
        self._wanted = {}
        self._after_ticks()

    def set_filter(self, shown: GridFilter) -> None:
        """Show only the customers ``shown`` asks for."""
        self._filter = shown
        self._refilter()

    def group_at(self, column: int) -> GridGroup | None:
        """The group of a column (None for code, name and status)."""
        groups = self._grid.groups if self._grid else ()
        return groups[column - FIXED] if FIXED <= column < FIXED + len(groups) else None

    def customer_at(self, row: int) -> CustomerRef | None:
        """The customer on a row."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _shown(self, grid: Grid) -> list[CustomerRef]:
        if self._filter is GridFilter.ALL:
            return list(grid.customers)
        if self._filter is GridFilter.CHANGED:
            changed = {cid for cid, _gid in self._wanted}
            return [c for c in grid.customers if c.id in changed]
        # Ticks per customer: those held, less the unticked, plus the newly ticked (a changed
        # tick always differs from what is held).
        ticks = dict.fromkeys((c.id for c in grid.customers), 0)
        for cid, _gid in grid.members:
            ticks[cid] = ticks.get(cid, 0) + 1
        for (cid, _gid), wanted in self._wanted.items():
            ticks[cid] = ticks.get(cid, 0) + (1 if wanted else -1)
        inside = self._filter is GridFilter.IN_SOME
        return [c for c in grid.customers if (ticks[c.id] > 0) == inside]

    def _refilter(self) -> None:
        self.beginResetModel()
        self._rows = self._shown(self._grid) if self._grid else []
        self.endResetModel()
        self.changed.emit()

    def _after_ticks(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, FIXED),
                                  self.index(len(self._rows) - 1, self.columnCount() - 1))
        self.changed.emit()

    # --- Qt --------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else FIXED + (len(self._grid.groups) if self._grid else 0)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        group = self.group_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if group is None:
                return (self.tr("Code"), self.tr("Name"), self.tr("Status"))[section] \
                    if 0 <= section < FIXED else None
            name = group.name if len(group.name) <= 24 else group.name[:23] + "…"
            return f"{group.code}\n{name}"
        if role == Qt.ItemDataRole.ToolTipRole and group is not None:
            state = self.tr("active") if group.active else self.tr("inactive")
            return f"{group.code} {group.name} ({state})"
        if group is not None and not group.active:  # as the group list shows inactive groups
            if role == Qt.ItemDataRole.FontRole:
                return style.italic()
            if role == Qt.ItemDataRole.ForegroundRole:
                return style.muted()
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.column() >= FIXED else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        customer = self.customer_at(index.row()) if index.isValid() else None
        if customer is None:
            return None
        group = self.group_at(index.column())
        if group is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return (customer.code, customer.name, self.tr("Active") if customer.active
                        else self.tr("Inactive"))[index.column()]
            if role == Qt.ItemDataRole.ForegroundRole and not customer.active:
                return style.muted()
            return None
        pair = (customer.id, group.id)
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if self.ticked(*pair) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole and pair in self._wanted:
            return style.color("added_back" if self._wanted[pair] else "removed_back")
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(customer, group, pair)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.tr("{customer} in {group}").format(customer=customer.code,
                                                           group=group.code)
        return None

    def _tip(self, customer: CustomerRef, group: GridGroup, pair: tuple[int, int]) -> str:
        if pair in self._wanted:
            return (self.tr("{customer} will be added to {group} on Save") if self._wanted[pair]
                    else self.tr("{customer} will be removed from {group} on Save")).format(
                customer=customer.code, group=group.code)
        return (self.tr("{customer} is in {group}") if self.ticked(*pair)
                else self.tr("{customer} is not in {group}")).format(
            customer=customer.code, group=group.code)

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        customer = self.customer_at(index.row()) if index.isValid() else None
        group = self.group_at(index.column())
        if role != Qt.ItemDataRole.CheckStateRole or customer is None or group is None:
            return False
        wanted = Qt.CheckState(value) == Qt.CheckState.Checked
        pair = (customer.id, group.id)
        held = self._grid is not None and self._grid.holds(*pair)
        if wanted and not held and not customer.active:
            self.refused.emit(self.tr("{customer} is inactive, and inactive customers join no "
                                      "group.").format(customer=customer.code))
            return False
        if wanted and not held and not group.active:
            self.refused.emit(self.tr("{group} is inactive: activate it before adding "
                                      "customers.").format(group=group.code))
            return False
        if wanted == held:
            self._wanted.pop(pair, None)
        else:
            self._wanted[pair] = wanted
        self.dataChanged.emit(index, index)
        self.changed.emit()
        return True
