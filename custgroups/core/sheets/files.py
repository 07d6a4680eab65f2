"""Where every reading of a clerk's file starts: the sheets of a workbook (xlsx, xls, ods) or
the single table of a csv file, streamed row by row as text."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from custgroups.core.errors import tr
from custgroups.core.sheets import workbooks
from custgroups.core.sheets.reading import FileRefused, Sheet, csv_rows, file_kind


@contextmanager
def open_sheets(path: Path) -> Iterator[list[Sheet]]:
    """The file's sheets, each streamed row by row; a file that cannot or must not be read
    raises :class:`FileRefused`, saying why."""
    path = Path(path)
    try:
        kind = file_kind(path)
        if kind == "zip":
            kind = workbooks.check_zip(path)
        if kind == "csv":
            yield [Sheet(path.stem, csv_rows(path))]
        else:
            with workbooks.workbook_sheets(path, kind) as sheets:
                yield sheets
    except OSError as exc:
        raise FileRefused(path, tr("the file cannot be read ({reason}).",
                                   reason=str(exc.strerror or exc))) from None
