"""Background work: single-worker lanes whose results come back to the UI thread by signal.

A job is a plain function taking a progress callback. It never touches a widget; its result,
its failure or its cancellation reaches the UI as a queued signal on its :class:`Job`.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal

from custgroups.errors import Cancelled

log = logging.getLogger("custgroups.tasks")

#: Progress is passed on at most this often, so a fast job cannot flood the event loop.
_PROGRESS_INTERVAL_S = 0.05


class Job(QObject):
    """One submitted piece of work; connect to its signals, call :meth:`cancel` to stop it."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    ended = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._cancel = threading.Event()
        self._last_progress = 0.0

    def cancel(self) -> None:
        """Ask the job to stop at its next progress report."""
        self._cancel.set()

    def report(self, done: int, total: int) -> None:
        """The progress callback handed to the job's function (runs on the worker)."""
        if self._cancel.is_set():
            raise Cancelled()
        now = time.monotonic()
        if now - self._last_progress >= _PROGRESS_INTERVAL_S or done >= total:
            self._last_progress = now
            self.progressed.emit(done, total)
            # A real pause hands the interpreter lock to the UI thread: a job that only
            # ever releases it briefly (for SQLite, for file writes) can starve the UI.
            time.sleep(0.001)


class Lane(QObject):
    """A one-worker executor: jobs run one after another, off the UI thread."""

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._running: set[Job] = set()

    def submit(self, work: Callable[[Callable[[int, int], None]], Any], *,
               succeeded: Callable[[Any], None] | None = None,
               failed: Callable[[Any], None] | None = None,
               progressed: Callable[[int, int], None] | None = None,
               cancelled: Callable[[], None] | None = None) -> Job:
        """Queue ``work(progress)``; the returned job reports back by signal.

        Pass the handlers here rather than connecting them afterwards: a quick job can
        finish before the caller gets round to connecting, and its answer would be lost.
        """
        job = Job()
        self._running.add(job)
        job.ended.connect(lambda: self._running.discard(job))
        for signal, handler in ((job.succeeded, succeeded), (job.failed, failed),
                                (job.progressed, progressed), (job.cancelled, cancelled)):
            if handler is not None:
                signal.connect(handler)

        def run() -> None:
            try:
                result = work(job.report)
            except Cancelled:
                job.cancelled.emit()
            except Exception as exc:  # handed to the UI, which decides what to say
                log.debug("job failed", exc_info=True)
                job.failed.emit(exc)
            else:
                job.succeeded.emit(result)
            finally:
                job.ended.emit()

        self._executor.submit(run)
        return job

    @property
    def busy(self) -> bool:
        """True while a job is queued or running."""
        return bool(self._running)

    def shutdown(self) -> None:
        """Cancel what is running and wait for the worker to finish."""
        for job in list(self._running):
            job.cancel()
        self._executor.shutdown(wait=True, cancel_futures=True)
