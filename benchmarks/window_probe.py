"""bench_window's instruments: the window's query, page handler and paint wrapped to time one
action at a time from trigger to the frame that shows its answer, and the clerk's actions
(filters, pages, header clicks) as rounds of steps."""

from __future__ import annotations

import cProfile
import math
import random
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from harness import profile_text
from ui_harness import settle


@dataclass
class Sample:
    """Time stamps (perf_counter) of one action, from trigger to the end of its paint."""

    case: str
    t0: float = math.nan
    query_start: float = math.nan
    query_end: float = math.nan
    handler_start: float = math.nan
    handler_end: float = math.nan
    set_rows_s: float = 0.0
    select_s: float = 0.0
    shown: float = math.nan
    paint_start: float = math.nan
    paint_end: float = math.nan
    frame_end: float = math.nan  # the event-loop turn that painted is over (frame flushed)
    total_rows: int = 0
    query: Any = None
    was_empty: bool = False  # the empty state was on screen when the action started

    @property
    def done(self) -> bool:
        return not math.isnan(self.frame_end)

    @property
    def total_ms(self) -> float:
        return (self.frame_end - self.t0) * 1000

    def stages(self) -> dict[str, float]:
        """Where the time went, in ms; the stages add up to the total."""
        ms = 1000.0
        handler = self.handler_end - self.handler_start
        return {
            "to worker": (self.query_start - self.t0) * ms,
            "list_groups": (self.query_end - self.query_start) * ms,
            "to UI thread": (self.handler_start - self.query_end) * ms,
            "set_rows": self.set_rows_s * ms,
            "selectRow": self.select_s * ms,
            "rest of handler": (handler - self.set_rows_s - self.select_s) * ms,
            "to paint": (self.paint_start - self.handler_end) * ms,
            "paint": (self.paint_end - self.paint_start) * ms,
            "rest of frame": (self.frame_end - self.paint_end) * ms,
        }


class Instruments:
    """Wraps the window's list query, page handler and paint to time one action at a time."""

    def __init__(self, window: Any) -> None:
        from PySide6.QtWidgets import QTableView, QWidget

        import custgroups.ui.main_window as main_window_module

        self.window = window
        self.current: Sample | None = None
        self.profiler: cProfile.Profile | None = None
        self._loop: Any = None
        original_list = main_window_module.list_groups

        def list_groups(query: Any) -> Any:
            start = time.perf_counter()
            try:
                return original_list(query)
            finally:
                sample = self.current
                if sample is not None and math.isnan(sample.query_start):
                    sample.query_start, sample.query_end = start, time.perf_counter()

        main_window_module.list_groups = list_groups
        window._on_page_loaded = self._wrap_handler(window._on_page_loaded)
        window.model.set_rows = self._wrap_timed(window.model.set_rows, "set_rows_s")
        window.table.selectRow = self._wrap_timed(window.table.selectRow, "select_s")
        window.page_shown.connect(self._on_page_shown)
        self._hook_paint(window.table, QTableView)
        self._hook_paint(window.empty, QWidget)

    def _wrap_handler(self, original: Callable[[int, Any], None]) -> Callable[[int, Any], None]:
        def handler(number: int, page: Any) -> None:
            sample = self.current
            start = time.perf_counter()
            if self.profiler is not None:
                self.profiler.enable()
            try:
                original(number, page)
            finally:
                if self.profiler is not None:
                    self.profiler.disable()
                if sample is not None and not math.isnan(sample.shown) \
                        and math.isnan(sample.handler_start):
                    sample.handler_start, sample.handler_end = start, time.perf_counter()
                    if sample.was_empty and not sample.total_rows:
                        # Empty state to empty state: the screen is already right.
                        sample.paint_start = sample.paint_end = sample.handler_end
                        sample.frame_end = sample.handler_end
                        if self._loop is not None:
                            self._loop.quit()

        return handler

    def _wrap_timed(self, original: Callable[..., Any], slot: str) -> Callable[..., Any]:
        def timed(*args: Any) -> Any:
            start = time.perf_counter()
            try:
                return original(*args)
            finally:
                sample = self.current
                if sample is not None and math.isnan(sample.shown):
                    setattr(sample, slot, getattr(sample, slot) + time.perf_counter() - start)

        return timed

    def _on_page_shown(self, page: Any) -> None:
        sample = self.current
        if sample is not None and math.isnan(sample.shown):
            sample.shown = time.perf_counter()
            sample.total_rows = page.total
            sample.query = self.window.query()

    def _hook_paint(self, widget: Any, cls: Any) -> None:
        from PySide6.QtCore import QTimer

        original = cls.paintEvent

        def paint(event: Any) -> None:
            sample = self.current
            armed = (sample is not None and not math.isnan(sample.shown)
                     and math.isnan(sample.paint_start)
                     and self.window.stack.currentWidget() is widget)
            if armed and self.profiler is not None:
                self.profiler.enable()
            start = time.perf_counter()
            original(widget, event)
            end = time.perf_counter()
            if armed:
                if self.profiler is not None:
                    self.profiler.disable()
                assert sample is not None
                sample.paint_start, sample.paint_end = start, end
                # Children (the empty state's labels), header and flush finish this frame.
                QTimer.singleShot(0, self._frame_done)

        widget.paintEvent = paint

    def _frame_done(self) -> None:
        sample = self.current
        if sample is not None and math.isnan(sample.frame_end):
            sample.frame_end = time.perf_counter()
            if self._loop is not None:
                self._loop.quit()

    def measure(self, case: str, trigger: Callable[[], None], timeout_s: float = 30) -> Sample:
        """Run ``trigger`` and wait for the repaint that shows its answer."""
        from PySide6.QtCore import QEventLoop, QTimer

        sample = Sample(case, was_empty=self.window.stack.currentWidget() is self.window.empty)
        loop = QEventLoop()
        guard = QTimer()
        guard.setSingleShot(True)
        guard.timeout.connect(loop.quit)
        self.current, self._loop = sample, loop
        guard.start(int(timeout_s * 1000))
        sample.t0 = time.perf_counter()
        trigger()
        if not sample.done:
            loop.exec()
        guard.stop()
        self.current, self._loop = None, None
        if not sample.done:
            banner = self.window.error_banner.text()
            raise SystemExit(f"{case}: nothing was repainted within {timeout_s:g} s "
                             f"(shown: {not math.isnan(sample.shown)}; banner: {banner!r})")
        settle(30)  # let the frame flush and stray updates pass before the next action
        return sample


@dataclass(frozen=True)
class Step:
    """One timed action: ``prepare`` runs untimed first, the clock covers ``trigger``."""

    label: str
    trigger: Callable[[], None]
    prepare: Callable[[], None] | None = None


StepMaker = Callable[[random.Random], list[Step]]


@dataclass
class Scenario:
    """An interactive operation: a round of steps, and what to do before and after."""

    name: str
    steps: StepMaker
    before: Callable[[], None] | None = None
    after: Callable[[], None] | None = None
    samples: list[Sample] = field(default_factory=list)


def filter_steps(window: Any, cases: Sequence[tuple[str, str, str]]) -> StepMaker:
    """Each case is (label, code filter, name/description filter)."""
    bar = window.filter_bar

    def typed(code: str, text: str) -> None:
        bar.code_edit.setText(code)
        bar.text_edit.setText(text)
        settle(20)  # the line edits repaint as the clerk types, before the timer fires

    def steps(_rng: random.Random) -> list[Step]:
        # The debounce timer's slot: the filter applies now.
        return [Step(label, bar._on_timer_timeout, lambda c=code, t=text: typed(c, t))
                for label, code, text in cases]

    return steps


def page_steps(window: Any) -> StepMaker:
    buttons = window.pager.buttons

    def random_page(rng: random.Random) -> None:
        pages, current = window.shown_page.page_count, window.query().page
        choice = current
        while choice == current and pages > 3:
            choice = rng.randint(2, pages - 1)
        window.pager.page_requested.emit(choice)

    def steps(rng: random.Random) -> list[Step]:
        return [Step("page: next", buttons["nextPageButton"].click),
                Step("page: last", buttons["lastPageButton"].click),
                Step("page: first", buttons["firstPageButton"].click),
                Step("page: random", lambda: random_page(rng))]

    return steps


def sort_steps(window: Any) -> StepMaker:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    from custgroups.ui.models.group_model import Column

    header = window.table.horizontalHeader()

    def click() -> None:
        x = (header.sectionViewportPosition(Column.MEMBERS)
             + header.sectionSize(Column.MEMBERS) // 2)
        QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, QPoint(x, header.height() // 2))

    def steps(_rng: random.Random) -> list[Step]:
        # Each click flips the direction; samples are named by the query's direction later.
        return [Step("sort: members", click), Step("sort: members", click)]

    return steps


def run_scenario(instruments: Instruments, steps: list[Step]) -> list[Sample]:
    samples = []
    for step in steps:
        if step.prepare is not None:
            step.prepare()
        samples.append(instruments.measure(step.label, step.trigger))
    return samples


def relabel_sorts(samples: list[Sample]) -> None:
    """Name each sort sample by the direction the query really took."""
    for sample in samples:
        if sample.query is not None and sample.case.startswith("sort:"):
            direction = "desc" if sample.query.descending else "asc"
            sample.case = f"sort: members {direction} (header click)"


def stage_notes(name: str, samples: Sequence[Sample]) -> list[str]:
    stages = [s.stages() for s in samples]
    keys = list(stages[0])
    cells = "  ".join(f"{k} {statistics.median(st[k] for st in stages):.2f}" for k in keys)
    worst = max(samples, key=lambda s: s.total_ms)
    worst_cells = "  ".join(f"{k} {v:.1f}" for k, v in worst.stages().items())
    return [f"{name}: median stages (ms): {cells}",
            f"{name}: slowest sample {worst.case} {worst.total_ms:.1f} ms: {worst_cells}"]


def profile_scenario(instruments: Instruments, scenario: Scenario, rng: random.Random,
                     rounds: int = 3) -> list[str]:
    """cProfile of the UI thread (handler and paint) over a few rounds, and of the queries."""
    from custgroups.core.groups import list_groups

    ui = cProfile.Profile()
    instruments.profiler = ui
    samples: list[Sample] = []
    try:
        for _ in range(rounds):
            samples += run_scenario(instruments, scenario.steps(rng))
    finally:
        instruments.profiler = None
    query = cProfile.Profile()
    for sample in samples:
        query.runcall(list_groups, sample.query)
    return [profile_text(ui, f"{scenario.name}: cProfile of the UI thread's page handler and "
                             f"paint over {len(samples)} actions"),
            profile_text(query, f"{scenario.name}: cProfile of list_groups for the same "
                                f"{len(samples)} queries (run on the UI thread, one by one)")]
