"""Exporting groups, their members, their history and lists of customers to xlsx or csv."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from custgroups.core import db
from custgroups.core.clock import local_time
from custgroups.core.customer_grid import Grid
from custgroups.core.customers import CustomerRef
from custgroups.core.db.failures import is_disk_full
from custgroups.core.errors import ValidationError, tr
from custgroups.core.groups import (
    GroupQuery,
    count_matching,
    iter_groups,
    member_rows,
    members_of_groups,
)
from custgroups.core.history import HistoryEntry, iter_history
from custgroups.core.progress import ProgressFn, no_progress
from custgroups.core.sheets.cells import MAX_CELL_TEXT, needs_care
from custgroups.core.sheets.placing import target_name
from custgroups.core.sheets.writing import Column, CsvWriter, SheetSpec, XlsxWriter, open_writer
from custgroups.core.wording import history_change

GROUPS_SHEET = SheetSpec("Groups", (
    Column("Code", 13), Column("Name", 34), Column("Description", 50), Column("Status", 10),
    Column("No. of Customers", 17), Column("Created", 19), Column("Created by", 16),
    Column("Last updated", 19), Column("Last updated by", 16),
))
MEMBERS_SHEET = SheetSpec("Members", (
    Column("Group code", 13), Column("Group name", 34), Column("Customer code", 15),
    Column("Customer name", 34), Column("City", 18), Column("Status", 10),
))
HISTORY_SHEET = SheetSpec("History", (
    Column("When", 19), Column("Who", 16), Column("Group code", 13), Column("Group name", 34),
    Column("What", 40), Column("Customer codes", 60),
))
_PROGRESS_EVERY = 1000
#: Windows' error for a file another program holds open (Excel holds every file it shows).
_SHARING_VIOLATION = 32


def _status(active: bool) -> str:
    return "Active" if active else "Inactive"


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote and where."""

    paths: tuple[Path, ...]
    groups: int = 0
    members: int = 0
    history_entries: int = 0


@db.reads
def export_groups(path: Path, query: GroupQuery, members: bool = False,
                  progress: ProgressFn = no_progress, delimiter: str = ",") -> ExportResult:
    """Write every group the filter matches, in its sort order, and optionally their members.

    The file appears under its name only when complete: a cancelled (progress raised
    :class:`~custgroups.core.errors.Cancelled`) or failed export leaves nothing there.
    """
    path = Path(path)
    writer = open_writer(path, delimiter)
    try:
        with _file_errors(path), db.snapshot():
            result = _write_groups(writer, query, members, progress)
        with _file_errors(path):
            writer.commit()
    except BaseException:
        writer.discard()
        raise
    return result


def export_groups_apart(path: Path, query: GroupQuery, members: bool = False,
                        progress: ProgressFn = no_progress, delimiter: str = ",") -> ExportResult:
    """:func:`export_groups`; with the members (millions of rows, it may be) in a process of
    its own (:mod:`custgroups.core.apart`), so a window never waits for the interpreter while
    the rows are written."""
    if not members:
        return export_groups(path, query, members, progress, delimiter)
    from custgroups.core.apart import run_apart

    result: ExportResult = run_apart(f"{__name__}:export_groups", Path(path), query, True,
                                     progress=progress, delimiter=delimiter)
    return result


@contextmanager
def _file_errors(path: Path) -> Iterator[None]:
    """A failure to write the file, said as such (not blamed on the database)."""
    try:
        yield
    except OSError as exc:
        failed = exc.filename2 or exc.filename  # a rename's target, or the file being written
        name = target_name(failed) if failed else path.name
        if is_disk_full(exc):
            raise ValidationError("file", tr("{file} could not be written: the disk holding "
                                             "{folder} is full. Free some space and export "
                                             "again; nothing was saved there.",
                                             file=name, folder=str(path.parent))) from exc
        if getattr(exc, "winerror", None) == _SHARING_VIOLATION:
            raise ValidationError("file", tr("{file} is open in another program (Excel?), so "
                                             "the export could not replace it. Close it there "
                                             "and export again; nothing was changed.",
                                             file=name)) from exc
        raise ValidationError("file", tr("{file} could not be written in {folder}: {reason}. "
                                         "Nothing was saved there.", file=name,
                                         folder=str(path.parent),
                                         reason=str(exc.strerror or exc))) from exc


def _write_groups(writer: XlsxWriter | CsvWriter, query: GroupQuery, members: bool,
                  progress: ProgressFn) -> ExportResult:
    total_groups = count_matching(query)
    listed: list[tuple[int, int]] = []  # per group: id, members
    heads: list[tuple[str, str, int]] = []  # per group: code, name, where checking starts
    written_groups = members_total = 0
    writer.start_sheet(GROUPS_SHEET)
    for group in iter_groups(query):
        writer.write((group.code, group.name, group.description, _status(group.active),
                      group.member_count, local_time(group.created_at), group.created_by,
                      local_time(group.updated_at), group.updated_by))
        written_groups += 1
        if members:  # kept only when a second pass needs them
            listed.append((group.id, group.member_count))
            # The group's code and name repeat on each of its rows: check them once.
            heads.append((group.code, group.name,
                          0 if needs_care(group.code) or needs_care(group.name) else 2))
            members_total += group.member_count
        if written_groups % _PROGRESS_EVERY == 0:
            progress(written_groups, total_groups)
    total = written_groups + members_total
    progress(written_groups, total)
    written = 0
    if members:
        writer.start_sheet(MEMBERS_SHEET)
        write = writer.write
        for place, customer_code, customer_name, city, active in members_of_groups(listed):
            code, name, check_from = heads[place]
            write((code, name, customer_code, customer_name, city, _status(active)), check_from)
            written += 1
            if written % _PROGRESS_EVERY == 0:
                progress(written_groups + written, total)
        progress(written_groups + written, max(total, written_groups + written))
    return ExportResult(writer.paths, written_groups, written)


@db.reads
def export_history(path: Path, group_id: int | None = None,
                   progress: ProgressFn = no_progress,
                   describe: Callable[[HistoryEntry], str] = history_change,
                   delimiter: str = ",") -> ExportResult:
    """Write the history of one group, or of every group, oldest first; ``describe`` words
    each change (plain English unless the caller words it in the clerk's language)."""
    def entries(xlsx: bool) -> Iterator[list[tuple[Any, ...]]]:
        for entry in iter_history(group_id):
            yield list(_history_rows(entry, describe(entry), xlsx))

    paths, count = _one_sheet(path, HISTORY_SHEET, entries, progress, delimiter=delimiter)
    return ExportResult(paths, history_entries=count)


def _one_sheet(path: Path, sheet: SheetSpec,
               units: Callable[[bool], Iterable[Sequence[tuple[Any, ...]]]],
               progress: ProgressFn, total: int = 0, reads: bool = True,
               delimiter: str = ",") -> tuple[tuple[Path, ...], int]:
    """Write a file of one sheet from ``units(xlsx)``: each unit (a history entry, a
    customer) gives its rows. Read in one snapshot unless ``reads`` is False; the file
    appears only when complete. Its paths, and how many units were written."""
    path = Path(path)
    writer = open_writer(path, delimiter)
    try:
        with _file_errors(path), db.snapshot() if reads else nullcontext():
            writer.start_sheet(sheet)
            count = 0
            for count, rows in enumerate(units(isinstance(writer, XlsxWriter)), 1):
                for row in rows:
                    writer.write(row)
                if count % _PROGRESS_EVERY == 0:
                    progress(count, total)
            progress(count, count)
        with _file_errors(path):
            writer.commit()
    except BaseException:
        writer.discard()
        raise
    return writer.paths, count


def _history_rows(entry: HistoryEntry, what: str, cell_limit: bool
                  ) -> Iterator[tuple[Any, ...]]:
    """One row per event; in xlsx, codes that overflow a cell continue on following rows."""
    head = (local_time(entry.at), entry.by, entry.group_code, entry.group_name)
    if not cell_limit:
        yield (*head, what, ", ".join(entry.codes))
        return
    chunks = list(_code_chunks(entry.codes, MAX_CELL_TEXT - 100)) or [""]
    for index, chunk in enumerate(chunks):
        yield (*head, what if index == 0 else f"{what} (continued)", chunk)


def _code_chunks(codes: tuple[str, ...], limit: int) -> Iterator[str]:
    chunk: list[str] = []
    size = 0
    for code in codes:
        if chunk and size + len(code) + 2 > limit:
            yield ", ".join(chunk)
            chunk, size = [], 0
        chunk.append(code)
        size += len(code) + 2
    if chunk:
        yield ", ".join(chunk)


CUSTOMERS_SHEET = SheetSpec("Customers", (
    Column("Customer code", 15), Column("Customer name", 40), Column("Status", 10),
))


def export_customers(path: Path, customers: Sequence[CustomerRef],
                     progress: ProgressFn = no_progress, delimiter: str = ",") -> ExportResult:
    """Write a list of customers already read (a region of a comparison, say)."""
    paths, _count = _one_sheet(path, CUSTOMERS_SHEET, lambda _xlsx: (
        [(c.code, c.name, _status(c.active))] for c in customers), progress, len(customers),
        reads=False, delimiter=delimiter)
    return ExportResult(paths)


def export_grid(path: Path, grid: Grid, customers: Sequence[CustomerRef],
                progress: ProgressFn = no_progress, delimiter: str = ",") -> ExportResult:
    """Write pasted customers against the grid's groups as read: a column per group, "yes"
    where the group holds the customer."""
    sheet = SheetSpec("Customers and groups", CUSTOMERS_SHEET.columns + tuple(
        Column(f"{g.code} {g.name}", 16) for g in grid.groups))
    paths, _count = _one_sheet(path, sheet, lambda _xlsx: (
        [(c.code, c.name, _status(c.active),
          *("yes" if grid.holds(c.id, g.id) else "" for g in grid.groups))]
        for c in customers), progress, len(customers), reads=False, delimiter=delimiter)
    return ExportResult(paths)


GROUP_MEMBERS_SHEET = SheetSpec("Members", (
    Column("Customer code", 15), Column("Customer name", 40), Column("City", 18),
    Column("Status", 10),
))


@db.reads
def export_members(path: Path, group_id: int, progress: ProgressFn = no_progress,
                   delimiter: str = ",") -> ExportResult:
    """Write one group's members, by code."""
    paths, count = _one_sheet(path, GROUP_MEMBERS_SHEET, lambda _xlsx: (
        [(code, name, city, _status(active))] for code, name, city, active
        in member_rows(group_id)), progress, delimiter=delimiter)
    return ExportResult(paths, members=count)
