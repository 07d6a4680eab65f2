"""The window's exports, customer imports and sample data, run in the background."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from custgroups.core.wording import import_summary
from custgroups.ui import messages
from custgroups.ui.main_window import MainWindow
from tests import window_helpers
from tests.helpers import assert_no_formulas
from tests.window_helpers import child, open_window, wait_after_debounce

# The window's shared fixtures, found by pytest under these names; the first fails every test
# here on a message box it did not answer.
_no_unexpected_dialogs = window_helpers._no_unexpected_dialogs
window = window_helpers.window


def test_export_runs_in_the_background_with_progress(qtbot: QtBot, window: MainWindow,
                                                     tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from custgroups.ui.export_dialog import ExportDialog

    target = tmp_path / "out.xlsx"
    monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda cls, *a: (target, True, ",")))
    told: list[str] = []
    monkeypatch.setattr(messages, "done_with_folder",
                        lambda parent, title, text: told.append(text) or False)
    qtbot.keyClicks(child(window, QLineEdit, "nameFilter"), "north")
    wait_after_debounce(qtbot, window)
    with qtbot.waitSignal(window.export_finished, timeout=20_000) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    result = blocker.args[0]
    assert result.groups == 40 and result.paths == (target,)
    assert told == [f"Saved to {target}."]
    book = assert_no_formulas(target)
    assert book["Groups"].max_row == 41


def test_cancelled_export_leaves_no_file(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Cancelled as soon as it starts, in its own process: it stops there, and nothing of it
    is left (how a cancel part-way cleans up is in test_apart and test_sheets_export)."""
    from custgroups.ui.export_dialog import ExportDialog

    target = tmp_path / "cancelled.xlsx"
    monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda cls, *a: (target, True, ",")))
    with qtbot.waitSignal(window.export_finished, timeout=20_000) as blocker:
        window.export_action.trigger()
        assert window.export_job is not None
        window.export_job.cancel()
    from custgroups.core.errors import Cancelled

    assert isinstance(blocker.args[0], Cancelled)
    assert list(tmp_path.glob("*.xlsx")) == [] and list(tmp_path.glob(".*part")) == []


def test_export_reports_progress(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from custgroups.ui.export_dialog import ExportDialog

    monkeypatch.setattr(ExportDialog, "ask",
                        classmethod(lambda cls, *a: (tmp_path / "p.xlsx", True, ",")))
    monkeypatch.setattr(messages, "done_with_folder", lambda *args: False)
    seen: list[tuple[int, int]] = []
    with qtbot.waitSignal(window.export_finished, timeout=20_000):
        window.export_action.trigger()
        # Progress arrives by queued signal, so connecting now misses none of it.
        assert window.export_job is not None
        window.export_job.progressed.connect(lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1]
    assert window.findChild(object, "exportProgress") is not None


def test_import_customers_from_the_window(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "inform", lambda parent, title, text: told.append((title, text)))
    monkeypatch.setattr(messages, "warn",
                        lambda parent, title, text, details="": told.append((title, details)))
    from custgroups.ui.import_preview import ImportPreviewDialog

    previewed: list[str] = []
    monkeypatch.setattr(ImportPreviewDialog, "ask", classmethod(
        lambda cls, plans, path, parent: previewed.append(import_summary(plans.plan(False)))
        or False))
    good = tmp_path / "erp.csv"
    good.write_text("Customer Code,Customer Name\nN001,New One\nC001,Renamed\n")
    job = window.import_customers(good)
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert previewed == ["1 new · 1 updated (name 1)"]
    assert told[0] == ("Customers imported", "erp.csv: 1 new · 1 updated (name 1).")
    assert window.findChild(object, "importProgress") is not None
    bad = tmp_path / "bad.csv"
    bad.write_text("Customer Code,Customer Name\nN002,\n")
    window.import_customers(bad)
    qtbot.waitUntil(lambda: len(told) == 2, timeout=10_000)
    assert told[1] == ("Nothing was imported", "Row 2: Customer name is missing.")
    assert job is not None


def test_ods_and_xls_customer_lists_import_from_the_window(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from custgroups.ui.import_preview import ImportPreviewDialog
    from tests.sheet_files import FIXTURES, ods

    told: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "inform", lambda parent, title, text: told.append((title, text)))
    monkeypatch.setattr(ImportPreviewDialog, "ask", classmethod(
        lambda cls, plans, path, parent: True))
    sheet = ods(tmp_path / "kunden.ods", [["Kundennummer", "Name", "Ort"],
                                          ["N100", "Café Müller", "Köln"]])
    window.import_customers(sheet)
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    window.import_customers(FIXTURES / "old_format.xls")
    qtbot.waitUntil(lambda: len(told) == 2, timeout=10_000)
    assert told == [("Customers imported", "kunden.ods: 1 new · 0 updated."),
                    ("Customers imported", "old_format.xls: 4 new · 0 updated.")]


def test_sample_data_fills_an_empty_database(qtbot: QtBot, opened: str) -> None:
    window = open_window(qtbot, opened)
    button = window.findChild(QPushButton, "sampleDataButton")
    assert button.isVisible()
    with qtbot.waitSignal(window.page_shown, timeout=30_000) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].total == 60
    assert window.stack.currentWidget() is window.table
    window.close()
