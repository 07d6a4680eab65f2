"""Writing workbooks (xlsx, streamed) and csv files to a temporary name, placed on success."""

from __future__ import annotations

import contextlib
import csv
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from custgroups.core.errors import ValidationError, tr
from custgroups.core.sheets.cells import csv_text, plain_csv_rows
from custgroups.core.sheets.placing import finish_pending, flush_to_disk, place, temporary_beside
from custgroups.core.sheets.xlsx import XlsxStream

#: Rows of a csv file checked as one string and written by one call.
_ROWS_CHECKED_TOGETHER = 500
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
    """A streamed workbook: bold frozen header, autofilter, widths; long sheets continue."""

    max_rows = EXCEL_MAX_ROWS

    def __init__(self, path: Path) -> None:
        self.path = path
        self._temp = temporary_beside(path, ".xlsx")
        self._handle: IO[bytes] | None = None
        self._book: XlsxStream | None = None
        self._spec: SheetSpec | None = None
        self._part = 0

    @property
    def paths(self) -> tuple[Path, ...]:
        """The files this writer produces."""
        return (self.path,)

    def start_sheet(self, spec: SheetSpec) -> None:
        """Begin a new sheet with its header row."""
        if self._book is None:
            # Written straight into a hidden file beside the target: an export killed
            # mid-way leaves only that, where the next export sweeps it up.
            self._handle = open(self._temp, "xb")  # noqa: SIM115 - closed in commit/discard
            self._book = XlsxStream(self._handle)
        self._spec, self._part = spec, 1
        self._open_sheet(spec.title)

    def _open_sheet(self, title: str) -> None:
        assert self._book is not None and self._spec is not None
        columns = self._spec.columns
        self._book.start_sheet(title, [c.heading for c in columns], [c.width for c in columns])

    def write(self, values: Sequence[Any], check_from: int = 0) -> None:
        """Append one row; text that needs care is written as quoted text.

        Values before ``check_from`` are known to be plain already (a caller repeating the
        same checked values on many rows need not have them checked again).
        """
        assert self._book is not None and self._spec is not None
        if self._book.rows >= self.max_rows:
            self._part += 1
            self._open_sheet(f"{self._spec.title[:26]} ({self._part})")
        self._book.write(values, check_from)

    def commit(self) -> None:
        """Finish the workbook, flush it to the disk and put it under its name in one step."""
        if self._book is None:
            self.start_sheet(SheetSpec("Sheet", ()))
        assert self._book is not None and self._handle is not None
        with self._handle:  # closed before any clean-up, even on error
            self._book.close()
            flush_to_disk(self._handle)
        place([(self._temp, self.path)])

    def discard(self) -> None:
        """Throw the unfinished workbook away; the target name is left as it was."""
        if self._book is not None:
            self._book.abandon()
        if self._handle is not None:
            with contextlib.suppress(OSError):
                self._handle.close()
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
        self._waiting: list[Sequence[Any]] = []  # rows checked and written together

    @property
    def paths(self) -> tuple[Path, ...]:
        """The files this writer produces."""
        return tuple(target for target, _temp, _handle in self._files)

    def start_sheet(self, spec: SheetSpec) -> None:
        """Begin the next file with its header row."""
        self._write_waiting()
        target = self.path if not self._files else self.path.with_name(
            f"{self.path.stem}-{spec.title.lower().replace(' ', '-')}{self.path.suffix}")
        temp = temporary_beside(target, ".csv")
        handle = open(temp, "x", encoding="utf-8-sig", newline="")  # noqa: SIM115
        self._files.append((target, temp, handle))
        self._writer = csv.writer(handle, delimiter=self.delimiter)
        self._writer.writerow([column.heading for column in spec.columns])

    def write(self, values: Sequence[Any], check_from: int = 0) -> None:
        """Append one row. Rows wait in batches, checked together as one string and written
        by one call when all are plain text (nearly always); ``check_from`` is not needed."""
        self._waiting.append(values)
        if len(self._waiting) >= _ROWS_CHECKED_TOGETHER:
            self._write_waiting()

    def _write_waiting(self) -> None:
        rows, self._waiting = self._waiting, []
        if not rows:
            return
        if plain_csv_rows(rows):
            self._writer.writerows(rows)
            return
        for values in rows:
            self._writer.writerow(values if plain_csv_rows((values,))
                                  else list(map(_csv_value, values)))

    def commit(self) -> None:
        """Flush every file to the disk and put each under its name: all of them, or none."""
        self._write_waiting()
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
