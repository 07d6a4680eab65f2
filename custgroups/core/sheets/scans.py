"""What a workbook's raw parts say before calamine builds any sheet's table: the table each
sheet spans must be what a customer list can be (a few sparse cells far apart would otherwise
ask for billions), and so must the text its cells spell out (a reader copies a shared or
repeated text into every cell showing it). The scans also see what calamine does not say:
codes shown with leading zeros (the format 000000) and cells holding a spreadsheet error.
The xlsx and ods scans read the raw XML a megabyte at a time; an .xls workbook's records are
scanned by ``biff``."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from custgroups.core.errors import Sentence, tr
from custgroups.core.sheets.reading import (
    DAMAGED,
    HOSTILE_XML,
    MAX_ROW_CELLS,
    MAX_ROWS,
    PROTECTED,
    FileRefused,
    Shown,
    padded_width,
    xml_trouble,
)

#: Cells of one sheet's table (its rows times its columns): a customer list of 200,000
#: rows of 12 columns fits; the reader then stays under ~300 MB.
MAX_CELLS = 2_500_000
MAX_XLS_BYTES = 32 * 1024 * 1024
#: The text one sheet's cells may spell out in all, each cell naming a shared text getting a
#: copy of it: 2,500,000 cells of 60 characters.
MAX_SHEET_TEXT = 150 * 1024 * 1024

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATION = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
# A cell's column and row as a reader takes them: five letters are already past any limit,
# zeros before a row's digits count for nothing, and 13 digits are past any limit too.
_COLUMN = re.compile(rb'<c r="([A-Z]{1,5})')
_ROW = re.compile(rb'<c r="[A-Z]+0*(\d{1,13})')
_STYLED = re.compile(rb'<c r="([A-Z]{1,3})(\d{1,7})"[^>]*? s="(\d+)"')
_ERROR = re.compile(rb'<c r="([A-Z]{1,3})(\d{1,7})"[^>]*? t="e"[^>]*>'
                    rb'(?:<f>[^<]*</f>|<f[^>]*/>)?<v>([^<]*)</v>')
#: A cell that does not name its place first (or at all).
_SHARED_CELL = re.compile(rb'<c [^>]*?t="s"[^>]*><v>(\d{1,9})</v>')
_UNPLACED = re.compile(rb'<c(?:>| (?!r="))')
_DIMENSION = re.compile(rb'<dimension ref="(?:[A-Z]{1,3}\d{1,7}:)?([A-Z]{1,3})(\d{1,7})"')




def column_number(letters: str | bytes) -> int:
    """A column's number from its letters: A is 1, Z 26, AA 27."""
    number = 0
    for letter in letters if isinstance(letters, str) else letters.decode():
        number = number * 26 + ord(letter) - 64
    return number


def column_letters(number: int) -> str:
    """A column's letters from its number: 1 is A, 26 Z, 27 AA."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def scan_xlsx(path: Path) -> dict[str, Shown] | None:
    """Each sheet's scan by name, or None when some cell does not name its place."""
    with zipfile.ZipFile(path) as archive:
        parts = _sheet_parts(path, archive)
        shared = _SharedTexts(path, archive)
        padded = _padded_styles(path, archive)
        scans = {}
        for name, part in parts.items():
            scanned = _scan_sheet(path, archive, part, name, padded)
            if scanned is None:
                return None
            scans[name], cells = scanned
            shared.check(name, part, cells)
        return scans


class _SharedTexts:
    """The workbook's shared texts, which cells name by number: a reader copies the text
    into every cell naming it, so one long text named by a million cells is gigabytes (a
    141 KB file took calamine to 329 MB with 10,000 such cells)."""

    PART = "xl/sharedStrings.xml"

    def __init__(self, path: Path, archive: zipfile.ZipFile) -> None:
        self.path, self.archive = path, archive
        #: The longest text's size in the file (never less than its characters).
        self.longest = 0
        if self.PART in archive.namelist():  # read whole: any declaration refuses it
            for data in _xml_chunks(path, archive, self.PART, b"<si"):
                # Each text's piece starts at its <si; before the first is the part's head.
                self.longest = max(self.longest, 0, *map(len, data.split(b"<si")[1:]))

    def check(self, name: str, part: str, cells: int) -> None:
        """Refuse the sheet when its cells would spell out more text than
        :data:`MAX_SHEET_TEXT`: at most its cells times the longest text; when that is
        more, counted cell by cell."""
        if cells * self.longest <= MAX_SHEET_TEXT:
            return
        lengths: list[int] = []
        for data in _xml_chunks(self.path, self.archive, self.PART, b"<si"):
            lengths += map(len, data.split(b"<si")[1:])
        total = 0
        try:
            for data in _xml_chunks(self.path, self.archive, part):
                total += sum(map(lengths.__getitem__, map(int, _SHARED_CELL.findall(data))))
        except IndexError:
            raise FileRefused(self.path, DAMAGED) from None
        if total > MAX_SHEET_TEXT:
            raise FileRefused(self.path, _too_much_text(name))


def _too_much_text(sheet: str) -> Sentence:
    return tr("the sheet '{sheet}' repeats its texts into more than {limit} MB, far more than "
              "a customer list; it was not read.", sheet=sheet,
              limit=MAX_SHEET_TEXT // 1024 // 1024)


def scan_xls(path: Path) -> dict[str, Shown]:
    """Each sheet's scan by name, after refusing a file too large to be a customer list."""
    from custgroups.core.sheets import biff

    if path.stat().st_size > MAX_XLS_BYTES:
        raise FileRefused(path, tr("the file is {size} MB; files over {limit} MB are not read.",
                                   size=round(path.stat().st_size / 1024 / 1024),
                                   limit=MAX_XLS_BYTES // 1024 // 1024))
    try:
        return biff.scan_xls(path.read_bytes(), lambda name, rows, columns, cells: check_table(
            path, name, rows, columns, cells), MAX_SHEET_TEXT)
    except biff.TooMuchText as exc:
        raise FileRefused(path, _too_much_text(exc.sheet)) from None
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
            cut = chunk.rfind(cut_before)
            if cut < 0:  # no place to cut yet: read on
                tail += chunk
                continue
            data, tail = b"".join((tail, memoryview(chunk)[:cut])), chunk[cut:]
            _refuse_declarations(path, data)
            yield data
        _refuse_declarations(path, tail)
        yield tail


def _refuse_declarations(path: Path, data: bytes) -> None:
    # A search for "!" alone runs at the speed of memory; one for "<!" stops at every tag.
    if b"!" in data and (b"<!DOCTYPE" in data or b"<!ENTITY" in data):
        raise FileRefused(path, HOSTILE_XML)


def _sheet_parts(path: Path, archive: zipfile.ZipFile) -> dict[str, str]:
    """Each worksheet's name and the part holding its XML."""
    book, links = _xml(path, archive, "xl/workbook.xml"), _xml(
        path, archive, "xl/_rels/workbook.xml.rels")
    if book is None or links is None:
        raise FileRefused(path, DAMAGED)
    targets = {link.get("Id"): link.get("Target", "") for link in links}
    parts: dict[str, str] = {}
    for sheet in book.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(_RELATION), "")
        part = target.lstrip("/") if target.startswith("/") else "xl/" + target
        if part in parts.values():  # no workbook shares a sheet: each would be read again
            raise FileRefused(path, DAMAGED)
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
    return {str(index).encode(): width for formats in styles.iter(f"{_MAIN}cellXfs")
            for index, xf in enumerate(formats.iter(f"{_MAIN}xf"))
            if (width := padded_width(codes.get(xf.get("numFmtId"), "")))}


def _scan_sheet(path: Path, archive: zipfile.ZipFile, part: str, name: str,
                padded: dict[bytes, int], declared: bool = True) -> tuple[Shown, int] | None:
    """What the sheet shows that calamine does not, and its cells, after checking the table
    they span; None when some cell does not name its place.

    The sheet's declared extent (its dimension), when it is one a customer list can have,
    is checked by one search for any cell placed beyond it; a sheet without one has every
    cell's place read, and so, read again, has a sheet with a cell past it."""
    shown = Shown()
    cells = rows = columns = 0
    beyond = _UNPLACED
    for number, data in enumerate(_xml_chunks(path, archive, part)):
        cells += data.count(b"<c ")
        if number == 0 and declared:  # the dimension comes before the cells
            rows, columns, beyond = _declared(data)
        found = beyond.search(data)
        if found is not None and not _UNPLACED.match(data, found.start()):
            return _scan_sheet(path, archive, part, name, padded, declared=False)
        if found is not None:  # a cell that does not name its place
            return None
        if beyond is _UNPLACED:
            columns = max([columns, *map(column_number, set(_COLUMN.findall(data)))])
            numbers = set(_ROW.findall(data))
            longest = max(map(len, numbers), default=0)
            rows = max([rows, *(int(n) for n in numbers if len(n) == longest)])
        check_table(path, name, rows, columns, cells)
        if padded and b' s="' in data:
            for letters, row, style in _STYLED.findall(data):
                if style in padded:
                    shown.pad(int(row), column_number(letters), padded[style])
        if b't="e"' in data:
            for letters, row, error in _ERROR.findall(data):
                shown.error(int(row), column_number(letters), error.decode("ascii", "replace"))
    return shown, cells


def _declared(data: bytes) -> tuple[int, int, re.Pattern[bytes]]:
    """The rows and columns the sheet's dimension declares, and a search for a cell that
    does not name its place or lies past them; (0, 0, a search for the first alone) when it
    declares none, or more than a customer list can be."""
    found = _DIMENSION.search(data)
    if found is None:
        return 0, 0, _UNPLACED
    letters, digits = found.groups()
    rows, columns = int(digits), column_number(letters)
    if rows > MAX_ROWS or columns > MAX_ROW_CELLS or rows * columns > MAX_CELLS:
        return 0, 0, _UNPLACED
    return rows, columns, re.compile(
        _UNPLACED.pattern + b'|<c r="(?:' + _above(letters, b"A", b"Z") + rb"\d|[A-Z]{1,4}"
        + _above(digits, b"0", b"9") + b'")')


def _above(text: bytes, low: bytes, high: bytes) -> bytes:
    """A pattern for the strings of ``low``..``high`` (digits or capitals, no leading
    zero) that stand for more than ``text``: longer ones, or as long and larger."""
    one = b"[" + low + b"-" + high + b"]"
    options = [one + b"{%d,}" % (len(text) + 1)]
    for at, character in enumerate(text):
        if character < high[0]:
            options.append(re.escape(text[:at]) + b"[" + bytes([character + 1]) + b"-" + high
                           + b"]" + one + b"{%d}" % (len(text) - at - 1))
    return b"(?:" + b"|".join(options) + b")"


_ODS_TAG = re.compile(rb"<table:table-row\b([^>]*)>|</table:table-row>"
                      rb"|<table:(?:covered-)?table-cell\b([^>]*)>(?:<text:p>(0\d+)</text:p>)?"
                      rb"|<table:table\b([^>]*)>")
_ODS_REPEAT = re.compile(rb'number-(?:rows|columns)-repeated="0*(\d{1,13})')
_ODS_NAME = re.compile(rb'table:name="([^"]*)"')


def scan_ods(path: Path) -> dict[str, Shown]:
    """Refuse an ods spreadsheet whose repeated rows and cells would spread into a table
    beyond a customer list (a few bytes can repeat a cell a million times). Empty cells
    repeated to the sheet's edge, as LibreOffice writes them, span nothing.

    A repeated cell or row is copied into each place it fills: the copies may spell out
    :data:`MAX_SHEET_TEXT` at most (a 916-byte file of 10,000 copies of a text of 32,000
    characters took calamine to 957 MB).

    Per sheet, the numbers shown with leading zeros (a code 1001 in the format 000000 shows
    001001, which the file keeps beside the number), where calamine gives only the number.
    """
    scans: dict[str, Shown] = {}
    with zipfile.ZipFile(path) as archive:
        name, row, rows, columns, cells = "", 0, 0, 0, 0
        repeat, column, filled = 1, 0, 0
        copies = row_copies = row_at = 0
        shown = Shown()
        # Cut only before a table tag, so a cell is never parted from the text it shows.
        for data in _xml_chunks(path, archive, "content.xml", b"<table:"):
            for match in _ODS_TAG.finditer(data):
                row_tag, cell_tag, zeros, table_tag = match.groups()
                if table_tag is not None:
                    found = _ODS_NAME.search(table_tag)
                    name, row = (found.group(1).decode("utf-8", "replace") if found else ""), 0
                    shown = scans.setdefault(name, Shown())
                elif row_tag is not None:
                    found = _ODS_REPEAT.search(row_tag)
                    repeat, column, filled = int(found.group(1)) if found else 1, 0, 0
                    row_copies, row_at = 0, match.start()
                elif cell_tag is not None:
                    found = _ODS_REPEAT.search(cell_tag)
                    times = int(found.group(1)) if found else 1
                    if times > 1 and not cell_tag.endswith(b"/"):  # its text, copied
                        end = data.find(b"</table:table-cell>", match.end())
                        row_copies += ((end if end >= 0 else len(data)) - match.start()) * (
                            times - 1)
                    if zeros and times == repeat == 1 and b'value-type="float"' in cell_tag:
                        shown.pad(row + 1, column + 1, len(zeros))
                    column += times
                    if b"value-type=" in cell_tag or not cell_tag.endswith(b"/"):
                        filled += times
                        columns = max(columns, column)
                else:  # the row's end: its cells, repeated as often as the row is
                    if filled:  # a repeated row's text is copied too (an empty one's is not)
                        rows = max(rows, row + repeat)
                        cells += filled * repeat
                        copies += row_copies * repeat + (match.start() - row_at) * (repeat - 1)
                    row += repeat
                    check_table(path, name, rows, columns, cells)
                    if copies > MAX_SHEET_TEXT:
                        raise FileRefused(path, _too_much_text(name))
    return scans


def check_table(path: Path, name: str, rows: int, columns: int, cells: int) -> None:
    check_extent(path, name, rows, columns)
    if max(cells, rows * columns) > MAX_CELLS:
        raise FileRefused(path, tr("the sheet '{sheet}' spans more than {limit} cells, far "
                                   "more than a customer list; it was not read.", sheet=name,
                                   limit=MAX_CELLS))


def check_extent(path: Path, name: str, rows: int, columns: int) -> None:
    if rows > MAX_ROWS:
        raise FileRefused(path, tr("the sheet '{sheet}' has more than {limit} rows.",
                                   sheet=name, limit=MAX_ROWS))
    if columns > MAX_ROW_CELLS:
        raise FileRefused(path, tr("the sheet '{sheet}' has {count} columns; sheets of over "
                                   "{limit} are not read.", sheet=name, count=columns,
                                   limit=MAX_ROW_CELLS))

