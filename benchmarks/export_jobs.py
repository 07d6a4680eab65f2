"""What one bench_export worker process does: fetch the rows (untimed), then run one export,
ours, bare openpyxl, pandas or csv, recording its time and peak memory."""

from __future__ import annotations

import argparse
import cProfile
import csv
import gc
import json
import re
import resource
import sys
import time
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from custgroups.core import db
from custgroups.core.clock import local_time
from custgroups.core.groups import GroupQuery, iter_groups, member_rows, members_of_groups
from custgroups.core.sheets.export import GROUPS_SHEET, MEMBERS_SHEET, export_groups
from custgroups.core.sheets.writing import EXCEL_MAX_ROWS, SheetSpec

CURVE_POINTS = (0.1, 0.25, 0.5, 0.75, 1.0)
WORKER_KINDS = (
    "ours-xlsx-groups", "bare-xlsx-groups", "pandas-xlsx-groups",
    "ours-xlsx-members", "bare-xlsx-members", "pandas-xlsx-members",
    "xlsxwriter-xlsx-members", "rust-xlsx-members",
    "ours-csv-members", "bare-csv-members",
)


def vm_hwm_mb() -> float | None:
    """Linux's own peak resident size of this process image, to cross-check ru_maxrss."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return None
    match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return int(match.group(1)) / 2**10 if match else None


def max_rss_mb() -> float:
    """This process's peak resident memory so far (kB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10


# --- the rows, fetched before the clock starts (bare and pandas) ------------------------


def _status(active: bool) -> str:
    return "Active" if active else "Inactive"


@db.reads
def fetch_groups() -> tuple[list[tuple[Any, ...]], list[tuple[int, str, str]]]:
    """The 9 cell values of every group row, exactly as export_groups writes them."""
    rows: list[tuple[Any, ...]] = []
    listed: list[tuple[int, str, str]] = []
    with db.snapshot():
        for g in iter_groups(GroupQuery()):
            rows.append((g.code, g.name, g.description, _status(g.active), g.member_count,
                         local_time(g.created_at), g.created_by, local_time(g.updated_at),
                         g.updated_by))
            listed.append((g.id, g.code, g.name))
    return rows, listed


@db.reads
def fetch_members(listed: Sequence[tuple[int, str, str]]) -> list[tuple[Any, ...]]:
    """The 6 cell values of every member row, in export order."""
    rows: list[tuple[Any, ...]] = []
    with db.snapshot():
        for group_id, code, name in listed:
            rows.extend((code, name, customer_code, customer_name, city, _status(active))
                        for customer_code, customer_name, city, active in member_rows(group_id))
    return rows


def streamed_members(listed: Sequence[tuple[int, str, str, int]]
                     ) -> Iterator[tuple[Any, ...]]:
    """The member rows as the export reads them (one streamed query per run of groups), for
    a floor that pays for the same reading; on the caller's connection."""
    for place, customer_code, customer_name, city, active in members_of_groups(
            [(group_id, count) for group_id, _code, _name, count in listed]):
        _id, code, name, _count = listed[place]
        yield (code, name, customer_code, customer_name, city, _status(active))


# --- the timed jobs ---------------------------------------------------------------------


@dataclass
class RssSampler:
    """A progress callback that records the memory high-water mark against rows done."""

    samples: list[tuple[int, float]] = field(default_factory=list)
    total: int = 0
    _last: float = -1.0

    def __call__(self, done: int, total: int) -> None:
        self.total = max(self.total, total)
        peak = max_rss_mb()
        if peak != self._last:
            self.samples.append((done, peak))
            self._last = peak

    def curve(self) -> list[tuple[float, float]]:
        """The high-water mark (MB) when each share of ``CURVE_POINTS`` of the rows was done."""
        out = []
        for share in CURVE_POINTS:
            upto = [mb for done, mb in self.samples if done <= share * self.total]
            out.append((share, max(upto) if upto else 0.0))
        return out


def bare_xlsx(target: Path, sheets: Sequence[tuple[SheetSpec, Sequence[tuple[Any, ...]]]]
              ) -> tuple[int, ...]:
    """The bare loop: write-only workbook, one append per row, a new sheet at Excel's limit."""
    book = Workbook(write_only=True)
    counts = []
    for spec, rows in sheets:
        headings = [column.heading for column in spec.columns]
        part, sheet, used = 1, book.create_sheet(spec.title), 1
        sheet.append(headings)
        for row in rows:
            if used >= EXCEL_MAX_ROWS:
                part += 1
                sheet, used = book.create_sheet(f"{spec.title[:26]} ({part})"), 1
                sheet.append(headings)
            sheet.append(row)
            used += 1
        counts.append(len(rows))
    book.save(target)
    return tuple(counts)


def split_sheets(sheets: Sequence[tuple[SheetSpec, Sequence[tuple[Any, ...]]]]
                 ) -> Iterator[tuple[str, list[str], Sequence[tuple[Any, ...]]]]:
    """Each sheet's part as ours splits it at Excel's row limit: title, headings, rows."""
    for spec, rows in sheets:
        headings = [column.heading for column in spec.columns]
        limit = EXCEL_MAX_ROWS - 1
        for part, start in enumerate(range(0, max(len(rows), 1), limit), 1):
            title = spec.title if part == 1 else f"{spec.title[:26]} ({part})"
            yield title, headings, rows[start:start + limit]


def pandas_frames(sheets: Sequence[tuple[SheetSpec, Sequence[tuple[Any, ...]]]]
                  ) -> list[tuple[str, Any]]:
    """One DataFrame per sheet part (not timed)."""
    import pandas as pd

    return [(title, pd.DataFrame(list(rows), columns=headings))
            for title, headings, rows in split_sheets(sheets)]


def pandas_xlsx(target: Path, frames: Sequence[tuple[str, Any]]) -> tuple[int, ...]:
    import pandas as pd

    with pd.ExcelWriter(target, engine="openpyxl") as writer:
        for title, frame in frames:
            frame.to_excel(writer, sheet_name=title, index=False)
    return tuple(len(frame) for _title, frame in frames)


def bare_csv(target: Path, sheets: Sequence[tuple[SheetSpec, Collection[tuple[Any, ...]]]]
             ) -> tuple[int, ...]:
    """csv.writer over the same rows, one file per sheet, named as ours names them."""
    counts = []
    for index, (spec, rows) in enumerate(sheets):
        path = target if index == 0 else target.with_name(
            f"{target.stem}-{spec.title.lower()}{target.suffix}")
        with open(path, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow([column.heading for column in spec.columns])
            writer.writerows(rows)
        counts.append(len(rows))  # (a _Counted knows its length once read)
    return tuple(counts)


@db.reads
def csv_floor(target: Path) -> tuple[int, ...]:
    """The csv floor: the same reads as ours (groups, then members streamed as ours streams
    them) written by a bare csv.writer, with no per-cell check and no progress."""
    with db.snapshot():
        group_rows, listed = [], []
        for g in iter_groups(GroupQuery()):
            group_rows.append((g.code, g.name, g.description, _status(g.active),
                               g.member_count, local_time(g.created_at), g.created_by,
                               local_time(g.updated_at), g.updated_by))
            listed.append((g.id, g.code, g.name, g.member_count))
        counter = _Counted(streamed_members(listed))
        bare_csv(target, [(GROUPS_SHEET, group_rows), (MEMBERS_SHEET, counter)])
    return (len(group_rows), len(counter))


@dataclass
class _Counted:
    """Rows passed on one by one, counted."""

    rows: Iterator[tuple[Any, ...]]
    count: int = 0

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        for row in self.rows:
            self.count += 1
            yield row

    def __len__(self) -> int:
        return self.count

    def __contains__(self, row: object) -> bool:
        raise NotImplementedError  # a Collection only for bare_csv's len


def xlsxwriter_xlsx(target: Path, sheets: Sequence[tuple[SheetSpec, Sequence[tuple[Any, ...]]]]
                    ) -> tuple[int, ...]:
    """xlsxwriter in constant_memory mode (each row flushed as the next begins): bold frozen
    header, widths, autofilter, one write_row per row, a new sheet at Excel's limit."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(target), {"constant_memory": True,
                                             "default_date_format": "yyyy-mm-dd hh:mm:ss",
                                             "strings_to_formulas": False})
    bold = book.add_format({"bold": True, "bg_color": "#DDE5F0"})
    counts = []
    for spec, rows in sheets:
        part, used, sheet = 1, 0, None
        for row in [None, *rows]:
            if sheet is None or used >= EXCEL_MAX_ROWS:
                title = spec.title if part == 1 else f"{spec.title[:26]} ({part})"
                sheet, used, part = book.add_worksheet(title), 1, part + 1
                sheet.freeze_panes(1, 0)
                for n, column in enumerate(spec.columns):
                    sheet.set_column(n, n, column.width)
                sheet.write_row(0, 0, [column.heading for column in spec.columns], bold)
                sheet.autofilter(0, 0, 0, len(spec.columns) - 1)
                if row is None:
                    continue
            sheet.write_row(used, 0, row)
            used += 1
        counts.append(len(rows))
    book.close()
    return tuple(counts)


def rust_xlsx(target: Path, sheets: Sequence[tuple[str, list[dict[str, Any]]]]
              ) -> tuple[int, ...]:
    """rustpy-xlsxwriter (Rust's rust_xlsxwriter): every sheet's records handed over at once,
    bold frozen header and autofilter."""
    from rustpy_xlsxwriter import write_worksheets

    titles = [title for title, _records in sheets]
    write_worksheets(list(sheets), str(target), bold_headers=True,
                     freeze_panes={title: {"row": 1, "col": 0} for title in titles},
                     autofilter={title: True for title in titles})
    return tuple(len(records) for _title, records in sheets)


def prepare_job(kind: str, target: Path, sampler: RssSampler | None
                ) -> Callable[[], tuple[int, ...]]:
    """The timed callable for one worker kind; everything it needs is fetched here, untimed."""
    side, _fmt, scope = kind.split("-")
    members = scope == "members"
    if kind == "bare-csv-members":
        return lambda: csv_floor(target)
    if side == "ours":
        extra: dict[str, Any] = {"progress": sampler} if sampler is not None else {}

        def ours() -> tuple[int, ...]:
            result = export_groups(target, GroupQuery(), members=members, **extra)
            return (result.groups, result.members)
        return ours
    group_values, listed = fetch_groups()
    sheets: list[tuple[SheetSpec, Sequence[tuple[Any, ...]]]] = [(GROUPS_SHEET, group_values)]
    if members:
        sheets.append((MEMBERS_SHEET, fetch_members(listed)))
    if side == "pandas":
        frames = pandas_frames(sheets)
        return lambda: pandas_xlsx(target, frames)
    if side == "xlsxwriter":
        return lambda: xlsxwriter_xlsx(target, sheets)
    if side == "rust":
        records = rust_records(sheets)
        return lambda: rust_xlsx(target, records)
    return lambda: bare_xlsx(target, sheets)


def rust_records(sheets: Sequence[tuple[SheetSpec, Sequence[tuple[Any, ...]]]]
                 ) -> list[tuple[str, list[dict[str, Any]]]]:
    """The rows as the records the Rust writer takes, one list per sheet part (untimed)."""
    return [(title, [dict(zip(headings, row, strict=True)) for row in rows])
            for title, headings, rows in split_sheets(sheets)]


def worker(args: argparse.Namespace) -> int:
    """One measured run: open, fetch (untimed), note the baseline, run, report JSON."""
    kind, target = args.worker, args.target.resolve()
    db.open_database("sqlite:///" + args.db.resolve().as_posix())
    profiling = args.profile_out is not None
    sampler = None if profiling or not kind.startswith("ours") else RssSampler()
    job = prepare_job(kind, target, sampler)
    gc.collect()
    baseline = max_rss_mb()
    if profiling:
        profiler = cProfile.Profile()
        start = time.perf_counter()
        rows = profiler.runcall(job)
        elapsed = time.perf_counter() - start
        profiler.dump_stats(str(args.profile_out))
    else:
        start = time.perf_counter()
        rows = job()
        elapsed = time.perf_counter() - start
    report = {"kind": kind, "seconds": elapsed, "baseline_mb": baseline,
              "peak_mb": max_rss_mb(), "hwm_mb": vm_hwm_mb(), "rows": list(rows),
              "curve": sampler.curve() if sampler is not None else []}
    db.close_database()
    print(json.dumps(report))
    return 0
