"""Membership events: written with every membership change, enough to show any group as it
stood at any moment, and made from the history when a database of the previous version is
upgraded."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from custgroups.core import clock, db, events, groups
from custgroups.core.lists import apply_list
from custgroups.core.memberships import ListMode
from custgroups.core.models import MembershipEvent
from custgroups.core.moves import Carry, carry_members
from tests.db_helpers import recorded
from tests.group_helpers import _create, _customers, _edit

FIXTURES = Path(__file__).parent / "fixtures"
pytestmark = pytest.mark.usefixtures("opened")


def _events(group_id: int) -> list[tuple[int, bool, str, str, str]]:
    rows = (MembershipEvent.select(MembershipEvent.customer, MembershipEvent.added,
                                   MembershipEvent.by, MembershipEvent.how,
                                   MembershipEvent.source)
            .where(MembershipEvent.group == group_id).order_by(MembershipEvent.id).tuples())
    return [(int(c), bool(a), str(b), str(h), str(s)) for c, a, b, h, s in rows]


def _ids_then(group_id: int, moment: datetime) -> set[int]:
    """Ids of the group's members as it stood at ``moment``."""
    return {customer.id for customer in events.members_as_of(group_id, moment)}


def test_every_way_of_changing_members_writes_its_events() -> None:
    ids = _customers(8)
    north = _create("North", add_customer_ids=frozenset(ids[:3]))
    assert _events(north.id) == [(c, True, recorded("alice"), "editor", "") for c in ids[:3]]

    edited = groups.save_group(_edit(north, remove_customer_ids=frozenset(ids[:1])), "bob")
    apply_list(north.id, ["C00004", "C00005"], ListMode.ADD, "carol", source_name="dec.xlsx")
    apply_list(north.id, ["C00002"], ListMode.REMOVE, "carol")
    south = _create("South")
    carry_members(north.id, south.id, [ids[2]], Carry.MOVE, "dan")
    after = _events(north.id)[3:]
    assert after == [
        (ids[0], False, recorded("bob"), "editor", ""),
        (ids[3], True, recorded("carol"), "file", "dec.xlsx"),
        (ids[4], True, recorded("carol"), "file", "dec.xlsx"),
        (ids[1], False, recorded("carol"), "paste", ""),
        (ids[2], False, recorded("dan"), "move", south.code),
    ]
    assert _events(south.id) == [(ids[2], True, recorded("dan"), "move", north.code)]
    assert edited.version > north.version
    for group in (north, south):
        assert _ids_then(group.id, clock.utc_now()) == groups.member_ids(group.id)


def test_a_group_as_it_stood_and_the_changes_since() -> None:
    ids = _customers(4)
    group = _create("Retail", add_customer_ids=frozenset(ids[:2]))
    first = clock.utc_now()
    changed = groups.save_group(_edit(group, add_customer_ids=frozenset(ids[2:]),
                                      remove_customer_ids=frozenset(ids[:1])), "bob")
    assert _ids_then(group.id, first) == set(ids[:2])
    assert _ids_then(group.id, first - timedelta(days=1)) == set()
    assert _ids_then(group.id, clock.utc_now()) == set(ids[1:])
    since = list(events.iter_changes(first))
    assert [(c.customer_code, c.added) for c in since] == [
        ("C00001", False), ("C00003", True), ("C00004", True)]
    assert {c.group_code for c in since} == {changed.code}
    assert list(events.iter_changes(clock.utc_now() + timedelta(seconds=1))) == []
    every = list(events.iter_changes(first - timedelta(days=1), batch=2))  # several batches
    assert [c.id for c in every] == sorted(c.id for c in every) and len(every) == 5
    since_of = events.member_since(group.id, ids[1:])
    assert since_of[ids[2]][1] == recorded("bob") and since_of[ids[1]][1] == recorded("alice")
    assert since_of[ids[1]][0] < since_of[ids[2]][0]


class MembersOverTime(RuleBasedStateMachine):
    """Random adds and removals against a plain model: the group as it stood after each step
    is what the events give for that moment."""

    def __init__(self) -> None:
        super().__init__()
        self.snapshots: list[tuple[datetime, frozenset[int]]] = []
        self.model: set[int] = set()

    @initialize()
    def make_group(self) -> None:
        self.ids = _customers(12, prefix=f"M{len(self.snapshots)}")
        self.group = _create(f"Over time {id(self)}")

    @rule(add=st.sets(st.integers(0, 11), max_size=5), remove=st.sets(st.integers(0, 11),
                                                                          max_size=5))
    def change(self, add: set[int], remove: set[int]) -> None:
        adding = {self.ids[i] for i in add - remove}
        removing = {self.ids[i] for i in remove}
        current = groups.get_group(self.group.id)
        groups.save_group(_edit(current, add_customer_ids=frozenset(adding),
                                remove_customer_ids=frozenset(removing)), "clerk")
        self.model = (self.model - removing) | adding
        self.snapshots.append((clock.utc_now(), frozenset(self.model)))

    @invariant()
    def each_moment_is_as_it_was(self) -> None:
        for moment, members in self.snapshots[-3:]:
            assert _ids_then(self.group.id, moment) == members


def test_members_over_time_match_a_plain_model() -> None:
    run_state_machine_as_test(MembersOverTime, settings=settings(
        max_examples=8, stateful_step_count=8, deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]))


@pytest.fixture
def old_file(tmp_path: Path) -> str:
    """A copy of a database made by the previous version (schema 3): ``custgroups demo
    --customers 300 --groups 12 --members-per-customer 2 --seed 7``, then as ana
    ``import-members CG-000003`` (C000001–C000004; two joined), as bob ``remove-members
    CG-000003`` of those two, as ana the same import again, as carol ``combine --union
    CG-000001 CG-000002 --name "North and South"`` and as dan ``create-group --name "Empty
    one"``."""
    path = tmp_path / "old.db"
    shutil.copyfile(FIXTURES / "schema3.db", path)
    return f"sqlite:///{path.as_posix()}"


def test_upgrading_a_previous_version_makes_events_from_its_history(old_file: str) -> None:
    db.open_database(old_file)
    from custgroups.core.db.migrations import schema_version

    assert schema_version() == db.LATEST_SCHEMA
    now = clock.utc_now()
    for group in groups.list_groups(groups.GroupQuery(page_size=200)).rows:
        assert _ids_then(group.id, now) == groups.member_ids(group.id)
    regional = groups.get_group_by_code("CG-000003")
    readded = [c for c in events.iter_changes(datetime(2000, 1, 1), regional.id)
               if c.customer_code == "C000002"]
    assert [(c.added, c.by) for c in readded] == [(True, "ana"), (False, "bob"), (True, "ana")]
    assert readded[1].how == "file" and readded[1].source == "drop.csv"
    combined = groups.get_group_by_code("CG-000013")
    joined = {c.how for c in events.iter_changes(datetime(2000, 1, 1), combined.id)}
    assert joined == {"combine"}


def test_the_upgrade_gives_the_events_the_changes_wrote(opened: str) -> None:
    """On SQLite and PostgreSQL alike: drop the events, step back to schema 3, open again."""
    from custgroups.core.models import SchemaInfo, database

    ids = _customers(5)
    north = _create("North", add_customer_ids=frozenset(ids[:3]))
    north = groups.save_group(_edit(north, remove_customer_ids=frozenset(ids[:1])), "bob")
    apply_list(north.id, ["C00004", "C00001"], ListMode.ADD, "carol", source_name="a.xlsx")
    written = [e[:3] for e in _events(north.id)]
    db.close_database()
    db.open_database(opened)
    database.execute_sql(f'DROP TABLE "{MembershipEvent._meta.table_name}"')
    SchemaInfo.update(value="3").where(SchemaInfo.key == "schema_version").execute()
    db.close_database()
    db.open_database(opened)
    assert [e[:3] for e in _events(north.id)] == written
    assert _events(north.id)[-1][3:] == ("file", "a.xlsx")
