"""Values made safe for a spreadsheet cell: text never becomes a formula; nothing lost quietly."""

from __future__ import annotations

import re
from collections.abc import Sequence

from custgroups.core.text import C0_CONTROLS, NON_CHARACTERS, SURROGATES

#: Excel keeps at most this many characters in a cell.
MAX_CELL_TEXT = 32_767
TRUNCATION_MARK = "… [cut: {n:,} characters in all]"

# First characters that make a spreadsheet evaluate text (OWASP CSV injection), and the
# control characters that the xlsx format cannot hold at all.
_RISKY_FIRST = frozenset("=+-@\t\r\n\x00")
_CAREFUL_FIRST = _RISKY_FIRST | {"#"}
_ILLEGAL = re.compile(f"[{C0_CONTROLS}{SURROGATES}{NON_CHARACTERS}]")
#: What a formula that failed leaves in a cell (#N/A, #REF!…); never a code or a name.
ERROR_VALUES = frozenset(("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"))


def needs_care(text: str) -> bool:
    """True when text would turn into a formula or an error, hold illegal characters, or not fit.

    Runs once per text cell (millions in a membership export), hence the quick tests first.
    """
    first = text[:1]
    if first in _RISKY_FIRST or (first == "#" and text in ERROR_VALUES):
        return True
    if len(text) > MAX_CELL_TEXT:
        return True
    return not (text.isascii() and text.isprintable()) and _ILLEGAL.search(text) is not None


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet would evaluate text that starts this way."""
    return bool(text) and text[0] in _RISKY_FIRST


def fit_text(text: str) -> str:
    """Illegal characters shown as U+FFFD and over-long text cut with a visible mark."""
    text = _ILLEGAL.sub("\ufffd", text)
    if len(text) > MAX_CELL_TEXT:
        mark = TRUNCATION_MARK.format(n=len(text))
        text = text[: MAX_CELL_TEXT - len(mark)] + mark
    return text


#: Between the cells of a row checked as one string (:func:`joined_text`).
CELL_MARK = "\x1f"
_CSV_CELL_WITH_CARE = re.compile(CELL_MARK + "[=+\\-@#]")


def joined_text(rows: Sequence[Sequence[object]]) -> str | None:
    """Rows of text as one string, every cell between two :data:`CELL_MARK`, so a few
    searches in C check them all at once; None unless every value is text free of the mark
    (which then tells where each cell starts and ends) and no row is empty."""
    try:
        joined = CELL_MARK + CELL_MARK.join(map(CELL_MARK.join, rows)) + CELL_MARK  # type: ignore[arg-type]
    except TypeError:  # a number, a date, nothing: not all text
        return None
    cells = sum(map(len, rows))
    return joined if joined.count(CELL_MARK) == cells + 1 and cells else None


def plain_csv_rows(rows: Sequence[Sequence[object]]) -> bool:
    """True when every value of every row is text that :func:`csv_text` leaves as it is."""
    joined = joined_text(rows)
    return (joined is not None and not _CSV_CELL_WITH_CARE.search(joined)
            and joined.replace(CELL_MARK, "").isprintable())


def csv_text(text: str) -> str:
    """Text for a csv cell: prefixed with an apostrophe when it could run as a formula."""
    if text[:1] not in _CAREFUL_FIRST and text.isprintable():
        return text  # nearly every cell, quickly: printable text holds nothing illegal
    text = _ILLEGAL.sub("\ufffd", text)
    return "'" + text if looks_like_formula(text) or text in ERROR_VALUES else text
