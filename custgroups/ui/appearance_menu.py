"""View → Appearance (the system's light or dark scheme, or one of them kept) and View →
Language (the system's, or one chosen, from the next start)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QLocale
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMenu

from custgroups.qt import translations
from custgroups.qt.settings import Settings
from custgroups.qt.words import tr
from custgroups.ui import style
from custgroups.ui.widgets import named


def start_appearance(app: QApplication, settings: Settings) -> None:
    """Use the scheme the clerk chose last, and follow the system's when it changes."""
    style.apply_scheme(app, style.Choice(settings.color_scheme))
    app.styleHints().colorSchemeChanged.connect(
        lambda _scheme: style.apply_scheme(app, style.Choice(settings.color_scheme)))


def _one_of(view_menu: QMenu, title: str, items: Sequence[tuple[str, str, str]],
            current: str, chosen: Callable[[QAction], None]) -> QActionGroup:
    """A submenu of ``items`` (label, value, object name), the ``current`` value checked;
    ``chosen`` gets the action the clerk picks."""
    menu = view_menu.addMenu(title)
    choices = QActionGroup(menu)
    choices.setExclusive(True)
    for label, value, name in items:
        action = named(QAction(label, menu), name)
        action.setCheckable(True)
        action.setChecked(current == value)
        action.setData(value)
        choices.addAction(action)
        menu.addAction(action)
    choices.triggered.connect(chosen)
    return choices


def install_appearance_menu(view_menu: QMenu, settings: Settings) -> QActionGroup:
    """Appearance at the end of the View menu: System, Light, Dark (one checked)."""
    return _one_of(view_menu, tr("&Appearance"), (
        (tr("&System"), style.Choice.SYSTEM.value, "appearanceSystem"),
        (tr("&Light"), style.Choice.LIGHT.value, "appearanceLight"),
        (tr("&Dark"), style.Choice.DARK.value, "appearanceDark")), settings.color_scheme,
        lambda action: _choose(settings, style.Choice(action.data())))


def _choose(settings: Settings, choice: style.Choice) -> None:
    settings.color_scheme = choice.value
    app = QApplication.instance()
    if isinstance(app, QApplication):
        style.apply_scheme(app, choice)


def install_language_menu(view_menu: QMenu, settings: Settings,
                          say: Callable[[str], None]) -> QActionGroup:
    """Language at the end of the View menu: System, English and each language custgroups
    speaks, by its own name; a choice takes effect at the next start, which ``say`` says."""
    spoken = [(f"&{QLocale(code).nativeLanguageName().capitalize()}", code, f"language_{code}")
              for code in translations.available()]

    def chosen(action: QAction) -> None:
        settings.language = str(action.data())
        say(tr("custgroups will speak {language} from its next start.").format(
            language=action.text().replace("&", "")))

    return _one_of(view_menu, tr("&Language"), (
        (tr("&System"), "system", "language_system"), ("&English", "en", "language_en"),
        *spoken), settings.language, chosen)
