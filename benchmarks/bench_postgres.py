"""Benchmark the data floor on PostgreSQL at XL scale against raw psycopg2 on the same server.

Fills the schema ``bench_xl`` (made if missing) of the server given with the XL demo data
(200,000 customers, 20,000 groups, 2,000,000 memberships) unless it holds some, then times
each operation through custgroups (pool, peewee, our rows) and as the tightest raw SQL on a
plain psycopg2 connection, one warm-up each and then ``--repeat`` runs in turn; the medians
count. Each pair is checked to give the same answer before it is timed.

* a page of the group list (first page by code, and a name filter), as the window asks;
* picker searches: one and two characters (code and name prefixes) and longer terms
  (trigram index): the first page of 100, target ≤ 10 ms each, and the count the picker
  asks for after a full page, target ≤ 1.3× raw;
* resolving 100,000 pasted codes against a group; target ≤ 1.3× raw, which uses one
  statement and a key computed quickly for ASCII codes.

Run::

    python benchmarks/bench_postgres.py                       # the server on 127.0.0.1:5432
    python benchmarks/bench_postgres.py --url postgresql://me@db.example/shop --repeat 15

Not part of the test suite. Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Sequence
from functools import partial
from typing import Any
from urllib.parse import urlparse

from data_members import check_resolve, raw_classified, raw_keys, vary_case
from data_timing import Case, print_markdown, print_table, run_case
from harness import machine_facts, print_facts, version

from custgroups.core import db
from custgroups.core.customers import (
    count_customers,
    count_matching_customers,
    resolve_codes,
    search_customers,
)
from custgroups.core.demo import generate_demo
from custgroups.core.group_list import list_groups
from custgroups.core.groups import GroupQuery

SCHEMA = "bench_xl"
SEARCH_TERMS = ("c1", "n", "nordic", "000123", "Customer 12")
SEARCH_LIMIT_MS = 10.0
RESOLVE_RATIO = 1.3
LIST_RATIO = 1.3
COUNT_RATIO = 1.3
_COLUMNS = "id, code, name, city, country, email, phone, active"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="postgresql://postgres@127.0.0.1:5432/test",
                        help="the server and database (schema bench_xl is used)")
    parser.add_argument("--repeat", type=int, default=9, help="timed runs of each side")
    parser.add_argument("--codes", type=int, default=100_000, help="pasted codes to resolve")
    parser.add_argument("--markdown", action="store_true", help="also print a Markdown table")
    return parser.parse_args(argv)


def raw_connection(url: str) -> Any:
    """A plain autocommit psycopg2 connection with the schema on its search path."""
    import psycopg2

    parts = urlparse(url)
    conn = psycopg2.connect(host=parts.hostname, port=parts.port or 5432,
                            user=parts.username, password=parts.password,
                            dbname=parts.path.lstrip("/"))
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
        cursor.execute(f"SET search_path TO {SCHEMA}, public")
    return conn


def fetch(conn: Any, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    with conn.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


# --- the raw floors ----------------------------------------------------------------------


def raw_list(conn: Any, where: str, params: Sequence[Any]) -> tuple[int, list[tuple[Any, ...]]]:
    total = fetch(conn, f"SELECT count(*) FROM customer_group{where}", params)[0][0]
    return total, fetch(conn, f"SELECT id, code, name, member_count FROM customer_group{where} "
                              "ORDER BY code_key, id LIMIT 50", params)


def raw_search(conn: Any, term: str) -> list[tuple[Any, ...]]:
    """The picker's first page, as the tightest SQL: codes and names that start with a short
    term (two range scans along code-point indexes, merged), or contain a longer one."""
    key = term.casefold()
    order = 'ORDER BY code_key COLLATE "C" LIMIT 100'
    if len(key) < 3:
        high = key[:-1] + chr(ord(key[-1]) + 1)
        parts = [f"SELECT {_COLUMNS}, code_key FROM customer WHERE {column} COLLATE \"C\" "
                 f"BETWEEN %s AND %s AND {column} COLLATE \"C\" <> %s {order}"
                 for column in ("code_key", "name_key")]
        return fetch(conn, f"SELECT {_COLUMNS} FROM (({parts[0]}) UNION ({parts[1]})) AS u "
                           f"{order}", [key, high, high] * 2)
    return fetch(conn, f"SELECT {_COLUMNS} FROM customer WHERE code_key LIKE %s OR "
                       f"name_key LIKE %s {order}", ["%" + key + "%"] * 2)


def raw_count(conn: Any, term: str) -> int:
    key = term.casefold()
    if len(key) < 3:
        where, params = "code_key LIKE %s OR name_key LIKE %s", [key + "%"] * 2
    else:
        where, params = "code_key LIKE %s OR name_key LIKE %s", ["%" + key + "%"] * 2
    return int(fetch(conn, f"SELECT count(*) FROM customer WHERE {where}", params)[0][0])


def raw_resolve(conn: Any, codes: Sequence[str], group_id: int) -> dict[str, list[Any]]:
    """One statement, and the key of an ASCII code computed quickly (see data_members)."""
    first, duplicates = raw_keys(codes)
    found = {row[0]: row for row in fetch(
        conn, "SELECT k.value, c.id, c.code, c.name, c.active, m.customer_id IS NOT NULL "
              "FROM unnest(%s::text[]) AS k(value) JOIN customer c ON c.code_key = k.value "
              "LEFT JOIN membership m ON m.group_id = %s AND m.customer_id = c.id",
        [sorted(first), group_id])}
    return raw_classified(first, found, duplicates)


# --- the cases ---------------------------------------------------------------------------


def list_cases(conn: Any) -> list[Case]:
    cases = []
    for label, query, where, params in (
            ("group list, first page by code", GroupQuery(page_size=50), "", []),
            ("group list, name filter 'north'", GroupQuery(text="north", page_size=50),
             " WHERE name_key LIKE %s OR description_key LIKE %s", ["%north%"] * 2)):
        ours, raw = list_groups(query), raw_list(conn, where, params)
        if ours.total != raw[0] or [g.id for g in ours.rows] != [r[0] for r in raw[1]]:
            raise SystemExit(f"{label}: ours ({ours.total}) and raw ({raw[0]}) disagree")
        cases.append(Case(f"{label} ({raw[0]:,})", partial(list_groups, query),
                          partial(raw_list, conn, where, params), max_ratio=LIST_RATIO))
    return cases


def search_cases(conn: Any) -> list[Case]:
    """The picker's first page (it counts the matches separately, after): ≤ 10 ms each."""
    cases = []
    for term in SEARCH_TERMS:
        ours, raw = search_customers(term, 0, 100, with_total=False), raw_search(conn, term)
        hits = raw_count(conn, term)
        if [r.id for r in ours.rows] != [r[0] for r in raw] or \
                count_matching_customers(term) != hits:
            raise SystemExit(f"search {term!r}: ours and raw disagree")
        cases.append(Case(f"picker page '{term}' ({hits:,} hits)",
                          partial(search_customers, term, 0, 100, with_total=False),
                          partial(raw_search, conn, term), max_ms=SEARCH_LIMIT_MS))
        cases.append(Case(f"  its count, asked after ({hits:,})",
                          partial(count_matching_customers, term),
                          partial(raw_count, conn, term), max_ratio=COUNT_RATIO))
    return cases


def resolve_case(conn: Any, count: int, rng: random.Random) -> Case:
    group_id = fetch(conn, "SELECT id FROM customer_group ORDER BY member_count DESC, id "
                           "LIMIT 1")[0][0]
    members = [c for (c,) in fetch(conn, "SELECT c.code FROM membership m JOIN customer c "
                                         "ON c.id = m.customer_id WHERE m.group_id = %s",
                                   [group_id])]
    others = [c for (c,) in fetch(conn, "SELECT code FROM customer ORDER BY random() LIMIT %s",
                                  [count])]
    chosen = rng.sample(members, min(len(members), count * 5 // 100))
    chosen += [c for c in others if c not in set(chosen)][: count * 88 // 100]
    codes = [vary_case(c, rng) for c in chosen + rng.choices(chosen, k=count * 6 // 100)]
    codes += [f"ZX{n:07d}" for n in rng.sample(range(10_000_000), count // 100)]
    rng.shuffle(codes)
    counts = check_resolve(resolve_codes(codes, group_id), raw_resolve(conn, codes, group_id))
    print("  resolve mix: " + ", ".join(f"{n:,} {name}" for name, n in counts.items()))
    return Case(f"resolve {len(codes):,} pasted codes", partial(resolve_codes, codes, group_id),
                partial(raw_resolve, conn, codes, group_id), max_ratio=RESOLVE_RATIO)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    facts = machine_facts(("psycopg2", version("psycopg2-binary")))
    conn = raw_connection(args.url)
    facts.append(("PostgreSQL", fetch(conn, "SHOW server_version")[0][0]))
    facts.append(("collation", fetch(conn, "SELECT datcollate FROM pg_database "
                                           "WHERE datname = current_database()")[0][0]))
    print_facts(facts)
    url = args.url + ("&" if "?" in args.url else "?") + f"schema={SCHEMA}"
    db.open_database(url)
    if not count_customers():
        print("building the XL data on the server ...", flush=True)
        start = time.perf_counter()
        generate_demo(200_000, 20_000, 10.0)
        print(f"  demo build: {time.perf_counter() - start:.1f} s")
    data = (f"{count_customers():,} customers, "
            f"{fetch(conn, 'SELECT count(*) FROM customer_group')[0][0]:,} groups, "
            f"{fetch(conn, 'SELECT count(*) FROM membership')[0][0]:,} memberships "
            f"in schema {SCHEMA}")
    print(f"data: {data}\n")
    cases = [*list_cases(conn), *search_cases(conn),
             resolve_case(conn, args.codes, random.Random(2026))]
    print(f"\nmedians of {args.repeat} runs each, ours and raw in turn:")
    results = [run_case(case, args.repeat, want_profile=False) for case in cases]
    print()
    print_table(results)
    if args.markdown:
        print()
        print_markdown(results, facts, data, raw_label="raw psycopg2")
    return 0 if all(r.passed for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
