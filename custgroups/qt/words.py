"""Words in the clerk's language and locale: ``tr`` for the windows' own texts, the data
floor's sentences through ``said``, and numbers and times as the clerk's locale writes them.

``tr("…")`` outside a class is collected by ``lupdate`` (in the ``.ts`` files' unnamed
context); ``tr("%Ln customer(s)", "", n)`` takes the plural form of the language, English
included (``custgroups_en.ts`` holds the English plurals).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from custgroups.core.clock import local_time
from custgroups.core.errors import UNEXPECTED, CustgroupsError, Sentence


def tr(text: str, disambiguation: str = "", n: int = -1) -> str:
    """``text`` in the clerk's language; with ``n``, in the plural form for ``n``, where
    ``%n`` (or ``%Ln``, grouped as the locale groups digits) stands for it."""
    return QCoreApplication.translate("", text, disambiguation or None, n)


def said(problem: BaseException | Sentence) -> str:
    """What a clerk is told of a failure or a sentence of the data floor, in their language
    and locale; a failure nobody foresaw is not shown raw."""
    if isinstance(problem, Sentence):
        return _worded(problem)
    if isinstance(problem, CustgroupsError):
        return _worded(problem.sentence)
    return tr(UNEXPECTED)


def _worded(sentence: Sentence) -> str:
    if not sentence.values:
        return tr(sentence.text)
    values = {name: _value(value) for name, value in sentence.values.items()}
    try:
        return tr(sentence.text).format(**values)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return sentence.text.format(**values)


def _value(value: object) -> str:
    if isinstance(value, Sentence):
        return _worded(value)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return number(value)
    if isinstance(value, datetime):
        return moment(value)
    if isinstance(value, Sequence) and not isinstance(value, str):
        return "\n".join(_value(item) for item in value)
    return str(value)


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
