"""Commands on one group for scripts: create it, set its status, copy it, list its members."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from custgroups.cli.arguments import EXIT_OK, SEPARATORS, add_separator, day_end, who


def add_commands(commands: Any) -> None:
    """Add create-group, set-status, copy-group and members to the subcommands."""
    create = commands.add_parser(
        "create-group", help="create a group",
        description="Create a customer group. Without --code it gets the next CG- number.")
    create.add_argument("--name", required=True, help="the group's name (unique)")
    create.add_argument("--code", default="", help="the group's code (default: the next number)")
    create.add_argument("--description", default="", help="what the group is for")
    create.add_argument("--inactive", action="store_true", help="create it inactive")
    create.set_defaults(run=_run_create)

    status = commands.add_parser(
        "set-status", help="activate or deactivate a group",
        description="Activate or deactivate a group; its members stay either way.")
    status.add_argument("group_code", metavar="GROUP_CODE", help="code of the group")
    status.add_argument("status", choices=("active", "inactive"))
    status.set_defaults(run=_run_set_status)

    copy = commands.add_parser(
        "copy-group", help="create a group like another, with or without its members",
        description="Create a group with another's description and status under a new name, "
                    "with its active members unless --without-members is given.")
    copy.add_argument("group_code", metavar="GROUP_CODE", help="code of the group to copy")
    copy.add_argument("--name", required=True, help="the new group's name")
    copy.add_argument("--without-members", action="store_true", help="copy no members")
    copy.set_defaults(run=_run_copy)

    members = commands.add_parser(
        "members", help="list a group's members",
        description="Print a group's member codes, one per line, by code; or, with --out, "
                    "write code, name, city and status to an .xlsx or .csv file.")
    members.add_argument("group_code", metavar="GROUP_CODE", help="code of the group")
    members.add_argument("--out", metavar="FILE", help="write a spreadsheet instead")
    add_separator(members)
    members.add_argument("--as-of", metavar="WHEN", type=day_end,
                         help="the members as the group stood then: a date (its end) or an "
                              "ISO time, e.g. 2026-12-01 or 2026-12-01T09:30 (local time)")
    members.set_defaults(run=_run_members)


def _run_create(args: argparse.Namespace) -> int:
    from custgroups.core.groups import GroupChange, save_group

    group = save_group(GroupChange(name=args.name, code=args.code, description=args.description,
                                   active=not args.inactive), who(args))
    print(f"Created {group.code} '{group.name}'{'' if group.active else ' (inactive)'}.")
    return EXIT_OK


def _run_set_status(args: argparse.Namespace) -> int:
    from custgroups.core.groups import get_group_by_code, set_group_active

    group = get_group_by_code(args.group_code)
    active = args.status == "active"
    after = set_group_active(group.id, active, who(args))
    state = "active" if active else "inactive"
    print(f"{after.code} '{after.name}' is {state}"
          + (" already." if after.version == group.version else " now."))
    return EXIT_OK


def _run_copy(args: argparse.Namespace) -> int:
    from custgroups.core.groups import get_group_by_code
    from custgroups.core.moves import copy_group
    from custgroups.core.ways import How

    source = get_group_by_code(args.group_code)
    group = copy_group(source.id, args.name, not args.without_members, who(args),
                       how=How.COMMAND_LINE)
    print(f"Created {group.code} '{group.name}' as a copy of {source.code}, with "
          f"{group.member_count:,} members.")
    return EXIT_OK


def _run_members(args: argparse.Namespace) -> int:
    from custgroups.core import db
    from custgroups.core.groups import get_group_by_code, member_rows

    group = get_group_by_code(args.group_code)
    if args.as_of is not None:
        from custgroups.core.events import members_as_of

        then = members_as_of(group.id, args.as_of)
        if args.out:
            from custgroups.core.sheets.export import export_customers

            result = export_customers(Path(args.out), then,
                                      delimiter=SEPARATORS[args.separator])
            print(f"Wrote {len(then):,} members of {group.code} as it stood then to "
                  f"{result.paths[0]}.")
        for customer in () if args.out else then:
            print(customer.code)
        return EXIT_OK
    if args.out:
        from custgroups.core.sheets.export import export_members

        result = export_members(Path(args.out), group.id,
                                delimiter=SEPARATORS[args.separator])
        print(f"Wrote {group.member_count:,} members of {group.code} to {result.paths[0]}.")
        return EXIT_OK
    with db.snapshot():
        for code, *_ in member_rows(group.id):
            print(code)
    return EXIT_OK
