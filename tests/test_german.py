"""The German translation is complete: every text the windows show (theirs and the data
floor's sentences) is translated, keeps its placeholders and its one mnemonic, and has both
plural forms; English has its plural forms too. A German window then speaks German."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from custgroups.core.errors import GroupInactiveError, InactiveCustomersError, tr
from custgroups.qt import translations
from custgroups.qt.words import said
from custgroups.ui.shortcuts_dialog import ShortcutsDialog
from custgroups.ui.wording import customers
from tests import editor_shop
from tests.editing import focused, open_editor, paste_codes, save_by_keys
from tests.window_helpers import open_window

FOLDER = translations.FOLDER
_PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%L?n|%\d")
_MNEMONIC = re.compile(r"(?<!&)&(?=[^&\s])")


def _messages(language: str) -> list[ElementTree.Element]:
    root = ElementTree.parse(FOLDER / f"custgroups_{language}.ts").getroot()
    return list(root.iter("message"))


def _forms(message: ElementTree.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


def problems(message: ElementTree.Element, plural_forms: int) -> list[str]:
    """What is wrong with one translated message ([] when nothing)."""
    source = message.findtext("source", "")
    translation = message.find("translation")
    if translation is None or translation.get("type") in ("unfinished", "vanished",
                                                          "obsolete"):
        return [f"not translated: {source!r}"]
    forms = _forms(message)
    found = []
    if message.get("numerus") == "yes" and len(forms) != plural_forms:
        found.append(f"{len(forms)} plural forms instead of {plural_forms}: {source!r}")
    for form in forms:
        if not form.strip():
            found.append(f"empty translation: {source!r}")
        if sorted(set(_PLACEHOLDER.findall(form))) != sorted(set(_PLACEHOLDER.findall(source))):
            found.append(f"placeholders differ: {source!r} -> {form!r}")
        if len(_MNEMONIC.findall(form)) != len(_MNEMONIC.findall(source)):
            found.append(f"mnemonics differ: {source!r} -> {form!r}")
    return found


def test_every_german_text_is_translated_with_its_placeholders_and_mnemonic() -> None:
    found = [problem for message in _messages("de") for problem in problems(message, 2)]
    assert found == []


def test_every_english_plural_has_its_singular_and_plural() -> None:
    plurals = _messages("en")
    assert plurals and all(m.get("numerus") == "yes" for m in plurals)
    assert [p for m in plurals for p in problems(m, 2)] == []


def test_the_checks_catch_a_broken_translation() -> None:
    def message(source: str, translated: str, numerus: bool = False) -> ElementTree.Element:
        text = (f"<numerusform>{translated}</numerusform>" if numerus else translated)
        return ElementTree.fromstring(
            f'<message{" numerus=" + chr(34) + "yes" + chr(34) if numerus else ""}>'
            f"<source>{source}</source><translation>{text}</translation></message>")

    assert problems(message("&amp;Save", "&amp;Speichern"), 2) == []
    assert problems(message("&amp;Save", "Speichern"), 2) != []
    assert problems(message("Group {code}", "Gruppe {name}"), 2) != []
    assert problems(message("%Ln group(s)", "%Ln Gruppe", numerus=True), 2) != []
    assert problems(message("Save", ""), 2) != []


def test_the_translations_hold_every_text_of_the_source(tmp_path: Path) -> None:
    """Nobody added a text without translating it: lupdate finds nothing new."""
    copy = tmp_path / "custgroups_de.ts"
    copy.write_bytes((FOLDER / "custgroups_de.ts").read_bytes())
    sources = sorted(str(p) for p in FOLDER.parent.rglob("*.py"))
    subprocess.run([str(translations._TOOLS / "lupdate"), "-no-obsolete", "-silent", *sources,
                    "-ts", str(copy)], check=True, capture_output=True)
    before = {(m.findtext("source")) for m in _messages("de")}
    after = {m.findtext("source") for m in ElementTree.parse(copy).getroot().iter("message")}
    assert sorted(after - before) == []
    assert sorted(before - after) == []


@pytest.fixture
def german(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    QLocale.setDefault(QLocale("de_DE"))
    installed = translations.install(qapp, "de", cache=tmp_path / "cache")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale("en_US"))


def test_the_data_floor_speaks_german_in_the_windows(german: None) -> None:
    assert said(GroupInactiveError("CG-000007")).startswith("Die Gruppe CG-000007")
    problem = said(InactiveCustomersError([f"C{n}" for n in range(12)]))
    assert "12" in problem and "C0, C1" in problem and "inaktiv" in problem.lower()
    assert said(tr("{count} in all", count=12345)) != "12,345 in all"
    assert customers(1) == "1 Kunde" and customers(12345) == "12.345 Kunden"


def test_english_counts_say_one_and_many() -> None:
    assert customers(1) == "1 customer" and customers(12345) == "12,345 customers"


shop = editor_shop.shop


def test_a_german_window_names_the_keys_its_labels_mark(german: None, qtbot: QtBot,
                                                       opened: str) -> None:
    """The sheet and the paste box's reminder follow the German labels' Alt keys (Gr&und is
    Alt+U, not the English Rea&son's Alt+S)."""
    window = open_window(qtbot, opened)
    assert window.windowTitle().startswith("Kundengruppen")
    qtbot.keyClick(window.table, Qt.Key.Key_F1)
    sheet = window.findChild(ShortcutsDialog)
    assert sheet is not None
    rows = {sheet.table.item(r, 1).text(): sheet.table.item(r, 2).text()
            for r in range(sheet.table.rowCount())}
    assert rows["Grund"] == "Alt+U"
    assert rows["Durchsuchen oder eingefügte Liste"] == "Alt+D / Alt+E"


@pytest.mark.usefixtures("no_message_boxes")
def test_the_german_paste_reminder_names_the_german_button(german: None, qtbot: QtBot,
                                                           opened: str,
                                                           shop: dict[str, int]) -> None:
    dialog = open_editor(qtbot)
    qtbot.keyClicks(focused(), "Vergessen")
    paste_codes(qtbot, dialog, ["C00001", "C00002"])
    problem = save_by_keys(qtbot, dialog)
    assert "2 erkannte Kunden" in said(problem)
    assert "Wählen Sie „Erkannte aufnehmen“ (Alt+A)" in said(problem)
