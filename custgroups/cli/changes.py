"""What changed in the groups' memberships since a moment, for downstream systems."""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from custgroups.cli.arguments import EXIT_OK, moment

#: The fields of each change, in this order, in both formats.
FIELDS = ("at", "group", "customer", "change", "by", "how", "source", "reason")


def add_commands(commands: Any) -> None:
    """Add changes to the subcommands."""
    changes = commands.add_parser(
        "changes", help="membership changes since a moment, for other systems",
        description="Every customer added to or removed from a group at or after --since, "
                    "oldest first (in the order they were made), as CSV or JSON lines. Times "
                    "are UTC (ending in Z); keep the last one and pass it as --since next "
                    "time. Nothing is written when nothing changed.")
    changes.add_argument("--since", metavar="WHEN", type=moment, required=True,
                         help="ISO date or time, e.g. 2026-12-01 or 2026-12-01T08:30:00Z "
                              "(without Z or an offset: this computer's local time)")
    changes.add_argument("--group", metavar="GROUP_CODE", help="only this group")
    changes.add_argument("--format", choices=("csv", "jsonl"),
                         help="csv (the default) or jsonl; --out FILE.jsonl chooses jsonl")
    changes.add_argument("--out", metavar="FILE", help="write to a file instead of the screen")
    changes.set_defaults(run=_run_changes)


def _run_changes(args: argparse.Namespace) -> int:
    from custgroups.core.events import iter_changes
    from custgroups.core.groups import get_group_by_code

    group_id = get_group_by_code(args.group).id if args.group else None
    jsonl = args.format == "jsonl" or (args.format is None and args.out is not None
                                       and args.out.lower().endswith((".jsonl", ".json")))
    changes = iter_changes(args.since, group_id)
    first = next(changes, None)
    if first is None:
        return EXIT_OK  # nothing changed: nothing written, not even a header
    with _output(args.out) as out:
        write = _jsonl_writer(out) if jsonl else _csv_writer(out)
        for change in itertools.chain([first], changes):
            write({"at": change.at.isoformat(timespec="microseconds") + "Z",
                   "group": change.group_code, "customer": change.customer_code,
                   "change": "added" if change.added else "removed", "by": change.by,
                   "how": change.how, "source": change.source, "reason": change.reason})
    return EXIT_OK


@contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        return
    # Written beside it and put in place at the end: a run that fails leaves no half file.
    target = Path(path)
    partial = target.with_name(target.name + ".part")
    try:
        with partial.open("w", encoding="utf-8", newline="") as file:
            yield file
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def _csv_writer(out: TextIO) -> Any:
    writer = csv.DictWriter(out, FIELDS, lineterminator="\n")
    writer.writeheader()
    return writer.writerow


def _jsonl_writer(out: TextIO) -> Any:
    return lambda row: out.write(json.dumps(row, ensure_ascii=False) + "\n")
