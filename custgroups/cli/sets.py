"""Commands on several groups at once: compare them, and combine them into a new group."""

from __future__ import annotations

import argparse
from typing import Any

from custgroups.cli.arguments import EXIT_OK
from custgroups.core.identity import login_name
from custgroups.core.memberships import Combination


def add_commands(commands: Any) -> None:
    """Add compare and combine to the subcommands."""
    compare = commands.add_parser(
        "compare", help="count the customers two or more groups share and do not share",
        description="Print how many customers are in each region of the groups' overlap: for "
                    "two groups, only in the first, in both, only in the second; for more, "
                    "in all, in any, in exactly one, and only in each.")
    compare.add_argument("group_codes", metavar="GROUP_CODE", nargs="+",
                         help="codes of two or more groups")
    compare.set_defaults(run=_run_compare)

    combine = commands.add_parser(
        "combine", help="create a group from a union, intersection or difference of groups",
        description="Create a new group holding the customers in any of the groups "
                    "(--union), in all of them (--intersect), or in the first and none of "
                    "the others (--minus). Inactive customers are left out and counted. The "
                    "new group's history gives the formula and the day.")
    how = combine.add_mutually_exclusive_group(required=True)
    how.add_argument("--union", dest="how", action="store_const", const=Combination.UNION)
    how.add_argument("--intersect", dest="how", action="store_const",
                     const=Combination.INTERSECTION)
    how.add_argument("--minus", dest="how", action="store_const", const=Combination.DIFFERENCE,
                     help="the first group minus the others")
    combine.add_argument("group_codes", metavar="GROUP_CODE", nargs="+",
                         help="codes of two or more groups")
    combine.add_argument("--name", required=True, help="name of the new group")
    combine.add_argument("--description", default="", help="description of the new group")
    combine.add_argument("--dry-run", action="store_true",
                         help="say how many customers the new group would hold, and stop")
    combine.set_defaults(run=_run_combine)


def _customers(n: int, kind: str = "") -> str:
    return f"{n:,} {kind}customer{'' if n == 1 else 's'}"


def _group_ids(codes: list[str]) -> list[int]:
    from custgroups.core.groups import get_group_by_code

    return [get_group_by_code(code).id for code in codes]


def _run_compare(args: argparse.Namespace) -> int:
    from custgroups.core.compare import compare_groups

    found = compare_groups(_group_ids(args.group_codes))
    width = max(len(g.code) for g in found.groups)
    for group, only in zip(found.groups, found.only, strict=True):
        print(f"only in {group.code:<{width}}  {only:>10,}   {group.name}")
    label = "in both" if len(found.groups) == 2 else "in all"
    print(f"{label:<{width + 8}}  {found.in_all:>10,}")
    if len(found.groups) > 2:
        print(f"{'in exactly one':<{width + 8}}  {found.in_exactly_one:>10,}")
    print(f"{'in any':<{width + 8}}  {found.in_any:>10,}")
    return EXIT_OK


def _run_combine(args: argparse.Namespace) -> int:
    from custgroups.core.compare import combine, create_combined
    from custgroups.core.ways import How

    combined = combine(_group_ids(args.group_codes), args.how)
    held = _customers(len(combined.customers))
    inactive = len(combined.inactive)
    left = (f"; {_customers(inactive, 'inactive ')} {'is' if inactive == 1 else 'are'} left out"
            if inactive else "")
    if args.dry_run:
        print(f"{combined.formula}: the new group would hold {held}{left}. "
              "Nothing was changed (dry run).")
        return EXIT_OK
    group = create_combined(combined, args.name, args.description, args.user or login_name(),
                            how=How.COMMAND_LINE)
    print(f"Created {group.code} '{group.name}' = {combined.formula}, with {held}{left}.")
    return EXIT_OK
