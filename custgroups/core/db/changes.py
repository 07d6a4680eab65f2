"""Other clerks' changes as they happen: which groups changed since the last look.

A server announces each changed group on the schema's channel (a trigger calls
``pg_notify``), and a :class:`ServerFeed` listens on a connection of its own. An SQLite file
has no such messages: a :class:`FileFeed` asks the file, on a connection of its own, whether
anything was committed since it last asked (``PRAGMA data_version``, which changes on every
commit by another connection) and, if so, which groups were changed since the latest change
it saw (copies of one file run on one computer, never over a network, so on one clock).

Both answer :meth:`~Feed.wait` with the groups that changed, each id with its new version,
``None`` when it is not known which (after the feed reconnected: anything may have changed
meanwhile), or nothing when nothing changed within the time given. The versions let a window
tell its own changes, which it already shows, from other clerks'. Neither touches the
connections the application reads and writes with.
"""

from __future__ import annotations

import contextlib
import logging
import select
import sqlite3
import time
from pathlib import Path
from typing import Any, Protocol

from custgroups.core import models
from custgroups.core.db import connect, team
from custgroups.core.db import files as database_file

log = logging.getLogger("custgroups.db")

#: Changes that arrive this close together are reported once.
GATHER_S = 0.15


#: Changed groups: each id with its version after the change.
Changed = dict[int, int]


class Feed(Protocol):
    """What the live updates read: changed groups' versions, or None when unknown which."""

    def wait(self, timeout: float) -> Changed | None:
        """Block up to ``timeout`` seconds for changes: {group id: version} (empty if none)."""

    def close(self) -> None:
        """Let go of the feed's own connection."""


def open_feed(url: str) -> Feed:
    """The feed of changes to the database at ``url`` (already opened once, so valid)."""
    if connect.is_server_address(url):
        server = connect._make_database(url)[0]
        params = dict(server.connect_params)

        def new_connection() -> Any:
            import psycopg2

            return psycopg2.connect(dbname=server.database, **params)

        return ServerFeed(new_connection, url)
    path = database_file.sqlite_path(url)
    if path is None:
        raise ValueError("an in-memory database has no other clerks")
    return FileFeed(path)


def channel(url: str) -> str:
    """The channel a server announces changes on: one per schema."""
    return "custgroups_" + team.schema_of(url)


class ServerFeed:
    """Listens for the server's announcements on a connection of its own."""

    def __init__(self, connect: Any, url: str) -> None:
        """``connect`` makes a new psycopg2 connection to the database at ``url``."""
        self._connect = connect
        self._channel = channel(url)
        self._conn: Any = None
        self._listened = False

    def wait(self, timeout: float) -> Changed | None:
        if self._conn is None:
            try:
                self._listen()
            except Exception as exc:  # the server is away: try again on the next wait
                log.info("live updates cannot listen yet (%s)", exc)
                self.close()
                time.sleep(min(timeout, 1.0))
                return {}
            # Changes made while the connection was lost are not known; at the first start,
            # the window reads what is there after this.
            first, self._listened = not self._listened, True
            return {} if first else None
        try:
            if not select.select([self._conn], [], [], timeout)[0]:
                return {}
            changed = self._drain()
            time.sleep(GATHER_S)  # a save touching many groups arrives as one report
            return changed | self._drain()
        except Exception as exc:  # the server went away: listen again on the next wait
            log.info("live updates lost the server (%s); listening again", exc)
            self.close()
            time.sleep(min(timeout, 1.0))
            return {}

    def _listen(self) -> None:
        conn = self._connect()
        conn.autocommit = True
        with conn.cursor() as cursor:
            cursor.execute("LISTEN " + team.quoted(self._channel))
        self._conn = conn

    def _drain(self) -> Changed:
        self._conn.poll()
        changed: Changed = {}
        while self._conn.notifies:
            group, _, version = self._conn.notifies.pop(0).payload.partition(":")
            if group.isdigit() and version.isdigit():
                changed[int(group)] = max(int(version), changed.get(int(group), 0))
        return changed

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
        self._conn = None


class FileFeed:
    """Asks an SQLite file, every so often, whether another connection committed."""

    def __init__(self, path: Path, interval: float = 0.5) -> None:
        self._path = path
        self._interval = interval
        self._conn: sqlite3.Connection | None = None
        self._version = -1
        #: The latest change seen, as stored: changes on one computer share its clock.
        self._since = ""

    def wait(self, timeout: float) -> Changed | None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                changed = self._poll()
            except sqlite3.Error as exc:  # busy, moved, or gone: try again later
                log.info("live updates could not read %s: %s", self._path, exc)
                self.close()
                changed = {}
            if changed or time.monotonic() >= deadline:
                return changed
            time.sleep(min(self._interval, max(0.0, deadline - time.monotonic())))

    def _poll(self) -> Changed:
        if self._conn is None:
            self._conn = sqlite3.connect(self._path.absolute().as_uri() + "?mode=ro", uri=True,
                                         check_same_thread=False)
        table = models.CustomerGroup._meta.table_name
        version = self._conn.execute("PRAGMA data_version").fetchone()[0]
        if version == self._version:
            return {}
        first, self._version = self._version < 0, version
        if first:  # what is there now is what the window reads: changes come after it
            self._since = self._conn.execute(f'SELECT max(updated_at) FROM "{table}"'
                                             ).fetchone()[0] or ""
            return {}
        time.sleep(GATHER_S)  # as on a server: a save's own follow-up is on its way first
        rows = self._conn.execute(f'SELECT id, version, updated_at FROM "{table}" '
                                  "WHERE updated_at >= ?", [self._since]).fetchall()
        self._since = max([self._since, *(row[2] for row in rows)])
        return {group: group_version for group, group_version, _at in rows}

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
        self._conn = None
        self._version = -1
