"""Benchmark the Customer Groups window at XL scale: from the clerk's action to pixels.

Reuses (or builds, with :func:`custgroups.core.demo.generate_demo`) the XL database that
``bench_data.py`` keeps in ``benchmarks/out/`` (200,000 customers, 20,000 groups,
2,000,000 memberships) and measures, on every Qt platform asked for (``offscreen``, and
``xcb`` under ``xvfb-run``), each in its own worker process:

1. filter settled -> repainted: the debounce timer's slot (``FilterBar._on_timer_timeout``)
   is called with a new name/description or code filter, and the clock stops when the
   event-loop turn that ran the table's first ``paintEvent`` after ``MainWindow.page_shown``
   (or the empty state's, when nothing matches) is over, i.e. the frame with the new rows
   is flushed: query + hand-over + model reset + selection + paint + rest of the frame. Each
   sample is split into those stages. (From an empty state to an empty state nothing needs
   painting: such a sample ends with the handler.);
2. page change (next, last, first, a random page; pager buttons clicked) -> repainted;
3. sort by "No. of Customers", both directions, by a mouse click on the header -> repainted;
4. cold start: ``python main.py --database sqlite:///<XL file>`` to a painted window. A small
   launcher (``python -c``) does what ``main.py`` does, but wraps ``open_main_window`` and
   the table's ``paintEvent`` to stamp ``time.time()`` at each stage, up to the end of the
   frame that first paints the loaded page; the parent stamps the spawn. One untimed
   warm-up, then ``--cold-runs`` runs; on a miss (or with ``--importtime``), ``-X importtime``
   shows which packages the start spends its imports on;
5. UI-thread lateness during an export of all 20,000 groups with their 2,000,000 member rows
   started through ``MainWindow._run_export``: a 10 ms precise ``QTimer`` on the UI thread,
   lateness = measured interval - 10 ms. The export is cancelled after ``--export-seconds``
   (0: let it finish). A watchdog thread records the UI thread's Python stack whenever a
   tick is over 50 ms late.

The targets: p95 <= 50 ms for 1-3, median <= 1.5 s for 4, worst lateness <= 100 ms for 5.
A missed target is followed by a cProfile of the UI thread (handler + paint, and the query
run on its own), or for the export by a cProfile of the UI thread during a second run.

Run::

    python benchmarks/bench_window.py                      # offscreen and xcb (xvfb-run)
    python benchmarks/bench_window.py --platforms offscreen --rounds 5 --export-seconds 5
    python benchmarks/bench_window.py --db /tmp/xl.db --profile

Not part of the test suite. Settings and the log go to a temporary directory, so the
clerk's own remembered filters, sort and window size neither affect nor are touched by the
run. Exits 1 when any target is missed.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import math
import os
import platform
import pstats
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

OUT_DIR = Path(__file__).resolve().parent / "out"
REPO = Path(__file__).resolve().parent.parent
INTERACTIVE_P95_MS = 50.0
COLD_START_MS = 1500.0
LATENESS_MS = 100.0
TICK_MS = 10
STALL_MS = 50.0
XVFB = ("xvfb-run", "-a", "-s", "-screen 0 1920x1080x24")
READY = "BENCH_WINDOW_READY "

# (label, code filter, name/description filter): each differs from the one before it.
# 'retail 2025' and 'zz' match nothing at XL (the text filter is one phrase), so they are
# kept apart: from an empty state to an empty state nothing on screen needs a repaint.
FILTER_CASES = (
    ("filter: text 'north'", "", "north"),
    ("filter: text 'retail 2025'", "", "retail 2025"),
    ("filter: text 'a'", "", "a"),
    ("filter: text 'zz'", "", "zz"),
    ("filter: text 'tier b'", "", "tier b"),
    ("filter: code '12'", "12", ""),
    ("filter: code 'g-0199'", "g-0199", ""),
)

# The launcher is what main.py does (custgroups.__main__.main), plus time stamps. It is passed
# to ``python -c`` so that it imports nothing the application would not.
LAUNCHER = r'''
import time
_T0 = time.time()
import json
import sys

marks = {"interpreter ready": _T0}


def mark(name):
    marks.setdefault(name, time.time())


import custgroups.__main__ as launcher
mark("cli imported")
import custgroups.app as app_module
import custgroups.core.db as db_module
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QTableView, QWidget
mark("Qt imported")

original_open_window = app_module.open_main_window
original_open_database = db_module.open_database


def open_database(*args, **kwargs):
    mark("database opening")
    try:
        return original_open_database(*args, **kwargs)
    finally:
        mark("database opened")


def report():
    mark("frame done")
    print("BENCH_WINDOW_READY " + json.dumps(marks), flush=True)
    QTimer.singleShot(0, QApplication.quit)


def hook_paint(window, widget, cls, state):
    original = cls.paintEvent

    def paint(event):
        start = time.time()
        original(widget, event)
        mark("first list paint done")
        if state["shown"] and "painted" not in marks and window.stack.currentWidget() is widget:
            marks["paint started"] = start
            mark("painted")
            QTimer.singleShot(0, report)  # after the rest of the frame: children, flush

    widget.paintEvent = paint


def open_main_window(*args, **kwargs):
    mark("QApplication created")
    import custgroups.ui.main_window  # noqa: F401
    mark("window module imported")
    window = original_open_window(*args, **kwargs)
    mark("window built")
    state = {"shown": False}

    def on_shown(_page):
        state["shown"] = True
        mark("page shown")

    window.page_shown.connect(on_shown)
    hook_paint(window, window.table, QTableView, state)
    hook_paint(window, window.empty, QWidget, state)
    original_show = window.show

    def show():
        mark("show called")
        original_show()

    window.show = show
    return window


app_module.open_main_window = open_main_window
db_module.open_database = open_database
sys.argv = ["main.py", *sys.argv[1:]]
raise SystemExit(launcher.main())
'''


# --- results ----------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100), linear between closest ranks."""
    if not values:
        return math.nan
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    low = math.floor(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


@dataclass
class Row:
    """One line of the table: samples in ms, and which statistic the target applies to."""

    operation: str
    samples: list[float]
    target_ms: float | None = None
    metric: str = "p95"  # "p95", "p50" or "worst"
    note: str = ""

    @property
    def p50(self) -> float:
        return percentile(self.samples, 50)

    @property
    def p95(self) -> float:
        return percentile(self.samples, 95)

    @property
    def worst(self) -> float:
        return max(self.samples) if self.samples else math.nan

    @property
    def target(self) -> str:
        if self.target_ms is None:
            return "(detail)"
        return f"{self.metric} ≤ {self.target_ms:g} ms"

    @property
    def decides(self) -> bool:
        return self.target_ms is not None

    @property
    def passed(self) -> bool:
        if self.target_ms is None:
            return True
        value = {"p95": self.p95, "p50": self.p50, "worst": self.worst}[self.metric]
        return bool(self.samples) and value <= self.target_ms

    @property
    def result(self) -> str:
        if not self.decides:
            return ""
        return "PASS" if self.passed else "MISS"

    def to_json(self) -> dict[str, Any]:
        return {"operation": self.operation, "samples": self.samples,
                "target_ms": self.target_ms, "metric": self.metric, "note": self.note}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Row:
        return cls(data["operation"], list(data["samples"]), data["target_ms"],
                   data["metric"], data.get("note", ""))


@dataclass
class Sample:
    """Time stamps (perf_counter) of one action, from trigger to the end of its paint."""

    case: str
    t0: float = math.nan
    query_start: float = math.nan
    query_end: float = math.nan
    handler_start: float = math.nan
    handler_end: float = math.nan
    set_rows_s: float = 0.0
    select_s: float = 0.0
    shown: float = math.nan
    paint_start: float = math.nan
    paint_end: float = math.nan
    frame_end: float = math.nan  # the event-loop turn that painted is over (frame flushed)
    total_rows: int = 0
    query: Any = None
    was_empty: bool = False  # the empty state was on screen when the action started

    @property
    def done(self) -> bool:
        return not math.isnan(self.frame_end)

    @property
    def total_ms(self) -> float:
        return (self.frame_end - self.t0) * 1000

    def stages(self) -> dict[str, float]:
        """Where the time went, in ms; the stages add up to the total."""
        ms = 1000.0
        handler = self.handler_end - self.handler_start
        return {
            "to worker": (self.query_start - self.t0) * ms,
            "list_groups": (self.query_end - self.query_start) * ms,
            "to UI thread": (self.handler_start - self.query_end) * ms,
            "set_rows": self.set_rows_s * ms,
            "selectRow": self.select_s * ms,
            "rest of handler": (handler - self.set_rows_s - self.select_s) * ms,
            "to paint": (self.paint_start - self.handler_end) * ms,
            "paint": (self.paint_end - self.paint_start) * ms,
            "rest of frame": (self.frame_end - self.paint_end) * ms,
        }


# --- the parent: database, workers, report ----------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, help="SQLite file to use (reused if it holds data)")
    parser.add_argument("--customers", type=int, default=200_000, help="size of a new database")
    parser.add_argument("--groups", type=int, default=20_000, help="size of a new database")
    parser.add_argument("--members-per-customer", type=float, default=10.0,
                        help="size of a new database")
    parser.add_argument("--platforms", default="offscreen,xcb",
                        help="comma-separated Qt platforms (xcb runs under xvfb-run)")
    parser.add_argument("--rounds", type=int, default=10,
                        help="timed rounds of every interactive case (after one warm-up)")
    parser.add_argument("--cold-runs", type=int, default=5, help="timed cold starts")
    parser.add_argument("--export-seconds", type=float, default=15.0,
                        help="cancel the export after this long (0: let it finish)")
    profiling = parser.add_mutually_exclusive_group()
    profiling.add_argument("--profile", action="store_true",
                           help="profile every operation, not only those that miss")
    profiling.add_argument("--no-profile", action="store_true", help="never profile")
    parser.add_argument("--importtime", action="store_true",
                        help="show the -X importtime summary even when the cold start passes")
    # Internal: the measurements on one platform, in this (fresh) process.
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def default_path(args: argparse.Namespace) -> Path:
    return OUT_DIR / (f"bench-{args.customers}c-{args.groups}g-"
                      f"{args.members_per_customer:g}m.db")


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "missing"


def machine_facts() -> list[tuple[str, str]]:
    import PySide6
    from PySide6 import QtCore

    return [
        ("python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("PySide6", PySide6.__version__),
        ("Qt", QtCore.qVersion()),
        ("sqlite", sqlite3.sqlite_version),
        ("openpyxl", _version("openpyxl")),
        ("cpus", str(os.cpu_count())),
        ("GIL switch interval", f"{sys.getswitchinterval() * 1000:g} ms"),
        ("platform", platform.platform()),
    ]


def prepare_database(args: argparse.Namespace, path: Path) -> None:
    """Open the file through custgroups, filling it with demo data unless it holds some."""
    from custgroups.core import db
    from custgroups.core.customers import count_customers
    from custgroups.core.demo import generate_demo

    path.parent.mkdir(parents=True, exist_ok=True)
    db.open_database("sqlite:///" + path.as_posix(), create=True)
    try:
        held = count_customers()
        if held:
            print(f"reusing {path} ({held:,} customers already there; build not timed)")
            return
        print(f"building {path}: {args.customers:,} customers, {args.groups:,} groups, "
              f"{args.members_per_customer:g} memberships per customer ...", flush=True)
        start = time.perf_counter()
        result = generate_demo(args.customers, args.groups, args.members_per_customer)
        print(f"demo build: {time.perf_counter() - start:.1f} s "
              f"({result.memberships:,} memberships)")
    finally:
        db.close_database()


def describe_database(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        customers, groups, members = (
            conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("customer", "customer_group", "membership"))
    finally:
        conn.close()
    return (f"{customers:,} customers, {groups:,} groups, {members:,} memberships, "
            f"{path.stat().st_size / 1e6:,.0f} MB")


def quiet_environment(scratch: Path, qt_platform: str) -> dict[str, str]:
    """The environment for workers and launchers: own settings, log and runtime dir."""
    runtime = scratch / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM=qt_platform, XDG_CONFIG_HOME=str(scratch / "config"),
               XDG_RUNTIME_DIR=str(runtime), CUSTGROUPS_LOG=str(scratch / "custgroups.log"),
               PYTHONUNBUFFERED="1")
    return env


def run_worker(args: argparse.Namespace, qt_platform: str, db_path: Path,
               scratch: Path) -> dict[str, Any] | None:
    out = scratch / f"{qt_platform}.json"
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", qt_platform,
           "--json", str(out), "--db", str(db_path), "--rounds", str(args.rounds),
           "--cold-runs", str(args.cold_runs), "--export-seconds", str(args.export_seconds)]
    cmd += ["--profile"] if args.profile else ["--no-profile"] if args.no_profile else []
    cmd += ["--importtime"] if args.importtime else []
    if qt_platform == "xcb":
        if shutil.which(XVFB[0]) is None:
            print("xvfb-run not found: skipping xcb")
            return None
        cmd = [*XVFB, *cmd]
    print(f"\n=== platform {qt_platform} ===", flush=True)
    done = subprocess.run(cmd, env=quiet_environment(scratch, qt_platform), cwd=REPO,
                          check=False)
    if done.returncode != 0 or not out.exists():
        print(f"worker for {qt_platform} failed (exit {done.returncode})")
        return None
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


def fmt(value: float) -> str:
    return "—" if math.isnan(value) else f"{value:,.1f}"


def print_table(rows: Sequence[Row]) -> None:
    header = (f"{'operation':<42} {'n':>4} {'p50 ms':>9} {'p95 ms':>9} {'worst':>9}  "
              f"{'target':<18} result")
    print(header)
    print("-" * len(header))
    for r in rows:
        name = r.operation if r.decides else "  " + r.operation
        print(f"{name:<42} {len(r.samples):>4} {fmt(r.p50):>9} {fmt(r.p95):>9} "
              f"{fmt(r.worst):>9}  {r.target:<18} {r.result}")


def print_markdown(runs: dict[str, list[Row]], facts: Sequence[tuple[str, str]],
                   data: str) -> None:
    names = list(runs)
    head = " | ".join(f"{n} p50 / p95 / worst (ms)" for n in names)
    print(f"| Operation | target | {head} | result |")
    print("|---|---|" + "---:|" * len(names) + "---|")
    operations = [r.operation for r in runs[names[0]] if r.decides]
    for op in operations:
        cells, passed = [], True
        for n in names:
            row = next((r for r in runs[n] if r.operation == op), None)
            if row is None:
                cells.append("—")
                continue
            cells.append(f"{fmt(row.p50)} / {fmt(row.p95)} / {fmt(row.worst)}")
            passed = passed and row.passed
        target = next(r.target for r in runs[names[0]] if r.operation == op)
        print(f"| {op} | {target} | " + " | ".join(cells)
              + f" | {'PASS' if passed else '**MISS**'} |")
    print()
    print(f"Data: {data}. Machine: " + ", ".join(f"{k} {v}" for k, v in facts[:6]) + ".")


def parent(args: argparse.Namespace) -> int:
    facts = machine_facts()
    print("machine: " + "; ".join(f"{k} {v}" for k, v in facts))
    db_path = (args.db or default_path(args)).expanduser().resolve()
    prepare_database(args, db_path)
    data = describe_database(db_path)
    print(f"database: {data}")
    runs: dict[str, list[Row]] = {}
    notes: dict[str, list[str]] = {}
    ok = True
    with tempfile.TemporaryDirectory(prefix="bench-window-") as tmp:
        for qt_platform in [p.strip() for p in args.platforms.split(",") if p.strip()]:
            scratch = Path(tmp) / qt_platform
            scratch.mkdir()
            result = run_worker(args, qt_platform, db_path, scratch)
            if result is None:
                ok = False
                continue
            runs[qt_platform] = [Row.from_json(r) for r in result["rows"]]
            notes[qt_platform] = result["notes"] + result["details"]
    if not runs:
        return 1
    for name, rows in runs.items():
        print(f"\n### {name}\n")
        print_table(rows)
        for note in notes[name]:
            print(f"  {note}")
    print("\n### Summary (Markdown)\n")
    print_markdown(runs, facts, data)
    ok = ok and all(r.passed for rows in runs.values() for r in rows)
    return 0 if ok else 1


# --- cold start (run from the worker, before it makes its own QApplication) ------------


def launch(db_path: Path, extra: Sequence[str] = ()) -> tuple[dict[str, float], str]:
    """One cold start: stage stamps relative to spawn (ms), and the child's stderr."""
    cmd = [sys.executable, *extra, "-c", LAUNCHER, "--database", f"sqlite:///{db_path}"]
    spawn = time.time()
    child = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    try:
        stdout, stderr = child.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        child.kill()
        stdout, stderr = child.communicate()
    line = next((ln for ln in stdout.splitlines() if ln.startswith(READY)), None)
    if line is None:
        raise SystemExit(f"cold start printed no timing (exit {child.returncode}):\n"
                         f"{stderr[-3000:]}")
    marks = json.loads(line[len(READY):])
    return {name: (at - spawn) * 1000 for name, at in marks.items()}, stderr


def importtime_summary(stderr: str, lines: int = 12) -> str:
    """Self time summed by top-level package, and the slowest imports, from -X importtime."""
    pattern = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")
    by_package: dict[str, int] = defaultdict(int)
    entries: list[tuple[int, int, str]] = []
    for line in stderr.splitlines():
        found = pattern.match(line)
        if not found:
            continue
        own, cumulative, indent, name = found.groups()
        by_package[name.split(".")[0]] += int(own)
        entries.append((int(cumulative), (len(indent) - 1) // 2, name))
    total = sum(by_package.values())
    out = [f"    -X importtime: {total / 1000:,.0f} ms of imports in all (inflated by the "
           "measuring itself); self time by top-level package:"]
    for name, us in sorted(by_package.items(), key=lambda kv: -kv[1])[:lines]:
        out.append(f"      {name:<28} {us / 1000:8.1f} ms  {us / total:6.1%}")
    out.append("    slowest imports (cumulative, nesting level ≤ 2):")
    for cumulative, level, name in sorted((e for e in entries if e[1] <= 2),
                                          reverse=True)[:lines]:
        out.append(f"      {'  ' * level}{name:<{40 - 2 * level}} {cumulative / 1000:8.1f} ms")
    return "\n".join(out)


def cold_start(db_path: Path, runs: int, want_importtime: bool
               ) -> tuple[Row, list[str], list[str]]:
    print(f"cold start: 1 warm-up + {runs} runs of python main.py --database <XL> ...",
          flush=True)
    warm, _ = launch(db_path)
    samples: list[dict[str, float]] = []
    for _ in range(runs):
        marks, _ = launch(db_path)
        samples.append(marks)
        print(f"  painted after {marks['frame done']:7.0f} ms", flush=True)
    totals = [m["frame done"] for m in samples]
    row = Row("cold start: main.py to painted window", totals, COLD_START_MS, "p50",
              note=f"first (warm-up) run {warm['frame done']:.0f} ms")
    notes = [f"cold start: warm-up run {warm['frame done']:.0f} ms (not counted); "
             f"file cache warm; median stages (ms since spawn):"]
    medians = {name: statistics.median(m[name] for m in samples if name in m)
               for name in samples[0]}
    previous = 0.0
    for name, at in sorted(medians.items(), key=lambda kv: kv[1]):
        notes.append(f"    {name:<26} {at:8.0f}   (+{at - previous:4.0f})")
        previous = at
    shim = shutil.which("python")
    if shim and Path(shim).resolve() != Path(sys.executable).resolve():
        started = time.perf_counter()
        subprocess.run([shim, "-c", "pass"], check=False)
        via_shim = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=False)
        direct = (time.perf_counter() - started) * 1000
        notes.append(f"    ('python' on PATH is {shim}: an empty script takes {via_shim:.0f} ms "
                     f"through it vs {direct:.0f} ms direct; runs above use {sys.executable})")
    details: list[str] = []
    if want_importtime or not row.passed:
        _, stderr = launch(db_path, ["-X", "importtime"])
        details.append(importtime_summary(stderr))
    return row, notes, details


# --- the worker: one window, instrumented ------------------------------------------------


class Instruments:
    """Wraps the window's list query, page handler and paint to time one action at a time."""

    def __init__(self, window: Any) -> None:
        from PySide6.QtWidgets import QTableView, QWidget

        import custgroups.ui.main_window as main_window_module

        self.window = window
        self.current: Sample | None = None
        self.profiler: cProfile.Profile | None = None
        self._loop: Any = None
        original_list = main_window_module.list_groups

        def list_groups(query: Any) -> Any:
            start = time.perf_counter()
            try:
                return original_list(query)
            finally:
                sample = self.current
                if sample is not None and math.isnan(sample.query_start):
                    sample.query_start, sample.query_end = start, time.perf_counter()

        main_window_module.list_groups = list_groups
        window._on_page_loaded = self._wrap_handler(window._on_page_loaded)
        window.model.set_rows = self._wrap_timed(window.model.set_rows, "set_rows_s")
        window.table.selectRow = self._wrap_timed(window.table.selectRow, "select_s")
        window.page_shown.connect(self._on_page_shown)
        self._hook_paint(window.table, QTableView)
        self._hook_paint(window.empty, QWidget)

    def _wrap_handler(self, original: Callable[[int, Any], None]) -> Callable[[int, Any], None]:
        def handler(number: int, page: Any) -> None:
            sample = self.current
            start = time.perf_counter()
            if self.profiler is not None:
                self.profiler.enable()
            try:
                original(number, page)
            finally:
                if self.profiler is not None:
                    self.profiler.disable()
                if sample is not None and not math.isnan(sample.shown) \
                        and math.isnan(sample.handler_start):
                    sample.handler_start, sample.handler_end = start, time.perf_counter()
                    if sample.was_empty and not sample.total_rows:
                        # Empty state to empty state: the screen is already right.
                        sample.paint_start = sample.paint_end = sample.handler_end
                        sample.frame_end = sample.handler_end
                        if self._loop is not None:
                            self._loop.quit()

        return handler

    def _wrap_timed(self, original: Callable[..., Any], slot: str) -> Callable[..., Any]:
        def timed(*args: Any) -> Any:
            start = time.perf_counter()
            try:
                return original(*args)
            finally:
                sample = self.current
                if sample is not None and math.isnan(sample.shown):
                    setattr(sample, slot, getattr(sample, slot) + time.perf_counter() - start)

        return timed

    def _on_page_shown(self, page: Any) -> None:
        sample = self.current
        if sample is not None and math.isnan(sample.shown):
            sample.shown = time.perf_counter()
            sample.total_rows = page.total
            sample.query = self.window.query()

    def _hook_paint(self, widget: Any, cls: Any) -> None:
        from PySide6.QtCore import QTimer

        original = cls.paintEvent

        def paint(event: Any) -> None:
            sample = self.current
            armed = (sample is not None and not math.isnan(sample.shown)
                     and math.isnan(sample.paint_start)
                     and self.window.stack.currentWidget() is widget)
            if armed and self.profiler is not None:
                self.profiler.enable()
            start = time.perf_counter()
            original(widget, event)
            end = time.perf_counter()
            if armed:
                if self.profiler is not None:
                    self.profiler.disable()
                assert sample is not None
                sample.paint_start, sample.paint_end = start, end
                # Children (the empty state's labels), header and flush finish this frame.
                QTimer.singleShot(0, self._frame_done)

        widget.paintEvent = paint

    def _frame_done(self) -> None:
        sample = self.current
        if sample is not None and math.isnan(sample.frame_end):
            sample.frame_end = time.perf_counter()
            if self._loop is not None:
                self._loop.quit()

    def measure(self, case: str, trigger: Callable[[], None], timeout_s: float = 30) -> Sample:
        """Run ``trigger`` and wait for the repaint that shows its answer."""
        from PySide6.QtCore import QEventLoop, QTimer

        sample = Sample(case, was_empty=self.window.stack.currentWidget() is self.window.empty)
        loop = QEventLoop()
        guard = QTimer()
        guard.setSingleShot(True)
        guard.timeout.connect(loop.quit)
        self.current, self._loop = sample, loop
        guard.start(int(timeout_s * 1000))
        sample.t0 = time.perf_counter()
        trigger()
        if not sample.done:
            loop.exec()
        guard.stop()
        self.current, self._loop = None, None
        if not sample.done:
            banner = self.window.error_banner.text()
            raise SystemExit(f"{case}: nothing was repainted within {timeout_s:g} s "
                             f"(shown: {not math.isnan(sample.shown)}; banner: {banner!r})")
        settle(30)  # let the frame flush and stray updates pass before the next action
        return sample


def settle(ms: int) -> None:
    """Run the event loop for ``ms`` milliseconds."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


@dataclass(frozen=True)
class Step:
    """One timed action: ``prepare`` runs untimed first, the clock covers ``trigger``."""

    label: str
    trigger: Callable[[], None]
    prepare: Callable[[], None] | None = None


StepMaker = Callable[[random.Random], list[Step]]


@dataclass
class Scenario:
    """An interactive operation: a round of steps, and what to do before and after."""

    name: str
    steps: StepMaker
    before: Callable[[], None] | None = None
    after: Callable[[], None] | None = None
    samples: list[Sample] = field(default_factory=list)


def filter_steps(window: Any) -> StepMaker:
    bar = window.filter_bar

    def typed(code: str, text: str) -> None:
        bar.code_edit.setText(code)
        bar.text_edit.setText(text)
        settle(20)  # the line edits repaint as the clerk types, before the timer fires

    def steps(_rng: random.Random) -> list[Step]:
        # The debounce timer's slot: the filter applies now.
        return [Step(label, bar._on_timer_timeout, lambda c=code, t=text: typed(c, t))
                for label, code, text in FILTER_CASES]

    return steps


def page_steps(window: Any) -> StepMaker:
    buttons = window.pager.buttons

    def random_page(rng: random.Random) -> None:
        pages, current = window._page.page_count, window.query().page
        choice = current
        while choice == current and pages > 3:
            choice = rng.randint(2, pages - 1)
        window.pager.page_requested.emit(choice)

    def steps(rng: random.Random) -> list[Step]:
        return [Step("page: next", buttons["nextPageButton"].click),
                Step("page: last", buttons["lastPageButton"].click),
                Step("page: first", buttons["firstPageButton"].click),
                Step("page: random", lambda: random_page(rng))]

    return steps


def sort_steps(window: Any) -> StepMaker:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    from custgroups.ui.models.group_model import Column

    header = window.table.horizontalHeader()

    def click() -> None:
        x = (header.sectionViewportPosition(Column.MEMBERS)
             + header.sectionSize(Column.MEMBERS) // 2)
        QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, QPoint(x, header.height() // 2))

    def steps(_rng: random.Random) -> list[Step]:
        # Each click flips the direction; samples are named by the query's direction later.
        return [Step("sort: members", click), Step("sort: members", click)]

    return steps


def run_scenario(instruments: Instruments, steps: list[Step]) -> list[Sample]:
    samples = []
    for step in steps:
        if step.prepare is not None:
            step.prepare()
        samples.append(instruments.measure(step.label, step.trigger))
    return samples


def relabel_sorts(samples: list[Sample]) -> None:
    """Name each sort sample by the direction the query really took."""
    for sample in samples:
        if sample.query is not None and sample.case.startswith("sort:"):
            direction = "desc" if sample.query.descending else "asc"
            sample.case = f"sort: members {direction} (header click)"


def stage_notes(name: str, samples: Sequence[Sample]) -> list[str]:
    stages = [s.stages() for s in samples]
    keys = list(stages[0])
    cells = "  ".join(f"{k} {statistics.median(st[k] for st in stages):.2f}" for k in keys)
    worst = max(samples, key=lambda s: s.total_ms)
    worst_cells = "  ".join(f"{k} {v:.1f}" for k, v in worst.stages().items())
    return [f"{name}: median stages (ms): {cells}",
            f"{name}: slowest sample {worst.case} {worst.total_ms:.1f} ms: {worst_cells}"]


def profile_text(profiler: cProfile.Profile, title: str, lines: int = 18) -> str:
    out = io.StringIO()
    out.write(f"    {title}\n")
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    stats.sort_stats("cumulative").print_stats(lines)
    stats.sort_stats("tottime").print_stats(lines)
    text = out.getvalue()
    return "\n".join("    " + ln for ln in text.splitlines() if ln.strip())


def profile_scenario(instruments: Instruments, scenario: Scenario, rng: random.Random,
                     rounds: int = 3) -> list[str]:
    """cProfile of the UI thread (handler and paint) over a few rounds, and of the queries."""
    from custgroups.core.groups import list_groups

    ui = cProfile.Profile()
    instruments.profiler = ui
    samples: list[Sample] = []
    try:
        for _ in range(rounds):
            samples += run_scenario(instruments, scenario.steps(rng))
    finally:
        instruments.profiler = None
    query = cProfile.Profile()
    for sample in samples:
        query.runcall(list_groups, sample.query)
    return [profile_text(ui, f"{scenario.name}: cProfile of the UI thread's page handler and "
                             f"paint over {len(samples)} actions"),
            profile_text(query, f"{scenario.name}: cProfile of list_groups for the same "
                                f"{len(samples)} queries (run on the UI thread, one by one)")]


def _stack_text(frame: Any, depth: int = 4) -> str:
    stack = traceback.extract_stack(frame)[-depth:]
    return " <- ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(stack))


class StallWatch:
    """A thread that records every thread's Python stack while the UI thread is overdue.

    It needs the GIL to look, so a stall caused by a thread holding the GIL in C code is
    seen just after that thread lets go: its stack then shows what it had been doing.
    """

    def __init__(self, ui_thread: int, overdue_s: float) -> None:
        self.ui_thread = ui_thread
        self.overdue_s = overdue_s
        self.last_tick = time.perf_counter()
        self.stacks: dict[str, int] = defaultdict(int)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="stall-watch", daemon=True)

    def tick(self) -> None:
        self.last_tick = time.perf_counter()

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        own = threading.get_ident()
        while not self._stop.wait(0.005):
            if time.perf_counter() - self.last_tick < self.overdue_s:
                continue
            names = {t.ident: t.name for t in threading.enumerate()}
            for ident, frame in sys._current_frames().items():
                if ident == own:
                    continue
                name = "UI" if ident == self.ui_thread else names.get(ident, str(ident))
                self.stacks[f"[{name}] {_stack_text(frame)}"] += 1


class GcWatch:
    """Every garbage collection that takes at least ``min_ms``: thread, generation, when."""

    def __init__(self, min_ms: float = 5.0) -> None:
        self.min_ms = min_ms
        self.pauses: list[tuple[float, float, int, str]] = []  # start, ms, generation, thread
        self._started: dict[int, float] = {}

    def __enter__(self) -> GcWatch:
        gc.callbacks.append(self._callback)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self._callback)

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        now = time.perf_counter()
        ident = threading.get_ident()
        if phase == "start":
            self._started[ident] = now
            return
        began = self._started.pop(ident, now)
        if (now - began) * 1000 >= self.min_ms:
            self.pauses.append((began, (now - began) * 1000, info["generation"],
                                threading.current_thread().name))


def measure_export(window: Any, seconds: float, profiler: cProfile.Profile | None = None
                   ) -> tuple[list[float], list[str]]:
    """10 ms timer lateness on the UI thread while an export of every group runs."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    from custgroups.core.sheets.export import export_groups
    from custgroups.ui import messages

    messages.done_with_folder = lambda *args, **kwargs: False  # no dialog may block
    messages.warn = lambda *args, **kwargs: None
    from PySide6.QtWidgets import QProgressDialog

    ticks: list[float] = []
    cpu: list[tuple[float, float]] = []  # (UI thread, whole process) CPU seconds at each tick
    dialog_shown: list[float] = []
    watch = StallWatch(threading.get_ident(), STALL_MS / 1000 + TICK_MS / 1000)

    def on_tick() -> None:
        ticks.append(time.perf_counter())
        cpu.append((time.thread_time(), time.process_time()))
        watch.tick()
        if not dialog_shown:
            dialog = window.findChild(QProgressDialog, "exportProgress")
            if dialog is not None and dialog.isVisible():
                dialog_shown.append(ticks[-1])

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TICK_MS)
    timer.timeout.connect(on_tick)
    timer.start()
    settle(1000)
    baseline = len(ticks)
    finished: list[tuple[float, Any]] = []
    progress: list[tuple[float, int, int]] = []
    loop = QEventLoop()

    def on_finished(result: Any) -> None:
        finished.append((time.perf_counter(), result))
        loop.quit()

    window.export_finished.connect(on_finished)
    out_dir = Path(tempfile.mkdtemp(prefix="bench-window-export-"))
    query = window.query()
    watch.start()
    with GcWatch() as gcs:
        if profiler is not None:
            profiler.enable()
        start = time.perf_counter()
        job = window._run_export("Exporting groups…", lambda report: export_groups(
            out_dir / "groups.xlsx", query, True, report))
        job.progressed.connect(lambda done, total: progress.append(
            (time.perf_counter(), done, total)))
        cancelled_at = math.nan
        if seconds > 0:
            QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()
        if not finished:
            cancelled_at = time.perf_counter()
            window.export_job.cancel()
            QTimer.singleShot(120_000, loop.quit)
            loop.exec()
        end = time.perf_counter()
        if profiler is not None:
            profiler.disable()
        settle(200)
    timer.stop()
    watch.stop()
    window.export_finished.disconnect(on_finished)
    shutil.rmtree(out_dir, ignore_errors=True)

    idle = [(b - a) * 1000 - TICK_MS for a, b in zip(ticks[:baseline], ticks[1:baseline])]
    first = next(i for i, t in enumerate(ticks) if t >= start)
    during = [t for t in ticks if start <= t <= end]
    lateness = [(b - a) * 1000 - TICK_MS for a, b in zip(during, during[1:])]
    notes = [f"export: measured {end - start:.1f} s of the export "
             + (f"(cancelled after {cancelled_at - start:.1f} s; cancel took "
                f"{(end - cancelled_at) * 1000:.0f} ms to end the job)"
                if not math.isnan(cancelled_at) else "(ran to the end)")
             + f"; {len(lateness):,} ticks; idle baseline before it: p50 "
             f"{percentile(idle, 50):.2f} / worst {max(idle, default=math.nan):.2f} ms late"]
    members_from = next((t for t, _done, total in progress if total > progress[0][2]),
                        math.inf) if progress else math.inf
    if progress:
        t, done, total = progress[-1]
        notes.append(f"export: last progress {done:,} / {total:,} rows "
                     f"({done / max(1, total):.1%}) at {t - start:.1f} s"
                     + (f"; at that pace the whole export takes ~{(t - start) * total / done:.0f}"
                        " s" if done else "")
                     + (f"; members sheet from {members_from - start:.2f} s"
                        if members_from < math.inf else ""))
    if finished:
        notes.append(f"export: ended with {type(finished[-1][1]).__name__}"
                     + (f"; progress dialog visible from {dialog_shown[0] - start:.2f} s"
                        if dialog_shown else "; the progress dialog never showed"))
    if lateness:
        over = sum(1 for v in lateness if v > STALL_MS)
        notes.append(f"export: {over} ticks > {STALL_MS:g} ms late, "
                     f"{sum(1 for v in lateness if v > LATENESS_MS)} > {LATENESS_MS:g} ms"
                     + ("; the worst:" if over else ""))
        worst = sorted(range(len(lateness)), key=lambda i: -lateness[i])[:6]
        for i in sorted(worst):
            if lateness[i] <= STALL_MS:
                continue
            began, ended = during[i], during[i + 1]
            overlapping = [f"gen{g} gc {ms:.0f} ms on {name}" for at, ms, g, name in gcs.pauses
                           if at < ended and at + ms / 1000 > began]
            phase = "members sheet" if began >= members_from else "groups sheet"
            (ui0, proc0), (ui1, proc1) = cpu[first + i], cpu[first + i + 1]
            notes.append(f"    {lateness[i]:6.1f} ms late at {ended - start:6.2f} s ({phase}); "
                         f"CPU meanwhile: UI thread {(ui1 - ui0) * 1000:.0f} ms, process "
                         f"{(proc1 - proc0) * 1000:.0f} ms of {(ended - began) * 1000:.0f}"
                         + (f"; overlaps {', '.join(overlapping)}" if overlapping else ""))
    if gcs.pauses:
        by_gen: dict[tuple[int, str], list[float]] = defaultdict(list)
        for _at, ms, generation, name in gcs.pauses:
            by_gen[(generation, name)].append(ms)
        notes.append("export: garbage collections ≥ 5 ms: " + "; ".join(
            f"gen{g} on {name}: {len(v)}× (worst {max(v):.0f} ms, total {sum(v):.0f} ms)"
            for (g, name), v in sorted(by_gen.items())))
    for stack, count in sorted(watch.stacks.items(), key=lambda kv: -kv[1])[:6]:
        notes.append(f"export: seen {count}× while the UI thread was overdue: {stack}")
    return lateness, notes


def worker(args: argparse.Namespace) -> int:
    qt_platform = args.worker
    db_path = args.db.resolve()
    rows: list[Row] = []
    notes: list[str] = [f"load average at start {os.getloadavg()[0]:.2f} (1 min, {os.cpu_count()} "
                        "cpus): other processes compete with the run when it is high"]
    details: list[str] = []

    cold_row, cold_notes, cold_details = cold_start(db_path, args.cold_runs, args.importtime)

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from custgroups.app import configure_application, open_main_window
    from custgroups.ui.models.group_model import Column

    QApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(sys.argv[:1])
    configure_application()
    window = open_main_window(f"sqlite:///{db_path}")
    instruments = Instruments(window)
    startup = instruments.measure("startup", window.show)
    viewport = window.table.viewport()
    screen = QGuiApplication.primaryScreen()
    notes.append(f"platform {QGuiApplication.platformName()}, style {app.style().name()}, "
                 f"screen {screen.size().width()}×{screen.size().height()} @ "
                 f"{screen.devicePixelRatio():g}x, window {window.width()}×{window.height()}, "
                 f"table viewport {viewport.width()}×{viewport.height()} "
                 f"(~{viewport.height() / 26:.0f} of {window.query().page_size} rows visible); "
                 f"in-process first page painted {startup.total_ms:.0f} ms after show()")

    rng = random.Random(2026)

    def reset_filters() -> None:
        instruments.measure("reset", window.filter_bar.reset_button.click)

    def sort_by_code() -> None:
        if window.query().sort.value != "code" or window.query().descending:
            instruments.measure("sort by code",
                                lambda: window.model.sort(Column.CODE, Qt.SortOrder.AscendingOrder))

    scenarios = [
        Scenario("filter settled → repainted", filter_steps(window), after=reset_filters),
        Scenario("page change → repainted", page_steps(window), before=sort_by_code),
        Scenario("sort by No. of Customers → repainted", sort_steps(window),
                 before=sort_by_code, after=sort_by_code),
    ]
    profiles: list[str] = []
    for scenario in scenarios:
        print(f"{scenario.name}: 1 warm-up + {args.rounds} rounds ...", flush=True)
        if scenario.before:
            scenario.before()
        run_scenario(instruments, scenario.steps(rng))  # warm-up
        for _ in range(args.rounds):
            scenario.samples += run_scenario(instruments, scenario.steps(rng))
        relabel_sorts(scenario.samples)
        row = Row(scenario.name, [s.total_ms for s in scenario.samples], INTERACTIVE_P95_MS)
        rows.append(row)
        by_case: dict[str, list[Sample]] = defaultdict(list)
        for s in scenario.samples:
            by_case[s.case].append(s)
        for case, samples in by_case.items():
            totals = sorted({s.total_rows for s in samples})
            label = f"{case} [{totals[0]:,} match]" if len(totals) == 1 else case
            rows.append(Row(label, [s.total_ms for s in samples]))
        notes += stage_notes(scenario.name, scenario.samples)
        print(f"  p50 {row.p50:.1f} ms, p95 {row.p95:.1f} ms, worst {row.worst:.1f} ms "
              f"{row.result}", flush=True)
        if (args.profile or not row.passed) and not args.no_profile:
            profiles += profile_scenario(instruments, scenario, rng)
        if scenario.after:
            scenario.after()

    rows.append(cold_row)
    notes += cold_notes
    details += cold_details

    label = ("export all groups + members" if args.export_seconds <= 0 else
             f"export all groups + members (first {args.export_seconds:g} s)")
    print(f"{label}: 10 ms timer lateness on the UI thread ...", flush=True)
    lateness, export_notes = measure_export(window, args.export_seconds)
    export_row = Row(f"UI lateness during {label}", lateness, LATENESS_MS, "worst")
    rows.append(export_row)
    notes += export_notes
    print(f"  p50 {export_row.p50:.1f} ms, p95 {export_row.p95:.1f} ms, worst "
          f"{export_row.worst:.1f} ms late {export_row.result}", flush=True)
    if (args.profile or not export_row.passed) and not args.no_profile:
        profiler = cProfile.Profile()
        _, again = measure_export(window, min(args.export_seconds or 15.0, 10.0), profiler)
        profiles.append(profile_text(profiler, "export: cProfile of the UI thread during a "
                                               "second (profiled) export run; " + again[-1]))

    notes.append(f"load average at end {os.getloadavg()[0]:.2f}")
    window.close()
    app.processEvents()

    print(f"\n[{qt_platform}]")
    print_table(rows)
    for note in notes:
        print(f"  {note}")
    for text in details + profiles:
        print(text)
    payload = {"platform": qt_platform, "rows": [r.to_json() for r in rows],
               "notes": notes, "details": details}
    args.json.write_text(json.dumps(payload), encoding="utf-8")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.worker:
        return worker(args)
    return parent(args)


if __name__ == "__main__":
    sys.exit(main())
