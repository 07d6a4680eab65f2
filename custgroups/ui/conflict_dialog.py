"""Someone else saved the group first: what they changed, what I changed, and what to do."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from custgroups.core.conflicts import Clash, FieldChange, FieldValue, Rebase, Side
from custgroups.qt.words import moment
from custgroups.ui.widgets import named


class Action(Enum):
    """What the clerk chose."""

    APPLY = "apply"
    RELOAD = "reload"
    KEEP_EDITING = "keep"


@dataclass(frozen=True)
class Choice:
    """The clerk's answer, with the side picked for each clashing field."""

    action: Action
    picks: dict[str, Side] = field(default_factory=dict)


class ConflictDialog(QDialog):
    """Shows both sides' changes; Apply Mine on Top of Theirs, Reload, or Keep Editing."""

    def __init__(self, plan: Rebase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ConflictDialog")
        self.setWindowTitle(self.tr("Changed by someone else"))
        self._plan = plan
        self.action = Action.KEEP_EDITING
        self._groups: dict[str, QButtonGroup] = {}
        theirs = plan.theirs
        when = moment(theirs.updated_at)
        intro = named(QLabel(self.tr(
            "{who} saved {code} at {when} after you opened it. Nothing of theirs or "
            "yours has been overwritten.").format(who=theirs.updated_by, code=theirs.code,
                                                  when=when), self), "conflictIntro")
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self._side(self.tr("They changed"), plan.their_fields, (
            self._count(plan.their_added, self.tr("%Ln customer(s) added", "",
                                                  plan.their_added)),
            self._count(plan.their_removed, self.tr("%Ln customer(s) removed", "",
                                                    plan.their_removed))), "theirChanges"))
        layout.addWidget(self._side(self.tr("You changed"), plan.my_fields, (
            self._count(len(plan.my_added), self.tr("%Ln customer(s) to add", "",
                                                    len(plan.my_added))),
            self._count(len(plan.my_removed), self.tr("%Ln customer(s) to remove", "",
                                                      len(plan.my_removed)))), "myChanges"))
        for clash in plan.clashes:
            layout.addWidget(self._clash(clash))
        buttons = QDialogButtonBox(self)
        self.apply_button = buttons.addButton(self.tr("Apply Mine on Top of Theirs"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("applyMineButton")
        self.reload_button = buttons.addButton(self.tr("Reload Theirs (Discard Mine)"),
                                               QDialogButtonBox.ButtonRole.DestructiveRole)
        self.reload_button.setObjectName("reloadButton")
        self.keep_button = buttons.addButton(self.tr("Keep Editing"),
                                             QDialogButtonBox.ButtonRole.RejectRole)
        self.keep_button.setObjectName("keepEditingButton")
        self.keep_button.setDefault(True)
        self.apply_button.clicked.connect(lambda: self._finish(Action.APPLY))
        self.reload_button.clicked.connect(lambda: self._finish(Action.RELOAD))
        self.keep_button.clicked.connect(lambda: self._finish(Action.KEEP_EDITING))
        layout.addWidget(buttons)
        self._update_apply()

    @classmethod
    def ask(cls, plan: Rebase, parent: QWidget | None) -> Choice:
        """Show the conflict and return the clerk's choice."""
        dialog = cls(plan, parent)
        dialog.exec()
        return dialog.choice()

    def choice(self) -> Choice:
        """What the clerk chose so far, with the sides picked."""
        return Choice(self.action, self.picks())

    def picks(self) -> dict[str, Side]:
        """The side picked for each clashing field that has one."""
        picked: dict[str, Side] = {}
        for name, group in self._groups.items():
            button = group.checkedButton()
            if button is not None:
                picked[name] = Side(button.property("side"))
        return picked

    def _label(self, name: str) -> str:
        return {"name": self.tr("Group Name"), "description": self.tr("Description"),
                "active": self.tr("Status")}[name]

    def _value(self, value: FieldValue) -> str:
        if isinstance(value, bool):
            return self.tr("Active") if value else self.tr("Inactive")
        return f"“{value}”" if value else self.tr("(empty)")

    @staticmethod
    def _count(n: int, words: str) -> str:
        """A count of customers in words ("" for none)."""
        return words if n else ""

    def _side(self, title: str, fields: tuple[FieldChange, ...], counts: tuple[str, ...],
              name: str) -> QGroupBox:
        box = QGroupBox(title, self)
        lines = [self.tr("{field}: {before} → {after}").format(
            field=self._label(c.field), before=self._value(c.before), after=self._value(c.after))
            for c in fields]
        lines += [count for count in counts if count]
        text = QLabel("\n".join(lines) or self.tr("Nothing that still makes a difference."), box)
        text.setObjectName(name)
        text.setWordWrap(True)
        QVBoxLayout(box).addWidget(text)
        return box

    def _clash(self, clash: Clash) -> QGroupBox:
        box = QGroupBox(self.tr("{field}: you both changed it — pick one").format(
            field=self._label(clash.field)), self)
        box.setObjectName(f"clash_{clash.field}")
        group = QButtonGroup(box)
        layout = QVBoxLayout(box)
        for side, value, text in ((Side.THEIRS, clash.theirs, self.tr("Theirs: {value}")),
                                  (Side.MINE, clash.mine, self.tr("Mine: {value}"))):
            button = QRadioButton(text.format(value=self._value(value)), box)
            button.setObjectName(f"{clash.field}_{side.value}")
            button.setProperty("side", side.value)
            group.addButton(button)
            layout.addWidget(button)
        group.buttonToggled.connect(lambda _button, _checked: self._update_apply())
        self._groups[clash.field] = group
        return box

    def _update_apply(self) -> None:
        self.apply_button.setEnabled(len(self.picks()) == len(self._groups))

    def _finish(self, action: Action) -> None:
        self.action = action
        if action is Action.KEEP_EDITING:
            self.reject()
        else:
            self.accept()
