"""Undo and redo for the editor's pending member changes (Ctrl+Z, Ctrl+Shift+Z): each step
keeps the pending state from before it, so undoing puts back exactly what was there."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

State = TypeVar("State")


class PendingSteps(Generic[State]):
    """Steps back and forth through states; a new change forgets the steps undone."""

    def __init__(self, put: Callable[[State], None]) -> None:
        self._put = put
        self._undo: list[State] = []
        self._redo: list[State] = []

    def record(self, before: State) -> None:
        """A change was made; ``before`` is the state it started from."""
        self._undo.append(before)
        self._redo.clear()

    def undo(self, now: State) -> bool:
        """Go back one step from ``now``; False if there is none."""
        return self._step(self._undo, self._redo, now)

    def redo(self, now: State) -> bool:
        """Go forward again one step undone; False if there is none."""
        return self._step(self._redo, self._undo, now)

    def clear(self) -> None:
        """Forget every step (the members were read again)."""
        self._undo.clear()
        self._redo.clear()

    def _step(self, source: list[State], target: list[State], now: State) -> bool:
        if not source:
            return False
        target.append(now)
        self._put(source.pop())
        return True
