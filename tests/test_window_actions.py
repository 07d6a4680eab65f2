"""The window's actions on a real database: (de)activating, shortcuts, adding, history, starting."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from custgroups.app import open_main_window
from custgroups.core import groups
from custgroups.core.errors import DatabaseError
from custgroups.ui import messages
from custgroups.ui.main_window import MainWindow
from tests import window_helpers
from tests.window_helpers import shown_codes

# The window's shared fixtures, found by pytest under these names; the first fails every test
# here on a message box it did not answer.
_no_unexpected_dialogs = window_helpers._no_unexpected_dialogs
window = window_helpers.window


def click_row(window: MainWindow, row: int) -> None:
    """Click a row, as the clerk selects one group."""
    rect = window.table.visualRect(window.model.index(row, 1))
    QTest.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, rect.center())


def test_deactivate_asks_with_the_member_count_then_activate(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def confirm(parent: Any, title: str, text: str, action: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(messages, "confirm", confirm)
    row = shown_codes(window).index("CG-000006")  # i == 5: active, 5 members
    click_row(window, row)
    assert window.toggle_action.text() == "&Deactivate"
    with qtbot.waitSignal(window.page_shown):
        window.toggle_action.trigger()
    assert "5 customers" in asked[0] and "CG-000006" in asked[0]
    assert not groups.get_group_by_code("CG-000006").active
    click_row(window, shown_codes(window).index("CG-000006"))
    assert window.toggle_action.text() == "&Activate"
    with qtbot.waitSignal(window.page_shown):
        window.toggle_action.trigger()
    assert len(asked) == 1  # activating needs no confirmation
    assert groups.get_group_by_code("CG-000006").active


def test_declining_deactivation_changes_nothing(qtbot: QtBot, window: MainWindow,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(messages, "confirm", lambda *args: False)
    click_row(window, shown_codes(window).index("CG-000002"))
    with qtbot.assertNotEmitted(window.page_shown, wait=100):
        window.toggle_action.trigger()
    assert groups.get_group_by_code("CG-000002").active


def test_keyboard_shortcuts(qtbot: QtBot, window: MainWindow,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    from custgroups.ui.group_form import GroupDialog

    opened_dialogs: list[Any] = []
    monkeypatch.setattr(GroupDialog, "edit",
                        classmethod(lambda cls, who, group, parent: opened_dialogs.append(group)))
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert opened_dialogs == [None]
    window.table.setFocus()
    assert window.table.currentIndex().row() == 0
    qtbot.keyClick(window.table, Qt.Key.Key_Down)  # from the first row to the second, alone
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(opened_dialogs) == 2, timeout=5000)  # read off the UI thread
    assert opened_dialogs[-1].code == "CG-000002"
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.filter_bar.text_edit.hasFocus()
    with qtbot.waitSignal(window.page_shown):
        qtbot.keyClick(window, Qt.Key.Key_F5)


def test_context_menu_offers_the_row_actions(window: MainWindow) -> None:
    names = [a.objectName() for a in (window.edit_action, window.toggle_action,
                                      window.history_action)]
    assert names == ["editAction", "toggleActiveAction", "historyAction"]
    assert window.table.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu


def test_add_new_through_the_dialog(qtbot: QtBot, window: MainWindow,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from custgroups.ui.group_form import GroupDialog

    def fill_and_save(cls: Any, who: str, group: Any, parent: Any) -> Any:
        dialog = GroupDialog(who, group, parent)
        dialog.name_edit.setText("")
        dialog.accept()  # refused: the error shows beside the field, the dialog stays
        assert dialog.errors["name"].text() == "Group Name is required."
        dialog.name_edit.setText("south GROUP  001")
        with qtbot.waitSignal(dialog.save_ended, timeout=5000):
            dialog.accept()
        assert dialog.errors["name"].text() == ("A group named 'South group 001' already "
                                                "exists (CG-000002).")
        dialog.name_edit.setText("Brand new")
        dialog.description_edit.setPlainText("Made in a test")
        dialog.accept()
        qtbot.waitUntil(lambda: dialog.saved is not None, timeout=5000)
        return dialog.saved

    monkeypatch.setattr(GroupDialog, "edit", classmethod(fill_and_save))
    with qtbot.waitSignal(window.page_shown):
        window.add_action.trigger()
    assert groups.get_group_by_code("CG-000121").name == "Brand new"


def test_history_dialog_lists_the_changes(qtbot: QtBot, window: MainWindow,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from custgroups.ui import history_view

    shown: list[Any] = []
    monkeypatch.setattr(history_view.HistoryDialog, "exec", lambda self: shown.append(self))
    click_row(window, shown_codes(window).index("CG-000006"))
    window.history_action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    model = shown[0].model
    assert model.rowCount() == 2
    assert model.data(model.index(1, 2)) == "Created as 'East group 005'"
    group = groups.get_group_by_code("CG-000006")
    codes = sorted(r.code for r in groups.list_members(group.id).rows)
    assert model.data(model.index(0, 3)) == ", ".join(codes)


def test_an_unreadable_database_is_refused_in_plain_words(tmp_path: Path, qtbot: QtBot) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all " * 100)
    with pytest.raises(DatabaseError, match="is not a custgroups database"):
        open_main_window(str(junk))


def test_the_application_has_its_names_and_icon(window: MainWindow) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    assert QCoreApplication.organizationName() == "custgroups"
    assert QCoreApplication.applicationName() == "custgroups"
    assert not QApplication.windowIcon().isNull()


def test_unexpected_errors_are_logged_and_shown(qtbot: QtBot, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from custgroups import app
    from custgroups.core.logs import setup_logging

    log_path = setup_logging()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()))
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError as exc:
        app._excepthook(type(exc), exc, exc.__traceback__)
    assert shown and "Something unexpected went wrong" in shown[0]
    assert log_path is not None and "boom in a slot" in log_path.read_text(encoding="utf-8")


def test_the_launcher_opens_the_window_as_the_user_given(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from custgroups import __main__ as launcher
    from custgroups import app

    url = f"sqlite:///{(tmp_path / 'kim.db').as_posix()}"
    shown: list[MainWindow] = []

    def run(database: str | None, user: str | None,
            _quit_after: float | None) -> int:  # the window, without its loop
        window = app.open_main_window(database, create=True, user=user)
        qtbot.addWidget(window)
        shown.append(window)
        return 0

    monkeypatch.setattr(app, "run", run)
    assert launcher.main(["--database", url, "--user", "kim"]) == 0
    assert shown[0].statusBar().currentMessage().endswith("You: kim")
    assert launcher.main(["--database", url]) == 0  # no --user: the login name (tests: tester)
    assert shown[1].statusBar().currentMessage().endswith("You: tester")
