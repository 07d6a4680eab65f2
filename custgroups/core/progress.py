"""How long work reports progress: a plain callback that may raise ``Cancelled`` to stop."""

from __future__ import annotations

from collections.abc import Callable

#: ``progress(done, total)``; raising :class:`custgroups.core.errors.Cancelled` stops the work.
ProgressFn = Callable[[int, int], None]


def no_progress(done: int, total: int) -> None:
    """A progress callback that ignores everything."""
