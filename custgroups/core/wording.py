"""Results in plain English for the command line and for files written by the data floor.

The data classes hold numbers and codes only; the windows word the same data through Qt's
``tr()`` in ``ui/wording.py``, so a translation changes what the clerk reads there.
"""

from __future__ import annotations

from custgroups.core.customer_import import CustomerImportPlan
from custgroups.core.customers import CodeResolution
from custgroups.core.history import HistoryEntry, HistoryKind

#: Unknown codes named in a paste summary; the rest are counted.
SHOWN_UNKNOWN = 10


def paste_summary(resolution: CodeResolution) -> str:
    """One line such as ``498 recognised · 1 already in the group · 2 unknown: ...``."""
    parts = [f"{len(resolution.recognised):,} recognised"]
    if resolution.already_members:
        parts.append(f"{len(resolution.already_members):,} already in the group")
    if duplicates := len(resolution.duplicates):
        parts.append(f"{duplicates:,} duplicate{'' if duplicates == 1 else 's'}")
    if unknown := resolution.unknown:
        shown = ", ".join(f"{u.code} (did you mean {u.suggestion}?)" if u.suggestion else u.code
                          for u in unknown[:SHOWN_UNKNOWN])
        more = len(unknown) - SHOWN_UNKNOWN
        parts.append(f"{len(unknown):,} unknown: {shown}"
                     + (f" and {more:,} more" if more > 0 else ""))
    if resolution.inactive:
        parts.append(f"{len(resolution.inactive):,} inactive, not added")
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
    """The change in a few words, e.g. "Renamed from 'A' to 'B'"."""
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
            return f"Added {customers}"
        case HistoryKind.MEMBERS_REMOVED:
            return f"Removed {customers}"
