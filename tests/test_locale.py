"""Numbers on screen as the clerk's locale writes them: 1,200 in English, 1.200 in German."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from custgroups.core import demo
from custgroups.ui.wording import number
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
    from custgroups.ui.wording import moment, time_of_day

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
    from custgroups.ui.wording import moment

    QLocale.setDefault(QLocale.c())
    try:
        stored = datetime(2026, 11, 28, 9, 5)
        assert number(12345) == "12,345"
        assert moment(stored) == f"{local_time(stored):%Y-%m-%d %H:%M}"
    finally:
        QLocale.setDefault(QLocale("en_US"))
