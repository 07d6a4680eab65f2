"""bench_editor's paste-box and Save measurements: a pasted list resolved and its customers
added, and a Save of many pending additions (undone after each round), with the worker
functions and handlers they go through stamped."""

from __future__ import annotations

import cProfile
import random
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editor_probe import Clock, Probe, hook_paint
from harness import profile_text, read_only
from ui_harness import settle, wait_until

WHO = "bench"

PASTE_ORDER = (
    ("trigger returned", "resolve() on the UI thread"),
    ("parse start", "to worker"),
    ("parse end", "read_paste"),
    ("resolve end", "resolve_codes"),
    ("handler start", "to UI thread"),
    ("show start", "_adjusted + members()"),
    ("show end", "_show"),
    ("paint start", "to paint"),
    ("paint end", "paint"),
    ("frame end", "rest of frame"),
)
ADD_ORDER = (  # the click handler overlaps the worker: see its [click handler] time
    ("query start", "to worker"),
    ("query end", "customers_by_ids"),
    ("add start", "to UI thread"),
    ("add end", "members.add (_refilter)"),
    ("paint start", "to paint (+ _added, paste.refresh)"),
    ("paint end", "paint"),
    ("frame end", "rest of frame"),
    ("settled", "paste box re-sorting what is left"),
)
SAVE_ORDER = (
    ("trigger returned", "accept() on the UI thread"),
    ("save start", "to worker"),
    ("save end", "save_group"),
    ("handler start", "to UI thread"),
    ("accepted", "_on_saved (done, lane shutdown, hide)"),
)


@dataclass(frozen=True)
class Paste:
    text: str
    codes: int
    members: int
    new: int
    new_active: int
    duplicates: int
    unknown: int


def paste_text(db_path: Path, members: set[int], count: int, rng: random.Random) -> Paste:
    """``count`` codes: 60 % new customers, 15 % members of the group, 15 % repeats of those
    (half in lower case), 10 % unknown; shuffled, one per line."""
    conn = read_only(db_path)
    try:
        customers = conn.execute("SELECT id, code, active FROM customer").fetchall()
    finally:
        conn.close()
    inside = [(code, bool(active)) for cid, code, active in customers if cid in members]
    outside = [(code, bool(active)) for cid, code, active in customers if cid not in members]
    n_members, n_dupes, n_unknown = count * 15 // 100, count * 15 // 100, count // 10
    n_new = count - n_members - n_dupes - n_unknown
    chosen_members = rng.sample(inside, n_members)
    chosen_new = rng.sample(outside, n_new)
    firsts = [code for code, _ in chosen_members + chosen_new]
    dupes = [code.lower() if i % 2 else code for i, code in
             enumerate(rng.choices(firsts, k=n_dupes))]
    unknown = [f"X{n:07d}" for n in rng.sample(range(10_000_000), n_unknown)]
    # Whichever of two spellings comes first counts as the first: the counts are the same.
    tokens = firsts + dupes + unknown
    rng.shuffle(tokens)
    return Paste("\n".join(tokens), count, n_members, n_new,
                 sum(active for _, active in chosen_new), n_dupes, n_unknown)


def check_resolution(resolution: Any, paste: Paste) -> None:
    got = (len(resolution.already_members), len(resolution.recognised),
           len(resolution.inactive), len(resolution.duplicates), len(resolution.unknown))
    want = (paste.members, paste.new_active, paste.new - paste.new_active, paste.duplicates,
            paste.unknown)
    if got != want:
        raise SystemExit(f"paste resolved to (members, recognised, inactive, duplicates, "
                         f"unknown) = {got}, expected {want}")


def instrument_editor(clock: Clock, dialog: Any) -> None:
    """Wrap the paste box's worker functions and handlers, and the editor's add, to stamp."""
    from PySide6.QtWidgets import QLabel, QTableView

    import custgroups.ui.members_panel as form_module
    import custgroups.ui.paste_box as paste_module

    if not getattr(paste_module, "_bench_wrapped", False):
        parse, resolve, by_ids = (paste_module.read_paste, paste_module.resolve_codes,
                                  form_module.customers_by_ids)

        def read_paste(text: str, known: Any = None) -> Any:
            clock.stamp("parse start")
            try:
                return parse(text, known) if known is not None else parse(text)
            finally:
                clock.stamp("parse end")

        def resolve_codes(codes: Any, group_id: Any = None, progress: Any = None) -> Any:
            try:
                return resolve(codes, group_id, progress)
            finally:
                clock.stamp("resolve end")
                if clock.sample is not None:
                    info = clock.sample.info
                    info["resolves"] = info.get("resolves", 0) + 1

        paste_module.read_paste = read_paste
        paste_module.resolve_codes = resolve_codes
        form_module.customers_by_ids = clock.query(by_ids)
        paste_module._bench_wrapped = True  # type: ignore[attr-defined]

    paste = dialog.paste
    on_resolved, show, add = paste._on_resolved, paste._show, dialog.members.arrive

    def resolved(number: int, *answer: Any) -> None:
        clock.stamp("handler start")
        on_resolved(number, *answer)

    def shown(resolution: Any, *rest: Any) -> None:
        if resolution is not None:
            clock.stamp("show start")
        show(resolution, *rest)
        if resolution is not None:
            clock.stamp("show end")

    def added(rows: Any) -> None:
        clock.stamp("add start")
        try:
            add(rows)
        finally:
            clock.stamp("add end")

    paste._on_resolved = resolved
    paste._show = shown
    dialog.members.arrive = added
    hook_paint(clock, paste.summary, QLabel, "show end", "resolve")
    hook_paint(clock, dialog.panel.table, QTableView, "add end", "add")


def open_editor(group: Any) -> Any:
    from custgroups.ui.group_form import GroupDialog

    dialog = GroupDialog(WHO, group)
    dialog.show()
    wait_until("the editor's members", lambda: not dialog.panel.loading
               and dialog.members.rowCount() == group.member_count, 120)
    settle(100)
    return dialog


def measure_paste(clock: Clock, probe: Probe, dialog: Any, paste: Paste, rounds: int
                  ) -> dict[str, list[Any]]:
    saved_rows = dialog.members.saved_members()
    box = dialog.paste
    out: dict[str, list[Any]] = defaultdict(list)
    for round_no in range(rounds + 1):
        box.edit.clear()
        settle(400)  # the debounce sorts the empty box
        start = time.perf_counter()
        box.edit.setPlainText(paste.text)
        set_text_ms = (time.perf_counter() - start) * 1000
        box._timer.stop()  # resolve() is called by hand below, as the debounce would
        settle(100)
        sample = clock.run("resolve", box.resolve)
        lateness = probe.record(sample, sample.stamps["frame end"])
        check_resolution(box.resolution, paste)
        settle(50)
        recognised = len(box.resolution.recognised)
        add = clock.run(f"add {recognised:,}", box.add_button.click)
        clock.sample = add
        wait_until("the paste box to settle", lambda: not dialog.members.arriving
                   and not box._lane.busy and not box._timer.isActive()
                   and box.resolution is not None and not box.resolution.recognised, 60)
        add.stamps["settled"] = time.perf_counter()
        add.extra["click handler"] = add.stamps["trigger returned"] - add.t0
        clock.sample = None
        add_lateness = probe.record(add, add.stamps["settled"])
        if dialog.members.count_after_save() != len(saved_rows) + recognised:
            raise SystemExit(f"Add Recognised: {dialog.members.count_after_save()} members, "
                             f"expected {len(saved_rows) + recognised}")
        dialog.members.load(saved_rows)
        settle(50)
        if round_no:
            out["resolve"].append(sample)
            out["lateness"] += lateness
            out["set text"].append(set_text_ms)
            out["add"].append(add)
            out["add lateness"] += add_lateness
    box.edit.clear()
    settle(400)
    return out


def measure_save(clock: Clock, probe: Probe | None, group_id: int, add_ids: list[int],
                 add_rows: list[Any], rounds: int) -> dict[str, list[Any]]:
    import custgroups.ui.group_form as form_module
    from custgroups.core.groups import change_members, get_group

    original = form_module.save_group

    def save_group(change: Any, who: str, progress: Any = None) -> Any:
        clock.stamp("save start")
        try:
            return original(change, who, progress)
        finally:
            clock.stamp("save end")

    form_module.save_group = save_group
    out: dict[str, list[Any]] = defaultdict(list)
    try:
        for round_no in range(rounds + 1):
            group = get_group(group_id)
            base = group.member_count
            dialog = open_editor(group)
            start = time.perf_counter()
            dialog.panel.add_ids(set(add_ids))
            wait_until("the additions' rows", lambda: not dialog.members.arriving, 60)
            add_ms = (time.perf_counter() - start) * 1000
            settle(200)
            if len(dialog.members.added_ids) != len(add_ids):
                raise SystemExit(f"{len(dialog.members.added_ids)} pending additions, "
                                 f"expected {len(add_ids)}")
            on_saved = dialog._on_saved

            def saved(group: Any, on_saved: Callable[[Any], None] = on_saved) -> None:
                clock.stamp("handler start")
                on_saved(group)

            dialog._on_saved = saved
            dialog.accepted.connect(lambda: clock.sample is not None and clock.finish(
                clock.sample, "accepted"))
            sample = clock.run("save", dialog.accept, end="accepted")
            lateness = probe.record(sample, sample.stamps["accepted"]) if probe else []
            if dialog.saved is None or dialog.saved.member_count != base + len(add_ids):
                raise SystemExit(f"save: {dialog.saved} (expected {base + len(add_ids):,} "
                                 "members)")
            dialog.deleteLater()
            settle(100)
            undone = change_members(group_id, WHO, remove_ids=add_ids)
            after = get_group(group_id).member_count
            if undone != (0, len(add_ids)) or after != base:
                raise SystemExit(f"undo of the save: {undone}, {after:,} members, "
                                 f"expected {base:,}")
            if round_no:
                out["save"].append(sample)
                out["lateness"] += lateness
                out["add ms"].append(add_ms)
    finally:
        form_module.save_group = original
    return out


def heavy_profiles(clock: Clock, what: str, ui_action: Callable[[], None],
                   worker_action: Callable[[], None]) -> list[str]:
    ui = cProfile.Profile()
    clock.profiler = ui
    try:
        ui_action()
    finally:
        clock.profiler = None
    work = cProfile.Profile()
    work.enable()
    try:
        worker_action()
    finally:
        work.disable()
    return [profile_text(ui, f"{what}: cProfile of the UI thread during one more run"),
            profile_text(work, f"{what}: cProfile of the worker's function run on its own")]
