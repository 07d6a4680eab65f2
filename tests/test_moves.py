"""Customers moved and copied between groups, groups duplicated, many groups' status at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from custgroups.core import customers, groups, history, memberships
from custgroups.core.customers import CustomerInput
from custgroups.core.errors import ConflictError, DatabaseError, ValidationError
from custgroups.core.groups import GroupChange
from custgroups.core.history import HistoryKind
from custgroups.core.moves import Carry, carry_members, copy_group, plan_carry
from custgroups.core.wording import history_change
from tests.helpers import assert_no_formulas

pytestmark = pytest.mark.usefixtures("opened")


@pytest.fixture
def shop(opened: str) -> dict[int, int]:
    """Customer number → id for C01–C20."""
    customers.upsert_customers(CustomerInput(f"C{i:02d}", f"Customer {i}") for i in range(1, 21))
    ids = {r.code: r.id for r in customers.search_customers("", limit=100).rows}
    return {i: ids[f"C{i:02d}"] for i in range(1, 21)}


def make(shop: dict[int, int], name: str, numbers: set[int]) -> groups.Group:
    return groups.save_group(GroupChange(name=name, add_customer_ids=frozenset(
        shop[n] for n in numbers)), "x")


def numbers_in(group: groups.Group, shop: dict[int, int]) -> set[int]:
    back = {v: k for k, v in shop.items()}
    return {back[i] for i in groups.member_ids(group.id)}


def changes(group: groups.Group) -> list[str]:
    return [history_change(e) for e in history.group_history(group.id)
            if e.kind in (HistoryKind.MEMBERS_ADDED, HistoryKind.MEMBERS_REMOVED)]


def test_move_previews_both_groups_then_moves_in_one_go(shop: dict[int, int]) -> None:
    north, south = make(shop, "North", {1, 2, 3, 4}), make(shop, "South", {4, 5})
    customers.upsert_customers([CustomerInput("C03", "Customer 3", active=False)])
    chosen = [shop[n] for n in (2, 3, 4)]
    plan = plan_carry(north.id, south.id, chosen, Carry.MOVE)
    assert (plan.to_add, plan.already, plan.inactive) == (1, 1, 1)
    assert (plan.source_after, plan.target_after) == (2, 3)
    north_after, south_after = carry_members(north.id, south.id, chosen, Carry.MOVE, "kim",
                                             north.version, south.version)
    assert numbers_in(north_after, shop) == {1, 3}  # C03 is inactive: it stays where it was
    assert numbers_in(south_after, shop) == {2, 4, 5}
    assert (north_after.member_count, south_after.member_count) == (2, 3)
    assert changes(south_after)[0] == f"Added 1 customer (moved from {north.code})"
    assert changes(north_after)[0] == f"Removed 2 customers (moved to {south.code})"


def test_copy_leaves_the_source_as_it_was(shop: dict[int, int]) -> None:
    north, south = make(shop, "North", {1, 2}), make(shop, "South", set())
    north_after, south_after = carry_members(north.id, south.id, [shop[1], shop[2]],
                                             Carry.COPY, "kim")
    assert numbers_in(north_after, shop) == {1, 2} and north_after.version == north.version
    assert numbers_in(south_after, shop) == {1, 2}
    assert changes(south_after)[0] == f"Added 2 customers (copied from {north.code})"


@pytest.mark.parametrize("stale", ["source", "target"])
def test_a_move_onto_a_changed_group_is_a_conflict_and_changes_nothing(
        shop: dict[int, int], stale: str) -> None:
    north, south = make(shop, "North", {1, 2}), make(shop, "South", {5})
    changed = north if stale == "source" else south
    groups.save_group(GroupChange(name=changed.name + " (new)", group_id=changed.id,
                                  expected_version=changed.version), "someone")
    with pytest.raises(ConflictError):
        carry_members(north.id, south.id, [shop[1]], Carry.MOVE, "kim", north.version,
                      south.version)
    assert numbers_in(groups.get_group(north.id), shop) == {1, 2}
    assert numbers_in(groups.get_group(south.id), shop) == {5}


def test_a_move_failing_half_way_leaves_both_groups_as_they_were(
        shop: dict[int, int], monkeypatch: pytest.MonkeyPatch) -> None:
    north, south = make(shop, "North", {1, 2, 3}), make(shop, "South", {9})
    real = memberships.change_members_of
    calls = []

    def second_fails(*args: object, **kwargs: object) -> tuple[int, int]:
        calls.append(args)
        if len(calls) == 2:  # the target took them; taking them from the source fails
            raise OSError("disk gone")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    from custgroups.core import moves

    monkeypatch.setattr(moves, "change_members_of", second_fails)
    with pytest.raises(DatabaseError):
        carry_members(north.id, south.id, [shop[1], shop[2]], Carry.MOVE, "kim")
    after_north, after_south = groups.get_group(north.id), groups.get_group(south.id)
    assert numbers_in(after_north, shop) == {1, 2, 3} and after_north.member_count == 3
    assert numbers_in(after_south, shop) == {9} and after_south.member_count == 1
    assert after_south.version == south.version


def test_moving_into_the_same_group_is_refused(shop: dict[int, int]) -> None:
    north = make(shop, "North", {1})
    with pytest.raises(ValidationError, match="Choose another group"):
        plan_carry(north.id, north.id, [shop[1]], Carry.MOVE)


def test_duplicate_with_and_without_members(shop: dict[int, int]) -> None:
    north = make(shop, "North", {1, 2, 3})
    customers.upsert_customers([CustomerInput("C02", "Customer 2", active=False)])
    bare = copy_group(north.id, "North copy", False, "kim")
    assert bare.member_count == 0 and bare.description == north.description
    full = copy_group(north.id, "North again", True, "kim")
    assert numbers_in(full, shop) == {1, 3}  # the inactive member is left out
    assert changes(full) == [f"Added 2 customers (copied from {north.code})"]
    groups.set_group_active(north.id, False, "kim")
    with pytest.raises(ValidationError, match="is inactive"):
        copy_group(north.id, "North three", True, "kim")


def test_many_groups_deactivated_in_one_transaction(shop: dict[int, int],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    made = [make(shop, f"Group {i}", {i}) for i in range(1, 6)]
    groups.set_group_active(made[0].id, False, "kim")
    assert groups.set_groups_active([g.id for g in made], False, "kim") == 4
    assert not any(groups.get_group(g.id).active for g in made)
    # A conflict on the last group leaves the others as they were too.
    versions = {g.id: groups.get_group(g.id).version for g in made}
    versions[made[-1].id] -= 1
    with pytest.raises(ConflictError):
        groups.set_groups_active([g.id for g in made], True, "kim", versions)
    assert not any(groups.get_group(g.id).active for g in made)


def test_the_commands_for_scripts(shop: dict[int, int], opened: str, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    from custgroups.cli import main
    from custgroups.core import db

    make(shop, "North", {3, 1, 2})
    base = ["--database", opened, "--user", "dana"]
    capsys.readouterr()
    assert main([*base, "create-group", "--name", "Pilot", "--code", "PILOT-1",
                 "--inactive"]) == 0
    assert capsys.readouterr().out == "Created PILOT-1 'Pilot' (inactive).\n"
    assert main([*base, "create-group", "--name", "pilot"]) == 1
    assert "already exists (PILOT-1)" in capsys.readouterr().err
    assert main([*base, "set-status", "pilot-1", "active"]) == 0
    assert capsys.readouterr().out == "PILOT-1 'Pilot' is active now.\n"
    assert main([*base, "set-status", "PILOT-1", "active"]) == 0
    assert capsys.readouterr().out == "PILOT-1 'Pilot' is active already.\n"
    assert main([*base, "members", "CG-000001"]) == 0
    assert capsys.readouterr().out == "C01\nC02\nC03\n"
    out = tmp_path / "north.xlsx"
    assert main([*base, "members", "CG-000001", "--out", str(out)]) == 0
    rows = list(assert_no_formulas(out)["Members"].iter_rows(values_only=True))
    assert rows[0] == ("Customer code", "Customer name", "City", "Status")
    assert [r[0] for r in rows[1:]] == ["C01", "C02", "C03"]
    capsys.readouterr()
    assert main([*base, "copy-group", "CG-000001", "--name", "North copy"]) == 0
    assert "as a copy of CG-000001, with 3 members" in capsys.readouterr().out
    assert main([*base, "copy-group", "CG-000001", "--name", "Bare",
                 "--without-members"]) == 0
    assert "with 0 members" in capsys.readouterr().out
    db.open_database(opened)
    assert groups.get_group_by_code("PILOT-1").active
