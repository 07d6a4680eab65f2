"""What the windows say about results, worded through ``tr()`` so a translation reaches them.

The data floor hands back numbers and codes; the command line and files use the plain English
of ``core/wording.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from custgroups.core.clock import local_time
from custgroups.core.customer_import import CustomerImportPlan
from custgroups.core.customers import CodeResolution, UnknownCode
from custgroups.core.history import HistoryEntry, HistoryKind
from custgroups.core.lists import ListPlan
from custgroups.core.memberships import Combination, ListMode, Transfer
from custgroups.core.ways import How
from custgroups.core.wording import SHOWN_UNKNOWN, member_source


def _tr(text: str) -> str:
    return QCoreApplication.translate("wording", text)


def _chosen() -> QLocale | None:
    """The clerk's locale, or None where none is set (the C locale of a bare system)."""
    locale = QLocale()
    return None if locale.language() == QLocale.Language.C else locale


def number(n: int) -> str:
    """A whole number as the clerk's locale writes it: "12,345", "12.345", "12 345" (and
    "12,345" where no locale is set)."""
    locale = _chosen()
    return locale.toString(n) if locale is not None else f"{n:,}"


def moment(when: datetime, seconds: bool = False, clock: bool = True) -> str:
    """A stored (UTC) time as the clerk's local time, written as their locale writes it,
    with a four-digit year: "11/28/2026 10:33 AM", "28.11.2026 10:33" (and ISO 8601,
    "2026-11-28 10:33", where no locale is set)."""
    locale = _chosen()
    if locale is None:
        locale, day, time = QLocale.c(), "yyyy-MM-dd", "HH:mm"
    else:
        day = locale.dateFormat(QLocale.FormatType.ShortFormat)
        time = locale.timeFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in day:
        day = day.replace("yy", "yyyy")
    if seconds and "ss" not in time:
        time = time.replace("mm", "mm:ss")
    local = local_time(when)
    shown = QDateTime(QDate(local.year, local.month, local.day),
                      QTime(local.hour, local.minute, local.second))
    return locale.toString(shown, f"{day} {time}" if clock else day)


def time_of_day(when: datetime) -> str:
    """A stored (UTC) time as the clerk's local time of day: "10:42 AM", "10:42"."""
    local = local_time(when)
    locale = _chosen()
    if locale is None:
        return f"{local:%H:%M}"
    return locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)


def list_separator() -> str:
    """What separates csv cells for the clerk's Excel: ";" where the decimal point is a
    comma (German, French, Dutch…), else ","."""
    locale = _chosen()
    return ";" if locale is not None and locale.decimalPoint() == "," else ","


def _count(n: int, one: str, many: str) -> str:
    return _tr(one) if n == 1 else _tr(many).format(n=number(n))


def customers(n: int) -> str:
    """"1 customer", "1,234 customers"."""
    return _count(n, "1 customer", "{n} customers")


def group_count(n: int) -> str:
    """"1 group", "37 groups"."""
    return _count(n, "1 group", "{n} groups")


def changed_ticks(n: int) -> str:
    """"1 changed tick", "12 changed ticks"."""
    return _count(n, "1 changed tick", "{n} changed ticks")


def paste_summary(resolution: CodeResolution) -> str:
    """One line such as ``498 recognised · 1 already in the group · 2 unknown: ...``."""
    parts = [_tr("{n} recognised").format(n=number(len(resolution.recognised)))]
    if resolution.already_members:
        parts.append(_tr("{n} already in the group").format(
            n=number(len(resolution.already_members))))
    if resolution.duplicates:
        parts.append(_count(len(resolution.duplicates), "1 duplicate", "{n} duplicates"))
    if resolution.unknown:
        parts.append(_unknown(resolution.unknown))
    if resolution.inactive:
        parts.append(_tr("{n} inactive, not added").format(n=number(len(resolution.inactive))))
    return _tr(" · ").join(parts)


def grid_summary(resolution: CodeResolution, groups: int) -> str:
    """One line such as ``4,980 customers in 37 groups · 2 unknown: ... · 3 duplicates``."""
    listed = len(resolution.recognised) + len(resolution.inactive)
    parts = [_tr("{customers} in {groups}").format(customers=customers(listed),
                                                   groups=group_count(groups))]
    if resolution.inactive:
        parts.append(_tr("{n} of them inactive").format(n=number(len(resolution.inactive))))
    if resolution.unknown:
        parts.append(_unknown(resolution.unknown))
    if resolution.duplicates:
        parts.append(_count(len(resolution.duplicates), "1 duplicate", "{n} duplicates"))
    return _tr(" · ").join(parts)


def _unknown(unknown: Sequence[UnknownCode]) -> str:
    shown = ", ".join(_tr("{code} (did you mean {suggestion}?)").format(
        code=u.code, suggestion=u.suggestion) if u.suggestion else u.code
        for u in unknown[:SHOWN_UNKNOWN])
    more = len(unknown) - SHOWN_UNKNOWN
    return (_tr("{n} unknown: {codes}").format(n=number(len(unknown)), codes=shown)
            + (_tr(" and {n} more").format(n=number(more)) if more > 0 else ""))


def list_summary(plan: ListPlan) -> str:
    """One line such as ``to add 12 · to remove 40 (not in the list) · unchanged 1,208 · …``."""
    parts = []
    if plan.mode is not ListMode.REMOVE:
        parts.append(_tr("to add {n}").format(n=number(len(plan.to_add))))
    if plan.mode is ListMode.MATCH:
        parts.append(_tr("to remove {n} (not in the list)").format(n=number(len(plan.to_remove))))
    elif plan.mode is ListMode.REMOVE:
        parts.append(_tr("to remove {n}").format(n=number(len(plan.to_remove))))
    parts.append(_tr("unchanged {n}").format(n=number(plan.unchanged)))
    if plan.not_members:
        parts.append(_tr("not in the group {n}").format(n=number(len(plan.not_members))))
    if plan.unknown:
        parts.append(_unknown(plan.unknown))
    if plan.inactive:
        parts.append(_tr("inactive {n}").format(n=number(len(plan.inactive))))
    if plan.duplicates:
        parts.append(_tr("duplicates {n}").format(n=number(len(plan.duplicates))))
    return _tr(" · ").join(parts)


def import_summary(plan: CustomerImportPlan) -> str:
    """One line such as ``2 new · 12 updated (city 12, email 3) · 3 reactivated · …``."""
    updated = _tr("{n} updated").format(n=number(plan.updated))
    if plan.fields:
        counts = ", ".join(f"{field} {number(count)}" for field, count in plan.fields)
        updated += f" ({counts})"
    parts = [_tr("{n} new").format(n=number(plan.new)), updated]
    if plan.reactivated:
        parts.append(_tr("{n} reactivated").format(n=number(plan.reactivated)))
    if plan.deactivated:
        parts.append(_tr("{n} deactivated").format(n=number(plan.deactivated)))
    if plan.unchanged:
        parts.append(_tr("{n} unchanged").format(n=number(plan.unchanged)))
    return _tr(" · ").join(parts)


def history_change(entry: HistoryEntry) -> str:
    """The change in a few words, e.g. "Renamed from 'A' to 'B'", and the clerk's reason."""
    what = _what(entry)
    if entry.reason:
        return _tr("{change} (reason: {reason})").format(change=what, reason=entry.reason)
    return what


def _what(entry: HistoryEntry) -> str:
    match entry.kind:
        case HistoryKind.CREATED:
            return _tr("Created as '{name}'").format(name=entry.new_value)
        case HistoryKind.RENAMED:
            return _tr("Renamed from '{old}' to '{new}'").format(old=entry.old_value,
                                                                  new=entry.new_value)
        case HistoryKind.DESCRIPTION_CHANGED:
            return _tr("Description changed") if entry.new_value else _tr("Description cleared")
        case HistoryKind.ACTIVATED:
            return _tr("Activated")
        case HistoryKind.DEACTIVATED:
            return _tr("Deactivated")
        case HistoryKind.MEMBERS_ADDED:
            return _count(entry.count, "Added 1 customer", "Added {n} customers") + _source(entry)
        case HistoryKind.MEMBERS_REMOVED:
            return (_count(entry.count, "Removed 1 customer", "Removed {n} customers")
                    + _source(entry))


def _source(entry: HistoryEntry) -> str:
    source = member_source(entry)
    if source is None:
        return ""
    name = source.name
    if isinstance(source.how, Combination):
        how = _tr("= {formula}").format(formula=name)
    elif source.how is Transfer.MOVED_TO:
        how = _tr("moved to {name}").format(name=name)
    elif source.how is Transfer.MOVED_FROM:
        how = _tr("moved from {name}").format(name=name)
    elif source.how is Transfer.COPIED_FROM:
        how = _tr("copied from {name}").format(name=name)
    elif source.how is ListMode.ADD:
        how = _tr("from {name}").format(name=name) if name else _tr("from a pasted list")
    elif source.how is ListMode.REMOVE:
        how = _tr("as listed in {name}").format(name=name) if name else _tr(
            "as listed in a paste")
    else:
        how = _tr("matched to {name}").format(name=name) if name else _tr(
            "matched to a pasted list")
    return _tr(" ({how})").format(how=how)


def way(how: str, source: str) -> str:
    """How a membership change came about, as a clerk reads it: "picker", "file
    north.xlsx", "copied from CG-000005" (an event's ``how`` and ``source``)."""
    words = {How.EDITOR: _tr("by hand"), How.PICKER: _tr("picker"),
             How.PASTE: _tr("pasted list"), How.FILE: _tr("file {source}"),
             How.SYNC: _tr("matched to {source}") if source else _tr("matched to a paste"),
             How.COMBINE: _tr("= {source}"), How.COPY: _tr("copied from {source}"),
             How.MOVE: _tr("moved, {source}"), How.COMMAND_LINE: _tr("command line"),
             How.CUSTOMERS: _tr("Customers window"), How.REVERT: _tr("revert of {source}")}
    try:
        text = words[How(how)]
    except ValueError:  # an event older than the ways (made at a group's creation)
        return source
    if how == How.COMMAND_LINE and source:
        text = _tr("command line, {source}")
    return text.format(source=source)
