"""Turning whatever a clerk pastes into a list of customer codes, and code formats."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from custgroups.core.text import heading_key, key_safe, strip_invisible

GROUP_CODE_MAX = 30
GROUP_CODE_PATTERN = re.compile(rf"[A-Za-z0-9_-]{{1,{GROUP_CODE_MAX}}}")
CUSTOMER_CODE_MAX = 50

#: Headings that name a customer-code column, strongest first; a file's code column is chosen
#: by them. Compared as :func:`~custgroups.core.text.heading_key`, so "Cust. No." is "cust no".
CODE_COLUMN_HEADINGS = (
    "customer code", "customer codes", "customer no", "customer number", "customer id",
    "cust no", "cust code", "cust id", "custno", "customer #", "cust #", "client code",
    "client no", "client id", "account code", "account no", "account number", "debtor code",
    "debtor no", "code", "codes", "account", "number", "no", "id",
    # as German, French and Dutch ERPs head them
    "kundennummer", "kunden nr", "kundennr", "kd nr", "kdnr", "debitorennummer", "debitor nr",
    "debitor", "nummer", "nr", "code client", "n° client", "no client", "numéro client",
    "klantnummer", "klantcode", "klant nr", "debiteurnummer", "debiteur nr",
)
# A pasted column of codes may also be headed by these, which in a file name the name column.
_PASTE_HEADINGS = ("customer", "customers", "client", "debtor")
_HEADING_KEYS = frozenset(heading_key(h) for h in (*CODE_COLUMN_HEADINGS, *_PASTE_HEADINGS))


def is_code_heading(cell: str) -> bool:
    """True when a cell reads like the heading of a column of codes ("Customer No.", "ID")."""
    return heading_key(cell) in _HEADING_KEYS


_QUOTES = ("\"'`\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a"
           "\uff02\uff07")
# Full-width and ideographic separators, read as the separators they look like. Nothing
# else of a paste is normalised: "K²" and "K2", "ＡＢＣ" and "ABC" are different codes.
_WIDE_SEPARATORS = str.maketrans({"\uff0c": ",", "\u3001": ",", "\uff64": ",",
                                  "\uff1b": ";"})
_SEPARATORS = re.compile(r"[\s,;]+")
_PIECES = re.compile(r"[\s;]+")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\u2028\u2029\x0b\x0c\x85]")
_WHOLE_NUMBER = re.compile(r"(\d+)[.,]0+")


def clean_customer_code(code: str) -> str:
    """A customer code as stored: as entered, less surrounding spaces and invisible characters.

    No NFKC here: the ERP's "K²" and "K2" are different customers.
    """
    if code.isascii() and code.isprintable():  # the usual case, quickly
        return code.strip()
    return strip_invisible(key_safe(code)).strip()


def customer_code_key(code: str) -> str:
    """The case-insensitive key under which a customer code is unique."""
    if code.isascii() and code.isprintable():  # the usual case, quickly (a paste: 100,000)
        return code.strip().casefold()
    return clean_customer_code(code).casefold()


def group_code_key(code: str) -> str:
    """The case-insensitive key under which a group code is unique."""
    return key_safe(code).strip().casefold()


def is_valid_group_code(code: str) -> bool:
    """Letters, digits, ``-`` and ``_``; 1 to :data:`GROUP_CODE_MAX` of them."""
    return GROUP_CODE_PATTERN.fullmatch(code) is not None


def format_group_code(number: int) -> str:
    """The code assigned to the ``number``-th group created without one: ``CG-000001``."""
    return f"CG-{number:06d}"


def never(_code: str) -> bool:
    """For ``known``: no code is known to be a customer's."""
    return False


@dataclass(frozen=True)
class PastedCodes:
    """The codes in a paste, and the numbers with thousands separators kept whole in it."""

    codes: list[str]
    kept_whole: list[str]


def read_paste(text: str, known: Callable[[str], bool] = never) -> PastedCodes:
    """Every code in pasted text, in order, duplicates kept.

    Accepts one code per line, or codes separated by commas, semicolons, tabs or spaces.
    A block of several columns copied from a spreadsheet (every line holding a tab)
    contributes its first column, each cell one code; a heading such as "Customer Code" on
    top is skipped. A number written with thousands separators ("12,345") is never split
    into codes: it is kept whole and listed in ``kept_whole`` for the clerk to see.
    Byte-order marks, zero-width characters, non-breaking and full-width spaces and
    surrounding quotes are cleaned away. The codes themselves are compared exactly as
    stored codes are (:func:`customer_code_key`): "K²" is not "K2", nor "ＡＢＣ" "ABC".
    A first line that reads like a heading is kept when ``known`` says it is a customer's
    code (customers coded "NO" or "Account" exist).
    """
    text = _cleaned(text).translate(_WIDE_SEPARATORS)
    lines = [line for line in _LINE_BREAKS.split(text) if line.strip()]
    if not lines:
        return PastedCodes([], [])
    if _is_heading(lines[0]) and not known(_first_cell(lines[0])):
        # A heading heads its column: drop the line, or only its first cell if it is alone.
        lines[0] = lines[0].split("\t", 1)[1] if len(lines) == 1 and "\t" in lines[0] else ""
    if len(lines) > 1 and all("\t" in line for line in lines[1:]):
        cells = (_one_code(line.split("\t", 1)[0]) for line in lines)
        return PastedCodes([cell for cell in cells if cell], [])
    codes: list[str] = []
    kept_whole: list[str] = []
    for line in lines:
        for piece in _PIECES.split(line):
            token = piece.strip(_QUOTES).strip()
            if _THOUSANDS.fullmatch(token):
                codes.append(token)
                kept_whole.append(token)
            else:
                codes.extend(_tokens(piece))
    return PastedCodes(codes, kept_whole)


def cell_code(cell: str) -> str:
    """The code in one spreadsheet cell: a cell is always one code, cleaned like a paste."""
    return whole_number(_one_code(_cleaned(cell)))


def whole_number(code: str) -> str:
    """A whole number a spreadsheet wrote with decimals, with a decimal point or a decimal
    comma ("1001.00", "1001,00" in a German Excel's csv), as the code 1001 that the same
    number in an .xlsx cell reads as; any other code as it is."""
    whole = _WHOLE_NUMBER.fullmatch(code.strip())
    return whole.group(1) if whole else code


def _cleaned(text: str) -> str:
    return strip_invisible(key_safe(text))


def _one_code(cell: str) -> str:
    code = cell.strip().strip(_QUOTES).strip()
    return code if _tokens(code) else ""  # separators and quotes alone are no code


def _tokens(text: str) -> list[str]:
    tokens = (token.strip(_QUOTES).strip() for token in _SEPARATORS.split(text))
    return [token for token in tokens if token]


def _first_cell(line: str) -> str:
    return line.split("\t", 1)[0].strip().strip(_QUOTES)


def _is_heading(line: str) -> bool:
    return is_code_heading(_first_cell(line))


def near_codes(code_key: str, alphabet: str) -> list[str]:
    """Every key one edit away from ``code_key`` (swap, replace, drop, insert), best first.

    Used to suggest "did you mean" for an unknown code: a typed O for 0, a missed or
    doubled character, two neighbours swapped.
    """
    if not code_key:
        return []
    seen: dict[str, None] = {}
    n = len(code_key)
    for i in range(n - 1):
        if code_key[i] != code_key[i + 1]:
            seen[code_key[:i] + code_key[i + 1] + code_key[i] + code_key[i + 2:]] = None
    for i in range(n):
        for ch in alphabet:
            if ch != code_key[i]:
                seen[code_key[:i] + ch + code_key[i + 1:]] = None
    for i in range(n):
        seen[code_key[:i] + code_key[i + 1:]] = None
    for i in range(n + 1):
        for ch in alphabet:
            seen[code_key[:i] + ch + code_key[i:]] = None
    seen.pop(code_key, None)
    seen.pop("", None)
    return list(seen)
