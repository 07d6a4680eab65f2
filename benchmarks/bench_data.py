"""Benchmark the data floor at XL scale against the raw ``sqlite3`` floor on the same file.

Builds (or reuses) a demo database with :func:`custgroups.core.demo.generate_demo`, then times
each operation the clerk waits for twice in the same run: once through ``custgroups``
(ours) and once as the tightest raw SQL on a separate ``sqlite3`` connection to the same
file, with the same pragmas the app uses (the "raw floor"). Each side gets one warm-up,
then ``--repeat`` timed runs, interleaved ours/raw so drift hits both; the median counts.

Every pair is checked to produce the same answer before it is timed, so a fast raw floor
cannot be fast because it does less.

Run::

    python benchmarks/bench_data.py                       # XL: 200k customers, 20k groups
    python benchmarks/bench_data.py --customers 20000 --groups 2000 --codes 10000 --add 5000
    python benchmarks/bench_data.py --db /tmp/xl.db --repeat 7 --profile

Not part of the test suite. The default database lands in ``benchmarks/out/`` (git-ignored)
and is reused by later runs; ``--rebuild`` makes it afresh. The add-members benchmark undoes
its own writes, so a reused file stays as generated. Exits 1 when any target is missed.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import math
import os
import platform
import pstats
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from importlib import metadata
from pathlib import Path
from typing import Any

from custgroups.core import db
from custgroups.core.codes import customer_code_key
from custgroups.core.customers import (
    CodeResolution,
    count_customers,
    resolve_codes,
    search_customers,
)
from custgroups.core.demo import generate_demo
from custgroups.core.groups import (
    Group,
    GroupChange,
    GroupPage,
    GroupQuery,
    GroupSort,
    Status,
    get_group,
    list_groups,
    save_group,
)
from custgroups.core.text import fold, like_pattern, search_fold

OUT_DIR = Path(__file__).resolve().parent / "out"
WHO = "bench"
SEARCH_TERMS = ("nordic", "han", "c00012", "berg", "zzq")
SEARCH_LIMIT_MS = 10.0
LIST_RATIO = 2.0
RESOLVE_RATIO = 1.5
ADD_RATIO = 1.5
# Same pragmas as custgroups.core.db.files.make_sqlite, so the comparison measures code, not settings.
RAW_PRAGMAS = (
    "PRAGMA journal_mode = wal",
    "PRAGMA foreign_keys = 1",
    "PRAGMA synchronous = normal",
    "PRAGMA cache_size = -32000",
    "PRAGMA temp_store = memory",
    "PRAGMA busy_timeout = 15000",
)
GROUP_COLUMNS = ("id, code, name, description, active, member_count, version, created_at, "
                 "created_by, updated_at, updated_by")


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


# --- setup ------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--customers", type=int, default=200_000)
    parser.add_argument("--groups", type=int, default=20_000)
    parser.add_argument("--members-per-customer", type=float, default=10.0)
    parser.add_argument("--db", type=Path, help="SQLite file to use (reused if it holds data)")
    parser.add_argument("--rebuild", action="store_true", help="delete the file and build anew")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per side (median)")
    parser.add_argument("--codes", type=int, default=100_000, help="pasted codes to resolve")
    parser.add_argument("--add", type=int, default=50_000, help="members added in one save")
    parser.add_argument("--profile", action="store_true",
                        help="print a cProfile of ours for every operation that misses")
    return parser.parse_args(argv)


def default_path(args: argparse.Namespace) -> Path:
    return OUT_DIR / (f"bench-{args.customers}c-{args.groups}g-"
                      f"{args.members_per_customer:g}m.db")


def machine_facts() -> list[tuple[str, str]]:
    return [
        ("python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("sqlite", sqlite3.sqlite_version),
        ("peewee", metadata.version("peewee")),
        ("cpus", str(os.cpu_count())),
        ("platform", platform.platform()),
    ]


def prepare_database(args: argparse.Namespace, path: Path) -> None:
    """Open the file through custgroups, filling it with demo data unless it holds some."""
    if args.rebuild:
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    db.open_database("sqlite:///" + path.as_posix(), create=True)
    held = count_customers()
    if held:
        print(f"reusing {path} ({held:,} customers already there; build not timed)")
        return
    print(f"building {path}: {args.customers:,} customers, {args.groups:,} groups, "
          f"{args.members_per_customer:g} memberships per customer ...", flush=True)
    start = time.perf_counter()
    result = generate_demo(args.customers, args.groups, args.members_per_customer)
    elapsed = time.perf_counter() - start
    print(f"demo build: {elapsed:.1f} s ({result.memberships:,} memberships)")


def raw_connect(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection in autocommit mode with the app's pragmas."""
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=15)
    for pragma in RAW_PRAGMAS:
        conn.execute(pragma)
    return conn


def describe_database(conn: sqlite3.Connection, path: Path) -> str:
    customers = conn.execute("SELECT count(*) FROM customer").fetchone()[0]
    groups = conn.execute("SELECT count(*) FROM customer_group").fetchone()[0]
    members = conn.execute("SELECT count(*) FROM membership").fetchone()[0]
    size = path.stat().st_size / 1e6
    return (f"{customers:,} customers, {groups:,} groups, {members:,} memberships, "
            f"{size:,.0f} MB")


# --- timing -----------------------------------------------------------------------------


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
    out = io.StringIO()
    out.write(f"    cProfile of ours over {runs} run(s):\n")
    pstats.Stats(profiler, stream=out).strip_dirs().sort_stats("tottime").print_stats(lines)
    return out.getvalue()


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


# --- the group list ---------------------------------------------------------------------


@dataclass(frozen=True)
class ListCase:
    """A group-list filter as GroupQuery and as the hand-written WHERE/ORDER BY."""

    label: str
    query: GroupQuery
    where: str
    params: tuple[Any, ...]
    order: str
    # The same filter with its index use switched off ("+column"), where that may help.
    hinted_where: str = ""


def list_cases() -> list[ListCase]:
    north = like_pattern(fold("north"))
    return [
        ListCase("list: all, by code", GroupQuery(sort=GroupSort.CODE), "", (), "code_key, id"),
        ListCase("list: all, by members desc",
                 GroupQuery(sort=GroupSort.MEMBERS, descending=True), "", (),
                 "member_count DESC, id DESC"),
        ListCase("list: text 'north', by code", GroupQuery(text="north"),
                 " WHERE (name_key LIKE ? ESCAPE '\\' OR description_key LIKE ? ESCAPE '\\')",
                 (north, north), "code_key, id"),
        ListCase("list: inactive, by name, page 20",
                 GroupQuery(status=Status.INACTIVE, sort=GroupSort.NAME, page=20),
                 " WHERE active = 0", (), "name_key, id", hinted_where=" WHERE +active = 0"),
        ListCase("list: code '12', by updated", GroupQuery(code="12", sort=GroupSort.UPDATED),
                 " WHERE code_key LIKE ? ESCAPE '\\'", (like_pattern("12"),),
                 "updated_at, id"),
    ]


def page_statements(case: ListCase) -> dict[str, str]:
    """Equivalent page queries; the fastest one is the floor."""
    statements = {
        "plain": f"SELECT {GROUP_COLUMNS} FROM customer_group{case.where} "
                 f"ORDER BY {case.order} LIMIT ? OFFSET ?",
        # Sort and skip on ids only, then read 50 whole rows.
        "deferred join": f"SELECT {GROUP_COLUMNS} FROM customer_group WHERE id IN "
                         f"(SELECT id FROM customer_group{case.where} ORDER BY {case.order} "
                         f"LIMIT ? OFFSET ?) ORDER BY {case.order}",
    }
    if case.hinted_where:
        statements["index hint"] = (f"SELECT {GROUP_COLUMNS} FROM customer_group"
                                    f"{case.hinted_where} ORDER BY {case.order} LIMIT ? OFFSET ?")
    return statements


def raw_list(conn: sqlite3.Connection, case: ListCase, page_sql: str
             ) -> tuple[int, list[tuple[Any, ...]]]:
    """The same page and total as list_groups, in two statements."""
    size = case.query.page_size
    total = conn.execute(f"SELECT count(*) FROM customer_group{case.where}",
                         case.params).fetchone()[0]
    page = min(max(1, case.query.page), max(1, math.ceil(total / size)))
    rows = conn.execute(page_sql, (*case.params, size, (page - 1) * size)).fetchall()
    return total, rows


def check_list(ours: GroupPage, raw: tuple[int, list[tuple[Any, ...]]], label: str) -> None:
    total, rows = raw
    same = ours.total == total and [g.id for g in ours.rows] == [r[0] for r in rows]
    if not same:
        raise SystemExit(f"{label}: ours and raw disagree (total {ours.total} vs {total})")


def list_benchmarks(conn: sqlite3.Connection, repeat: int) -> list[Case]:
    cases = []
    for lc in list_cases():
        statements = page_statements(lc)
        for sql in statements.values():
            check_list(list_groups(lc.query), raw_list(conn, lc, sql), lc.label)
        plan = fastest({label: partial(raw_list, conn, lc, sql)
                        for label, sql in statements.items()}, repeat * 4)
        cases.append(Case(lc.label, partial(list_groups, lc.query),
                          partial(raw_list, conn, lc, statements[plan]),
                          max_ratio=LIST_RATIO, raw_plan=plan))
    return cases


# --- resolving pasted codes -------------------------------------------------------------


def pick_busy_group(conn: sqlite3.Connection, members: int) -> int:
    """An active group holding at least ``members`` members (the largest if none does)."""
    row = conn.execute("SELECT id FROM customer_group WHERE active = 1 AND member_count >= ? "
                       "ORDER BY member_count LIMIT 1", (members,)).fetchone()
    if row is None:
        row = conn.execute("SELECT id FROM customer_group WHERE active = 1 "
                           "ORDER BY member_count DESC LIMIT 1").fetchone()
    return int(row[0])


def vary_case(code: str, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.45:
        return code
    if roll < 0.90:
        return code.lower()
    if roll < 0.99:
        return code.swapcase()
    # Full-width letters and digits, as pasted from some East Asian spreadsheets.
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in code)


def pasted_codes(conn: sqlite3.Connection, group_id: int, count: int,
                 rng: random.Random) -> list[str]:
    """A realistic paste: 5% members, 88% other customers, 6% repeats, 1% unknown."""
    n_members, n_repeats, n_unknown = count * 5 // 100, count * 6 // 100, count // 100
    n_others = count - n_members - n_repeats - n_unknown
    member_codes = [c for (c,) in conn.execute(
        "SELECT c.code FROM membership m JOIN customer c ON c.id = m.customer_id "
        "WHERE m.group_id = ?", (group_id,))]
    other_codes = [c for (c,) in conn.execute(
        "SELECT code FROM customer WHERE id NOT IN "
        "(SELECT customer_id FROM membership WHERE group_id = ?)", (group_id,))]
    chosen = (rng.sample(member_codes, min(n_members, len(member_codes)))
              + rng.sample(other_codes, min(n_others, len(other_codes))))
    repeats = rng.choices(chosen, k=n_repeats)
    unknown = [f"ZX{n:07d}" for n in rng.sample(range(10_000_000), n_unknown)]
    codes = [vary_case(c, rng) for c in chosen + repeats] + unknown
    rng.shuffle(codes)
    return codes


_RESOLVE_SQL = (
    "SELECT k.value, c.id, c.code, c.name, c.active, m.customer_id IS NOT NULL "
    "FROM json_each(?) AS k JOIN customer c ON c.code_key = k.value "
    "LEFT JOIN membership m ON m.group_id = ? AND m.customer_id = c.id")


def raw_resolve(conn: sqlite3.Connection, codes: Sequence[str], group_id: int
                ) -> dict[str, list[Any]]:
    """The same classification: one statement, tuples, and an ASCII fast path for the key.

    ``customer_code_key`` of an ASCII code is ``strip().casefold()`` (NFKC and the invisible
    characters it drops are all outside ASCII), so only other codes pay for the full key.
    """
    first: dict[str, str] = {}
    duplicates: list[str] = []
    for code in codes:
        key = code.strip().casefold() if code.isascii() else customer_code_key(code)
        if key in first:
            duplicates.append(code)
        else:
            first[key] = code
    # Keys in index order: each lookup lands next to the previous one in the B-trees,
    # which SQLite follows without a full descent (about 2x faster than paste order).
    found = {row[0]: row for row in conn.execute(_RESOLVE_SQL, (json.dumps(sorted(first)),
                                                                group_id))}
    out: dict[str, list[Any]] = {"recognised": [], "already_members": [], "inactive": [],
                                 "unknown": [], "duplicates": duplicates}
    for key, code in first.items():
        hit = found.get(key)
        if hit is None:
            out["unknown"].append(code)
        elif hit[5]:
            out["already_members"].append(hit)
        elif not hit[4]:
            out["inactive"].append(hit)
        else:
            out["recognised"].append(hit)
    return out


def check_resolve(ours: CodeResolution, raw: dict[str, list[Any]]) -> dict[str, int]:
    counts = {name: len(getattr(ours, name)) for name in raw}
    raw_counts = {name: len(items) for name, items in raw.items()}
    if counts != raw_counts:
        raise SystemExit(f"resolve: ours {counts} and raw {raw_counts} disagree")
    return counts


def resolve_benchmark(conn: sqlite3.Connection, count: int, rng: random.Random) -> Case:
    group_id = pick_busy_group(conn, count * 5 // 100)
    codes = pasted_codes(conn, group_id, count, rng)
    counts = check_resolve(resolve_codes(codes, group_id), raw_resolve(conn, codes, group_id))
    print(f"  resolve mix ({len(codes):,} codes, group {group_id}): "
          + ", ".join(f"{n:,} {name}" for name, n in counts.items()))
    return Case(f"resolve {len(codes):,} pasted codes",
                lambda: resolve_codes(codes, group_id),
                lambda: raw_resolve(conn, codes, group_id), max_ratio=RESOLVE_RATIO)


# --- adding members in one save ---------------------------------------------------------


@dataclass
class AddFixture:
    """A small active group, ids that are not its members, and how to undo an add."""

    conn: sqlite3.Connection
    group_id: int
    ids: frozenset[int]
    saved_row: tuple[Any, ...]
    last_history_id: int
    loaded: Group | None = None

    def reset(self) -> None:
        """Put the group back as it was before any add (not timed)."""
        member_count, version, updated_at, updated_by = self.saved_row
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("DELETE FROM membership WHERE group_id = ? AND customer_id IN "
                     "(SELECT value FROM json_each(?))",
                     (self.group_id, json.dumps(sorted(self.ids))))
        conn.execute("UPDATE customer_group SET member_count = ?, version = ?, updated_at = ?, "
                     "updated_by = ? WHERE id = ?",
                     (member_count, version, updated_at, updated_by, self.group_id))
        conn.execute("DELETE FROM history_event WHERE id > ?", (self.last_history_id,))
        conn.execute("COMMIT")
        self.loaded = get_group(self.group_id)  # what the edit dialog opened with


def add_fixture(conn: sqlite3.Connection, count: int, rng: random.Random) -> AddFixture:
    group_id = conn.execute("SELECT id FROM customer_group WHERE active = 1 "
                            "ORDER BY member_count, id LIMIT 1").fetchone()[0]
    candidates = [cid for (cid,) in conn.execute(
        "SELECT id FROM customer WHERE active = 1 AND id NOT IN "  # inactive are refused
        "(SELECT customer_id FROM membership WHERE group_id = ?)", (group_id,))]
    ids = frozenset(rng.sample(candidates, min(count, len(candidates))))
    saved = conn.execute("SELECT member_count, version, updated_at, updated_by "
                         "FROM customer_group WHERE id = ?", (group_id,)).fetchone()
    last = conn.execute("SELECT coalesce(max(id), 0) FROM history_event").fetchone()[0]
    return AddFixture(conn, group_id, ids, saved, last)


def ours_add(fx: AddFixture) -> None:
    group = fx.loaded
    assert group is not None
    save_group(GroupChange(name=group.name, description=group.description, active=group.active,
                           code=group.code, group_id=group.id,
                           expected_version=group.version, add_customer_ids=fx.ids), WHO)


def raw_add(fx: AddFixture) -> None:
    """Insert the rows, bump count and version, write one history row with the codes."""
    conn, ids = fx.conn, json.dumps(sorted(fx.ids))
    now = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime())
    conn.execute("BEGIN IMMEDIATE")
    added = conn.execute("INSERT INTO membership (group_id, customer_id) "
                         "SELECT ?, value FROM json_each(?)", (fx.group_id, ids)).rowcount
    codes = conn.execute(
        "SELECT group_concat(code, char(10)) FROM (SELECT c.code FROM json_each(?) AS k "
        "JOIN customer c ON c.id = k.value ORDER BY c.code)", (ids,)).fetchone()[0]
    conn.execute("UPDATE customer_group SET member_count = member_count + ?, "
                 "version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?",
                 (added, now, WHO, fx.group_id))
    conn.execute("INSERT INTO history_event (group_id, at, by, kind, old_value, new_value, "
                 "count, codes) VALUES (?, ?, ?, 'members_added', NULL, NULL, ?, ?)",
                 (fx.group_id, now, WHO, added, codes))
    conn.execute("COMMIT")


def history_since(fx: AddFixture) -> list[tuple[Any, ...]]:
    return fx.conn.execute("SELECT kind, count, codes FROM history_event WHERE id > ? "
                           "ORDER BY id", (fx.last_history_id,)).fetchall()


def check_add(fx: AddFixture) -> None:
    """Both sides must leave the same rows: members, count and one identical history row."""
    states = []
    for fn in (ours_add, raw_add):
        fx.reset()
        fn(fx)
        members = fx.conn.execute("SELECT count(*), member_count FROM membership JOIN "
                                  "customer_group g ON g.id = group_id WHERE group_id = ?",
                                  (fx.group_id,)).fetchone()
        states.append((members, history_since(fx)))
    fx.reset()
    if states[0] != states[1] or len(states[0][1]) != 1:
        raise SystemExit(f"add members: ours {states[0][0]} / {len(states[0][1])} history rows "
                         f"and raw {states[1][0]} / {len(states[1][1])} disagree")


def add_benchmark(conn: sqlite3.Connection, count: int, rng: random.Random) -> Case:
    fx = add_fixture(conn, count, rng)
    check_add(fx)
    print(f"  add fixture: group {fx.group_id} ({fx.saved_row[0]:,} members) "
          f"+ {len(fx.ids):,} customers")
    return Case(f"save group + {len(fx.ids):,} members", lambda: ours_add(fx),
                lambda: raw_add(fx), reset=fx.reset, max_ratio=ADD_RATIO)


# --- picker search ----------------------------------------------------------------------

_CUSTOMER_COLUMNS = "id, code, name, city, country, email, phone, active"
_FTS_COUNT = "SELECT count(*) FROM customer_search WHERE customer_search MATCH ?"
_FTS_SORTED = (f"SELECT {_CUSTOMER_COLUMNS} FROM customer WHERE id IN "
               "(SELECT rowid FROM customer_search WHERE customer_search MATCH ?) "
               "ORDER BY code_key, id LIMIT ?")
_FTS_BY_INDEX = (f"SELECT {_CUSTOMER_COLUMNS} FROM customer INDEXED BY customer_code_key "
                 "WHERE id IN (SELECT rowid FROM customer_search WHERE customer_search MATCH ?) "
                 "ORDER BY code_key LIMIT ?")


def raw_search(conn: sqlite3.Connection, phrase: str, page_sql: str, limit: int = 100
               ) -> tuple[int, list[tuple[Any, ...]]]:
    total = conn.execute(_FTS_COUNT, (phrase,)).fetchone()[0]
    return total, conn.execute(page_sql, (phrase, limit)).fetchall()


def search_benchmarks(conn: sqlite3.Connection, repeat: int) -> list[Case]:
    cases = []
    statements = {"sort matches": _FTS_SORTED, "walk code index": _FTS_BY_INDEX}
    for term in SEARCH_TERMS:
        phrase = '"' + search_fold(term).replace('"', '""') + '"'
        plan = fastest({label: partial(raw_search, conn, phrase, sql)
                        for label, sql in statements.items()}, repeat)
        sql = statements[plan]
        ours, raw = search_customers(term, 0, 100), raw_search(conn, phrase, sql)
        if ours.total != raw[0] or [r.id for r in ours.rows] != [r[0] for r in raw[1]]:
            raise SystemExit(f"search {term!r}: ours {ours.total} and raw {raw[0]} disagree")
        cases.append(Case(f"search '{term}' ({raw[0]:,} hits)",
                          partial(search_customers, term, 0, 100),
                          partial(raw_search, conn, phrase, sql),
                          max_ms=SEARCH_LIMIT_MS, raw_plan=plan))
    return cases


# --- report -----------------------------------------------------------------------------


def print_table(results: Sequence[Result]) -> None:
    header = (f"{'operation':<36} {'ours ms':>9} {'raw ms':>9} {'ratio':>7}  {'target':<12} "
              f"{'result':<6}  raw plan")
    print(header)
    print("-" * (len(header) + 8))
    for r in results:
        print(f"{r.operation:<36} {r.ours_ms:9.2f} {r.raw_ms:9.2f} {r.ratio:6.2f}×  "
              f"{r.target:<12} {'PASS' if r.passed else 'MISS':<6}  {r.raw_plan}")


def print_markdown(results: Sequence[Result], facts: Sequence[tuple[str, str]],
                   data: str) -> None:
    print("| Operation | ours (ms) | raw sqlite3 (ms) | ratio | target | result |")
    print("|---|---:|---:|---:|---|---|")
    for r in results:
        print(f"| {r.operation} | {r.ours_ms:.2f} | {r.raw_ms:.2f} | {r.ratio:.2f}× | "
              f"{r.target} | {'PASS' if r.passed else '**MISS**'} |")
    print()
    print(f"Data: {data}. Machine: " + ", ".join(f"{k} {v}" for k, v in facts[:4]) + ".")


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    facts = machine_facts()
    print("machine: " + "; ".join(f"{k} {v}" for k, v in facts))
    path = (args.db or default_path(args)).expanduser().resolve()
    prepare_database(args, path)
    conn = raw_connect(path)
    data = describe_database(conn, path)
    print(f"database: {data}")
    rng = random.Random(2026)

    print(f"\nchecking and timing (median of {args.repeat} after one warm-up) ...")
    cases = [*list_benchmarks(conn, args.repeat), resolve_benchmark(conn, args.codes, rng),
             add_benchmark(conn, args.add, rng), *search_benchmarks(conn, args.repeat)]
    results = [run_case(case, args.repeat, args.profile) for case in cases]

    print()
    print_table(results)
    print("\n### Summary (Markdown)\n")
    print_markdown(results, facts, data)
    conn.close()
    db.close_database()
    return 0 if all(r.passed for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
