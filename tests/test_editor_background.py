"""The editor's background work: every failure reaches the clerk, reads stay off the UI thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from custgroups.core import groups
from custgroups.core.groups import GroupChange
from custgroups.ui.customer_picker import CustomerPicker
from custgroups.ui.group_form import GroupDialog
from tests import editor_shop
from tests.editing import focused, open_editor

pytestmark = pytest.mark.usefixtures("opened", "no_message_boxes")

# The shared customers, found by pytest under this name.
shop = editor_shop.shop


# --- 8. Every background failure reaches the clerk -----------------------------------------


def test_a_job_failure_nobody_handles_reaches_the_clerk(qtbot: QtBot,
                                                         caplog: pytest.LogCaptureFixture) -> None:
    from custgroups.core.errors import UNEXPECTED, NotFoundError, tr
    from custgroups.qt.tasks import Lane

    told: list[str] = []
    lane = Lane("test", None, told.append)

    def fail(exc: Exception) -> Callable[[Any], None]:
        def work(_progress: Any) -> None:
            raise exc
        return work

    with qtbot.waitSignal(lane.idle, timeout=2000):
        lane.submit(fail(NotFoundError(tr("That group no longer exists."))))
        lane.submit(fail(KeyError("raw detail")))
    assert told == ["That group no longer exists.", UNEXPECTED]
    assert [r.levelname for r in caplog.records if r.name == "custgroups.tasks"] == ["ERROR"] * 2
    lane.shutdown()
    lane.submit(fail(KeyError("after")))  # its window is closing: dropped, not raised
    assert told == ["That group no longer exists.", UNEXPECTED]


def test_a_job_ending_after_its_window_was_deleted_raises_nothing(qtbot: QtBot) -> None:
    """A window closed while its lane's job runs: the job's end reaches no deleted lane
    (pytest-qt fails the test on any exception raised in the event loop)."""
    from PySide6.QtCore import QObject

    from custgroups.qt.tasks import Lane

    window = QObject()
    lane = Lane("test", window, lambda text: None)
    go = threading.Event()
    job = lane.submit(lambda _progress: go.wait(5))
    window.deleteLater()
    with qtbot.waitSignal(window.destroyed, timeout=2000):
        pass
    with qtbot.waitSignal(job.ended, timeout=2000):
        go.set()


def test_a_failed_picker_search_says_so_and_shows_no_stale_rows(
        qtbot: QtBot, shop: dict[str, int], monkeypatch: pytest.MonkeyPatch) -> None:
    from custgroups.core.errors import DatabaseError, tr
    from custgroups.ui import customer_picker

    picker = CustomerPicker(set())
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitUntil(picker.select_all_button.isEnabled, timeout=5000)  # every match counted

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise DatabaseError(tr("Cannot reach the database server."))

    monkeypatch.setattr(customer_picker, "selectable_customers", broken)
    QTest.mouseClick(picker.select_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(picker.problem_label.isVisible, timeout=5000)
    assert picker.problem_label.text() == ("Could not select every match: Cannot reach the "
                                           "database server.")
    assert picker.select_all_button.isEnabled()
    monkeypatch.setattr(customer_picker, "search_customers", broken)
    with qtbot.waitSignal(picker.model.modelReset, timeout=5000):
        qtbot.keyClicks(picker.search_edit, "c0002")
    assert picker.problem_label.text() == ("The search could not be run: Cannot reach the "
                                           "database server.")
    assert picker.model.rowCount() == 0


def test_members_that_cannot_be_read_say_so(qtbot: QtBot, shop: dict[str, int],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from custgroups.core.errors import DatabaseError, tr
    from custgroups.ui import members_panel

    group = groups.save_group(GroupChange(name="Unreadable"), "x")

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise DatabaseError(tr("Cannot reach the database server."))

    monkeypatch.setattr(members_panel, "list_members", broken)
    dialog = GroupDialog("clerk", group)
    qtbot.addWidget(dialog, before_close_func=lambda widget: widget.done(0))
    with qtbot.waitSignal(dialog.panel.problem, timeout=5000):
        dialog.show()
    assert dialog.panel.count_label.text() == "The members could not be read."
    assert dialog.errors["form"].text() == "Cannot reach the database server."


# --- 9. No reads on the UI thread -----------------------------------------------------------


def test_opening_a_group_and_reading_a_files_columns_run_off_the_ui_thread(
        qtbot: QtBot, shop: dict[str, int], monkeypatch: pytest.MonkeyPatch,
        tmp_path: Any) -> None:
    from custgroups.app import open_main_window
    from custgroups.core.sheets import imports
    from custgroups.ui import main_window

    groups.save_group(GroupChange(name="Threads"), "x")
    threads: list[str] = []

    def recorded(fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            threads.append(threading.current_thread().name)
            return fn(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(main_window, "get_group", recorded(groups.get_group))
    monkeypatch.setattr(imports, "member_columns", recorded(imports.member_columns))
    opened: list[GroupDialog] = []

    def keep(cls: Any, who: str, group: Any, parent: Any) -> None:
        dialog = GroupDialog(who, group, None)
        qtbot.addWidget(dialog, before_close_func=lambda widget: widget.done(0))
        dialog.show()
        opened.append(dialog)

    monkeypatch.setattr(GroupDialog, "edit", classmethod(keep))
    window = open_main_window(db_url())
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.page_shown, timeout=5000):
        window.show()
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    path = tmp_path / "codes.csv"
    path.write_text("Customer Code\nC00001\n")
    with qtbot.waitSignal(opened[0].paste.resolved, timeout=5000):
        opened[0].panel.import_file(path)
    assert len(threads) == 2 and threading.main_thread().name not in threads
    window.close()


def db_url() -> str:
    from custgroups.core import db

    return db.info().url


# --- 10. Filtering a big group's members ----------------------------------------------------


def test_the_members_filter_waits_for_a_pause_and_scans_off_the_ui_thread(
        qtbot: QtBot, shop: dict[str, int], monkeypatch: pytest.MonkeyPatch) -> None:
    from custgroups.ui import members_panel

    ids = frozenset(shop[f"C{i:05d}"] for i in range(1, 101) if i != 13)
    group = groups.save_group(GroupChange(name="Hundred", add_customer_ids=ids), "x")
    dialog = open_editor(qtbot, group)
    scans: list[tuple[str, str]] = []
    real = members_panel.matching

    def recorded(members: Any, key: str) -> Any:
        scans.append((key, threading.current_thread().name))
        return real(members, key)

    monkeypatch.setattr(members_panel, "matching", recorded)
    # A pending removal and a pending addition, both matching the filter to come.
    dialog.panel.table.setFocus()
    dialog.panel.table.selectRow(dialog.members.rowCount() - 1)  # C00100
    qtbot.keyClick(focused(), Qt.Key.Key_Delete)
    with qtbot.waitSignal(dialog.panel.changed, timeout=5000):
        dialog.panel.add_ids({shop["C00105"]})
    qtbot.waitUntil(lambda: dialog.members.rowCount() == 100, timeout=5000)
    dialog.panel.filter_edit.setFocus()
    with qtbot.waitSignal(dialog.panel.filtered, timeout=5000):
        qtbot.keyClicks(focused(), "Customer 10")  # in one go: one scan, after the pause
    assert len(scans) == 1 and scans[0][0] == "customer 10"
    assert scans[0][1] != threading.main_thread().name
    codes = [dialog.members.row_at(r).code for r in range(dialog.members.rowCount())]
    assert codes == ["C00105", "C00010", "C00100"]  # additions first, then by code
    assert [dialog.members.change_at(r) for r in range(3)] == ["added", "", "removed"]
    assert dialog.panel.count_label.text() == "3 of 99 customers (1 to add, 1 to remove)"
