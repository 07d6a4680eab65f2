"""Workbooks (xlsx, xls, ods) read through calamine, which parses in Rust and expands no XML
entities. Before calamine builds a sheet's table, the sheet's raw XML is scanned: the table
it spans must be what a customer list can be (a few sparse cells far apart would otherwise
ask for billions), and the scan sees what calamine does not say: codes shown with leading
zeros (the format 000000) and cells holding a spreadsheet error. An .xls workbook's records
are scanned alike (``biff``). A workbook whose cells do not name their places is read by
openpyxl instead, row by row."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from custgroups.core.errors import tr
from custgroups.core.sheets.reading import (
    DAMAGED,
    HOSTILE_XML,
    MAX_COLUMNS,
    MAX_ROW_CELLS,
    MAX_ROWS,
    PROTECTED,
    FileRefused,
    Sheet,
    cell_text,
    openpyxl_sheets,
    xml_trouble,
)

MAX_UNPACKED_BYTES = 320 * 1024 * 1024
MAX_PART_BYTES = 192 * 1024 * 1024
#: Shared strings calamine keeps in memory: far more than any customer list's names.
MAX_STRINGS_BYTES = 96 * 1024 * 1024
MAX_PACKING_RATIO = 100
MAX_ZIP_ENTRIES = 5000
#: Cells of one sheet's table (its rows times its columns): a customer list of 200,000
#: rows of 12 columns fits; the reader then stays under ~300 MB.
MAX_CELLS = 2_500_000
MAX_XLS_BYTES = 32 * 1024 * 1024

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATION = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_COLUMN = re.compile(rb'<c r="([A-Z]{1,4})\d')
_ROW = re.compile(rb'<c r="[A-Z]{1,4}(\d{1,9})"')
_STYLED = re.compile(rb'<c r="([A-Z]{1,3})(\d{1,7})"[^>]*? s="(\d+)"')
_ERROR = re.compile(rb'<c r="([A-Z]{1,3})(\d{1,7})"[^>]*? t="e"[^>]*>'
                    rb'(?:<f>[^<]*</f>|<f[^>]*/>)?<v>([^<]*)</v>')
_PADDED = re.compile(r"0{2,}")


#: What one sheet's XML says that calamine does not, by (row, column): the text to show
#: instead (an error cell), or the digits to pad a number to (the format 000000).
_Shown = dict[tuple[int, int], str | int]


def column_number(letters: str | bytes) -> int:
    """A column's number from its letters: A is 1, Z 26, AA 27."""
    number = 0
    for letter in letters if isinstance(letters, str) else letters.decode():
        number = number * 26 + ord(letter) - 64
    return number


def check_zip(path: Path) -> str:
    """"xlsx" or "ods", after refusing zip bombs and archives that are not workbooks, before
    any XML is parsed."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            mimetype = (archive.read("mimetype")[:100] if "mimetype" in archive.namelist()
                        else b"")
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        raise FileRefused(path, tr("the workbook is damaged and cannot be opened.")) from None
    if len(entries) > MAX_ZIP_ENTRIES:
        raise FileRefused(path, tr("the workbook holds far more parts than any real one; "
                                   "it was not read."))
    names = {entry.filename: entry for entry in entries}
    if "xl/workbook.xml" in names:
        kind = "xlsx"
    elif "content.xml" in names and mimetype.startswith(b"application/vnd.oasis."
                                                        b"opendocument.spreadsheet"):
        kind = "ods"
    else:
        raise FileRefused(path, tr("this is a zip archive, not an Excel workbook."))
    bomb = FileRefused(path, tr("the workbook would unpack to an absurd size (a 'zip bomb'); "
                                "it was not read."))
    if sum(entry.file_size for entry in entries) > MAX_UNPACKED_BYTES:
        raise bomb
    for entry in entries:  # each part on its own: a bomb can hide beside honest filler
        if entry.file_size > MAX_PART_BYTES or (
                entry.file_size > 10 * 1024 * 1024
                and entry.file_size > MAX_PACKING_RATIO * max(entry.compress_size, 1)):
            raise bomb
    strings = names.get("xl/sharedStrings.xml")
    if strings is not None and strings.file_size > MAX_STRINGS_BYTES:
        raise FileRefused(path, tr("the workbook holds {size} MB of text, far more than a "
                                   "customer list; it was not read.",
                                   size=round(strings.file_size / 1024 / 1024)))
    return kind


@contextmanager
def workbook_sheets(path: Path, kind: str) -> Iterator[list[Sheet]]:
    """The sheets of an xlsx, xls or ods workbook, each streamed row by row as text."""
    scans: dict[str, _Shown] | None = {}
    if kind == "xls":
        scans = _scan_xls(path)
    elif kind == "xlsx":
        scans = _scan_xlsx(path)
    elif kind == "ods":
        scans = _scan_ods(path)
    if scans is None:  # cells without places: openpyxl reads it in bounded memory
        with openpyxl_sheets(path) as sheets:
            yield sheets
        return
    from python_calamine import CalamineWorkbook, PasswordError

    try:
        book = CalamineWorkbook.from_path(str(path))
    except PasswordError:
        raise FileRefused(path, PROTECTED) from None
    except Exception:  # calamine's errors (xml, zip, xls records) have no common base
        raise FileRefused(path, DAMAGED) from None
    try:
        yield [Sheet(meta.name, _rows(path, book, meta.name, scans.get(meta.name)))
               for meta in book.sheets_metadata if str(meta.typ).endswith("WorkSheet")]
    finally:
        book.close()


def _rows(path: Path, book: Any, name: str, shown: _Shown | None) -> Iterator[list[str]]:
    try:
        sheet = book.get_sheet_by_name(name)
    except Exception:
        raise FileRefused(path, DAMAGED) from None
    lead = sheet.start[1] if sheet.start else 0  # rows start at A; columns at the first used
    _check_extent(path, name, sheet.total_height, lead + sheet.width)
    for number, row in enumerate(sheet.iter_rows(), 1):
        cells = [""] * lead + [value.strip() if type(value) is str else cell_text(value)
                               for value in row[:MAX_COLUMNS - lead]]
        if shown:
            for column, cell in enumerate(cells, 1):
                other = shown.get((number, column))
                if isinstance(other, int):
                    cells[column - 1] = cell.rjust(other, "0") if cell.isdigit() else cell
                elif other is not None:
                    cells[column - 1] = other
        yield cells


def _scan_xlsx(path: Path) -> dict[str, _Shown] | None:
    """Each sheet's scan by name, or None when some cell does not name its place."""
    with zipfile.ZipFile(path) as archive:
        parts = _sheet_parts(path, archive)
        if "xl/sharedStrings.xml" in archive.namelist():  # its start holds any declarations
            next(_xml_chunks(path, archive, "xl/sharedStrings.xml"), None)
        padded = _padded_styles(path, archive)
        scans = {}
        for name, part in parts.items():
            shown = _scan_sheet(path, archive, part, name, padded)
            if shown is None:
                return None
            scans[name] = shown
        return scans


def _scan_xls(path: Path) -> dict[str, _Shown]:
    """Each sheet's scan by name, after refusing a file too large to be a customer list."""
    from custgroups.core.sheets import biff

    if path.stat().st_size > MAX_XLS_BYTES:
        raise FileRefused(path, tr("the file is {size} MB; files over {limit} MB are not read.",
                                   size=round(path.stat().st_size / 1024 / 1024),
                                   limit=MAX_XLS_BYTES // 1024 // 1024))
    try:
        return biff.scan_xls(path.read_bytes(), lambda name, rows, columns, cells: _check_table(
            path, name, rows, columns, cells))
    except biff.Encrypted:
        raise FileRefused(path, PROTECTED) from None
    except biff.Damaged:
        raise FileRefused(path, DAMAGED) from None


def _xml(path: Path, archive: zipfile.ZipFile, part: str) -> Any:
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        return fromstring(archive.read(part))
    except KeyError:
        return None
    except (DefusedXmlException, ParseError, ValueError) as exc:
        raise FileRefused(path, xml_trouble(exc)) from None


def _xml_chunks(path: Path, archive: zipfile.ZipFile, part: str, cut_before: bytes = b"<"
                ) -> Iterator[bytes]:
    """A part's raw XML, a megabyte or so at a time, each piece ending before ``cut_before``
    (a tag's start, or the start of a kind of tag that then never parts from what follows
    it). A workbook's XML declares no entities: one that does is built to attack its reader."""
    with archive.open(part) as handle:
        tail = b""
        while chunk := handle.read(1 << 20):
            data = tail + chunk
            cut = data.rfind(cut_before)
            if cut <= 0:  # no place to cut yet: read on
                tail = data
                continue
            data, tail = data[:cut], data[cut:]
            if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
                raise FileRefused(path, HOSTILE_XML)
            yield data
        if b"<!DOCTYPE" in tail or b"<!ENTITY" in tail:
            raise FileRefused(path, HOSTILE_XML)
        yield tail


def _sheet_parts(path: Path, archive: zipfile.ZipFile) -> dict[str, str]:
    """Each worksheet's name and the part holding its XML."""
    book, links = _xml(path, archive, "xl/workbook.xml"), _xml(
        path, archive, "xl/_rels/workbook.xml.rels")
    if book is None or links is None:
        raise FileRefused(path, DAMAGED)
    targets = {link.get("Id"): link.get("Target", "") for link in links}
    parts = {}
    for sheet in book.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(_RELATION), "")
        part = target.lstrip("/") if target.startswith("/") else "xl/" + target
        if part in archive.namelist():
            parts[sheet.get("name", "")] = part
    return parts


def _padded_styles(path: Path, archive: zipfile.ZipFile) -> dict[bytes, int]:
    """The cell styles that show a number with leading zeros, and to how many digits."""
    styles = _xml(path, archive, "xl/styles.xml")
    if styles is None:
        return {}
    codes = {fmt.get("numFmtId"): fmt.get("formatCode", "")
             for fmt in styles.iter(f"{_MAIN}numFmt")}
    padded = {}
    for formats in styles.iter(f"{_MAIN}cellXfs"):
        for index, xf in enumerate(formats.iter(f"{_MAIN}xf")):
            code = codes.get(xf.get("numFmtId"), "").replace('"', "")
            if _PADDED.fullmatch(code):
                padded[str(index).encode()] = len(code)
    return padded


def _scan_sheet(path: Path, archive: zipfile.ZipFile, part: str, name: str,
                padded: dict[bytes, int]) -> _Shown | None:
    shown: _Shown = {}
    cells = placed = rows = columns = 0
    for data in _xml_chunks(path, archive, part):
        cells += data.count(b"<c ") + data.count(b"<c>")
        placed += data.count(b'<c r="')
        columns = max([columns, *map(column_number, set(_COLUMN.findall(data)))])
        numbers = set(_ROW.findall(data))
        longest = max(map(len, numbers), default=0)
        rows = max([rows, *(int(n) for n in numbers if len(n) == longest)])
        if padded and b' s="' in data:
            for letters, number, style in _STYLED.findall(data):
                if style in padded:
                    shown[int(number), column_number(letters)] = padded[style]
        if b't="e"' in data:
            for letters, number, error in _ERROR.findall(data):
                shown[int(number), column_number(letters)] = error.decode(
                    "ascii", "replace")
        _check_table(path, name, rows, columns, cells)
    return shown if placed == cells else None


_ODS_TAG = re.compile(rb"<table:table-row\b([^>]*)>|</table:table-row>"
                      rb"|<table:(?:covered-)?table-cell\b([^>]*)>(?:<text:p>(0\d+)</text:p>)?"
                      rb"|<table:table\b([^>]*)>")
_ODS_REPEAT = re.compile(rb'number-(?:rows|columns)-repeated="(\d{1,9})"')
_ODS_NAME = re.compile(rb'table:name="([^"]*)"')


def _scan_ods(path: Path) -> dict[str, _Shown]:
    """Refuse an ods spreadsheet whose repeated rows and cells would spread into a table
    beyond a customer list (a few bytes can repeat a cell a million times). Empty cells
    repeated to the sheet's edge, as LibreOffice writes them, span nothing.

    Per sheet, the numbers shown with leading zeros (a code 1001 in the format 000000 shows
    001001, which the file keeps beside the number), where calamine gives only the number.
    """
    scans: dict[str, _Shown] = {}
    with zipfile.ZipFile(path) as archive:
        name, row, rows, columns, cells = "", 0, 0, 0, 0
        repeat, column, filled = 1, 0, 0
        shown: _Shown = {}
        # Cut only before a table tag, so a cell is never parted from the text it shows.
        for data in _xml_chunks(path, archive, "content.xml", b"<table:"):
            for match in _ODS_TAG.finditer(data):
                row_tag, cell_tag, zeros, table_tag = match.groups()
                if table_tag is not None:
                    found = _ODS_NAME.search(table_tag)
                    name, row = (found.group(1).decode("utf-8", "replace") if found else ""), 0
                    shown = scans.setdefault(name, {})
                elif row_tag is not None:
                    found = _ODS_REPEAT.search(row_tag)
                    repeat, column, filled = int(found.group(1)) if found else 1, 0, 0
                elif cell_tag is not None:
                    found = _ODS_REPEAT.search(cell_tag)
                    times = int(found.group(1)) if found else 1
                    if zeros and times == repeat == 1 and b'value-type="float"' in cell_tag:
                        shown[row + 1, column + 1] = zeros.decode("ascii")
                    column += times
                    if b"value-type=" in cell_tag or not cell_tag.endswith(b"/"):
                        filled += times
                        columns = max(columns, column)
                else:  # the row's end: its cells, repeated as often as the row is
                    if filled:
                        rows = max(rows, row + repeat)
                        cells += filled * repeat
                    row += repeat
                    _check_table(path, name, rows, columns, cells)
    return scans


def _check_table(path: Path, name: str, rows: int, columns: int, cells: int) -> None:
    _check_extent(path, name, rows, columns)
    if max(cells, rows * columns) > MAX_CELLS:
        raise FileRefused(path, tr("the sheet '{sheet}' spans more than {limit} cells, far "
                                   "more than a customer list; it was not read.", sheet=name,
                                   limit=MAX_CELLS))


def _check_extent(path: Path, name: str, rows: int, columns: int) -> None:
    if rows > MAX_ROWS:
        raise FileRefused(path, tr("the sheet '{sheet}' has more than {limit} rows.",
                                   sheet=name, limit=MAX_ROWS))
    if columns > MAX_ROW_CELLS:
        raise FileRefused(path, tr("the sheet '{sheet}' has {count} columns; sheets of over "
                                   "{limit} are not read.", sheet=name, count=columns,
                                   limit=MAX_ROW_CELLS))
