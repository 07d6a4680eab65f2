"""Benchmark the group editor's members list at XL scale: opening the busiest group, and its
filter while a clerk types.

Uses the XL database that ``bench_window.py`` keeps in ``benchmarks/out/`` (200,000
customers, 20,000 groups, 2,000,000 memberships; built on first use) and opens its busiest
group (about 55,000 members) in the real ``GroupDialog``, offscreen. Nothing is written.

1. open -> first rows painted: from building the dialog to the first paint of the members
   table holding rows; and to every member read (``group_loaded``). Target: first rows
   <= 300 ms.
2. typing in the members filter, one key every ``--key-ms`` (120 ms, a quick typist):
   keystroke -> the typed character painted in the field, and, once typing pauses, the
   filter's debounce firing -> the matching rows painted. Target p95 <= 50 ms for each.
   A 10 ms timer on the UI thread measures its lateness throughout. Target: worst
   lateness <= 100 ms.

Run::

    python benchmarks/bench_members.py
    python benchmarks/bench_members.py --rounds 7 --db /tmp/xl.db

Prints the figures (medians and p95 over every round), the machine's facts and a line of
Markdown for the README; exits 1 when a target is missed. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_window import (  # noqa: E402
    default_path,
    describe_database,
    machine_facts,
    percentile,
    prepare_database,
)

TERMS = ("c01", "berg", "oslo trading", "zzq")
TARGETS = {"open": 300.0, "echo": 50.0, "filter": 50.0, "lateness": 100.0}


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="SQLite file to use (reused if it holds data)")
    parser.add_argument("--customers", type=int, default=200_000)
    parser.add_argument("--groups", type=int, default=20_000)
    parser.add_argument("--members-per-customer", type=float, default=10.0)
    parser.add_argument("--rounds", type=int, default=5, help="rounds of every measurement")
    parser.add_argument("--key-ms", type=int, default=120, help="time between key presses")
    return parser.parse_args()


class Lateness:
    """A precise 10 ms timer on the UI thread; how late each tick is."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.late: list[float] = []
        self._last = time.perf_counter()
        self._timer = QTimer(interval=10, timerType=Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.late.append(max(0.0, (now - self._last) * 1000 - 10))
        self._last = now

    def start(self) -> None:
        self.late.clear()
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> list[float]:
        self._timer.stop()
        return list(self.late)


class PaintWatch:
    """Records when a widget is painted (the end of its paint event)."""

    def __init__(self, widget: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        self.times: list[float] = []
        watch = self

        class Filter(QObject):
            def eventFilter(self, _obj: Any, event: Any) -> bool:  # noqa: N802
                if event.type() == QEvent.Type.Paint:
                    watch.times.append(time.perf_counter())
                return False

        self._filter = Filter()
        widget.installEventFilter(self._filter)

    def after(self, start: float) -> float | None:
        return next((t for t in self.times if t >= start), None)


def spin_until(condition: Any, timeout_s: float = 60) -> None:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > end:
            raise SystemExit("timed out waiting")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def spin(ms: float) -> None:
    end = time.perf_counter() + ms / 1000
    spin_until(lambda: time.perf_counter() >= end)


def busiest_group(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT id FROM customer_group ORDER BY member_count DESC "
                                "LIMIT 1").fetchone()[0])
    finally:
        conn.close()


def measure_open(group: Any) -> tuple[float, float, Any]:
    from custgroups.ui.group_form import GroupDialog

    start = time.perf_counter()
    dialog = GroupDialog("bench", group)
    watch = PaintWatch(dialog.panel.table.viewport())
    loaded: list[float] = []
    dialog.group_loaded.connect(lambda: loaded.append(time.perf_counter()))
    first: list[float] = []

    def painted_rows() -> bool:
        if not first and dialog.members.rowCount() and watch.after(start) is not None:
            first.append(watch.times[-1])
        return bool(first) and bool(loaded)

    dialog.show()
    spin_until(painted_rows)
    return (first[0] - start) * 1000, (loaded[0] - start) * 1000, dialog


def measure_typing(dialog: Any, term: str, key_ms: int, lateness: Lateness
                   ) -> tuple[list[float], float, list[float]]:
    """(echo ms per key, debounce -> rows painted ms, lateness ms) for one term."""
    from PySide6.QtTest import QTest

    edit = dialog.panel.filter_edit
    table = PaintWatch(dialog.panel.table.viewport())
    field = PaintWatch(edit)
    edit.setFocus()
    edit.clear()
    spin(400)
    fired: list[float] = []
    shown: list[float] = []
    dialog.panel._filter_timer.timeout.connect(lambda: fired.append(time.perf_counter()))
    dialog.panel.filtered.connect(lambda: shown.append(time.perf_counter()))
    echoes: list[float] = []
    lateness.start()
    for char in term:
        pressed = time.perf_counter()
        QTest.keyClick(edit, char)
        spin_until(lambda: field.after(pressed) is not None, 10)
        echoes.append((field.after(pressed) - pressed) * 1000)  # type: ignore[operator]
        spin(max(0.0, key_ms - (time.perf_counter() - pressed) * 1000))
    spin_until(lambda: bool(shown) and table.after(shown[-1]) is not None)
    spin(100)
    late = lateness.stop()
    painted = table.after(shown[-1])
    assert painted is not None
    dialog.panel._filter_timer.timeout.disconnect()
    dialog.panel._filter_timer.timeout.connect(dialog.panel.apply_filter)
    return echoes, (painted - fired[-1]) * 1000, late


def main() -> int:
    args = parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    scratch = Path(tempfile.mkdtemp(prefix="bench-members-"))
    os.environ["CUSTGROUPS_LOG"] = str(scratch / "custgroups.log")
    path = (args.db or default_path(args)).resolve()
    prepare_database(args, path)
    print(describe_database(path))

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from custgroups.core import db
    from custgroups.core.groups import get_group

    db.open_database("sqlite:///" + path.as_posix())
    group = get_group(busiest_group(path))
    print(f"busiest group {group.code}: {group.member_count:,} members; "
          f"{args.rounds} rounds, one key every {args.key_ms} ms")
    opens: list[float] = []
    loads: list[float] = []
    echoes: list[float] = []
    filters: list[float] = []
    late: list[float] = []
    lateness = Lateness()
    for round_no in range(args.rounds + 1):
        first, loaded, dialog = measure_open(group)
        for term in TERMS:
            echo, shown, worst = measure_typing(dialog, term, args.key_ms, lateness)
            if round_no:  # the first round warms caches and is not counted
                echoes += echo
                filters.append(shown)
                late += worst
        dialog.done(0)
        dialog.deleteLater()
        spin(200)
        if round_no:
            opens.append(first)
            loads.append(loaded)
    app.processEvents()

    figures = {
        "open": (statistics.median(opens), max(opens)),
        "echo": (statistics.median(echoes), percentile(echoes, 95)),
        "filter": (statistics.median(filters), percentile(filters, 95)),
        "lateness": (statistics.median(late), max(late)),
    }
    print(f"{'measure':<40} {'median ms':>10} {'worst/p95':>10} {'target':>8}")
    labels = {"open": "open -> first rows painted (worst)",
              "echo": "keystroke -> character painted (p95)",
              "filter": "pause -> matching rows painted (p95)",
              "lateness": "UI lateness while typing (worst)"}
    missed = False
    for key, (median, high) in figures.items():
        ok = high <= TARGETS[key]
        missed |= not ok
        print(f"{labels[key]:<40} {median:>10.1f} {high:>10.1f} {TARGETS[key]:>7.0f}"
              f"{'' if ok else '  MISSED'}")
    print(f"every member read: median {statistics.median(loads):.0f} ms")
    for name, value in machine_facts():
        print(f"{name}: {value}")
    print("\nMarkdown: | " + " | ".join(
        f"{labels[k]} {figures[k][1]:.0f} ms" for k in figures) + " |")
    db.close_database()
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
