"""Benchmark cases for customers in view: the customer list with group counts, one customer's
groups, the grid of a pasted list, a group as it stood, and the membership changes since a
moment, each checked against its raw floor first (used by ``bench_data.py``)."""

from __future__ import annotations

import csv
import io
import sqlite3
from datetime import datetime

from data_timing import Case

from custgroups.core.customer_grid import read_grid
from custgroups.core.customer_list import CustomerQuery, groups_of, list_customers
from custgroups.core.events import iter_changes, members_as_of

LIST_RATIO = 2.0
GROUPS_OF_MS = 10.0
GRID_MS = 1000.0
GRID_CUSTOMERS = 5000
AS_OF_MS = 1000.0
#: changes --since streams at least a third as fast as a bare SQL-to-CSV loop.
CHANGES_RATIO = 3.0
CHANGES = 100_000


def raw_customer_page(conn: sqlite3.Connection, page: int, size: int) -> list[tuple[object, ...]]:
    """A page of customers by code with their group counts, and the total a pager shows."""
    conn.execute("SELECT COUNT(*) FROM customer").fetchone()
    return conn.execute(
        "SELECT c.id, c.code, c.name, c.city, c.country, c.active, "
        "(SELECT COUNT(*) FROM membership m WHERE m.customer_id = c.id) "
        "FROM customer c ORDER BY c.code_key LIMIT ? OFFSET ?",
        (size, (page - 1) * size)).fetchall()


def customer_cases(conn: sqlite3.Connection) -> list[Case]:
    """The customer list, a customer's groups, a group as it stood, and changes since."""
    customers = conn.execute("SELECT COUNT(*) FROM customer").fetchone()[0]
    page = max(1, customers // 100 // 2)  # a page in the middle
    query = CustomerQuery(page=page, page_size=100)
    ours = [(r.id, r.groups) for r in list_customers(query).rows]
    raw = [(r[0], r[6]) for r in raw_customer_page(conn, page, 100)]
    if ours != raw:
        raise SystemExit("customer list: ours differs from the raw page")
    busiest = conn.execute("SELECT customer_id FROM membership GROUP BY customer_id "
                           "ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[0]
    biggest = conn.execute("SELECT id, member_count FROM customer_group "
                           "ORDER BY member_count DESC LIMIT 1").fetchone()
    now = datetime(2100, 1, 1)
    if len(members_as_of(biggest[0], now)) != biggest[1]:
        raise SystemExit("as of: the biggest group's members now differ from its count")
    row = conn.execute("SELECT at FROM membership_event ORDER BY at DESC, id DESC "
                       "LIMIT 1 OFFSET ?", (CHANGES - 1,)).fetchone()
    since = datetime.fromisoformat(row[0]) if row else datetime(2000, 1, 1)
    pasted = [code for code, in conn.execute(  # spread over the whole list, as a paste is
        "SELECT code FROM customer ORDER BY (id * 7919) % 10007, id LIMIT ?", (GRID_CUSTOMERS,))]
    grid = read_grid(pasted)
    if len(grid.customers) != len(pasted):
        raise SystemExit("grid: not every pasted customer is listed")
    return [
        Case(f"customer list: page {page:,} of 100 with group counts",
             lambda: list_customers(query), lambda: raw_customer_page(conn, page, 100),
             max_ratio=LIST_RATIO),
        Case(f"a customer's groups ({len(groups_of(busiest))} groups)",
             lambda: groups_of(busiest), lambda: None, max_ms=GROUPS_OF_MS),
        Case(f"grid: {len(pasted):,} pasted customers × {len(grid.groups):,} groups",
             lambda: read_grid(pasted), lambda: None, max_ms=GRID_MS),
        Case(f"group as it stood: {biggest[1]:,} members",
             lambda: members_as_of(biggest[0], now), lambda: None, max_ms=AS_OF_MS),
        Case(f"changes since: {CHANGES:,} events as CSV",
             lambda: _changes_csv(since), lambda: _raw_changes_csv(conn, str(row[0]) if row
                                                                  else "2000-01-01"),
             max_ratio=CHANGES_RATIO),
    ]


def _changes_csv(since: datetime) -> int:
    out = io.StringIO()
    writer = csv.writer(out)
    for change in iter_changes(since):
        writer.writerow((change.at.isoformat() + "Z", change.group_code, change.customer_code,
                         "added" if change.added else "removed", change.by, change.how,
                         change.source, change.reason))
    return out.tell()


def _raw_changes_csv(conn: sqlite3.Connection, since: str) -> int:
    out = io.StringIO()
    writer = csv.writer(out)
    for row in conn.execute(
            "SELECT e.at, g.code, c.code, e.added, e.by, e.how, e.source, e.reason "
            "FROM membership_event e JOIN customer_group g ON g.id = e.group_id "
            "JOIN customer c ON c.id = e.customer_id WHERE e.at >= ? ORDER BY e.at, e.id",
            (since,)):
        writer.writerow((row[0] + "Z", row[1], row[2], "added" if row[3] else "removed",
                         *row[4:]))
    return out.tell()
