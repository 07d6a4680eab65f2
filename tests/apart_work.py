"""Work for tests of core.apart, importable by the processes it starts."""

from __future__ import annotations

import os
from pathlib import Path

from custgroups.core import groups
from custgroups.core.errors import ValidationError, tr
from custgroups.core.progress import ProgressFn


def where(label: str, progress: ProgressFn) -> tuple[str, int, int]:
    """Its label, the process it ran in, and how many groups that process sees."""
    progress(1, 1)
    return label, os.getpid(), groups.count_groups()


def counting(marker: Path, steps: int, progress: ProgressFn) -> int:
    """Reports every step; ``marker`` exists while it runs, as a half-written file would."""
    marker.write_text("working")
    try:
        for step in range(steps):
            progress(step, steps)
        return steps
    finally:
        marker.unlink()


def refusing(progress: ProgressFn) -> None:
    raise ValidationError("file", tr("The folder {folder} does not exist.", folder="/gone"))


def dying(progress: ProgressFn) -> None:
    os._exit(3)
