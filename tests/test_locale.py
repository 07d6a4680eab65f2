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
