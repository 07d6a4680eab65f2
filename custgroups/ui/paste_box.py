"""The paste box: codes pasted from anywhere, sorted before anything is added."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from custgroups.core.codes import read_paste
from custgroups.core.customers import (
    CodeResolution,
    CustomerRef,
    is_customer_code,
    resolve_codes,
)
from custgroups.core.errors import Sentence, ValidationError
from custgroups.core.lists import Customerish, ListMode, ListPlan, plan_list
from custgroups.qt.tasks import Lane
from custgroups.qt.words import said
from custgroups.ui.widgets import named
from custgroups.ui.wording import list_summary, paste_summary

DEBOUNCE_MS = 300

#: What the editor's members are when a list is planned: those that stay, and the pending
#: additions (see :meth:`MembersModel.standing`).
Standing = tuple[Sequence[Customerish], frozenset[int]]


def _adjusted(resolution: CodeResolution, added: frozenset[int],
              removed: frozenset[int]) -> CodeResolution:
    """The resolution as the editor sees it: pending additions count as members already,
    pending removals as not (the rest of the membership is the database's)."""
    recognised = [r for r in resolution.recognised if r.id not in added]
    already = [r for r in resolution.recognised if r.id in added]
    already += [r for r in resolution.already_members if r.id not in removed]
    recognised += [r for r in resolution.already_members if r.id in removed]
    return CodeResolution(tuple(recognised), tuple(already), resolution.duplicates,
                          resolution.unknown, resolution.inactive)


class InstantButton(QPushButton):
    """A button whose keyboard mnemonic clicks at once: Qt's animated click waits 100 ms,
    long enough for a quick Alt+A, Ctrl+S to save before the click happened."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Shortcut:
            if self.isEnabled():
                self.click()
            return True
        return super().event(event)


class PasteBox(QWidget):
    """Shows what a list of codes would change in the mode chosen beside it — add those
    listed, remove those listed, or make the group match — and hands that over on Apply.

    In Add mode the summary sorts the codes (recognised, already in, duplicates, unknown,
    inactive); in the others it counts what would be added, removed and left alone.
    """

    add_requested = Signal(object)  # tuple[CustomerRef, ...]
    remove_requested = Signal(object)  # ListPlan of Remove mode
    match_requested = Signal(object)  # ListPlan of Match mode
    resolved = Signal()  # the summary now describes the text in the box

    def __init__(self, group_id: Callable[[], int | None],
                 pending: Callable[[], tuple[frozenset[int], frozenset[int]]],
                 standing: Callable[[], Standing],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._group_id = group_id
        self._pending = pending
        self._standing = standing
        #: The file the codes in the box were read from ("" when typed or pasted).
        self.source_name = ""
        self._from_file = False
        self._applicable = True
        self.plan: ListPlan | None = None
        self._lane = Lane("paste", self, self._on_unhandled)
        self._request = 0
        self._answered = 0  # the request whose answer the summary shows
        # True while the box holds only what Add left behind (unknown and inactive codes).
        self._leftover = False
        self.resolution: CodeResolution | None = None
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.resolve)
        self.edit = named(QPlainTextEdit(self), "pasteBox")
        self.edit.setAccessibleName(self.tr("Pasted customer codes"))
        self.edit.setPlaceholderText(self.tr(
            "Paste customer codes: one per line, or separated by commas, semicolons, tabs or "
            "spaces. A block copied from Excel gives its first column."))
        self.edit.setTabChangesFocus(True)
        self.edit.installEventFilter(self)
        self.edit.textChanged.connect(self._on_edit_text_changed)
        self.mode_combo = named(QComboBox(self), "pasteModeCombo")
        for label, mode in ((self.tr("Add listed"), ListMode.ADD),
                            (self.tr("Remove listed"), ListMode.REMOVE),
                            (self.tr("Make group match list"), ListMode.MATCH)):
            self.mode_combo.addItem(label, mode.value)
        self.mode_combo.setAccessibleName(self.tr("What the list does"))
        self.mode_combo.currentIndexChanged.connect(self._on_mode_combo_changed)
        self.summary = named(QLabel(self), "pasteSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(self.summary.textInteractionFlags())
        self.add_button = named(InstantButton(self.tr("&Add Recognised"), self), "pasteAddButton")
        self.add_button.clicked.connect(self._on_add_clicked)
        self.copy_button = QPushButton(self.tr("Copy Unknown Codes"), self)
        self.copy_button.clicked.connect(self._on_copy_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        mode_row = QHBoxLayout()
        mode_label = QLabel(self.tr("&Mode"), self)
        mode_label.setBuddy(self.mode_combo)
        mode_row.addWidget(mode_label)
        mode_row.addWidget(self.mode_combo, 1)
        layout.addLayout(mode_row)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        self._show(None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Alt+letter in the box is a shortcut, never text: Alt+A pressed while Add is
        unavailable must not type an "a" onto the last code. (On macOS, Option types
        characters such as @ and is left alone.)"""
        if (watched is self.edit and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and sys.platform != "darwin"
                and event.modifiers() & Qt.KeyboardModifier.AltModifier
                and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
                and event.text().isalnum()):
            return True
        return super().eventFilter(watched, event)

    def set_applicable(self, applicable: bool) -> None:
        """Whether the list may be applied (not to an inactive group); the text stays."""
        self._applicable = applicable
        self._update_apply_button()

    def _update_apply_button(self) -> None:
        resolution, plan = self.resolution, self.plan
        if plan is not None:
            can_apply = plan.changes_anything
        else:
            can_apply = bool(resolution and resolution.recognised)
        # What Apply left behind (codes that need the clerk) is never applied again by itself.
        self.add_button.setEnabled(can_apply and self._applicable and not self._leftover)

    @property
    def mode(self) -> ListMode:
        """What applying the list does."""
        return ListMode(self.mode_combo.currentData())

    def set_codes_from_file(self, codes: Sequence[str], name: str) -> None:
        """Put a file's codes in the box; applying them names the file in the history."""
        self._from_file = True
        try:
            self.edit.setPlainText("\n".join(codes))
        finally:
            self._from_file = False
        self.source_name = name

    @Slot(int)
    def _on_mode_combo_changed(self, _index: int) -> None:
        self._leftover = False  # the same codes now ask something else: they may be applied
        self._show_mode()
        self.refresh()

    def _show_mode(self) -> None:
        self.add_button.setText({ListMode.ADD: self.tr("&Add Recognised"),
                                 ListMode.REMOVE: self.tr("&Apply: Remove Listed"),
                                 ListMode.MATCH: self.tr("&Apply: Match List")}[self.mode])

    @Slot()
    def _on_edit_text_changed(self) -> None:
        if not self._from_file:
            self.source_name = ""
        self._leftover = False
        self._request += 1  # an answer still on its way is for text no longer there
        self.add_button.setEnabled(False)
        self._timer.start()

    def unapplied(self) -> int | None:
        """How many changes the list in the box would make that were not applied (0 when it
        is empty or holds only what Apply left behind); None while it is being checked."""
        if self._leftover or not self.edit.toPlainText().strip():
            return 0
        if self._timer.isActive() or self._answered != self._request or self.resolution is None:
            return None
        if self.plan is not None:
            return len(self.plan.to_add) + len(self.plan.to_remove)
        return len(self.resolution.recognised)

    def problem(self) -> ValidationError | None:
        """Why saving now would leave the list in the box out, if it would: codes pasted but
        not applied would be lost by a save that ignored them."""
        unapplied = self.unapplied()
        if not unapplied:  # none, or not known until the box's check is done
            return None
        if not self._applicable:
            why = self.tr("The paste box holds a list that would make %Ln change(s), and an "
                          "inactive group takes none: activate the group and apply it, or "
                          "clear the box, before saving.", "", unapplied)
        elif self.mode is ListMode.ADD:
            why = self.tr("The paste box holds %Ln recognised customer(s) not added yet: "
                          "press {button} ({keys}), or clear the box, before saving.", "",
                          unapplied)
        else:
            why = self.tr("The list in the paste box would make %Ln change(s) not applied "
                          "yet: press {button} ({keys}), or clear the box, before saving.", "",
                          unapplied)
        label = self.add_button.text()
        why = why.format(button=label.replace("&", "").split(":")[0], keys=QKeySequence.mnemonic(
            label).toString(QKeySequence.SequenceFormat.NativeText))
        return ValidationError("paste", Sentence(why))

    @Slot()
    def resolve(self) -> None:
        """Sort the codes in the box now (in the background)."""
        self._timer.stop()
        text = self.edit.toPlainText()
        self._request += 1
        number = self._request
        group_id = self._group_id()
        if not text.strip():
            self._answered = number
            self._show(None)
            return
        added, removed = self._pending()  # the editor's changes not saved yet
        mode = self.mode
        members, kept = self._standing() if mode is not ListMode.ADD else ((), frozenset())

        def work(progress: Callable[[int, int], None]
                 ) -> tuple[CodeResolution, list[str], ListPlan | None]:
            pasted = read_paste(text, is_customer_code)
            resolution = resolve_codes(pasted.codes, group_id, progress)
            plan = plan_list(resolution, mode, members, kept) if mode is not ListMode.ADD \
                else None
            return _adjusted(resolution, added, removed), pasted.kept_whole, plan

        self.summary.setText(self.tr("Checking the codes…"))
        self._lane.submit(work,
                          succeeded=lambda result: self._on_resolved(number, *result),
                          failed=lambda exc: self._on_failed(number, exc),
                          progressed=lambda done, total: self._on_progress(number, done,
                                                                            total))

    def _on_resolved(self, number: int, resolution: CodeResolution,
                     kept_whole: list[str], plan: ListPlan | None) -> None:
        if number == self._request:
            self._answered = number
            self._show(resolution, kept_whole, plan)

    def _on_progress(self, number: int, done: int, total: int) -> None:
        if number == self._request and total and done < total:
            self.summary.setText(self.tr("Checking the codes… {percent}%").format(
                percent=done * 100 // total))

    def _on_failed(self, number: int, exc: BaseException) -> None:
        if number == self._request:
            self._answered = number
            self._on_unhandled(said(exc))

    def _on_unhandled(self, message: str) -> None:
        self.resolution = self.plan = None
        self.summary.setText(message)
        self.add_button.setEnabled(False)
        self.resolved.emit()

    def _show(self, resolution: CodeResolution | None, kept_whole: list[str] | None = None,
              plan: ListPlan | None = None) -> None:
        self.resolution, self.plan = resolution, plan
        if resolution is None:
            self.summary.setText(self.tr("Nothing pasted yet."))
        else:
            text = list_summary(plan) if plan is not None else paste_summary(resolution)
            if kept_whole:
                text += self.tr(
                    " · kept whole, as numbers with thousands separators: {numbers} (to paste "
                    "them as separate codes, put a space or a new line between)").format(
                    numbers=", ".join(kept_whole[:5]) + (" …" if len(kept_whole) > 5 else ""))
            self.summary.setText(text)
        self._update_apply_button()
        self.copy_button.setEnabled(bool(resolution and resolution.unknown))
        self.resolved.emit()

    def refresh(self) -> None:
        """Sort the box again (members changed)."""
        if self.edit.toPlainText().strip():
            self.resolve()

    @Slot()
    def _on_add_clicked(self) -> None:
        resolution, plan = self.resolution, self.plan
        if resolution is None or not self.add_button.isEnabled():
            return
        if plan is None:
            if not resolution.recognised:
                return
            refs: tuple[CustomerRef, ...] = resolution.recognised
            left = [u.code for u in resolution.unknown] + [r.code for r in resolution.inactive]
            self._leave(left)
            self.add_requested.emit(refs)
        elif plan.changes_anything:
            self._leave([u.code for u in plan.unknown] + [r.code for r in plan.inactive])
            (self.match_requested if plan.mode is ListMode.MATCH
             else self.remove_requested).emit(plan)

    def _leave(self, codes: list[str]) -> None:
        """What was applied leaves the box; what still needs the clerk stays. The editor
        sorts the box again once the changes are in, so no second check is queued here."""
        name = self.source_name
        self.edit.setPlainText("\n".join(codes))
        self.source_name = name  # the leftovers still came from the file
        self._leftover = True
        self._timer.stop()

    @Slot()
    def _on_copy_clicked(self) -> None:
        if self.resolution is not None:
            QGuiApplication.clipboard().setText(
                "\n".join(u.code for u in self.resolution.unknown))

    def shutdown(self) -> None:
        """Stop background work before the editor goes."""
        self._lane.shutdown()
