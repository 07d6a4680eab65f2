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
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal

from custgroups.core.errors import Cancelled
from custgroups.core.progress import ProgressFn
from custgroups.qt.words import said

log = logging.getLogger("custgroups.tasks")

#: What a job's function returns, and so what its ``succeeded`` handler is given.
Result = TypeVar("Result")

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
    """A one-worker executor: jobs run one after another, off the UI thread.

    Every lane names where a failure goes that no caller handles (``unhandled``: a function
    showing one sentence to the clerk), so no failure is ever silent; all are logged at ERROR.
    """

    idle = Signal()

    def __init__(self, name: str, parent: QObject | None,
                 unhandled: Callable[[str], None]) -> None:
        super().__init__(parent)
        self._name = name
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._running: set[Job] = set()
        self._unhandled = unhandled
        self._closed = False

    def submit(self, work: Callable[[ProgressFn], Result], *,
               succeeded: Callable[[Result], None] | None = None,
               failed: Callable[[BaseException], None] | None = None,
               progressed: Callable[[int, int], None] | None = None,
               cancelled: Callable[[], None] | None = None) -> Job:
        """Queue ``work(progress)``; the returned job reports back by signal.

        Pass the handlers here rather than connecting them afterwards: a quick job can
        finish before the caller gets round to connecting, and its answer would be lost.
        Without ``failed``, a failure goes to the lane's ``unhandled`` function. Once the
        lane is shut down (its window is closing), new work is dropped, not run.
        """
        job = Job()
        if self._closed:
            log.debug("%s: work submitted after shutdown was dropped", self._name)
            return job
        self._running.add(job)
        job.ended.connect(lambda: self._on_job_ended(job))
        if failed is None:
            failed = self._report
        for signal, handler in ((job.succeeded, succeeded), (job.failed, failed),
                                (job.progressed, progressed), (job.cancelled, cancelled)):
            if handler is not None:
                signal.connect(handler)
        name = getattr(work, "__qualname__", repr(work))

        def run() -> None:
            try:
                result = work(job.report)
            except Cancelled:
                job.cancelled.emit()
            except Exception as exc:  # handed to the UI, which decides what to say
                log.error("%s: job %s failed: %s", self._name, name, exc, exc_info=True)
                job.failed.emit(exc)
            else:
                job.succeeded.emit(result)
            finally:
                job.ended.emit()

        self._executor.submit(run)
        return job

    def _report(self, exc: BaseException) -> None:
        self._unhandled(said(exc))

    def _on_job_ended(self, job: Job) -> None:
        if not shiboken6.isValid(self):  # the lane's window was deleted while the job ran
            return
        self._running.discard(job)
        if not self._running:
            self.idle.emit()

    @property
    def busy(self) -> bool:
        """True while a job is queued or running."""
        return bool(self._running)

    def shutdown(self) -> None:
        """Cancel what is running, wait for the worker to finish, and take no more work."""
        self._closed = True
        for job in list(self._running):
            job.cancel()
        self._executor.shutdown(wait=True, cancel_futures=True)
