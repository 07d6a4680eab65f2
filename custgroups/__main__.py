"""The launcher: ``custgroups`` and ``python -m custgroups``. A command runs on the command line;
without one, the Customer Groups window opens."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

NO_DESKTOP = ("custgroups needs a desktop session to open its window; for scripts, use the "
              "commands (custgroups --help).")


def has_desktop() -> bool:
    """False on Linux and the BSDs without X11 or Wayland (and no Qt platform chosen), where
    Qt would abort; Windows and macOS always have a desktop."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY",
                                                 "QT_QPA_PLATFORM"))


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command, or open the window; returns the exit code. ``custgroups-app`` (the
    windowed launcher) is this too, so it takes the same ``--database`` and ``--user``."""
    if getattr(sys, "frozen", False):
        # In the bundle, a process started for long work (core.apart) is this program
        # again: here it becomes that work instead of a second window.
        import multiprocessing

        multiprocessing.freeze_support()
    from custgroups import cli

    def open_window(database: str | None, user: str | None, quit_after: float | None) -> int:
        if not has_desktop():
            print(f"custgroups: {NO_DESKTOP}", file=sys.stderr)
            return cli.EXIT_FAILED
        from custgroups.app import run  # Qt is loaded only when the window is wanted

        return run(database, user, quit_after)

    return cli.main(argv, open_window)


if __name__ == "__main__":
    raise SystemExit(main())
