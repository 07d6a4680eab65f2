"""The command line: scripted work on the same data floor as the windows, with plain errors."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from typing import NoReturn

from custgroups import __version__, db
from custgroups.errors import CustgroupsError
from custgroups.logs import setup_logging

log = logging.getLogger("custgroups.cli")

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_BUG = 70
EXIT_INTERRUPTED = 130


def login_name() -> str:
    """Who is at the keyboard: ``CUSTGROUPS_USER`` if set, else the operating-system login."""
    name = os.environ.get("CUSTGROUPS_USER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in this environment
        return "unknown"


class _Parser(argparse.ArgumentParser):
    """An argument parser whose complaints are one line and a hint, not a usage dump."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message}. Try '{self.prog} --help'.\n")


def _count(text: str) -> int:
    try:
        value = int(text.replace(",", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value} is below zero")
    return value


def _share(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
    if not 0 <= value <= 1000:
        raise argparse.ArgumentTypeError(f"{text} is outside 0 to 1000")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The parser for every subcommand."""
    parser = _Parser(
        prog="custgroups",
        description="Organise existing customers into groups. Without a command, says which "
                    "database is used and what it holds.",
    )
    parser.add_argument("--version", action="version", version=f"custgroups {__version__}")
    parser.add_argument(
        "--database", metavar="URL",
        help="database to use: sqlite:///path/to/file.db or postgresql://user@host:5432/name "
             f"(default: ${db.ENV_VAR}, else {db.default_database_path()})")
    parser.add_argument("--user", metavar="NAME",
                        help="name recorded in the history (default: your login name)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    demo = commands.add_parser(
        "demo", help="fill an empty database with realistic sample data",
        description="Fill an empty database with sample customers, groups and memberships. "
                    "Refuses a database that already holds customers or groups.")
    demo.add_argument("--customers", type=_count, default=1000, metavar="N",
                      help="number of customers (default 1,000)")
    demo.add_argument("--groups", type=_count, default=50, metavar="M",
                      help="number of groups (default 50)")
    demo.add_argument("--members-per-customer", type=_share, default=3.0, metavar="K",
                      help="average number of groups each customer is in (default 3)")
    demo.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    demo.set_defaults(run=_run_demo)

    info = commands.add_parser(
        "info", help="say which database is used and what it holds",
        description="Open (creating if needed) the database and print what it holds.")
    info.set_defaults(run=_run_info)
    return parser


def _run_demo(args: argparse.Namespace) -> int:
    from custgroups.demo import generate_demo

    started = time.perf_counter()
    result = generate_demo(args.customers, args.groups, args.members_per_customer,
                           seed=args.seed, who=args.user or login_name())
    print(f"Added {result.customers:,} customers, {result.groups:,} groups and "
          f"{result.memberships:,} memberships to {db.info().display_name} "
          f"in {time.perf_counter() - started:.1f} s.")
    return EXIT_OK


def _run_info(args: argparse.Namespace) -> int:
    from custgroups.customers import count_customers
    from custgroups.groups import count_groups

    current = db.info()
    print(f"Database: {current.display_name} ({current.kind})")
    print(f"Customers: {count_customers():,}")
    print(f"Groups: {count_groups():,}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return its exit code; errors become one line on stderr."""
    parser = build_parser()
    args = parser.parse_args(argv)
    setup_logging()
    run: Callable[[argparse.Namespace], int] = getattr(args, "run", _run_info)
    try:
        db.open_database(args.database)
        return run(args)
    except CustgroupsError as exc:
        print(f"custgroups: {exc.message}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("custgroups: interrupted; nothing was half-saved.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # the last line of defence: never a traceback on screen
        log.exception("unexpected error in %s", args.command or "the application")
        from custgroups.logs import log_file_path

        print(f"custgroups: something unexpected went wrong ({type(exc).__name__}); "
              f"details are in {log_file_path()}.", file=sys.stderr)
        return EXIT_BUG
    finally:
        db.close_database()
