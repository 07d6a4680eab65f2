"""Files the import tests read: the stored fixtures, and small workbooks written on the spot."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl

FIXTURES = Path(__file__).parent / "fixtures"


def xlsx(path: Path, rows: list[list[object]], title: str = "Sheet") -> Path:
    """A one-sheet workbook at ``path`` holding ``rows``."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def rewrite(path: Path, part: str, change: dict[bytes, bytes]) -> Path:
    """``path`` with ``part`` rewritten by the replacements in ``change``."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    for old, new in change.items():
        assert old in parts[part], old
        parts[part] = parts[part].replace(old, new)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def unplaced_cells(path: Path) -> Path:
    """A customer workbook whose cells do not name their places (read by openpyxl)."""
    xlsx(path, [["Code", "Name"], ["C1", "One"], ["C2", "Two"]])
    return rewrite(path, "xl/worksheets/sheet1.xml",
                   {b'<c r="A2" ': b"<c ", b'<c r="B2" ': b"<c ", b'<c r="A3" ': b"<c ",
                    b'<c r="B3" ': b"<c "})


def ods(path: Path, rows: list[list[object]]) -> Path:
    """A one-sheet OpenDocument spreadsheet, as LibreOffice writes one (text and numbers; a
    pair is a number and the text its format shows)."""
    def cell(value: object) -> str:
        if value is None:
            return "<table:table-cell/>"
        if isinstance(value, tuple):  # a number and how its format shows it: (1001, "001001")
            number, shown = value
            return (f'<table:table-cell office:value-type="float" office:value="{number}" '
                    f'table:style-name="ce1"><text:p>{shown}</text:p></table:table-cell>')
        if isinstance(value, int | float):
            return (f'<table:table-cell office:value-type="float" office:value="{value}">'
                    f"<text:p>{value}</text:p></table:table-cell>")
        return (f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}'
                f"</text:p></table:table-cell>")

    body = "".join("<table:table-row>" + "".join(map(cell, row)) + "</table:table-row>"
                   for row in rows)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="Kunden">'
        f"{body}</table:table></office:spreadsheet></office:body></office:document-content>")
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"),
                         "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", manifest)
    return path


class XlsError(int):
    """An error cell of an .xls workbook, by its code (0x2A: #N/A)."""


def xls(path: Path, rows: list[list[object]], title: str = "Customers") -> Path:
    """A one-sheet old-format (.xls) workbook, as xlwt writes one: adjacent whole numbers in
    a row share one record. A pair is a number and its format: (1001, "000000")."""
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet(title)
    styles: dict[str, object] = {}
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, XlsError):
                sheet.row(r).set_cell_error(c, int(value))
            elif isinstance(value, tuple):
                number, code = value
                style = styles.setdefault(code, xlwt.easyxf(num_format_str=code))
                sheet.write(r, c, number, style)
            elif value is not None:
                sheet.write(r, c, value)
    book.save(str(path))
    return path


def compound_file(stream: bytes) -> bytes:
    """An OLE2 compound file holding ``stream`` (under 4,096 bytes) as its "Workbook", kept in
    the mini stream as small streams are: header, table, directory, mini table, mini stream."""
    import struct

    free, end, fat_sector = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    minis = (len(stream) + 63) // 64
    mini_stream = stream.ljust(minis * 64, b"\0")
    sectors = (len(mini_stream) + 511) // 512
    table = [fat_sector, end, end, *range(4, 3 + sectors), end]
    mini_table = [*range(1, minis), end]

    def sector(values: list[int]) -> bytes:
        return struct.pack("<128I", *values, *[free] * (128 - len(values)))

    def entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le") if name else b""
        return struct.pack("<64sHBB3I16sI16sIQ", encoded, len(encoded), kind, 1, free, free,
                           child, b"", 0, b"", start, size)

    directory = (entry("Root Entry", 5, 1, 3, len(mini_stream))
                 + entry("Workbook", 2, free, 0, len(stream)) + entry("", 0, free, 0, 0) * 2)
    header = struct.pack("<8s16sHHHHH6sIIIIIIIII", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"",
                         0x3E, 3, 0xFFFE, 9, 6, b"", 0, 1, 1, 0, 4096, 2, 1, end, 0)
    header += struct.pack("<109I", 0, *[free] * 108)
    return (header + sector(table) + directory + sector(mini_table)
            + mini_stream.ljust(sectors * 512, b"\0"))
