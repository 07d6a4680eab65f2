"""The group editor's text fields: the characters counted as they are typed, and the reason a
clerk gives on Save (kept with the history; required above a number of removals)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit

from custgroups.core.errors import ValidationError
from custgroups.core.groups import (
    DESCRIPTION_MAX,
    NAME_MAX,
    REASON_MAX,
    GroupChange,
    clean_description,
    clean_name,
    reason_problem,
)
from custgroups.qt.settings import Settings
from custgroups.qt.words import number
from custgroups.ui import style
from custgroups.ui.field_errors import FieldErrors
from custgroups.ui.widgets import named

if TYPE_CHECKING:
    from PySide6.QtWidgets import QPlainTextEdit

    _Dialog = QDialog
else:
    _Dialog = object


class TextFields(_Dialog):
    """Part of :class:`~custgroups.ui.group_form.GroupDialog`. Only the type checker sees it
    as a dialog; at run time it adds these methods and nothing else."""

    name_edit: QLineEdit
    name_count: QLabel
    description_edit: QPlainTextEdit
    description_count: QLabel
    field_errors: FieldErrors

    if TYPE_CHECKING:  # the editor's own, which these methods call
        def _recheck(self, *names: str) -> None: ...

    def _reason_row(self) -> QHBoxLayout:
        """The Reason field beside its label (the field is made once, with the others)."""
        self.reason_edit = named(QLineEdit(self), "reasonEdit")
        self.reason_edit.setMaxLength(REASON_MAX)
        self._reason_required_above = Settings().reason_required_above
        hint = self.tr("Why? Kept in the history with this change")
        if self._reason_required_above:
            hint += self.tr(" (needed when removing more than {n} customers)").format(
                n=number(self._reason_required_above))
        self.reason_edit.setPlaceholderText(hint)
        self.reason_edit.textChanged.connect(lambda _text: self._recheck("reason"))
        label = QLabel(self.tr("Rea&son"), self)
        label.setBuddy(self.reason_edit)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.reason_edit, 1)
        return row

    def _reason_problems(self, change: GroupChange) -> list[ValidationError]:
        needed = reason_problem(change, self._reason_required_above)
        return [needed] if needed is not None else []

    @Slot()
    def _on_name_text_changed(self) -> None:
        self._show_count(self.name_count, len(clean_name(self.name_edit.text())), NAME_MAX)
        self._recheck("name")

    @Slot()
    def _on_description_text_changed(self) -> None:
        length = len(clean_description(self.description_edit.toPlainText()))
        self._show_count(self.description_count, length, DESCRIPTION_MAX)
        self._recheck("description")

    def _show_count(self, label: QLabel, length: int, limit: int) -> None:
        label.setText(self.tr("{n} of {max} characters").format(n=length, max=limit))
        style.error_text(label, length > limit)
