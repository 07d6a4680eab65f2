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

Prints the machine's facts, a table of the figures (p50, p95 and worst over every round)
and its Markdown summary for the README; exits 1 when a target is missed. Not part of the
test suite.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from harness import (
    Row,
    add_database_args,
    begin,
    busiest_group,
    new_parser,
    print_markdown,
    print_rows,
    qt_facts,
)
from ui_harness import LATENESS_MS, TICK_MS, precise_timer, quiet_qt_messages

TERMS = ("c01", "berg", "oslo trading", "zzq")
OPEN_MS = 300.0
ECHO_P95_MS = 50.0
FILTER_P95_MS = 50.0


def parse_args() -> argparse.Namespace:
    parser = new_parser(__doc__)
    add_database_args(parser)
    parser.add_argument("--rounds", type=int, default=5, help="rounds of every measurement")
    parser.add_argument("--key-ms", type=int, default=120, help="time between key presses")
    return parser.parse_args()


class Lateness:
    """A precise timer on the UI thread; how late each tick is."""

    def __init__(self) -> None:
        self.late: list[float] = []
        self._last = time.perf_counter()
        self._timer = precise_timer(TICK_MS, self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.late.append(max(0.0, (now - self._last) * 1000 - TICK_MS))
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


# The measurements wait by spinning the event loop (processEvents with a 5 ms cap) rather
# than sleeping in it, as they always have: their lateness and echo figures stay comparable.
def spin_until(what: str, condition: Callable[[], bool], timeout_s: float = 60) -> None:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > end:
            raise SystemExit(f"timed out waiting for {what}")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def spin(ms: float) -> None:
    end = time.perf_counter() + ms / 1000
    spin_until("time to pass", lambda: time.perf_counter() >= end)


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
    spin_until("the first rows painted", painted_rows)
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
        spin_until("the character painted", lambda: field.after(pressed) is not None, 10)
        echoes.append((field.after(pressed) - pressed) * 1000)  # type: ignore[operator]
        spin(max(0.0, key_ms - (time.perf_counter() - pressed) * 1000))
    spin_until("the matching rows painted",
               lambda: bool(shown) and table.after(shown[-1]) is not None)
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
    facts, path, database = begin(args, *qt_facts())

    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch))
    quiet_qt_messages()
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
    db.close_database()

    rows = [Row("open → first rows painted", opens, OPEN_MS, "worst"),
            Row("open → every member read", loads, note="summary"),
            Row("keystroke → character painted", echoes, ECHO_P95_MS),
            Row("pause → matching rows painted", filters, FILTER_P95_MS),
            Row("UI lateness while typing", late, LATENESS_MS, "worst")]
    print()
    print_rows(rows)
    print("\n### Summary (Markdown)\n")
    print_markdown({QGuiApplication.platformName(): rows}, facts,
                   f"{database}; the group opened is the busiest")
    return 0 if all(r.passed for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
