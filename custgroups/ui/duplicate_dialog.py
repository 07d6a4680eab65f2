"""Duplicate Group…: the new name and whether to copy the members are asked first (members are
never copied silently); the copy then opens in the editor, and nothing is saved before Save."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from custgroups.core.groups import Group
from custgroups.core.lists import MemberSource
from custgroups.core.memberships import Transfer
from custgroups.core.moves import active_member_ids
from custgroups.qt.tasks import Lane
from custgroups.ui import style
from custgroups.ui.group_form import GroupDialog
from custgroups.ui.widgets import named


class DuplicateDialog(QDialog):
    """Asks the copy's name and whether it takes the members."""

    def __init__(self, group: Group, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DuplicateDialog")
        self.setWindowTitle(self.tr("Duplicate {code}").format(code=group.code))
        self.name_edit = named(QLineEdit(self.tr("{name} (copy)").format(name=group.name),
                                         self), "duplicateNameEdit")
        self.name_edit.selectAll()
        self.members_check = named(QCheckBox(self.tr("Copy its %Ln member(s)", "",
                                                     group.member_count), self),
                                   "duplicateMembersCheck")
        self.members_check.setChecked(group.active and group.member_count > 0)
        note = QLabel(self)
        style.warning_text(note)
        if not group.active:
            self.members_check.setChecked(False)
            self.members_check.setEnabled(False)
            note.setText(self.tr("The group is inactive, and an inactive group takes no "
                                 "customers: the copy starts without members."))
        note.setVisible(bool(note.text()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Open the Copy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        label = QLabel(self.tr("New &name"), self)
        label.setBuddy(self.name_edit)
        layout.addRow(label, self.name_edit)
        layout.addRow("", self.members_check)
        layout.addRow("", note)
        layout.addRow(buttons)
        self.resize(460, self.sizeHint().height())


def duplicate(group: Group, who: str, lane: Lane, parent: QWidget,
              saved: Callable[[Group], None]) -> None:
    """Ask, read the members to copy off the UI thread, then open the copy in the editor;
    ``saved`` gets the new group if the clerk saves it."""
    dialog = DuplicateDialog(group, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    name, with_members = dialog.name_edit.text(), dialog.members_check.isChecked()

    def open_copy(ids: set[int]) -> None:
        source = MemberSource(Transfer.COPIED_FROM, group.code) if ids else None
        created = GroupDialog.create_with(who, ids, group.description, source, parent,
                                          name=name, active=group.active)
        if created is not None:
            saved(created)

    if with_members:
        lane.submit(lambda _p: active_member_ids(group.id), succeeded=open_copy)
    else:
        open_copy(set())
