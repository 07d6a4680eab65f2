"""Move to… and Copy to… in the editor: the other group chosen, both groups' counts shown
before anything changes, then one transaction (both groups version-checked)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QInputDialog, QWidget

from custgroups.core.groups import Group
from custgroups.core.moves import Carry, CarryPlan, carry_members, plan_carry, target_choices
from custgroups.qt.tasks import Lane
from custgroups.qt.words import number, tr
from custgroups.ui import messages
from custgroups.ui.wording import customers


def carry_customers(parent: QWidget, lane: Lane, group: Group, ids: set[int], carry: Carry,
                    who: str, done: Callable[[], None],
                    failed: Callable[[BaseException], None]) -> None:
    """Ask where to, show what it would do to both groups, and do it if the clerk agrees;
    ``done`` runs once both groups are saved."""
    title = tr("Move Customers") if carry is Carry.MOVE else tr("Copy Customers")

    def choose(choices: list[tuple[int, str, str]]) -> None:
        labels = {f"{code}  {name}": gid for gid, code, name in choices}
        if not labels:
            messages.inform(parent, title, tr("There is no other active group to take them."))
            return
        label, chosen = QInputDialog.getItem(parent, title, tr("To which group?"),
                                             list(labels), 0, True)
        target = labels.get(label) or next(
            (gid for text, gid in labels.items() if text.split()[0] == label.strip().upper()),
            None)
        if chosen and target is not None:
            lane.submit(lambda _p: plan_carry(group.id, target, ids, carry), succeeded=confirm,
                        failed=failed)

    def confirm(plan: CarryPlan) -> None:
        source, target = plan.source, plan.target
        lines = [(tr("Move {customers} from {source} to {target}?") if carry is Carry.MOVE
                  else tr("Copy {customers} from {source} to {target}?")).format(
            customers=customers(len(ids)), source=source.code, target=target.code),
            tr("{code} '{name}': {before} → {after} members").format(
                code=source.code, name=source.name, before=number(source.member_count),
                after=number(plan.source_after)),
            tr("{code} '{name}': {before} → {after} members").format(
                code=target.code, name=target.name, before=number(target.member_count),
                after=number(plan.target_after))]
        if plan.already:
            lines.append(tr("{customers} in {code} already.").format(
                customers=customers(plan.already), code=target.code))
        if plan.inactive:
            lines.append(tr("{customers} inactive: {code} cannot take them, so they stay "
                             "where they are.").format(customers=customers(plan.inactive),
                                                      code=target.code))
        action = tr("Move") if carry is Carry.MOVE else tr("Copy")
        if messages.confirm(parent, title, "\n".join(lines), action):
            lane.submit(lambda _p: carry_members(group.id, target.id, ids, carry, who,
                                                 source.version, target.version),
                        succeeded=lambda _groups: done(), failed=failed)

    lane.submit(lambda _p: target_choices(group.id), succeeded=choose, failed=failed)
