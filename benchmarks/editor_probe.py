"""bench_editor's instruments: a clock that times one action at a time from its trigger to the
stamp that ends it, paint hooks, and a probe of the UI thread's lateness while actions run."""

from __future__ import annotations

import cProfile
import math
import statistics
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from harness import percentile
from ui_harness import (
    LATENESS_MS,
    STALL_MS,
    TICK_MS,
    GcWatch,
    StallWatch,
    precise_timer,
    settle,
    stall_notes,
    wait_until,
)


@dataclass
class Sample:
    """perf_counter stamps of one action, from ``t0`` (trigger) to ``end`` (done)."""

    case: str
    t0: float = math.nan
    stamps: dict[str, float] = field(default_factory=dict)
    extra: dict[str, float] = field(default_factory=dict)  # seconds spent in wrapped calls
    end: str = "frame end"
    info: dict[str, Any] = field(default_factory=dict)

    @property
    def done(self) -> bool:
        return self.end in self.stamps

    def ms(self, name: str) -> float:
        return (self.stamps[name] - self.t0) * 1000 if name in self.stamps else math.nan

    @property
    def total_ms(self) -> float:
        return self.ms(self.end)


class Clock:
    """Times one action at a time: hooks stamp the current sample, the last one ends it."""

    def __init__(self) -> None:
        self.sample: Sample | None = None
        self.profiler: cProfile.Profile | None = None
        self.probe: Probe | None = None
        self._loop: Any = None

    def stamp(self, name: str, at: float | None = None) -> None:
        sample = self.sample
        if sample is not None:
            sample.stamps.setdefault(name, time.perf_counter() if at is None else at)

    def has(self, name: str) -> bool:
        return self.sample is not None and name in self.sample.stamps

    def add(self, name: str, seconds: float) -> None:
        sample = self.sample
        if sample is not None:
            sample.extra[name] = sample.extra.get(name, 0.0) + seconds

    def query(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        """``fn`` wrapped to stamp "query start" and "query end" around each call."""
        def stamped(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.stamp("query start", start)
                self.stamp("query end")

        return stamped

    @contextmanager
    def probing(self) -> Iterator[Probe]:
        """A started lateness probe that arms itself for every action run meanwhile."""
        probe = self.probe = Probe().start()
        try:
            yield probe
        finally:
            self.probe = None
            probe.stop()

    def finish(self, sample: Sample, name: str) -> None:
        """Stamp ``name`` on ``sample`` (if it is still the current one) and stop waiting."""
        if sample is self.sample:
            sample.stamps.setdefault(name, time.perf_counter())
            if sample.done and self._loop is not None:
                self._loop.quit()

    def run(self, case: str, trigger: Callable[[], None], end: str = "frame end",
            timeout_s: float = 120) -> Sample:
        """Run ``trigger`` and wait until a hook stamps ``end``."""
        from PySide6.QtCore import QEventLoop, QTimer

        sample = Sample(case, end=end)
        loop = QEventLoop()
        guard = QTimer(singleShot=True)
        guard.timeout.connect(loop.quit)
        self.sample, self._loop = sample, loop
        guard.start(int(timeout_s * 1000))
        if self.probe is not None:
            self.probe.arm(case)
        if self.profiler is not None:
            self.profiler.enable()
        sample.t0 = time.perf_counter()
        trigger()
        sample.stamps.setdefault("trigger returned", time.perf_counter())
        if not sample.done:
            loop.exec()
        if self.profiler is not None:
            self.profiler.disable()
        guard.stop()
        self.sample, self._loop = None, None
        if not sample.done:
            raise SystemExit(f"{case}: not done within {timeout_s:g} s "
                             f"(stamps: {sorted(sample.stamps)})")
        return sample


def hook_paint(clock: Clock, widget: Any, cls: Any, ready: str, case: str = "") -> None:
    """Stamp the first paint of ``widget`` once the current sample (one whose case starts
    with ``case``) has ``ready``, and the end of that event-loop turn (the frame flushed) as
    "frame end"."""
    from PySide6.QtCore import QTimer

    original = cls.paintEvent

    def paint(event: Any) -> None:
        sample = clock.sample
        armed = (sample is not None and sample.case.startswith(case)
                 and ready in sample.stamps and "paint start" not in sample.stamps)
        start = time.perf_counter()
        original(widget, event)
        end = time.perf_counter()
        if armed:
            assert sample is not None
            sample.stamps["paint start"], sample.stamps["paint end"] = start, end
            QTimer.singleShot(0, lambda: clock.finish(sample, "frame end"))

    widget.paintEvent = paint


# --- the UI thread's lateness -------------------------------------------------------------


class Probe:
    """A 10 ms precise timer on the UI thread; lateness = measured interval - 10 ms.

    Armed only while an action is timed, so the stall watch records stacks of the timed
    windows alone.
    """

    def __init__(self) -> None:
        self.ticks: list[float] = []
        self.windows: list[tuple[float, float, Sample]] = []
        self.baseline = (math.inf, math.inf)
        self.watch = StallWatch(threading.get_ident(), (STALL_MS + TICK_MS) / 1000)
        self.watch.last_tick = math.inf
        self.stacks: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self._armed = False
        self.timer = precise_timer(TICK_MS, self._on_tick)
        self.gc = GcWatch()

    def _on_tick(self) -> None:
        self.ticks.append(time.perf_counter())
        if self._armed:
            self.watch.tick()

    def start(self) -> Probe:
        self.timer.start()
        self.watch.start()
        self.gc.__enter__()
        started = time.perf_counter()
        settle(500)
        self.baseline = (started, time.perf_counter())
        return self

    def stop(self) -> None:
        self.timer.stop()
        self.watch.stop()
        self.gc.__exit__()

    def arm(self, kind: str) -> None:
        """Time from now; stacks of stalls are kept apart by ``kind``."""
        self.watch.stacks = self.stacks[kind]
        self._armed = True
        self.watch.tick()

    def disarm(self) -> None:
        self._armed = False
        self.watch.last_tick = math.inf

    def idle(self) -> list[float]:
        """Lateness in the half second of idling after the start: the baseline."""
        ticks = [t for t in self.ticks if self.baseline[0] <= t <= self.baseline[1]]
        return [(b - a) * 1000 - TICK_MS for a, b in zip(ticks, ticks[1:])]

    def record(self, sample: Sample, end: float) -> list[float]:
        """Lateness of every interval that overlaps [t0, end] of the sample.

        Waits for the first tick after ``end`` (the interval it closes overlaps the
        action), so whatever the caller does next cannot stretch that interval.
        """
        self.disarm()
        wait_until("a tick after the action", lambda: bool(self.ticks) and self.ticks[-1] > end,
                   10)
        after = next(t for t in self.ticks if t > end)
        self.windows.append((sample.t0, after, sample))
        return self.intervals(sample.t0, after)

    def pairs(self, start: float, end: float) -> list[tuple[float, float]]:
        """Successive ticks from the last one at or before ``start`` to ``end``."""
        ticks = [t for t in self.ticks if t <= start][-1:] + \
            [t for t in self.ticks if start < t <= end]
        return list(zip(ticks, ticks[1:]))

    def intervals(self, start: float, end: float) -> list[float]:
        return [(b - a) * 1000 - TICK_MS for a, b in self.pairs(start, end)]

    def notes(self, name: str, order: Sequence[tuple[str, str]], kind: str = ""
              ) -> list[str]:
        """The worst late ticks of the windows whose case starts with ``kind``, with the stage
        each fell in, GC pauses and stall stacks."""
        windows = [w for w in self.windows if w[2].case.startswith(kind)]
        late: list[tuple[float, float, float, Sample]] = []  # lateness, tick, since t0, sample
        for start, end, sample in windows:
            for a, b in self.pairs(start, end):
                late.append(((b - a) * 1000 - TICK_MS, b, (b - sample.t0) * 1000, sample))
        if not late:
            return []
        idle = self.idle()
        values = [v for v, *_ in late]
        out = [f"{name}: {len(values):,} ticks in {len(windows)} timed windows; "
               f"{sum(v > STALL_MS for v in values)} > {STALL_MS:g} ms late, "
               f"{sum(v > LATENESS_MS for v in values)} > {LATENESS_MS:g} ms; idle baseline "
               f"before: p50 {percentile(idle, 50):.2f} / worst {max(idle, default=math.nan):.2f}"
               " ms late"]
        for value, tick, since, sample in sorted(late, key=lambda x: -x[0])[:6]:
            if value <= STALL_MS:
                break
            began = tick - (value + TICK_MS) / 1000
            first, last = stage_at(sample, began, order), stage_at(sample, tick, order)
            where = first if first == last else f"from {first} to {last}"
            gcs = self.gc.overlapping(began, tick)
            out.append(f"    {value:6.1f} ms late, tick at {since:7.1f} ms after t0 of "
                       f"'{sample.case}' (stage: {where})"
                       + (f"; overlaps {', '.join(gcs)}" if gcs else ""))
        timed = self.gc.summary(lambda at: any(s <= at <= e for s, e, _ in windows))
        if timed:
            out.append(f"{name}: garbage collections ≥ 5 ms in the timed windows: {timed}")
        stacks: dict[str, int] = defaultdict(int)
        for seen_in, kept in self.stacks.items():
            if seen_in.startswith(kind):
                for stack, count in kept.items():
                    stacks[stack] += count
        return out + stall_notes(name, stacks)


def stage_at(sample: Sample, at: float, order: Sequence[tuple[str, str]]) -> str:
    """The label of the stage of ``sample`` in which ``at`` falls."""
    if at < sample.t0:
        return "before t0"
    previous = sample.t0
    for stamp, label in order:
        when = sample.stamps.get(stamp)
        if when is None:
            continue
        if previous <= at <= when:
            return label
        previous = max(previous, when)
    return "after the end"


def stage_notes(name: str, samples: Sequence[Sample], order: Sequence[tuple[str, str]]
                ) -> list[str]:
    """Median and worst of each stage (differences of successive stamps), and the slowest
    sample's breakdown."""
    def stages(sample: Sample) -> dict[str, float]:
        out: dict[str, float] = {}
        previous = sample.t0
        for stamp, label in order:
            when = sample.stamps.get(stamp)
            if when is None:
                continue
            out[label] = (when - previous) * 1000
            previous = when
        for key, seconds in sample.extra.items():
            out[f"[{key}]"] = seconds * 1000
        return out

    table = [stages(s) for s in samples]
    labels = list(dict.fromkeys(k for st in table for k in st))
    cells = "  ".join(f"{k} {statistics.median(st.get(k, 0.0) for st in table):.1f}/"
                      f"{max(st.get(k, 0.0) for st in table):.1f}" for k in labels)
    worst = max(samples, key=lambda s: s.total_ms)
    worst_cells = "  ".join(f"{k} {v:.1f}" for k, v in stages(worst).items())
    return [f"{name}: stages, median/worst ms ([x]: time inside x, part of a stage): {cells}",
            f"{name}: slowest sample '{worst.case}' {worst.total_ms:.1f} ms: {worst_cells}"]
