"""What the windows say about results, worded through ``tr()`` so a translation reaches them.

The data floor hands back numbers and codes; the command line and files use the plain English
of ``core/wording.py``.
"""

from __future__ import annotations

from collections.abc import Sequence

from custgroups.core.customer_import import CustomerImportPlan
from custgroups.core.customers import CodeResolution, UnknownCode
from custgroups.core.history import HistoryEntry, HistoryKind
from custgroups.core.lists import ListPlan
from custgroups.core.memberships import Combination, ListMode, Transfer
from custgroups.core.ways import How
from custgroups.core.wording import SHOWN_UNKNOWN, member_source
from custgroups.qt.words import number, tr


def spreadsheet_files() -> str:
    """The file dialog's filter for files a clerk imports from."""
    return tr("Spreadsheets (*.xlsx *.xls *.ods *.csv *.txt);;All files (*)")


def customers(n: int) -> str:
    """"1 customer", "1,234 customers"."""
    return tr("%Ln customer(s)", "", n)


def group_count(n: int) -> str:
    """"1 group", "37 groups"."""
    return tr("%Ln group(s)", "", n)


def changed_ticks(n: int) -> str:
    """"1 changed tick", "12 changed ticks"."""
    return tr("%Ln changed tick(s)", "", n)


def paste_summary(resolution: CodeResolution) -> str:
    """One line such as ``498 recognised · 1 already in the group · 2 unknown: ...``."""
    parts = [tr("{n} recognised").format(n=number(len(resolution.recognised)))]
    if resolution.already_members:
        parts.append(tr("{n} already in the group").format(
            n=number(len(resolution.already_members))))
    if resolution.duplicates:
        parts.append(tr("%Ln duplicate(s)", "", len(resolution.duplicates)))
    if resolution.unknown:
        parts.append(_unknown(resolution.unknown))
    if resolution.inactive:
        parts.append(tr("{n} inactive, not added").format(n=number(len(resolution.inactive))))
    return tr(" · ").join(parts)


def grid_summary(resolution: CodeResolution, groups: int) -> str:
    """One line such as ``4,980 customers in 37 groups · 2 unknown: ... · 3 duplicates``."""
    listed = len(resolution.recognised) + len(resolution.inactive)
    parts = [tr("{customers} in {groups}").format(customers=customers(listed),
                                                   groups=group_count(groups))]
    if resolution.inactive:
        parts.append(tr("{n} of them inactive").format(n=number(len(resolution.inactive))))
    if resolution.unknown:
        parts.append(_unknown(resolution.unknown))
    if resolution.duplicates:
        parts.append(tr("%Ln duplicate(s)", "", len(resolution.duplicates)))
    return tr(" · ").join(parts)


def _unknown(unknown: Sequence[UnknownCode]) -> str:
    shown = ", ".join(tr("{code} (did you mean {suggestion}?)").format(
        code=u.code, suggestion=u.suggestion) if u.suggestion else u.code
        for u in unknown[:SHOWN_UNKNOWN])
    more = len(unknown) - SHOWN_UNKNOWN
    return (tr("{n} unknown: {codes}").format(n=number(len(unknown)), codes=shown)
            + (tr(" and {n} more").format(n=number(more)) if more > 0 else ""))


def list_summary(plan: ListPlan) -> str:
    """One line such as ``to add 12 · to remove 40 (not in the list) · unchanged 1,208 · …``."""
    parts = []
    if plan.mode is not ListMode.REMOVE:
        parts.append(tr("to add {n}").format(n=number(len(plan.to_add))))
    if plan.mode is ListMode.MATCH:
        parts.append(tr("to remove {n} (not in the list)").format(n=number(len(plan.to_remove))))
    elif plan.mode is ListMode.REMOVE:
        parts.append(tr("to remove {n}").format(n=number(len(plan.to_remove))))
    parts.append(tr("unchanged {n}").format(n=number(plan.unchanged)))
    if plan.not_members:
        parts.append(tr("not in the group {n}").format(n=number(len(plan.not_members))))
    if plan.unknown:
        parts.append(_unknown(plan.unknown))
    if plan.inactive:
        parts.append(tr("inactive {n}").format(n=number(len(plan.inactive))))
    if plan.duplicates:
        parts.append(tr("duplicates {n}").format(n=number(len(plan.duplicates))))
    return tr(" · ").join(parts)


def import_summary(plan: CustomerImportPlan) -> str:
    """One line such as ``2 new · 12 updated (city 12, email 3) · 3 reactivated · …``."""
    updated = tr("{n} updated").format(n=number(plan.updated))
    if plan.fields:
        counts = ", ".join(f"{field} {number(count)}" for field, count in plan.fields)
        updated += f" ({counts})"
    parts = [tr("{n} new").format(n=number(plan.new)), updated]
    if plan.reactivated:
        parts.append(tr("{n} reactivated").format(n=number(plan.reactivated)))
    if plan.deactivated:
        parts.append(tr("{n} deactivated").format(n=number(plan.deactivated)))
    if plan.unchanged:
        parts.append(tr("{n} unchanged").format(n=number(plan.unchanged)))
    return tr(" · ").join(parts)


def history_change(entry: HistoryEntry) -> str:
    """The change in a few words, e.g. "Renamed from 'A' to 'B'", and the clerk's reason."""
    what = _what(entry)
    if entry.reason:
        return tr("{change} (reason: {reason})").format(change=what, reason=entry.reason)
    return what


def _what(entry: HistoryEntry) -> str:
    match entry.kind:
        case HistoryKind.CREATED:
            return tr("Created as '{name}'").format(name=entry.new_value)
        case HistoryKind.RENAMED:
            return tr("Renamed from '{old}' to '{new}'").format(old=entry.old_value,
                                                                  new=entry.new_value)
        case HistoryKind.DESCRIPTION_CHANGED:
            return tr("Description changed") if entry.new_value else tr("Description cleared")
        case HistoryKind.ACTIVATED:
            return tr("Activated")
        case HistoryKind.DEACTIVATED:
            return tr("Deactivated")
        case HistoryKind.MEMBERS_ADDED:
            return tr("Added %Ln customer(s)", "", entry.count) + _source(entry)
        case HistoryKind.MEMBERS_REMOVED:
            return (tr("Removed %Ln customer(s)", "", entry.count)
                    + _source(entry))


def _source(entry: HistoryEntry) -> str:
    source = member_source(entry)
    if source is None:
        return ""
    name = source.name
    if isinstance(source.how, Combination):
        how = tr("= {formula}").format(formula=name)
    elif source.how is Transfer.MOVED_TO:
        how = tr("moved to {name}").format(name=name)
    elif source.how is Transfer.MOVED_FROM:
        how = tr("moved from {name}").format(name=name)
    elif source.how is Transfer.COPIED_FROM:
        how = tr("copied from {name}").format(name=name)
    elif source.how is ListMode.ADD:
        how = tr("from {name}").format(name=name) if name else tr("from a pasted list")
    elif source.how is ListMode.REMOVE:
        how = tr("as listed in {name}").format(name=name) if name else tr(
            "as listed in a paste")
    else:
        how = tr("matched to {name}").format(name=name) if name else tr(
            "matched to a pasted list")
    return tr(" ({how})").format(how=how)


def way(how: str, source: str) -> str:
    """How a membership change came about, as a clerk reads it: "picker", "file
    north.xlsx", "copied from CG-000005" (an event's ``how`` and ``source``)."""
    words = {How.EDITOR: tr("by hand"), How.PICKER: tr("picker"),
             How.PASTE: tr("pasted list"), How.FILE: tr("file {source}"),
             How.SYNC: tr("matched to {source}") if source else tr("matched to a paste"),
             How.COMBINE: tr("= {source}"), How.COPY: tr("copied from {source}"),
             How.MOVE: tr("moved, {source}"), How.COMMAND_LINE: tr("command line"),
             How.CUSTOMERS: tr("Customers window"), How.REVERT: tr("revert of {source}")}
    try:
        text = words[How(how)]
    except ValueError:  # an event older than the ways (made at a group's creation)
        return source
    if how == How.COMMAND_LINE and source:
        text = tr("command line, {source}")
    return text.format(source=source)
