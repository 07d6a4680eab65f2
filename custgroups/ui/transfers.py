"""Exports and customer imports started from the window: long work behind a progress dialog,
with the outcome said in a message box or the status bar."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMainWindow, QPushButton, QWidget

from custgroups.core.customers import CustomerRef
from custgroups.core.errors import Cancelled
from custgroups.core.groups import GroupQuery
from custgroups.core.progress import ProgressFn
from custgroups.qt.tasks import Job, Lane
from custgroups.qt.words import list_separator, said, tr
from custgroups.ui import messages
from custgroups.ui.export_dialog import ExportDialog
from custgroups.ui.import_preview import ImportPreviewDialog
from custgroups.ui.long_job import run_long
from custgroups.ui.wording import import_summary, spreadsheet_files

if TYPE_CHECKING:
    from custgroups.core.sheets.export import ExportResult



def ask_group_export(window: QWidget, query: GroupQuery, matching: int
                     ) -> Callable[[ProgressFn], ExportResult] | None:
    """Ask where to export the groups the query matches (those it names, when it names some);
    the export to run, or None. With their members (millions of rows, it may be) it runs in
    a process of its own, so the window never waits for the interpreter while it writes."""
    from custgroups.core.sheets.export import export_groups_apart

    chosen = ExportDialog.ask(Path.home() / "customer-groups.xlsx", matching, window,
                              bool(query.only_ids))
    if chosen is None:
        return None
    path, members, separator = chosen
    return lambda progress: export_groups_apart(path, query, members, progress, separator)


#: What runs an export as long work: a label for its progress, and the work.
RunExport = Callable[[str, Callable[[Any], Any]], object]


def export_customer_list(parent: QWidget, customers: Sequence[CustomerRef], file_name: str,
                         run_export: RunExport) -> None:
    """Ask where to write a list of customers already read, then write it as a long job."""
    from custgroups.core.sheets.export import export_customers

    rows = list(customers)
    ask_and_export(parent, file_name, run_export,
                   lambda path, progress: export_customers(path, rows, progress,
                                                           list_separator()))


def ask_and_export(parent: QWidget, file_name: str, run_export: RunExport,
                   write: Callable[[Path, ProgressFn], object]) -> None:
    """Ask where to write customers (xlsx or CSV), then ``write`` there as a long job."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, tr("Export Customers"), str(Path.home() / file_name),
        tr("Excel workbook (*.xlsx);;CSV text (*.csv)"))
    if chosen:
        run_export(tr("Exporting customers…"), lambda progress: write(Path(chosen), progress))


def ask_customer_file(window: QWidget) -> Path | None:
    """Ask for the ERP's customer file."""
    chosen, _filter = QFileDialog.getOpenFileName(
        window, tr("Import Customers"), str(Path.home()),
        spreadsheet_files())
    return Path(chosen) if chosen else None


def load_sample(lane: Lane, button: QPushButton, who: str, done: Callable[[], None],
                failed: Callable[[BaseException], None]) -> Job:
    """Fill the empty database with sample data; ``button`` waits until it is there."""
    from custgroups.core.demo import generate_demo

    button.setEnabled(False)

    def on_done(_result: object) -> None:
        button.setEnabled(True)
        done()

    def on_failure(exc: BaseException) -> None:
        button.setEnabled(True)
        failed(exc)

    return lane.submit(lambda _p: generate_demo(1000, 60, 3, who=who), succeeded=on_done,
                       failed=on_failure)


def export(lane: Lane, window: QMainWindow, label: str, work: Callable[[Any], Any],
           finished: Callable[[object], None]) -> Job:
    """Run an export; ``finished`` gets its result, its failure, or :class:`Cancelled`."""
    def on_success(result: Any) -> None:
        finished(result)
        paths = [str(p) for p in result.paths]
        if messages.done_with_folder(window, tr("Export finished"),
                                     tr("Saved to {paths}.").format(
                                         paths=tr(" and ").join(paths))):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.paths[0].parent)))

    def on_failure(exc: BaseException) -> None:
        finished(exc)
        messages.warn(window, tr("Export failed"), said(exc))

    def on_cancel() -> None:
        finished(Cancelled())
        window.statusBar().showMessage(tr("Export cancelled; no file was written."), 5000)

    return run_long(lane, window, "exportProgress", tr("Export"), label, work, on_success,
                    on_failure, on_cancel)


def import_customers(lane: Lane, window: QMainWindow, path: Path,
                     imported: Callable[[], None]) -> Job:
    """Read and check a customer file in the background, show what importing it would
    change, and import it only if the clerk says so; ``imported`` runs after a write."""
    from custgroups.core.sheets.imports import ImportProblems, plan_customer_import

    def on_failure(exc: BaseException) -> None:
        if isinstance(exc, ImportProblems):
            first, _, rest = said(exc).partition("\n")
            messages.warn(window, tr("Nothing was imported"), first, rest)
        else:
            messages.warn(window, tr("Nothing was imported"), said(exc))

    def on_cancel() -> None:
        window.statusBar().showMessage(tr("Import cancelled; nothing was changed."), 5000)

    def on_planned(plans: Any) -> None:
        clear_empty = ImportPreviewDialog.ask(plans, path, window)
        if clear_empty is None:
            on_cancel()
            return
        _apply_import(lane, window, path, plans, clear_empty, imported, on_failure, on_cancel)

    return run_long(lane, window, "importProgress", tr("Import Customers"),
                    tr("Reading and checking {name}…").format(name=path.name),
                    lambda progress: plan_customer_import(path, progress),
                    on_planned, on_failure, on_cancel)


def _apply_import(lane: Lane, window: QMainWindow, path: Path, plans: Any, clear_empty: bool,
                  imported: Callable[[], None], failed: Callable[[BaseException], None],
                  cancelled: Callable[[], None]) -> Job:
    from custgroups.core.sheets.imports import apply_customer_import

    def on_success(result: Any) -> None:
        messages.inform(window, tr("Customers imported"), tr(
            "{name}: {summary}.").format(name=path.name, summary=import_summary(result.plan)))
        imported()

    return run_long(lane, window, "importProgress", tr("Import Customers"),
                    tr("Importing {name}…").format(name=path.name),
                    lambda progress: apply_customer_import(plans.file, clear_empty, progress),
                    on_success, failed, cancelled)
