"""Benchmark the xlsx and csv exports at XL scale against a bare openpyxl write-only loop.

Reuses (or builds, with :func:`custgroups.core.demo.generate_demo`) the XL database that
``bench_data.py`` keeps in ``benchmarks/out/`` (200,000 customers, 20,000 groups,
2,000,000 memberships), then times, each run in a fresh subprocess so its peak memory
(``ru_maxrss``) belongs to that run alone:

* ours: :func:`custgroups.core.sheets.export.export_groups` to .xlsx, groups only and with the
  members sheet (2,000,000 rows, which continues on a second sheet past Excel's row limit);
* bare: ``Workbook(write_only=True)`` and ``ws.append(row)`` for the very same cell values,
  fetched into Python lists *before* the clock starts (with the package's own read functions,
  so the values are identical), then ``save``. The bare loop therefore pays for openpyxl only,
  while ours also pays for its SQL, its per-cell sanitising and its progress calls; the bare
  worker holds all 2,000,000 member rows in memory (about 700 MB);
* the peer: ``pandas.DataFrame.to_excel`` with the openpyxl engine on the same lists (the
  DataFrames are built before the clock starts); skipped when pandas is missing, and the
  2M-row run is stopped after ``--pandas-timeout`` seconds;
* the csv export of groups and members (timed only; a bare ``csv.writer`` for context).

Ours reports progress to a callback that records the memory high-water mark (one
``getrusage`` per 1,000 rows), so the report can show how memory grows as rows are written.
Workers are started through ``/bin/sh``, which forks them: Linux carries a process's
``ru_maxrss`` over ``fork`` and ``exec``, so a worker started straight from this (larger)
process would report this process's peak, not its own. ``VmHWM`` cross-checks it.

Before timing counts, the ours and bare workbooks are checked to hold the same sheets and
the same data rows (cell XML compared with style ids stripped).

Run::

    python benchmarks/bench_export.py                     # XL database in benchmarks/out/
    python benchmarks/bench_export.py --skip-members --repeat 5
    python benchmarks/bench_export.py --db /tmp/xl.db --profile

Not part of the test suite. Exits 1 when a target is missed; a missed time target is
followed by a cProfile of ours split into our SQL, our sanitising, our progress calls and
openpyxl (``--profile`` profiles every export, ``--no-profile`` none).
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import gc
import hashlib
import html
import io
import json
import os
import platform
import pstats
import re
import resource
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import time
import zipfile
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl import Workbook

from custgroups.core import db
from custgroups.core.customers import count_customers
from custgroups.core.demo import generate_demo
from custgroups.core.groups import GroupQuery, iter_groups, member_rows
from custgroups.core.sheets.export import GROUPS_SHEET, MEMBERS_SHEET, export_groups
from custgroups.core.sheets.writing import EXCEL_MAX_ROWS, SheetSpec

try:
    from custgroups.core.clock import local_time
except ImportError:  # before it moved beside utc_now
    from custgroups.core.sheets.cells import local_time  # type: ignore[attr-defined,no-redef]

OUT_DIR = Path(__file__).resolve().parent / "out"
GROUPS_RATIO = 1.2
MEMBERS_RATIO = 1.15
PEAK_LIMIT_MB = 120.0
# "Flat" memory: the 2M-member export may exceed the 20k-group export only by what does not
# grow with the row count: SQLite's page cache (cache_size = -32000, i.e. 32 MB, which only
# the member reads fill) and one group's member list (member_rows returns a list: measured
# 265 bytes a row, so the largest XL group of 55,100 rows holds 14 MB). Holding all 2M rows
# would take over 500 MB.
PAGE_CACHE_MB = 32.0
MEMBER_ROW_BYTES = 300
CURVE_POINTS = (0.1, 0.25, 0.5, 0.75, 1.0)
WORKER_KINDS = (
    "ours-xlsx-groups", "bare-xlsx-groups", "pandas-xlsx-groups",
    "ours-xlsx-members", "bare-xlsx-members", "pandas-xlsx-members",
    "ours-csv-members", "bare-csv-members",
)


# --- arguments and machine --------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, help="SQLite file to use (reused if it holds data)")
    parser.add_argument("--customers", type=int, default=200_000, help="size of a new database")
    parser.add_argument("--groups", type=int, default=20_000, help="size of a new database")
    parser.add_argument("--members-per-customer", type=float, default=10.0,
                        help="size of a new database")
    parser.add_argument("--repeat", type=int, default=3,
                        help="timed runs per side of the groups-only export (median)")
    parser.add_argument("--members-repeat", type=int, default=1,
                        help="timed runs per side of the exports with members (median)")
    parser.add_argument("--skip-members", action="store_true",
                        help="only the groups-only export (no 2M-row xlsx, pandas or csv)")
    parser.add_argument("--skip-pandas", action="store_true", help="no pandas peer")
    parser.add_argument("--pandas-timeout", type=float, default=600.0,
                        help="seconds before the 2M-row pandas run is stopped")
    profiling = parser.add_mutually_exclusive_group()
    profiling.add_argument("--profile", action="store_true",
                           help="cProfile ours for every xlsx export, not only on a miss")
    profiling.add_argument("--no-profile", action="store_true", help="never profile")
    parser.add_argument("--keep-files", action="store_true",
                        help="leave the exported files in benchmarks/out/export/")
    # Internal: one measured run in this (fresh) process.
    parser.add_argument("--worker", choices=WORKER_KINDS, help=argparse.SUPPRESS)
    parser.add_argument("--target", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--profile-out", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def default_path(args: argparse.Namespace) -> Path:
    """The same name bench_data.py gives its database, so either script reuses the other's."""
    return OUT_DIR / (f"bench-{args.customers}c-{args.groups}g-"
                      f"{args.members_per_customer:g}m.db")


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def machine_facts() -> list[tuple[str, str]]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    xml = "lxml" if openpyxl.LXML else f"et_xmlfile {_version('et_xmlfile')} (pure Python)"
    return [
        ("python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("openpyxl", f"{openpyxl.__version__} (XML via {xml})"),
        ("pandas", _version("pandas")),
        ("sqlite", sqlite3.sqlite_version),
        ("cpu", f"{cpu}, {os.cpu_count()} cpus"),
        ("ram", f"{ram:.0f} GB"),
        ("platform", platform.platform()),
    ]


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


# --- the database -----------------------------------------------------------------------


def prepare_database(args: argparse.Namespace, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    db.open_database("sqlite:///" + path.as_posix(), create=True)
    held = count_customers()
    if held:
        print(f"reusing {path} ({held:,} customers already there; build not timed)")
    else:
        print(f"building {path}: {args.customers:,} customers, {args.groups:,} groups, "
              f"{args.members_per_customer:g} memberships per customer ...", flush=True)
        start = time.perf_counter()
        result = generate_demo(args.customers, args.groups, args.members_per_customer)
        print(f"demo build: {time.perf_counter() - start:.1f} s "
              f"({result.memberships:,} memberships)")
    db.close_database()


def describe_database(path: Path) -> tuple[str, int, int, int]:
    conn = sqlite3.connect(str(path))
    try:
        customers = conn.execute("SELECT count(*) FROM customer").fetchone()[0]
        groups = conn.execute("SELECT count(*) FROM customer_group").fetchone()[0]
        members = conn.execute("SELECT count(*) FROM membership").fetchone()[0]
        largest = conn.execute("SELECT coalesce(max(member_count), 0) "
                               "FROM customer_group").fetchone()[0]
    finally:
        conn.close()
    text = (f"{customers:,} customers, {groups:,} groups, {members:,} memberships "
            f"(largest group {largest:,}), {path.stat().st_size / 1e6:,.0f} MB")
    return text, groups, members, largest


def warm_file_cache(path: Path) -> None:
    """Read the database once, so the first timed run does not pay for the disk."""
    with open(path, "rb") as handle:
        while handle.read(1 << 24):
            pass


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


def pandas_frames(sheets: Sequence[tuple[SheetSpec, Sequence[tuple[Any, ...]]]]
                  ) -> list[tuple[str, Any]]:
    """One DataFrame per sheet, split at Excel's row limit as ours splits (not timed)."""
    import pandas as pd

    frames = []
    for spec, rows in sheets:
        headings = [column.heading for column in spec.columns]
        limit = EXCEL_MAX_ROWS - 1
        for part, start in enumerate(range(0, max(len(rows), 1), limit), 1):
            title = spec.title if part == 1 else f"{spec.title[:26]} ({part})"
            frames.append((title, pd.DataFrame(list(rows[start:start + limit]),
                                               columns=headings)))
    return frames


def pandas_xlsx(target: Path, frames: Sequence[tuple[str, Any]]) -> tuple[int, ...]:
    import pandas as pd

    with pd.ExcelWriter(target, engine="openpyxl") as writer:
        for title, frame in frames:
            frame.to_excel(writer, sheet_name=title, index=False)
    return tuple(len(frame) for _title, frame in frames)


def bare_csv(target: Path, sheets: Sequence[tuple[SheetSpec, Sequence[tuple[Any, ...]]]]
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
        counts.append(len(rows))
    return tuple(counts)


def prepare_job(kind: str, target: Path, sampler: RssSampler | None
                ) -> Callable[[], tuple[int, ...]]:
    """The timed callable for one worker kind; everything it needs is fetched here, untimed."""
    side, _fmt, scope = kind.split("-")
    members = scope == "members"
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
    if kind.startswith("bare-csv"):
        return lambda: bare_csv(target, sheets)
    return lambda: bare_xlsx(target, sheets)


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


# --- running workers --------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """What one worker reported."""

    kind: str
    seconds: float
    baseline_mb: float
    peak_mb: float
    rows: tuple[int, ...]
    curve: tuple[tuple[float, float], ...] = ()
    hwm_mb: float | None = None


class Runner:
    """Starts workers on one database, each writing to its own file in ``out``."""

    def __init__(self, db_path: Path, out: Path) -> None:
        self.db_path, self.out = db_path, out

    def target(self, kind: str) -> Path:
        return self.out / f"{kind}.{'csv' if '-csv-' in kind else 'xlsx'}"

    def run(self, kind: str, timeout: float | None = None,
            profile_out: Path | None = None) -> Run | None:
        """One fresh process; None when it outlived ``timeout``."""
        for old in self.out.glob(f"{kind}*"):
            old.unlink()
        command = [sys.executable, str(Path(__file__).resolve()), "--worker", kind,
                   "--db", str(self.db_path), "--target", str(self.target(kind))]
        if profile_out is not None:
            command += ["--profile-out", str(profile_out)]
        if os.name == "posix" and Path("/bin/sh").exists():
            # The shell forks the worker (the "; exit" keeps it from exec-ing it), so the
            # worker's ru_maxrss starts from the shell's few MB, not from this process's peak.
            command = ["/bin/sh", "-c", '"$@"; exit $?', "sh", *command]
        with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, start_new_session=True) as process:
            try:
                stdout, stderr = process.communicate(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)  # the shell and the worker it started
                process.communicate()
                return None
        if process.returncode != 0:
            raise SystemExit(f"worker {kind} failed ({process.returncode}):\n{stderr}")
        report = json.loads(stdout.strip().splitlines()[-1])
        run = Run(kind, report["seconds"], report["baseline_mb"], report["peak_mb"],
                  tuple(report["rows"]), tuple(tuple(point) for point in report["curve"]),
                  report["hwm_mb"])
        hwm = f"   (VmHWM {run.hwm_mb:6.1f})" if run.hwm_mb is not None else ""
        print(f"  {kind:<22} {run.seconds:8.2f} s   baseline {run.baseline_mb:6.1f} MB   "
              f"peak {run.peak_mb:7.1f} MB{hwm}   rows {', '.join(f'{n:,}' for n in run.rows)}",
              flush=True)
        if run.hwm_mb is not None and abs(run.hwm_mb - run.peak_mb) > 2:
            print(f"  warning: ru_maxrss {run.peak_mb:.1f} MB and VmHWM {run.hwm_mb:.1f} MB "
                  "disagree; the memory figures may include another process's peak")
        return run


@dataclass(frozen=True)
class Pair:
    """Median seconds of ours and of the other side, and ours's highest-peak run."""

    ours_s: float
    other_s: float | None
    ours_peak: Run
    other_peak: Run | None
    timed_out: bool = False


def interleaved(runner: Runner, ours: str, other: str, repeat: int, warm_up: bool) -> Pair:
    """Runs of ours and the other side in turn (round 0 discarded when ``warm_up``)."""
    runs: dict[str, list[Run]] = {ours: [], other: []}
    for round_ in range(repeat + (1 if warm_up else 0)):
        for kind in (ours, other):
            run = runner.run(kind)
            assert run is not None
            if round_ or not warm_up:
                runs[kind].append(run)
    return Pair(statistics.median(r.seconds for r in runs[ours]),
                statistics.median(r.seconds for r in runs[other]),
                max(runs[ours], key=lambda r: r.peak_mb), max(runs[other], key=lambda r: r.peak_mb))


# --- checking that ours and bare wrote the same data ------------------------------------

_STYLE_ID = re.compile(rb' s="\d+"')
_SHEET_NAME = re.compile(r'<sheet name="([^"]*)"')


def xlsx_fingerprint(path: Path) -> list[tuple[str, int, str]]:
    """Per sheet: its name, data rows, and a hash of the data rows' XML without style ids.

    The header row (styled differently by design) and what follows the rows (autofilter,
    frozen panes, widths) are left out; every data cell's position, type and value count.
    """
    out = []
    with zipfile.ZipFile(path) as book:
        names = [html.unescape(n) for n in
                 _SHEET_NAME.findall(book.read("xl/workbook.xml").decode("utf-8"))]
        for index, name in enumerate(names, 1):
            digest, rows, started, buffer = hashlib.sha256(), 0, False, b""
            with book.open(f"xl/worksheets/sheet{index}.xml") as part:
                while chunk := part.read(1 << 22):
                    buffer += chunk
                    cut = buffer.rfind(b"</row>")
                    if cut < 0:
                        continue
                    cut += len(b"</row>")
                    whole, buffer = buffer[:cut], buffer[cut:]
                    if not started:
                        first = whole.find(b'<row r="2"')
                        if first < 0:
                            continue
                        whole, started = whole[first:], True
                    digest.update(_STYLE_ID.sub(b"", whole))
                    rows += whole.count(b"<row ")
            out.append((name, rows, digest.hexdigest()[:16]))
    return out


def check_same(runner: Runner, ours: str, bare: str) -> None:
    mine, theirs = xlsx_fingerprint(runner.target(ours)), xlsx_fingerprint(runner.target(bare))
    if mine != theirs:
        raise SystemExit(f"{ours} and {bare} wrote different data:\n  {mine}\n  {theirs}")
    print("  same data: " + "; ".join(f"{name} {rows:,} rows" for name, rows, _ in mine))


# --- profiling ----------------------------------------------------------------------------

SQL = "our SQL + row objects (groups.py, peewee, sqlite3)"
SANITISE = "our per-cell sanitising (XlsxWriter.write, needs_care, fit_text)"
CONVERT = "our value conversion (local_time, _status)"
PROGRESS = "our progress callbacks"
LOOP = "our export loop (_write_groups, sheet setup, commit)"
OPENPYXL = "openpyxl + et_xmlfile/XML + zip"
OTHER = "other"
CATEGORIES = (SQL, SANITISE, CONVERT, PROGRESS, LOOP, OPENPYXL, OTHER)


def _own_category(func: tuple[str, int, str]) -> str | None:
    """The category a function's own time belongs to, or None to ask its callers."""
    path, _line, name = func
    path = path.replace("\\", "/")
    if "/custgroups/" in path:
        module = path.rsplit("/custgroups/", 1)[1]
        if module in ("groups.py", "db.py", "models.py", "customers.py"):
            return SQL
        if module == "sheets/cells.py":
            return CONVERT if name == "local_time" else SANITISE
        if module == "sheets/writing.py":
            return SANITISE if name in ("write", "_as_text") else LOOP
        if module == "sheets/export.py":
            return CONVERT if name == "_status" else LOOP
        if module == "progress.py":
            return PROGRESS
        return OTHER
    if path.endswith("/peewee.py") or "/playhouse/" in path:
        return SQL
    if "/openpyxl/" in path or "/et_xmlfile/" in path:
        return OPENPYXL
    return None  # built-ins and standard library: charged to whoever called them


def breakdown(stats: pstats.Stats) -> dict[str, float]:
    """Own time per category; a function without one is shared among its callers by time."""
    table: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    memo: dict[Any, dict[str, float]] = {}

    def shares(func: Any, depth: int) -> dict[str, float]:
        if func in memo:
            return memo[func]
        own = _own_category(func)
        callers = table.get(func, (0, 0, 0.0, 0.0, {}))[4]
        if own is not None or not callers or depth > 30:
            memo[func] = {own or OTHER: 1.0}
            return memo[func]
        memo[func] = {OTHER: 1.0}  # breaks cycles while this one is resolved
        weights = {caller: edge[2] for caller, edge in callers.items()}
        total = sum(weights.values())
        result: dict[str, float] = defaultdict(float)
        for caller, weight in weights.items():
            share = weight / total if total > 0 else 1 / len(weights)
            for category, part in shares(caller, depth + 1).items():
                result[category] += share * part
        memo[func] = dict(result)
        return memo[func]

    totals: dict[str, float] = defaultdict(float)
    for func, (_cc, _nc, tottime, _ct, _callers) in table.items():
        for category, part in shares(func, 0).items():
            totals[category] += tottime * part
    return totals


def profile_export(runner: Runner, kind: str, plain_s: float) -> None:
    stats_path = runner.out / f"{kind}.pstats"
    print(f"\n  cProfile of {kind} (one run; profiling slows Python-heavy code the most) ...",
          flush=True)
    run = runner.run(kind, profile_out=stats_path)
    assert run is not None
    stats = pstats.Stats(str(stats_path))
    totals = breakdown(stats)
    profiled = sum(totals.values())
    print(f"    profiled {profiled:.1f} s (unprofiled run: {plain_s:.1f} s); own time by part:")
    for category in CATEGORIES:
        seconds = totals.get(category, 0.0)
        print(f"      {category:<62} {seconds:8.2f} s  {100 * seconds / profiled:5.1f} %")
    print("    top functions by own time:")
    text = io_capture(lambda out: pstats.Stats(str(stats_path), stream=out).strip_dirs()
                      .sort_stats("tottime").print_stats(14))
    body = text.split("ncalls", 1)
    print("      ncalls" + body[1].rstrip().replace("\n", "\n      ") if len(body) == 2 else text)


def io_capture(fn: Callable[[Any], Any]) -> str:
    out = io.StringIO()
    fn(out)
    return out.getvalue()


# --- report -----------------------------------------------------------------------------


@dataclass(frozen=True)
class TimeRow:
    """One timed comparison; ``max_ratio`` None for an informational row."""

    operation: str
    ours_s: float
    other_s: float | None
    other_label: str
    max_ratio: float | None
    peak_mb: float
    lower_bound: bool = False  # other_s is only how long it ran before it was stopped

    @property
    def ratio(self) -> float | None:
        return None if not self.other_s else self.ours_s / self.other_s

    @property
    def target(self) -> str:
        return f"≤ {self.max_ratio:g}× {self.other_label}" if self.max_ratio else "—"

    @property
    def result(self) -> str:
        if self.max_ratio is None or self.ratio is None:
            return "info"
        return "PASS" if self.ratio <= self.max_ratio else "MISS"

    def other_text(self) -> str:
        if self.other_s is None:
            return "skipped"
        return f"> {self.other_s:.1f}" if self.lower_bound else f"{self.other_s:.2f}"

    def ratio_text(self) -> str:
        if self.ratio is None:
            return "—"
        return f"< {self.ratio:.2f}×" if self.lower_bound else f"{self.ratio:.2f}×"


@dataclass(frozen=True)
class MemRow:
    """One memory target: ``value`` (MB) must not exceed ``limit`` (MB)."""

    operation: str
    baseline_mb: float
    peak_mb: float
    value: float
    limit: float
    target: str

    @property
    def result(self) -> str:
        return "PASS" if self.value <= self.limit else "MISS"


def print_tables(times: Sequence[TimeRow], mems: Sequence[MemRow]) -> None:
    width = max(len(r.operation) for r in [*times, *mems])
    header = (f"{'operation':<{width}} {'ours s':>8} {'bare/peer s':>12} {'ratio':>8}  "
              f"{'target':<16} {'result':<6} {'peak MB':>8}")
    print(header)
    print("-" * len(header))
    for r in times:
        print(f"{r.operation:<{width}} {r.ours_s:8.2f} {r.other_text():>12} "
              f"{r.ratio_text():>8}  {r.target:<16} {r.result:<6} {r.peak_mb:8.1f}")
    print()
    target_width = max(len(m.target) for m in mems) if mems else 6
    header = (f"{'memory (ours, fresh process)':<{width}} {'baseline':>9} {'peak MB':>8} "
              f"{'measured':>9}  {'target':<{target_width}} result")
    print(header)
    print("-" * len(header))
    for m in mems:
        print(f"{m.operation:<{width}} {m.baseline_mb:9.1f} {m.peak_mb:8.1f} {m.value:9.1f}  "
              f"{m.target:<{target_width}} {m.result}")


def print_markdown(times: Sequence[TimeRow], mems: Sequence[MemRow],
                   facts: Sequence[tuple[str, str]], data: str) -> None:
    print("| Export | ours (s) | bare / peer (s) | ratio | target | result | peak RSS (MB) |")
    print("|---|---:|---:|---:|---|---|---:|")
    for r in times:
        result = "**MISS**" if r.result == "MISS" else r.result
        print(f"| {r.operation} | {r.ours_s:.2f} | {r.other_text()} | {r.ratio_text()} | "
              f"{r.target} | {result} | {r.peak_mb:.0f} |")
    print()
    print("| Memory | after imports (MB) | peak RSS (MB) | measured (MB) | target | result |")
    print("|---|---:|---:|---:|---|---|")
    for m in mems:
        result = "**MISS**" if m.result == "MISS" else m.result
        print(f"| {m.operation} | {m.baseline_mb:.0f} | {m.peak_mb:.0f} | {m.value:.0f} | "
              f"{m.target} | {result} |")
    print()
    facts_text = ", ".join(f"{k} {v}" for k, v in facts if k != "platform")
    print(f"Data: {data}. Machine: {facts_text}.")


def curve_text(run: Run) -> str:
    return ", ".join(f"{share:.0%} {mb:.0f}" for share, mb in run.curve)


# --- main ---------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.worker:
        return worker(args)
    facts = machine_facts()
    print("machine: " + "; ".join(f"{k} {v}" for k, v in facts))
    path = (args.db or default_path(args)).expanduser().resolve()
    prepare_database(args, path)
    data, n_groups, n_members, largest = describe_database(path)
    print(f"database: {data}")
    warm_file_cache(path)
    out = OUT_DIR / "export"
    out.mkdir(parents=True, exist_ok=True)
    runner = Runner(path, out)
    have_pandas = not args.skip_pandas and _version("pandas") != "not installed"
    if not args.skip_pandas and not have_pandas:
        print("pandas is not installed (pip install pandas): the peer is skipped")
    times: list[TimeRow] = []
    mems: list[MemRow] = []
    to_profile: list[tuple[str, float]] = []

    label = f"xlsx: {n_groups:,} groups"
    print(f"\n{label}: one warm-up round, then median of {args.repeat} (ours, bare in turn)")
    groups = interleaved(runner, "ours-xlsx-groups", "bare-xlsx-groups", args.repeat, True)
    check_same(runner, "ours-xlsx-groups", "bare-xlsx-groups")
    times.append(TimeRow(label, groups.ours_s, groups.other_s, "bare", GROUPS_RATIO,
                         groups.ours_peak.peak_mb))
    g_peak = groups.ours_peak
    mems.append(MemRow(f"{label} (ours)", g_peak.baseline_mb, g_peak.peak_mb, g_peak.peak_mb,
                       PEAK_LIMIT_MB, f"peak ≤ {PEAK_LIMIT_MB:g} MB"))
    print(f"  ours peak RSS as rows were written (share done, MB): {curve_text(g_peak)}")
    if times[-1].result == "MISS" or args.profile:
        to_profile.append(("ours-xlsx-groups", groups.ours_s))
    if have_pandas:
        print(f"\npandas {label}: median of {args.repeat}")
        runs = [runner.run("pandas-xlsx-groups") for _ in range(args.repeat)]
        times.append(TimeRow(f"pandas to_excel: {n_groups:,} groups", groups.ours_s,
                             statistics.median(r.seconds for r in runs if r is not None),
                             "pandas", None,
                             groups.ours_peak.peak_mb))

    if not args.skip_members:
        label = f"xlsx: groups + {n_members:,} members"
        print(f"\n{label}: median of {args.members_repeat} (ours, bare in turn; the bare "
              "worker holds every row in memory before its clock starts)")
        members = interleaved(runner, "ours-xlsx-members", "bare-xlsx-members",
                              args.members_repeat, False)
        check_same(runner, "ours-xlsx-members", "bare-xlsx-members")
        m_peak = members.ours_peak
        times.append(TimeRow(label, members.ours_s, members.other_s, "bare", MEMBERS_RATIO,
                             m_peak.peak_mb))
        print(f"  ours peak RSS as rows were written (share done, MB): {curve_text(m_peak)}")
        mems.append(MemRow(f"{label} (ours)", m_peak.baseline_mb, m_peak.peak_mb,
                           m_peak.peak_mb, PEAK_LIMIT_MB, f"peak ≤ {PEAK_LIMIT_MB:g} MB"))
        allowance = PAGE_CACHE_MB + largest * MEMBER_ROW_BYTES / 2**20
        mems.append(MemRow(f"flat: {n_members:,} members vs {n_groups:,} groups",
                           g_peak.peak_mb, m_peak.peak_mb, m_peak.peak_mb - g_peak.peak_mb,
                           allowance, f"growth ≤ {allowance:.0f} MB (page cache + 1 group)"))
        if times[-1].result == "MISS" or args.profile:
            to_profile.append(("ours-xlsx-members", members.ours_s))
        if have_pandas:
            print(f"\npandas {label}: one run, stopped after {args.pandas_timeout:g} s")
            start = time.perf_counter()
            run = runner.run("pandas-xlsx-members", timeout=args.pandas_timeout)
            waited = time.perf_counter() - start
            if run is None:
                print(f"  pandas-xlsx-members stopped after {waited:.0f} s")
            times.append(TimeRow(f"pandas to_excel: groups + {n_members:,} members",
                                 members.ours_s, run.seconds if run else waited, "pandas",
                                 None, m_peak.peak_mb, lower_bound=run is None))
        print(f"\ncsv: groups + {n_members:,} members: median of {args.members_repeat}")
        csv_pair = interleaved(runner, "ours-csv-members", "bare-csv-members",
                               args.members_repeat, False)
        times.append(TimeRow(f"csv: groups + {n_members:,} members", csv_pair.ours_s,
                             csv_pair.other_s, "bare csv.writer", None,
                             csv_pair.ours_peak.peak_mb))

    if not args.no_profile:
        for kind, seconds in to_profile:
            profile_export(runner, kind, seconds)

    print()
    print_tables(times, mems)
    print("\n### Summary (Markdown)\n")
    print_markdown(times, mems, facts, data)
    if not args.keep_files:
        shutil.rmtree(out, ignore_errors=True)
    missed = [r.operation for r in times if r.result == "MISS"]
    missed += [m.operation for m in mems if m.result == "MISS"]
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
