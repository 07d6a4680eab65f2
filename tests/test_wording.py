"""The windows word results through tr(); untranslated, they read as the command line does."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from custgroups.core import wording as plain
from custgroups.core.customer_import import CustomerImportPlan
from custgroups.core.customers import CodeResolution, CustomerRef, UnknownCode
from custgroups.core.history import HistoryEntry, HistoryKind
from custgroups.ui import wording as shown

pytestmark = pytest.mark.usefixtures("qapp")


def refs(n: int) -> tuple[CustomerRef, ...]:
    return tuple(CustomerRef(i, f"C{i}", f"Customer {i}", True) for i in range(n))


@pytest.mark.parametrize("resolution", [
    CodeResolution((), (), (), (), ()),
    CodeResolution(refs(1499), refs(1), ("C1",), (), ()),
    CodeResolution(refs(2), (), ("C1", "C1"),
                   tuple(UnknownCode(f"X{i}", "ABC" if i == 3 else None) for i in range(12)),
                   refs(3)),
])
def test_paste_summaries_agree(resolution: CodeResolution) -> None:
    assert shown.paste_summary(resolution) == plain.paste_summary(resolution)


@pytest.mark.parametrize("plan", [
    CustomerImportPlan(False, 0, 0, 3, 0, 0, ()),
    CustomerImportPlan(True, 2, 1_250, 7, 3, 1, (("city", 1_200), ("email", 3))),
])
def test_import_summaries_agree(plan: CustomerImportPlan) -> None:
    assert shown.import_summary(plan) == plain.import_summary(plan)


def entry(kind: HistoryKind, old: Any = None, new: Any = None, count: int = 0) -> HistoryEntry:
    return HistoryEntry(1, 1, "CG-1", "North", datetime(2026, 1, 2, tzinfo=UTC), "kim", kind,
                        old, new, count, tuple(f"C{i}" for i in range(count)))


@pytest.mark.parametrize("change", [
    entry(HistoryKind.CREATED, new="North"), entry(HistoryKind.RENAMED, "North", "South"),
    entry(HistoryKind.DESCRIPTION_CHANGED, "a", "b"),
    entry(HistoryKind.DESCRIPTION_CHANGED, "a", ""), entry(HistoryKind.ACTIVATED),
    entry(HistoryKind.DEACTIVATED), entry(HistoryKind.MEMBERS_ADDED, count=1),
    entry(HistoryKind.MEMBERS_ADDED, count=1_500), entry(HistoryKind.MEMBERS_REMOVED, count=1),
    entry(HistoryKind.MEMBERS_REMOVED, count=2),
])
def test_history_changes_agree(change: HistoryEntry) -> None:
    assert shown.history_change(change) == plain.history_change(change)


def test_every_kind_of_change_is_worded() -> None:
    worded = {plain.history_change(entry(kind, "a", "b", 2)) for kind in HistoryKind}
    assert len(worded) == len(HistoryKind)
