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
   started through ``MainWindow._run_export`` as the window runs it (in a process of its
   own, ``export_groups_apart``): a 10 ms precise ``QTimer`` on the UI thread,
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

The window's instruments and the clerk's actions are in ``window_probe.py``, the cold
start in ``window_start.py``; what every benchmark shares is in ``harness.py``.
"""

from __future__ import annotations

import argparse
import cProfile
import math
import random
import shutil
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from harness import (
    Row,
    add_database_args,
    add_platform_args,
    add_profile_args,
    begin,
    new_parser,
    percentile,
    profile_text,
    qt_facts,
    version,
    wants_profile,
)
from ui_harness import (
    LATENESS_MS,
    STALL_MS,
    TICK_MS,
    GcWatch,
    StallWatch,
    load_note,
    precise_timer,
    quiet_qt_messages,
    report_platforms,
    report_worker,
    run_platforms,
    screen_note,
    settle,
    stall_notes,
    start_application,
)
from window_probe import (
    Instruments,
    Sample,
    Scenario,
    filter_steps,
    page_steps,
    profile_scenario,
    relabel_sorts,
    run_scenario,
    sort_steps,
    stage_notes,
)
from window_start import cold_start

INTERACTIVE_P95_MS = 50.0
COLD_START_MS = 1500.0

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


# --- the parent: database, workers, report ----------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = new_parser(__doc__)
    add_database_args(parser)
    add_platform_args(parser)
    parser.add_argument("--rounds", type=int, default=10,
                        help="timed rounds of every interactive case (after one warm-up)")
    parser.add_argument("--cold-runs", type=int, default=5, help="timed cold starts")
    parser.add_argument("--export-seconds", type=float, default=15.0,
                        help="cancel the export after this long (0: let it finish)")
    add_profile_args(parser, "every operation")
    parser.add_argument("--importtime", action="store_true",
                        help="show the -X importtime summary even when the cold start passes")
    return parser.parse_args(argv)


def parent(args: argparse.Namespace) -> int:
    facts, db_path, database = begin(args, *qt_facts(), ("openpyxl", version("openpyxl")))
    options = ["--rounds", str(args.rounds), "--cold-runs", str(args.cold_runs),
               "--export-seconds", str(args.export_seconds)]
    options += ["--importtime"] if args.importtime else []
    with tempfile.TemporaryDirectory(prefix="bench-window-") as tmp:
        runs, notes = run_platforms(args, __file__, db_path, Path(tmp), options)
    return report_platforms(args, runs, notes, facts, str(database))


# --- the worker: the export's effect on the UI thread ------------------------------------


def measure_export(window: Any, seconds: float, profiler: cProfile.Profile | None = None
                   ) -> tuple[list[float], list[str]]:
    """10 ms timer lateness on the UI thread while an export of every group runs."""
    from PySide6.QtCore import QEventLoop, QTimer

    from custgroups.core.sheets.export import export_groups_apart
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

    timer = precise_timer(TICK_MS, on_tick)
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
        # As the window runs it: with members, in a process of its own.
        job = window._run_export("Exporting groups…", lambda report: export_groups_apart(
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
            overlapping = gcs.overlapping(began, ended)
            phase = "members sheet" if began >= members_from else "groups sheet"
            (ui0, proc0), (ui1, proc1) = cpu[first + i], cpu[first + i + 1]
            notes.append(f"    {lateness[i]:6.1f} ms late at {ended - start:6.2f} s ({phase}); "
                         f"CPU meanwhile: UI thread {(ui1 - ui0) * 1000:.0f} ms, process "
                         f"{(proc1 - proc0) * 1000:.0f} ms of {(ended - began) * 1000:.0f}"
                         + (f"; overlaps {', '.join(overlapping)}" if overlapping else ""))
    if gcs.pauses:
        notes.append(f"export: garbage collections ≥ 5 ms: {gcs.summary()}")
    return lateness, notes + stall_notes("export", watch.stacks)


def worker(args: argparse.Namespace) -> int:
    db_path = args.db.resolve()
    rows: list[Row] = []
    notes: list[str] = [load_note("start")]
    details: list[str] = []

    cold_row, cold_notes, cold_details = cold_start(db_path, args.cold_runs, args.importtime,
                                                    COLD_START_MS)

    from PySide6.QtCore import Qt

    from custgroups.app import open_main_window
    from custgroups.ui.models.group_model import Column

    quiet_qt_messages()
    app = start_application()
    window = open_main_window(f"sqlite:///{db_path}")
    instruments = Instruments(window)
    startup = instruments.measure("startup", window.show)
    viewport = window.table.viewport()
    notes.append(f"{screen_note(app)}, window {window.width()}×{window.height()}, "
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
        Scenario("filter settled → repainted", filter_steps(window, FILTER_CASES),
                 after=reset_filters),
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
        if wants_profile(args, row.passed):
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
    if wants_profile(args, export_row.passed):
        profiler = cProfile.Profile()
        _, again = measure_export(window, min(args.export_seconds or 15.0, 10.0), profiler)
        profiles.append(profile_text(profiler, "export: cProfile of the UI thread during a "
                                               "second (profiled) export run; " + again[-1]))

    notes.append(load_note("end"))
    window.close()
    app.processEvents()
    return report_worker(args, rows, notes, details + profiles, details)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.worker:
        return worker(args)
    return parent(args)


if __name__ == "__main__":
    sys.exit(main())
