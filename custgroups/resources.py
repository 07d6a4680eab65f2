"""Files shipped beside the code: the application icon."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def app_icon() -> QIcon:
    """The custgroups icon (an empty icon if the file is missing, never an error)."""
    return QIcon(str(RESOURCES / "custgroups.svg"))
