"""The table of customer groups: whole rows, one or many selected, sorted by its header (in
SQL), with a context menu of the window's actions."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint, Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from custgroups.core.groups import Group
from custgroups.qt.words import moment
from custgroups.ui.cut_text import CutTextTips
from custgroups.ui.models.group_model import Column, GroupTableModel
from custgroups.ui.widgets import WIDEST_MOMENT, fit_columns

#: What each column must show whole, to size it by the font in use; the description takes
#: the room left over, and shows its whole text in a tooltip.
_WIDEST: dict[int, str] = {
    Column.CODE: "CG-0000000", Column.NAME: "North – Regional Clients 2026 (2)",
    Column.STATUS: "Inactive", Column.MEMBERS: "000,000"}


class GroupTable(QTableView):
    """Whole rows, read-only; Shift and Ctrl select several; clicking a heading asks the model
    to sort."""

    def __init__(self, model: GroupTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move inside it
        self.setObjectName("groupTable")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._on_context_menu_requested)
        self._menu_actions: tuple[QAction | None, ...] = ()
        self.setAccessibleName(self.tr("Customer groups"))
        header = self.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        fit_columns(self, {**_WIDEST, Column.UPDATED: moment(WIDEST_MOMENT)})
        self.setItemDelegate(CutTextTips(self))
        header.setSectionResizeMode(Column.DESCRIPTION, QHeaderView.ResizeMode.Stretch)

    def show_rows(self, rows: Sequence[Group]) -> None:
        """Show ``rows``, keeping the place: the groups selected that are still shown stay
        selected (else the first row is), and the list stays scrolled where it was."""
        model = self.model()
        assert isinstance(model, GroupTableModel)
        selected = {g.id for g in map(model.row_at, (i.row() for i in
                                                     self.selectionModel().selectedRows()))
                    if g is not None}
        current = model.row_at(self.currentIndex().row())
        scrolled = self.verticalScrollBar().value()
        model.set_rows(rows)
        keep = [row for row, group in enumerate(rows) if group.id in selected] or [0]
        chosen = QItemSelection()
        for row in keep:
            chosen.select(model.index(row, 0), model.index(row, model.columnCount() - 1))
        focus = model.row_of(current.id) if current is not None else -1
        self.selectionModel().setCurrentIndex(model.index(focus if focus >= 0 else keep[0], 0),
                                              QItemSelectionModel.SelectionFlag.NoUpdate)
        self.selectionModel().select(chosen, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.verticalScrollBar().setValue(scrolled)

    def show_group(self, group_id: int) -> bool:
        """Select the group's row alone and scroll it into view; False if it is not shown."""
        model = self.model()
        assert isinstance(model, GroupTableModel)
        row = model.row_of(group_id)
        if row < 0:
            return False
        index = model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag
        self.selectionModel().setCurrentIndex(
            index, flags.ClearAndSelect | flags.Rows)
        self.scrollTo(index, QTableView.ScrollHint.EnsureVisible)
        return True

    def set_menu_actions(self, actions: Sequence[QAction | None]) -> None:
        """The actions of the right-click menu, in order (None for a separator)."""
        self._menu_actions = tuple(actions)

    @Slot(QPoint)
    def _on_context_menu_requested(self, position: QPoint) -> None:
        index = self.indexAt(position)
        if index.isValid() and not self.selectionModel().isRowSelected(index.row()):
            self.selectRow(index.row())  # a click outside the selection selects that row
        menu = QMenu(self)
        for action in self._menu_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.popup(self.viewport().mapToGlobal(position))
