"""A team's PostgreSQL server: who may read, who may edit, who upgrades, and what a login may do.

Three roles, usually group roles that the clerks' logins are members of:

- **readers** browse and export;
- **editors** also change groups, members and customers;
- the **owner** owns the tables and alone upgrades the schema (``custgroups migrate``).

``custgroups server-setup`` creates the roles that do not exist yet, the schema, the search
extension where the login may install it, the tables (owned by the owner) and the grants; it
can print the same SQL instead, for an administrator who runs it by hand. A server set up
this way records its owner, and from then on the clerks' copies never change its schema:
they only check its version and, when it is behind, say that it needs an upgrade.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlparse

import peewee

from custgroups.core import models
from custgroups.core.errors import DatabaseError, tr

log = logging.getLogger("custgroups.db")

#: The schema facts key that names the owner of a server set up for a team.
OWNER_KEY = "owner"


@dataclass(frozen=True)
class Roles:
    """The roles of a team's server; editors and readers are optional."""

    owner: str
    editors: str | None = None
    readers: str | None = None

    def all(self) -> list[str]:
        """Every role named, owner first, each once."""
        named = [self.owner, self.editors, self.readers]
        return list(dict.fromkeys(role for role in named if role))


@dataclass(frozen=True)
class Rights:
    """What the login in use may do on the open database."""

    login: str | None  # the server login (None for an SQLite file)
    can_edit: bool


def quoted(identifier: str) -> str:
    """``identifier`` as a PostgreSQL identifier in double quotes."""
    return '"' + identifier.replace('"', '""') + '"'


def literal(text: str) -> str:
    """``text`` as a PostgreSQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def schema_of(url: str) -> str:
    """The schema a server address uses: its ``?schema=``, else public."""
    return dict(parse_qsl(urlparse(url).query)).get("schema") or "public"


def database_of(url: str) -> str:
    """The database a server address names."""
    return unquote(urlparse(url).path.lstrip("/"))


def setup_statements(url: str, roles: Roles) -> list[str]:
    """The SQL that prepares a server for custgroups, before its tables exist.

    Roles that do not exist are made without a login (grant them to the clerks' logins);
    tables the owner makes later are readable by readers and editors and changeable by
    editors (default privileges), so the same statements serve before and after
    ``custgroups migrate``.
    """
    schema, everyone = quoted(schema_of(url)), ", ".join(quoted(role) for role in roles.all())
    owner = quoted(roles.owner)
    statements = [
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = {literal(role)}) "
        f"THEN CREATE ROLE {quoted(role)} NOLOGIN; END IF; END $$"
        for role in roles.all()
    ]
    statements.append(f"GRANT CONNECT ON DATABASE {quoted(database_of(url))} TO {everyone}")
    if schema_of(url) != "public":
        statements.append(f"CREATE SCHEMA IF NOT EXISTS {schema} AUTHORIZATION {owner}")
    statements.append(f"GRANT USAGE, CREATE ON SCHEMA {schema} TO {owner}")
    for role, tables, sequences in _grants(roles):
        statements += [
            f"GRANT USAGE ON SCHEMA {schema} TO {quoted(role)}",
            f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA {schema} "
            f"GRANT {tables} ON TABLES TO {quoted(role)}",
            f"GRANT {tables} ON ALL TABLES IN SCHEMA {schema} TO {quoted(role)}",
        ]
        if sequences:
            statements += [
                f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA {schema} "
                f"GRANT {sequences} ON SEQUENCES TO {quoted(role)}",
                f"GRANT {sequences} ON ALL SEQUENCES IN SCHEMA {schema} TO {quoted(role)}",
            ]
    return statements


#: Fast customer search on a server; a superuser, or since PostgreSQL 13 a login that may
#: create in the database, may install it.
SEARCH_EXTENSION = "CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public"


def _grants(roles: Roles) -> list[tuple[str, str, str]]:
    """(role, table privileges, sequence privileges) for readers and editors."""
    grants = []
    if roles.readers:
        grants.append((roles.readers, "SELECT", ""))
    if roles.editors:
        grants.append((roles.editors, "SELECT, INSERT, UPDATE, DELETE",
                       "USAGE, SELECT, UPDATE"))
    return grants


def print_script(url: str, roles: Roles) -> str:
    """The whole set-up as an SQL script an administrator can read and run by hand."""
    lines = [
        f"-- Prepares {database_of(url)} (schema {schema_of(url)}) for custgroups.",
        "-- Run as a superuser, or as a login that may create roles and schemas.",
        "BEGIN;",
        *(statement + ";" for statement in setup_statements(url, roles)),
        "COMMIT;",
        "-- Fast customer search (needs a superuser before PostgreSQL 13):",
        SEARCH_EXTENSION + ";",
        f"-- Then, as {roles.owner} or a login that is a member of it, make the tables:",
        f"--   custgroups migrate '{url}' --owner {roles.owner}",
        "-- and give each clerk's login its role, for example:",
        f"--   CREATE ROLE ana LOGIN PASSWORD '...' IN ROLE {roles.editors or roles.owner};",
    ]
    return "\n".join(lines) + "\n"


def prepare(db: peewee.Database, url: str, roles: Roles) -> bool:
    """Run :func:`setup_statements` in one transaction on an administrator's connection, then
    install the search extension if this login may; returns whether it is installed."""
    with db.atomic():
        for statement in setup_statements(url, roles):
            db.execute_sql(statement)
    try:
        with db.atomic():
            db.execute_sql(SEARCH_EXTENSION)
    except peewee.DatabaseError as exc:
        log.warning("pg_trgm cannot be installed by this login: %s", exc)
        return False
    return True


def owner_on_record(db: peewee.Database) -> str | None:
    """The recorded owner, read on an administrator's connection (models are not bound)."""
    return _fact(db, OWNER_KEY)


def version_on_record(db: peewee.Database) -> int:
    """The schema version, read on an administrator's connection (0 before the first)."""
    return int(_fact(db, "schema_version") or 0)


def session_login(db: peewee.Database) -> str:
    """The login of an administrator's connection."""
    return str(db.execute_sql("SELECT session_user").fetchone()[0])


def _fact(db: peewee.Database, key: str) -> str | None:
    table = models.SchemaInfo._meta.table_name
    if db.execute_sql("SELECT to_regclass(%s)", [table]).fetchone()[0] is None:
        return None
    row = db.execute_sql(f"SELECT value FROM {quoted(table)} WHERE key = %s", [key]).fetchone()
    return str(row[0]) if row else None


def recorded_owner() -> str | None:
    """The owner a team's server was set up for, or None (not set up, or an SQLite file)."""
    if not models.SchemaInfo.table_exists():
        return None
    row = models.SchemaInfo.get_or_none(models.SchemaInfo.key == OWNER_KEY)
    return str(row.value) if row is not None else None


def record_owner(db: peewee.Database, owner: str) -> None:
    """Record the owner, and keep the schema facts for the owner alone to change."""
    (models.SchemaInfo.insert(key=OWNER_KEY, value=owner)
     .on_conflict(conflict_target=[models.SchemaInfo.key],
                  update={models.SchemaInfo.value: owner})
     .execute())
    table = models.SchemaInfo._meta.table_name
    others = db.execute_sql(
        "SELECT DISTINCT grantee FROM information_schema.role_table_grants "
        "WHERE table_schema = current_schema() AND table_name = %s AND grantee <> %s "
        "AND privilege_type IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE')",
        [table, owner]).fetchall()
    for (grantee,) in others:
        db.execute_sql(f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {quoted(table)} "
                       f"FROM {quoted(grantee)}")


def check_may_own(db: peewee.Database, owner: str) -> None:
    """Refuse, in one sentence, a login that is not the owner nor a member of it."""
    row = db.execute_sql(
        "SELECT session_user, r.oid IS NOT NULL, "
        "coalesce(pg_has_role(session_user, r.oid, 'MEMBER'), false) "
        "FROM (SELECT 1) AS one LEFT JOIN pg_roles AS r ON r.rolname = %s", [owner]).fetchone()
    login, exists, member = row
    if not exists:
        raise DatabaseError(tr("The database server has no role named {owner}: run "
                               "custgroups server-setup first, or name the owner it was set "
                               "up with.", owner=owner))
    if not member:
        raise DatabaseError(tr("Only {owner}, or a login that is a member of it, may upgrade "
                               "this database; you are logged in as {login}. Ask your "
                               "administrator to run custgroups migrate.",
                               owner=owner, login=login))


def rights(db: peewee.Database, kind: str) -> Rights:
    """The login in use and whether it may change groups (an SQLite file: always)."""
    if kind != "postgresql":
        return Rights(None, True)
    login, can_edit = db.execute_sql(
        "SELECT session_user, has_table_privilege(%s, 'UPDATE') "
        "AND has_table_privilege(%s, 'INSERT')",
        [models.CustomerGroup._meta.table_name, models.Membership._meta.table_name]).fetchone()
    return Rights(str(login), bool(can_edit))
