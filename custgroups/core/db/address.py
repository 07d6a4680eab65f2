"""A database server's address as a clerk fills it in, and a test of it that changes nothing.

Addresses are kept and shown without their password: :meth:`ServerAddress.url` never holds
one, :func:`without_password` takes one out, and :func:`with_password` puts it in only for
the moment of connecting. :func:`probe` opens a connection of its own, apart from the open
database, to say in one sentence whether the server can be used.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlparse, urlunparse

import peewee

from custgroups.core import models
from custgroups.core.db import failures
from custgroups.core.db import server as database_server
from custgroups.core.db.connect import DATABASE_ERRORS, explain
from custgroups.core.db.files import display_name, sqlite_path
from custgroups.core.db.migrations import LATEST_SCHEMA
from custgroups.core.errors import (
    CustgroupsError,
    DatabaseError,
    SchemaTooNewError,
    Sentence,
    ValidationError,
    tr,
)

log = logging.getLogger("custgroups.db")

DEFAULT_PORT = 5432
#: libpq's ``sslmode`` values, the plain ones first: what the connection dialog offers.
TLS_MODES = ("prefer", "require", "verify-full", "disable", "allow", "verify-ca")
_SERVER_SCHEMES = ("postgresql", "postgres")
#: Query options that carry a password: never kept, never shown.
_PASSWORD_OPTIONS = ("password", "sslpassword")
_NOT_IN_HOST = set(" \t/@?#")


@dataclass(frozen=True)
class ServerAddress:
    """Where a shared database lives: server, port, database, login, encryption, schema."""

    host: str
    database: str
    user: str = ""
    port: int = DEFAULT_PORT
    sslmode: str = "prefer"
    schema: str | None = None

    def url(self) -> str:
        """The ``postgresql://user@host:port/database?sslmode=…`` address, without password."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        login = quote(self.user, safe="") + "@" if self.user else ""
        options = {"sslmode": self.sslmode}
        if self.schema:
            options["schema"] = self.schema
        return (f"postgresql://{login}{host}:{self.port}/{quote(self.database, safe='')}?"
                + urlencode(options, quote_via=quote))

    def problems(self) -> list[ValidationError]:
        """Every reason this address cannot be tried, by field, in plain words."""
        found: list[ValidationError] = []
        host = self.host.strip()
        if not host:
            found.append(ValidationError(
                "host", tr("Enter the server's name or address, such as db.example.com.")))
        elif _NOT_IN_HOST & set(host):
            found.append(ValidationError(
                "host", tr("Enter only the server's name or address, such as db.example.com: "
                           "it has no spaces and none of / @ ? #.")))
        if not 0 < self.port < 65536:
            found.append(ValidationError("port", tr("The port is a number from 1 to 65535; "
                                                    "most servers use {port}.",
                                                    port=str(DEFAULT_PORT))))
        if not self.database.strip():
            found.append(ValidationError("database",
                                         tr("Enter the name of the database on the server.")))
        if self.sslmode not in TLS_MODES:
            found.append(ValidationError("sslmode", tr("'{setting}' is not an encryption "
                                                       "setting custgroups knows.",
                                                       setting=self.sslmode)))
        return found

    @property
    def description(self) -> Sentence:
        """"test on db.example.com" (with its schema, if one is named), for sentences."""
        if self.schema:
            return tr("{database} (schema {schema}) on {host}",
                      database=self.database, schema=self.schema, host=self.host)
        return tr("{database} on {host}", database=self.database, host=self.host)


def from_url(url: str) -> ServerAddress | None:
    """The server address in ``url``; None for a file, or an address that cannot be read."""
    parsed = urlparse(url)
    if parsed.scheme.lower() not in _SERVER_SCHEMES:
        return None
    options = dict(parse_qsl(parsed.query))
    try:
        port = parsed.port or DEFAULT_PORT
    except ValueError:  # a port that is not a number
        return None
    return ServerAddress(host=parsed.hostname or "localhost",
                         database=unquote(parsed.path.lstrip("/")),
                         user=unquote(parsed.username or ""), port=port,
                         sslmode=options.get("sslmode", "prefer"),
                         schema=options.get("schema") or None)


def is_server(url: str) -> bool:
    """True for a ``postgresql://`` address."""
    return urlparse(url).scheme.lower() in _SERVER_SCHEMES


def without_password(url: str) -> str:
    """``url`` with any password taken out (user part and query); files are left as they are."""
    parsed = urlparse(url)
    if parsed.scheme.lower() not in _SERVER_SCHEMES:
        return url
    userinfo, at, hostport = parsed.netloc.rpartition("@")
    netloc = userinfo.partition(":")[0] + at + hostport
    query = [(key, value) for key, value in parse_qsl(parsed.query, keep_blank_values=True)
             if key.lower() not in _PASSWORD_OPTIONS]
    return urlunparse(parsed._replace(netloc=netloc, query=urlencode(query, quote_via=quote)))


def with_password(url: str, password: str) -> str:
    """``url`` carrying ``password``, for connecting only: never keep or log the result."""
    parsed = urlparse(without_password(url))
    userinfo, _at, hostport = parsed.netloc.rpartition("@")
    netloc = f"{userinfo}:{quote(password, safe='')}@{hostport}"
    return urlunparse(parsed._replace(netloc=netloc))


def needs_password(exc: BaseException) -> bool:
    """True when a failure to connect means the server wants a password (or a different one).

    libpq says "no password supplied" when none was given and no ``pgpass`` file had one;
    the server answers 28P01 (invalid_password) to a wrong one.
    """
    for each in failures.chain(exc):
        text = str(each).lower()
        if (getattr(each, "pgcode", None) == "28P01" or "no password supplied" in text
                or "password authentication failed" in text):
            return True
    return False


def sqlite_url(path: Path | str) -> str:
    """The ``sqlite:///`` address of a database file (characters a URL reserves are escaped)."""
    text = Path(path).as_posix()
    for special, escaped in (("%", "%25"), ("?", "%3F"), ("#", "%23")):
        text = text.replace(special, escaped)
    return "sqlite:///" + text


def file_folder(url: str) -> str:
    """The folder of the database file at ``url``; "" for a server or an unreadable address."""
    if is_server(url):
        return ""
    try:
        path = sqlite_path(url)
    except CustgroupsError:
        return ""
    return str(path.parent) if path is not None else ""


# --- testing a server -----------------------------------------------------------------------


def probe(url: str) -> Sentence:
    """Connect to the server at ``url`` on a connection of its own and say what is there.

    The open database is not touched. The answer is one sentence, such as "Connected to test
    on db.example.com as ann: groups: 12, schema up to date."; a failure raises
    :class:`DatabaseError` in plain words (see :func:`needs_password` for a missing password).
    """
    address = from_url(url)
    if address is None:
        raise DatabaseError(tr("'{address}' is not a database server address: use "
                               "postgresql://user@host:5432/name.", address=display_name(url)))
    shown = without_password(url)
    parsed = urlparse(url)
    try:
        database = database_server.make_postgres(url, parsed, dict(parse_qsl(parsed.query)))
    except ValueError as exc:  # an option that is not a number
        raise DatabaseError(tr("The database address '{address}' is not valid: {reason}.",
                               address=display_name(url), reason=str(exc))) from None
    try:
        database.connect()
        database_server.check_schema(database, url)
        sentence = _describe(database, address)
    except CustgroupsError:
        raise
    except DATABASE_ERRORS as exc:
        message = explain(exc, shown, reading=True)
        # The details reach the log with the failure (a lane logs them); this names the address.
        log.warning("connection test of %s failed (%s): %s", display_name(shown),
                    type(exc).__name__, message)
        raise DatabaseError(message) from exc
    finally:
        database.close_all()  # type: ignore[attr-defined]  # a pool, made by make_postgres
    log.info("connection test of %s: %s", display_name(shown), sentence)
    return sentence


def _describe(database: peewee.Database, address: ServerAddress) -> Sentence:
    """What the connected server holds, in the probe's sentence."""
    user = database.execute_sql("SELECT current_user").fetchone()[0]
    server = address.description
    info_table = models.SchemaInfo._meta.table_name
    found = database.execute_sql(
        "SELECT to_regclass(quote_ident(current_schema()) || '.' || quote_ident(%s))",
        [info_table]).fetchone()[0]
    row = None
    if found is not None:
        row = database.execute_sql(f'SELECT value FROM "{info_table}" WHERE key = %s',
                                   ["schema_version"]).fetchone()
    if row is None:
        return tr("Connected to {server} as {user}: the database is empty. Its administrator "
                  "sets it up, or custgroups does when it first opens it.",
                  server=server, user=user)
    text = str(row[0]).strip()
    if not (text.isascii() and text.isdigit()):
        raise DatabaseError(tr(
            "Connected to {server} as {user}, but the database records its schema version as "
            "'{version}', which custgroups never writes: ask its administrator to check it.",
            server=server, user=user, version=text[:40]))
    version = int(text)
    if version > LATEST_SCHEMA:
        raise SchemaTooNewError(tr(
            "Connected to {server} as {user}, but the database was made by a newer version of "
            "custgroups (schema {version}; this copy knows up to {latest}). Update custgroups "
            "to use it.", server=server, user=user, version=version, latest=LATEST_SCHEMA))
    groups_table = models.CustomerGroup._meta.table_name
    count = int(database.execute_sql(f'SELECT count(*) FROM "{groups_table}"').fetchone()[0])
    if version < LATEST_SCHEMA:
        return tr("Connected to {server} as {user}: groups: {count}; its schema (version "
                  "{version}) is brought up to date when custgroups opens it.",
                  server=server, user=user, count=count, version=version)
    return tr("Connected to {server} as {user}: groups: {count}, schema up to date.",
              server=server, user=user, count=count)
