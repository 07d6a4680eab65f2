"""Before a customer import: what it would change, and whether empty cells clear fields."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from custgroups.qt.words import number
from custgroups.ui.widgets import named

if TYPE_CHECKING:  # the dialog only reads the plans; the data floor stays out of the window
    from custgroups.core.customer_import import CustomerImportPlan
    from custgroups.core.sheets.imports import CustomerImportPlans

#: Columns a customer file may leave out; what is stored there is then left alone.
_OPTIONAL_COLUMNS = ("email", "phone", "city", "country", "status")


class ImportPreviewDialog(QDialog):
    """Shows what importing a customer file would change and asks the clerk to go ahead.

    Both plans (empty cells kept or clearing) come worked out, so the checkbox switches
    between them at once, without reading the file or the database again.
    """

    def __init__(self, plans: CustomerImportPlans, path: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ImportPreviewDialog")
        self._plans = plans
        self.setWindowTitle(self.tr("Import Customers"))
        self._init_widgets(path)
        self._init_layout()
        self._show_plan()

    def _init_widgets(self, path: Path) -> None:
        found = self._plans.file
        self.intro = QLabel(self.tr("{file} lists {rows} customers (sheet '{sheet}').").format(
            file=path.name, rows=number(len(found.rows)), sheet=found.sheet), self)
        self.intro.setWordWrap(True)
        missing = [self._field_name(c) for c in _OPTIONAL_COLUMNS if c not in found.fields]
        self.columns_note = named(QLabel(self), "importColumnsNote")
        self.columns_note.setWordWrap(True)
        if missing:
            self.columns_note.setText(self.tr(
                "The file has no column for {fields}: what is stored there stays as it is."
            ).format(fields=", ".join(missing)))
        else:
            self.columns_note.hide()
        self.summary = named(QLabel(self), "importSummary")
        self.summary.setWordWrap(True)
        self.clear_empty_check = named(
            QCheckBox(self.tr("Empty cells clear the field"), self), "clearEmptyCheck")
        self.clear_empty_check.toggled.connect(self._on_clear_empty_check_toggled)
        self.clear_empty_hint = named(QLabel(self), "clearEmptyHint")
        self.clear_empty_hint.setWordWrap(True)
        self.clear_empty_hint.setEnabled(False)
        self.buttons = QDialogButtonBox(self)
        self.import_button: QPushButton = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importStartButton")
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancelButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _init_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.columns_note)
        layout.addWidget(self.summary)
        layout.addWidget(self.clear_empty_check)
        layout.addWidget(self.clear_empty_hint)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    @classmethod
    def ask(cls, plans: CustomerImportPlans, path: Path,
            parent: QWidget | None) -> bool | None:
        """Whether empty cells should clear fields, or None if the clerk cancelled."""
        dialog = cls(plans, path, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.clear_empty()

    def clear_empty(self) -> bool:
        """The clerk's choice: True when empty cells clear the field."""
        return self.clear_empty_check.isChecked()

    def plan(self) -> CustomerImportPlan:
        """The plan for the choice shown."""
        return self._plans.plan(self.clear_empty())

    @Slot(bool)
    def _on_clear_empty_check_toggled(self, _checked: bool) -> None:
        self._show_plan()

    def _show_plan(self) -> None:
        plan = self.plan()
        lines = [self.tr("New customers to add: {n}").format(n=number(plan.new))]
        updated = self.tr("Customers to update: {n}").format(n=number(plan.updated))
        if plan.fields:
            updated += " (" + ", ".join(f"{self._field_name(field)} {number(count)}"
                                        for field, count in plan.fields) + ")"
        lines.append(updated)
        if plan.reactivated:
            lines.append(self.tr("Inactive customers to reactivate: {n}").format(
                n=number(plan.reactivated)))
        if plan.deactivated:
            lines.append(self.tr("Active customers to deactivate: {n}").format(
                n=number(plan.deactivated)))
        if plan.unchanged:
            lines.append(self.tr("Unchanged, left as they are: {n}").format(
                n=number(plan.unchanged)))
        if not plan.changes_anything:
            lines.append(self.tr("Nothing to import: every customer in the file matches what "
                                 "is stored."))
        self.summary.setText("\n".join(lines))
        self.import_button.setEnabled(plan.changes_anything)
        if not self._plans.empty_cells_matter:
            hint = self.tr("No empty cell in this file would change anything either way.")
        elif self.clear_empty():
            hint = self.tr("An empty cell clears what is stored in that field (an empty status "
                           "means Active).")
        else:
            hint = self.tr("An empty cell leaves what is stored in that field as it is.")
        self.clear_empty_hint.setText(hint)

    def _field_name(self, field: str) -> str:
        names = {"code": self.tr("code spelling"), "name": self.tr("name"),
                 "email": self.tr("email"), "phone": self.tr("phone"), "city": self.tr("city"),
                 "country": self.tr("country"), "status": self.tr("status")}
        return names.get(field, field)
