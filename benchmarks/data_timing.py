"""How bench_data measures: the raw floor's connection, ours and raw timed in turn, and the
report of the results."""

from __future__ import annotations

import cProfile
import gc
import math
import sqlite3
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from harness import Facts, data_line, profile_text

# Same pragmas as custgroups.core.db.files.make_sqlite, so the comparison measures code, not
# settings.
RAW_PRAGMAS = (
    "PRAGMA journal_mode = wal",
    "PRAGMA foreign_keys = 1",
    "PRAGMA synchronous = normal",
    "PRAGMA cache_size = -32000",
    "PRAGMA temp_store = memory",
    "PRAGMA busy_timeout = 15000",
)


def raw_connect(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection in autocommit mode with the app's pragmas."""
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=15)
    for pragma in RAW_PRAGMAS:
        conn.execute(pragma)
    return conn


@dataclass(frozen=True)
class Result:
    """One timed operation: ours against the raw floor, and its target."""

    operation: str
    ours_ms: float
    raw_ms: float
    max_ratio: float | None = None  # target as ours/raw; None for an absolute target
    max_ms: float | None = None  # absolute target for ours
    raw_plan: str = ""  # which raw variant was fastest, where there were several

    @property
    def ratio(self) -> float:
        return self.ours_ms / self.raw_ms if self.raw_ms > 0 else math.inf

    @property
    def target(self) -> str:
        if self.max_ratio is not None:
            return f"≤ {self.max_ratio:g}× raw"
        return f"≤ {self.max_ms:g} ms"

    @property
    def passed(self) -> bool:
        if self.max_ratio is not None:
            return self.ratio <= self.max_ratio
        return self.max_ms is not None and self.ours_ms <= self.max_ms


def compare(ours: Callable[[], Any], raw: Callable[[], Any], repeat: int,
            reset: Callable[[], None] | None = None) -> tuple[float, float]:
    """Median ms of ours and of raw: one warm-up each, then interleaved timed runs."""
    samples: dict[int, list[float]] = {0: [], 1: []}
    for round_ in range(repeat + 1):
        for side, fn in enumerate((ours, raw)):
            if reset is not None:
                reset()
            gc.collect()
            start = time.perf_counter()
            fn()
            elapsed = time.perf_counter() - start
            if round_:  # round 0 is the warm-up
                samples[side].append(elapsed * 1000)
    return statistics.median(samples[0]), statistics.median(samples[1])


def profile(fn: Callable[[], Any], reset: Callable[[], None] | None, lines: int = 15,
            budget_s: float = 1.0) -> str:
    """cProfile of ``fn`` run often enough to fill ``budget_s`` (resets not profiled)."""
    profiler = cProfile.Profile()
    runs, spent = 0, 0.0
    while spent < budget_s or not runs:
        if reset is not None:
            reset()
        start = time.perf_counter()
        profiler.runcall(fn)
        spent += time.perf_counter() - start
        runs += 1
    return profile_text(profiler, f"cProfile of ours over {runs} run(s):", lines)


@dataclass(frozen=True)
class Case:
    """One operation to time: ours, its raw floor, an optional undo, and the target."""

    operation: str
    ours: Callable[[], Any]
    raw: Callable[[], Any]
    reset: Callable[[], None] | None = None
    max_ratio: float | None = None
    max_ms: float | None = None
    raw_plan: str = ""


def fastest(variants: dict[str, Callable[[], Any]], repeat: int) -> str:
    """The label of the variant with the lowest median time (after one warm-up each)."""
    medians = {}
    for label, fn in variants.items():
        runs = []
        for _ in range(repeat + 1):
            start = time.perf_counter()
            fn()
            runs.append(time.perf_counter() - start)
        medians[label] = statistics.median(runs[1:])
    return min(medians, key=medians.__getitem__)


def run_case(case: Case, repeat: int, want_profile: bool) -> Result:
    ours_ms, raw_ms = compare(case.ours, case.raw, repeat, case.reset)
    result = Result(case.operation, ours_ms, raw_ms, case.max_ratio, case.max_ms,
                    case.raw_plan)
    print(f"  {case.operation:<36} ours {ours_ms:9.2f} ms   raw {raw_ms:9.2f} ms   "
          f"{result.ratio:5.2f}×  {'PASS' if result.passed else 'MISS'}", flush=True)
    if want_profile and not result.passed:
        print(profile(case.ours, case.reset))
    if case.reset is not None:
        case.reset()  # leave the database as it was found
    return result


def print_table(results: Sequence[Result]) -> None:
    header = (f"{'operation':<36} {'ours ms':>9} {'raw ms':>9} {'ratio':>7}  {'target':<12} "
              f"{'result':<6}  raw plan")
    print(header)
    print("-" * (len(header) + 8))
    for r in results:
        print(f"{r.operation:<36} {r.ours_ms:9.2f} {r.raw_ms:9.2f} {r.ratio:6.2f}×  "
              f"{r.target:<12} {'PASS' if r.passed else 'MISS':<6}  {r.raw_plan}")


def print_markdown(results: Sequence[Result], facts: Facts, data: str,
                   raw_label: str = "raw sqlite3") -> None:
    print(f"| Operation | ours (ms) | {raw_label} (ms) | ratio | target | result |")
    print("|---|---:|---:|---:|---|---|")
    for r in results:
        print(f"| {r.operation} | {r.ours_ms:.2f} | {r.raw_ms:.2f} | {r.ratio:.2f}× | "
              f"{r.target} | {'PASS' if r.passed else '**MISS**'} |")
    print()
    print(data_line(data, facts))
