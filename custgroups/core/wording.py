"""Results in plain English for the command line and for files written by the data floor.

The data classes hold numbers and codes only; the windows word the same data through Qt's
``tr()`` in ``ui/wording.py``, so a translation changes what the clerk reads there.
"""

from __future__ import annotations

from collections.abc import Sequence

from custgroups.core.customer_import import CustomerImportPlan
from custgroups.core.customers import CodeResolution, UnknownCode
from custgroups.core.history import HistoryEntry, HistoryKind
from custgroups.core.lists import ListPlan
from custgroups.core.memberships import Combination, ListMode, MemberSource, Transfer

#: Unknown codes named in a paste summary; the rest are counted.
SHOWN_UNKNOWN = 10


def paste_summary(resolution: CodeResolution) -> str:
    """One line such as ``498 recognised · 1 already in the group · 2 unknown: ...``."""
    parts = [f"{len(resolution.recognised):,} recognised"]
    if resolution.already_members:
        parts.append(f"{len(resolution.already_members):,} already in the group")
    if duplicates := len(resolution.duplicates):
        parts.append(f"{duplicates:,} duplicate{'' if duplicates == 1 else 's'}")
    if resolution.unknown:
        parts.append(_unknown(resolution.unknown))
    if resolution.inactive:
        parts.append(f"{len(resolution.inactive):,} inactive, not added")
    return " · ".join(parts)


def _unknown(unknown: Sequence[UnknownCode]) -> str:
    shown = ", ".join(f"{u.code} (did you mean {u.suggestion}?)" if u.suggestion else u.code
                      for u in unknown[:SHOWN_UNKNOWN])
    more = len(unknown) - SHOWN_UNKNOWN
    return f"{len(unknown):,} unknown: {shown}" + (f" and {more:,} more" if more > 0 else "")


def list_summary(plan: ListPlan) -> str:
    """One line such as ``to add 12 · to remove 40 (not in the list) · unchanged 1,208 · …``."""
    parts = []
    if plan.mode is not ListMode.REMOVE:
        parts.append(f"to add {len(plan.to_add):,}")
    if plan.mode is not ListMode.ADD:
        parts.append(f"to remove {len(plan.to_remove):,}"
                     + (" (not in the list)" if plan.mode is ListMode.MATCH else ""))
    parts.append(f"unchanged {plan.unchanged:,}")
    if plan.not_members:
        parts.append(f"not in the group {len(plan.not_members):,}")
    if plan.unknown:
        parts.append(_unknown(plan.unknown))
    if plan.inactive:
        parts.append(f"inactive {len(plan.inactive):,}")
    if plan.duplicates:
        parts.append(f"duplicates {len(plan.duplicates):,}")
    return " · ".join(parts)


def import_summary(plan: CustomerImportPlan) -> str:
    """One line such as ``2 new · 12 updated (city 12, email 3) · 3 reactivated · …``."""
    updated = f"{plan.updated:,} updated"
    if plan.fields:
        updated += " (" + ", ".join(f"{field} {count:,}" for field, count in plan.fields) + ")"
    parts = [f"{plan.new:,} new", updated]
    for count, word in ((plan.reactivated, "reactivated"), (plan.deactivated, "deactivated"),
                        (plan.unchanged, "unchanged")):
        if count:
            parts.append(f"{count:,} {word}")
    return " · ".join(parts)


def history_change(entry: HistoryEntry) -> str:
    """The change in a few words, e.g. "Renamed from 'A' to 'B'", and the clerk's reason."""
    what = _what(entry)
    return f"{what} (reason: {entry.reason})" if entry.reason else what


def _what(entry: HistoryEntry) -> str:
    customers = f"{entry.count:,} customer{'' if entry.count == 1 else 's'}"
    match entry.kind:
        case HistoryKind.CREATED:
            return f"Created as '{entry.new_value}'"
        case HistoryKind.RENAMED:
            return f"Renamed from '{entry.old_value}' to '{entry.new_value}'"
        case HistoryKind.DESCRIPTION_CHANGED:
            return "Description changed" if entry.new_value else "Description cleared"
        case HistoryKind.ACTIVATED:
            return "Activated"
        case HistoryKind.DEACTIVATED:
            return "Deactivated"
        case HistoryKind.MEMBERS_ADDED:
            return f"Added {customers}{_source(entry)}"
        case HistoryKind.MEMBERS_REMOVED:
            return f"Removed {customers}{_source(entry)}"


# How a list changed the members, for a pasted list and for a named file.
_SOURCES = {
    ListMode.ADD: ("from a pasted list", "from {name}"),
    ListMode.REMOVE: ("as listed in a paste", "as listed in {name}"),
    ListMode.MATCH: ("matched to a pasted list", "matched to {name}"),
}


def member_source(entry: HistoryEntry) -> MemberSource | None:
    """Where a member change came from (a list, or groups combined), if the history says."""
    how = entry.old_value
    if how is None:
        return None
    if how in ListMode._value2member_map_:
        return MemberSource(ListMode(how), entry.new_value or "")
    if how in Combination._value2member_map_:
        return MemberSource(Combination(how), entry.new_value or "")
    if how in Transfer._value2member_map_:
        return MemberSource(Transfer(how), entry.new_value or "")
    return None


_TRANSFERS = {Transfer.MOVED_TO: "moved to {name}", Transfer.MOVED_FROM: "moved from {name}",
              Transfer.COPIED_FROM: "copied from {name}"}


def _source(entry: HistoryEntry) -> str:
    source = member_source(entry)
    if source is None:
        return ""
    if isinstance(source.how, Combination):
        return f" (= {source.name})"
    if isinstance(source.how, Transfer):
        return f" ({_TRANSFERS[source.how].format(name=source.name)})"
    pasted, named = _SOURCES[source.how]
    return f" ({named.format(name=source.name) if source.name else pasted})"
