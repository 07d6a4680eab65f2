"""View → Appearance (the system's light or dark scheme, or one of them kept) and View →
Language (the system's, or one chosen, from the next start)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMenu

from custgroups.qt import translations
from custgroups.qt.settings import Settings
from custgroups.ui import style
from custgroups.ui.widgets import named


def _tr(text: str) -> str:
    return QCoreApplication.translate("appearance", text)


def start_appearance(app: QApplication, settings: Settings) -> None:
    """Use the scheme the clerk chose last, and follow the system's when it changes."""
    style.apply_scheme(app, style.Choice(settings.color_scheme))
    app.styleHints().colorSchemeChanged.connect(
        lambda _scheme: style.apply_scheme(app, style.Choice(settings.color_scheme)))


def install_appearance_menu(view_menu: QMenu, settings: Settings) -> QActionGroup:
    """Appearance at the end of the View menu: System, Light, Dark (one checked)."""
    menu = view_menu.addMenu(_tr("&Appearance"))
    choices = QActionGroup(menu)
    choices.setExclusive(True)
    for label, choice, name in ((_tr("&System"), style.Choice.SYSTEM, "appearanceSystem"),
                                (_tr("&Light"), style.Choice.LIGHT, "appearanceLight"),
                                (_tr("&Dark"), style.Choice.DARK, "appearanceDark")):
        action = named(QAction(label, menu), name)
        action.setCheckable(True)
        action.setChecked(settings.color_scheme == choice.value)
        action.setData(choice.value)
        choices.addAction(action)
        menu.addAction(action)
    choices.triggered.connect(lambda action: _choose(settings, style.Choice(action.data())))
    return choices


def _choose(settings: Settings, choice: style.Choice) -> None:
    settings.color_scheme = choice.value
    app = QApplication.instance()
    if isinstance(app, QApplication):
        style.apply_scheme(app, choice)


def install_language_menu(view_menu: QMenu, settings: Settings,
                          say: Callable[[str], None]) -> QActionGroup:
    """Language at the end of the View menu: System, English and each language custgroups
    speaks, by its own name; a choice takes effect at the next start, which ``say`` says."""
    menu = view_menu.addMenu(_tr("&Language"))
    choices = QActionGroup(menu)
    choices.setExclusive(True)
    spoken = [(code, QLocale(code).nativeLanguageName().capitalize())
              for code in translations.available()]
    for label, code in ((_tr("&System"), "system"), ("&English", "en"),
                        *((f"&{name}", code) for code, name in spoken)):
        action = named(QAction(label, menu), f"language_{code}")
        action.setCheckable(True)
        action.setChecked(settings.language == code)
        action.setData(code)
        choices.addAction(action)
        menu.addAction(action)

    def chosen(action: QAction) -> None:
        settings.language = str(action.data())
        say(_tr("custgroups will speak {language} from its next start.").format(
            language=action.text().replace("&", "")))

    choices.triggered.connect(chosen)
    return choices
