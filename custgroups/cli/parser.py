"""The command line's arguments: the options every command takes, then each family's commands."""

from __future__ import annotations

import argparse

from custgroups import __version__
from custgroups.cli import changes, data, groups, members, server, sets
from custgroups.cli.arguments import Parser
from custgroups.core import db
from custgroups.core.db.files import MARKER_SUFFIX


def build_parser() -> argparse.ArgumentParser:
    """The parser for every subcommand."""
    parser = Parser(
        prog="custgroups",
        description="Organise existing customers into groups. Without a command, opens the "
                    "Customer Groups window.",
        epilog="The default database file is made at the first start, with a note beside it "
               f"({db.default_database_path().name}{MARKER_SUFFIX}). Should the file later go "
               "missing, custgroups says so instead of starting over empty: put the file "
               "back, or delete the note to start afresh. Any other database file must "
               "exist already; only the demo command makes a new one.",
    )
    parser.add_argument("--version", action="version", version=f"custgroups {__version__}")
    parser.add_argument(
        "--database", metavar="URL",
        help="database to use: sqlite:///path/to/file.db or postgresql://user@host:5432/name "
             f"(default: ${db.ENV_VAR}, else {db.default_database_path()})")
    parser.add_argument("--user", metavar="NAME",
                        help="name recorded in the history (default: your login name)")
    # For smoke tests of an installed build: the window closes itself after this many seconds.
    parser.add_argument("--quit-after", metavar="SECONDS", type=float, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    data.add_commands(commands)
    groups.add_commands(commands)
    members.add_commands(commands)
    sets.add_commands(commands)
    server.add_commands(commands)
    changes.add_commands(commands)
    return parser
