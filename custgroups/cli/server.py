"""The team server's commands: server-setup (roles, schema, tables, grants) and migrate."""

from __future__ import annotations

import argparse
from typing import Any

from custgroups.cli.arguments import EXIT_OK
from custgroups.core import db
from custgroups.core.db import team
from custgroups.core.db.migrations import schema_version


def add_commands(commands: Any) -> None:
    """Add server-setup and migrate to the subcommands."""
    setup = commands.add_parser(
        "server-setup", help="prepare a PostgreSQL server for a team: roles, tables, grants",
        description="Prepare a PostgreSQL database for custgroups, as a superuser or a login "
                    "that may create roles and schemas. Roles that do not exist are made "
                    "without a login; give them to the clerks' logins (GRANT ROLE TO LOGIN). "
                    "Readers browse and export; editors also change groups, members and "
                    "customers; the owner owns the tables and alone upgrades them (custgroups "
                    "migrate). Customer search is indexed when this login may install "
                    "pg_trgm. Running it again changes nothing that is already right.")
    setup.add_argument("url", metavar="URL",
                       help="the server database: postgresql://admin@host:5432/name "
                            "(add ?schema=NAME to use a schema of its own)")
    setup.add_argument("--owner", metavar="ROLE", required=True,
                       help="the role that owns the tables and upgrades them")
    setup.add_argument("--editors", metavar="ROLE", help="the role whose members edit groups")
    setup.add_argument("--readers", metavar="ROLE",
                       help="the role whose members may only browse and export")
    setup.add_argument("--print-sql", action="store_true",
                       help="print the SQL instead of running it, to read or run by hand")
    setup.set_defaults(run=_run_setup, opens_database=False)

    migrate = commands.add_parser(
        "migrate", help="upgrade a database to this version's schema (the server's owner)",
        description="Bring the database's schema up to this version of custgroups. On a "
                    "team's server only its owner (or a login that is a member of it) may; "
                    "the clerks' copies then work with it again.")
    migrate.add_argument("url", metavar="URL", nargs="?",
                         help="the database (default: --database, as for every command)")
    migrate.add_argument("--owner", metavar="ROLE",
                         help="on a server, the role to upgrade as (default: the owner it was "
                              "set up with, else your login)")
    migrate.set_defaults(run=_run_migrate, opens_database=False)


def _run_setup(args: argparse.Namespace) -> int:
    roles = team.Roles(args.owner, args.editors, args.readers)
    if args.print_sql:
        print(team.print_script(args.url, roles), end="")
        return EXIT_OK
    with db.administer(args.url) as server:
        searchable = team.prepare(server, args.url, roles)
    db.open_database(args.url, owner=roles.owner)
    print(f"{db.info().display_name} is ready for custgroups (schema {schema_version()}).")
    print(f"  owner: {roles.owner} (upgrades it: custgroups migrate URL)")
    if roles.editors:
        print(f"  editors: {roles.editors} (change groups, members and customers)")
    if roles.readers:
        print(f"  readers: {roles.readers} (browse and export)")
    print("  customer search: " + ("indexed" if searchable else
          "not indexed; a superuser can run CREATE EXTENSION pg_trgm, then custgroups migrate"))
    example = roles.editors or roles.readers or roles.owner
    print(f"Give each clerk's login a role, for example: GRANT {team.quoted(example)} TO ana;")
    return EXIT_OK


def _run_migrate(args: argparse.Namespace) -> int:
    url = db.choose_database_url(args.url or args.database)
    owner, before = args.owner, None
    if db.is_server_address(url):
        with db.administer(url) as server:
            owner = owner or team.owner_on_record(server) or team.session_login(server)
            before = team.version_on_record(server)
    db.open_database(url, owner=owner)
    after = schema_version()
    done = (f"upgraded from schema {before}" if before is not None and before < after
            else "up to date")
    search = "indexed" if db.info().customer_search_index else "not indexed"
    print(f"{db.info().display_name}: schema {after}, {done}; customer search {search}.")
    return EXIT_OK
