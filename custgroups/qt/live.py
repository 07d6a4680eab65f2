"""Live updates: other clerks' changes reach the window and open editors within a second or so.

One background thread per open database reads its change feed
(:mod:`custgroups.core.db.changes`) and reports on the UI thread, by signal, which groups
changed and their new versions (None: unknown which, look again at everything).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from custgroups.core.db.changes import Feed, open_feed

log = logging.getLogger("custgroups.live")

#: How long the thread waits for a change before checking whether it should stop.
_WAIT_S = 0.5

_current: LiveUpdates | None = None


class LiveUpdates(QObject):
    """Reports changes to the open database while it runs; :meth:`stop` ends it."""

    #: {group id: version after the change}, or None when it is not known which changed.
    changed = Signal(object)
    #: Live updates stopped for good (the log says why).
    failed = Signal()

    def __init__(self, url: str, parent: QObject | None = None,
                 feed: Callable[[str], Feed] | None = None) -> None:
        super().__init__(parent)
        self._url = url
        self._feed = feed or open_feed
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="live-updates", daemon=True)

    def start(self) -> None:
        """Begin watching; the updates of the database opened last are :func:`current`."""
        global _current
        _current = self
        self._thread.start()

    def stop(self) -> None:
        """Stop watching and let go of the feed's connection (waits up to a second)."""
        global _current
        if _current is self:
            _current = None
        self._stopping.set()
        if self._thread.is_alive():
            self._thread.join(timeout=2 * _WAIT_S)

    def _run(self) -> None:
        try:
            feed = self._feed(self._url)
        except Exception:  # the window works on without live updates, and says so
            log.exception("live updates cannot start")
            self.failed.emit()
            return
        try:
            while not self._stopping.is_set():
                changed = feed.wait(_WAIT_S)
                if (changed is None or changed) and not self._stopping.is_set():
                    self.changed.emit(changed)
        except Exception:
            log.exception("live updates stopped")
            self.failed.emit()
        finally:
            feed.close()


def current() -> LiveUpdates | None:
    """The live updates of the open database, when a window watches it."""
    return _current
