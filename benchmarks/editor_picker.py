"""bench_editor's picker measurements: keystrokes to results painted, and "Select All N
Matching" to every match ticked, with the picker's query, handlers and paints stamped."""

from __future__ import annotations

import cProfile
import time
from collections.abc import Sequence
from typing import Any

from editor_probe import Clock, Sample, hook_paint
from harness import profile_text
from ui_harness import settle, wait_until

KEYSTROKE_ORDER = (
    ("query start", "to worker"),
    ("query end", "search_customers"),
    ("handler start", "to UI thread"),
    ("handler end", "_on_first_page"),
    ("paint start", "to paint"),
    ("paint end", "paint"),
    ("frame end", "rest of frame"),
)
SELECT_ALL_ORDER = (
    ("trigger returned", "click handler"),
    ("query start", "to worker"),
    ("query end", "selectable_customers"),
    ("tick start", "to UI thread"),
    ("labels updated", "tick + labels"),
    ("paint start", "to paint"),
    ("paint end", "paint"),
    ("frame end", "rest of frame"),
)


def instrument_picker(clock: Clock, picker: Any) -> None:
    """Wrap the picker's queries, first-page handler, ticks and paints to stamp samples."""
    from PySide6.QtWidgets import QLabel, QTableView

    import custgroups.ui.customer_picker as picker_module

    search = picker_module.search_customers
    matching = picker_module.selectable_customers

    def search_customers(term: str = "", offset: int = 0, limit: int = 100,
                         **options: Any) -> Any:
        start = time.perf_counter()
        try:
            return search(term, offset, limit, **options)
        finally:
            if offset == 0 and not clock.has("query start"):
                clock.stamp("query start", start)
                clock.stamp("query end")

    picker_module.search_customers = search_customers
    picker_module.selectable_customers = clock.query(matching)
    on_first_page = picker._on_first_page
    model_start = picker.model.start
    tick = picker.model.tick

    def first_page(number: int, term: str, page: Any) -> None:
        clock.stamp("handler start")
        on_first_page(number, term, page)
        clock.stamp("handler end")
        if clock.sample is not None:
            clock.sample.info["total"] = page.total

    def start(term: str, page: Any, *rest: Any) -> None:
        began = time.perf_counter()
        model_start(term, page, *rest)
        clock.add("model.start", time.perf_counter() - began)

    def ticked(ids: list[int], checked: bool) -> None:
        clock.stamp("tick start")
        tick(ids, checked)

    def labels_updated() -> None:  # connected after the picker's own _update_labels
        sample = clock.sample
        if sample is not None and "tick start" in sample.stamps:
            clock.stamp("labels updated")
            sample.info["ticked"] = len(picker.model.ticked)
            sample.info["label"] = picker.selected_label.text()
            if sample.end == "labels updated":
                clock.finish(sample, "labels updated")

    picker._on_first_page = first_page
    picker.model.start = start
    picker.model.tick = ticked
    picker.model.ticks_changed.connect(labels_updated)
    hook_paint(clock, picker.table, QTableView, "handler end")
    hook_paint(clock, picker.selected_label, QLabel, "labels updated")


def measure_keystrokes(clock: Clock, picker: Any, terms: Sequence[str], rounds: int
                       ) -> list[Sample]:
    samples: list[Sample] = []
    for round_no in range(rounds + 1):  # the first round is a warm-up
        for term in terms:
            picker.search_edit.setText(term)  # setText: no textEdited, so no debounce timer
            settle(20)  # the line edit repaints as the clerk types, before the timer fires
            sample = clock.run(term, picker.search)
            settle(20)
            if round_no:
                samples.append(sample)
    return samples


def wait_for_count(picker: Any) -> None:
    """The picker shows the first page before it has counted every match; its "Select All N
    Matching" button is enabled (and a click does something) only once the count is in."""
    wait_until("the picker's count of matches", picker.select_all_button.isEnabled, 60)


def measure_select_all(clock: Clock, picker: Any, terms: Sequence[str], rounds: int
                       ) -> list[Sample]:
    from custgroups.core.customers import selectable_customers

    expected = {term: len(set(selectable_customers(term).ids) - picker.model.members)
                for term in terms}
    samples: list[Sample] = []
    for round_no in range(rounds + 1):
        for term in terms:
            picker.search_edit.setText(term)
            clock.run(f"search {term!r}", picker.search)
            if clock.probe is not None:
                clock.probe.disarm()
            if picker.model.ticked:
                picker.model.tick(list(picker.model.ticked), False)
            settle(50)
            wait_for_count(picker)
            total = picker.model.total
            label = (f"select all {total:,} matching "
                     + (f"('{term}')" if term else "(no term)"))
            sample = clock.run(label, picker.select_all_button.click, end="labels updated")
            # Wait for the label's paint too (a detail); the sample stays current meanwhile.
            clock.sample = sample
            wait_until("the label painted", lambda s=sample: "frame end" in s.stamps, 30)
            clock.sample = None
            if clock.probe is not None:
                clock.probe.record(sample, sample.stamps["frame end"])
            want = expected[term]
            if sample.info.get("ticked") != want or f"{want:,}" not in sample.info["label"]:
                raise SystemExit(f"{label}: {sample.info.get('ticked')} ticked, label "
                                 f"{sample.info.get('label')!r}; expected {want:,}")
            sample.info["total"] = total
            settle(50)
            if round_no:
                samples.append(sample)
    if picker.model.ticked:
        picker.model.tick(list(picker.model.ticked), False)
    return samples


def picker_profiles(clock: Clock, picker: Any, terms: Sequence[str], select_all: bool
                    ) -> list[str]:
    from custgroups.core.customers import search_customers, selectable_customers

    ui = cProfile.Profile()
    clock.profiler = ui
    try:
        if select_all:
            for _ in range(2):
                for term in terms:
                    picker.search_edit.setText(term)
                    clock.profiler = None
                    clock.run("search", picker.search)
                    if picker.model.ticked:
                        picker.model.tick(list(picker.model.ticked), False)
                    wait_for_count(picker)
                    clock.profiler = ui
                    clock.run("select all", picker.select_all_button.click,
                              end="labels updated")
        else:
            for _ in range(3):
                for term in terms:
                    picker.search_edit.setText(term)
                    clock.run(term, picker.search)
    finally:
        clock.profiler = None
    query = cProfile.Profile()
    for term in terms:
        if select_all:
            query.runcall(selectable_customers, term)
        else:
            for _ in range(3):
                query.runcall(search_customers, term, 0, 200)
    what = "select all" if select_all else "keystroke"
    names = ", ".join(repr(t) for t in terms)
    return [profile_text(ui, f"{what}: cProfile of the UI thread (trigger, event loop, "
                             f"handlers, paint) for {names}"),
            profile_text(query, f"{what}: cProfile of the worker's query run on its own for "
                                f"{names}")]
