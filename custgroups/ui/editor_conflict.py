"""The group editor when someone else saved the group first: their version is read, both
sides' changes are shown, and the clerk applies theirs on top, reloads, or keeps editing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QDialog

from custgroups.core.conflicts import rebase
from custgroups.core.errors import ConflictError
from custgroups.core.groups import Group, GroupChange, get_group
from custgroups.core.members import Member
from custgroups.qt.tasks import Lane
from custgroups.qt.words import said
from custgroups.ui.conflict_dialog import Action, ConflictDialog
from custgroups.ui.members_panel import read_members

if TYPE_CHECKING:
    from custgroups.ui.members_panel import MembersPanel
    from custgroups.ui.models.members_model import MembersModel

    _Dialog = QDialog
else:
    _Dialog = object


class TheirsFirst(_Dialog):
    """Part of :class:`~custgroups.ui.group_form.GroupDialog`: a conflict on Save. Only the
    type checker sees it as a dialog; at run time it adds these methods and nothing else."""

    _lane: Lane
    _group: Group | None
    _loaded: tuple[str, str, bool]
    members: MembersModel
    panel: MembersPanel
    save_ended: SignalInstance

    if TYPE_CHECKING:  # the editor's own, which these methods call
        def _on_save_failed(self, exc: BaseException) -> None: ...
        def _set_saving(self, saving: bool) -> None: ...
        def _set_fields(self, name: str, description: str, active: bool) -> None: ...
        def _show_group(self, group: Group | None,
                        members: list[Member] | None = None) -> None: ...
        def _show_form_error(self, message: str) -> None: ...

    def _read_theirs(self, base: Group, mine: GroupChange,
                     conflict: ConflictError | None) -> None:
        """Read their version, then show both sides' changes; ``conflict`` None is a review
        before Save (another clerk's save was announced), which saves nothing by itself."""
        def read(_progress: object) -> tuple[Group, tuple[Member, ...]]:
            return get_group(base.id), read_members(base.id)

        self._lane.submit(read, succeeded=lambda theirs: self._on_theirs_read(base, mine, conflict,
                                                                               *theirs),
                          failed=self._on_save_failed if conflict else self._on_review_failed)

    def _review_theirs(self, base: Group, mine: GroupChange) -> None:
        self._read_theirs(base, mine, None)

    def _on_review_failed(self, exc: BaseException) -> None:
        self._show_form_error(said(exc))

    def _on_theirs_read(self, base: Group, mine: GroupChange, conflict: ConflictError | None,
                        theirs: Group, members: tuple[Member, ...]) -> None:
        if conflict is not None:
            self._set_saving(False)
        base_ids = {m.row.id for m in self.members.saved_members()}
        plan = rebase(base, base_ids, theirs, {m.row.id for m in members}, mine)
        choice = ConflictDialog.ask(plan, self)
        if choice.action is Action.APPLY:
            merged = plan.merged(choice.picks)
            self._group = theirs
            self._loaded = (theirs.name, theirs.description, theirs.active)
            self._set_fields(merged.name, merged.description, merged.active)
            self.panel.load(theirs, keep_pending=True, members=members)
            if conflict is not None:
                self.accept()  # through the version check again, against their version
            return
        if choice.action is Action.RELOAD:
            self._show_group(theirs, list(members))
        elif conflict is not None:
            self._show_form_error(self.tr(
                "{who} saved this group after you opened it: Save again to see both sides' "
                "changes, or Cancel.").format(who=theirs.updated_by))
        if conflict is not None:
            self.save_ended.emit(conflict)
