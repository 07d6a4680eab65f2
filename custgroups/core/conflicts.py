"""When another clerk saved a group first: what each side changed, and mine on top of theirs."""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass, replace
from enum import StrEnum

from custgroups.core.groups import Group, GroupChange, clean_description, clean_name

FieldValue = str | bool


class Side(StrEnum):
    """Whose value a field takes where both clerks changed it."""

    MINE = "mine"
    THEIRS = "theirs"


@dataclass(frozen=True)
class FieldChange:
    """One field one side changed, from what it was when I opened the group."""

    field: str  # "name", "description" or "active"
    before: FieldValue
    after: FieldValue


@dataclass(frozen=True)
class Clash:
    """A field both sides changed, to different values: the clerk picks one."""

    field: str
    theirs: FieldValue
    mine: FieldValue


@dataclass(frozen=True)
class Rebase:
    """My unsaved edit laid over the version another clerk saved meanwhile."""

    theirs: Group
    their_fields: tuple[FieldChange, ...]
    my_fields: tuple[FieldChange, ...]
    clashes: tuple[Clash, ...]
    their_added: int
    their_removed: int
    my_added: frozenset[int]  # my additions that are not members in their version
    my_removed: frozenset[int]  # my removals that are still members in their version
    change: GroupChange  # mine on top of theirs, clashes taking their value until picked

    def merged(self, picks: Mapping[str, Side]) -> GroupChange:
        """The change to save: each clash takes the side picked (theirs if none was)."""
        values = {c.field: c.mine for c in self.clashes if picks.get(c.field) is Side.MINE}
        return replace(self.change, **values)  # type: ignore[arg-type]


def _fields(name: str, description: str, active: bool) -> dict[str, FieldValue]:
    return {"name": clean_name(name), "description": clean_description(description),
            "active": active}


def rebase(base: Group, base_members: Set[int], theirs: Group, their_members: Set[int],
           mine: GroupChange) -> Rebase:
    """Lay ``mine`` (begun from ``base``) over ``theirs``: fields only I changed take my
    value, fields only they changed keep theirs, fields both changed differently clash;
    my additions and removals are kept where they still change their version."""
    before = _fields(base.name, base.description, base.active)
    their_values = _fields(theirs.name, theirs.description, theirs.active)
    my_values = _fields(mine.name, mine.description, mine.active)
    their_fields = tuple(FieldChange(f, before[f], their_values[f]) for f in before
                         if their_values[f] != before[f])
    my_fields = tuple(FieldChange(f, before[f], my_values[f]) for f in before
                      if my_values[f] != before[f])
    theirs_changed = {c.field for c in their_fields}
    clashes = tuple(Clash(c.field, their_values[c.field], c.after) for c in my_fields
                    if c.field in theirs_changed and c.after != their_values[c.field])
    merged = dict(their_values)
    merged.update({c.field: c.after for c in my_fields if c.field not in theirs_changed})
    my_added = frozenset(mine.add_customer_ids - their_members)
    my_removed = frozenset(mine.remove_customer_ids & their_members)
    change = GroupChange(
        name=str(merged["name"]), description=str(merged["description"]),
        active=bool(merged["active"]), group_id=theirs.id, expected_version=theirs.version,
        add_customer_ids=my_added, remove_customer_ids=my_removed)
    return Rebase(theirs, their_fields, my_fields, clashes,
                  len(their_members - base_members), len(base_members - their_members),
                  my_added, my_removed, change)
