"""Commands on the data as a whole: demo data, what the database holds, exports, the ERP's
customer list, the history."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from custgroups.cli.arguments import EXIT_OK, SEPARATORS, add_separator, count, share, who
from custgroups.core import db
from custgroups.core.groups import GroupQuery, GroupSort, Status
from custgroups.core.wording import import_summary


def add_commands(commands: Any) -> None:
    """Add demo, info, export, import-customers and history to the subcommands."""
    demo = commands.add_parser(
        "demo", help="fill an empty database with realistic sample data",
        description="Fill an empty database with sample customers, groups and memberships, "
                    "making the database file if it does not exist yet (with --customers 0 "
                    "--groups 0 it stays empty). Refuses a database that already holds "
                    "customers or groups.")
    demo.add_argument("--customers", type=count, default=1000, metavar="N",
                      help="number of customers (default 1,000)")
    demo.add_argument("--groups", type=count, default=50, metavar="M",
                      help="number of groups (default 50)")
    demo.add_argument("--members-per-customer", type=share, default=3.0, metavar="K",
                      help="average number of groups each customer is in (default 3)")
    demo.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    demo.set_defaults(run=_run_demo, creates_database=True)

    info = commands.add_parser(
        "info", help="say which database is used and what it holds",
        description="Open the database and print what it holds.")
    info.set_defaults(run=_run_info)

    export = commands.add_parser(
        "export", help="export the groups a filter matches to .xlsx or .csv",
        description="Export every group the filters match (all pages), in the chosen order, "
                    "to an .xlsx workbook or a .csv file. With --members, a Members sheet "
                    "(or, for csv, a second file named OUT-members.csv) lists each group's "
                    "customers.")
    export.add_argument("out", metavar="OUT", help="file to write: name.xlsx or name.csv")
    export.add_argument("--code", default="", help="group code contains this")
    export.add_argument("--name", default="", help="group name or description contains this")
    export.add_argument("--status", choices=[s.value for s in Status], default="all",
                        help="which groups by status (default all)")
    export.add_argument("--sort", choices=[s.value for s in GroupSort], default="code",
                        help="column to sort by (default code)")
    export.add_argument("--descending", action="store_true", help="sort from high to low")
    export.add_argument("--members", action="store_true", help="also list each group's members")
    add_separator(export)
    export.set_defaults(run=_run_export)

    importing = commands.add_parser(
        "import-customers",
        help="add and update customers from the ERP's .xlsx, .xls, .ods or .csv list",
        description="Add new customers and update known ones (matched by code, ignoring "
                    "case) from an .xlsx, .xls, .ods or .csv file with a heading row naming "
                    "at least the customer code and name columns. Fields the file has no "
                    "column for (email, phone, city, country, status) are left as they are, "
                    "and so are empty "
                    "cells unless --clear-empty is given; customers with nothing to change "
                    "are not touched. Every row is checked first: if any is bad, nothing is "
                    "written and every problem is listed with its row number.")
    importing.add_argument("file", metavar="FILE", help="the .xlsx, .xls, .ods or .csv file")
    importing.add_argument("--dry-run", action="store_true",
                           help="check the file and say what would change, field by field, "
                                "without changing it")
    importing.add_argument("--clear-empty", action="store_true",
                           help="an empty cell clears that field (an empty status means "
                                "Active); without this, empty cells leave fields as they are")
    importing.set_defaults(run=_run_import_customers)

    history = commands.add_parser(
        "history", help="export the history of one group, or of all groups",
        description="Write every recorded change (when, who, what, customer codes) of one "
                    "group, or of all groups, oldest first, to an .xlsx or .csv file.")
    history.add_argument("group_code", metavar="GROUP_CODE", nargs="?",
                         help="code of the group (default: every group)")
    history.add_argument("--out", required=True, metavar="FILE", help="file to write")
    add_separator(history)
    history.set_defaults(run=_run_history)


def _run_demo(args: argparse.Namespace) -> int:
    from custgroups.core.demo import generate_demo

    started = time.perf_counter()
    result = generate_demo(args.customers, args.groups, args.members_per_customer,
                           seed=args.seed, who=who(args))
    print(f"Added {result.customers:,} customers, {result.groups:,} groups and "
          f"{result.memberships:,} memberships to {db.info().display_name} "
          f"in {time.perf_counter() - started:.1f} s.")
    return EXIT_OK


def _run_export(args: argparse.Namespace) -> int:
    from custgroups.core.sheets.export import export_groups_apart

    query = GroupQuery(code=args.code, text=args.name, status=Status(args.status),
                       sort=GroupSort(args.sort), descending=args.descending)
    result = export_groups_apart(Path(args.out), query, members=args.members,
                                 delimiter=SEPARATORS[args.separator])
    members = f" and {result.members:,} memberships" if args.members else ""
    print(f"Exported {result.groups:,} groups{members} to "
          f"{' and '.join(str(p) for p in result.paths)}.")
    return EXIT_OK


def _run_import_customers(args: argparse.Namespace) -> int:
    from custgroups.core.sheets.imports import import_customers, plan_customer_import
    from custgroups.core.sheets.reading import check_xml_defences

    check_xml_defences()

    name = Path(args.file).name
    if not args.dry_run:
        result = import_customers(Path(args.file), clear_empty=args.clear_empty)
        print(f"Imported {name}: {import_summary(result.plan)}.")
        return EXIT_OK
    plans = plan_customer_import(Path(args.file))
    would = import_summary(plans.plan(args.clear_empty))
    print(f"{name} is fine; importing it would make {would}. Nothing was changed (dry run).")
    if plans.empty_cells_matter:
        other = import_summary(plans.plan(not args.clear_empty))
        if args.clear_empty:
            print(f"Without --clear-empty, empty cells would leave their fields as they are: "
                  f"{other}.")
        else:
            print(f"With --clear-empty, empty cells would clear their fields: {other}.")
    return EXIT_OK


def _run_history(args: argparse.Namespace) -> int:
    from custgroups.core.groups import get_group_by_code
    from custgroups.core.sheets.export import export_history

    group_id = get_group_by_code(args.group_code).id if args.group_code else None
    result = export_history(Path(args.out), group_id, delimiter=SEPARATORS[args.separator])
    print(f"Wrote {result.history_entries:,} history entries to {result.paths[0]}.")
    return EXIT_OK


def _run_info(args: argparse.Namespace) -> int:
    from custgroups.core.customers import count_customers
    from custgroups.core.groups import count_groups

    current = db.info()
    print(f"Database: {current.display_name} ({current.kind})")
    if current.login is not None:
        may = "change groups and members" if current.can_edit else "browse and export only"
        print(f"Login: {current.login} (may {may})")
    print(f"Customers: {count_customers():,}")
    print(f"Groups: {count_groups():,}")
    print("Customer search: " + ("indexed" if current.customer_search_index else
                                 "not indexed (it scans; see the README on pg_trgm)"))
    return EXIT_OK
