"""Workbooks (xlsx, xls, ods) read through calamine, which parses in Rust and expands no XML
entities. A zip is checked first (no bomb, a workbook's parts); before calamine builds a
sheet's table, ``scans`` reads the raw file for the table's extent and for what calamine does
not say. A workbook whose cells do not name their places is read by openpyxl instead, row by
row."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any

from custgroups.core.errors import tr
from custgroups.core.sheets import scans
from custgroups.core.sheets.reading import (
    DAMAGED,
    MAX_COLUMNS,
    PROTECTED,
    FileRefused,
    Sheet,
    Shown,
    cell_text,
    openpyxl_sheets,
)

MAX_UNPACKED_BYTES = 320 * 1024 * 1024
MAX_PART_BYTES = 192 * 1024 * 1024
#: Shared strings calamine keeps in memory: far more than any customer list's names.
MAX_STRINGS_BYTES = 96 * 1024 * 1024
MAX_PACKING_RATIO = 100
MAX_ZIP_ENTRIES = 5000
#: The parts read whole into a tree (the workbook's list of sheets, its links, its styles):
#: a few kilobytes in a real workbook, a few megabytes in the most styled. A tree takes ten
#: times its text.
MAX_PARSED_BYTES = 16 * 1024 * 1024
_PARSED_WHOLE = ("xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml")

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
    for part in _PARSED_WHOLE:
        if part in names and names[part].file_size > MAX_PARSED_BYTES:
            raise FileRefused(path, tr("the workbook's part {part} holds {size} MB, far more "
                                       "than any workbook's; it was not read.", part=part,
                                       size=round(names[part].file_size / 1024 / 1024)))
    strings = names.get("xl/sharedStrings.xml")
    if strings is not None and strings.file_size > MAX_STRINGS_BYTES:
        raise FileRefused(path, tr("the workbook holds {size} MB of text, far more than a "
                                   "customer list; it was not read.",
                                   size=round(strings.file_size / 1024 / 1024)))
    return kind


@contextmanager
def workbook_sheets(path: Path, kind: str) -> Iterator[list[Sheet]]:
    """The sheets of an xlsx, xls or ods workbook, each streamed row by row as text."""
    scanned: dict[str, Shown] | None = {}
    if kind == "xls":
        scanned = scans.scan_xls(path)
    elif kind == "xlsx":
        scanned = scans.scan_xlsx(path)
    elif kind == "ods":
        scanned = scans.scan_ods(path)
    if scanned is None:  # cells without places: openpyxl reads it in bounded memory
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
        yield [Sheet(meta.name, _rows(path, book, meta.name, scanned.get(meta.name)))
               for meta in book.sheets_metadata if str(meta.typ).endswith("WorkSheet")]
    finally:
        book.close()


def _rows(path: Path, book: Any, name: str, shown: Shown | None) -> Iterator[list[str]]:
    try:
        sheet = book.get_sheet_by_name(name)
    except Exception:
        raise FileRefused(path, DAMAGED) from None
    lead = sheet.start[1] if sheet.start else 0  # rows start at A; columns at the first used
    scans.check_extent(path, name, sheet.total_height, lead + sheet.width)
    raw, number = sheet.iter_rows(), 0
    # A thousand rows at a time, a column at a time: text only strips, in one pass.
    while block := list(islice(raw, 1000)):
        columns = [("",) * len(block)] * lead + [
            tuple(map(str.strip, column) if set(map(type, column)) == {str}
                  else map(cell_text, column))
            for column in islice(zip(*block), MAX_COLUMNS - lead)]
        rows = list(map(list, zip(*columns))) if columns else [[] for _ in block]
        if shown:
            for offset, cells in enumerate(rows, number + 1):
                shown.fix(offset, cells)
        number += len(block)
        yield from rows


