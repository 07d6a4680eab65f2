"""Reading a customer workbook: ours (calamine), the same through openpyxl (how custgroups
read workbooks before, and still reads the rare one whose cells do not name their places),
and the floor: calamine alone walking the rows, nothing checked. Each run is a fresh
process; CPU seconds and peak memory, medians of interleaved runs, as ratios.

    python benchmarks/bench_read.py [--rows 200000] [--repeat 3] [--skip-openpyxl]
    python benchmarks/bench_read.py --before eab56bd   # also the reading before calamine
    python benchmarks/bench_read.py --into-database    # read, then import into a new file

With ``--into-database`` ours, openpyxl and the earlier commit import the customers into a
new SQLite database, as ``custgroups import-customers`` does (the reading, the checks, the
comparison and the writes); calamine alone stays the reading floor.

The workbook is written once (xlsxwriter, shared strings as Excel writes them) into
benchmarks/out/ and reused.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
REPO = OUT.parent.parent
KINDS = ("ours", "openpyxl", "calamine-bare", "before")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-openpyxl", action="store_true",
                        help="leave out the slow openpyxl runs")
    parser.add_argument("--before", metavar="COMMIT",
                        help="also time the reading of COMMIT (e.g. the code before this "
                             "reader), from a temporary git worktree, in the same run")
    parser.add_argument("--into-database", action="store_true",
                        help="import the customers into a new SQLite file, not only read them")
    parser.add_argument("--worker", choices=KINDS, help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args()


def workbook(rows: int) -> Path:
    """A customer list as an ERP exports it: seven columns, a heading row."""
    path = OUT / f"customers-{rows}.xlsx"
    if path.exists():
        return path
    import xlsxwriter

    OUT.mkdir(exist_ok=True)
    book = xlsxwriter.Workbook(str(path.with_suffix(".part")))
    sheet = book.add_worksheet("Customers")
    sheet.write_row(0, 0, ["Customer Code", "Customer Name", "City", "Country", "Email",
                           "Phone", "Status"])
    cities = ["Oslo", "Bergen", "Tromsø", "Köln", "Lyon", "Utrecht", "Málaga"]
    for n in range(1, rows + 1):
        sheet.write_row(n, 0, [f"C{n:07d}", f"Customer {n} Trading Ltd", cities[n % 7],
                               "Norway", f"buyer{n}@shop{n % 97}.example", f"+47 {n:08d}",
                               "Inactive" if n % 50 == 0 else "Active"])
    book.close()
    path.with_suffix(".part").rename(path)
    return path


def worker(kind: str, path: Path, into_database: bool) -> None:
    started, wall = time.process_time(), time.perf_counter()
    folder = ""
    if kind == "calamine-bare":
        from python_calamine import CalamineWorkbook

        rows = sum(1 for _ in CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
                   .iter_rows()) - 1
    else:  # "before" finds the older custgroups first on its path
        from custgroups.core.sheets.imports import import_customers, read_customers

        if kind == "openpyxl":
            from custgroups.core.sheets import scans

            scans.scan_xlsx = lambda _path: None  # as for cells without places
        if into_database:
            from custgroups.core import db

            folder = tempfile.mkdtemp(prefix="bench-read-db-")
            db.open_database(f"sqlite:///{folder}/customers.db", create=True)
            rows = import_customers(path).inserted
        else:
            rows = len(read_customers(path).rows)
    print(json.dumps({"cpu": time.process_time() - started,
                      "wall": time.perf_counter() - wall, "rows": rows,
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


def run(kind: str, path: Path, before: Path | None = None, into_database: bool = False
        ) -> dict[str, float]:
    command = [sys.executable, __file__, "--worker", kind, "--file", str(path),
               *(["--into-database"] if into_database else [])]
    environment = dict(os.environ, PYTHONPATH=str(before)) if kind == "before" else None
    # The shell forks the worker, whose peak memory then starts from the shell's few MB.
    done = subprocess.run(["/bin/sh", "-c", '"$@"; exit $?', "sh", *command],
                          capture_output=True, text=True, check=True, env=environment)
    report: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"  {kind:<14} {report['cpu']:7.2f} s CPU  {report['wall']:7.2f} s  "
          f"peak {report['peak_mb']:6.0f} MB  rows {report['rows']:,.0f}", flush=True)
    return report


def main() -> int:
    args = parse_args()
    if args.worker:
        worker(args.worker, args.file, args.into_database)
        return 0
    path = workbook(args.rows)
    kinds = [k for k in KINDS if not (args.skip_openpyxl and k == "openpyxl")
             and (k != "before" or args.before)]
    print(f"{path.name}: {path.stat().st_size / 2**20:.1f} MB, {args.rows:,} rows; "
          f"{args.repeat} interleaved runs of each")
    runs: dict[str, list[dict[str, float]]] = {kind: [] for kind in kinds}
    with tempfile.TemporaryDirectory(prefix="bench-read-before-") as folder:
        before = Path(folder) / "tree"
        if args.before:
            subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", "-q",
                            str(before), args.before], check=True)
        try:
            for _ in range(args.repeat):
                for kind in kinds:
                    runs[kind].append(run(kind, path, before, args.into_database))
        finally:
            if args.before:
                subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force",
                                str(before)], check=False)
    cpu = {kind: statistics.median(r["cpu"] for r in runs[kind]) for kind in kinds}
    peak = {kind: max(r["peak_mb"] for r in runs[kind]) for kind in kinds}
    job = "importing" if args.into_database else "reading"
    print(f"\n| {job} {args.rows:,} customers | CPU s (median of {args.repeat}) "
          "| peak MB | ours is |\n|---|---:|---:|---:|")
    for kind in kinds:
        name = f"before ({args.before})" if kind == "before" else kind
        ratio = "—" if kind == "ours" else f"{cpu['ours'] / cpu[kind]:.2f}× its time"
        print(f"| {name} | {cpu[kind]:.2f} | {peak[kind]:.0f} | {ratio} |")
    for kind in ("openpyxl", "before"):
        if kind in cpu:
            verdict = "met" if cpu["ours"] <= cpu[kind] / 10 else "missed"
            print(f"\ntarget ≤ 1/10 of {kind}'s time: {verdict} "
                  f"({cpu[kind] / cpu['ours']:.1f}× faster)")
    print(f"target peak ≤ 300 MB: {'met' if peak['ours'] <= 300 else 'missed'} "
          f"({peak['ours']:.0f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
