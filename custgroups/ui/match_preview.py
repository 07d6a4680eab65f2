"""Before a group is made to match a list: the members it would remove, each ticked, so the
clerk can keep exceptions; nothing changes until Apply."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from custgroups.core.lists import ListPlan
from custgroups.qt.words import number
from custgroups.ui.widgets import fit_to_screen, named


class MatchPreviewDialog(QDialog):
    """Lists the members the list does not name; unticked ones stay in the group."""

    @classmethod
    def ask(cls, plan: ListPlan, parent: QWidget | None) -> set[int] | None:
        """The ids to remove (the ticked rows), or None if the clerk cancelled."""
        dialog = cls(plan, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.ticked()

    def __init__(self, plan: ListPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MatchPreviewDialog")
        self.setWindowTitle(self.tr("Make Group Match List"))
        self._plan = plan
        intro = QLabel(self.tr(
            "These members are not in the list and will be removed. Untick any that should "
            "stay."), self)
        intro.setWordWrap(True)
        self.rows = named(QListWidget(self), "matchRemovals")
        self.rows.setAccessibleName(self.tr("Members the list would remove"))
        self.rows.setUniformItemSizes(True)  # quick with tens of thousands of rows
        for ref in plan.to_remove:
            item = QListWidgetItem(f"{ref.code}  {ref.name}")
            item.setData(Qt.ItemDataRole.UserRole, ref.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.rows.addItem(item)
        self.rows.itemChanged.connect(self._update_count)
        self.count = named(QLabel(self), "matchCount")
        buttons = QDialogButtonBox(self)
        self.apply_button = named(
            buttons.addButton(self.tr("Apply"), QDialogButtonBox.ButtonRole.AcceptRole),
            "matchApplyButton")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        keep_all = QPushButton(self.tr("Keep All"), self)
        keep_all.clicked.connect(lambda: self._tick_all(Qt.CheckState.Unchecked))
        remove_all = QPushButton(self.tr("Remove All"), self)
        remove_all.clicked.connect(lambda: self._tick_all(Qt.CheckState.Checked))
        buttons.addButton(keep_all, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(remove_all, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.rows, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        fit_to_screen(self, 520, 460)
        self._update_count()

    def ticked(self) -> set[int]:
        """The ids of the members to remove."""
        return {int(self.rows.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.rows.count())
                if self.rows.item(i).checkState() == Qt.CheckState.Checked}

    def _tick_all(self, state: Qt.CheckState) -> None:
        self.rows.blockSignals(True)
        for i in range(self.rows.count()):
            self.rows.item(i).setCheckState(state)
        self.rows.blockSignals(False)
        self._update_count()

    @Slot()
    def _update_count(self) -> None:
        removing = len(self.ticked())
        kept = len(self._plan.to_remove) - removing
        text = self.tr("Remove {n} · keep {kept} of them · add {added}").format(
            n=number(removing), kept=number(kept), added=number(len(self._plan.to_add)))
        self.count.setText(text)
