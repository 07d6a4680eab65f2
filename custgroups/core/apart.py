"""Long work in a process of its own, on the same database, so it never competes with the
window for the interpreter: however the work spends its time, the window stays quick.

The process is started fresh (the spawn method: the same on Windows, macOS and Linux, and
nothing of the window is copied into it), opens the database the window has open, and runs
one function of the data floor named by its module and name. Its progress comes back over a
pipe and goes to the caller's progress function; when that raises
:class:`~custgroups.core.errors.Cancelled`, the process is told, stops at its next progress
report and cleans up as the work would in this process. Its result, or its failure, is
returned or raised here. A process that dies without a word is a failure said as such.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import multiprocessing
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from custgroups.core import db
from custgroups.core.errors import Cancelled, DatabaseError, tr
from custgroups.core.progress import ProgressFn

log = logging.getLogger("custgroups.apart")

# How often the caller's progress function is asked (so a cancel is heard) while the
# process is quiet, in seconds.
_LISTEN_S = 0.1
# How long a cancelled process may take to clean up before it is stopped, in seconds.
_CLEAN_UP_S = 30.0


def run_apart(function: str, *args: Any, progress: ProgressFn, **kwargs: Any) -> Any:
    """``function(*args, progress=..., **kwargs)`` in a process of its own; ``function`` is
    ``"package.module:name"`` and every argument and the result must pickle."""
    context = multiprocessing.get_context("spawn")
    reader, writer = context.Pipe(duplex=False)
    stop = context.Event()
    child = context.Process(target=_child, name=f"custgroups {function}", daemon=True,
                            args=(function, args, kwargs, db.info().url, writer, stop))
    child.start()
    writer.close()  # the child holds the only writing end: its end closes the pipe
    try:
        return _listen(reader, child, stop, progress)
    except BaseException:
        stop.set()  # stopped here (Ctrl+C on the command line): the work stops too
        raise
    finally:
        reader.close()
        child.join(_CLEAN_UP_S)
        if child.is_alive():
            log.warning("%s did not stop within %g s; it was ended", function, _CLEAN_UP_S)
            child.kill()
            child.join()


def _listen(reader: Connection, child: Any, stop: Any, progress: ProgressFn) -> Any:
    done, total = 0, 0
    while True:
        try:
            progress(done, total)
        except Cancelled:
            stop.set()
            ending = _wait_for_end(reader)
            if ending is not None and ending[0] == "done":
                return ending[1]  # it finished before it heard: the file is there, say so
            raise
        if not reader.poll(_LISTEN_S):
            continue
        try:
            kind, *values = reader.recv()
        except EOFError:
            child.join()
            raise DatabaseError(tr("The export stopped unexpectedly (its process ended with "
                                   "code {code}). Nothing was saved; try again.",
                                   code=child.exitcode)) from None
        if kind == "progress":
            done, total = values
        elif kind == "done":
            return values[0]
        else:
            raise values[0]


def _wait_for_end(reader: Connection) -> tuple[str, Any] | None:
    """After a cancel: wait until the process has cleaned up and said how it ended (the
    work may have finished first); None when it ended without a word."""
    deadline = time.monotonic() + _CLEAN_UP_S
    while time.monotonic() < deadline and reader.poll(max(0.0, deadline - time.monotonic())):
        try:
            kind, *values = reader.recv()
        except EOFError:
            return None
        if kind != "progress":
            return kind, values[0]
    return None


def _child(function: str, args: tuple[Any, ...], kwargs: dict[str, Any], url: str,
           writer: Connection, stop: Any) -> None:
    """The process's whole life: open the database, run the work, say how it ended."""
    def progress(done: int, total: int) -> None:
        if stop.is_set():
            raise Cancelled()
        writer.send(("progress", done, total))

    outcome: tuple[str, Any]
    try:
        db.open_database(url)
        progress(0, 0)
        outcome = ("done", _named(function)(*args, progress=progress, **kwargs))
    except BaseException as exc:  # every ending is said, Cancelled and faults alike
        outcome = ("failed", _portable(exc))
    with contextlib.suppress(OSError):  # unless the caller is gone (stopped by Ctrl+C)
        writer.send(outcome)
    writer.close()


def _named(function: str) -> Callable[..., Any]:
    module, _colon, name = function.partition(":")
    return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]


def _portable(exc: BaseException) -> BaseException:
    """The exception itself when it survives the pipe, else one that says the same (a
    failure nobody foresaw: the clerk is told so, the log keeps what it said)."""
    import pickle

    try:
        copy = pickle.loads(pickle.dumps(exc))
    except Exception:
        copy = None
    if isinstance(copy, type(exc)):
        return copy
    return RuntimeError(f"{type(exc).__name__}: {exc}")
