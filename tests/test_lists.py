"""Lists applied to a group: add, remove, make the group match; planned, then one transaction."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from custgroups.cli import main
from custgroups.core import customers, db, groups, history, memberships
from custgroups.core.customers import CodeResolution, CustomerInput, CustomerRef, UnknownCode
from custgroups.core.errors import DatabaseError, WouldEmptyGroupError
from custgroups.core.history import HistoryKind
from custgroups.core.lists import ListMode, apply_list, plan_list
from custgroups.core.wording import history_change, list_summary
from tests.lists_helpers import codes, group_of, make_shop

INACTIVE = frozenset({13, 14})


@pytest.fixture
def shop(opened: str) -> dict[str, int]:
    """C00001–C00060; C00013 and C00014 inactive."""
    return make_shop(60, INACTIVE)


def member_codes(group: groups.Group) -> set[str]:
    return {code for code, *_ in memberships.member_rows(group.id)}


def test_match_adds_the_listed_and_removes_exactly_the_unlisted(shop: dict[str, int]) -> None:
    group = group_of(shop, 1, 2, 3, 4, 5)
    listed = [*codes(3, 4, 5, 6, 7, 13), "ZZ9", "c00003"]  # C00013 inactive, ZZ9 unknown
    result = apply_list(group.id, listed, ListMode.MATCH, "kim", "north-dec.xlsx")
    assert (result.added, result.removed) == (2, 2)
    assert member_codes(result.group) == set(codes(3, 4, 5, 6, 7))
    assert list_summary(result.plan) == ("to add 2 · to remove 2 (not in the list) · "
                                         "unchanged 3 · 1 unknown: ZZ9 · inactive 1 · "
                                         "duplicates 1")
    changes = [history_change(e) for e in history.group_history(group.id)
               if e.kind in (HistoryKind.MEMBERS_ADDED, HistoryKind.MEMBERS_REMOVED)]
    assert "Added 2 customers (matched to north-dec.xlsx)" in changes
    assert "Removed 2 customers (matched to north-dec.xlsx)" in changes
    assert result.group.version == group.version + 1


def test_remove_takes_out_the_listed_members_only(shop: dict[str, int]) -> None:
    group = group_of(shop, 1, 2, 3)
    result = apply_list(group.id, [*codes(2, 3, 9), "nope"], ListMode.REMOVE, "kim")
    assert member_codes(result.group) == set(codes(1))
    assert list_summary(result.plan) == ("to remove 2 · unchanged 1 · not in the group 1 · "
                                         "1 unknown: nope")
    removed = next(e for e in history.group_history(group.id)
                   if e.kind is HistoryKind.MEMBERS_REMOVED)
    assert history_change(removed) == "Removed 2 customers (as listed in a paste)"


def test_add_mode_adds_the_active_listed(shop: dict[str, int]) -> None:
    group = group_of(shop, 1)
    result = apply_list(group.id, codes(1, 2, 14), ListMode.ADD, "kim", "new.csv")
    assert member_codes(result.group) == set(codes(1, 2))
    assert list_summary(result.plan) == "to add 1 · unchanged 1 · inactive 1"


def test_a_dry_run_plans_and_changes_nothing(shop: dict[str, int]) -> None:
    group = group_of(shop, 1, 2)
    result = apply_list(group.id, codes(2, 3), ListMode.MATCH, "kim", dry_run=True)
    assert (len(result.plan.to_add), len(result.plan.to_remove)) == (1, 1)
    assert result.dry_run and (result.added, result.removed) == (0, 0)
    assert member_codes(groups.get_group(group.id)) == set(codes(1, 2))
    assert groups.get_group(group.id).version == group.version


@pytest.mark.parametrize("listed", [[], ["ZZ1", "ZZ2"], codes(13)])
def test_a_list_naming_nobody_never_empties_a_group_without_a_second_yes(
        shop: dict[str, int], listed: list[str]) -> None:
    group = group_of(shop, 1, 2, 3)
    with pytest.raises(WouldEmptyGroupError, match=r"remove every member of CG-\d+ \(3 in all\)"):
        apply_list(group.id, listed, ListMode.MATCH, "kim")
    assert member_codes(groups.get_group(group.id)) == set(codes(1, 2, 3))
    emptied = apply_list(group.id, listed, ListMode.MATCH, "kim", allow_empty=True)
    assert emptied.removed == 3 and emptied.group.member_count == 0


def test_inactive_members_named_by_the_list_stay_in_match_mode(shop: dict[str, int]) -> None:
    group = group_of(shop, 1, 2)
    customers.upsert_customers([CustomerInput("C00002", "Customer 2", active=False)])
    result = apply_list(group.id, codes(2), ListMode.MATCH, "kim")
    assert member_codes(result.group) == set(codes(2))  # named, so kept though inactive


def test_a_failure_half_way_changes_nothing(shop: dict[str, int],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    group = group_of(shop, *range(1, 11))

    def failing(*args: object) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(memberships, "_insert_members", failing)
    with pytest.raises(DatabaseError, match="nothing was half-saved"):
        apply_list(group.id, codes(5, 6, 20, 21), ListMode.MATCH, "kim")
    after = groups.get_group(group.id)
    assert member_codes(after) == set(codes(*range(1, 11)))
    assert (after.version, after.member_count) == (group.version, 10)


# --- the plan against plain set algebra ------------------------------------------------


def ref(i: int) -> CustomerRef:
    return CustomerRef(i, f"C{i:03d}", f"Customer {i}", i % 5 != 0)  # every fifth inactive


ids = st.frozensets(st.integers(1, 40), max_size=25)


@settings(max_examples=300, deadline=None)
@given(members=ids, listed=ids, kept=ids, mode=st.sampled_from(list(ListMode)),
       unknown=st.integers(0, 3))
def test_plans_equal_set_algebra(members: frozenset[int], listed: frozenset[int],
                                 kept: frozenset[int], mode: ListMode, unknown: int) -> None:
    kept = kept - members
    now = members | kept
    # Sorted as resolve_codes sorts them against the saved members.
    resolution = CodeResolution(
        tuple(ref(i) for i in sorted(listed - members) if ref(i).active),
        tuple(ref(i) for i in sorted(listed & members)), (),
        tuple(UnknownCode(f"X{n}", None) for n in range(unknown)),
        tuple(ref(i) for i in sorted(listed - members) if not ref(i).active))
    plan = plan_list(resolution, mode, [ref(i) for i in sorted(members)], kept)
    added = {r.id for r in plan.to_add}
    removed = {r.id for r in plan.to_remove}
    active = {i for i in listed if ref(i).active}
    expected = {ListMode.ADD: now | active,
                ListMode.REMOVE: now - listed,
                ListMode.MATCH: (now & listed) | active | kept}[mode]
    assert (now - removed) | added == expected
    assert not added & now and removed <= now
    assert kept.isdisjoint(removed) or mode is ListMode.REMOVE
    assert plan.unchanged == len(now) - len(removed)
    assert plan.empties_group == (bool(removed) and not expected)


# --- the command line ------------------------------------------------------------------


def test_sync_and_remove_members_from_the_command_line(
        shop: dict[str, int], opened: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    group = group_of(shop, 1, 2, 3, 4)
    listing = tmp_path / "north-dec.csv"
    listing.write_text("Customer code\nC00003\nC00004\nC00005\nC0X006\n", encoding="utf-8")
    base = ["--database", opened, "--user", "dana"]
    capsys.readouterr()
    assert main([*base, "sync-members", group.code, str(listing), "--dry-run"]) == 3
    said = capsys.readouterr().out
    assert ("north-dec.csv: to add 1 · to remove 2 (not in the list) · unchanged 2 · "
            "1 unknown: C0X006 (did you mean C00006?)") in said
    assert "Nothing was changed (dry run)" in said
    assert main([*base, "sync-members", group.code, str(listing)]) == 0
    assert "1 added, 2 removed; it now has 3 members" in capsys.readouterr().out
    assert main([*base, "sync-members", group.code, str(listing), "--dry-run"]) == 0
    assert "already matches north-dec.csv" in capsys.readouterr().out

    gone = tmp_path / "gone.txt"
    gone.write_text("C00004\nC00009\n", encoding="utf-8")
    assert main([*base, "remove-members", group.code.lower(), str(gone)]) == 0
    assert "0 added, 1 removed; it now has 2 members" in capsys.readouterr().out

    nobody = tmp_path / "nobody.txt"
    nobody.write_text("ZZZ1\n", encoding="utf-8")
    assert main([*base, "sync-members", group.code, str(nobody)]) == 1
    assert f"would remove every member of {group.code} (2 in all)" in capsys.readouterr().err
    db.open_database(opened)
    assert member_codes(groups.get_group(group.id)) == set(codes(3, 5))
    entries = [history_change(e) for e in history.group_history(group.id)]
    assert "Removed 1 customer (as listed in gone.txt)" in entries
    assert "Added 1 customer (matched to north-dec.csv)" in entries
