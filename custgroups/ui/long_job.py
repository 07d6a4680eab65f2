"""Long work behind a progress dialog with Cancel: the dialog follows the job and closes with it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from custgroups.qt.tasks import Job, Lane


def run_long(lane: Lane, parent: QWidget, name: str, title: str, label: str,
             work: Callable[[Any], Any], succeeded: Callable[[Any], None],
             failed: Callable[[BaseException], None], cancelled: Callable[[], None]) -> Job:
    """Submit ``work`` to ``lane`` behind a window-modal progress dialog named ``name``.

    The dialog appears only if the work lasts over 300 ms, shows a bar once the work reports
    a total, cancels the job from its Cancel button, and closes before any handler runs.
    """
    cancel = QCoreApplication.translate("long_job", "Cancel")
    progress = QProgressDialog(label, cancel, 0, 0, parent)
    progress.setObjectName(name)
    progress.setWindowTitle(title)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)
    progress.setAutoClose(False)
    progress.setAutoReset(False)

    def on_progress(done: int, total: int) -> None:
        if total > 0:
            progress.setMaximum(1000)
            progress.setValue(min(1000, int(done * 1000 / total)))

    def finish(handler: Callable[..., None]) -> Callable[..., None]:
        def run(*args: Any) -> None:
            progress.close()
            handler(*args)
        return run

    job = lane.submit(work, succeeded=finish(succeeded), failed=finish(failed),
                      progressed=on_progress, cancelled=finish(cancelled))
    progress.canceled.connect(job.cancel)
    return job
