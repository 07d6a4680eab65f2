"""The group editor: code, name, description, status and members, saved in one transaction."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from custgroups.core.errors import ConflictError, ValidationError
from custgroups.core.groups import (
    Group,
    GroupChange,
    get_group,
    save_group,
    validate_group,
)
from custgroups.core.lists import MemberSource
from custgroups.core.members import Member
from custgroups.core.memberships import way_of
from custgroups.core.moves import Carry
from custgroups.qt.tasks import Lane
from custgroups.qt.words import said
from custgroups.ui import messages
from custgroups.ui.carry import carry_customers
from custgroups.ui.editor_conflict import TheirsFirst
from custgroups.ui.editor_news import NewsOfOthers
from custgroups.ui.editor_text import TextFields
from custgroups.ui.field_errors import FieldErrors
from custgroups.ui.members_panel import MembersPanel
from custgroups.ui.widgets import fit_to_screen, focus_chain, named, shortcut, tab_order


class GroupDialog(TheirsFirst, NewsOfOthers, TextFields, QDialog):
    """Creates or edits a group and its members; nothing is written until Save."""

    save_ended = Signal(object)  # the saved Group, or the problem that stopped the save
    group_loaded = Signal()  # fields and every member of the group are shown

    def __init__(self, who: str, group: Group | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("GroupDialog")
        self._who = who
        self._group = group
        self._lane = Lane("editor", self, self._show_form_error)
        self._saving = False
        self._save_after_check = False
        # The last change the database refused, and why (shown until the clerk changes it).
        self._refused: tuple[GroupChange, ValidationError] | None = None
        self._loaded = ("", "", True)
        self.saved: Group | None = None
        self.setModal(True)
        self.panel = MembersPanel(self)
        self.panel.carry_requested.connect(self._on_panel_carry_requested)
        self.members = self.panel.model
        self.paste = self.panel.paste
        self.panel.changed.connect(self._on_panel_changed)
        self.panel.loaded.connect(self.group_loaded)
        self.panel.problem.connect(self._show_form_error)
        self.paste.resolved.connect(self._on_paste_resolved)
        self.paste.edit.textChanged.connect(self._on_panel_changed)
        self._init_fields()
        self._init_layout()
        self._show_group(group)
        fit_to_screen(self, 980, 700)

    @classmethod
    def edit(cls, who: str, group: Group | None, parent: QWidget | None) -> Group | None:
        """Show the editor; the saved group, or None if the clerk cancelled."""
        dialog = cls(who, group, parent)
        return dialog.saved if dialog.exec() == QDialog.DialogCode.Accepted else None

    @classmethod
    def create_with(cls, who: str, customer_ids: set[int], description: str,
                    source: MemberSource | None, parent: QWidget | None, name: str = "",
                    active: bool = True) -> Group | None:
        """A new group whose fields and members are already filled in (pending until Save)."""
        dialog = cls(who, None, parent)
        dialog.name_edit.setText(name)
        dialog.description_edit.setPlainText(description)
        dialog.active_check.setChecked(active)
        dialog.panel.add_ids(customer_ids, way_of(source))
        dialog.panel.list_source = source
        return dialog.saved if dialog.exec() == QDialog.DialogCode.Accepted else None

    # --- building ---------------------------------------------------------------------

    def _init_fields(self) -> None:
        self.code_edit = named(QLineEdit(self), "codeEdit")
        self.code_edit.setPlaceholderText(self.tr("Assigned on save, e.g. CG-000013"))
        self.copy_code = QToolButton(self)
        self.copy_code.setText(self.tr("Copy"))
        self.copy_code.setToolTip(self.tr("Copy the group code"))
        self.copy_code.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.code_edit.text()))
        self.name_edit = named(QLineEdit(self), "nameEdit")
        self.name_count = named(QLabel(self), "nameCount")
        self.description_edit = named(QPlainTextEdit(self), "descriptionEdit")
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setFixedHeight(70)
        self.description_count = named(QLabel(self), "descriptionCount")
        self.active_check = named(QCheckBox(self.tr("Active"), self), "activeCheck")
        self.active_check.setChecked(True)
        # Problems of the paste box are shown with those of the members.
        self.field_errors = FieldErrors(self, ("code", "name", "description", "members",
                                               "reason"), {"paste": "members"})
        self.errors = self.field_errors.labels
        self.reason_row = self._reason_row()
        self.field_errors.tie({"code": self.code_edit, "name": self.name_edit,
                               "description": self.description_edit, "reason": self.reason_edit})
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(self.tr("Save"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip(self.tr("Save the group and its members (Ctrl+S)"))
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancelButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.progress = QProgressBar(self)
        self.progress.hide()
        shortcut(QKeySequence.StandardKey.Save, self, self.accept)
        # Straight to the paste box: Ctrl+N, name, Alt+P, paste, Alt+A, Ctrl+S.
        shortcut(QKeySequence("Alt+P"), self, self._on_paste_shortcut)
        # Enter saves from the one-line fields only; elsewhere it acts on its own widget.
        for edit in (self.code_edit, self.name_edit):
            edit.returnPressed.connect(self.accept)
        self.code_edit.textChanged.connect(lambda _t: self._recheck("code"))
        self.name_edit.textChanged.connect(self._on_name_text_changed)
        self.description_edit.textChanged.connect(self._on_description_text_changed)
        self.active_check.toggled.connect(self._on_active_toggled)
        self._on_name_text_changed()
        self._on_description_text_changed()

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
        form.addRow("", self.name_count)
        form.addRow("", self.errors["name"])
        form.addRow(self.tr("&Description"), self.description_edit)
        form.addRow("", self.description_count)
        form.addRow("", self.errors["description"])
        form.addRow(self.tr("Status"), self.active_check)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.panel, 1)
        layout.addWidget(self.errors["members"])
        layout.addWidget(self.errors["form"])
        layout.addWidget(self._news_banner())
        layout.addLayout(self.reason_row)
        layout.addWidget(self.errors["reason"])
        layout.addLayout(bottom)
        # Tab walks down the window, Save and Cancel last; the name is what a clerk types
        # first (the code is optional).
        tab_order(self.code_edit, self.copy_code, self.name_edit, self.description_edit,
                  self.active_check, *focus_chain(self.panel), self.reason_edit,
                  self.save_button, self.cancel_button)
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- loading ----------------------------------------------------------------------

    def _show_group(self, group: Group | None, members: list[Member] | None = None) -> None:
        """Show a group as saved (or an empty new one), dropping unsaved changes."""
        self._group = group
        self.setWindowTitle(self.tr("Edit Customer Group {code}").format(code=group.code)
                            if group else self.tr("Add New Customer Group"))
        self.code_edit.setReadOnly(group is not None)
        self.copy_code.setVisible(group is not None)
        if self.paste.edit.toPlainText():
            self.paste.edit.clear()
        if group is not None:
            self._set_fields(group.name, group.description, group.active)
            self.code_edit.setText(group.code)
        self._loaded = self._fields()
        self.field_errors.show([])
        self.panel.load(group, members=members)
        self._update_member_actions()

    def _set_fields(self, name: str, description: str, active: bool) -> None:
        self.name_edit.setText(name)
        self.description_edit.setPlainText(description)
        self.active_check.setChecked(active)

    def _fields(self) -> tuple[str, str, bool]:
        return (self.name_edit.text(), self.description_edit.toPlainText(),
                self.active_check.isChecked())

    # --- fields and their errors --------------------------------------------------------

    def _problems(self) -> list[ValidationError]:
        """Every reason the editor cannot save now, field by field; a refusal from the
        database stays one for as long as the clerk asks the same."""
        change = self.change()
        problems = validate_group(change) + self._reason_problems(change)
        if self._refused is not None and self._refused[0] == change:
            problems.append(self._refused[1])
        pasted = self.paste.problem()
        return problems + [pasted] if pasted is not None else problems

    def _recheck(self, *names: str) -> None:
        """An error shown for a field goes as soon as its cause does, and follows the text."""
        self.field_errors.follow(self._problems(), names)

    @Slot(bool)
    def _on_active_toggled(self, _active: bool) -> None:
        self._update_member_actions()
        self._recheck("members")

    @Slot()
    def _on_panel_changed(self) -> None:
        self._recheck("members")

    @Slot()
    def _on_paste_resolved(self) -> None:
        if self._save_after_check:
            self._save_after_check = False
            self._set_saving(False)
            self.accept()
        else:
            self._recheck("members")

    def _update_member_actions(self) -> None:
        self.panel.set_editable(self.active_check.isChecked(), self._saving)

    @Slot()
    def _on_paste_shortcut(self) -> None:
        self.paste.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _show_form_error(self, message: str) -> None:
        self.field_errors.set("form", message)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Enter never saves by surprise: on a button it presses that button, elsewhere it
        does what the focused field makes of it (the Name and Code fields save)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = self.focusWidget()
            # Push buttons only: Enter on the Active box must not change the status.
            if isinstance(focused, QPushButton | QToolButton) and focused.isEnabled():
                focused.click()
            event.accept()
            return
        super().keyPressEvent(event)

    # --- saving -----------------------------------------------------------------------

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
            remove_customer_ids=self.members.removed_ids,
            member_source=self.panel.list_source if self.members.pending else None,
            ways=self.members.ways,
            reason=self.reason_edit.text())

    def has_changes(self) -> bool:
        """True when something typed or picked is not saved."""
        typed_code = self._group is None and bool(self.code_edit.text().strip())
        return (self._fields() != self._loaded or typed_code or self.members.pending
                or bool(self.paste.edit.toPlainText().strip())
                or bool(self.reason_edit.text().strip()))

    def _show_errors(self, problems: list[ValidationError]) -> None:
        self.field_errors.show(problems)
        focus = {"code": self.code_edit, "name": self.name_edit,
                 "description": self.description_edit, "members": self.panel.table,
                 "paste": self.paste.edit, "reason": self.reason_edit}
        if problems:
            focus.get(problems[0].field, self.name_edit).setFocus()

    def accept(self) -> None:
        """Check, then save in the background; on any problem everything typed stays."""
        if self._saving:
            return
        change = self.change()
        problems = self._problems()
        if problems:
            self._show_errors(problems)
            self.save_ended.emit(problems[0])
            return
        self._show_errors([])
        self._set_saving(True)
        if self.paste.unapplied() is None:
            # The box's text is still being checked: save when it is, if it holds nothing
            # that was left out.
            self._save_after_check = True
            self.paste.resolve()
            return
        self._lane.submit(lambda progress: save_group(change, self._who, progress),
                          succeeded=self._on_saved, failed=self._on_save_failed,
                          progressed=self._on_save_progress)

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        # What is typed during a save would not be in it: the fields wait for the answer.
        for edit in (self.name_edit, self.description_edit, self.reason_edit):
            edit.setReadOnly(saving)
        self.code_edit.setReadOnly(saving or self._group is not None)
        self.active_check.setEnabled(not saving)
        self.save_button.setEnabled(not saving)
        self.progress.setVisible(saving)
        self.progress.setRange(0, 0)
        self._update_member_actions()

    @property
    def saving(self) -> bool:
        """True while a save (or the check of a conflict) is under way."""
        return self._saving

    def _on_save_progress(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _on_saved(self, group: Group) -> None:
        self._set_saving(False)
        self.saved = group
        self.save_ended.emit(group)
        super().accept()

    def _on_save_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ConflictError) and self._group is not None:
            self._read_theirs(self._group, self.change(), exc)
            return
        self._set_saving(False)
        if isinstance(exc, ValidationError):
            self._refused = (self.change(), exc)
            self._show_errors([exc])
        else:
            self._show_form_error(said(exc))
        self.save_ended.emit(exc)

    def _on_panel_carry_requested(self, carry: Carry, ids: set[int]) -> None:
        if self._group is not None and not self.has_changes():
            carry_customers(self, self._lane, self._group, ids, carry, self._who, self.reload,
                            lambda exc: self._show_form_error(said(exc)))
        else:
            self._show_form_error(self.tr("Save or cancel your changes first: moving and "
                                          "copying customers are saved at once."))

    def reload(self) -> None:
        """Show the group as saved now, dropping every unsaved change."""
        if self._group is None:
            return
        group_id = self._group.id
        self._lane.submit(lambda _p: get_group(group_id), succeeded=self._show_group)

    # --- leaving ----------------------------------------------------------------------

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
        self.panel.shutdown()
        super().done(result)
