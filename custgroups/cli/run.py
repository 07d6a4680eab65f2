"""Running one command: open the database, run it, and turn every failure into one line."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence

from custgroups.cli.arguments import (
    EXIT_BUG,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
)
from custgroups.cli.parser import build_parser
from custgroups.core import db
from custgroups.core.errors import CustgroupsError
from custgroups.core.logs import setup_logging

log = logging.getLogger("custgroups.cli")

#: Starts the window on a database address as a user (both may be None), closing it after
#: the given seconds if any; its exit code.
OpenWindow = Callable[[str | None, str | None, float | None], int]


def main(argv: Sequence[str] | None = None, open_window: OpenWindow | None = None) -> int:
    """Run one command and return its exit code; errors become one line on stderr.

    Without a command, ``open_window`` (the launcher passes the window's) starts the window
    on ``--database`` as ``--user``; without one, the usage is shown.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    setup_logging()
    if not hasattr(args, "run"):
        if open_window is None:
            parser.print_usage(sys.stderr)
            return EXIT_USAGE
        return open_window(args.database, args.user, args.quit_after)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        if getattr(args, "opens_database", True):  # else the command opens its own
            db.open_database(args.database, create=getattr(args, "creates_database", False))
        return run(args)
    except CustgroupsError as exc:
        print(f"custgroups: {exc.message}", file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:  # the reader stopped early (| head): not a failure
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print("custgroups: interrupted; nothing was half-saved.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # the last line of defence: never a traceback on screen
        log.exception("unexpected error in %s", args.command or "the application")
        from custgroups.core.logs import log_file_path

        print(f"custgroups: something unexpected went wrong ({type(exc).__name__}); "
              f"details are in {log_file_path()}.", file=sys.stderr)
        return EXIT_BUG
    finally:
        db.close_database()
