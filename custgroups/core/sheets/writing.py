"""Writing workbooks (xlsx, write-only) and csv files to a temporary name, placed on success."""

from __future__ import annotations

import contextlib
import csv
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._writer import ALL_TEMP_FILES, WorksheetWriter
from openpyxl.writer.excel import ExcelWriter

from custgroups.core.errors import ValidationError, tr
from custgroups.core.sheets.cells import csv_text, fit_text, needs_care
from custgroups.core.sheets.placing import finish_pending, flush_to_disk, place, temporary_beside

#: Rows in one Excel sheet, header included.
EXCEL_MAX_ROWS = 1_048_576
FORMATS = (".xlsx", ".csv")


@dataclass(frozen=True)
class Column:
    """One column of a sheet: its heading and its width in characters."""

    heading: str
    width: float = 14


@dataclass(frozen=True)
class SheetSpec:
    """A sheet's title and columns."""

    title: str
    columns: tuple[Column, ...]


def check_target(path: Path) -> None:
    """Refuse a target the clerk cannot have meant: unknown format, missing folder, a folder."""
    if path.suffix.lower() not in FORMATS:
        raise ValidationError("file", tr("Export to a file ending in .xlsx or .csv, not "
                                         "'{ending}'.", ending=path.suffix or path.name))
    if not path.parent.is_dir():
        raise ValidationError("file", tr("The folder {folder} does not exist.",
                                         folder=str(path.parent)))
    if path.is_dir():
        raise ValidationError("file", tr("{path} is a folder.", path=str(path)))


class XlsxWriter:
    """A write-only workbook: bold frozen header, autofilter, widths; long sheets continue."""

    max_rows = EXCEL_MAX_ROWS

    def __init__(self, path: Path) -> None:
        self.path = path
        self._temp = temporary_beside(path, ".xlsx")
        self._book = Workbook(write_only=True)
        self._sheet: Any = None
        self._spec: SheetSpec | None = None
        self._rows = 0
        self._part = 0
        self._quoted_style: dict[str, Any] = {}

    @property
    def paths(self) -> tuple[Path, ...]:
        """The files this writer produces."""
        return (self.path,)

    def start_sheet(self, spec: SheetSpec) -> None:
        """Begin a new sheet with its header row."""
        self._close_sheet()
        self._spec, self._part = spec, 1
        self._open_sheet(spec.title)

    def _open_sheet(self, title: str) -> None:
        assert self._spec is not None
        sheet = self._book.create_sheet(title[:31])
        sheet.freeze_panes = "A2"  # the pane and the widths go into the sheet's top
        for index, column in enumerate(self._spec.columns, 1):
            sheet.column_dimensions[get_column_letter(index)].width = column.width
        # The sheet's rows wait in a hidden file beside the target, not in the system's temp
        # folder: an export killed mid-way leaves them where the next export sweeps them up.
        out = str(temporary_beside(self.path, ".sheet"))
        ALL_TEMP_FILES.append(out)  # openpyxl removes it when the sheet is saved or dropped
        sheet._writer = WorksheetWriter(sheet, out=out)
        sheet._writer.write_top()
        header = []
        bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE5F0")
        for column in self._spec.columns:
            cell = WriteOnlyCell(sheet, value=column.heading)
            cell.font, cell.fill = bold, fill
            cell.alignment = Alignment(vertical="center")
            header.append(cell)
        sheet.append(header)
        self._sheet, self._rows = sheet, 1

    def _close_sheet(self) -> None:
        if self._sheet is not None and self._spec is not None:
            last = get_column_letter(len(self._spec.columns))
            self._sheet.auto_filter.ref = f"A1:{last}{self._rows}"

    def write(self, values: Sequence[Any], check_from: int = 0) -> None:
        """Append one row; text that needs care is written as quoted text.

        Values before ``check_from`` are known to be plain already (a caller repeating the
        same checked values on many rows need not have them checked again).
        """
        if self._rows >= self.max_rows:
            assert self._spec is not None
            self._close_sheet()
            self._part += 1
            self._open_sheet(f"{self._spec.title[:26]} ({self._part})")
        row = list(values)
        for index in range(check_from, len(row)):
            value = row[index]
            if value.__class__ is str and needs_care(value):
                row[index] = self._as_text(fit_text(value))
        self._sheet.append(row)
        self._rows += 1

    def _as_text(self, text: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(self._sheet, value=text)
        # Stored as a string with Excel's quote prefix: shown as typed, never evaluated,
        # and still text if someone edits the cell.
        cell.data_type = "s"
        cell.quotePrefix = True
        return cell

    def commit(self) -> None:
        """Finish the workbook, flush it to the disk and put it under its name in one step."""
        self._close_sheet()
        with open(self._temp, "xb") as handle:  # closed before any clean-up, even on error
            _save_workbook(self._book, handle)
            flush_to_disk(handle)
        place([(self._temp, self.path)])

    def discard(self) -> None:
        """Throw the unfinished workbook away; the target name is left as it was."""
        # Close openpyxl's per-sheet streams and remove their temporary files; left to the
        # garbage collector they would write into files already closed.
        for sheet in self._book.worksheets:
            with contextlib.suppress(Exception):
                if sheet._rows is not None:
                    sheet._rows.close()
            with contextlib.suppress(Exception):
                if sheet._writer is not None:
                    sheet._writer.close()
                    sheet._writer.cleanup()
        with contextlib.suppress(OSError):
            self._temp.unlink(missing_ok=True)


class CsvWriter:
    """csv files in UTF-8 with a byte-order mark (so Excel reads accents right), one per sheet.

    The first sheet goes to the named file; each further sheet to a file beside it named
    after the sheet, e.g. ``groups-members.csv``.
    """

    def __init__(self, path: Path, delimiter: str = ",") -> None:
        self.path = path
        self.delimiter = delimiter  # ";" where the decimal point is a comma (de, fr, nl)
        self._files: list[tuple[Path, Path, IO[str]]] = []
        self._writer: Any = None

    @property
    def paths(self) -> tuple[Path, ...]:
        """The files this writer produces."""
        return tuple(target for target, _temp, _handle in self._files)

    def start_sheet(self, spec: SheetSpec) -> None:
        """Begin the next file with its header row."""
        target = self.path if not self._files else self.path.with_name(
            f"{self.path.stem}-{spec.title.lower().replace(' ', '-')}{self.path.suffix}")
        temp = temporary_beside(target, ".csv")
        handle = open(temp, "x", encoding="utf-8-sig", newline="")  # noqa: SIM115
        self._files.append((target, temp, handle))
        self._writer = csv.writer(handle, delimiter=self.delimiter)
        self._writer.writerow([column.heading for column in spec.columns])

    def write(self, values: Sequence[Any], check_from: int = 0) -> None:
        """Append one row; values before ``check_from`` are known to need no care."""
        self._writer.writerow([*values[:check_from], *map(_csv_value, values[check_from:])])

    def commit(self) -> None:
        """Flush every file to the disk and put each under its name: all of them, or none."""
        for _target, _temp, handle in self._files:
            flush_to_disk(handle)
            handle.close()
        place([(temp, target) for target, temp, _handle in self._files])

    def discard(self) -> None:
        """Throw every unfinished file away (even one whose closing failed: a full disk)."""
        for _target, temp, handle in self._files:
            with contextlib.suppress(OSError, ValueError):
                handle.close()
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)


def _save_workbook(book: Workbook, handle: IO[bytes]) -> None:
    """``Workbook.save`` into an open file, leaving no half-closed archive behind a failure.

    On a full disk openpyxl's own save leaves its zip archive open; collected later, it
    would try to finish writing into a file already closed and print a traceback.
    """
    if not book.worksheets:
        book.create_sheet()
    archive = ZipFile(handle, "w", ZIP_DEFLATED, allowZip64=True)
    try:
        book.properties.modified = datetime.now(UTC).replace(tzinfo=None)
        ExcelWriter(book, archive).save()
    except BaseException:
        with contextlib.suppress(Exception):
            archive.close()
        archive.fp = None  # closed or not, nothing more is to be written through it
        raise


def _csv_value(value: Any) -> Any:
    if value.__class__ is str:
        return csv_text(value)
    if isinstance(value, datetime):
        return value.isoformat(" ")
    return value


def open_writer(path: Path, delimiter: str = ",") -> XlsxWriter | CsvWriter:
    """The writer for the target's format (by its suffix); csv cells are separated by
    ``delimiter``.

    An earlier export into the same folder that was stopped between the renames of a csv
    pair is finished first (see :mod:`custgroups.core.sheets.placing`).
    """
    check_target(path)
    finish_pending(path.parent)
    return XlsxWriter(path) if path.suffix.lower() == ".xlsx" else CsvWriter(path, delimiter)
