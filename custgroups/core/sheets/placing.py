"""Putting finished export files under their names: durably, and a pair of files together.

A file is written under a hidden temporary name beside its target, flushed to the disk, and
then renamed over the target in one step, so the target name always holds either the old
file or the complete new one, even if the computer stops in between.

A csv export with members is two files, and two renames cannot be one step. Before the first
rename, a note beside them (``.groups.csv.pending``) lists every rename still to do; it is
removed once all are done. If custgroups is stopped between two renames, the note is found by
the next export into that folder, which first finishes them, so the pair ends up all new; if
it is stopped before the note was written, the pair is all old. A rename that fails (a file
held open by another program) puts back the files already replaced, from hard links made to
the old files before the first rename.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import secrets
import shutil
import time
from pathlib import Path
from typing import IO

log = logging.getLogger("custgroups.sheets")

PENDING_SUFFIX = ".pending"


def temporary_beside(path: Path, suffix: str) -> Path:
    """An unused hidden name in the target's folder, so the final rename stays on one disk."""
    return path.with_name(f".{path.stem}-{secrets.token_hex(6)}{suffix}.part")


def flush_to_disk(handle: IO[bytes] | IO[str]) -> None:
    """Make what was written to ``handle`` survive a power cut before it is renamed."""
    handle.flush()
    os.fsync(handle.fileno())


def place(moves: list[tuple[Path, Path]]) -> None:
    """Rename each finished, flushed file (temporary, target) to its target: all, or none."""
    for _temp, target in moves:
        if target.is_dir():
            raise IsADirectoryError(21, "a folder has that name", str(target))
    if len(moves) == 1:
        temp, target = moves[0]
        os.replace(temp, target)
        _sync_folder(target.parent)
        return
    backups: list[tuple[Path, Path]] = []
    kept: set[Path] = set()  # backups of old files that could not be put back: never deleted
    note = _note_path(moves[0][1])
    try:
        backups.extend((_keep_old(target), target) for _temp, target in moves
                       if target.exists())
        _write_note(note, moves, [backup for backup, _target in backups])
        done: list[Path] = []
        try:
            for temp, target in moves:
                os.replace(temp, target)
                done.append(target)
        except OSError:
            kept = _put_back(done, backups)
            raise
        _sync_folder(note.parent)
    finally:
        for backup, _target in backups:
            if backup not in kept:
                with contextlib.suppress(OSError):
                    backup.unlink()
        with contextlib.suppress(OSError):
            note.unlink()


def finish_pending(folder: Path, settled: float = 30.0) -> None:
    """Finish the renames an export stopped part-way left in ``folder``, if any.

    A note younger than ``settled`` seconds may belong to an export still running (another
    clerk's, into a shared folder) and is left to it.
    """
    for note in folder.glob(f".*{PENDING_SUFFIX}"):
        try:
            if time.time() - note.stat().st_mtime < settled:
                continue
            noted = json.loads(note.read_text(encoding="utf-8"))
            for temp, target in noted["moves"]:
                if (folder / temp).exists():
                    os.replace(folder / temp, folder / target)
            _sync_folder(folder)
            for backup in noted["backups"]:
                (folder / backup).unlink(missing_ok=True)
            note.unlink()
        except (OSError, ValueError, TypeError, KeyError):
            log.warning("could not finish the export noted in %s", note, exc_info=True)
        else:
            log.info("finished the export noted in %s", note)
    _sweep_parts(folder)


#: A hidden file of an export older than this was left by one that was stopped.
STALE_PART_SECONDS = 3600.0
#: The hidden names :func:`temporary_beside` gives: ``.{stem}-{12 hex digits}{suffix}.part``.
_PART = re.compile(r"\.(?P<stem>.+)-[0-9a-f]{12}(?P<suffix>\.(?:xlsx|csv|old|note|sheet))\.part")


def _sweep_parts(folder: Path) -> None:
    """Remove hidden files that stopped exports left behind (an hour old or more)."""
    now = time.time()
    for part in folder.glob(".*.part"):
        with contextlib.suppress(OSError):
            if _PART.fullmatch(part.name) and now - part.stat().st_mtime > STALE_PART_SECONDS:
                part.unlink()
                log.info("removed %s, left by an export that was stopped", part)


def target_name(filename: str | os.PathLike[str]) -> str:
    """The name a clerk knows for a file of an export: a hidden temporary one's target."""
    name = Path(filename).name
    match = _PART.fullmatch(name)
    if match is None or match["suffix"] not in (".xlsx", ".csv"):
        return name
    return match["stem"] + match["suffix"]


def _note_path(first_target: Path) -> Path:
    return first_target.with_name(f".{first_target.name}{PENDING_SUFFIX}")


def _write_note(note: Path, moves: list[tuple[Path, Path]], backups: list[Path]) -> None:
    """Write the renames to do and the old files' second names durably, by one rename."""
    temp = temporary_beside(note, ".note")
    try:
        with open(temp, "x", encoding="utf-8") as handle:
            json.dump({"moves": [[t.name, target.name] for t, target in moves],
                       "backups": [backup.name for backup in backups]}, handle)
            flush_to_disk(handle)
        os.replace(temp, note)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _sync_folder(note.parent)


def _keep_old(target: Path) -> Path:
    """A second name for the file at ``target`` (which stays in place), to put it back by."""
    backup = temporary_beside(target, ".old")
    try:
        os.link(target, backup)
    except OSError:  # a disk without hard links: a copy does the same job
        shutil.copy2(target, backup)
    return backup


def _put_back(done: list[Path], backups: list[tuple[Path, Path]]) -> set[Path]:
    """Undo the renames ``done``; the backups that could not be put back, kept for the clerk."""
    old = {target: backup for backup, target in backups}
    kept: set[Path] = set()
    for target in done:
        try:
            if target in old:
                os.replace(old[target], target)
            else:
                target.unlink()
        except OSError:
            if target in old:
                kept.add(old[target])
                log.error("could not put the earlier %s back; it is kept as %s", target,
                          old[target], exc_info=True)
    return kept


def _sync_folder(folder: Path) -> None:
    """Make renames in ``folder`` survive a power cut (POSIX; Windows has no such call)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
