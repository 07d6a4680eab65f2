"""What the window benchmarks share: stall and garbage-collection watches of the UI thread,
Qt waits and timers, and a worker process per Qt platform that reports back to its parent.

Imported as ``ui_harness`` by the scripts beside it; the rest they share is in ``harness.py``.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import subprocess
import sys
import threading
import time
import traceback
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Self

from harness import REPO, XVFB, Facts, Row, print_markdown, print_rows

# The UI thread's pulse: a precise timer every TICK_MS; a tick STALL_MS late has its stacks
# looked at, and no tick may be more than LATENESS_MS late.
TICK_MS = 10
STALL_MS = 50.0
LATENESS_MS = 100.0


# --- watching the UI thread ---------------------------------------------------------------


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


def stall_notes(name: str, stacks: dict[str, int], most: int = 6) -> list[str]:
    """The stacks seen most often while the UI thread was overdue; idle lane workers (waiting
    in their queue's get()) are no suspects and are left out."""
    kept = {stack: count for stack, count in stacks.items()
            if not stack.split("] ", 1)[-1].split(" <- ")[0].endswith(" _worker")}
    return [f"{name}: seen {count}× while the UI thread was overdue: {stack}"
            for stack, count in sorted(kept.items(), key=lambda kv: -kv[1])[:most]]


class GcWatch:
    """Every garbage collection that takes at least ``min_ms``: thread, generation, when."""

    def __init__(self, min_ms: float = 5.0) -> None:
        self.min_ms = min_ms
        self.pauses: list[tuple[float, float, int, str]] = []  # start, ms, generation, thread
        self._started: dict[int, float] = {}

    def __enter__(self) -> Self:
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

    def overlapping(self, start: float, end: float) -> list[str]:
        """The pauses that overlap [start, end] (perf_counter seconds)."""
        return [f"gen{g} gc {ms:.0f} ms on {thread}" for at, ms, g, thread in self.pauses
                if at < end and at + ms / 1000 > start]

    def summary(self, within: Callable[[float], bool] = lambda _at: True) -> str:
        """Pauses that began ``within``, by generation and thread ("" when there were none)."""
        by: dict[tuple[int, str], list[float]] = defaultdict(list)
        for at, ms, g, thread in self.pauses:
            if within(at):
                by[(g, thread)].append(ms)
        return "; ".join(f"gen{g} on {thread}: {len(v)}× (worst {max(v):.0f} ms, total "
                         f"{sum(v):.0f} ms)" for (g, thread), v in sorted(by.items()))


# --- Qt -----------------------------------------------------------------------------------


def settle(ms: int) -> None:
    """Run the event loop for ``ms`` milliseconds."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(what: str, condition: Callable[[], bool], timeout_s: float = 120) -> None:
    deadline = time.perf_counter() + timeout_s
    while not condition():
        if time.perf_counter() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        settle(5)


def precise_timer(interval_ms: int, slot: Callable[[], None]) -> Any:
    """A stopped QTimer of the precise kind, calling ``slot``: the UI thread's pulse."""
    from PySide6.QtCore import Qt, QTimer

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(interval_ms)
    timer.timeout.connect(slot)
    return timer


def start_application() -> Any:
    """The QApplication as ``custgroups.app.run`` makes it."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from custgroups.app import configure_application

    QApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(sys.argv[:1])
    configure_application()
    return app


def screen_note(app: Any) -> str:
    from PySide6.QtGui import QGuiApplication

    screen = QGuiApplication.primaryScreen()
    return (f"platform {QGuiApplication.platformName()}, style {app.style().name()}, "
            f"screen {screen.size().width()}×{screen.size().height()} @ "
            f"{screen.devicePixelRatio():g}x")


def _qt_message(_mode: Any, _context: Any, message: str) -> None:
    # The offscreen plugin says so on every resize of a label's window: noise.
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def quiet_qt_messages() -> None:
    """Qt's messages go to stderr, less the offscreen plugin's noise."""
    from PySide6.QtCore import qInstallMessageHandler

    qInstallMessageHandler(_qt_message)



def load_note(when: str) -> str:
    if when == "end":
        return f"load average at end {os.getloadavg()[0]:.2f}"
    return (f"load average at start {os.getloadavg()[0]:.2f} (1 min, {os.cpu_count()} cpus): "
            "other processes compete with the run when it is high")


# --- a worker process per Qt platform -----------------------------------------------------


def quiet_environment(scratch: Path, qt_platform: str) -> dict[str, str]:
    """The environment for workers and launchers: own settings, log and runtime dir."""
    runtime = scratch / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM=qt_platform, XDG_CONFIG_HOME=str(scratch / "config"),
               XDG_RUNTIME_DIR=str(runtime), CUSTGROUPS_LOG=str(scratch / "custgroups.log"),
               PYTHONUNBUFFERED="1")
    return env


def run_platforms(args: argparse.Namespace, script: str, db_path: Path, tmp: Path,
                  options: Sequence[str]) -> tuple[dict[str, list[Row]], dict[str, list[str]]]:
    """Run ``script --worker PLATFORM`` for each of ``--platforms`` (xcb under xvfb-run):
    the rows and the notes of each platform whose worker succeeded."""
    options = [*options, *(["--profile"] if args.profile else
                           ["--no-profile"] if args.no_profile else [])]
    runs: dict[str, list[Row]] = {}
    notes: dict[str, list[str]] = {}
    for qt_platform in [p.strip() for p in args.platforms.split(",") if p.strip()]:
        scratch = tmp / qt_platform
        scratch.mkdir()
        out = scratch / f"{qt_platform}.json"
        cmd = [sys.executable, str(Path(script).resolve()), "--worker", qt_platform,
               "--json", str(out), "--db", str(db_path), *options]
        if qt_platform == "xcb":
            if shutil.which(XVFB[0]) is None:
                print("xvfb-run not found: skipping xcb")
                continue
            cmd = [*XVFB, *cmd]
        print(f"\n=== platform {qt_platform} ===", flush=True)
        done = subprocess.run(cmd, env=quiet_environment(scratch, qt_platform), cwd=REPO,
                              check=False)
        if done.returncode != 0 or not out.exists():
            print(f"worker for {qt_platform} failed (exit {done.returncode})")
            continue
        result = json.loads(out.read_text(encoding="utf-8"))
        runs[qt_platform] = [Row.from_json(r) for r in result["rows"]]
        notes[qt_platform] = result["notes"]
    return runs, notes


def report_platforms(args: argparse.Namespace, runs: dict[str, list[Row]],
                     notes: dict[str, list[str]], facts: Facts, data: str) -> int:
    """Every platform's table and notes, the Markdown summary; the exit code."""
    if not runs:
        return 1
    for name, rows in runs.items():
        print(f"\n### {name}\n")
        print_rows(rows)
        for note in notes[name]:
            print(f"  {note}")
    print("\n### Summary (Markdown)\n")
    print_markdown(runs, facts, data)
    failed = len(runs) < len([p for p in args.platforms.split(",") if p.strip()])
    missed = not all(r.passed for rows in runs.values() for r in rows)
    print("\n" + ("TARGET MISSED" if missed else "a worker failed" if failed
                  else "all targets met"))
    return 1 if failed or missed else 0


def report_worker(args: argparse.Namespace, rows: Sequence[Row], notes: Sequence[str],
                  texts: Sequence[str], kept: Sequence[str]) -> int:
    """Print this platform's table, notes and ``texts``; hand rows, notes and ``kept`` to
    the parent."""
    print(f"\n[{args.worker}]")
    print_rows(rows)
    for note in notes:
        print(f"  {note}")
    for text in texts:
        print(text)
    payload = {"platform": args.worker, "rows": [r.to_json() for r in rows],
               "notes": [*notes, *kept]}
    args.json.write_text(json.dumps(payload), encoding="utf-8")
    return 0
