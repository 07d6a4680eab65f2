"""Numbers on screen as the clerk's locale writes them: 1,200 in English, 1.200 in German."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot

from custgroups.core import demo
from custgroups.qt.words import number
from tests.window_helpers import open_window


@pytest.fixture
def german() -> Iterator[None]:
    QLocale.setDefault(QLocale("de_DE"))
    yield
    QLocale.setDefault(QLocale("en_US"))


def test_numbers_follow_the_locale(german: None) -> None:
    assert number(1234567) == "1.234.567"
    QLocale.setDefault(QLocale("fr_FR"))
    assert number(12345) == "12\u202f345"


@pytest.mark.usefixtures("german")
def test_the_pager_counts_in_german(qtbot: QtBot, opened: str) -> None:
    demo.generate_demo(300, 1200, 1)
    window = open_window(qtbot, opened)
    assert "1.200" in window.pager.label.text()


def test_dates_follow_the_locale_with_a_four_digit_year(german: None) -> None:
    from datetime import datetime

    from custgroups.core.clock import local_time
    from custgroups.qt.words import moment, time_of_day

    stored = datetime(2026, 11, 28, 9, 5, 7)  # UTC, as stored
    local = local_time(stored)
    assert moment(stored) == f"{local:%d.%m.%Y %H:%M}"
    assert moment(stored, seconds=True) == f"{local:%d.%m.%Y %H:%M:%S}"
    assert moment(stored, clock=False) == f"{local:%d.%m.%Y}"
    assert time_of_day(stored) == f"{local:%H:%M}"
    QLocale.setDefault(QLocale("nl_NL"))
    assert moment(stored, clock=False) == f"{local:%d-%m-%Y}"


def test_without_a_locale_numbers_are_grouped_and_dates_iso() -> None:
    from datetime import datetime

    from custgroups.core.clock import local_time
    from custgroups.qt.words import moment

    QLocale.setDefault(QLocale.c())
    try:
        stored = datetime(2026, 11, 28, 9, 5)
        assert number(12345) == "12,345"
        assert moment(stored) == f"{local_time(stored):%Y-%m-%d %H:%M}"
    finally:
        QLocale.setDefault(QLocale("en_US"))


def test_csv_takes_the_locales_separator_unless_the_clerk_chooses(
        qtbot: QtBot, german: None, opened: str, tmp_path: Path) -> None:
    from custgroups.core import groups
    from custgroups.core.groups import GroupChange, GroupQuery
    from custgroups.core.sheets.export import export_groups
    from custgroups.core.sheets.reading import sniff_delimiter
    from custgroups.ui.export_dialog import ExportDialog

    dialog = ExportDialog(tmp_path / "groups.xlsx", 1)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.separator == ";" and not dialog.separator_combo.isEnabled()
    dialog.path_edit.setFocus()
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.path_edit, str(tmp_path / "groups.csv"))
    assert dialog.separator_combo.isEnabled()
    groups.save_group(GroupChange(name="Nord, Süd", description="Preise; Lager"), "x")
    export_groups(tmp_path / "groups.csv", GroupQuery(), delimiter=dialog.separator)
    text = (tmp_path / "groups.csv").read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("Code;Name;Description;Status;")
    assert 'Nord, Süd;"Preise; Lager"' in text and sniff_delimiter(text) == ";"
    QLocale.setDefault(QLocale("en_GB"))
    assert ExportDialog(tmp_path / "g.csv", 1).separator == ","
