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

The member cases are in ``data_members.py``, the timing and the report in
``data_timing.py``; what every benchmark shares is in ``harness.py``.
"""

from __future__ import annotations

import argparse
import math
import random
import sqlite3
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from data_customers import customer_cases
from data_members import add_benchmark, resolve_benchmark
from data_timing import Case, fastest, print_markdown, print_table, raw_connect, run_case
from harness import add_database_args, begin, new_parser, version

from custgroups.core import db
from custgroups.core.compare import compare_groups
from custgroups.core.customers import search_customers
from custgroups.core.group_list import GROUP_FIELDS
from custgroups.core.groups import GroupPage, GroupQuery, GroupSort, Status, list_groups
from custgroups.core.text import fold, like_pattern, search_fold

SEARCH_TERMS = ("nordic", "han", "c00012", "berg", "zzq")
SEARCH_LIMIT_MS = 10.0
LIST_RATIO = 2.0
COMPARE_LIMIT_MS = 500.0
GROUP_COLUMNS = ", ".join(GROUP_FIELDS)


# --- arguments --------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = new_parser(__doc__)
    add_database_args(parser)
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per side (median)")
    parser.add_argument("--codes", type=int, default=100_000, help="pasted codes to resolve")
    parser.add_argument("--add", type=int, default=50_000, help="members added in one save")
    parser.add_argument("--profile", action="store_true",
                        help="print a cProfile of ours for every operation that misses")
    return parser.parse_args(argv)


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


# --- comparing two groups ---------------------------------------------------------------


def raw_compare(conn: sqlite3.Connection, a: int, b: int) -> tuple[int, int, int, int]:
    """(only in a, in both, only in b, in any): two counts and one join on the primary key."""
    in_a, in_b, both = conn.execute(
        "SELECT (SELECT COUNT(*) FROM membership WHERE group_id = ?), "
        "(SELECT COUNT(*) FROM membership WHERE group_id = ?), "
        "(SELECT COUNT(*) FROM membership m JOIN membership o ON o.group_id = ? "
        "AND o.customer_id = m.customer_id WHERE m.group_id = ?)", (a, b, b, a)).fetchone()
    return in_a - both, both, in_b - both, in_a + in_b - both


def compare_benchmark(conn: sqlite3.Connection) -> Case:
    """The two biggest groups compared: every region counted in one statement."""
    a, b = (row[0] for row in conn.execute(
        "SELECT id FROM customer_group ORDER BY member_count DESC, id LIMIT 2"))
    ours = compare_groups([a, b])
    found = (ours.only[0], ours.in_all, ours.only[1], ours.in_any)
    if found != raw_compare(conn, a, b):
        raise SystemExit(f"compare: ours {found} != raw {raw_compare(conn, a, b)}")
    sizes = [g.member_count for g in ours.groups]
    return Case(f"compare groups of {sizes[0]:,} and {sizes[1]:,}",
                lambda: compare_groups([a, b]), lambda: raw_compare(conn, a, b),
                max_ms=COMPARE_LIMIT_MS)


# --- main -------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    facts, path, database = begin(args, ("peewee", version("peewee")))
    data = str(database)
    db.open_database("sqlite:///" + path.as_posix())
    conn = raw_connect(path)
    rng = random.Random(2026)

    print(f"\nchecking and timing (median of {args.repeat} after one warm-up) ...")
    cases = [*list_benchmarks(conn, args.repeat), resolve_benchmark(conn, args.codes, rng),
             add_benchmark(conn, args.add, rng), *search_benchmarks(conn, args.repeat),
             compare_benchmark(conn), *customer_cases(conn)]
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
