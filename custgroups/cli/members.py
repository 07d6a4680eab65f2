"""Commands on one group's members: lists of customer codes added, removed or matched."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from custgroups.cli.arguments import EXIT_OK, EXIT_WOULD_CHANGE, who
from custgroups.core.memberships import ListMode
from custgroups.core.wording import list_summary, paste_summary


def add_commands(commands: Any) -> None:
    """Add import-members, remove-members and sync-members to the subcommands."""
    members = commands.add_parser(
        "import-members", help="add the customers listed in a file to one group",
        description="Read customer codes from a file's code column and add the recognised "
                    "ones to the group; already-members, duplicates, unknown and inactive "
                    "customers are reported and left out. A 'Group code' column, as in our "
                    "own exports, limits the rows to this group's.")
    members.add_argument("group_code", metavar="GROUP_CODE",
                         help="code of the group, e.g. CG-000012")
    members.add_argument("file", metavar="FILE", help="the .xlsx, .xls, .ods or .csv file")
    members.add_argument("--column", help="heading of the column holding the codes")
    members.add_argument("--dry-run", action="store_true",
                         help="report what would be added, without adding it")
    members.set_defaults(run=_run_import_members)

    for name, mode, summary, description in (
        ("remove-members", ListMode.REMOVE, "remove the customers listed in a file from one group",
         "Read customer codes from a file's code column and remove those customers from the "
         "group. Listed customers who are not members, unknown codes and duplicates are "
         "reported and change nothing."),
        ("sync-members", ListMode.MATCH, "make one group's members match a file",
         "Read customer codes from a file's code column and make the group hold exactly the "
         "recognised customers: listed customers are added, members the file does not list "
         "are removed. Unknown codes never remove anyone; inactive customers are kept if "
         "they are members and cannot be added if not. A list that would leave the group "
         "empty is refused unless --allow-empty is given.")):
        command = commands.add_parser(name, help=summary, description=description)
        command.add_argument("group_code", metavar="GROUP_CODE",
                             help="code of the group, e.g. CG-000012")
        command.add_argument("file", metavar="FILE", help="the .xlsx, .csv or .txt file")
        command.add_argument("--column", help="heading of the column holding the codes")
        command.add_argument("--dry-run", action="store_true",
                             help="say what would change, without changing it; exits 3 when "
                                  "something would change and 0 when nothing would")
        if mode is ListMode.MATCH:
            command.add_argument("--allow-empty", action="store_true",
                                 help="apply the file even if it leaves the group empty")
        command.set_defaults(run=_run_list, mode=mode)


def _run_import_members(args: argparse.Namespace) -> int:
    from custgroups.core.sheets.imports import import_members
    from custgroups.core.sheets.reading import check_xml_defences
    from custgroups.core.ways import How

    check_xml_defences()

    result = import_members(args.group_code, Path(args.file), who(args),
                            column=args.column, dry_run=args.dry_run, how=How.COMMAND_LINE)
    group = result.group
    print(f"{Path(args.file).name}: {paste_summary(result.resolution)}")
    if result.file.other_groups_rows:
        print(f"({result.file.other_groups_rows:,} rows of other groups were left aside.)")
    if not group.active:
        print(f"{group.code} '{group.name}' is inactive: activate it before adding customers.")
    if result.dry_run:
        print(f"Would add {len(result.resolution.recognised):,} customers to {group.code} "
              f"'{group.name}'. Nothing was changed (dry run).")
    elif not result.added:
        print(f"Nothing was added to {group.code} '{group.name}': the file names no customer "
              "that is recognised, active and not yet a member.")
    else:
        print(f"Added {result.added:,} customers to {group.code} '{group.name}', which now "
              f"has {group.member_count:,}.")
    return EXIT_OK


def _run_list(args: argparse.Namespace) -> int:
    from custgroups.core.customers import is_customer_code
    from custgroups.core.groups import get_group_by_code
    from custgroups.core.lists import apply_list
    from custgroups.core.sheets.imports import read_member_codes
    from custgroups.core.sheets.reading import check_xml_defences
    from custgroups.core.ways import How

    check_xml_defences()

    path = Path(args.file)
    group = get_group_by_code(args.group_code)
    found = read_member_codes(path, group.code, args.column, is_customer_code)
    result = apply_list(group.id, found.codes, args.mode, who(args),
                        source_name=path.name, dry_run=args.dry_run,
                        allow_empty=getattr(args, "allow_empty", False), how=How.COMMAND_LINE)
    plan, group = result.plan, result.group
    print(f"{path.name}: {list_summary(plan)}")
    if found.other_groups_rows:
        print(f"({found.other_groups_rows:,} rows of other groups were left aside.)")
    names = f"{group.code} '{group.name}'"
    changes = f"{len(plan.to_add):,} to add, {len(plan.to_remove):,} to remove"
    if not plan.changes_anything:
        print(f"Nothing to change in {names}." if args.mode is ListMode.REMOVE
              else f"{names} already matches {path.name}.")
        return EXIT_OK
    if result.dry_run:
        print(f"{names}: {changes}. Nothing was changed (dry run).")
        return EXIT_WOULD_CHANGE
    print(f"{names}: {result.added:,} added, {result.removed:,} removed; it now has "
          f"{group.member_count:,} members.")
    return EXIT_OK
