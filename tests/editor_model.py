"""The plain model the editor's state machine checks the database against: the customers
every example starts with, a group as it is or will be, and the open editor."""

from __future__ import annotations

from dataclasses import dataclass, field

from custgroups.core import customers
from custgroups.core.customers import CustomerInput

# Customer codes: active customers, inactive ones, and codes nobody has.
ACTIVE = [f"K{i:03d}" for i in range(1, 25)]
INACTIVE = ["K901", "K902", "K903"]
UNKNOWN = ["K999", "ZZ1"]


@dataclass
class Ref:
    """What a group is (saved) or will be (in the editor)."""

    name: str = ""
    description: str = ""
    active: bool = True
    members: frozenset[int] = frozenset()


@dataclass
class Editor:
    """The open editor as the model sees it."""

    group_id: int | None
    base: Ref  # the version the editor started from
    now: Ref  # what the fields and members hold
    pasted: frozenset[int] = frozenset()  # recognised codes in the paste box, not added
    conflicted: bool = False  # someone else saved the group after it was opened
    #: Ctrl+Z and Ctrl+Shift+Z: the pending changes (added, removed) before each step.
    undo: list[tuple[frozenset[int], frozenset[int]]] = field(default_factory=list)
    redo: list[tuple[frozenset[int], frozenset[int]]] = field(default_factory=list)

    def pending(self) -> tuple[frozenset[int], frozenset[int]]:
        """The members to add and to remove, against the version it started from."""
        return (self.now.members - self.base.members, self.base.members - self.now.members)

    def changed_members(self, before: tuple[frozenset[int], frozenset[int]]) -> None:
        """A member change was made from ``before``: it is a step, if it changed anything."""
        if before != self.pending():
            self.undo.append(before)
            self.redo.clear()

    def step(self, back: bool) -> None:
        """Ctrl+Z (``back``) or Ctrl+Shift+Z: the pending changes of the step before or after,
        against the version the editor now stands on."""
        source, target = (self.undo, self.redo) if back else (self.redo, self.undo)
        if source:
            target.append(self.pending())
            added, removed = source.pop()
            self.now.members = (self.base.members - removed) | added


def fill() -> dict[str, int]:
    """The customers every example starts with; their ids by code."""
    customers.upsert_customers(
        [CustomerInput(c, f"Customer {c}") for c in ACTIVE]
        + [CustomerInput(c, f"Gone {c}", active=False) for c in INACTIVE])
    return {r.code: r.id for r in customers.search_customers("k", limit=100).rows}
