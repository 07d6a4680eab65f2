"""The launcher: ``custgroups`` and ``python -m custgroups``. A command runs on the command line;
without one, the Customer Groups window opens."""

from __future__ import annotations

from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command, or open the window; returns the exit code."""
    from custgroups import cli

    def open_window(database: str | None, user: str | None) -> int:
        from custgroups.app import run  # Qt is loaded only when the window is wanted

        return run(database, user)

    return cli.main(argv, open_window)


if __name__ == "__main__":
    raise SystemExit(main())
