"""Choose some groups from all of them: a filter above a list of ticks."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from custgroups.core.group_list import Group
from custgroups.ui.widgets import named


class GroupChooser(QDialog):
    """Ticks beside every group; the filter narrows the list by code or name."""

    def __init__(self, groups: Sequence[Group], chosen: Collection[int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("GroupChooser")
        self.setWindowTitle(self.tr("Choose Groups"))
        self.filter = named(QLineEdit(self), "groupChooserFilter")
        self.filter.setPlaceholderText(self.tr("Code or name contains…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._on_filter_changed)
        self.list = named(QListWidget(self), "groupChooserList")
        self.list.setAccessibleName(self.tr("Groups"))
        for group in groups:
            state = "" if group.active else self.tr(" (inactive)")
            item = QListWidgetItem(f"{group.code}  {group.name}{state}", self.list)
            item.setData(Qt.ItemDataRole.UserRole, group.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if group.id in chosen
                               else Qt.CheckState.Unchecked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        caption = QLabel(self.tr("&Find"), self)
        caption.setBuddy(self.filter)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Show these groups as the grid's columns (Space ticks "
                                        "the group under the cursor):"), self))
        layout.addWidget(caption)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(460, 520)

    def chosen(self) -> list[int]:
        """The ids of the groups ticked, in the list's order."""
        return [int(item.data(Qt.ItemDataRole.UserRole))
                for item in map(self.list.item, range(self.list.count()))
                if item.checkState() == Qt.CheckState.Checked]

    def _on_filter_changed(self, text: str) -> None:
        term = text.strip().casefold()
        for item in map(self.list.item, range(self.list.count())):
            item.setHidden(bool(term) and term not in item.text().casefold())

    @classmethod
    def choose(cls, groups: Sequence[Group], chosen: Collection[int],
               parent: QWidget | None) -> list[int] | None:
        """Show the chooser; the ids ticked, or None if the clerk cancelled."""
        dialog = cls(groups, chosen, parent)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
