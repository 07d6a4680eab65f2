"""What the window says and asks about the groups selected: the status action's words, the
confirmation before deactivating one or many, and the selection in the status bar."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from custgroups.core.groups import Group
from custgroups.qt.words import tr
from custgroups.ui import messages
from custgroups.ui.wording import customers


def activates(groups: Sequence[Group]) -> bool:
    """True when the status action activates: every group selected is inactive. Otherwise
    it deactivates the active ones."""
    return bool(groups) and not any(g.active for g in groups)


def status_action_text(groups: Sequence[Group]) -> str:
    """"&Activate" or "&Deactivate", for what the action would do to the selection."""
    return tr("&Activate") if activates(groups) else tr("&Deactivate")


def selection_text(groups: Sequence[Group]) -> str:
    """"3 groups selected" for several, nothing for one or none."""
    return tr("%Ln group(s) selected", "", len(groups)) if len(groups) > 1 else ""


def confirm_deactivation(parent: QWidget, groups: Sequence[Group]) -> bool:
    """Ask once, naming how many groups and customers, before deactivating them."""
    if len(groups) == 1:
        group = groups[0]
        text = tr("Deactivate {code} '{name}'? Its {customers} stay in it, but no customers "
                  "can be added until it is activated again.").format(
            code=group.code, name=group.name, customers=customers(group.member_count))
    else:
        text = tr("Deactivate %Ln group(s) with {customers} in all? Their customers stay in "
                  "them, but none can be added until they are activated again.", "",
                  len(groups)).format(customers=customers(sum(g.member_count for g in groups)))
    return messages.confirm(parent, tr("Deactivate groups") if len(groups) > 1
                            else tr("Deactivate group"), text, tr("Deactivate"))
