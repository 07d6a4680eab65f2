"""A group just created or saved comes into view: the list turns to the page that shows it,
selects it and scrolls to it; when the filters hide it, the status bar says so."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from custgroups.core import groups
from custgroups.core.group_list import GroupQuery, GroupSort, list_groups, page_of
from custgroups.core.groups import GroupChange
from custgroups.ui.group_form import GroupDialog
from tests.editing import focused, open_editor, save_by_keys
from tests.window_helpers import open_window

pytestmark = pytest.mark.usefixtures("no_message_boxes")


@pytest.fixture
def sixty(opened: str) -> str:
    for n in range(60):
        groups.save_group(GroupChange(name=f"Group {n:02d}", active=n % 7 != 0), "x")
    return opened


@pytest.mark.parametrize("query", [GroupQuery(), GroupQuery(sort=GroupSort.NAME, descending=True,
                                                            page_size=25),
                                   GroupQuery(status=groups.Status.ACTIVE, page_size=10)])
def test_the_page_of_each_group_shows_it(sixty: str, query: GroupQuery) -> None:
    for group in list_groups(GroupQuery(page_size=200)).rows:
        page = page_of(group.id, query)
        if query.status is groups.Status.ACTIVE and not group.active:
            assert page is None
            continue
        shown = list_groups(GroupQuery(**{**query.__dict__, "page": page}))
        assert group.id in [g.id for g in shown.rows]


def _create_by_keys(qtbot: QtBot, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def run_editor(cls: Any, who: str, group: Any, parent: Any) -> Any:
        dialog = open_editor(qtbot, group, who)
        qtbot.keyClicks(focused(), name)
        return save_by_keys(qtbot, dialog)

    monkeypatch.setattr(GroupDialog, "edit", classmethod(run_editor))


def test_a_new_group_on_another_page_is_shown_selected(qtbot: QtBot, sixty: str,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window(qtbot, sixty)
    assert window.pager.position.text() == "Page 1 of 2"
    _create_by_keys(qtbot, "Sixty-one", monkeypatch)
    with qtbot.waitSignal(window.page_shown, timeout=5000):
        qtbot.keyClick(window.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.pager.position.text() == "Page 2 of 2"
    assert [g.name for g in window.selected_groups()] == ["Sixty-one"]
    assert window.statusBar().currentMessage() == "Created CG-000061 Sixty-one."


def test_a_group_the_filters_hide_is_said_to_be_hidden(qtbot: QtBot, sixty: str,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window(qtbot, sixty)
    with qtbot.waitSignal(window.page_shown, timeout=5000):
        window.filter_bar.text_edit.setText("group 1")
        window.filter_bar.search_button.click()
    _create_by_keys(qtbot, "North", monkeypatch)
    with qtbot.waitSignal(window.page_shown, timeout=5000):
        qtbot.keyClick(window.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == (
        "Created CG-000061 North. The current filters hide it.")
    assert "North" not in [window.model.row_at(r).name  # type: ignore[union-attr]
                           for r in range(window.model.rowCount())]
