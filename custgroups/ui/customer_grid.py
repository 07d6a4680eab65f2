"""Pasted customers × their groups: paste 1 or 5,000 codes, see a tick wherever a group holds
a customer, change ticks, and save them group by group (each group in one transaction, with
its history). The columns are the groups any of them is in, or groups the clerk chooses; one
filter shows who is in none of them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from custgroups.core.codes import read_paste
from custgroups.core.customer_grid import Grid, GridSaved, GroupEdit, read_grid, save_grid
from custgroups.core.customers import is_customer_code
from custgroups.core.group_list import Group, GroupQuery, Status, iter_groups
from custgroups.qt.tasks import Lane
from custgroups.qt.words import list_separator, number, said
from custgroups.ui import style
from custgroups.ui.group_chooser import GroupChooser
from custgroups.ui.models.grid_model import FIXED, GridFilter, GridModel
from custgroups.ui.transfers import RunExport, ask_and_export
from custgroups.ui.widgets import fit_columns, named, read_only_table, shortcut, split
from custgroups.ui.wording import changed_ticks, grid_summary, group_count

#: How long typing or pasting may pause before the grid follows the box.
_DEBOUNCE_MS = 300


class CustomerGridPanel(QWidget):
    """The paste box above the grid, with its columns, its filter, Save and Undo."""

    shown = Signal()  # the grid describes the box's codes (or the box is empty)
    saved = Signal()  # a save ended, and the grid was read again

    def __init__(self, who: str, can_edit: bool = True, parent: QWidget | None = None,
                 run_export: RunExport | None = None) -> None:
        super().__init__(parent)
        self._who = who
        self._run_export = run_export
        self._can_edit = can_edit
        self._chosen: list[int] | None = None  # the groups shown, or None for all of theirs
        self._asked = 0
        self._report_due: GridSaved | None = None  # what the last save did, to be said
        self._saving = False
        self._lane = Lane("customer grid", self, self._show_problem)
        self.model = GridModel(self)
        self.model.changed.connect(self._update_actions)
        self.model.refused.connect(self._show_problem)
        self._typing = QTimer(self, singleShot=True, interval=_DEBOUNCE_MS)
        self._typing.timeout.connect(self.read)
        self._init_widgets()
        self._init_layout()
        self._update_actions()

    def _init_widgets(self) -> None:
        self.paste = named(QPlainTextEdit(self), "customerPasteBox")
        self.paste.setPlaceholderText(self.tr(
            "Paste customer codes: one per line, or a column copied from a spreadsheet."))
        self.paste.setTabChangesFocus(True)
        self.paste.setAccessibleName(self.tr("Customer codes"))
        self.paste.textChanged.connect(self._typing.start)
        self.summary = named(QLabel(self.tr("Paste codes to see their groups."), self),
                             "customerGridSummary")
        self.summary.setWordWrap(True)
        self.columns = named(QComboBox(self), "customerGridColumns")
        self.columns.addItem(self.tr("Every group any of them is in"))
        self.columns.addItem(self.tr("Groups I choose…"))
        self.columns.activated.connect(self._on_columns_activated)
        self.filter = named(QComboBox(self), "customerGridFilter")
        for text, shown in ((self.tr("Every listed customer"), GridFilter.ALL),
                            (self.tr("In none of these groups"), GridFilter.IN_NONE),
                            (self.tr("In some of these groups"), GridFilter.IN_SOME),
                            (self.tr("With unsaved changes"), GridFilter.CHANGED)):
            self.filter.addItem(text, shown)
        self.filter.currentIndexChanged.connect(
            lambda _i: self.model.set_filter(GridFilter(self.filter.currentData())))
        self.table = read_only_table(self, "customerGridTable", self.model,
                                     self.tr("Listed customers and their groups"), cells=True)
        self.shown_label = named(QLabel(self), "customerGridShown")
        self.save_button = named(QPushButton(self.tr("Sa&ve Changes"), self), "saveGridButton")
        self.save_button.setToolTip(self.tr("Save the changed ticks, group by group (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        shortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save,
                 Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.undo_button = named(QPushButton(self.tr("&Undo Changes"), self), "undoGridButton")
        self.undo_button.clicked.connect(self.model.discard)
        self.export_button = named(QPushButton(self.tr("E&xport…"), self), "exportGridButton")
        self.export_button.clicked.connect(self._on_export_clicked)
        self.export_button.setVisible(self._run_export is not None)
        self.problem = named(QLabel(self), "customerGridProblem")
        self.problem.setWordWrap(True)
        style.banner(self.problem)
        self.problem.hide()
        self.notice = named(QLabel(self), "customerGridNotice")
        self.notice.setWordWrap(True)
        style.notice(self.notice)
        self.notice.hide()

    def _init_layout(self) -> None:
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(self.tr("Customer &codes"), self)
        caption.setBuddy(self.paste)
        top_layout.addWidget(caption)
        top_layout.addWidget(self.paste, 1)
        top_layout.addWidget(self.summary)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        options = QHBoxLayout()
        for label, widget in ((self.tr("&Groups"), self.columns),
                              (self.tr("Sho&w"), self.filter)):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            options.addWidget(caption)
            options.addWidget(widget)
        options.addStretch(1)
        bottom_layout.addLayout(options)
        bottom_layout.addWidget(self.table, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.shown_label, 1)
        actions.addWidget(self.export_button)
        actions.addWidget(self.undo_button)
        actions.addWidget(self.save_button)
        bottom_layout.addLayout(actions)
        splitter = split(self, Qt.Orientation.Vertical, (top, 1), (bottom, 4))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.problem)
        layout.addWidget(self.notice)
        layout.addWidget(splitter, 1)

    # --- reading ----------------------------------------------------------------------

    def read(self, after_save: GridSaved | None = None) -> None:
        """Read the grid for the codes in the box (in the background), keeping changed ticks
        where they still change something; then say what ``after_save`` did."""
        if after_save is not None:
            self._report_due = after_save  # said by whichever reading comes back last
        self._typing.stop()
        text = self.paste.toPlainText()
        chosen = None if self._chosen is None else list(self._chosen)
        self._asked += 1
        asked = self._asked
        if not text.strip():
            self.model.load(None)
            self.summary.setText(self.tr("Paste codes to see their groups."))
            self._report_if_due()
            self.shown.emit()
            return
        self.summary.setText(self.tr("Reading the groups of the codes…"))
        self._lane.submit(
            lambda progress: read_grid(read_paste(text, is_customer_code).codes, chosen,
                                       progress),
            succeeded=lambda grid: self._on_read(asked, grid))

    def _on_read(self, asked: int, grid: Grid) -> None:
        if asked != self._asked:
            return  # the box changed meanwhile; its own reading follows
        dropped = self.model.load(grid, keep_pending=True)
        self._fit_columns(grid)
        self.summary.setText(grid_summary(grid.resolution, len(grid.groups)))
        if dropped:
            self._show_problem(self.tr(
                "Dropped {ticks}: their customers are no longer listed, or their groups no "
                "longer shown.").format(ticks=changed_ticks(dropped)))
        elif self._report_due is None:
            self.problem.hide()
        self._report_if_due()
        self.shown.emit()

    def _fit_columns(self, grid: Grid) -> None:
        # One width for every group's column (the widest heading, within reason): set once
        # as the default, it costs nothing however many groups there are.
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        widest = max((metrics.horizontalAdvance(line) for column in range(FIXED, FIXED + len(
            grid.groups)) for line in str(self.model.headerData(
                column, Qt.Orientation.Horizontal)).split("\n")), default=0)
        header.setDefaultSectionSize(min(12 * metrics.height(),
                                         max(6 * metrics.height(), widest + metrics.height())))
        fit_columns(self.table, {0: "C0000000", 1: "Nordic Retail Holding AS", 2: "Inactive"})

    def _on_columns_activated(self, index: int) -> None:
        if index == 0:
            self._chosen = None
            self.read()
            return
        self._lane.submit(lambda _p: list(iter_groups(GroupQuery(status=Status.ALL))),
                          succeeded=self._choose)

    def _choose(self, groups: Sequence[Group]) -> None:
        grid = self.model.grid
        shown = self._chosen if self._chosen is not None else (
            [g.id for g in grid.groups] if grid else [])
        chosen = GroupChooser.choose(groups, set(shown), self)
        if chosen is None:
            self.columns.setCurrentIndex(0 if self._chosen is None else 1)
            return
        self._chosen = chosen
        self.columns.setItemText(1, self.tr("%Ln group(s) I chose…", "", len(chosen)))
        self.read()

    def _on_export_clicked(self) -> None:
        grid = self.model.grid
        if grid is None or self._run_export is None or self.model.pending:
            return
        shown = [row for row in map(self.model.customer_at, range(self.model.rowCount()))
                 if row is not None]
        from custgroups.core.sheets.export import export_grid  # spreadsheets load on demand

        ask_and_export(self, "customers-and-groups.xlsx", self._run_export,
                       lambda path, progress: export_grid(path, grid, shown, progress,
                                                          list_separator()))

    # --- saving -----------------------------------------------------------------------

    def save(self) -> None:
        """Save the changed ticks, group by group (in the background), then read again."""
        grid, edits = self.model.grid, self.model.edits()
        if grid is None or not edits or not self._can_edit or self._saving:
            return
        self.notice.hide()
        self._saving = True
        self._update_actions()
        who = self._who
        self._lane.submit(lambda _p: save_grid(grid, edits, who),
                          succeeded=lambda result: self._on_saved(edits, result),
                          failed=self._on_save_failed)

    def _on_saved(self, edits: dict[int, GroupEdit], result: GridSaved) -> None:
        self._saving = False
        self.model.forget_saved(edits, result.failed)
        self.read(after_save=result)

    def _on_save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self._show_problem(self.tr("Nothing more was saved: {reason}").format(
            reason=said(exc)))
        self.read(after_save=GridSaved())

    def _report_if_due(self) -> None:
        result, self._report_due = self._report_due, None
        if result is None:
            return
        if result.failed:
            lines = [said(why) for why in result.failed.values()]
            self._show_problem(self.tr(
                "Saved {saved}; {failed} left as they were, their changed ticks kept (the "
                "grid now shows the groups as they are): {why}").format(
                saved=group_count(len(result.saved)), failed=group_count(len(result.failed)),
                why=" · ".join(lines)))
        elif result.saved:
            self.problem.hide()
        if result.saved:
            self.notice.setText(self.tr("Saved {groups}: {codes}").format(
                groups=group_count(len(result.saved)), codes=", ".join(result.saved)))
            self.notice.show()
        self.saved.emit()

    # --- state ------------------------------------------------------------------------

    @property
    def pending(self) -> bool:
        """True while changed ticks wait to be saved."""
        return self.model.pending > 0

    def _update_actions(self) -> None:
        pending = self.model.pending
        self.save_button.setEnabled(self._can_edit and pending > 0 and not self._saving)
        self.undo_button.setEnabled(pending > 0)
        grid = self.model.grid
        self.export_button.setEnabled(bool(grid and self.model.rowCount()) and not pending)
        self.export_button.setToolTip(
            self.tr("Save or undo the changed ticks first: the export shows the groups as "
                    "saved.") if pending else self.tr("Write the customers shown and their "
                                                      "groups to a spreadsheet"))
        listed = len(grid.customers) if grid else 0
        text = self.tr("Showing {shown} of {listed} customers").format(
            shown=number(self.model.rowCount()), listed=number(listed)) if grid else ""
        if grid and listed and not self.model.rowCount():
            text = {GridFilter.IN_NONE: self.tr("Every listed customer is in at least one of "
                                                "these groups."),
                    GridFilter.IN_SOME: self.tr("None of the listed customers is in any of "
                                                "these groups."),
                    GridFilter.CHANGED: self.tr("No tick is changed.")}.get(
                GridFilter(self.filter.currentData()), text)
        if self._saving:
            text += self.tr(" · saving…")
        elif pending:
            text += self.tr(" · {ticks} not saved").format(ticks=changed_ticks(pending))
        self.shown_label.setText(text)

    def _show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()

    def shutdown(self) -> None:
        """Stop the background work (the window is closing)."""
        self._lane.shutdown()
