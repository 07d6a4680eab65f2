"""What the benchmark scripts share: arguments, machine facts, the demo database, percentiles,
result rows and their tables. What the window benchmarks share besides (watches of the UI
thread, Qt waits, a worker process per platform) is in ``ui_harness.py``.

Imported as ``harness`` by the scripts beside it (their folder is first on ``sys.path``).
Qt is imported inside the functions that need it, so the data-floor scripts never load it.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import math
import os
import platform
import pstats
import sqlite3
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

OUT_DIR = Path(__file__).resolve().parent / "out"
REPO = Path(__file__).resolve().parent.parent
XVFB = ("xvfb-run", "-a", "-s", "-screen 0 1920x1080x24")
Facts = list[tuple[str, str]]


# --- arguments ----------------------------------------------------------------------------


def new_parser(doc: str) -> argparse.ArgumentParser:
    """A parser described by the first paragraph of the script's docstring."""
    return argparse.ArgumentParser(description=doc.split("\n\n")[0])


def add_database_args(parser: argparse.ArgumentParser,
                      db_help: str = "SQLite file to use (reused if it holds data)") -> None:
    parser.add_argument("--db", type=Path, help=db_help)
    parser.add_argument("--customers", type=int, default=200_000, help="size of a new database")
    parser.add_argument("--groups", type=int, default=20_000, help="size of a new database")
    parser.add_argument("--members-per-customer", type=float, default=10.0,
                        help="size of a new database")
    parser.add_argument("--rebuild", action="store_true", help="delete the file and build anew")


def add_profile_args(parser: argparse.ArgumentParser, every: str) -> None:
    """--profile (profile ``every``, not only what misses) or --no-profile (never)."""
    profiling = parser.add_mutually_exclusive_group()
    profiling.add_argument("--profile", action="store_true",
                           help=f"profile {every}, not only what misses a target")
    profiling.add_argument("--no-profile", action="store_true", help="never profile")


def add_platform_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--platforms", default="offscreen,xcb",
                        help="comma-separated Qt platforms (xcb runs under xvfb-run)")
    # Internal: the measurements on one platform, in this (fresh) process.
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, help=argparse.SUPPRESS)


def wants_profile(args: argparse.Namespace, passed: bool) -> bool:
    """--profile: always; --no-profile: never; otherwise only after a missed target."""
    return (args.profile or not passed) and not args.no_profile


def database_path(args: argparse.Namespace) -> Path:
    """``--db``, or the file in ``benchmarks/out/`` named by the sizes: every script reuses it."""
    default = OUT_DIR / (f"bench-{args.customers}c-{args.groups}g-"
                         f"{args.members_per_customer:g}m.db")
    return (args.db or default).expanduser().resolve()


# --- the machine --------------------------------------------------------------------------


def version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def qt_facts() -> Facts:
    import PySide6
    from PySide6 import QtCore

    return [("PySide6", PySide6.__version__), ("Qt", QtCore.qVersion()),
            ("GIL switch interval", f"{sys.getswitchinterval() * 1000:g} ms")]


def machine_facts(*libraries: tuple[str, str]) -> Facts:
    """Python, the ``libraries`` a script depends on, SQLite, CPU, RAM, OS and the load."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return [("python", f"{platform.python_implementation()} {platform.python_version()}"),
            *libraries,
            ("sqlite", sqlite3.sqlite_version),
            ("cpu", f"{cpu}, {os.cpu_count()} cpus"),
            ("ram", f"{ram:.0f} GB"),
            ("platform", platform.platform()),
            ("load average", f"{os.getloadavg()[0]:.2f} (1 min) at start")]


def print_facts(facts: Facts) -> None:
    print("machine: " + "; ".join(f"{k} {v}" for k, v in facts))


def data_line(data: str, facts: Facts) -> str:
    """The line under a Markdown summary: the data and the machine (its OS left out)."""
    return (f"Data: {data}. Machine: "
            + ", ".join(f"{k} {v}" for k, v in facts if k != "platform") + ".")


# --- the database -------------------------------------------------------------------------


def prepare_database(args: argparse.Namespace, path: Path) -> None:
    """Fill the file with demo data unless it holds some (``--rebuild``: start afresh)."""
    from custgroups.core import db
    from custgroups.core.customers import count_customers
    from custgroups.core.demo import generate_demo

    if args.rebuild:
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
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


@dataclass(frozen=True)
class Database:
    """How much a benchmark database holds."""

    customers: int
    groups: int
    members: int
    largest: int
    megabytes: float

    def __str__(self) -> str:
        return (f"{self.customers:,} customers, {self.groups:,} groups, {self.members:,} "
                f"memberships (largest group {self.largest:,}), {self.megabytes:,.0f} MB")


def read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def describe_database(path: Path) -> Database:
    conn = read_only(path)
    try:
        customers, groups, members = (
            conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("customer", "customer_group", "membership"))
        largest = conn.execute("SELECT coalesce(max(member_count), 0) "
                               "FROM customer_group").fetchone()[0]
    finally:
        conn.close()
    return Database(customers, groups, members, largest, path.stat().st_size / 1e6)


def busiest_group(path: Path) -> int:
    """The id of the active group with the most members (the lowest id of a tie)."""
    conn = read_only(path)
    try:
        return int(conn.execute("SELECT id FROM customer_group WHERE active "
                                "ORDER BY member_count DESC, id LIMIT 1").fetchone()[0])
    finally:
        conn.close()


def begin(args: argparse.Namespace, *libraries: tuple[str, str]) -> tuple[Facts, Path, Database]:
    """Print the machine's facts, build or reuse the database, print what it holds."""
    facts = machine_facts(*libraries)
    print_facts(facts)
    path = database_path(args)
    prepare_database(args, path)
    database = describe_database(path)
    print(f"database: {database}")
    return facts, path, database


# --- figures ------------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100), linear between closest ranks."""
    if not values:
        return math.nan
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    low = math.floor(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def fmt(value: float) -> str:
    return "—" if math.isnan(value) else f"{value:,.1f}"


@dataclass
class Row:
    """One line of a table: samples in ms, and which statistic the target applies to."""

    operation: str
    samples: list[float]
    target_ms: float | None = None
    metric: str = "p95"  # "p95", "p50" or "worst"
    note: str = ""  # "summary": a detail that the Markdown summary reports too

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
        return "(detail)" if self.target_ms is None else f"{self.metric} ≤ {self.target_ms:g} ms"

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


def print_rows(rows: Sequence[Row]) -> None:
    width = max(len(r.operation) + (0 if r.decides else 2) for r in rows)
    header = (f"{'operation':<{width}} {'n':>5} {'p50 ms':>9} {'p95 ms':>9} {'worst':>9}  "
              f"{'target':<18} result")
    print(header)
    print("-" * len(header))
    for r in rows:
        name = r.operation if r.decides else "  " + r.operation
        print(f"{name:<{width}} {len(r.samples):>5} {fmt(r.p50):>9} {fmt(r.p95):>9} "
              f"{fmt(r.worst):>9}  {r.target:<18} {r.result}")


def print_markdown(runs: dict[str, list[Row]], facts: Facts, data: str) -> None:
    """One line per decisive or summary row, a column per platform, then the data line."""
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
    print(data_line(data, facts))


def profile_text(profiler: cProfile.Profile, title: str, lines: int = 18) -> str:
    """The top ``lines`` functions by cumulative and by own time, indented under ``title``."""
    out = io.StringIO()
    out.write(f"    {title}\n")
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    stats.sort_stats("cumulative").print_stats(lines)
    stats.sort_stats("tottime").print_stats(lines)
    return "\n".join("    " + ln for ln in out.getvalue().splitlines() if ln.strip())
