"""The main window's other views: a group's History (and Revert from it), Customers, and the
page that shows a group just saved."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QMainWindow

from custgroups.core.group_list import GroupQuery, page_of
from custgroups.core.groups import Group
from custgroups.core.history import HistoryEntry, group_history

if TYPE_CHECKING:
    from custgroups.qt.tasks import Job, Lane
    from custgroups.ui.customers_window import CustomersWindow

    _Window = QMainWindow
else:
    _Window = object


class WindowViews(_Window):
    """Part of :class:`~custgroups.ui.main_window.MainWindow`. Only the type checker sees it
    as a window; at run time it adds these methods and nothing else."""

    _queries: Lane
    _who: str
    _can_edit: bool
    _query: GroupQuery
    customers: CustomersWindow | None
    select_after: int | None  # the group to select once its page is shown

    if TYPE_CHECKING:  # the window's own, which these methods call
        def selected_group(self) -> Group | None: ...
        def refresh(self) -> None: ...
        def show_error(self, exc: BaseException) -> None: ...
        def _run_export(self, label: str, work: Any) -> Job: ...
        def _load(self, query: GroupQuery) -> None: ...

    @Slot()
    def _on_history_triggered(self) -> None:
        if (group := self.selected_group()) is not None:
            self._queries.submit(lambda _p: group_history(group.id), succeeded=lambda entries:
                                 self._show_history(group, entries), failed=self.show_error)

    def _show_history(self, group: Group, entries: list[HistoryEntry]) -> None:
        from custgroups.ui.history_view import HistoryDialog  # loads when first opened
        from custgroups.ui.revert_editor import open_revert

        plan = HistoryDialog.open_for(group, entries, self, self._run_export, self._can_edit)
        if plan is not None and open_revert(self._who, plan, self) is not None:
            self.refresh()

    @Slot()
    def _on_customers_triggered(self) -> None:
        if self.customers is None or not self.customers.isVisible():
            from custgroups.ui.customers_window import CustomersWindow  # loads when first opened

            self.customers = CustomersWindow(self._who, self._can_edit, self, self._run_export)
        self.customers.show()
        self.customers.raise_()
        self.customers.activateWindow()

    def close_views(self) -> bool:
        """Close the Customers window, which asks first about unsaved ticks; False if the
        clerk chose to keep it open."""
        return self.customers is None or not self.customers.isVisible() or self.customers.close()

    def show_saved(self, group: Group, said: str) -> None:
        """After ``group`` was created or saved: turn to the page that shows it, selected and
        scrolled into view, and say ``said`` — adding that the filters hide it, if they do."""
        query = self._query
        self._queries.submit(lambda _p: page_of(group.id, query),
                             succeeded=lambda page: self._turn_to(group, said, page),
                             failed=self.show_error)

    def _turn_to(self, group: Group, said: str, page: int | None) -> None:
        if page is None:
            said = self.tr("{said} The current filters hide it.").format(said=said)
        self.statusBar().showMessage(said, 8000)
        self.select_after = group.id if page is not None else None
        self._load(replace(self._query, page=page or self._query.page))
