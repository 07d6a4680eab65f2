"""Text normalisation shared by names, codes and searches, so every database agrees."""

from __future__ import annotations

import re
import unicodedata

# Characters that are invisible in a cell yet break an exact comparison.
_INVISIBLE = dict.fromkeys(
    map(ord, "\ufeff\u200b\u200c\u200d\u2060\u00ad\u180e"
             "\u200e\u200f\u202a\u202b\u202c\u202d\u202e"),
    None,
)
_WHITESPACE_RUN = re.compile(r"\s+")

#: Regular-expression ranges of the characters no clerk types, for building character classes:
#: control characters but tab and line breaks, lone surrogates (which cannot be encoded at
#: all) and the two non-characters.
C0_CONTROLS = r"\x00-\x08\x0b\x0c\x0e-\x1f"
SURROGATES = r"\ud800-\udfff"
NON_CHARACTERS = r"\ufffe\uffff"
_DELETE = r"\x7f"

_CONTROL = re.compile(f"[{C0_CONTROLS}{_DELETE}{SURROGATES}{NON_CHARACTERS}]")
# Never part of a key or a search: control characters (a NUL cannot even reach
# PostgreSQL) and lone surrogates.
_UNSAFE = re.compile(f"[{C0_CONTROLS}{_DELETE}{SURROGATES}]")
_PUNCTUATION = re.compile(r"[\s._#:/\\()\-]+")


def key_safe(text: str) -> str:
    """The text without control characters (tab and line breaks stay) or lone surrogates."""
    return _UNSAFE.sub("", text)


def strip_invisible(text: str) -> str:
    """Remove byte-order marks, zero-width characters and direction marks."""
    return text.translate(_INVISIBLE)


def tidy(text: str) -> str:
    """NFKC-normalise, drop invisible characters and trim; the form we store."""
    if text.isascii() and text.isprintable():  # the usual case: nothing to normalise or drop
        return text.strip()
    return unicodedata.normalize("NFKC", strip_invisible(text)).strip()


def fold(text: str) -> str:
    """Comparison key: NFKC, case-folded, whitespace collapsed ("Café"/"CAFÉ" agree)."""
    folded = unicodedata.normalize("NFKC", strip_invisible(key_safe(text))).casefold()
    # casefold can produce sequences that NFKC would compose differently.
    folded = unicodedata.normalize("NFKC", folded)
    return _WHITESPACE_RUN.sub(" ", folded).strip()


def search_fold(text: str) -> str:
    """Search key: like :func:`fold` but without accents, so "cafe" finds "Café"."""
    if text.isascii() and text.isprintable():  # the usual case, without Unicode tables
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", fold(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def has_control_characters(text: str) -> bool:
    """True when the text holds control characters other than tab, CR and LF."""
    if text.isascii() and text.isprintable():
        return False
    return _CONTROL.search(text) is not None


def heading_key(text: str) -> str:
    """A column heading reduced for comparison: "Cust. No." and "CUST_NO" both read "cust no"."""
    return _PUNCTUATION.sub(" ", fold(text)).strip()


def like_pattern(term: str) -> str:
    """A ``LIKE ... ESCAPE '\\'`` pattern that matches ``term`` anywhere, literally."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
