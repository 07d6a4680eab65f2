"""A past change undone in the editor: its inverse as pending changes, saved like any edit."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from custgroups.core.groups import Group
from custgroups.core.revert import RevertPlan
from custgroups.qt.words import number
from custgroups.ui.group_form import GroupDialog


def open_revert(who: str, plan: RevertPlan, parent: QWidget | None) -> Group | None:
    """Show :func:`revert_editor`; the saved group, or None if the clerk cancelled."""
    dialog = revert_editor(who, plan, parent)
    return dialog.saved if dialog.exec() == GroupDialog.DialogCode.Accepted else None


def revert_editor(who: str, plan: RevertPlan, parent: QWidget | None) -> GroupDialog:
    """The editor on the group as it is now, with the change undone but not saved."""
    dialog = GroupDialog(who, plan.group, parent)
    dialog.name_edit.setText(plan.name)
    dialog.description_edit.setPlainText(plan.description)
    dialog.active_check.setChecked(plan.active)
    dialog.panel.add_ids(set(plan.add_ids), plan.way)
    if plan.remove_ids:  # members can be marked for removal once they are shown, once
        def mark_removals() -> None:
            dialog.group_loaded.disconnect(mark_removals)
            dialog.members.remove_ids(plan.remove_ids, plan.way)

        dialog.group_loaded.connect(mark_removals)
    if plan.left_alone:
        dialog.field_errors.set("form", dialog.tr(
            "{n} of the customers that change touched need nothing now, or cannot join "
            "(inactive): they are left as they are.").format(n=number(plan.left_alone)))
    return dialog
