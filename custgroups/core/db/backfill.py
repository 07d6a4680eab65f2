"""Membership events for a database that kept only its history (the upgrade to schema 4), and
for members that have none (the sample data's)."""

from __future__ import annotations

from typing import Any

import peewee

from custgroups.core.models import CustomerGroup, Membership, MembershipEvent
from custgroups.core.ways import legacy_how

#: Events written at once, in one statement each.
_CHUNK = 2000


def backfill(database: peewee.Database) -> int:
    """Events for a database that kept only its history: one per customer code of each
    member change there, in the order the history has them; the number written.

    Members with no event to show (made before the history named customer codes) get an
    event at their group's creation, so every member has a "since".
    """
    customers = dict(database.execute_sql("SELECT code, id FROM customer").fetchall())
    written = 0
    pending: list[dict[str, Any]] = []
    cursor = database.execute_sql(
        "SELECT group_id, at, by, kind, old_value, new_value, codes FROM history_event "
        "WHERE kind IN ('members_added', 'members_removed') ORDER BY id")
    for group_id, at, by, kind, how, source, codes in cursor.fetchall():
        for code in filter(None, (codes or "").split("\n")):
            if code in customers:
                pending.append({"group": group_id, "customer": customers[code],
                                "added": kind == "members_added", "at": at, "by": by,
                                "how": legacy_how(how or "", source or ""),
                                "source": source or "", "reason": ""})
        if len(pending) >= _CHUNK:
            MembershipEvent.insert_many(pending).execute()
            written, pending = written + len(pending), []
    if pending:
        MembershipEvent.insert_many(pending).execute()
        written += len(pending)
    written += since_creation(database)
    return written


def since_creation(database: peewee.Database | peewee.DatabaseProxy) -> int:
    """An event at the group's creation for each member without any event (members made by
    the sample data, or before the history named customer codes); the number written."""
    table, members = MembershipEvent._meta.table_name, Membership._meta.table_name
    groups = CustomerGroup._meta.table_name
    return int(database.execute_sql(
        f'INSERT INTO "{table}" (group_id, customer_id, added, at, by, how, source, reason) '
        f'SELECT m.group_id, m.customer_id, {database.param}, g.created_at, g.created_by, '
        f"'', '', '' FROM \"{members}\" m JOIN \"{groups}\" g ON g.id = m.group_id "
        f'WHERE NOT EXISTS (SELECT 1 FROM "{table}" e WHERE e.group_id = m.group_id '
        "AND e.customer_id = m.customer_id)", [True]).rowcount)
