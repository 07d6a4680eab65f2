"""Benchmark the xlsx and csv exports at XL scale against a bare openpyxl write-only loop.

Reuses (or builds, with :func:`custgroups.core.demo.generate_demo`) the XL database that
``bench_data.py`` keeps in ``benchmarks/out/`` (200,000 customers, 20,000 groups,
2,000,000 memberships), then times, each run in a fresh subprocess so its peak memory
(``ru_maxrss``) belongs to that run alone:

* ours: :func:`custgroups.core.sheets.export.export_groups` to .xlsx, groups only and with the
  members sheet (2,000,000 rows, which continues on a second sheet past Excel's row limit);
* bare: ``Workbook(write_only=True)`` and ``ws.append(row)`` for the very same cell values,
  fetched into Python lists *before* the clock starts (with the package's own read functions,
  so the values are identical), then ``save``. The bare loop therefore pays for openpyxl only,
  while ours also pays for its SQL, its per-cell sanitising and its progress calls; the bare
  worker holds all 2,000,000 member rows in memory (about 700 MB);
* the peer: ``pandas.DataFrame.to_excel`` with the openpyxl engine on the same lists (the
  DataFrames are built before the clock starts); skipped when pandas is missing, and the
  2M-row run is stopped after ``--pandas-timeout`` seconds;
* the csv export of groups and members (timed only; a bare ``csv.writer`` for context).

Ours reports progress to a callback that records the memory high-water mark (one
``getrusage`` per 1,000 rows), so the report can show how memory grows as rows are written.
Workers are started through ``/bin/sh``, which forks them: Linux carries a process's
``ru_maxrss`` over ``fork`` and ``exec``, so a worker started straight from this (larger)
process would report this process's peak, not its own. ``VmHWM`` cross-checks it.

Before timing counts, the ours and bare workbooks are checked to hold the same sheets and
the same data rows (cell XML compared with style ids stripped).

Run::

    python benchmarks/bench_export.py                     # XL database in benchmarks/out/
    python benchmarks/bench_export.py --skip-members --repeat 5
    python benchmarks/bench_export.py --db /tmp/xl.db --profile

Not part of the test suite. Exits 1 when a target is missed; a missed time target is
followed by a cProfile of ours split into our SQL, our sanitising, our progress calls and
openpyxl (``--profile`` profiles every export, ``--no-profile`` none).

What a worker process does is in ``export_jobs.py``; starting workers, checking their files
and the profile breakdown in ``export_runs.py``; what every benchmark shares in
``harness.py``.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import openpyxl
from export_jobs import WORKER_KINDS, worker
from export_runs import Run, Runner, check_same, interleaved, profile_export
from harness import (
    OUT_DIR,
    Facts,
    add_database_args,
    add_profile_args,
    begin,
    data_line,
    new_parser,
    version,
    wants_profile,
)

GROUPS_RATIO = 1.2
MEMBERS_RATIO = 0.25  # a quarter of openpyxl's write-only time, the writer of the last release
CSV_RATIO = 1.5  # over a bare csv.writer fed by the same streamed query
PEAK_LIMIT_MB = 120.0
# "Flat" memory: the 2M-member export may exceed the 20k-group export only by what does not
# grow with the row count: SQLite's page cache (cache_size = -32000, i.e. 32 MB, which only
# the member reads fill) and one sort of a run of groups (members_of_groups reads about 50,000
# rows a query, sorted in memory: temp_store is memory). Holding all 2M rows would take over
# 500 MB.
PAGE_CACHE_MB = 32.0
SORT_MB = 16.0


# --- arguments and machine --------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = new_parser(__doc__)
    add_database_args(parser)
    parser.add_argument("--repeat", type=int, default=3,
                        help="timed runs per side of the groups-only export (median)")
    parser.add_argument("--members-repeat", type=int, default=1,
                        help="timed runs per side of the exports with members (median)")
    parser.add_argument("--skip-members", action="store_true",
                        help="only the groups-only export (no 2M-row xlsx, pandas or csv)")
    parser.add_argument("--skip-pandas", action="store_true", help="no pandas peer")
    parser.add_argument("--pandas-timeout", type=float, default=600.0,
                        help="seconds before the 2M-row pandas run is stopped")
    add_profile_args(parser, "ours for every xlsx export")
    parser.add_argument("--keep-files", action="store_true",
                        help="leave the exported files in benchmarks/out/export/")
    # Internal: one measured run in this (fresh) process.
    parser.add_argument("--worker", choices=WORKER_KINDS, help=argparse.SUPPRESS)
    parser.add_argument("--target", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--profile-out", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def xlsx_facts() -> Facts:
    """openpyxl and how it writes XML, and the pandas peer."""
    xml = "lxml" if openpyxl.LXML else f"et_xmlfile {version('et_xmlfile')} (pure Python)"
    return [("openpyxl", f"{openpyxl.__version__} (XML via {xml})"),
            ("pandas", version("pandas"))]


def warm_file_cache(path: Path) -> None:
    """Read the database once, so the first timed run does not pay for the disk."""
    with open(path, "rb") as handle:
        while handle.read(1 << 24):
            pass


# --- report -----------------------------------------------------------------------------


@dataclass(frozen=True)
class TimeRow:
    """One timed comparison; ``max_ratio`` None for an informational row."""

    operation: str
    ours_s: float
    other_s: float | None
    other_label: str
    max_ratio: float | None
    peak_mb: float
    lower_bound: bool = False  # other_s is only how long it ran before it was stopped

    @property
    def ratio(self) -> float | None:
        return None if not self.other_s else self.ours_s / self.other_s

    @property
    def target(self) -> str:
        return f"≤ {self.max_ratio:g}× {self.other_label}" if self.max_ratio else "—"

    @property
    def result(self) -> str:
        if self.max_ratio is None or self.ratio is None:
            return "info"
        return "PASS" if self.ratio <= self.max_ratio else "MISS"

    def other_text(self) -> str:
        if self.other_s is None:
            return "skipped"
        return f"> {self.other_s:.1f}" if self.lower_bound else f"{self.other_s:.2f}"

    def ratio_text(self) -> str:
        if self.ratio is None:
            return "—"
        return f"< {self.ratio:.2f}×" if self.lower_bound else f"{self.ratio:.2f}×"


@dataclass(frozen=True)
class MemRow:
    """One memory target: ``value`` (MB) must not exceed ``limit`` (MB)."""

    operation: str
    baseline_mb: float
    peak_mb: float
    value: float
    limit: float
    target: str

    @property
    def result(self) -> str:
        return "PASS" if self.value <= self.limit else "MISS"


def print_tables(times: Sequence[TimeRow], mems: Sequence[MemRow]) -> None:
    width = max(len(r.operation) for r in [*times, *mems])
    header = (f"{'operation':<{width}} {'ours s':>8} {'bare/peer s':>12} {'ratio':>8}  "
              f"{'target':<16} {'result':<6} {'peak MB':>8}")
    print(header)
    print("-" * len(header))
    for r in times:
        print(f"{r.operation:<{width}} {r.ours_s:8.2f} {r.other_text():>12} "
              f"{r.ratio_text():>8}  {r.target:<16} {r.result:<6} {r.peak_mb:8.1f}")
    print()
    target_width = max(len(m.target) for m in mems) if mems else 6
    header = (f"{'memory (ours, fresh process)':<{width}} {'baseline':>9} {'peak MB':>8} "
              f"{'measured':>9}  {'target':<{target_width}} result")
    print(header)
    print("-" * len(header))
    for m in mems:
        print(f"{m.operation:<{width}} {m.baseline_mb:9.1f} {m.peak_mb:8.1f} {m.value:9.1f}  "
              f"{m.target:<{target_width}} {m.result}")


def print_markdown(times: Sequence[TimeRow], mems: Sequence[MemRow],
                   facts: Facts, data: str) -> None:
    print("| Export | ours (s) | bare / peer (s) | ratio | target | result | peak RSS (MB) |")
    print("|---|---:|---:|---:|---|---|---:|")
    for r in times:
        result = "**MISS**" if r.result == "MISS" else r.result
        print(f"| {r.operation} | {r.ours_s:.2f} | {r.other_text()} | {r.ratio_text()} | "
              f"{r.target} | {result} | {r.peak_mb:.0f} |")
    print()
    print("| Memory | after imports (MB) | peak RSS (MB) | measured (MB) | target | result |")
    print("|---|---:|---:|---:|---|---|")
    for m in mems:
        result = "**MISS**" if m.result == "MISS" else m.result
        print(f"| {m.operation} | {m.baseline_mb:.0f} | {m.peak_mb:.0f} | {m.value:.0f} | "
              f"{m.target} | {result} |")
    print()
    print(data_line(data, facts))


def curve_text(run: Run) -> str:
    return ", ".join(f"{share:.0%} {mb:.0f}" for share, mb in run.curve)


# --- main ---------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.worker:
        return worker(args)
    facts, path, database = begin(args, *xlsx_facts())
    data = str(database)
    warm_file_cache(path)
    out = OUT_DIR / "export"
    out.mkdir(parents=True, exist_ok=True)
    runner = Runner(path, out)
    have_pandas = not args.skip_pandas and version("pandas") != "not installed"
    if not args.skip_pandas and not have_pandas:
        print("pandas is not installed (pip install pandas): the peer is skipped")
    times: list[TimeRow] = []
    mems: list[MemRow] = []
    to_profile: list[tuple[str, float]] = []

    label = f"xlsx: {database.groups:,} groups"
    print(f"\n{label}: one warm-up round, then median of {args.repeat} (ours, bare in turn)")
    groups = interleaved(runner, "ours-xlsx-groups", "bare-xlsx-groups", args.repeat, True)
    check_same(runner, "ours-xlsx-groups", "bare-xlsx-groups")
    times.append(TimeRow(label, groups.ours_s, groups.other_s, "bare", GROUPS_RATIO,
                         groups.ours_peak.peak_mb))
    g_peak = groups.ours_peak
    mems.append(MemRow(f"{label} (ours)", g_peak.baseline_mb, g_peak.peak_mb, g_peak.peak_mb,
                       PEAK_LIMIT_MB, f"peak ≤ {PEAK_LIMIT_MB:g} MB"))
    print(f"  ours peak RSS as rows were written (share done, MB): {curve_text(g_peak)}")
    if wants_profile(args, times[-1].result != "MISS"):
        to_profile.append(("ours-xlsx-groups", groups.ours_s))
    if have_pandas:
        print(f"\npandas {label}: median of {args.repeat}")
        runs = [runner.run("pandas-xlsx-groups") for _ in range(args.repeat)]
        times.append(TimeRow(f"pandas to_excel: {database.groups:,} groups", groups.ours_s,
                             statistics.median(r.seconds for r in runs if r is not None),
                             "pandas", None,
                             groups.ours_peak.peak_mb))

    if not args.skip_members:
        label = f"xlsx: groups + {database.members:,} members"
        print(f"\n{label}: median of {args.members_repeat} (ours, bare openpyxl in turn; the "
              "bare worker holds every row in memory before its clock starts)")
        members = interleaved(runner, "ours-xlsx-members", "bare-xlsx-members",
                              args.members_repeat, False)
        check_same(runner, "ours-xlsx-members", "bare-xlsx-members")
        m_peak = members.ours_peak
        times.append(TimeRow(label, members.ours_s, members.other_s, "openpyxl",
                             MEMBERS_RATIO, m_peak.peak_mb))
        print(f"  ours peak RSS as rows were written (share done, MB): {curve_text(m_peak)}")
        mems.append(MemRow(f"{label} (ours)", m_peak.baseline_mb, m_peak.peak_mb,
                           m_peak.peak_mb, PEAK_LIMIT_MB, f"peak ≤ {PEAK_LIMIT_MB:g} MB"))
        allowance = PAGE_CACHE_MB + SORT_MB
        mems.append(MemRow(f"flat: {database.members:,} members vs {database.groups:,} groups",
                           g_peak.peak_mb, m_peak.peak_mb, m_peak.peak_mb - g_peak.peak_mb,
                           allowance, f"growth ≤ {allowance:.0f} MB (page cache + one sort)"))
        if wants_profile(args, times[-1].result != "MISS"):
            to_profile.append(("ours-xlsx-members", members.ours_s))
        for side, name in (("xlsxwriter", "xlsxwriter constant_memory"),
                           ("rust", "rustpy-xlsxwriter (Rust)")):
            package = "xlsxwriter" if side == "xlsxwriter" else "rustpy-xlsxwriter"
            if version(package) == "not installed":
                print(f"\n{name}: not installed (pip install {package}); skipped")
                continue
            print(f"\n{name} {label}: median of {args.members_repeat}")
            runs = [runner.run(f"{side}-xlsx-members") for _ in range(args.members_repeat)]
            check_same(runner, "ours-xlsx-members", f"{side}-xlsx-members")
            peak = max((r for r in runs if r is not None), key=lambda r: r.peak_mb)
            times.append(TimeRow(f"{name}: groups + {database.members:,} members",
                                 members.ours_s,
                                 statistics.median(r.seconds for r in runs if r is not None),
                                 name, None, peak.peak_mb))
        if have_pandas:
            print(f"\npandas {label}: one run, stopped after {args.pandas_timeout:g} s")
            start = time.perf_counter()
            run = runner.run("pandas-xlsx-members", timeout=args.pandas_timeout)
            waited = time.perf_counter() - start
            if run is None:
                print(f"  pandas-xlsx-members stopped after {waited:.0f} s")
            times.append(TimeRow(f"pandas to_excel: groups + {database.members:,} members",
                                 members.ours_s, run.seconds if run else waited, "pandas",
                                 None, m_peak.peak_mb, lower_bound=run is None))
        print(f"\ncsv: groups + {database.members:,} members: median of {args.members_repeat} "
              "(ours, and a bare csv.writer fed by the same streamed query, in turn)")
        csv_pair = interleaved(runner, "ours-csv-members", "bare-csv-members",
                               args.members_repeat, False)
        times.append(TimeRow(f"csv: groups + {database.members:,} members", csv_pair.ours_s,
                             csv_pair.other_s, "bare csv", CSV_RATIO,
                             csv_pair.ours_peak.peak_mb))
        if wants_profile(args, times[-1].result != "MISS"):
            to_profile.append(("ours-csv-members", csv_pair.ours_s))

    for kind, seconds in to_profile:
        profile_export(runner, kind, seconds)

    print()
    print_tables(times, mems)
    print("\n### Summary (Markdown)\n")
    print_markdown(times, mems, facts, data)
    if not args.keep_files:
        shutil.rmtree(out, ignore_errors=True)
    missed = [r.operation for r in times if r.result == "MISS"]
    missed += [m.operation for m in mems if m.result == "MISS"]
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
