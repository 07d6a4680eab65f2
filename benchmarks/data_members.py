"""bench_data's cases about members: a pasted list of codes resolved, and members added to a
group in one save, each as ours and as the tightest raw SQL on the same file."""

from __future__ import annotations

import json
import random
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from data_timing import Case

from custgroups.core.codes import customer_code_key
from custgroups.core.customers import CodeResolution, resolve_codes
from custgroups.core.groups import Group, GroupChange, get_group, save_group

WHO = "bench"
RESOLVE_RATIO = 1.5
ADD_RATIO = 1.5


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
    """The same classification: one statement, tuples, and an ASCII fast path for the key."""
    first, duplicates = raw_keys(codes)
    # Keys in index order: each lookup lands next to the previous one in the B-trees,
    # which SQLite follows without a full descent (about 2x faster than paste order).
    found = {row[0]: row for row in conn.execute(_RESOLVE_SQL, (json.dumps(sorted(first)),
                                                                group_id))}
    return raw_classified(first, found, duplicates)


def raw_keys(codes: Sequence[str]) -> tuple[dict[str, str], list[str]]:
    """Each distinct key with the first code giving it, and the repeats.

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
    return first, duplicates


def raw_classified(first: dict[str, str], found: dict[str, tuple[Any, ...]],
                   duplicates: list[str]) -> dict[str, list[Any]]:
    """The codes sorted as resolve_codes sorts them, from the rows (key, id, code, name,
    active, is_member) found for their keys."""
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
    last_event_id: int
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
        conn.execute("DELETE FROM membership_event WHERE id > ?", (self.last_event_id,))
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
    event = conn.execute("SELECT coalesce(max(id), 0) FROM membership_event").fetchone()[0]
    return AddFixture(conn, group_id, ids, saved, last, event)


def ours_add(fx: AddFixture) -> None:
    group = fx.loaded
    assert group is not None
    save_group(GroupChange(name=group.name, description=group.description, active=group.active,
                           code=group.code, group_id=group.id,
                           expected_version=group.version, add_customer_ids=fx.ids), WHO)


def raw_add(fx: AddFixture) -> None:
    """Insert the rows, bump count and version, write one history row with the codes and one
    membership event per customer."""
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
    conn.execute("INSERT INTO membership_event (group_id, customer_id, added, at, by, how, "
                 "source, reason) SELECT ?, value, 1, ?, ?, 'editor', '', '' "
                 "FROM json_each(?)", (fx.group_id, now, WHO, ids))
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
