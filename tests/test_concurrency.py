"""Several processes saving to one database at once: no "database is locked", nothing lost."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from custgroups import db, groups, history
from custgroups.groups import GroupQuery

WRITER = textwrap.dedent("""
    import sys
    from custgroups import db, groups
    from custgroups.groups import GroupChange
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
