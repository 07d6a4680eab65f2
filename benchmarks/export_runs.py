"""How bench_export runs its workers and reads what they did: a fresh process per run, the
check that two workbooks hold the same data, and a cProfile split into ours and openpyxl."""

from __future__ import annotations

import hashlib
import io
import json
import os
import pstats
import signal
import statistics
import subprocess
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SCRIPT = Path(__file__).resolve().with_name("bench_export.py")


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
        command = [sys.executable, str(SCRIPT), "--worker", kind,
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

def xlsx_fingerprint(path: Path) -> list[tuple[str, int, str]]:
    """Per sheet: its name, data rows, and a hash of every data cell's value as calamine
    reads it (the header row, styled differently by design, left out). Writers store text
    differently (shared or inline strings), so the values are compared, not the XML."""
    from python_calamine import CalamineWorkbook

    out = []
    book = CalamineWorkbook.from_path(str(path))
    for name in book.sheet_names:
        digest, rows = hashlib.sha256(), 0
        for index, row in enumerate(book.get_sheet_by_name(name).iter_rows()):
            if index:
                digest.update(repr(row).encode())
                rows += 1
        out.append((name, rows, digest.hexdigest()[:16]))
    return out


def check_same(runner: Runner, ours: str, bare: str) -> None:
    mine, theirs = xlsx_fingerprint(runner.target(ours)), xlsx_fingerprint(runner.target(bare))
    if mine != theirs:
        raise SystemExit(f"{ours} and {bare} wrote different data:\n  {mine}\n  {theirs}")
    print("  same data: " + "; ".join(f"{name} {rows:,} rows" for name, rows, _ in mine))


# --- profiling ----------------------------------------------------------------------------

SQL = "our SQL + row objects (group_list, memberships, db/, peewee)"
SANITISE = "our per-cell sanitising (cells.py: needs_care, fit_text, row checks)"
WRITER = "our xlsx writer (xlsx.py, writing.py: row XML, zip and zlib)"
CONVERT = "our value conversion (local_time, _status)"
PROGRESS = "our progress callbacks"
LOOP = "our export loop (_write_groups, sheet setup, commit)"
OPENPYXL = "openpyxl + et_xmlfile/XML + zip"
OTHER = "other"
CATEGORIES = (SQL, SANITISE, CONVERT, PROGRESS, LOOP, WRITER, OPENPYXL, OTHER)
_SQL_MODULES = ("groups.py", "group_list.py", "memberships.py", "models.py", "customers.py")


def _own_category(func: tuple[str, int, str]) -> str | None:
    """The category a function's own time belongs to, or None to ask its callers."""
    path, _line, name = func
    path = path.replace("\\", "/")
    if path == "<xlsx row>":  # the row templates xlsx.py compiles
        return WRITER
    if "/custgroups/" in path:
        module = path.rsplit("/custgroups/", 1)[1].removeprefix("core/")
        if module in _SQL_MODULES or module.startswith("db/"):
            return SQL
        if module == "clock.py":
            return CONVERT
        if module == "sheets/cells.py":
            return SANITISE
        if module in ("sheets/writing.py", "sheets/xlsx.py"):
            return WRITER
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
        print(f"      {category:<64} {seconds:8.2f} s  {100 * seconds / profiled:5.1f} %")
    print("    top functions by own time:")
    text = io_capture(lambda out: pstats.Stats(str(stats_path), stream=out).strip_dirs()
                      .sort_stats("tottime").print_stats(14))
    body = text.split("ncalls", 1)
    print("      ncalls" + body[1].rstrip().replace("\n", "\n      ") if len(body) == 2 else text)


def io_capture(fn: Callable[[Any], Any]) -> str:
    out = io.StringIO()
    fn(out)
    return out.getvalue()
