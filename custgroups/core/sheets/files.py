"""Where every reading of a clerk's file starts: the sheets of a workbook (xlsx, xls, ods) or
the single table of a csv file, streamed row by row as text."""

from __future__ import annotations

import gc
import threading
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
    with _collector_paused(), _sheets(path) as sheets:
        yield sheets


@contextmanager
def _sheets(path: Path) -> Iterator[list[Sheet]]:
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


class _CollectorPause:
    """Python's cycle collector waits while a file is read: a read makes hundreds of
    thousands of rows and cells, none in a cycle, and each full collection would walk them
    all (a tenth of a 200,000-row import's time). Reads in several threads share the pause;
    the collector runs again after the last, if it ran before the first."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._reads = 0
        self._was_enabled = False

    @contextmanager
    def __call__(self) -> Iterator[None]:
        with self._lock:
            if self._reads == 0:
                self._was_enabled = gc.isenabled()
                gc.disable()
            self._reads += 1
        try:
            yield
        finally:
            with self._lock:
                self._reads -= 1
                if self._reads == 0 and self._was_enabled:
                    gc.enable()


_collector_paused = _CollectorPause()
