"""History shows a group as it stood on a moment, and what changed between two, by clicks."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from custgroups.core import groups, history
from custgroups.core.clock import local_time, utc_now
from custgroups.core.models import MembershipEvent
from custgroups.ui.history_view import HistoryDialog
from tests.db_helpers import recorded
from tests.group_helpers import _create, _customers, _edit

pytestmark = pytest.mark.usefixtures("opened", "no_message_boxes")


def _shown_at(moment_utc: object) -> QDateTime:
    local = local_time(moment_utc)  # type: ignore[arg-type]
    return QDateTime(local.year, local.month, local.day, local.hour, local.minute, 0)


@pytest.fixture
def dialog(qtbot: QtBot) -> HistoryDialog:
    """North had C00001–C00003 two hours ago; bob has since removed C00001, added C00004."""
    ids = _customers(4)
    north = _create("North", add_customer_ids=frozenset(ids[:3]))
    MembershipEvent.update(at=utc_now() - timedelta(hours=2)).execute()
    north = groups.save_group(_edit(north, add_customer_ids=frozenset(ids[3:]),
                                    remove_customer_ids=frozenset(ids[:1])), "bob")
    # As the window runs an export, here at once.
    shown = HistoryDialog(north, history.group_history(north.id), None,
                          lambda label, work: work(lambda *progress: None))
    qtbot.addWidget(shown)
    shown.show()
    return shown


def test_the_members_on_a_moment(qtbot: QtBot, dialog: HistoryDialog) -> None:
    then = dialog.then
    then.as_of_edit.setDateTime(_shown_at(utc_now() - timedelta(hours=1)))
    with qtbot.waitSignal(then.shown, timeout=5000):
        QTest.mouseClick(then.members_button, Qt.MouseButton.LeftButton)
    assert [r.code for r in then.model.rows()] == ["C00001", "C00002", "C00003"]  # type: ignore[union-attr]
    assert "had 3 members" in then.summary.text() and then.export_button.isEnabled()
    assert [then.table.isColumnHidden(c) for c in range(6)] == [False, False] + [True] * 4

    then.as_of_edit.setDateTime(_shown_at(utc_now() - timedelta(hours=3)))
    with qtbot.waitSignal(then.shown, timeout=5000):
        QTest.mouseClick(then.members_button, Qt.MouseButton.LeftButton)
    assert then.model.rows() == [] and "had 0 members" in then.summary.text()


def test_the_changes_between_two_moments(qtbot: QtBot, dialog: HistoryDialog) -> None:
    then = dialog.then
    then.as_of_edit.setDateTime(_shown_at(utc_now() - timedelta(hours=1)))
    then.until_edit.setDateTime(_shown_at(utc_now() + timedelta(minutes=1)))
    with qtbot.waitSignal(then.shown, timeout=5000):
        QTest.mouseClick(then.changes_button, Qt.MouseButton.LeftButton)
    shown = [(then.model.data(then.model.index(row, 0)), then.model.data(then.model.index(row, 2)),
              then.model.data(then.model.index(row, 4))) for row in range(then.model.rowCount())]
    assert shown == [("C00001", "Removed", recorded("bob")), ("C00004", "Added", recorded("bob"))]
    assert "1 added, 1 removed" in then.summary.text() and not then.export_button.isEnabled()
    assert {then.model.data(then.model.index(row, 5))
            for row in range(then.model.rowCount())} == {"by hand"}
    assert not then.table.isColumnHidden(5)


def test_the_members_then_are_exported(qtbot: QtBot, dialog: HistoryDialog,
                                       monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import openpyxl
    from PySide6.QtWidgets import QFileDialog

    then = dialog.then
    then.as_of_edit.setDateTime(_shown_at(utc_now() - timedelta(hours=1)))
    with qtbot.waitSignal(then.shown, timeout=5000):
        QTest.mouseClick(then.members_button, Qt.MouseButton.LeftButton)
    target = tmp_path / "then.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args: (str(target), "Excel workbook (*.xlsx)"))
    QTest.mouseClick(then.export_button, Qt.MouseButton.LeftButton)
    sheet = openpyxl.load_workbook(target).worksheets[0]  # read whole: no file left open
    assert [r[0] for r in sheet.iter_rows(min_row=2, values_only=True)] == [
        "C00001", "C00002", "C00003"]
