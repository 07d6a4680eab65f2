"""A streaming xlsx writer of our own: each row goes straight into the zip as sheet XML.

Millions of rows cost the same memory as one: nothing is kept per cell, no temporary file is
made (the zip is written into the caller's file, which lies hidden beside its target), and a
row of plain text costs one string format. Text is stored inline (``t="inlineStr"``), which
every reader takes and Excel turns into its shared strings on its first save.

What a clerk sees: a bold, shaded, frozen header row with an autofilter, columns at their
widths, dates as real dates, numbers as numbers, and text that could run as a formula kept
as quote-prefixed text. No cell is ever a formula: there is no way to write one here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import IO, Any, cast
from zipfile import ZIP_DEFLATED, ZipFile

from custgroups.core.sheets.cells import (
    CELL_MARK,
    MAX_CELL_TEXT,
    fit_text,
    joined_text,
    needs_care,
)

#: zlib's fastest level: the XML of two million rows deflates in a fraction of the time of
#: the default level, for a file about a fifth larger.
COMPRESSION = 1
_ROWS_PER_WRITE = 1000
_EPOCH = datetime(1899, 12, 30)  # Excel's day 0 (its 1900 system, right from March 1900)
_DAY = timedelta(days=1)

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# Cell styles, by their place in styles.xml's cellXfs.
_MOMENT, _QUOTED, _HEADING, _QUOTED_HEADING, _DAY_ONLY = 1, 2, 3, 4, 5
_STYLES = _HEAD + f"""<styleSheet xmlns="{_MAIN}">
<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm:ss"/>\
<numFmt numFmtId="165" formatCode="yyyy-mm-dd"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill>\
<fill><patternFill patternType="gray125"/></fill>\
<fill><patternFill patternType="solid"><fgColor rgb="FFDDE5F0"/><bgColor indexed="64"/>\
</patternFill></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>\
<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" \
applyAlignment="1"><alignment vertical="center"/></xf>\
<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" \
applyAlignment="1" quotePrefix="1"><alignment vertical="center"/></xf>\
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""


class _Quoted(str):
    """Text that needs care: written with Excel's quote prefix, shown as typed, never run."""


class _Spaced(str):
    """Text with space at either end, which XML keeps only when asked to."""


_XML_SPACE = " \t\n\r"


def column_letter(number: int) -> str:
    """A column's letters: 1 is A, 27 is AA."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def escape(text: str) -> str:
    """Text as XML character data (a carriage return kept as one, not read back as a line
    feed)."""
    if "&" in text or "<" in text or ">" in text or "\r" in text:
        text = (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\r", "&#13;"))
    return text


def _attribute(text: str) -> str:
    return escape(text).replace('"', "&quot;")


def _cell_xml(letter: str, kind: type, value: str) -> str:
    """The XML of one cell in a row template, where ``{row}`` is the row's number and
    ``{value}`` (the name given) the value made ready by :func:`_ready`."""
    place = f'<c r="{letter}{{row}}"'
    value = f"{{{value}}}"
    if kind is str:
        return f'{place} t="inlineStr"><is><t>{value}</t></is></c>'
    if kind is _Spaced:
        return f'{place} t="inlineStr"><is><t xml:space="preserve">{value}</t></is></c>'
    if kind is _Quoted:
        return (f'{place} s="{_QUOTED}" t="inlineStr"><is><t xml:space="preserve">{value}'
                "</t></is></c>")
    if kind is bool:
        return f'{place} t="b"><v>{value}</v></c>'
    if kind is datetime:
        return f'{place} s="{_MOMENT}"><v>{value}</v></c>'
    if kind is date:
        return f'{place} s="{_DAY_ONLY}"><v>{value}</v></c>'
    if kind is type(None):
        return ""
    return f'{place} t="n"><v>{value}</v></c>'


def _row_template(kinds: tuple[type, ...]) -> Callable[..., str]:
    """A function giving the XML of a row whose values are of these kinds.

    Compiled once per shape of row from an f-string, as :mod:`dataclasses` compiles the
    methods it writes: three to five times quicker than ``str.format``, which parses its
    template again on every call, and a row of plain text is millions of calls. The source
    holds only fixed XML, column letters and parameter names, never a value.
    """
    names = [f"v{n}" for n in range(len(kinds))]
    cells = "".join(_cell_xml(column_letter(n), kind, name)
                    for n, (kind, name) in enumerate(zip(kinds, names, strict=True), 1))
    source = (f"def row(row, {', '.join(names)}):\n"
              f"    return f\'\'\'<row r=\"{{row}}\">{cells}</row>\'\'\'\n")
    scope: dict[str, Any] = {}
    exec(compile(source, "<xlsx row>", "exec"), scope)  # noqa: S102 - our own fixed text
    return cast(Callable[..., str], scope["row"])


#: What sends a row of text down the careful path, cell by cell: a character that XML must
#: escape or cannot hold, or a tab, line break or return (all but the cell mark) ...
_ROW_NEEDS_A_LOOK = re.compile("[\x00-\x1e&<>\ud800-\udfff\ufffe\uffff]")
#: ... a cell that starts like a formula, an error or with a space, or an empty cell.
_CELL_NEEDS_A_LOOK = re.compile(f"{CELL_MARK}[=+\\-@# {CELL_MARK}]")


def _plain_text_row(values: Sequence[Any]) -> bool:
    """True when every value is text that goes into XML as it is: nothing to escape, quote,
    fit or keep spaces for. Checked on the row as one string, in a handful of C calls."""
    joined = joined_text((values,))
    return not (joined is None or len(joined) > MAX_CELL_TEXT or " " + CELL_MARK in joined
                or _ROW_NEEDS_A_LOOK.search(joined) or _CELL_NEEDS_A_LOOK.search(joined))


def _ready(value: Any, careful: bool) -> tuple[type, Any]:
    """A value's kind for the row template and the value as the template writes it."""
    kind = value.__class__
    if kind is str:
        if not value:
            return type(None), None  # an empty cell, as a spreadsheet has it
        if careful and needs_care(value):
            return _Quoted, escape(fit_text(value))
        if value[0] in _XML_SPACE or value[-1] in _XML_SPACE:
            return _Spaced, escape(value)
        return str, escape(value)
    if kind is int or kind is type(None):
        return kind, value
    if kind is bool:
        return bool, int(value)
    if kind is float:
        return (float, repr(value)) if math.isfinite(value) else _ready(repr(value), careful)
    if kind is datetime:
        if value.tzinfo is not None:  # shown as the clerk's wall-clock time
            value = value.astimezone().replace(tzinfo=None)
        return datetime, repr((value - _EPOCH) / _DAY)
    if kind is date:
        return date, (value - _EPOCH.date()).days
    if isinstance(value, int):  # a subclass (an IntEnum, say) as the number it is
        return _ready(int(value), careful)
    if isinstance(value, float):
        return _ready(float(value), careful)
    return _ready(str(value), careful)


class XlsxStream:
    """An xlsx workbook written into ``handle`` sheet by sheet, row by row.

    ``start_sheet`` ends the sheet before; ``close`` ends the last and writes the workbook's
    own parts. After a failure, ``abandon`` stops without writing anything more.
    """

    def __init__(self, handle: IO[bytes]) -> None:
        self._zip = ZipFile(handle, "w", ZIP_DEFLATED, allowZip64=True,
                            compresslevel=COMPRESSION)
        self._titles: list[str] = []
        self._filters: list[str] = []
        self._part: IO[bytes] | None = None
        self._pending: list[str] = []
        self._row = 0
        self._last_column = "A"
        self._templates: dict[tuple[type, ...], Callable[..., str]] = {}

    @property
    def rows(self) -> int:
        """Rows in the current sheet so far, its header included."""
        return self._row

    def start_sheet(self, title: str, headings: Sequence[str], widths: Sequence[float]) -> None:
        """Begin a sheet with its bold frozen header row and its column widths."""
        self._end_sheet()
        self._titles.append(title[:31])
        self._part = self._zip.open(f"xl/worksheets/sheet{len(self._titles)}.xml", "w",
                                    force_zip64=True)
        self._last_column = column_letter(max(len(headings), 1))
        columns = "".join(f'<col min="{n}" max="{n}" width="{width:g}" customWidth="1"/>'
                          for n, width in enumerate(widths, 1))
        header = "".join(
            f'<c r="{column_letter(n)}1" s="{_QUOTED_HEADING if care else _HEADING}" '
            f't="inlineStr"><is><t xml:space="preserve">{escape(text)}</t></is></c>'
            for n, (care, text) in enumerate(
                ((needs_care(h), fit_text(h) if needs_care(h) else h) for h in headings), 1))
        self._pending = [
            _HEAD, f'<worksheet xmlns="{_MAIN}" xmlns:r="{_DOC_REL}">',
            '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
            'activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" '
            'activeCell="A2" sqref="A2"/></sheetView></sheetViews>',
            '<sheetFormatPr defaultRowHeight="15"/>',
            f"<cols>{columns}</cols>" if columns else "",
            f'<sheetData><row r="1">{header}</row>']
        self._row = 1

    def write(self, values: Sequence[Any], check_from: int = 0) -> None:
        """Append a row; text from ``check_from`` on is checked for what needs care."""
        self._row += 1
        kinds: tuple[type, ...]
        shown: Sequence[Any]
        if _plain_text_row(values):
            kinds, shown = (str,) * len(values), values
        else:
            ready = [_ready(value, index >= check_from) for index, value in enumerate(values)]
            kinds, shown = tuple(kind for kind, _ in ready), [value for _, value in ready]
        template = self._templates.get(kinds)
        if template is None:
            template = self._templates[kinds] = _row_template(kinds)
        self._pending.append(template(self._row, *shown))
        if len(self._pending) >= _ROWS_PER_WRITE:
            self._flush()

    def close(self) -> None:
        """End the last sheet and write the workbook around the sheets."""
        if not self._titles:
            self.start_sheet("Sheet", (), ())
        self._end_sheet()
        count = len(self._titles)
        sheets = "".join(f'<sheet name="{_attribute(title)}" sheetId="{n}" r:id="rId{n}"/>'
                         for n, title in enumerate(self._titles, 1))
        names = "".join(
            f'<definedName name="_xlnm._FilterDatabase" localSheetId="{n}" hidden="1">'
            f"{_attribute(self._quoted_title(title))}!{ref}</definedName>"
            for n, (title, ref) in enumerate(zip(self._titles, self._filters, strict=True)))
        self._zip.writestr("xl/workbook.xml", _HEAD + (
            f'<workbook xmlns="{_MAIN}" xmlns:r="{_DOC_REL}"><bookViews><workbookView/>'
            f"</bookViews><sheets>{sheets}</sheets><definedNames>{names}</definedNames>"
            "</workbook>"))
        self._zip.writestr("xl/_rels/workbook.xml.rels", _relations(
            [(f"{_DOC_REL}/worksheet", f"worksheets/sheet{n}.xml") for n in range(1, count + 1)]
            + [(f"{_DOC_REL}/styles", "styles.xml")]))
        self._zip.writestr("xl/styles.xml", _STYLES)
        self._zip.writestr("docProps/core.xml", _core_properties())
        self._zip.writestr("_rels/.rels", _relations([
            (f"{_DOC_REL}/officeDocument", "xl/workbook.xml"),
            (f"{_PKG_REL}/metadata/core-properties", "docProps/core.xml")]))
        self._zip.writestr("[Content_Types].xml", _content_types(count))
        self._zip.close()

    def abandon(self) -> None:
        """Stop writing after a failure; what was written is left for the caller to delete."""
        for closing in (self._part, self._zip):
            try:
                if closing is not None:
                    closing.close()
            except Exception:  # noqa: S110 - a full disk fails the close too; the file goes
                pass
        self._zip.fp = None  # nothing more is written through it, even when it is collected
        self._part = None

    def _flush(self) -> None:
        assert self._part is not None
        self._part.write("".join(self._pending).encode())
        self._pending = []

    def _end_sheet(self) -> None:
        if self._part is None:
            return
        ref = f"$A$1:${self._last_column}${self._row}"
        self._filters.append(ref)
        self._pending.append(f'</sheetData><autoFilter ref="{ref.replace("$", "")}"/>'
                             "</worksheet>")
        self._flush()
        self._part.close()
        self._part = None

    @staticmethod
    def _quoted_title(title: str) -> str:
        return "'" + title.replace("'", "''") + "'"


def _relations(targets: Sequence[tuple[str, str]]) -> str:
    return _HEAD + f'<Relationships xmlns="{_PKG_REL}">' + "".join(
        f'<Relationship Id="rId{n}" Type="{kind}" Target="{target}"/>'
        for n, (kind, target) in enumerate(targets, 1)) + "</Relationships>"


def _content_types(sheets: int) -> str:
    office = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    parts = "".join(f'<Override PartName="/xl/worksheets/sheet{n}.xml" '
                    f'ContentType="{office}.worksheet+xml"/>' for n in range(1, sheets + 1))
    return _HEAD + (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{office}.sheet.main+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{office}.styles+xml"/>'
        '<Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        f"{parts}</Types>")


def _core_properties() -> str:
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return _HEAD + (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<dc:creator>custgroups</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified>'
        "</cp:coreProperties>")
