"""Work in a process of its own: its result, its progress, a cancel, its failures and its
death all reach the caller; on both databases."""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
import pytest

from custgroups.core import groups
from custgroups.core.apart import run_apart
from custgroups.core.errors import Cancelled, DatabaseError, ValidationError
from custgroups.core.groups import GroupChange, GroupQuery

pytestmark = pytest.mark.usefixtures("opened")


def test_the_work_runs_elsewhere_on_the_same_database() -> None:
    groups.save_group(GroupChange(name="Seen from afar"), "alice")
    seen: list[tuple[int, int]] = []
    label, pid, count = run_apart("tests.apart_work:where", "hello",
                                  progress=lambda done, total: seen.append((done, total)))
    assert (label, count) == ("hello", 1) and pid != os.getpid()
    assert (1, 1) in seen


def test_a_cancel_stops_the_work_which_cleans_up(tmp_path: Path) -> None:
    marker = tmp_path / "half-written"
    reports: list[int] = []

    def cancelling(done: int, total: int) -> None:
        reports.append(done)
        if done >= 50:
            raise Cancelled()

    with pytest.raises(Cancelled):
        run_apart("tests.apart_work:counting", marker, 10**9, progress=cancelling)
    assert not marker.exists()  # its own clean-up ran before the call returned
    assert max(reports) >= 50


def test_a_cancel_heard_after_the_work_finished_says_it_finished() -> None:
    """The work had done (its file would be in place) when the cancel came: the caller gets
    its result, not a claim that nothing was written."""
    def cancelling_late(done: int, total: int) -> None:
        if (done, total) == (1, 1):  # its last report: it returns right after
            raise Cancelled()

    label, _pid, _count = run_apart("tests.apart_work:where", "finished",
                                    progress=cancelling_late)
    assert label == "finished"


def test_a_failure_reaches_the_caller_as_itself() -> None:
    with pytest.raises(ValidationError, match="The folder /gone does not exist") as caught:
        run_apart("tests.apart_work:refusing", progress=lambda done, total: None)
    assert caught.value.field == "file"


def test_a_process_that_dies_is_said_as_such() -> None:
    with pytest.raises(DatabaseError, match="stopped unexpectedly .*code 3.*Nothing was saved"):
        run_apart("tests.apart_work:dying", progress=lambda done, total: None)


def test_an_export_with_members_written_elsewhere(tmp_path: Path) -> None:
    from custgroups.core import customers
    from custgroups.core.customers import CustomerInput

    customers.upsert_customers(CustomerInput(f"C{i}", f"Customer {i}") for i in range(5))
    ids = frozenset(customers.matching_customer_ids(""))
    groups.save_group(GroupChange(name="Everyone", add_customer_ids=ids), "alice")
    target = tmp_path / "far.xlsx"
    result = run_apart("custgroups.core.sheets.export:export_groups", target, GroupQuery(),
                       True, progress=lambda done, total: None)
    assert (result.groups, result.members) == (1, 5) and result.paths == (target,)
    book = openpyxl.load_workbook(target)
    assert [row[2] for row in book["Members"].iter_rows(min_row=2, values_only=True)] == [
        f"C{i}" for i in range(5)]
