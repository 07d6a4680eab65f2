"""Benchmark the group editor at XL scale: customer picker, paste box and Save, to pixels.

Works on a copy (made in a temporary directory with SQLite's backup API) of the XL database
that ``bench_data.py`` and ``bench_window.py`` keep in ``benchmarks/out/`` (200,000
customers, 20,000 groups, 2,000,000 memberships), so the cached file is never written. The
group edited is the busiest one (about 55,000 members at XL). On every Qt platform asked for
(``offscreen``, and ``xcb`` under ``xvfb-run``), each in its own worker process, it measures:

1. picker keystroke -> painted: with the search box holding a term, the debounce timer's
   slot (``CustomerPicker.search``) is called and the clock stops when the event-loop turn
   that ran the picker table's first ``paintEvent`` after ``_on_first_page`` is over. Terms
   of 3+ characters (trigram index), of 1-2 characters (code/name prefix) and terms that
   match nothing. Each sample is split into stages (query on the worker, hand-over, model
   reset, paint). Target p95 <= 50 ms;
2. picker "Select All N Matching" over 100,000 ('c1') and 200,000 (no term) matches: from
   the button's click to ``model.ticked`` filled and the "Selected: N" label set (and, as a
   detail, to that label painted). Target <= 1 s, every click;
3. paste box: 100,000 pasted codes (new customers, members of the edited group, repeats in
   another case, unknown codes) from ``PasteBox.resolve()`` to the summary painted, while a
   10 ms precise ``QTimer`` measures the UI thread's lateness (interval - 10 ms). Target:
   worst lateness <= 100 ms; the resolve time is reported. As details: the paste itself
   (``setPlainText`` on the UI thread) and "Add Recognised" to the members table painted;
4. editor Save of the group with 50,000 pending additions, from ``GroupDialog.accept()`` to
   the dialog's ``accepted`` signal, with the same lateness probe. Target: worst lateness
   <= 100 ms; the save time is reported. Each save is undone afterwards with
   ``change_members(..., remove_ids=...)`` and the member count checked, so every round
   starts alike (history rows stay, in the copy only).

A watchdog thread records the UI thread's Python stack whenever a tick is over 50 ms late.
A missed target is followed by a cProfile of the UI thread during a few more actions and
of the worker's function run on its own (``--profile``: always; ``--no-profile``: never).

Run::

    python benchmarks/bench_editor.py                      # offscreen and xcb (xvfb-run)
    python benchmarks/bench_editor.py --platforms offscreen --rounds 5
    python benchmarks/bench_editor.py --db /tmp/xl.db --profile

Not part of the test suite. Settings and the log go to a temporary directory. Prints a
table per platform, a Markdown summary for the README and the machine's facts; exits 1
when any target is missed.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import math
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench_window import (
    XVFB,
    GcWatch,
    Row,
    StallWatch,
    default_path,
    describe_database,
    fmt,
    machine_facts,
    percentile,
    prepare_database,
    profile_text,
    quiet_environment,
    settle,
)

REPO = Path(__file__).resolve().parent.parent
WHO = "bench"
KEYSTROKE_P95_MS = 50.0
SELECT_ALL_MS = 1000.0
LATENESS_MS = 100.0
TICK_MS = 10
STALL_MS = 50.0

# Consecutive terms differ, and a term matching nothing always follows one that matches, so
# every search changes what the table shows. 'berg', 'trading' and 'oslo' match nothing at
# XL (the city is not searched); 'c' and 'c1' are code prefixes matching 200,000 / 100,000.
KEYSTROKE_TERMS = ("nordic", "a", "han", "berg", "c00012", "c", "trading", "ltd", "n", "oslo",
                   "bakery", "c1", "x", "lund", "ha", "zz", "no", "nordic fashion", "c0001",
                   "be")
SELECT_ALL_TERMS = ("c1", "")
SELECT_ALL_MIN = 100_000


# --- one timed action --------------------------------------------------------------------


@dataclass
class Sample:
    """perf_counter stamps of one action, from ``t0`` (trigger) to ``end`` (done)."""

    case: str
    t0: float = math.nan
    stamps: dict[str, float] = field(default_factory=dict)
    extra: dict[str, float] = field(default_factory=dict)  # seconds spent in wrapped calls
    end: str = "frame end"
    info: dict[str, Any] = field(default_factory=dict)

    @property
    def done(self) -> bool:
        return self.end in self.stamps

    def ms(self, name: str) -> float:
        return (self.stamps[name] - self.t0) * 1000 if name in self.stamps else math.nan

    @property
    def total_ms(self) -> float:
        return self.ms(self.end)


class Clock:
    """Times one action at a time: hooks stamp the current sample, the last one ends it."""

    def __init__(self) -> None:
        self.sample: Sample | None = None
        self.profiler: cProfile.Profile | None = None
        self.probe: Probe | None = None
        self._loop: Any = None

    def stamp(self, name: str, at: float | None = None) -> None:
        sample = self.sample
        if sample is not None:
            sample.stamps.setdefault(name, time.perf_counter() if at is None else at)

    def has(self, name: str) -> bool:
        return self.sample is not None and name in self.sample.stamps

    def add(self, name: str, seconds: float) -> None:
        sample = self.sample
        if sample is not None:
            sample.extra[name] = sample.extra.get(name, 0.0) + seconds

    def finish(self, sample: Sample, name: str) -> None:
        """Stamp ``name`` on ``sample`` (if it is still the current one) and stop waiting."""
        if sample is self.sample:
            sample.stamps.setdefault(name, time.perf_counter())
            if sample.done and self._loop is not None:
                self._loop.quit()

    def run(self, case: str, trigger: Callable[[], None], end: str = "frame end",
            timeout_s: float = 120) -> Sample:
        """Run ``trigger`` and wait until a hook stamps ``end``."""
        from PySide6.QtCore import QEventLoop, QTimer

        sample = Sample(case, end=end)
        loop = QEventLoop()
        guard = QTimer(singleShot=True)
        guard.timeout.connect(loop.quit)
        self.sample, self._loop = sample, loop
        guard.start(int(timeout_s * 1000))
        if self.probe is not None:
            self.probe.arm(case)
        if self.profiler is not None:
            self.profiler.enable()
        sample.t0 = time.perf_counter()
        trigger()
        sample.stamps.setdefault("trigger returned", time.perf_counter())
        if not sample.done:
            loop.exec()
        if self.profiler is not None:
            self.profiler.disable()
        guard.stop()
        self.sample, self._loop = None, None
        if not sample.done:
            raise SystemExit(f"{case}: not done within {timeout_s:g} s "
                             f"(stamps: {sorted(sample.stamps)})")
        return sample


def hook_paint(clock: Clock, widget: Any, cls: Any, ready: str, case: str = "") -> None:
    """Stamp the first paint of ``widget`` once the current sample (one whose case starts
    with ``case``) has ``ready``, and the end of that event-loop turn (the frame flushed) as
    "frame end"."""
    from PySide6.QtCore import QTimer

    original = cls.paintEvent

    def paint(event: Any) -> None:
        sample = clock.sample
        armed = (sample is not None and sample.case.startswith(case)
                 and ready in sample.stamps and "paint start" not in sample.stamps)
        start = time.perf_counter()
        original(widget, event)
        end = time.perf_counter()
        if armed:
            assert sample is not None
            sample.stamps["paint start"], sample.stamps["paint end"] = start, end
            QTimer.singleShot(0, lambda: clock.finish(sample, "frame end"))

    widget.paintEvent = paint


def wait_until(what: str, condition: Callable[[], bool], timeout_s: float = 120) -> None:
    deadline = time.perf_counter() + timeout_s
    while not condition():
        if time.perf_counter() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        settle(5)


# --- the UI thread's lateness -------------------------------------------------------------


class Probe:
    """A 10 ms precise timer on the UI thread; lateness = measured interval - 10 ms.

    Armed only while an action is timed, so the stall watch records stacks of the timed
    windows alone.
    """

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.ticks: list[float] = []
        self.windows: list[tuple[float, float, Sample]] = []
        self.baseline = (math.inf, math.inf)
        self.watch = StallWatch(threading.get_ident(), (STALL_MS + TICK_MS) / 1000)
        self.watch.last_tick = math.inf
        self.stacks: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self._armed = False
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._on_tick)
        self.gc = GcWatch()

    def _on_tick(self) -> None:
        self.ticks.append(time.perf_counter())
        if self._armed:
            self.watch.tick()

    def start(self) -> Probe:
        self.timer.start()
        self.watch.start()
        self.gc.__enter__()
        started = time.perf_counter()
        settle(500)
        self.baseline = (started, time.perf_counter())
        return self

    def stop(self) -> None:
        self.timer.stop()
        self.watch.stop()
        self.gc.__exit__()

    def arm(self, kind: str) -> None:
        """Time from now; stacks of stalls are kept apart by ``kind``."""
        self.watch.stacks = self.stacks[kind]
        self._armed = True
        self.watch.tick()

    def disarm(self) -> None:
        self._armed = False
        self.watch.last_tick = math.inf

    def idle(self) -> list[float]:
        """Lateness in the half second of idling after the start: the baseline."""
        ticks = [t for t in self.ticks if self.baseline[0] <= t <= self.baseline[1]]
        return [(b - a) * 1000 - TICK_MS for a, b in zip(ticks, ticks[1:])]

    def record(self, sample: Sample, end: float) -> list[float]:
        """Lateness of every interval that overlaps [t0, end] of the sample.

        Waits for the first tick after ``end`` (the interval it closes overlaps the
        action), so whatever the caller does next cannot stretch that interval.
        """
        self.disarm()
        wait_until("a tick after the action", lambda: bool(self.ticks) and self.ticks[-1] > end,
                   10)
        after = next(t for t in self.ticks if t > end)
        self.windows.append((sample.t0, after, sample))
        return self.intervals(sample.t0, after)

    def pairs(self, start: float, end: float) -> list[tuple[float, float]]:
        """Successive ticks from the last one at or before ``start`` to ``end``."""
        ticks = [t for t in self.ticks if t <= start][-1:] + \
            [t for t in self.ticks if start < t <= end]
        return list(zip(ticks, ticks[1:]))

    def intervals(self, start: float, end: float) -> list[float]:
        return [(b - a) * 1000 - TICK_MS for a, b in self.pairs(start, end)]

    def notes(self, name: str, order: Sequence[tuple[str, str]], kind: str = ""
              ) -> list[str]:
        """The worst late ticks of the windows whose case starts with ``kind``, with the stage
        each fell in, GC pauses and stall stacks."""
        windows = [w for w in self.windows if w[2].case.startswith(kind)]
        late: list[tuple[float, float, float, Sample]] = []  # lateness, tick, since t0, sample
        for start, end, sample in windows:
            for a, b in self.pairs(start, end):
                late.append(((b - a) * 1000 - TICK_MS, b, (b - sample.t0) * 1000, sample))
        if not late:
            return []
        idle = self.idle()
        values = [v for v, *_ in late]
        out = [f"{name}: {len(values):,} ticks in {len(windows)} timed windows; "
               f"{sum(v > STALL_MS for v in values)} > {STALL_MS:g} ms late, "
               f"{sum(v > LATENESS_MS for v in values)} > {LATENESS_MS:g} ms; idle baseline "
               f"before: p50 {percentile(idle, 50):.2f} / worst {max(idle, default=math.nan):.2f}"
               " ms late"]
        for value, tick, since, sample in sorted(late, key=lambda x: -x[0])[:6]:
            if value <= STALL_MS:
                break
            began = tick - (value + TICK_MS) / 1000
            first, last = stage_at(sample, began, order), stage_at(sample, tick, order)
            where = first if first == last else f"from {first} to {last}"
            gcs = [f"gen{g} gc {ms:.0f} ms on {thread}" for at, ms, g, thread in self.gc.pauses
                   if at < tick and at + ms / 1000 > began]
            out.append(f"    {value:6.1f} ms late, tick at {since:7.1f} ms after t0 of "
                       f"'{sample.case}' (stage: {where})"
                       + (f"; overlaps {', '.join(gcs)}" if gcs else ""))
        timed = [(at, ms, g, thread) for at, ms, g, thread in self.gc.pauses
                 if any(s <= at <= e for s, e, _ in windows)]
        if timed:
            by: dict[tuple[int, str], list[float]] = defaultdict(list)
            for _at, ms, g, thread in timed:
                by[(g, thread)].append(ms)
            out.append(f"{name}: garbage collections ≥ 5 ms in the timed windows: " + "; ".join(
                f"gen{g} on {thread}: {len(v)}× (worst {max(v):.0f} ms)"
                for (g, thread), v in sorted(by.items())))
        # A worker idling in its queue's get() is no suspect.
        stacks = {stack: count for k, kept in self.stacks.items() if k.startswith(kind)
                  for stack, count in kept.items()
                  if not stack.split("] ", 1)[-1].split(" <- ")[0].endswith(" _worker")}
        for stack, count in sorted(stacks.items(), key=lambda kv: -kv[1])[:6]:
            out.append(f"{name}: seen {count}× while the UI thread was overdue: {stack}")
        return out


def stage_at(sample: Sample, at: float, order: Sequence[tuple[str, str]]) -> str:
    """The label of the stage of ``sample`` in which ``at`` falls."""
    if at < sample.t0:
        return "before t0"
    previous = sample.t0
    for stamp, label in order:
        when = sample.stamps.get(stamp)
        if when is None:
            continue
        if previous <= at <= when:
            return label
        previous = max(previous, when)
    return "after the end"


def stage_notes(name: str, samples: Sequence[Sample], order: Sequence[tuple[str, str]]
                ) -> list[str]:
    """Median and worst of each stage (differences of successive stamps), and the slowest
    sample's breakdown."""
    def stages(sample: Sample) -> dict[str, float]:
        out: dict[str, float] = {}
        previous = sample.t0
        for stamp, label in order:
            when = sample.stamps.get(stamp)
            if when is None:
                continue
            out[label] = (when - previous) * 1000
            previous = when
        for key, seconds in sample.extra.items():
            out[f"[{key}]"] = seconds * 1000
        return out

    table = [stages(s) for s in samples]
    labels = list(dict.fromkeys(k for st in table for k in st))
    cells = "  ".join(f"{k} {statistics.median(st.get(k, 0.0) for st in table):.1f}/"
                      f"{max(st.get(k, 0.0) for st in table):.1f}" for k in labels)
    worst = max(samples, key=lambda s: s.total_ms)
    worst_cells = "  ".join(f"{k} {v:.1f}" for k, v in stages(worst).items())
    return [f"{name}: stages, median/worst ms ([x]: time inside x, part of a stage): {cells}",
            f"{name}: slowest sample '{worst.case}' {worst.total_ms:.1f} ms: {worst_cells}"]


# --- the parent: database copy, workers, report ------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, help="SQLite file to copy (built if it holds no data)")
    parser.add_argument("--customers", type=int, default=200_000, help="size of a new database")
    parser.add_argument("--groups", type=int, default=20_000, help="size of a new database")
    parser.add_argument("--members-per-customer", type=float, default=10.0,
                        help="size of a new database")
    parser.add_argument("--platforms", default="offscreen,xcb",
                        help="comma-separated Qt platforms (xcb runs under xvfb-run)")
    parser.add_argument("--rounds", type=int, default=10,
                        help="timed rounds of the picker cases (after one warm-up)")
    parser.add_argument("--heavy-rounds", type=int, default=5,
                        help="timed rounds of the paste and the save (after one warm-up)")
    parser.add_argument("--paste-codes", type=int, default=100_000, help="codes pasted")
    parser.add_argument("--add", type=int, default=50_000, help="pending additions saved")
    profiling = parser.add_mutually_exclusive_group()
    profiling.add_argument("--profile", action="store_true",
                           help="profile every operation, not only those that miss")
    profiling.add_argument("--no-profile", action="store_true", help="never profile")
    # Internal: the measurements on one platform, in this (fresh) process.
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def copy_database(source: Path, target: Path) -> float:
    """A consistent copy (WAL included) through SQLite's backup API; seconds taken."""
    start = time.perf_counter()
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = wal")
    finally:
        dst.close()
        src.close()
    return time.perf_counter() - start


def run_worker(args: argparse.Namespace, qt_platform: str, db_path: Path,
               scratch: Path) -> dict[str, Any] | None:
    out = scratch / f"{qt_platform}.json"
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", qt_platform,
           "--json", str(out), "--db", str(db_path), "--rounds", str(args.rounds),
           "--heavy-rounds", str(args.heavy_rounds), "--paste-codes", str(args.paste_codes),
           "--add", str(args.add)]
    cmd += ["--profile"] if args.profile else ["--no-profile"] if args.no_profile else []
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


def print_table(rows: Sequence[Row]) -> None:
    width = max(len(r.operation) + (0 if r.decides else 2) for r in rows)
    header = (f"{'operation':<{width}} {'n':>5} {'p50 ms':>9} {'p95 ms':>9} {'worst':>9}  "
              f"{'target':<18} result")
    print(header)
    print("-" * len(header))
    for r in rows:
        name = r.operation if r.decides else "  " + r.operation
        print(f"{name:<{width}} {len(r.samples):>5} {fmt(r.p50):>9} {fmt(r.p95):>9} "
              f"{fmt(r.worst):>9}  {r.target:<18} {r.result}")


def print_markdown(runs: dict[str, list[Row]], facts: Sequence[tuple[str, str]],
                   data: str) -> None:
    names = list(runs)
    head = " | ".join(f"{n} p50 / p95 / worst (ms)" for n in names)
    print(f"| Operation | target | {head} | result |")
    print("|---|---|" + "---:|" * len(names) + "---|")
    for first in runs[names[0]]:
        if not (first.decides or first.note == "summary"):
            continue
        cells, passed = [], True
        for n in names:
            row = next((r for r in runs[n] if r.operation == first.operation), None)
            if row is None:
                cells.append("—")
                continue
            cells.append(f"{fmt(row.p50)} / {fmt(row.p95)} / {fmt(row.worst)}")
            passed = passed and row.passed
        target = first.target if first.decides else "(reported)"
        result = ("PASS" if passed else "**MISS**") if first.decides else ""
        print(f"| {first.operation} | {target} | " + " | ".join(cells) + f" | {result} |")
    print()
    print(f"Data: {data}; the group edited is the busiest. Machine: "
          + ", ".join(f"{k} {v}" for k, v in facts if k != "openpyxl") + ".")


def parent(args: argparse.Namespace) -> int:
    facts = machine_facts()
    facts.append(("load average", f"{os.getloadavg()[0]:.2f} (1 min) at start"))
    print("machine: " + "; ".join(f"{k} {v}" for k, v in facts))
    source = (args.db or default_path(args)).expanduser().resolve()
    prepare_database(args, source)
    data = describe_database(source)
    print(f"database: {data}")
    runs: dict[str, list[Row]] = {}
    notes: dict[str, list[str]] = {}
    ok = True
    with tempfile.TemporaryDirectory(prefix="bench-editor-") as tmp:
        copy = Path(tmp) / "copy.db"
        seconds = copy_database(source, copy)
        print(f"working on a copy: {copy} ({seconds:.1f} s to copy); {source.name} is not "
              "written")
        for qt_platform in [p.strip() for p in args.platforms.split(",") if p.strip()]:
            scratch = Path(tmp) / qt_platform
            scratch.mkdir()
            result = run_worker(args, qt_platform, copy, scratch)
            if result is None:
                ok = False
                continue
            runs[qt_platform] = [Row.from_json(r) for r in result["rows"]]
            notes[qt_platform] = result["notes"]
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
    print(f"\n{'all targets met' if ok else 'TARGET MISSED'}")
    return 0 if ok else 1


# --- the worker: the picker -----------------------------------------------------------------

KEYSTROKE_ORDER = (
    ("query start", "to worker"),
    ("query end", "search_customers"),
    ("handler start", "to UI thread"),
    ("handler end", "_on_first_page"),
    ("paint start", "to paint"),
    ("paint end", "paint"),
    ("frame end", "rest of frame"),
)
SELECT_ALL_ORDER = (
    ("trigger returned", "click handler"),
    ("query start", "to worker"),
    ("query end", "selectable_customers"),
    ("tick start", "to UI thread"),
    ("labels updated", "tick + labels"),
    ("paint start", "to paint"),
    ("paint end", "paint"),
    ("frame end", "rest of frame"),
)


def instrument_picker(clock: Clock, picker: Any) -> None:
    """Wrap the picker's queries, first-page handler, ticks and paints to stamp samples."""
    from PySide6.QtWidgets import QLabel, QTableView

    import custgroups.ui.customer_picker as picker_module

    search = picker_module.search_customers
    matching = picker_module.selectable_customers

    def search_customers(term: str = "", offset: int = 0, limit: int = 100,
                         **options: Any) -> Any:
        start = time.perf_counter()
        try:
            return search(term, offset, limit, **options)
        finally:
            if offset == 0 and not clock.has("query start"):
                clock.stamp("query start", start)
                clock.stamp("query end")

    def selectable_customers(term: str = "") -> Any:
        start = time.perf_counter()
        try:
            return matching(term)
        finally:
            clock.stamp("query start", start)
            clock.stamp("query end")

    picker_module.search_customers = search_customers
    picker_module.selectable_customers = selectable_customers
    on_first_page = picker._on_first_page
    model_start = picker.model.start
    tick = picker.model.tick

    def first_page(number: int, term: str, page: Any) -> None:
        clock.stamp("handler start")
        on_first_page(number, term, page)
        clock.stamp("handler end")
        if clock.sample is not None:
            clock.sample.info["total"] = page.total

    def start(term: str, page: Any, *rest: Any) -> None:
        began = time.perf_counter()
        model_start(term, page, *rest)
        clock.add("model.start", time.perf_counter() - began)

    def ticked(ids: list[int], checked: bool) -> None:
        clock.stamp("tick start")
        tick(ids, checked)

    def labels_updated() -> None:  # connected after the picker's own _update_labels
        sample = clock.sample
        if sample is not None and "tick start" in sample.stamps:
            clock.stamp("labels updated")
            sample.info["ticked"] = len(picker.model.ticked)
            sample.info["label"] = picker.selected_label.text()
            if sample.end == "labels updated":
                clock.finish(sample, "labels updated")

    picker._on_first_page = first_page
    picker.model.start = start
    picker.model.tick = ticked
    picker.model.ticks_changed.connect(labels_updated)
    hook_paint(clock, picker.table, QTableView, "handler end")
    hook_paint(clock, picker.selected_label, QLabel, "labels updated")


def measure_keystrokes(clock: Clock, picker: Any, rounds: int) -> list[Sample]:
    samples: list[Sample] = []
    for round_no in range(rounds + 1):  # the first round is a warm-up
        for term in KEYSTROKE_TERMS:
            picker.search_edit.setText(term)  # setText: no textEdited, so no debounce timer
            settle(20)  # the line edit repaints as the clerk types, before the timer fires
            sample = clock.run(term, picker.search)
            settle(20)
            if round_no:
                samples.append(sample)
    return samples


def measure_select_all(clock: Clock, picker: Any, rounds: int) -> list[Sample]:
    from custgroups.core.customers import selectable_customers

    expected = {term: len(set(selectable_customers(term).ids) - picker.model.members)
                for term in SELECT_ALL_TERMS}
    samples: list[Sample] = []
    for round_no in range(rounds + 1):
        for term in SELECT_ALL_TERMS:
            picker.search_edit.setText(term)
            clock.run(f"search {term!r}", picker.search)
            if clock.probe is not None:
                clock.probe.disarm()
            if picker.model.ticked:
                picker.model.tick(list(picker.model.ticked), False)
            settle(50)
            total = picker.model.total
            label = (f"select all {total:,} matching "
                     + (f"('{term}')" if term else "(no term)"))
            sample = clock.run(label, picker.select_all_button.click, end="labels updated")
            # Wait for the label's paint too (a detail); the sample stays current meanwhile.
            clock.sample = sample
            wait_until("the label painted", lambda s=sample: "frame end" in s.stamps, 30)
            clock.sample = None
            if clock.probe is not None:
                clock.probe.record(sample, sample.stamps["frame end"])
            want = expected[term]
            if sample.info.get("ticked") != want or f"{want:,}" not in sample.info["label"]:
                raise SystemExit(f"{label}: {sample.info.get('ticked')} ticked, label "
                                 f"{sample.info.get('label')!r}; expected {want:,}")
            sample.info["total"] = total
            settle(50)
            if round_no:
                samples.append(sample)
    if picker.model.ticked:
        picker.model.tick(list(picker.model.ticked), False)
    return samples


def picker_profiles(clock: Clock, picker: Any, terms: Sequence[str], select_all: bool
                    ) -> list[str]:
    from custgroups.core.customers import search_customers, selectable_customers

    ui = cProfile.Profile()
    clock.profiler = ui
    try:
        if select_all:
            for _ in range(2):
                for term in terms:
                    picker.search_edit.setText(term)
                    clock.profiler = None
                    clock.run("search", picker.search)
                    if picker.model.ticked:
                        picker.model.tick(list(picker.model.ticked), False)
                    clock.profiler = ui
                    clock.run("select all", picker.select_all_button.click,
                              end="labels updated")
        else:
            for _ in range(3):
                for term in terms:
                    picker.search_edit.setText(term)
                    clock.run(term, picker.search)
    finally:
        clock.profiler = None
    query = cProfile.Profile()
    for term in terms:
        if select_all:
            query.runcall(selectable_customers, term)
        else:
            for _ in range(3):
                query.runcall(search_customers, term, 0, 200)
    what = "select all" if select_all else "keystroke"
    names = ", ".join(repr(t) for t in terms)
    return [profile_text(ui, f"{what}: cProfile of the UI thread (trigger, event loop, "
                             f"handlers, paint) for {names}"),
            profile_text(query, f"{what}: cProfile of the worker's query run on its own for "
                                f"{names}")]


# --- the worker: the paste box and Save --------------------------------------------------

PASTE_ORDER = (
    ("trigger returned", "resolve() on the UI thread"),
    ("parse start", "to worker"),
    ("parse end", "read_paste"),
    ("resolve end", "resolve_codes"),
    ("handler start", "to UI thread"),
    ("show start", "_adjusted + members()"),
    ("show end", "_show"),
    ("paint start", "to paint"),
    ("paint end", "paint"),
    ("frame end", "rest of frame"),
)
ADD_ORDER = (  # the click handler overlaps the worker: see its [click handler] time
    ("query start", "to worker"),
    ("query end", "customers_by_ids"),
    ("add start", "to UI thread"),
    ("add end", "members.add (_refilter)"),
    ("paint start", "to paint (+ _added, paste.refresh)"),
    ("paint end", "paint"),
    ("frame end", "rest of frame"),
    ("settled", "paste box re-sorting what is left"),
)
SAVE_ORDER = (
    ("trigger returned", "accept() on the UI thread"),
    ("save start", "to worker"),
    ("save end", "save_group"),
    ("handler start", "to UI thread"),
    ("accepted", "_on_saved (done, lane shutdown, hide)"),
)


@dataclass(frozen=True)
class Paste:
    text: str
    codes: int
    members: int
    new: int
    new_active: int
    duplicates: int
    unknown: int


def paste_text(db_path: Path, members: set[int], count: int, rng: random.Random) -> Paste:
    """``count`` codes: 60 % new customers, 15 % members of the group, 15 % repeats of those
    (half in lower case), 10 % unknown; shuffled, one per line."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        customers = conn.execute("SELECT id, code, active FROM customer").fetchall()
    finally:
        conn.close()
    inside = [(code, bool(active)) for cid, code, active in customers if cid in members]
    outside = [(code, bool(active)) for cid, code, active in customers if cid not in members]
    n_members, n_dupes, n_unknown = count * 15 // 100, count * 15 // 100, count // 10
    n_new = count - n_members - n_dupes - n_unknown
    chosen_members = rng.sample(inside, n_members)
    chosen_new = rng.sample(outside, n_new)
    firsts = [code for code, _ in chosen_members + chosen_new]
    dupes = [code.lower() if i % 2 else code for i, code in
             enumerate(rng.choices(firsts, k=n_dupes))]
    unknown = [f"X{n:07d}" for n in rng.sample(range(10_000_000), n_unknown)]
    # Whichever of two spellings comes first counts as the first: the counts are the same.
    tokens = firsts + dupes + unknown
    rng.shuffle(tokens)
    return Paste("\n".join(tokens), count, n_members, n_new,
                 sum(active for _, active in chosen_new), n_dupes, n_unknown)


def check_resolution(resolution: Any, paste: Paste) -> None:
    got = (len(resolution.already_members), len(resolution.recognised),
           len(resolution.inactive), len(resolution.duplicates), len(resolution.unknown))
    want = (paste.members, paste.new_active, paste.new - paste.new_active, paste.duplicates,
            paste.unknown)
    if got != want:
        raise SystemExit(f"paste resolved to (members, recognised, inactive, duplicates, "
                         f"unknown) = {got}, expected {want}")


def instrument_editor(clock: Clock, dialog: Any) -> None:
    """Wrap the paste box's worker functions and handlers, and the editor's add, to stamp."""
    from PySide6.QtWidgets import QLabel, QTableView

    import custgroups.ui.members_panel as form_module
    import custgroups.ui.paste_box as paste_module

    if not getattr(paste_module, "_bench_wrapped", False):
        parse, resolve, by_ids = (paste_module.read_paste, paste_module.resolve_codes,
                                  form_module.customers_by_ids)

        def read_paste(text: str, known: Any = None) -> Any:
            clock.stamp("parse start")
            try:
                return parse(text, known) if known is not None else parse(text)
            finally:
                clock.stamp("parse end")

        def resolve_codes(codes: Any, group_id: Any = None, progress: Any = None) -> Any:
            try:
                return resolve(codes, group_id, progress)
            finally:
                clock.stamp("resolve end")
                if clock.sample is not None:
                    info = clock.sample.info
                    info["resolves"] = info.get("resolves", 0) + 1

        def customers_by_ids(ids: Any) -> Any:
            start = time.perf_counter()
            try:
                return by_ids(ids)
            finally:
                clock.stamp("query start", start)
                clock.stamp("query end")

        paste_module.read_paste = read_paste
        paste_module.resolve_codes = resolve_codes
        form_module.customers_by_ids = customers_by_ids
        paste_module._bench_wrapped = True  # type: ignore[attr-defined]

    paste = dialog.paste
    on_resolved, show, add = paste._on_resolved, paste._show, dialog.members.arrive

    def resolved(number: int, resolution: Any, kept_whole: Any) -> None:
        clock.stamp("handler start")
        on_resolved(number, resolution, kept_whole)

    def shown(resolution: Any, *rest: Any) -> None:
        if resolution is not None:
            clock.stamp("show start")
        show(resolution, *rest)
        if resolution is not None:
            clock.stamp("show end")

    def added(rows: Any) -> None:
        clock.stamp("add start")
        try:
            add(rows)
        finally:
            clock.stamp("add end")

    paste._on_resolved = resolved
    paste._show = shown
    dialog.members.arrive = added
    hook_paint(clock, paste.summary, QLabel, "show end", "resolve")
    hook_paint(clock, dialog.panel.table, QTableView, "add end", "add")


def open_editor(group: Any) -> Any:
    from custgroups.ui.group_form import GroupDialog

    dialog = GroupDialog(WHO, group)
    dialog.show()
    wait_until("the editor's members", lambda: not dialog.panel.loading
               and dialog.members.rowCount() == group.member_count, 120)
    settle(100)
    return dialog


def measure_paste(clock: Clock, probe: Probe, dialog: Any, paste: Paste, rounds: int
                  ) -> dict[str, list[Any]]:
    saved_rows = dialog.members.saved_members()
    box = dialog.paste
    out: dict[str, list[Any]] = defaultdict(list)
    for round_no in range(rounds + 1):
        box.edit.clear()
        settle(400)  # the debounce sorts the empty box
        start = time.perf_counter()
        box.edit.setPlainText(paste.text)
        set_text_ms = (time.perf_counter() - start) * 1000
        box._timer.stop()  # resolve() is called by hand below, as the debounce would
        settle(100)
        sample = clock.run("resolve", box.resolve)
        lateness = probe.record(sample, sample.stamps["frame end"])
        check_resolution(box.resolution, paste)
        settle(50)
        recognised = len(box.resolution.recognised)
        add = clock.run(f"add {recognised:,}", box.add_button.click)
        clock.sample = add
        wait_until("the paste box to settle", lambda: not dialog.members.arriving
                   and not box._lane.busy and not box._timer.isActive()
                   and box.resolution is not None and not box.resolution.recognised, 60)
        add.stamps["settled"] = time.perf_counter()
        add.extra["click handler"] = add.stamps["trigger returned"] - add.t0
        clock.sample = None
        add_lateness = probe.record(add, add.stamps["settled"])
        if dialog.members.count_after_save() != len(saved_rows) + recognised:
            raise SystemExit(f"Add Recognised: {dialog.members.count_after_save()} members, "
                             f"expected {len(saved_rows) + recognised}")
        dialog.members.load(saved_rows)
        settle(50)
        if round_no:
            out["resolve"].append(sample)
            out["lateness"] += lateness
            out["set text"].append(set_text_ms)
            out["add"].append(add)
            out["add lateness"] += add_lateness
    box.edit.clear()
    settle(400)
    return out


def measure_save(clock: Clock, probe: Probe | None, group_id: int, add_ids: list[int],
                 add_rows: list[Any], rounds: int) -> dict[str, list[Any]]:
    import custgroups.ui.group_form as form_module
    from custgroups.core.groups import change_members, get_group

    original = form_module.save_group

    def save_group(change: Any, who: str, progress: Any = None) -> Any:
        clock.stamp("save start")
        try:
            return original(change, who, progress)
        finally:
            clock.stamp("save end")

    form_module.save_group = save_group
    out: dict[str, list[Any]] = defaultdict(list)
    try:
        for round_no in range(rounds + 1):
            group = get_group(group_id)
            base = group.member_count
            dialog = open_editor(group)
            start = time.perf_counter()
            dialog.panel.add_ids(set(add_ids))
            wait_until("the additions' rows", lambda: not dialog.members.arriving, 60)
            add_ms = (time.perf_counter() - start) * 1000
            settle(200)
            if len(dialog.members.added_ids) != len(add_ids):
                raise SystemExit(f"{len(dialog.members.added_ids)} pending additions, "
                                 f"expected {len(add_ids)}")
            on_saved = dialog._on_saved

            def saved(group: Any, on_saved: Callable[[Any], None] = on_saved) -> None:
                clock.stamp("handler start")
                on_saved(group)

            dialog._on_saved = saved
            dialog.accepted.connect(lambda: clock.sample is not None and clock.finish(
                clock.sample, "accepted"))
            sample = clock.run("save", dialog.accept, end="accepted")
            lateness = probe.record(sample, sample.stamps["accepted"]) if probe else []
            if dialog.saved is None or dialog.saved.member_count != base + len(add_ids):
                raise SystemExit(f"save: {dialog.saved} (expected {base + len(add_ids):,} "
                                 "members)")
            dialog.deleteLater()
            settle(100)
            undone = change_members(group_id, WHO, remove_ids=add_ids)
            after = get_group(group_id).member_count
            if undone != (0, len(add_ids)) or after != base:
                raise SystemExit(f"undo of the save: {undone}, {after:,} members, "
                                 f"expected {base:,}")
            if round_no:
                out["save"].append(sample)
                out["lateness"] += lateness
                out["add ms"].append(add_ms)
    finally:
        form_module.save_group = original
    return out


def heavy_profiles(clock: Clock, what: str, ui_action: Callable[[], None],
                   worker_action: Callable[[], None]) -> list[str]:
    ui = cProfile.Profile()
    clock.profiler = ui
    try:
        ui_action()
    finally:
        clock.profiler = None
    work = cProfile.Profile()
    work.enable()
    try:
        worker_action()
    finally:
        work.disable()
    return [profile_text(ui, f"{what}: cProfile of the UI thread during one more run"),
            profile_text(work, f"{what}: cProfile of the worker's function run on its own")]


# --- the worker: everything on one platform -----------------------------------------------


def worker(args: argparse.Namespace) -> int:
    qt_platform = args.worker
    db_path = args.db.resolve()
    rows: list[Row] = []
    notes: list[str] = [f"load average at start {os.getloadavg()[0]:.2f} (1 min, {os.cpu_count()} "
                        "cpus): other processes compete with the run when it is high"]
    profiles: list[str] = []

    from PySide6.QtCore import Qt, qInstallMessageHandler
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from custgroups.app import configure_application
    from custgroups.core import db
    from custgroups.core.customers import customers_by_ids, search_customers
    from custgroups.core.groups import get_group, member_ids
    from custgroups.ui import messages
    from custgroups.ui.customer_picker import CustomerPicker

    def no_dialog(*args: object, **kwargs: object) -> bool:
        raise SystemExit(f"a message box would block the run: {args[1:3]}")

    for name in ("confirm", "inform", "warn", "done_with_folder"):
        setattr(messages, name, no_dialog)

    def qt_message(_mode: Any, _context: Any, message: str) -> None:
        # The offscreen plugin says so on every resize of a label's window: noise.
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(qt_message)
    QApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(sys.argv[:1])
    configure_application()
    db.open_database(f"sqlite:///{db_path}")
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    group_id = conn.execute("SELECT id FROM customer_group WHERE active "
                            "ORDER BY member_count DESC, id LIMIT 1").fetchone()[0]
    conn.close()
    group = get_group(group_id)
    screen = QGuiApplication.primaryScreen()
    notes.append(f"platform {QGuiApplication.platformName()}, style {app.style().name()}, "
                 f"screen {screen.size().width()}×{screen.size().height()} @ "
                 f"{screen.devicePixelRatio():g}x; group edited: {group.code} with "
                 f"{group.member_count:,} members")
    clock = Clock()
    rng = random.Random(2026)

    start = time.perf_counter()
    editor = open_editor(group)
    notes.append(f"editor opened with {group.member_count:,} members loaded in "
                 f"{(time.perf_counter() - start) * 1000:.0f} ms (untimed setup)")

    # 1. Picker keystrokes.
    picker = CustomerPicker(editor.members.member_ids(), editor)
    instrument_picker(clock, picker)
    picker.show()
    wait_until("the picker's first page", lambda: picker.model.rowCount() > 0, 60)
    settle(200)
    viewport = picker.table.viewport()
    notes.append(f"picker {picker.width()}×{picker.height()}, table viewport "
                 f"{viewport.width()}×{viewport.height()}")
    print(f"picker keystroke → painted: 1 warm-up + {args.rounds} rounds of "
          f"{len(KEYSTROKE_TERMS)} terms ...", flush=True)
    keystrokes = measure_keystrokes(clock, picker, args.rounds)
    row = Row("picker keystroke → results painted", [s.total_ms for s in keystrokes],
              KEYSTROKE_P95_MS)
    rows.append(row)
    by_term: dict[str, list[Sample]] = defaultdict(list)
    for s in keystrokes:
        by_term[s.case].append(s)
    for term, samples in by_term.items():
        rows.append(Row(f"'{term}' [{samples[0].info.get('total', 0):,} match]",
                        [s.total_ms for s in samples]))
    notes += stage_notes("keystroke", keystrokes, KEYSTROKE_ORDER)
    slow = sorted(by_term, key=lambda t: -percentile([s.total_ms for s in by_term[t]], 50))
    notes.append("keystroke: slowest terms by median: " + ", ".join(
        f"'{t}' {percentile([s.total_ms for s in by_term[t]], 50):.1f} ms" for t in slow[:5]))
    print(f"  p50 {row.p50:.1f} ms, p95 {row.p95:.1f} ms, worst {row.worst:.1f} ms "
          f"{row.result}", flush=True)
    if (args.profile or not row.passed) and not args.no_profile:
        profiles += picker_profiles(clock, picker, slow[:3], select_all=False)

    # 2. Select all matching.
    for term in SELECT_ALL_TERMS:
        total = search_customers(term, 0, 1).total
        if total < SELECT_ALL_MIN:
            raise SystemExit(f"select all: '{term}' matches {total:,}, fewer than "
                             f"{SELECT_ALL_MIN:,}")
    print(f"picker select all matching: 1 warm-up + {args.rounds} rounds of "
          f"{len(SELECT_ALL_TERMS)} terms ...", flush=True)
    probe = Probe().start()
    clock.probe = probe
    selects = measure_select_all(clock, picker, args.rounds)
    clock.probe = None
    probe.stop()
    select_lateness = [v for s, e, _ in probe.windows for v in probe.intervals(s, e)]
    by_case: dict[str, list[Sample]] = defaultdict(list)
    for s in selects:
        by_case[s.case].append(s)
    select_rows = []
    for case, samples in by_case.items():
        select_rows.append(Row(f"picker {case} → ticked + label set",
                               [s.total_ms for s in samples], SELECT_ALL_MS, "worst"))
        rows.append(select_rows[-1])
        rows.append(Row(f"… → label painted ({case.split(' matching')[0][11:]})",
                        [s.ms("frame end") for s in samples]))
    rows.append(Row("UI lateness during select all", select_lateness))
    notes += stage_notes("select all", selects, SELECT_ALL_ORDER)
    notes += probe.notes("select all", SELECT_ALL_ORDER, "select all")
    for r in select_rows:
        print(f"  {r.operation}: p50 {r.p50:.0f} ms, worst {r.worst:.0f} ms {r.result}",
              flush=True)
    if (args.profile or not all(r.passed for r in select_rows)) and not args.no_profile:
        profiles += picker_profiles(clock, picker, SELECT_ALL_TERMS, select_all=True)
    picker.done(0)
    picker.deleteLater()
    settle(100)

    # 3. Paste box.
    members = editor.members.member_ids()
    paste = paste_text(db_path, members, args.paste_codes, rng)
    notes.append(f"paste: {paste.codes:,} codes ({len(paste.text) / 1e6:.1f} MB of text): "
                 f"{paste.new:,} new ({paste.new_active:,} active), {paste.members:,} "
                 f"members, {paste.duplicates:,} repeats (half in lower case), "
                 f"{paste.unknown:,} unknown")
    instrument_editor(clock, editor)
    tracked = len(gc.get_objects())
    start = time.perf_counter()
    gc.collect()
    notes.append(f"paste: {tracked:,} objects tracked by the garbage collector with the editor "
                 f"open; a full collection (which holds the GIL, so the UI waits for it "
                 f"whichever thread triggers it) takes {(time.perf_counter() - start) * 1000:.0f}"
                 " ms")
    print(f"paste {paste.codes:,} codes: 1 warm-up + {args.heavy_rounds} rounds ...",
          flush=True)
    probe = Probe().start()
    clock.probe = probe
    pasted = measure_paste(clock, probe, editor, paste, args.heavy_rounds)
    clock.probe = None
    probe.stop()
    paste_row = Row(f"UI lateness while resolving {paste.codes:,} pasted codes",
                    pasted["lateness"], LATENESS_MS, "worst")
    rows.append(paste_row)
    rows.append(Row(f"paste: resolve() → summary painted ({paste.codes:,} codes)",
                    [s.total_ms for s in pasted["resolve"]], note="summary"))
    rows.append(Row(f"paste: setPlainText of {paste.codes:,} codes (UI thread)",
                    pasted["set text"], note="summary"))
    recognised = paste.new_active
    rows.append(Row(f"paste: Add Recognised ({recognised:,}) → members painted",
                    [s.ms("frame end") for s in pasted["add"]], note="summary"))
    rows.append(Row("UI lateness during Add Recognised (to paste box settled)",
                    pasted["add lateness"], note="summary"))
    notes += stage_notes("paste resolve", pasted["resolve"], PASTE_ORDER)
    notes += stage_notes("paste add", pasted["add"], ADD_ORDER)
    runs = sorted({s.info.get("resolves", 0) for s in pasted["add"]})
    notes.append(f"paste add: resolve_codes ran {' or '.join(map(str, runs))} time(s) per click "
                 "on what is left in the box (the debounce of the box's new text, and "
                 "paste.refresh() once the members are added)")
    notes += probe.notes("paste resolve", PASTE_ORDER, "resolve")
    notes += probe.notes("paste add", ADD_ORDER, "add")
    resolve_ms = [s.total_ms for s in pasted["resolve"]]
    print(f"  resolve p50 {percentile(resolve_ms, 50):.0f} ms; lateness worst "
          f"{paste_row.worst:.1f} ms {paste_row.result}", flush=True)
    if (args.profile or not paste_row.passed) and not args.no_profile:
        from custgroups.core.codes import parse_codes
        from custgroups.core.customers import resolve_codes

        def one_more_paste() -> None:
            editor.paste.edit.setPlainText(paste.text)
            editor.paste._timer.stop()
            clock.run("resolve", editor.paste.resolve)
            editor.paste.edit.clear()
            settle(400)

        profiles += heavy_profiles(clock, "paste resolve", one_more_paste,
                                   lambda: resolve_codes(parse_codes(paste.text), group_id))
    editor.done(0)
    editor.deleteLater()
    settle(100)

    # 4. Save with pending additions.
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    # Active customers only: inactive ones are never added to a group.
    outside = [cid for (cid,) in conn.execute("SELECT id FROM customer WHERE active")
               if cid not in members]
    conn.close()
    add_ids = sorted(rng.sample(outside, args.add))
    add_rows = customers_by_ids(add_ids)
    print(f"save with {args.add:,} pending additions: 1 warm-up + {args.heavy_rounds} rounds "
          "...", flush=True)
    probe = Probe().start()
    clock.probe = probe
    saves = measure_save(clock, probe, group_id, add_ids, add_rows, args.heavy_rounds)
    clock.probe = None
    probe.stop()
    save_row = Row(f"UI lateness during Save of {args.add:,} additions", saves["lateness"],
                   LATENESS_MS, "worst")
    rows.append(save_row)
    rows.append(Row(f"save: accept() → dialog accepted ({args.add:,} additions)",
                    [s.total_ms for s in saves["save"]], note="summary"))
    rows.append(Row(f"save setup: members.add of {args.add:,} (UI thread)", saves["add ms"],
                    note="summary"))
    notes += stage_notes("save", saves["save"], SAVE_ORDER)
    notes += probe.notes("save", SAVE_ORDER)
    print(f"  save p50 {percentile([s.total_ms for s in saves['save']], 50):.0f} ms; "
          f"lateness worst {save_row.worst:.1f} ms {save_row.result}", flush=True)
    if (args.profile or not save_row.passed) and not args.no_profile:
        from custgroups.core.groups import GroupChange, change_members, save_group

        def one_more_save() -> None:
            measure_save(clock, probe, group_id, add_ids, add_rows, 0)

        def save_alone() -> None:
            g = get_group(group_id)
            save_group(GroupChange(g.name, g.description, g.active, "", g.id, g.version,
                                   frozenset(add_ids)), WHO)
            change_members(group_id, WHO, remove_ids=add_ids)

        profiles += heavy_profiles(clock, "save", one_more_save, save_alone)
    if member_ids(group_id) != members:
        raise SystemExit("the group's members differ from before the run")

    notes.append(f"load average at end {os.getloadavg()[0]:.2f}")
    print(f"\n[{qt_platform}]")
    print_table(rows)
    for note in notes:
        print(f"  {note}")
    for text in profiles:
        print(text)
    payload = {"platform": qt_platform, "rows": [r.to_json() for r in rows],
               "notes": notes + profiles}
    args.json.write_text(json.dumps(payload), encoding="utf-8")
    db.close_database()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.worker:
        return worker(args)
    return parent(args)


if __name__ == "__main__":
    sys.exit(main())
