"""The editor's members: the table with its filter, Add Customers, Remove, Undo, the paste box
and Import from File. Changes stay pending in the model until the editor saves."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from custgroups.core.customers import CustomerRef, customers_by_ids
from custgroups.core.events import member_since
from custgroups.core.groups import Group, list_members
from custgroups.core.lists import ListMode, ListPlan, MemberSource
from custgroups.core.members import Member, filter_key, matching, members_of
from custgroups.core.memberships import way_of
from custgroups.core.moves import Carry
from custgroups.core.ways import BY_HAND, How, Way
from custgroups.qt.tasks import Lane
from custgroups.qt.words import moment, number, said
from custgroups.ui import messages, style
from custgroups.ui.customer_picker import CustomerPicker
from custgroups.ui.match_preview import MatchPreviewDialog
from custgroups.ui.member_file import MemberFileReader
from custgroups.ui.member_keys import install_member_keys
from custgroups.ui.member_sort import MemberSorting
from custgroups.ui.models.members_model import MemberColumn, MembersModel, MemberState
from custgroups.ui.paste_box import PasteBox
from custgroups.ui.widgets import WIDEST_MOMENT, fit_columns, named, read_only_table, split
from custgroups.ui.wording import customers

#: The filter waits for this pause in typing before it scans the members.
FILTER_DEBOUNCE_MS = 150
#: Members shown at once when a group opens, before the rest are read.
FIRST_ROWS = 500
_ALL = 10_000_000


def read_members(group_id: int, limit: int = _ALL) -> tuple[Member, ...]:
    """The group's members in code order, with their search keys (runs on a worker)."""
    return members_of(list_members(group_id, "", 0, limit, with_total=False).rows)


class MembersPanel(QWidget):
    """Shows and changes the members of the group being edited; nothing is written here."""

    changed = Signal()  # pending changes, the count or the rows shown changed
    loaded = Signal()  # every saved member is in the table
    filtered = Signal()  # the rows shown follow the filter's text
    problem = Signal(str)  # a sentence for the editor's message line
    carry_requested = Signal(object, object)  # Carry, the ids of the selected customers

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: The last list applied, which the history names as the source of the changes.
        self.list_source: MemberSource | None = None
        self._group: Group | None = None
        self._editable = True
        self._loading = False
        self._lane = Lane("members", self, self.problem.emit)
        self.model = MembersModel(self)
        self.model.changed.connect(self._on_model_changed)
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DEBOUNCE_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        self._init_widgets()
        self._init_layout()
        self._on_model_changed()

    def _init_widgets(self) -> None:
        self.filter_edit = named(QLineEdit(self), "membersFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter members by code or name…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(lambda _text: self._filter_timer.start())
        self.filter_edit.returnPressed.connect(self.apply_filter)
        self.state_combo = named(QComboBox(self), "memberStateFilter")
        for label, state in ((self.tr("All members"), MemberState.ALL),
                             (self.tr("Active customers"), MemberState.ACTIVE),
                             (self.tr("Inactive customers"), MemberState.INACTIVE),
                             (self.tr("Pending changes"), MemberState.PENDING)):
            self.state_combo.addItem(label, state.value)
        self.state_combo.setAccessibleName(self.tr("Show members"))
        self.state_combo.currentIndexChanged.connect(
            lambda _i: self.model.show_state(MemberState(self.state_combo.currentData())))
        self.remove_inactive_button = named(QPushButton(self), "removeInactiveButton")
        self.remove_inactive_button.clicked.connect(
            lambda: self.model.remove_ids(self.model.inactive_ids()))
        self.count_label = named(QLabel(self), "membersCount")
        self.table = read_only_table(self, "membersTable", self.model, several=True)
        self.table.installEventFilter(self)
        fit_columns(self.table, {MemberColumn.CODE: "C0000000", MemberColumn.CITY: "Trondheim",
                                 MemberColumn.STATUS: "Inactive", MemberColumn.CHANGE: "Remove",
                                 MemberColumn.SINCE: moment(WIDEST_MOMENT, clock=False),
                                 MemberColumn.ADDED_BY: "m.jensen"})
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(MemberColumn.NAME, QHeaderView.ResizeMode.Stretch)
        self.sorting = MemberSorting(self.table, self.model, self._lane, self._group_id)
        self.sorting.sorted.connect(self._filter_if_behind)
        install_member_keys(self, self.table, self._on_remove_clicked, self._step)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.add_button = named(QPushButton(self.tr("Add Customers…"), self), "addCustomersButton")
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button = named(QPushButton(self.tr("Remove"), self), "removeMembersButton")
        self.remove_button.setToolTip(self.tr("Remove the selected customers (Delete)"))
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.undo_button = named(QPushButton(self.tr("Undo Change"), self), "undoMemberButton")
        self.undo_button.setToolTip(self.tr("Undo the pending change on the selected rows"))
        self.undo_button.clicked.connect(self._on_undo_clicked)
        self.import_button = named(QPushButton(self.tr("Import from File…"), self),
                                   "importMembersButton")
        self.move_button = named(QPushButton(self.tr("Move to…"), self), "moveMembersButton")
        self.move_button.setToolTip(self.tr("Move the selected customers to another group"))
        self.move_button.clicked.connect(lambda: self._request_carry(Carry.MOVE))
        self.copy_button = named(QPushButton(self.tr("Copy to…"), self), "copyMembersButton")
        self.copy_button.setToolTip(self.tr("Copy the selected customers to another group"))
        self.copy_button.clicked.connect(lambda: self._request_carry(Carry.COPY))
        for button in (self.add_button, self.remove_button, self.undo_button, self.import_button,
                       self.move_button, self.copy_button):
            button.setAutoDefault(False)  # Enter acts on the field that has focus
        self.inactive_note = QLabel(self.tr("Activate the group to add customers."), self)
        style.warning_text(self.inactive_note)
        self.paste = PasteBox(self._group_id, self.model.pending_ids, self.model.standing, self)
        self.file_reader = MemberFileReader(
            self, self._lane, self.paste, lambda: self._group.code if self._group else None,
            self.problem.emit)
        self.import_button.clicked.connect(self.file_reader.ask)
        self.paste.add_requested.connect(self._on_paste_add_requested)
        self.paste.remove_requested.connect(self._on_paste_remove_requested)
        self.paste.match_requested.connect(self._on_paste_match_requested)

    def _init_layout(self) -> None:
        members_box = QGroupBox(self.tr("Members"), self)
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.state_combo)
        top.addWidget(self.count_label)
        actions = QHBoxLayout()
        for button in (self.add_button, self.import_button, self.remove_button,
                       self.undo_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.inactive_note)
        more = QHBoxLayout()  # a second row, so the editor still fits a small screen
        for button in (self.move_button, self.copy_button, self.remove_inactive_button):
            more.addWidget(button)
        more.addStretch(1)
        members_layout = QVBoxLayout(members_box)
        members_layout.addLayout(top)
        members_layout.addWidget(self.table, 1)
        members_layout.addLayout(actions)
        members_layout.addLayout(more)
        paste_box = QGroupBox(self.tr("Paste Codes (Alt+P)"), self)
        QVBoxLayout(paste_box).addWidget(self.paste)
        splitter = split(self, Qt.Orientation.Horizontal, (members_box, 3), (paste_box, 2))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    # --- the group ----------------------------------------------------------------------

    def _group_id(self) -> int | None:
        return self._group.id if self._group else None

    def load(self, group: Group | None, keep_pending: bool = False,
             members: Sequence[Member] | None = None) -> None:
        """Show a group's saved members: the first rows at once, the rest as they are read.

        Pending changes are dropped, or with ``keep_pending`` kept where they still change
        something (another clerk's version of the group). Changes the clerk makes while the
        members are read are kept. ``members`` given are shown as they are, without reading.
        """
        if not keep_pending:
            self.model.load(())
        self._group = group
        if group is None:
            self.loaded.emit()
            return
        if members is not None:
            self._on_members_read(group, tuple(members), True)
            return
        self._loading = True
        self.count_label.setText(self.tr("Loading members…"))
        group_id = group.id
        if group.member_count > FIRST_ROWS and not keep_pending:
            self._lane.submit(lambda _p: read_members(group_id, FIRST_ROWS),
                              succeeded=lambda rows: self._on_members_read(group, rows, False))
        self._lane.submit(lambda _p: read_members(group_id),
                          succeeded=lambda rows: self._on_members_read(group, rows, True),
                          failed=self._on_read_failed)

    def _on_read_failed(self, exc: BaseException) -> None:
        self._loading = False
        self._on_model_changed()
        self.count_label.setText(self.tr("The members could not be read."))
        self.problem.emit(said(exc))

    def _on_members_read(self, group: Group, rows: tuple[Member, ...], complete: bool) -> None:
        if group is not self._group:
            return  # another version of the group was loaded meanwhile
        self.model.load(rows, rebase=True)
        if complete:
            group_id = group.id
            self._lane.submit(lambda _p: member_since(group_id),
                              succeeded=self.model.show_since)
            self.sorting.refresh()
            self._loading = False
            self._on_model_changed()
            self._filter_if_behind()
            self.loaded.emit()

    @property
    def loading(self) -> bool:
        """True until every saved member is read."""
        return self._loading

    def set_editable(self, active: bool, saving: bool) -> None:
        """An inactive group (or one being saved) takes no changes to its members."""
        self._editable = active and not saving
        self.inactive_note.setVisible(not active)
        # The paste box keeps its text either way, and can be cleared while inactive: only
        # applying it waits for the group to be active again.
        self.paste.setEnabled(not saving)
        self.paste.set_applicable(active)
        self._update_actions()

    # --- the filter ---------------------------------------------------------------------

    @Slot()
    def apply_filter(self) -> None:
        """Filter the rows by the filter's text now; the scan runs on a worker."""
        self._filter_timer.stop()
        key = filter_key(self.filter_edit.text())
        saved = self.model.saved_members()
        self._lane.submit(lambda _p: matching(saved, key),
                          succeeded=lambda rows: self._on_filter_scanned(key, saved, rows))

    def _filter_if_behind(self) -> None:
        # A scan of members since read again (or sorted) was dropped: filter them anew.
        if self.model.filter_key != filter_key(self.filter_edit.text()):
            self.apply_filter()

    def _on_filter_scanned(self, key: str, saved: tuple[Member, ...],
                           rows: list[Member]) -> None:
        if key != filter_key(self.filter_edit.text()) or self._filter_timer.isActive():
            return  # the clerk typed on; that text's scan follows
        if self.model.show_matching(key, saved, rows):
            self.filtered.emit()

    # --- changes ------------------------------------------------------------------------

    @Slot()
    def _on_model_changed(self) -> None:
        count = self.model.count_after_save()
        total = customers(count)
        if self.model.narrowed:
            text = self.tr("{shown} of {total}").format(shown=number(self.model.rowCount()),
                                                         total=total)
        else:
            text = total
        pending = []
        added, removed = len(self.model.added_ids), len(self.model.removed_ids)
        if added:
            pending.append(self.tr("{n} to add").format(n=number(added)))
        if removed:
            pending.append(self.tr("{n} to remove").format(n=number(removed)))
        if not self._loading:
            self.count_label.setText(text + (f" ({', '.join(pending)})" if pending else ""))
        self._update_actions()
        self.changed.emit()

    @Slot()
    def _update_actions(self) -> None:
        for widget in (self.add_button, self.import_button):
            widget.setEnabled(self._editable)
        selected = self.table.selectionModel().selectedRows()
        # An inactive group's members are read-only until it is activated again.
        self.remove_button.setEnabled(bool(selected) and self._editable)
        self.undo_button.setEnabled(self._editable and any(self.model.change_at(i.row())
                                                           for i in selected))
        # Moving and copying write at once, so they take saved members of a saved group only.
        can_carry = (self._editable and self._group is not None and not self.model.pending
                     and not self._loading and bool(selected))
        for button in (self.move_button, self.copy_button):
            button.setEnabled(can_carry)
        inactive = len(self.model.inactive_ids()) if self._editable else 0
        self.remove_inactive_button.setText(
            self.tr("Remove the %Ln Inactive Customer(s)", "", inactive))
        self.remove_inactive_button.setVisible(inactive > 0)

    def _request_carry(self, carry: Carry) -> None:
        rows = [c for c in map(self.model.row_at, self._selected_rows()) if c is not None]
        if rows:
            self.carry_requested.emit(carry, {c.id for c in rows})

    def add_ids(self, ids: set[int], way: Way = BY_HAND) -> None:
        """Count customers as added at once (``way``: how they came); their rows are fetched
        to show them."""
        wanted = self.model.expect(ids, way)
        if not wanted:
            return
        self._lane.submit(lambda _p: members_of(customers_by_ids(wanted)),
                          succeeded=self._on_customers_fetched,
                          failed=lambda exc: self._on_fetch_failed(wanted, exc))

    def _on_customers_fetched(self, rows: tuple[Member, ...]) -> None:
        self.model.arrive(rows)
        self.paste.refresh()

    def _on_fetch_failed(self, ids: set[int], exc: BaseException) -> None:
        self.model.forget(ids)
        self.problem.emit(self.tr("The customers could not be added: {reason}").format(
            reason=said(exc)))

    @Slot()
    def _on_add_clicked(self) -> None:
        self.add_ids(CustomerPicker.pick(self.model.member_ids(), self), Way(How.PICKER))

    @Slot(object)
    def _on_paste_add_requested(self, refs: tuple[CustomerRef, ...]) -> None:
        source = MemberSource(ListMode.ADD, self.paste.source_name)
        if source.name:
            self.list_source = source
        self.add_ids({ref.id for ref in refs}, way_of(source))

    @Slot(object)
    def _on_paste_remove_requested(self, plan: ListPlan) -> None:
        self.list_source = MemberSource(ListMode.REMOVE, self.paste.source_name)
        self.model.remove_ids((ref.id for ref in plan.to_remove), way_of(self.list_source))
        self.paste.refresh()

    @Slot(object)
    def _on_paste_match_requested(self, plan: ListPlan) -> None:
        remove: set[int] = set()
        if plan.empties_group and not messages.confirm(
                self, self.tr("Empty the group?"),
                self.tr("The list names none of the %Ln member(s), so matching it would "
                        "remove every one of them and add nobody. Remove all %Ln?", "",
                        len(plan.to_remove)),
                self.tr("Remove All")):
            self.paste.refresh()
            return
        if plan.to_remove:
            chosen = MatchPreviewDialog.ask(plan, self)
            if chosen is None:
                self.paste.refresh()
                return
            remove = chosen
        self.list_source = MemberSource(ListMode.MATCH, self.paste.source_name)
        self.model.remove_ids(remove, way_of(self.list_source))
        self.add_ids({ref.id for ref in plan.to_add}, way_of(self.list_source))
        self.paste.refresh()

    def _step(self, undo: bool) -> None:
        """Undo (or redo) the last change to the pending members."""
        if self._editable and (self.model.undo_step() if undo else self.model.redo_step()):
            self.paste.refresh()

    def _selected_rows(self) -> list[int]:
        return [i.row() for i in self.table.selectionModel().selectedRows()]

    @Slot()
    def _on_remove_clicked(self) -> None:
        if self.remove_button.isEnabled():
            self.model.remove_rows(self._selected_rows())
            self.paste.refresh()

    @Slot()
    def _on_undo_clicked(self) -> None:
        self.model.undo_rows(self._selected_rows())
        self.paste.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Enter on the members table does nothing: it must not reach the dialog's Save."""
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            return True
        return super().eventFilter(watched, event)

    # --- import from a file -------------------------------------------------------------

    def import_file(self, path: Path, column: str | None = None) -> None:
        """Put the codes of a file's column in the paste box, for the same preview (see
        :class:`MemberFileReader`)."""
        self.file_reader.read(path, column)

    def shutdown(self) -> None:
        """Stop background work before the editor goes."""
        self._filter_timer.stop()
        self._lane.shutdown()
        self.paste.shutdown()

