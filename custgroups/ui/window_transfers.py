"""The main window's spreadsheets: exporting groups, importing customers, loading a sample."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QMainWindow

from custgroups.qt.tasks import Job
from custgroups.ui import transfers

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from custgroups.core.groups import Group, GroupPage, GroupQuery
    from custgroups.qt.tasks import Lane
    from custgroups.ui.empty_state import EmptyState

    _Window = QMainWindow
else:
    _Window = object


class WindowTransfers(_Window):
    """Part of :class:`~custgroups.ui.main_window.MainWindow`. Only the type checker sees it
    as a window; at run time it adds these methods and nothing else."""

    _query: GroupQuery
    _jobs: Lane
    _who: str
    empty: EmptyState
    export_job: Job | None
    export_finished: SignalInstance

    if TYPE_CHECKING:  # the window's own, which these methods call
        def selected_groups(self) -> list[Group]: ...
        @property
        def shown_page(self) -> GroupPage | None: ...
        def refresh(self) -> None: ...
        def show_error(self, exc: BaseException) -> None: ...

    @Slot()
    def _on_export_triggered(self) -> None:
        chosen = self.selected_groups()
        if len(chosen) > 1:  # several selected: those, else all the filters match
            query, count = replace(self._query, only_ids=tuple(g.id for g in chosen)), len(chosen)
        else:
            query, count = self._query, self.shown_page.total if self.shown_page else 0
        work = transfers.ask_group_export(self, query, count)
        if work is not None:
            self._run_export(self.tr("Exporting groups…"), work)

    def _run_export(self, label: str, work: Any) -> Job:
        self.export_job = transfers.export(self._jobs, self, label, work,
                                           self.export_finished.emit)
        return self.export_job

    @Slot()
    def _on_sample_clicked(self) -> None:
        transfers.load_sample(self._jobs, self.empty.sample_button, self._who, self.refresh,
                              self.show_error)

    @Slot()
    def _on_import_triggered(self) -> None:
        chosen = transfers.ask_customer_file(self)
        if chosen is not None:
            self.import_customers(chosen)

    def import_customers(self, path: Path) -> Job:
        """Check a customer file, show what importing it would change, import if asked."""
        return transfers.import_customers(self._jobs, self, path, self.refresh)
