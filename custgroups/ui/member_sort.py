"""The editor's members sorted by a click on a column's header: the order is read from the
database (members since when, added by whom), never worked out in the window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QTableView

from custgroups.core.memberships import MemberOrder, member_ids_in_order
from custgroups.qt.tasks import Lane
from custgroups.ui.models.members_model import MemberColumn, MembersModel

_ORDERS = {MemberColumn.CODE: MemberOrder.CODE, MemberColumn.NAME: MemberOrder.NAME,
           MemberColumn.CITY: MemberOrder.CITY, MemberColumn.STATUS: MemberOrder.STATUS,
           MemberColumn.SINCE: MemberOrder.SINCE, MemberColumn.ADDED_BY: MemberOrder.ADDED_BY}
_COLUMNS = {order: column for column, order in _ORDERS.items()}
_BY_CODE = (MemberOrder.CODE, False)


class MemberSorting(QObject):
    """Keeps the members table in the order its header shows; pending additions stay on top.

    A click on Change (pending changes are not the database's to sort) keeps the order shown.
    """

    sorted = Signal()  # the rows are in the order the header shows

    def __init__(self, table: QTableView, model: MembersModel, lane: Lane,
                 group_id: Callable[[], int | None]) -> None:
        super().__init__(table)
        self._table = table
        self._lane = lane
        self._group_id = group_id
        self._model = model
        self.order = _BY_CODE
        table.horizontalHeader().setSortIndicator(MemberColumn.CODE, Qt.SortOrder.AscendingOrder)
        table.horizontalHeader().setSortIndicatorShown(True)
        model.sort_asked.connect(self._on_sort_asked)
        table.setSortingEnabled(True)

    def _on_sort_asked(self, column: int, descending: bool) -> None:
        order = _ORDERS.get(MemberColumn(column))
        if order is None:
            header = self._table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(_COLUMNS[self.order[0]], Qt.SortOrder.DescendingOrder
                                    if self.order[1] else Qt.SortOrder.AscendingOrder)
            header.blockSignals(False)
            header.viewport().update()
            return
        if (order, descending) != self.order:
            self.order = (order, descending)
            self.refresh()

    def refresh(self) -> None:
        """Read the order again (the members were read again, in code order)."""
        group_id = self._group_id()
        if group_id is None or self.order == _BY_CODE:
            if self.order == _BY_CODE:
                self.sorted.emit()  # members are read in code order
            return
        order, descending = self.order
        self._lane.submit(lambda _p: member_ids_in_order(group_id, order, descending),
                          succeeded=lambda ids: self._on_read(group_id, (order, descending), ids))

    def _on_read(self, group_id: int, order: tuple[MemberOrder, bool], ids: list[int]) -> None:
        if group_id != self._group_id() or order != self.order:
            return  # another group, or another order asked for meanwhile
        self._model.order_by(ids)
        self.sorted.emit()
