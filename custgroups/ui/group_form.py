"""The group editor: code, name, description, status and members, saved in one transaction."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from custgroups.customers import CustomerRef, CustomerRow, customers_by_ids
from custgroups.errors import ConflictError, CustgroupsError, ValidationError
from custgroups.groups import (
    DESCRIPTION_MAX,
    NAME_MAX,
    Group,
    GroupChange,
    get_group,
    list_members,
    save_group,
    validate_group,
)
from custgroups.tasks import Lane
from custgroups.ui import messages
from custgroups.ui.customer_picker import CustomerPicker
from custgroups.ui.members_model import MemberColumn, MembersModel
from custgroups.ui.paste_box import PasteBox

_ERROR_STYLE = "color: #b00020;"
_ALL_MEMBERS = 10_000_000


class GroupDialog(QDialog):
    """Creates or edits a group and its members; nothing is written until Save."""

    def __init__(self, who: str, group: Group | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="GroupDialog")
        self._who = who
        self._group = group
        self._lane = Lane("editor", self)
        self._saving = False
        self._loaded = (group.name, group.description, group.active) if group else ("", "", True)
        self.saved: Group | None = None
        self.setModal(True)
        self.members = MembersModel(self)
        self.members.changed.connect(self._on_members_changed)
        self._init_fields()
        self._init_members()
        self._init_layout()
        self._load(group)
        self.resize(980, 700)

    @classmethod
    def edit(cls, who: str, group: Group | None, parent: QWidget | None) -> Group | None:
        """Show the editor; the saved group, or None if the clerk cancelled."""
        dialog = cls(who, group, parent)
        return dialog.saved if dialog.exec() == QDialog.DialogCode.Accepted else None

    # --- building ---------------------------------------------------------------------

    def _init_fields(self) -> None:
        self.code_edit = QLineEdit(self, objectName="codeEdit")
        self.code_edit.setPlaceholderText(self.tr("Assigned on save, e.g. CG-000013"))
        self.code_edit.setMaxLength(30)
        self.copy_code = QToolButton(self)
        self.copy_code.setText(self.tr("Copy"))
        self.copy_code.setToolTip(self.tr("Copy the group code"))
        self.copy_code.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.code_edit.text()))
        self.name_edit = QLineEdit(self, objectName="nameEdit")
        self.name_edit.setMaxLength(NAME_MAX + 20)  # over-long text gets a message, not a cut
        self.description_edit = QPlainTextEdit(self, objectName="descriptionEdit")
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setFixedHeight(70)
        self.description_count = QLabel(self)
        self.active_check = QCheckBox(self.tr("Active"), self, objectName="activeCheck")
        self.active_check.setChecked(True)
        self.active_check.toggled.connect(self._update_member_actions)
        self.errors = {field: QLabel(self) for field in
                       ("code", "name", "description", "members", "form")}
        for label in self.errors.values():
            label.setStyleSheet(_ERROR_STYLE)
            label.setWordWrap(True)
            label.hide()
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(self.tr("Save"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancelButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.progress = QProgressBar(self)
        self.progress.hide()
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.accept)
        # Straight to the paste box: Ctrl+N, name, Alt+P, paste, Alt+A, Ctrl+S.
        QShortcut(QKeySequence("Alt+P"), self, activated=self._on_paste_shortcut)
        for edit in (self.code_edit, self.name_edit):
            edit.returnPressed.connect(self.accept)
        self.description_edit.textChanged.connect(self._on_description_text_changed)
        self._on_description_text_changed()

    def _init_members(self) -> None:
        self.members_filter = QLineEdit(self, objectName="membersFilter")
        self.members_filter.setPlaceholderText(self.tr("Filter members by code or name…"))
        self.members_filter.setClearButtonEnabled(True)
        self.members_filter.textChanged.connect(self.members.set_filter)
        self.members_count = QLabel(self)
        self.members_table = QTableView(self, objectName="membersTable")
        self.members_table.setModel(self.members)
        self.members_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.members_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.members_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.members_table.verticalHeader().hide()
        self.members_table.setWordWrap(False)
        self.members_table.setAlternatingRowColors(True)
        header = self.members_table.horizontalHeader()
        header.resizeSection(MemberColumn.CODE, 110)
        header.setSectionResizeMode(MemberColumn.NAME, QHeaderView.ResizeMode.Stretch)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.members_table,
                  activated=self._on_remove_clicked, context=Qt.ShortcutContext.WidgetShortcut)
        self.members_table.selectionModel().selectionChanged.connect(self._update_member_actions)
        self.add_customers_button = QPushButton(self.tr("Add Customers…"), self,
                                                objectName="addCustomersButton")
        self.add_customers_button.clicked.connect(self._on_add_customers_clicked)
        self.remove_button = QPushButton(self.tr("Remove"), self,
                                         objectName="removeMembersButton")
        self.remove_button.setToolTip(self.tr("Remove the selected customers (Delete)"))
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.undo_button = QPushButton(self.tr("Undo Change"), self, objectName="undoMemberButton")
        self.undo_button.setToolTip(self.tr("Undo the pending change on the selected rows"))
        self.undo_button.clicked.connect(self._on_undo_clicked)
        self.import_button = QPushButton(self.tr("Import from File…"), self,
                                         objectName="importMembersButton")
        self.import_button.clicked.connect(self._on_import_clicked)
        self.inactive_note = QLabel(self.tr("Activate the group to add customers."), self)
        self.inactive_note.setStyleSheet("color: #7a4b00;")
        self.paste = PasteBox(self._group_id, self.members.member_ids, self)
        self.paste.add_requested.connect(self._on_paste_add_requested)

    def _init_layout(self) -> None:
        code_row = QHBoxLayout()
        code_row.addWidget(self.code_edit, 1)
        code_row.addWidget(self.copy_code)
        form = QFormLayout()
        code_label = QLabel(self.tr("Group &Code"), self)
        code_label.setBuddy(self.code_edit)  # a row holding a layout gets no buddy by itself
        form.addRow(code_label, code_row)
        form.addRow("", self.errors["code"])
        form.addRow(self.tr("Group &Name"), self.name_edit)
        form.addRow("", self.errors["name"])
        form.addRow(self.tr("&Description"), self.description_edit)
        form.addRow("", self.description_count)
        form.addRow("", self.errors["description"])
        form.addRow(self.tr("Status"), self.active_check)

        members_box = QGroupBox(self.tr("Members"), self)
        top = QHBoxLayout()
        top.addWidget(self.members_filter, 1)
        top.addWidget(self.members_count)
        actions = QHBoxLayout()
        for button in (self.add_customers_button, self.import_button, self.remove_button,
                       self.undo_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.inactive_note)
        members_layout = QVBoxLayout(members_box)
        members_layout.addLayout(top)
        members_layout.addWidget(self.members_table, 1)
        members_layout.addLayout(actions)
        members_layout.addWidget(self.errors["members"])

        paste_box = QGroupBox(self.tr("Paste Codes (Alt+P)"), self)
        QVBoxLayout(paste_box).addWidget(self.paste)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(members_box)
        splitter.addWidget(paste_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.errors["form"])
        layout.addLayout(bottom)

    # --- loading ----------------------------------------------------------------------

    def _group_id(self) -> int | None:
        return self._group.id if self._group else None

    def _load(self, group: Group | None) -> None:
        self._group = group
        self.setWindowTitle(self.tr("Edit Customer Group {code}").format(code=group.code)
                            if group else self.tr("Add New Customer Group"))
        self.code_edit.setReadOnly(group is not None)
        self.copy_code.setVisible(group is not None)
        if group is None:
            self.members.load([])
            self._update_member_actions()
            return
        self._loaded = (group.name, group.description, group.active)
        self.code_edit.setText(group.code)
        self.name_edit.setText(group.name)
        self.description_edit.setPlainText(group.description)
        self.active_check.setChecked(group.active)
        self.members_count.setText(self.tr("Loading members…"))
        self._lane.submit(lambda _p: list_members(group.id, "", 0, _ALL_MEMBERS).rows,
                          succeeded=lambda rows: self.members.load(list(rows)),
                          failed=self._on_job_failed)
        self._update_member_actions()

    # --- members ----------------------------------------------------------------------

    @Slot()
    def _on_members_changed(self) -> None:
        count = self.members.count_after_save()
        text = self.tr("{n} customers").format(n=f"{count:,}") if count != 1 \
            else self.tr("1 customer")
        pending = []
        if self.members.added_ids:
            pending.append(self.tr("{n} to add").format(n=f"{len(self.members.added_ids):,}"))
        if self.members.removed_ids:
            pending.append(self.tr("{n} to remove").format(
                n=f"{len(self.members.removed_ids):,}"))
        self.members_count.setText(text + (f" ({', '.join(pending)})" if pending else ""))
        self._update_member_actions()

    @Slot()
    def _update_member_actions(self) -> None:
        can_add = self.active_check.isChecked() and not self._saving
        for widget in (self.add_customers_button, self.import_button, self.paste):
            widget.setEnabled(can_add)
        self.inactive_note.setVisible(not self.active_check.isChecked())
        selected = self.members_table.selectionModel().selectedRows()
        # An inactive group's members are read-only until it is activated again.
        self.remove_button.setEnabled(bool(selected) and can_add)
        self.undo_button.setEnabled(can_add and any(self.members.change_at(i.row())
                                                    for i in selected))

    def _add_ids(self, ids: set[int]) -> None:
        wanted = ids - self.members.member_ids()
        if wanted:
            self._lane.submit(lambda _p: customers_by_ids(wanted),
                              succeeded=self._on_customers_fetched,
                              failed=self._on_job_failed)

    def _on_customers_fetched(self, rows: list[CustomerRow]) -> None:
        self.members.add(rows)
        self.paste.refresh()
        self.errors["members"].hide()

    @Slot()
    def _on_add_customers_clicked(self) -> None:
        self._add_ids(CustomerPicker.pick(self.members.member_ids(), self))

    @Slot(object)
    def _on_paste_add_requested(self, refs: tuple[CustomerRef, ...]) -> None:
        self._add_ids({ref.id for ref in refs})

    @Slot()
    def _on_paste_shortcut(self) -> None:
        self.paste.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot()
    def _on_remove_clicked(self) -> None:
        rows = [i.row() for i in self.members_table.selectionModel().selectedRows()]
        self.members.remove_rows(rows)
        self.paste.refresh()

    @Slot()
    def _on_undo_clicked(self) -> None:
        rows = [i.row() for i in self.members_table.selectionModel().selectedRows()]
        self.members.undo_rows(rows)
        self.paste.refresh()

    @Slot()
    def _on_import_clicked(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import Members"), str(Path.home()),
            self.tr("Spreadsheets (*.xlsx *.csv *.txt);;All files (*)"))
        if chosen:
            self.import_file(Path(chosen))

    def import_file(self, path: Path, column: str | None = None) -> None:
        """Put the codes of a file's column in the paste box, for the same preview.

        Without ``column`` the clerk chooses among the file's headings (the code column
        found by name comes first); a file without headings gives its first column.
        """
        from custgroups.sheets.imports import member_columns, read_member_codes

        group = self._group
        if column is None:
            try:
                headings = member_columns(path)
            except CustgroupsError as exc:
                self._on_job_failed(exc)
                return
            if len(headings) > 1:
                column, chosen = QInputDialog.getItem(
                    self, self.tr("Import Members"),
                    self.tr("Which column holds the customer codes?"), headings, 0, False)
                if not chosen:
                    return
            elif headings:
                column = headings[0]
        self.paste.summary.setText(self.tr("Reading {name}…").format(name=path.name))
        self._lane.submit(
            lambda _p: read_member_codes(path, group.code if group else None, column),
            succeeded=lambda found: self.paste.edit.setPlainText("\n".join(found.codes)),
            failed=self._on_job_failed)

    def _on_job_failed(self, exc: BaseException) -> None:
        message = exc.message if isinstance(exc, CustgroupsError) else self.tr(
            "Something unexpected went wrong; the details are in the log.")
        self.errors["form"].setText(message)
        self.errors["form"].show()

    # --- fields -----------------------------------------------------------------------

    @Slot()
    def _on_description_text_changed(self) -> None:
        length = len(self.description_edit.toPlainText().strip())
        self.description_count.setText(self.tr("{n} of {max} characters").format(
            n=length, max=DESCRIPTION_MAX))
        self.description_count.setStyleSheet(_ERROR_STYLE if length > DESCRIPTION_MAX else "")

    def change(self) -> GroupChange:
        """What the editor asks to save."""
        group = self._group
        return GroupChange(
            name=self.name_edit.text(), description=self.description_edit.toPlainText(),
            active=self.active_check.isChecked(),
            code="" if group else self.code_edit.text().strip(),
            group_id=group.id if group else None,
            expected_version=group.version if group else None,
            add_customer_ids=self.members.added_ids,
            remove_customer_ids=self.members.removed_ids)

    def has_changes(self) -> bool:
        """True when something typed or picked is not saved."""
        current = (self.name_edit.text(), self.description_edit.toPlainText(),
                   self.active_check.isChecked())
        typed_code = self._group is None and bool(self.code_edit.text().strip())
        return (current != self._loaded or typed_code or self.members.pending
                or bool(self.paste.edit.toPlainText().strip()))

    def _show_errors(self, problems: list[ValidationError]) -> None:
        for label in self.errors.values():
            label.hide()
        focus = {"code": self.code_edit, "name": self.name_edit,
                 "description": self.description_edit, "members": self.members_table}
        for problem in problems:
            label = self.errors.get(problem.field, self.errors["form"])
            label.setText(problem.message)
            label.show()
        if problems:
            focus.get(problems[0].field, self.name_edit).setFocus()

    # --- saving and leaving -----------------------------------------------------------

    def accept(self) -> None:
        """Check, then save in the background; on any problem everything typed stays."""
        if self._saving:
            return
        change = self.change()
        problems = validate_group(change)
        if problems:
            self._show_errors(problems)
            return
        self._show_errors([])
        self._set_saving(True)
        self._lane.submit(lambda progress: save_group(change, self._who, progress),
                          succeeded=self._on_saved, failed=self._on_save_failed,
                          progressed=self._on_save_progress)

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.save_button.setEnabled(not saving)
        self.progress.setVisible(saving)
        self.progress.setRange(0, 0)
        self._update_member_actions()

    def _on_save_progress(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _on_saved(self, group: Group) -> None:
        self._set_saving(False)
        self.saved = group
        super().accept()

    def _on_save_failed(self, exc: BaseException) -> None:
        self._set_saving(False)
        if isinstance(exc, ConflictError):
            if messages.conflict(self, exc.message):
                self.reload()
            return
        if isinstance(exc, ValidationError):
            self._show_errors([exc])
            return
        self._on_job_failed(exc)

    def reload(self) -> None:
        """Show the group as saved now, dropping every unsaved change."""
        if self._group is None:
            return
        try:
            group = get_group(self._group.id)
        except CustgroupsError as exc:
            self._on_job_failed(exc)
            return
        self.paste.edit.clear()
        self._show_errors([])
        self._load(group)

    def reject(self) -> None:
        """Leave, asking first if anything would be lost."""
        if self._saving:
            return
        if self.has_changes() and not messages.confirm(
                self, self.tr("Discard changes?"),
                self.tr("This group has changes that are not saved. Discard them?"),
                self.tr("Discard")):
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Closing the window is the same as Cancel."""
        event.ignore()
        self.reject()

    def done(self, result: int) -> None:
        """Stop background work before the dialog goes."""
        self._lane.shutdown()
        self.paste.shutdown()
        super().done(result)
