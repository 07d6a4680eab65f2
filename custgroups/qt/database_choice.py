"""Which database to open: the clerk's remembered choice, recent ones, and IT's preset.

A clerk starts custgroups from Finder or Explorer, with no option and no environment, so the
database opened last is remembered here. IT may preset one for every account on a computer:
Group Policy under ``HKEY_LOCAL_MACHINE\\Software\\custgroups\\custgroups``, a managed profile
in ``/Library/Preferences`` on macOS, or ``/etc/xdg/custgroups/custgroups.conf`` on Linux,
each with the value ``database/url``. Addresses are kept without their passwords, which live
in the system keychain (:mod:`custgroups.core.passwords`).

The widgets reach the data floor's address functions through this module.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtCore import QSettings

from custgroups.core.db.address import (
    TLS_MODES,
    ServerAddress,
    file_folder,
    from_url,
    is_server,
    needs_password,
    probe,
    sqlite_url,
    with_password,
    without_password,
)
from custgroups.core.db.connect import ENV_VAR, default_database_url
from custgroups.core.db.files import display_name
from custgroups.qt.settings import APPLICATION, ORGANIZATION

__all__ = [
    "MAX_RECENT", "TLS_MODES", "DatabaseChoice", "RecentDatabase", "ServerAddress",
    "display_name", "file_folder", "from_url", "is_server", "needs_password", "probe",
    "sqlite_url", "start_url", "with_password", "without_password",
]

#: How many recent databases the File menu lists.
MAX_RECENT = 8
_URL_KEY = "database/url"
_RECENT_KEY = "database/recent"


@dataclass(frozen=True)
class RecentDatabase:
    """A database opened before: its password-free address and how it is shown."""

    url: str
    name: str


class DatabaseChoice:
    """The clerk's remembered database and recent ones, and the computer's preset."""

    def __init__(self) -> None:
        self._store = QSettings(ORGANIZATION, APPLICATION)
        # The clerk's own values only: the preset is read on its own, where it is asked for.
        self._store.setFallbacksEnabled(False)
        self._system = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.SystemScope,
                                 ORGANIZATION, APPLICATION)

    def _text(self, settings: QSettings, key: str) -> str:
        value = settings.value(key, "")
        return value.strip() if isinstance(value, str) else ""

    @property
    def current(self) -> str:
        """The database the clerk opened last ("" when none was chosen)."""
        return self._text(self._store, _URL_KEY)

    @property
    def preset(self) -> str:
        """The database IT set for this computer ("" when none is set)."""
        return self._text(self._system, _URL_KEY)

    @property
    def recent(self) -> list[RecentDatabase]:
        """The databases opened before, the latest first, at most :data:`MAX_RECENT`."""
        return [RecentDatabase(url, display_name(url)) for url in self._recent_urls()]

    def _recent_urls(self) -> list[str]:
        value = self._store.value(_RECENT_KEY, [])
        # An ini file gives a list of one back as a plain string.
        urls = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [url for url in urls if isinstance(url, str) and url][:MAX_RECENT]

    def remember(self, url: str) -> None:
        """Note that ``url`` was opened: it becomes the current one and the first recent one."""
        url = without_password(url)
        recent = [url, *(u for u in self._recent_urls() if u != url)][:MAX_RECENT]
        self._store.setValue(_URL_KEY, url)
        self._store.setValue(_RECENT_KEY, recent)
        self._store.sync()

    def clear_recent(self) -> None:
        """Forget the recent databases (the current one stays)."""
        self._store.remove(_RECENT_KEY)
        self._store.sync()

    def server_to_suggest(self) -> str:
        """The server address to offer when connecting: the current one, else the preset."""
        return next((url for url in (self.current, self.preset) if is_server(url)), "")

    def start_url(self, explicit: str | None = None) -> str:
        """The database to open at start: ``--database``, else ``CUSTGROUPS_DATABASE``, else
        the clerk's last choice, else the computer's preset, else the default file."""
        return (explicit or os.environ.get(ENV_VAR) or self.current or self.preset
                or default_database_url())


def start_url(explicit: str | None = None) -> str:
    """The database to open at start (see :meth:`DatabaseChoice.start_url`)."""
    return DatabaseChoice().start_url(explicit)
