"""Live updates: another clerk's save reaches the open list and an open editor, on SQLite (the
file is polled) and PostgreSQL (LISTEN/NOTIFY); a reader's window offers no way to change."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from custgroups.core import db, groups
from custgroups.core.db.changes import open_feed
from custgroups.core.groups import Group, GroupChange
from custgroups.qt import live
from custgroups.ui import messages
from custgroups.ui.conflict_dialog import Action, Choice, ConflictDialog
from custgroups.ui.group_form import GroupDialog
from tests import team_helpers
from tests.db_helpers import recorded
from tests.editing import focused, open_editor, save_by_keys
from tests.team_helpers import Team
from tests.window_helpers import open_window

pytestmark = pytest.mark.usefixtures("no_message_boxes")
#: Long enough for a busy machine; the news itself takes about a second.
NEWS_MS = 5000
roles = team_helpers.roles
set_up = team_helpers.set_up


def another_clerk(work: Callable[[], Any]) -> Any:
    """Run ``work`` as another clerk would: on a connection of its own (another thread)."""
    done: list[Any] = []
    thread = threading.Thread(target=lambda: done.append(work()))
    thread.start()
    thread.join(timeout=30)
    return done[0]


def rename(group: Group, name: str) -> Callable[[], Group]:
    return lambda: groups.save_group(GroupChange(
        name=name, description=group.description, active=group.active, group_id=group.id,
        expected_version=group.version), "ana")


# --- the change feed, without Qt ---------------------------------------------------------


def test_the_feed_reports_another_connections_save_with_its_version(opened: str) -> None:
    group = groups.save_group(GroupChange(name="Retail"), "x")
    feed = open_feed(opened)
    try:
        feed.wait(0.1)  # the first look (a server feed starts listening)
        assert feed.wait(0.1) == {}
        saved = another_clerk(rename(group, "Retail North"))
        changed: dict[int, int] | None = {}
        for _ in range(20):
            changed = feed.wait(0.5)
            if changed:
                break
        assert changed == {group.id: saved.version}
    finally:
        feed.close()


# --- the list -----------------------------------------------------------------------------


def test_another_clerks_save_refreshes_the_list_keeping_the_place(qtbot: QtBot,
                                                                  opened: str) -> None:
    made = [groups.save_group(GroupChange(name=f"Group {i:02d}"), "x") for i in range(60)]
    window = open_window(qtbot, opened)
    window.resize(900, 400)
    table = window.table
    table.scrollTo(table.model().index(40, 0))
    for row, flag in ((40, QItemSelectionModel.SelectionFlag.ClearAndSelect),
                      (42, QItemSelectionModel.SelectionFlag.Select)):
        table.selectionModel().select(
            table.model().index(row, 0),
            flag | QItemSelectionModel.SelectionFlag.Rows)
    scrolled = table.verticalScrollBar().value()
    assert scrolled > 0

    with qtbot.waitSignal(window.page_shown, timeout=NEWS_MS):
        another_clerk(rename(made[41], "Renamed by Ana"))
    assert window.model.rows()[41].name == "Renamed by Ana"
    assert [g.id for g in window.selected_groups()] == [made[40].id, made[42].id]
    assert table.verticalScrollBar().value() == scrolled


def test_the_windows_own_change_is_not_fetched_twice(qtbot: QtBot, opened: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    groups.save_group(GroupChange(name="Retail"), "x")
    window = open_window(qtbot, opened)
    monkeypatch.setattr(messages, "confirm", lambda *args, **kwargs: True)
    window.table.setFocus()
    with qtbot.waitSignal(window.page_shown, timeout=NEWS_MS):
        window.toggle_action.trigger()  # deactivate: the window shows it at once
    with qtbot.assertNotEmitted(window.page_shown, wait=1500):
        pass  # the news of that change arrives meanwhile and is already on screen
    assert not window.model.rows()[0].active


def test_live_updates_that_cannot_run_say_so(qtbot: QtBot, opened: str,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(url: str) -> Any:
        raise OSError("no feed here")

    monkeypatch.setattr(live, "open_feed", broken)
    window = open_window(qtbot, opened)
    qtbot.waitUntil(window.error_banner.isVisible, timeout=NEWS_MS)
    assert "no longer appear by themselves" in window.error_banner.text()
    assert window.shown_page is not None  # the list works on


# --- an open editor -----------------------------------------------------------------------


def test_an_open_editor_tells_of_another_clerks_save_before_save(
        qtbot: QtBot, opened: str, monkeypatch: pytest.MonkeyPatch) -> None:
    group = groups.save_group(GroupChange(name="Retail", description="old"), "x")
    open_window(qtbot, opened)
    dialog = open_editor(qtbot, group)
    qtbot.keyClick(focused(), Qt.Key.Key_End)
    qtbot.keyClicks(focused(), " South")  # my rename, not saved yet

    another_clerk(lambda: groups.save_group(GroupChange(
        name="Retail", description="theirs", active=True, group_id=group.id,
        expected_version=group.version), "ana"))
    qtbot.waitUntil(dialog.news.isVisible, timeout=NEWS_MS)
    assert dialog.news_label.text().startswith(f"Changed by {recorded('ana')} at ")
    assert dialog.name_edit.text() == "Retail South"  # nothing of mine was touched

    monkeypatch.setattr(ConflictDialog, "ask", classmethod(
        lambda cls, plan, parent: Choice(Action.APPLY, {})))
    with qtbot.waitSignal(dialog.panel.loaded, timeout=NEWS_MS):
        QTest.mouseClick(dialog.review_button, Qt.MouseButton.LeftButton)
    assert groups.get_group(group.id).name == "Retail"  # reviewing saved nothing
    assert dialog.description_edit.toPlainText() == "theirs"
    saved = save_by_keys(qtbot, dialog)
    assert isinstance(saved, Group)
    assert (saved.name, saved.description) == ("Retail South", "theirs")


def test_review_without_changes_of_mine_shows_theirs(qtbot: QtBot, opened: str) -> None:
    group = groups.save_group(GroupChange(name="Retail"), "x")
    open_window(qtbot, opened)
    dialog = open_editor(qtbot, group)
    another_clerk(rename(group, "Retail East"))
    qtbot.waitUntil(dialog.news.isVisible, timeout=NEWS_MS)
    with qtbot.waitSignal(dialog.group_loaded, timeout=NEWS_MS):
        QTest.mouseClick(dialog.review_button, Qt.MouseButton.LeftButton)
    assert dialog.name_edit.text() == "Retail East" and not dialog.news.isVisible()
    assert not dialog.has_changes()


# --- a reader -----------------------------------------------------------------------------


@pytest.mark.postgres
def test_a_readers_window_offers_no_way_to_change(qtbot: QtBot, set_up: Team) -> None:
    db.open_database(set_up.admin_url)
    for name in ("Retail", "Wholesale"):
        groups.save_group(GroupChange(name=name), "admin")
    db.close_database()
    suffix = set_up.owner.rsplit("_", 1)[1]
    window = open_window(qtbot, set_up.login(f"rita_{suffix}", set_up.readers))
    changing = (window.add_action, window.edit_action, window.toggle_action,
                window.duplicate_action, window.import_action)
    assert not any(action.isEnabled() for action in changing)
    assert "not change them" in window.add_button.toolTip()
    badge = window.statusBar().findChild(QLabel, "readOnlyBadge")
    assert badge.isVisible() and "not change them" in badge.toolTip()
    assert window.history_action.isEnabled() and window.export_action.isEnabled()
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert window.compare_action.isEnabled()  # comparing is looking; creating is not offered
    qtbot.keyClick(window.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, GroupDialog) and w.isVisible()]  # Ctrl+N opened nothing
