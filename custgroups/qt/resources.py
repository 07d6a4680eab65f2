"""Files shipped inside the package (qt/assets): the application icon."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

ASSETS = Path(__file__).resolve().parent / "assets"


def app_icon() -> QIcon:
    """The custgroups icon (an empty icon if the file is missing, never an error)."""
    return QIcon(str(ASSETS / "custgroups.svg"))
