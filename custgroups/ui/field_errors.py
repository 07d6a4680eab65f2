"""Errors shown beside the editor's fields, in plain words, that go as soon as their cause."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QLabel, QWidget

from custgroups.core.errors import ValidationError
from custgroups.qt.words import said
from custgroups.ui import style
from custgroups.ui.widgets import named


class FieldErrors:
    """One label per field, plus "form" for the rest; ``routes`` sends a problem's field to
    another field's label (the paste box's problems show with the members').

    A problem becomes the accessible description of its field (see :meth:`tie`), and is
    announced to a screen reader when it appears or changes.
    """

    def __init__(self, parent: QWidget, fields: Sequence[str],
                 routes: dict[str, str] | None = None) -> None:
        self.labels = {name: named(QLabel(parent), f"{name}Error")
                       for name in (*fields, "form")}
        self._routes = routes or {}
        self._widgets: dict[str, QWidget] = {}
        for label in self.labels.values():
            style.error_text(label)
            label.setWordWrap(True)
            label.hide()

    def label_for(self, field: str) -> str:
        """Which label shows a problem of ``field``."""
        name = self._routes.get(field, field)
        return name if name in self.labels else "form"

    def tie(self, widgets: Mapping[str, QWidget]) -> None:
        """The field each label speaks of: its problem becomes the field's description."""
        self._widgets.update(widgets)

    def set(self, name: str, message: str) -> None:
        """Show ``message`` on a label, or hide it for ""."""
        label = self.labels[name]
        said = label.text() if not label.isHidden() else ""
        label.setText(message)
        label.setVisible(bool(message))
        field = self._widgets.get(name)
        if field is not None:
            field.setAccessibleDescription(message)
        if message and message != said:
            QAccessible.updateAccessibility(
                QAccessibleAnnouncementEvent(field if field is not None else label, message))

    def show(self, problems: Sequence[ValidationError]) -> None:
        """Show these problems (the first of each field) and nothing else."""
        for name in self.labels:
            self.set(name, "")
        for problem in reversed(problems):
            self.set(self.label_for(problem.field), said(problem))

    def follow(self, problems: Sequence[ValidationError], names: Sequence[str]) -> None:
        """Bring the shown errors of these labels up to date with the problems there are
        now: one whose cause is gone disappears, one that changed follows."""
        now = {self.label_for(p.field): said(p) for p in reversed(problems)}
        for name in names:
            if self.labels[name].isVisible():
                self.set(name, now.get(name, ""))
