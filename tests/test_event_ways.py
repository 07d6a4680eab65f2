"""How each membership change came about: every way of changing members names itself in its
events, an editor save names each customer's own way, and a database whose events named the
list mode instead (schema 4) is upgraded to the words used now."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from custgroups import cli
from custgroups.core import db, groups
from custgroups.core.customer_list import set_member
from custgroups.core.lists import apply_list
from custgroups.core.memberships import ListMode
from custgroups.core.models import MembershipEvent, SchemaInfo
from custgroups.core.ways import How, Way, legacy_how
from tests.group_helpers import _create, _customers, _edit

FIXTURES = Path(__file__).parent / "fixtures"


def _ways(group_id: int) -> list[tuple[int, bool, str, str]]:
    rows = (MembershipEvent.select(MembershipEvent.customer, MembershipEvent.added,
                                   MembershipEvent.how, MembershipEvent.source)
            .where(MembershipEvent.group == group_id).order_by(MembershipEvent.id).tuples())
    return [(int(c), bool(a), str(h), str(s)) for c, a, h, s in rows]


@pytest.mark.usefixtures("opened")
def test_one_save_names_each_customers_own_way() -> None:
    ids = _customers(6)
    group = _create("North", add_customer_ids=frozenset(ids[:2]))
    groups.save_group(_edit(
        group, add_customer_ids=frozenset(ids[2:5]), remove_customer_ids=frozenset(ids[:2]),
        member_source=groups.MemberSource(ListMode.ADD, "dec.xlsx"),
        ways={ids[2]: Way(How.PICKER), ids[0]: Way(How.EDITOR)}), "bob")
    assert sorted(_ways(group.id)[2:]) == sorted([
        (ids[0], False, "editor", ""), (ids[1], False, "file", "dec.xlsx"),
        (ids[2], True, "picker", ""), (ids[3], True, "file", "dec.xlsx"),
        (ids[4], True, "file", "dec.xlsx")])


@pytest.mark.usefixtures("opened")
def test_lists_and_the_customers_window_name_their_way() -> None:
    ids = _customers(5)
    group = _create("North", add_customer_ids=frozenset(ids[:1]))
    apply_list(group.id, ["C00002"], ListMode.ADD, "ana")
    apply_list(group.id, ["C00002", "C00003"], ListMode.MATCH, "ana", source_name="n.csv")
    set_member(ids[3], group.id, True, "ana")
    assert _ways(group.id)[1:] == [
        (ids[1], True, "paste", ""), (ids[0], False, "sync", "n.csv"),
        (ids[2], True, "sync", "n.csv"), (ids[3], True, "customers", "")]


def test_commands_say_they_came_from_the_command_line(opened: str, tmp_path: Path) -> None:
    _customers(4)
    group = _create("North")
    db.close_database()
    listed = tmp_path / "north.csv"
    listed.write_text("Customer Code\nC00001\nC00002\n", encoding="utf-8")
    base = ["--database", opened, "--user", "ana"]
    assert cli.main(base + ["import-members", group.code, str(listed)]) == cli.EXIT_OK
    assert cli.main(base + ["copy-group", group.code, "--name", "North copy"]) == cli.EXIT_OK
    db.open_database(opened)
    copy = groups.get_group_by_code("CG-000002")
    assert {(h, s) for _c, _a, h, s in _ways(group.id) + _ways(copy.id)} == {
        ("command line", "north.csv"), ("command line", group.code)}


def test_the_first_words_map_to_the_ways() -> None:
    assert legacy_how("add", "dec.xlsx") == "file" and legacy_how("remove", "") == "paste"
    assert legacy_how("match", "") == "sync" and legacy_how("union", "f") == "combine"
    assert legacy_how("moved_to", "CG-1") == "move" and legacy_how("copied_from", "") == "copy"
    assert legacy_how("editor", "") == "editor" and legacy_how("", "") == ""


def test_upgrading_a_schema_4_database_renames_its_ways(tmp_path: Path) -> None:
    """The fixture was made by the previous version: ``demo --customers 300 --groups 12
    --members-per-customer 2 --seed 7``, then as ana ``import-members CG-000003 join.csv``, as
    bob ``sync-members CG-000006 north.csv`` and ``remove-members CG-000003 north.csv``, as
    carol ``combine --union CG-000001 CG-000002``, and as dan ``copy-group CG-000005``."""
    path = tmp_path / "old.db"
    shutil.copyfile(FIXTURES / "schema4.db", path)
    db.open_database(f"sqlite:///{path.as_posix()}")
    version = SchemaInfo.get(SchemaInfo.key == "schema_version").value
    rows = MembershipEvent.select(MembershipEvent.how, MembershipEvent.source,
                                  MembershipEvent.added).tuples()
    assert version == str(db.LATEST_SCHEMA)
    assert Counter((h, s, bool(a)) for h, s, a in rows) == Counter({
        ("", "", True): 600, ("file", "join.csv", True): 2, ("sync", "north.csv", False): 30,
        ("sync", "north.csv", True): 2, ("file", "north.csv", False): 1,
        ("combine", "CG-000001 ∪ CG-000002 on 2026-11-28", True): 126,
        ("copy", "CG-000005", True): 30})


@pytest.mark.usefixtures("opened")
def test_the_upgrade_renames_the_ways_on_either_database(opened: str) -> None:
    """On SQLite and PostgreSQL alike: events in the first words, a step back to schema 4."""
    ids = _customers(3)
    group = _create("North", add_customer_ids=frozenset(ids))
    firsts = ["add", "match", "moved_from"]
    for cid, how in zip(ids, firsts, strict=True):
        MembershipEvent.update(how=how, source="x.csv" if how == "add" else "").where(
            MembershipEvent.customer == cid).execute()
    SchemaInfo.update(value="4").where(SchemaInfo.key == "schema_version").execute()
    db.close_database()
    db.open_database(opened)
    assert [(c, h, s) for c, _a, h, s in _ways(group.id)] == [
        (ids[0], "file", "x.csv"), (ids[1], "sync", ""), (ids[2], "move", "")]
