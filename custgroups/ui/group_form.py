"""The group dialog: code, name, description and status, checked beside each field."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from custgroups.errors import ConflictError, CustgroupsError, ValidationError
from custgroups.groups import (
    DESCRIPTION_MAX,
    NAME_MAX,
    Group,
    GroupChange,
    save_group,
    validate_group,
)
from custgroups.ui import messages

_ERROR_STYLE = "color: #b00020;"


class GroupDialog(QDialog):
    """Creates a group, or edits one; the database rules decide, the dialog explains."""

    def __init__(self, who: str, group: Group | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="GroupDialog")
        self._who = who
        self._group = group
        self.saved: Group | None = None
        self.setWindowTitle(self.tr("Edit Customer Group") if group else
                            self.tr("Add New Customer Group"))
        self.setModal(True)
        self._init_fields()
        self._init_layout()
        if group is not None:
            self._load(group)
        self.resize(560, self.sizeHint().height())

    @classmethod
    def edit(cls, who: str, group: Group | None, parent: QWidget | None) -> Group | None:
        """Show the dialog; the saved group, or None if the clerk cancelled."""
        dialog = cls(who, group, parent)
        return dialog.saved if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _init_fields(self) -> None:
        self.code_edit = QLineEdit(self, objectName="codeEdit")
        self.code_edit.setPlaceholderText(self.tr("Assigned on save, e.g. CG-000013"))
        self.code_edit.setMaxLength(30)
        self.name_edit = QLineEdit(self, objectName="nameEdit")
        self.name_edit.setMaxLength(NAME_MAX + 20)  # over-long text gets a message, not a cut
        self.description_edit = QPlainTextEdit(self, objectName="descriptionEdit")
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setFixedHeight(90)
        self.description_count = QLabel(self)
        self.active_check = QCheckBox(self.tr("Active"), self, objectName="activeCheck")
        self.active_check.setChecked(True)
        self.errors = {field: QLabel(self) for field in ("code", "name", "description", "form")}
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
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.accept)
        self.description_edit.textChanged.connect(self._on_description_text_changed)
        self._on_description_text_changed()

    def _init_layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Group &Code"), self.code_edit)
        form.addRow("", self.errors["code"])
        form.addRow(self.tr("Group &Name"), self.name_edit)
        form.addRow("", self.errors["name"])
        form.addRow(self.tr("&Description"), self.description_edit)
        form.addRow("", self.description_count)
        form.addRow("", self.errors["description"])
        form.addRow(self.tr("Status"), self.active_check)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors["form"])
        layout.addWidget(self.buttons)

    def _load(self, group: Group) -> None:
        self.code_edit.setText(group.code)
        self.code_edit.setReadOnly(True)
        self.name_edit.setText(group.name)
        self.description_edit.setPlainText(group.description)
        self.active_check.setChecked(group.active)

    def change(self) -> GroupChange:
        """What the form asks to save."""
        group = self._group
        return GroupChange(
            name=self.name_edit.text(), description=self.description_edit.toPlainText(),
            active=self.active_check.isChecked(),
            code="" if group else self.code_edit.text().strip(),
            group_id=group.id if group else None,
            expected_version=group.version if group else None)

    @Slot()
    def _on_description_text_changed(self) -> None:
        length = len(self.description_edit.toPlainText().strip())
        self.description_count.setText(self.tr("{n} of {max} characters").format(
            n=length, max=DESCRIPTION_MAX))
        self.description_count.setStyleSheet(_ERROR_STYLE if length > DESCRIPTION_MAX else "")

    def _show_errors(self, problems: list[ValidationError]) -> None:
        for label in self.errors.values():
            label.hide()
        focus = {"code": self.code_edit, "name": self.name_edit,
                 "description": self.description_edit}
        for problem in problems:
            label = self.errors.get(problem.field, self.errors["form"])
            label.setText(problem.message)
            label.show()
        if problems:
            focus.get(problems[0].field, self.name_edit).setFocus()

    def accept(self) -> None:
        """Check, then save; on any problem the dialog stays open with everything typed."""
        change = self.change()
        problems = validate_group(change)
        if problems:
            self._show_errors(problems)
            return
        try:
            self.saved = save_group(change, self._who)
        except ValidationError as exc:
            self._show_errors([exc])
            return
        except ConflictError as exc:
            messages.warn(self, self.tr("Changed by someone else"), exc.message)
            return
        except CustgroupsError as exc:
            self._show_errors([ValidationError("form", exc.message)])
            return
        super().accept()
