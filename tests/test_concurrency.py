"""Several processes saving to one database at once: no "database is locked", nothing lost."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from custgroups.core import db, groups, history
from custgroups.core.groups import GroupQuery
from custgroups.core.models import database

WRITER = textwrap.dedent("""
    import sys
    from custgroups.core import db, groups
    from custgroups.core.groups import GroupChange
    url, name = sys.argv[1], sys.argv[2]
    db.open_database(url)
    for i in range(100):
        group = groups.save_group(GroupChange(name=f"{name} {i}"), name)
        # An edit too, so writers interleave reads of their own rows with writes.
        groups.save_group(GroupChange(name=group.name, description="edited",
                                      group_id=group.id, expected_version=group.version), name)
    print("done")
""")


@pytest.mark.slow
def test_three_processes_save_a_hundred_times_each(database_url: str) -> None:
    db.open_database(database_url, create=True)  # migrate once so the writers race on saves only
    db.close_database()
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, database_url, f"writer{n}"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for n in range(3)
    ]
    for proc in procs:
        out, err = proc.communicate(timeout=240)
        assert "locked" not in err and "busy" not in err
        assert proc.returncode == 0, err
        assert out.strip() == "done"
    db.open_database(database_url)
    page = groups.list_groups(GroupQuery(page_size=200, page=2))
    assert page.total == 300
    all_codes = {g.code for p in (1, 2) for g in groups.list_groups(
        GroupQuery(page_size=200, page=p)).rows}
    assert all_codes == {f"CG-{n:06d}" for n in range(1, 301)}
    assert all(g.version == 2 and g.description == "edited" for g in page.rows)
    assert sum(1 for _ in history.iter_history()) == 600


KILLED_SAVE = textwrap.dedent("""
    import os, signal, sys
    from custgroups.core import db, groups, memberships
    from custgroups.core.groups import GroupChange
    url, group_id, version = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    db.open_database(url)
    real, calls = memberships._insert_members, 0

    def dying(*args):
        global calls
        calls += 1
        if calls == 2:  # 10,000 members written, the transaction still open
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args)

    memberships._insert_members = dying
    groups.save_group(GroupChange(name="Renamed", group_id=group_id, expected_version=version,
                                  add_customer_ids=frozenset(range(1, 12_001))), "killed")
""")


def test_a_save_killed_half_way_leaves_the_group_as_it_was(database_url: str) -> None:
    from custgroups.core.customers import CustomerInput, upsert_customers

    db.open_database(database_url, create=True)
    upsert_customers(CustomerInput(f"K{i:05d}", f"Customer {i}") for i in range(12_000))
    group = groups.save_group(groups.GroupChange(name="Steady"), "alice")
    db.close_database()
    done = subprocess.run([sys.executable, "-c", KILLED_SAVE, database_url, str(group.id),
                           str(group.version)], capture_output=True, text=True, timeout=120)
    assert done.returncode == -9, done.stderr
    db.open_database(database_url)
    after = groups.get_group(group.id)
    assert (after.name, after.version, after.member_count) == ("Steady", group.version, 0)
    assert groups.member_ids(group.id) == set()
    if not db.is_postgres():
        assert database.execute_sql("PRAGMA integrity_check").fetchone() == ("ok",)
    assert groups.save_group(groups.GroupChange(name="Next"), "alice").code == "CG-000002"
