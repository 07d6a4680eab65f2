"""Pasted customers × groups in the data floor: the grid as read, and its ticks saved group by
group, each against the version it was read at; and against a plain model, under another
clerk's changes in between."""

from __future__ import annotations

import itertools
from datetime import datetime

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
from PySide6.QtCore import Qt

from custgroups.core import events, groups
from custgroups.core.customer_grid import GroupEdit, read_grid, save_grid
from custgroups.core.groups import GroupChange
from custgroups.ui.models.grid_model import FIXED, GridFilter, GridModel
from tests.group_helpers import _create, _edit
from tests.lists_helpers import make_shop

pytestmark = pytest.mark.usefixtures("opened")
_RUNS = itertools.count()


@pytest.fixture
def shop() -> dict[str, int]:
    """C00001–C00008 (C00007 inactive); North holds 1–3, South 3–4, Spare nobody."""
    ids = make_shop(8, {7})
    _create("North", add_customer_ids=frozenset(ids[f"C0000{n}"] for n in (1, 2, 3)))
    _create("South", add_customer_ids=frozenset(ids[f"C0000{n}"] for n in (3, 4)))
    _create("Spare")
    return ids


def _codes(grid_customers: object) -> list[str]:
    return [c.code for c in grid_customers]  # type: ignore[attr-defined]


def test_the_grid_lists_customers_as_pasted_and_the_groups_they_are_in(
        shop: dict[str, int]) -> None:
    grid = read_grid(["C00004", "c00001", "ZZ9", "C00004", "C00007", "C00005"])
    assert _codes(grid.customers) == ["C00004", "C00001", "C00007", "C00005"]
    assert [g.name for g in grid.groups] == ["North", "South"]
    north, south = grid.groups
    assert grid.holds(shop["C00001"], north.id) and grid.holds(shop["C00004"], south.id)
    assert not grid.holds(shop["C00004"], north.id) and not grid.holds(shop["C00005"], south.id)
    assert [u.code for u in grid.resolution.unknown] == ["ZZ9"]
    assert grid.resolution.duplicates == ("C00004",)


def test_chosen_groups_are_the_columns_in_the_order_chosen(shop: dict[str, int]) -> None:
    spare, north = (groups.get_group_by_code(c) for c in ("CG-000003", "CG-000001"))
    grid = read_grid(["C00001", "C00004"], [spare.id, north.id])
    assert [g.name for g in grid.groups] == ["Spare", "North"]
    assert grid.members == frozenset({(shop["C00001"], north.id)})


def test_each_group_is_saved_on_its_own_and_a_changed_one_is_left_alone(
        shop: dict[str, int]) -> None:
    grid = read_grid(["C00001", "C00004", "C00005", "C00007"])
    north, south = grid.groups
    later = groups.save_group(_edit(groups.get_group(south.id), description="Busy"), "bob")
    result = save_grid(grid, {
        north.id: GroupEdit(add_ids=frozenset({shop["C00005"]}),
                            remove_ids=frozenset({shop["C00001"]})),
        south.id: GroupEdit(add_ids=frozenset({shop["C00005"]}))}, "ana")
    assert result.saved == (north.code,)
    assert str(result.failed[south.id]).startswith(f"{south.code}: ")
    assert groups.member_ids(north.id) == {shop["C00002"], shop["C00003"], shop["C00005"]}
    assert groups.get_group(south.id).version == later.version  # left as it was
    ways = {(c.customer_code, c.added, c.how)
            for c in events.iter_changes(datetime(2000, 1, 1), north.id) if c.by != "alice"}
    assert {w for w in ways if w[2] == "customers"} == {("C00005", True, "customers"),
                                                         ("C00001", False, "customers")}


def test_an_inactive_customer_is_refused_with_words_and_nothing_of_that_group_saved(
        shop: dict[str, int]) -> None:
    grid = read_grid(["C00007", "C00005"])
    spare = groups.get_group_by_code("CG-000003")
    grid = read_grid(["C00007", "C00005"], [spare.id])
    result = save_grid(grid, {spare.id: GroupEdit(
        add_ids=frozenset({shop["C00007"], shop["C00005"]}))}, "ana")
    assert result.saved == () and "C00007" in str(result.failed[spare.id])
    assert groups.member_ids(spare.id) == set()


class GridAgainstAModel(RuleBasedStateMachine):
    """Ticks changed in the window's grid model, saved, with another clerk changing groups in
    between: the database ends as a plain model says, and the ticks of a group that could not
    be saved stay ticked."""

    @initialize()
    def start(self) -> None:
        self.ids = make_shop(6, set())
        run = next(_RUNS)  # each example makes groups of its own names
        made = [_create(f"G{n} of run {run}",
                        add_customer_ids=frozenset({self.ids[f"C0000{n}"]})) for n in (1, 2, 3)]
        self.group_ids = [g.id for g in made]
        self.truth = {g.id: groups.member_ids(g.id) for g in made}
        self.pending: dict[tuple[int, int], bool] = {}
        self.model = GridModel()
        self.model.load(read_grid(sorted(self.ids), self.group_ids))

    def _held(self, pair: tuple[int, int]) -> bool:
        grid = self.model.grid
        assert grid is not None
        return grid.holds(*pair)

    @rule(customer=st.integers(0, 5), group=st.integers(0, 2))
    def tick(self, customer: int, group: int) -> None:
        pair = (self.ids[f"C0000{customer + 1}"], self.group_ids[group])
        now = self.pending.get(pair, self._held(pair))
        index = self.model.index(customer, FIXED + group)
        state = Qt.CheckState.Unchecked if now else Qt.CheckState.Checked
        assert self.model.setData(index, state.value, Qt.ItemDataRole.CheckStateRole)
        if now == self._held(pair):
            self.pending[pair] = not now
        else:
            del self.pending[pair]

    @rule(customer=st.integers(0, 5), group=st.integers(0, 2))
    def another_clerk_adds(self, customer: int, group: int) -> None:
        gid, cid = self.group_ids[group], self.ids[f"C0000{customer + 1}"]
        if cid not in self.truth[gid]:
            groups.save_group(_edit(groups.get_group(gid), add_customer_ids=frozenset({cid})),
                              "bob")
            self.truth[gid].add(cid)

    @rule()
    def save(self) -> None:
        grid, edits = self.model.grid, self.model.edits()
        assert grid is not None
        result = save_grid(grid, edits, "ana")
        for (cid, gid), wanted in self.pending.items():
            if gid not in result.failed:
                (self.truth[gid].add if wanted else self.truth[gid].discard)(cid)
        self.model.forget_saved(edits, result.failed)
        self.model.load(read_grid(sorted(self.ids), self.group_ids), keep_pending=True)
        self.pending = {pair: w for pair, w in self.pending.items()
                        if pair[1] in result.failed and self._held(pair) != w}

    @invariant()
    def the_database_and_the_ticks_are_the_model(self) -> None:
        for gid in self.group_ids:
            assert groups.member_ids(gid) == self.truth[gid]
            assert groups.get_group(gid).member_count == len(self.truth[gid])
            for cid in self.ids.values():
                pair = (cid, gid)
                assert self.model.ticked(*pair) == self.pending.get(pair, self._held(pair))
        assert self.model.pending == len(self.pending)


@pytest.mark.usefixtures("qapp")
def test_grid_saves_match_a_plain_model() -> None:
    run_state_machine_as_test(GridAgainstAModel, settings=settings(
        max_examples=10, stateful_step_count=12, deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]))


def test_a_group_made_inactive_meanwhile_keeps_its_ticks(shop: dict[str, int]) -> None:
    grid = read_grid(["C00005"], [groups.get_group_by_code("CG-000003").id])
    spare = grid.groups[0]
    groups.save_group(GroupChange(name="Spare", active=False, group_id=spare.id,
                                  expected_version=spare.version), "bob")
    result = save_grid(grid, {spare.id: GroupEdit(add_ids=frozenset({shop["C00005"]}))}, "ana")
    assert spare.id in result.failed and groups.member_ids(spare.id) == set()


@pytest.mark.usefixtures("qapp")
def test_the_filters_count_unsaved_ticks(shop: dict[str, int]) -> None:
    model = GridModel()
    model.load(read_grid(["C00001", "C00004", "C00005"]))
    south = FIXED + 1

    def shown(which: GridFilter) -> list[str]:
        model.set_filter(which)
        return [model.customer_at(r).code for r in range(model.rowCount())]  # type: ignore

    def tick(code: str, on: bool) -> None:
        model.set_filter(GridFilter.ALL)
        row = shown(GridFilter.ALL).index(code)
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        assert model.setData(model.index(row, south), state.value,
                             Qt.ItemDataRole.CheckStateRole)

    assert shown(GridFilter.IN_NONE) == ["C00005"]
    tick("C00005", True)
    tick("C00004", False)
    assert shown(GridFilter.IN_NONE) == ["C00004"]
    assert shown(GridFilter.IN_SOME) == ["C00001", "C00005"]
    assert shown(GridFilter.CHANGED) == ["C00004", "C00005"]
    assert model.edits()[model.group_at(south).id] == GroupEdit(  # type: ignore[union-attr]
        frozenset({shop["C00005"]}), frozenset({shop["C00004"]}))
