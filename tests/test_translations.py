"""The translation pipeline: a .ts compiled on first use and installed with Qt's own words,
so a window speaks the clerk's language; English needs nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from custgroups.qt import translations
from custgroups.qt.settings import Settings
from tests.window_helpers import menu_keys, open_window

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
</context>
</TS>
"""


@pytest.fixture
def german(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
           qapp: QApplication) -> Iterator[list[object]]:
    folder = tmp_path / "translations"
    folder.mkdir()
    (folder / "custgroups_de.ts").write_text(TS, encoding="utf-8")
    monkeypatch.setattr(translations, "FOLDER", folder)
    installed = translations.install(qapp, "de", cache=tmp_path / "cache")
    yield installed  # type: ignore[misc]
    for translator in installed:
        qapp.removeTranslator(translator)  # type: ignore[arg-type]


def test_a_language_is_compiled_on_first_use_and_spoken(german: list[object],
                                                        tmp_path: Path) -> None:
    assert len(german) == 2  # Qt's own, and ours
    assert (tmp_path / "cache" / "custgroups_de.qm").exists()
    assert QCoreApplication.translate("MainWindow", "&Refresh") == "&Aktualisieren"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.buttons()[0].text().replace("&", "") == "Abbrechen"  # Qt's own word


def test_which_language_is_spoken(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "custgroups_de.ts").write_text(TS, encoding="utf-8")
    monkeypatch.setattr(translations, "FOLDER", tmp_path)
    assert translations.available() == ["de"]
    assert translations.language_for("de") == "de"
    assert translations.language_for("fr") == "en"  # not spoken: English
    assert translations.install(QCoreApplication.instance(), "en") == []  # type: ignore[arg-type]


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_view_language_by_keys_is_kept_for_the_next_start(qtbot: QtBot, opened: str,
                                                          qapp: QApplication) -> None:
    window = open_window(qtbot, opened)
    menu_keys(qtbot, window, Qt.Key.Key_V, Qt.Key.Key_L, Qt.Key.Key_E)  # View Language English
    assert Settings().language == "en"
    assert window.statusBar().currentMessage() == (
        "custgroups will speak English from its next start.")
