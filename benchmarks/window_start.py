"""bench_window's cold start: ``python main.py --database <file>`` in a child process, stamped
at each stage up to the end of the frame that first paints the loaded page."""

from __future__ import annotations

import json
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from harness import REPO, Row

READY = "BENCH_WINDOW_READY "

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


# The floor: a bare Qt window with an empty table, shown and painted once, nothing of ours.
BARE = r'''
import time
_T0 = time.time()
import json
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget

class Table(QTableWidget):
    def paintEvent(self, event):
        super().paintEvent(event)
        QTimer.singleShot(0, done)


def done():
    print("BENCH_WINDOW_READY " + json.dumps(
        {"interpreter ready": _T0, "frame done": time.time()}), flush=True)
    app.quit()


app = QApplication([])
window = QMainWindow()
window.setCentralWidget(Table(50, 6))
window.resize(1280, 800)
window.show()
app.exec()
'''


def launch(db_path: Path, extra: Sequence[str] = (), script: str = LAUNCHER
           ) -> tuple[dict[str, float], str]:
    """One cold start: stage stamps relative to spawn (ms), and the child's stderr."""
    cmd = [sys.executable, *extra, "-c", script, "--database", f"sqlite:///{db_path}"]
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


def cold_start(db_path: Path, runs: int, want_importtime: bool, target_ms: float
               ) -> tuple[Row, list[str], list[str]]:
    print(f"cold start: 1 warm-up + {runs} runs of python main.py --database <XL> ...",
          flush=True)
    warm, _ = launch(db_path)
    launch(db_path, script=BARE)
    samples: list[dict[str, float]] = []
    bare: list[float] = []
    for _ in range(runs):  # ours and the bare window in turn
        marks, _ = launch(db_path)
        samples.append(marks)
        bare.append(launch(db_path, script=BARE)[0]["frame done"])
        print(f"  painted after {marks['frame done']:7.0f} ms (bare Qt window "
              f"{bare[-1]:5.0f} ms)", flush=True)
    totals = [m["frame done"] for m in samples]
    ratio = statistics.median(totals) / statistics.median(bare)
    row = Row("cold start: main.py to painted window", totals, target_ms, "p50",
              note=f"first (warm-up) run {warm['frame done']:.0f} ms; {ratio:.2f}× a bare "
                   f"Qt window ({statistics.median(bare):.0f} ms)")
    notes = [f"cold start: warm-up run {warm['frame done']:.0f} ms (not counted); "
             f"bare Qt window median {statistics.median(bare):.0f} ms, ours {ratio:.2f}× it "
             f"(target ≤ 1.3×); file cache warm; median stages (ms since spawn):"]
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
