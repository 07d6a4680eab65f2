"""What every command shares: exit codes, and an argument parser that complains in one line."""

from __future__ import annotations

import argparse
from datetime import datetime, timedelta
from typing import NoReturn

from custgroups.core import db
from custgroups.core.clock import to_utc
from custgroups.core.identity import login_name

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
#: A dry run found that applying would change something (so a script can tell).
EXIT_WOULD_CHANGE = 3
EXIT_BUG = 70
EXIT_INTERRUPTED = 130


class Parser(argparse.ArgumentParser):
    """An argument parser whose complaints are one line and a hint, not a usage dump."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message}. Try '{self.prog} --help'.\n")


def count(text: str) -> int:
    """A whole number of zero or more ("1,000" and "1_000" read as 1000)."""
    try:
        value = int(text.replace(",", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value} is below zero")
    return value


def share(text: str) -> float:
    """A number from 0 to 1000."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
    if not 0 <= value <= 1000:
        raise argparse.ArgumentTypeError(f"{text} is outside 0 to 1000")
    return value


#: What ``--separator`` may name, and the character it puts between csv cells.
SEPARATORS = {"comma": ",", "semicolon": ";", "tab": "\t"}


def add_separator(parser: argparse.ArgumentParser) -> None:
    """``--separator``: what separates a csv file's cells (German, French or Dutch Excel
    expects semicolons)."""
    parser.add_argument("--separator", choices=list(SEPARATORS), default="comma",
                        help="what separates the cells of a .csv file (default comma; "
                             "Excel in German, French or Dutch expects semicolon)")


def who(args: argparse.Namespace) -> str:
    """Who the history records: the server login on a server (whatever ``--user`` says),
    else ``--user``, else the login name of this computer."""
    return db.info().login or args.user or login_name()


def moment(text: str) -> datetime:
    """An ISO 8601 moment (``2026-12-01T09:30``, ``2026-12-01T08:30:00Z``) as stored (UTC);
    without an offset, the computer's local time; a date alone, the start of that day."""
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a date or time such as 2026-12-01 or 2026-12-01T09:30") from None
    return to_utc(value)


def day_end(text: str) -> datetime:
    """Like :func:`moment`, but a date alone is the end of that day: "as of 2026-12-01"."""
    value = moment(text)
    if len(text.strip()) == 10:
        value += timedelta(days=1) - timedelta(microseconds=1)
    return value
