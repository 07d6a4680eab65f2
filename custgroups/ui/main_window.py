"""The Customer Groups window: filter bar, one page of groups, pager, and the actions on them."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from custgroups.core.groups import (
    Group,
    GroupPage,
    GroupQuery,
    get_group,
    list_groups,
    set_groups_active,
)
from custgroups.qt.settings import Settings
from custgroups.qt.tasks import Job, Lane
from custgroups.qt.words import said
from custgroups.ui import selection, style, team_view
from custgroups.ui.about_dialog import install_help_menu
from custgroups.ui.appearance_menu import install_appearance_menu, install_language_menu
from custgroups.ui.empty_state import EmptyState
from custgroups.ui.filter_bar import FilterBar
from custgroups.ui.group_table import GroupTable
from custgroups.ui.models.group_model import COLUMN_BY_SORT, Column, GroupTableModel
from custgroups.ui.pager import Pager
from custgroups.ui.widgets import fit_to_screen, named
from custgroups.ui.window_actions import (
    SEPARATOR,
    history_key,
    install_bars,
    make_action,
    tool_button,
    unique_shortcuts,
)
from custgroups.ui.window_transfers import WindowTransfers
from custgroups.ui.window_views import WindowViews

if TYPE_CHECKING:
    from custgroups.ui.customers_window import CustomersWindow


class MainWindow(WindowTransfers, WindowViews, QMainWindow):
    """Lists groups page by page; queries run off the UI thread, stale answers are dropped."""

    page_shown = Signal(object)  # GroupPage, once it is on screen
    #: No list query is pending: the list shows the answer to the newest one (or its failure).
    idle = Signal()
    export_finished = Signal(object)  # the ExportResult, or the exception

    def __init__(self, who: str, database_name: str, settings: Settings | None = None, *,
                 can_edit: bool = True, database_url: str | None = None) -> None:
        """``can_edit`` False: a login that may only read. ``database_url``: watch it for
        other clerks' changes (live updates)."""
        super().__init__()
        self.setObjectName("MainWindow")
        self._who = who
        self._can_edit = can_edit
        self._database_name = database_name
        self._settings = settings or Settings()
        self._queries = Lane("queries", self, self._show_message)
        self._queries.idle.connect(self.idle)
        self._jobs = Lane("jobs", self, self._show_message)
        self._request_number = 0
        self._query: GroupQuery = self._settings.list_query
        self._page: GroupPage | None = None
        self.export_job: Job | None = None
        self.customers: CustomersWindow | None = None
        self.select_after: int | None = None  # the group to select once its page shows
        self.setWindowTitle(self.tr("Customer Groups — {db}").format(db=database_name))
        self._init_actions()
        self._init_widgets()
        self._init_menus()
        self._restore()
        if not can_edit:
            reason = team_view.read_only_reason(who)
            team_view.lock(reason, (self.add_action, self.edit_action, self.toggle_action,
                                    self.duplicate_action, self.import_action),
                           self.empty.changing_buttons())
            self.statusBar().addPermanentWidget(team_view.read_only_badge(reason, self))
        self.watch = (team_view.ListWatch(database_url, self.model.rows, self.refresh,
                                          (self._queries, self._jobs), self._show_message,
                                          self)
                      if database_url else None)
        self.refresh()

    # --- building ---------------------------------------------------------------------

    def _init_actions(self) -> None:
        def action(text: str, shortcut: Any, slot: Any, name: str) -> QAction:
            return make_action(self, text, shortcut, slot, name)

        self.add_action = action(self.tr("&Add New…"), QKeySequence.StandardKey.New,
                                 self._on_add_triggered, "addAction")
        self.edit_action = action(self.tr("&Edit…"), None, self._on_edit_triggered, "editAction")
        self.toggle_action = action(self.tr("&Deactivate"), "Ctrl+Shift+A",
                                    self._on_toggle_triggered, "toggleActiveAction")
        self.history_action = action(self.tr("&History…"), history_key(),
                                     self._on_history_triggered, "historyAction")
        self.compare_action = action(self.tr("&Compare…"), "Ctrl+Shift+C",
                                     self._on_compare_triggered, "compareAction")
        self.duplicate_action = action(self.tr("D&uplicate…"), "Ctrl+D",
                                       self._on_duplicate_triggered, "duplicateAction")
        self.export_action = action(self.tr("&Export…"), "Ctrl+E", self._on_export_triggered,
                                    "exportAction")
        self.import_action = action(self.tr("&Import Customers…"), "Ctrl+I",
                                    self._on_import_triggered, "importAction")
        self.refresh_action = action(self.tr("&Refresh"), QKeySequence.StandardKey.Refresh,
                                     self.refresh, "refreshAction")
        self.find_action = action(self.tr("&Find"), QKeySequence.StandardKey.Find,
                                  self._on_find_triggered, "findAction")
        self.customers_action = action(self.tr("&Customers"), "Ctrl+2",
                                       self._on_customers_triggered, "customersAction")
        self.quit_action = action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close,
                                  "quitAction")
        self.refresh_action.setShortcuts(unique_shortcuts(QKeySequence.StandardKey.Refresh, "F5"))
        self.quit_action.setShortcuts(unique_shortcuts(QKeySequence.StandardKey.Quit, "Ctrl+Q"))

    def _init_widgets(self) -> None:
        self.filter_bar = FilterBar(self)
        self.filter_bar.show_query(self._query)
        self.filter_bar.filters_changed.connect(self._on_filter_bar_filters_changed)
        self.filter_bar.reset_requested.connect(self._on_filter_bar_reset_requested)

        self.model = GroupTableModel(self)
        self.model.sort_requested.connect(self._on_model_sort_requested)
        self.table = GroupTable(self.model, self)
        # Double-click and Enter both "activate" a row.
        self.table.activated.connect(self._on_table_activated)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)

        self.empty = EmptyState(self)
        self.empty.add_requested.connect(self._on_add_triggered)
        self.empty.import_requested.connect(self._on_import_triggered)
        self.empty.sample_requested.connect(self._on_sample_clicked)
        self.empty.reset_requested.connect(self.filter_bar.reset_button.click)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        self.pager = Pager(self)
        self.pager.set_page_size(self._query.page_size)
        self.pager.page_requested.connect(self._on_pager_page_requested)
        self.pager.page_size_changed.connect(self._on_pager_page_size_changed)

        self.error_banner = named(QLabel(self), "errorBanner")
        self.error_banner.setWordWrap(True)
        style.banner(self.error_banner)
        self.error_banner.hide()

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.error_banner)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.pager)
        self.setCentralWidget(central)
        self.statusBar().showMessage(self.tr("Database: {db} · You: {who}").format(
            db=self._database_name, who=self._who))
        self.selection_label = named(QLabel(self), "selectionLabel")
        self.statusBar().addPermanentWidget(self.selection_label)

    def _init_menus(self) -> None:
        group_actions = (self.add_action, self.edit_action, self.toggle_action,
                         self.history_action, self.duplicate_action, self.compare_action)
        toolbar = install_bars(self, (
            (self.tr("&File"), (self.import_action, self.export_action, SEPARATOR,
                                self.quit_action)),
            (self.tr("&Group"), group_actions),
            (self.tr("&View"), (self.find_action, self.refresh_action, SEPARATOR,
                                self.customers_action)),
        ), (*group_actions, SEPARATOR, self.export_action, self.import_action,
            self.refresh_action))
        file_menu = self.menuBar().actions()[0].menu()
        assert isinstance(file_menu, QMenu)
        self.file_menu = file_menu  # File → Open Database… and the like are added to it
        view_menu = self.menuBar().actions()[2].menu()
        assert isinstance(view_menu, QMenu)
        self.appearance = install_appearance_menu(view_menu, self._settings)
        self.languages = install_language_menu(
            view_menu, self._settings, lambda text: self.statusBar().showMessage(text, 8000))
        self.about_action = install_help_menu(self)
        # The toolbar's buttons are the window's Add New, Export, Compare… buttons.
        self.add_button = tool_button(toolbar, self.add_action, "addNewButton",
                                      self.tr("Create a customer group (Ctrl+N)"))
        self.export_button = tool_button(toolbar, self.export_action, "exportButton", self.tr(
            "Export the selected groups, or every group the filters match (Ctrl+E)"))
        self.compare_button = tool_button(toolbar, self.compare_action, "compareButton", self.tr(
            "Compare the selected groups: who is in both, in either, in one only (Ctrl+Shift+C)"))
        self.duplicate_button = tool_button(toolbar, self.duplicate_action, "duplicateButton",
                                            self.tr("A new group like the selected one"))
        self.table.set_menu_actions((self.edit_action, self.toggle_action, self.history_action,
                                     self.duplicate_action, self.compare_action, SEPARATOR,
                                     self.add_action, self.export_action))
        self._update_actions()

    def _restore(self) -> None:
        geometry = self._settings.window_geometry
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            fit_to_screen(self, 1180, 720)
        header = self._settings.table_header
        if not header.isEmpty():
            self.table.horizontalHeader().restoreState(header)
        self._show_sort_indicator()
        # Header clicks now reach the model's sort(), which asks for a new query; the
        # indicator already matches the query, so enabling it asks for nothing.
        self.table.setSortingEnabled(True)

    # --- loading pages ----------------------------------------------------------------

    def query(self) -> GroupQuery:
        """The filter, sort and page the window shows (or is about to)."""
        return self._query

    @property
    def shown_page(self) -> GroupPage | None:
        """The page on screen; None until the first answer (or after only failures)."""
        return self._page

    def refresh(self) -> None:
        """Fetch the current page again."""
        self._load(self._query)

    def _load(self, query: GroupQuery) -> None:
        self._query = query
        self._request_number += 1
        number = self._request_number
        self._queries.submit(lambda _progress: list_groups(query),
                             succeeded=lambda page: self._on_page_loaded(number, page),
                             failed=lambda exc: self._on_page_failed(number, exc))

    def _on_page_loaded(self, number: int, page: GroupPage) -> None:
        if number != self._request_number:
            return  # an answer to an older question: a newer one is on its way
        self._page = page
        self._query = replace(self._query, page=page.page)
        self.table.show_rows(page.rows)
        if self.select_after is not None:
            self.table.show_group(self.select_after)
            self.select_after = None
        filtered = self._query.filtered
        self.pager.show_page(page, filtered)
        self.error_banner.hide()
        if page.total:
            self.stack.setCurrentWidget(self.table)
        else:
            self._show_empty(filtered)
        self._show_sort_indicator()
        self._update_actions()
        self.page_shown.emit(page)

    def _on_page_failed(self, number: int, exc: BaseException) -> None:
        if number != self._request_number:
            return
        self.show_error(exc)

    def _show_empty(self, filtered: bool) -> None:
        self.stack.setCurrentWidget(self.empty)
        self.empty.show_for(filtered)

    def show_error(self, exc: BaseException) -> None:
        """One plain sentence above the table; details went to the log."""
        self._show_message(said(exc))

    def _show_message(self, text: str) -> None:
        self.error_banner.setText(text)
        self.error_banner.show()

    # --- filters, sorting, pages --------------------------------------------------------

    @Slot()
    def _on_filter_bar_filters_changed(self) -> None:
        self._load(self.filter_bar.applied_to(self._query))

    @Slot()
    def _on_filter_bar_reset_requested(self) -> None:
        self._load(self._query.with_filters())

    @Slot(object, bool)
    def _on_model_sort_requested(self, sort: Any, descending: bool) -> None:
        if (sort, descending) != (self._query.sort, self._query.descending):
            self._load(replace(self._query, sort=sort, descending=descending, page=1))

    def _show_sort_indicator(self) -> None:
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(COLUMN_BY_SORT.get(self._query.sort, Column.CODE),
                                Qt.SortOrder.DescendingOrder if self._query.descending
                                else Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)

    @Slot(int)
    def _on_pager_page_requested(self, page: int) -> None:
        self._load(replace(self._query, page=page))

    @Slot(int)
    def _on_pager_page_size_changed(self, size: int) -> None:
        self._load(replace(self._query, page_size=size, page=1))

    # --- row actions --------------------------------------------------------------------

    def selected_groups(self) -> list[Group]:
        """The groups on the selected rows, top to bottom."""
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [g for g in map(self.model.row_at, rows) if g is not None]

    def selected_group(self) -> Group | None:
        """The selected group, when exactly one is selected."""
        selected = self.selected_groups()
        return selected[0] if len(selected) == 1 else None

    @Slot()
    def _update_actions(self) -> None:
        selected = self.selected_groups()
        editable = self._can_edit
        for act in (self.edit_action, self.duplicate_action):
            act.setEnabled(editable and len(selected) == 1)
        self.history_action.setEnabled(len(selected) == 1)
        self.toggle_action.setEnabled(editable and bool(selected))
        self.toggle_action.setText(selection.status_action_text(selected))
        self.compare_action.setEnabled(len(selected) >= 2)
        self.selection_label.setText(selection.selection_text(selected))

    @Slot()
    def _on_find_triggered(self) -> None:
        self.filter_bar.focus_text()

    @Slot()
    def _on_add_triggered(self) -> None:
        from custgroups.ui.group_form import GroupDialog  # dialogs load when first opened

        saved = GroupDialog.edit(self._who, None, self)
        if saved is not None:
            self._on_created(saved)

    def _on_created(self, group: Group) -> None:
        self.show_saved(group, self.tr("Created {code} {name}.").format(code=group.code,
                                                                       name=group.name))

    @Slot()
    def _on_duplicate_triggered(self) -> None:
        group = self.selected_group()
        if group is not None:
            from custgroups.ui.duplicate_dialog import duplicate

            duplicate(group, self._who, self._queries, self, self._on_created)

    @Slot(QModelIndex)
    def _on_table_activated(self, _index: QModelIndex) -> None:
        self._on_edit_triggered()

    @Slot()
    def _on_edit_triggered(self) -> None:
        if (group := self.selected_group()) is not None:
            # Edit what is there now, not what the page showed; read off the UI thread.
            self._queries.submit(lambda _p: get_group(group.id), succeeded=self._edit,
                                 failed=self.show_error)

    def _edit(self, group: Group) -> None:
        from custgroups.ui.group_form import GroupDialog

        if (saved := GroupDialog.edit(self._who, group, self)) is not None:
            self.show_saved(saved, self.tr("Saved {code} {name}.").format(code=saved.code,
                                                                         name=saved.name))

    @Slot()
    def _on_toggle_triggered(self) -> None:
        chosen = self.selected_groups()
        active = selection.activates(chosen)
        targets = [g for g in chosen if g.active != active]
        if not targets or not (active or selection.confirm_deactivation(self, targets)):
            return
        ids = [g.id for g in targets]
        self._jobs.submit(lambda _p: set_groups_active(ids, active, self._who),
                          succeeded=lambda _changed: self.refresh(), failed=self.show_error)

    @Slot()
    def _on_compare_triggered(self) -> None:
        selected = self.selected_groups()
        if len(selected) < 2:
            return
        from custgroups.ui.compare_dialog import CompareDialog

        created = CompareDialog.open_for([g.id for g in selected], self._who, self,
                                         self._run_export, self._can_edit)
        if created is not None:
            self._on_created(created)

    # --- closing ------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Remember the window, then stop the workers (unless unsaved work elsewhere stays)."""
        if not self.close_views():
            event.ignore()
            return
        self._settings.window_geometry = self.saveGeometry()
        self._settings.table_header = self.table.horizontalHeader().saveState()
        self._settings.list_query = self._query
        self._settings.sync()
        if self.watch is not None:
            self.watch.stop()
        self._queries.shutdown()
        self._jobs.shutdown()
        super().closeEvent(event)
