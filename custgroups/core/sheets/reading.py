"""Reading the files others made, refusing hostile or broken ones in plain words: what kind a
file is by its first bytes, csv tables, and xlsx through openpyxl for the rare workbook
``workbooks`` leaves to it; ``files.open_sheets`` is where every reading starts."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from custgroups.core.errors import Sentence, ValidationError, tr
from custgroups.core.sheets.cells import ERROR_VALUES

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_CSV_BYTES = 100 * 1024 * 1024
MAX_ROWS = 2_000_000
#: Cells kept per row; a row longer than MAX_ROW_CELLS is refused (parsing it costs time).
MAX_COLUMNS = 200
MAX_ROW_CELLS = 1000

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")
_TEXT_ENCODINGS = ["utf_8", "utf_16", "utf_16_le", "utf_16_be", "utf_32", "cp1252"]
_QUOTED = re.compile(r'"[^"]*"')
_SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xltx", ".ods")


#: Why a workbook is refused, alike whichever reader meets it.
PROTECTED = tr("the workbook is protected by a password. Open it in Excel, remove the "
               "password, save, and try again.")
HOSTILE_XML = tr("the workbook holds XML built to attack the program reading it; it was not "
                 "read.")
DAMAGED = tr("the workbook is damaged and cannot be read.")


class FileRefused(ValidationError):
    """A file that cannot or must not be read; the message says why in plain words."""

    def __init__(self, path: Path, reason: Sentence) -> None:
        super().__init__("file", tr("{file}: {reason}", file=path.name, reason=reason))
        self.path = path
        self.reason = reason


@dataclass
class Sheet:
    """One sheet (or the one table of a csv file): its title and its rows as text cells."""

    title: str
    rows: Iterator[list[str]]


def check_xml_defences(openpyxl_reads: bool = False) -> None:
    """Refuse to read workbooks unless the XML parsed on the way goes through defusedxml:
    ours (a workbook's list of sheets and its styles) and, when ``openpyxl_reads`` (the rare
    workbook it reads), openpyxl's, which is then imported; the usual reading needs none of
    openpyxl."""
    from importlib.util import find_spec

    defended = find_spec("defusedxml") is not None
    if defended and openpyxl_reads:
        from openpyxl.xml import DEFUSEDXML

        defended = DEFUSEDXML
    if not defended:
        raise ValidationError(
            "file", tr("Reading workbooks is switched off: the defusedxml package that guards "
                       "against malicious XML is missing. Reinstall custgroups."))


def file_kind(path: Path) -> str:
    """"zip" (xlsx or ods), "xls" or "csv" from the file's first bytes, whatever its name
    says."""
    if not path.exists():
        raise FileRefused(path, tr("the file does not exist."))
    if path.is_dir():
        raise FileRefused(path, tr("this is a folder, not a file."))
    size = path.stat().st_size
    if size == 0:
        raise FileRefused(path, tr("the file is empty."))
    if size > MAX_FILE_BYTES:
        raise FileRefused(path, tr("the file is {size} MB; files over {limit} MB are not read.",
                                   size=round(size / 1024 / 1024),
                                   limit=MAX_FILE_BYTES // 1024 // 1024))
    with open(path, "rb") as handle:
        head = handle.read(8)
        if head.startswith(_OLE_MAGIC):
            # Excel wraps a password-protected workbook in the old container format.
            if _ENCRYPTED_MARK in handle.read(4 * 1024 * 1024):
                raise FileRefused(path, PROTECTED)
            return "xls"
    if head.startswith(_ZIP_MAGIC):
        return "zip"
    if path.suffix.lower() in _SPREADSHEET_SUFFIXES:
        raise FileRefused(path, tr("the file is not an Excel workbook, although its name ends "
                                   "in {suffix}. It may be damaged, or another kind of file "
                                   "renamed.", suffix=path.suffix))
    if size > MAX_CSV_BYTES:
        raise FileRefused(path, tr("text files over {limit} MB are not read.",
                                   limit=MAX_CSV_BYTES // 1024 // 1024))
    return "csv"


# --- xlsx through openpyxl -------------------------------------------------------------


@contextmanager
def openpyxl_sheets(path: Path) -> Iterator[list[Sheet]]:
    """An xlsx workbook's sheets through openpyxl, row by row in bounded memory: for the
    rare workbook whose cells do not name their places (its zip already checked)."""
    check_xml_defences(openpyxl_reads=True)
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    # Our own handle, so the file is closed even when openpyxl gives up half-way.
    with open(path, "rb") as handle:
        try:
            book = openpyxl.load_workbook(handle, read_only=True, data_only=True)
        except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError,
                OSError, SyntaxError) as exc:
            raise FileRefused(path, xml_trouble(exc)) from None
        try:
            sheets = []
            for sheet in book.worksheets:
                # A wrong <dimension> tag would otherwise hide all rows but the first.
                sheet.reset_dimensions()
                sheets.append(Sheet(sheet.title, _xlsx_rows(path, sheet)))
            yield sheets
        finally:
            book.close()


def xml_trouble(exc: BaseException) -> Sentence:
    """Why a workbook's XML could not be read, in plain words."""
    cause: BaseException | None = exc
    while cause is not None:  # openpyxl wraps the parser's complaint in its own
        if type(cause).__module__.startswith("defusedxml"):
            return HOSTILE_XML
        cause = cause.__cause__ or cause.__context__
    return DAMAGED


def _xlsx_rows(path: Path, sheet: Any) -> Iterator[list[str]]:
    try:
        for number, row in enumerate(sheet.iter_rows(), 1):
            if number > MAX_ROWS:
                raise FileRefused(path, tr("the sheet '{sheet}' has more than {limit} rows.",
                                           sheet=sheet.title, limit=MAX_ROWS))
            if len(row) > MAX_ROW_CELLS:
                raise FileRefused(path, tr("row {row} of the sheet '{sheet}' has {count} "
                                           "cells; rows of over {limit} are not read.",
                                           row=str(number), sheet=sheet.title,
                                           count=len(row), limit=MAX_ROW_CELLS))
            yield [cell_text(cell.value, getattr(cell, "number_format", ""))
                   for cell in row[:MAX_COLUMNS]]
    except FileRefused:
        raise
    except Exception as exc:  # openpyxl raises many kinds on broken XML
        raise FileRefused(path, xml_trouble(exc)) from None


_PADDED = re.compile(r"0{2,}")
#: The errors a cell can show, as an error cell's code in a row's pattern (200 and up);
#: #N/A first, as it stands for an error no spreadsheet names.
_SHOWN_ERRORS = ("#N/A", *sorted(ERROR_VALUES - {"#N/A"}))


class Shown:
    """What a sheet's raw file says that calamine does not, by row and column from 1: the
    digits a number is shown padded to (the format 000000) or the error a cell shows.

    Kept as one short pattern of bytes per row, one byte per column: a sheet of 2,400,000
    padded numbers took 620 MB kept cell by cell. A cell past the last row or column a sheet
    may have is not kept (the sheet is refused)."""

    def __init__(self) -> None:
        self._rows: list[bytes | None] = [None]
        # Where each pattern's cells are, for the patterns met first (most sheets have few).
        self._spots: dict[bytes, tuple[tuple[int, int], ...]] = {}
        self._open, self._open_row = bytearray(), 0

    def pad(self, row: int, column: int, width: int) -> None:
        """The number at row, column shows with leading zeros to ``width`` digits."""
        self._set(row, column, min(width, 199))

    def error(self, row: int, column: int, text: str) -> None:
        """The cell at row, column shows a spreadsheet error (an unknown one as #N/A)."""
        self._set(row, column, 200 + (_SHOWN_ERRORS.index(text) if text in _SHOWN_ERRORS
                                      else 0))

    def _set(self, row: int, column: int, code: int) -> None:
        if row > MAX_ROWS or column > MAX_ROW_CELLS:
            return
        if row != self._open_row:
            self._close()
            known = self._rows[row] if row < len(self._rows) else None
            self._open, self._open_row = bytearray(known or b""), row
        if len(self._open) < column:
            self._open.extend(bytes(column - len(self._open)))
        self._open[column - 1] = code

    def _close(self) -> None:
        if self._open_row:
            if len(self._rows) <= self._open_row:
                self._rows.extend([None] * (self._open_row + 1 - len(self._rows)))
            self._rows[self._open_row] = bytes(self._open)
            self._open_row = 0

    def __bool__(self) -> bool:
        self._close()
        return len(self._rows) > 1

    def fix(self, row: int, cells: list[str]) -> None:
        """Show in ``cells`` (row ``row``'s text) what the raw file says."""
        self._close()
        pattern = self._rows[row] if row < len(self._rows) else None
        if not pattern:
            return
        spots = self._spots.get(pattern)
        if spots is None:
            spots = tuple((index, code) for index, code in enumerate(pattern) if code)
            if len(self._spots) < 1000:
                self._spots[pattern] = spots
        for index, code in spots:
            if index >= len(cells):
                break
            if code >= 200:
                cells[index] = _SHOWN_ERRORS[code - 200]
            elif cells[index].isdigit():
                cells[index] = cells[index].rjust(code, "0")


def padded_width(number_format: str) -> int:
    """How many digits a number format shows a whole number with, leading zeros added
    (``000000`` and ``"0"00000``: 6), or 0 for a format that adds none."""
    code = number_format.replace('"', "")
    return len(code) if _PADDED.fullmatch(code) else 0


def cell_text(value: Any, number_format: str = "") -> str:
    """A cell's value as the text a clerk sees: 1001.0 reads "1001", a number shown with the
    format 000000 keeps its leading zeros, dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)) and float(value).is_integer() and abs(value) < 1e15:
        text = str(int(value))
        if number_format:
            text = text.rjust(padded_width(number_format), "0")
        return text
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat(" ", "seconds")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


# --- csv -------------------------------------------------------------------------------


def decode_text(path: Path, data: bytes) -> str:
    """The file's text, its encoding (UTF-8 with or without BOM, UTF-16, Windows-1252) detected."""
    from charset_normalizer import from_bytes

    if not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Text that decodes as UTF-8 is UTF-8: the odds of other text doing so are nil, and a
        # detector weighing "€" in UTF-8 against Windows-1252 can guess wrong.
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
        else:
            if "\x00" in text:
                raise FileRefused(path, tr("the file holds binary data, not a table of text."))
            return text
    best = from_bytes(data, cp_isolation=_TEXT_ENCODINGS).best()
    if best is None:
        raise FileRefused(path, tr("the file is neither a spreadsheet nor readable text."))
    text = str(best)
    if "\x00" in text:
        raise FileRefused(path, tr("the file holds binary data, not a table of text."))
    return text.lstrip("\ufeff")


def sniff_delimiter(sample: str) -> str:
    """The delimiter that splits most of the sample's lines into the same number of cells.

    Title lines and blank lines above the table do not confuse it, as they do csv.Sniffer.
    """
    unquoted = _QUOTED.sub("", sample)  # a delimiter inside quotes separates nothing
    lines = [line for line in unquoted.splitlines()[:100] if line.strip()]
    best, best_score = ",", 0
    for delimiter in "\t;,|":
        counts = [line.count(delimiter) for line in lines]
        usual = max(set(counts), key=counts.count) if counts else 0
        score = counts.count(usual) if usual else 0
        if score > best_score:
            best, best_score = delimiter, score
    return best


def csv_rows(path: Path) -> Iterator[list[str]]:
    text = decode_text(path, path.read_bytes())
    # strict: an unclosed quote is an error, not a field that swallows the rest of the file.
    dialect = type("Sniffed", (csv.excel,), {"delimiter": sniff_delimiter(text[:64 * 1024]),
                                             "strict": True})
    # The text as UTF-8, read back a few kilobytes at a time: a StringIO would keep four
    # bytes a character (a 50 MB line took the reading to 330 MB).
    lines = io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8", newline="")
    del text
    reader = csv.reader(lines, dialect)
    try:
        for number, row in enumerate(reader, 1):
            if number > MAX_ROWS:
                raise FileRefused(path, tr("the file has more than {limit} rows.",
                                           limit=MAX_ROWS))
            yield [_unprefixed(cell.strip()) for cell in row[:MAX_COLUMNS]]
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise FileRefused(path, tr("line {line} holds a cell longer than {limit} "
                                       "characters; no code, name or address is that long, so "
                                       "the file is not read.", line=str(reader.line_num),
                                       limit=csv.field_size_limit())) from None
        raise FileRefused(path, tr("line {line} is not well-formed ({reason}); a quote may be "
                                   "missing its partner.", line=str(reader.line_num),
                                   reason=str(exc))) from None


def _unprefixed(cell: str) -> str:
    """A cell without the apostrophe our own csv export puts before formula-like text."""
    if cell.startswith("'") and len(cell) > 1 and cell[1] in "=+-@#\t\r\n":
        return cell[1:]
    return cell
