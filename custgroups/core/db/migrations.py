"""Bringing a database's schema up to date, one numbered migration at a time."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import peewee

from custgroups.core import models
from custgroups.core.db import sqlstate, team
from custgroups.core.errors import DatabaseError, SchemaTooNewError, Sentence, tr

log = logging.getLogger("custgroups.db")

#: Bumped by every migration; a database newer than this is refused, never damaged.
LATEST_SCHEMA = 7


def check_sqlite_file(path: Path) -> None:
    """Refuse, untouched, an SQLite file custgroups must not open or change.

    Runs before the database is opened for use, on a connection that cannot write (and,
    unless another program left a journal or write-ahead log beside the file, reads it as
    immutable, so it makes no files beside it either): no pragma, table or trigger is written
    to a file that is refused. Refused are another program's database (anything in it, but
    no custgroups schema record), one made by a newer custgroups, and one whose schema
    version is not a number. A file with nothing in it is a new database, to be initialised.
    """
    pending = any(_nonempty(path.with_name(path.name + suffix)) for suffix in ("-wal", "-journal"))
    uri = path.absolute().as_uri() + ("?mode=ro" if pending else "?mode=ro&immutable=1")
    table = models.SchemaInfo._meta.table_name
    with closing(sqlite3.connect(uri, uri=True)) as conn:
        try:
            objects = conn.execute(
                "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
                "ORDER BY type = 'table' DESC, name").fetchall()
        except sqlite3.OperationalError as exc:
            if getattr(exc, "sqlite_errorname", "").startswith("SQLITE_READONLY_R"):
                raise DatabaseError(tr(
                    "{path} was left half-written when the program using it stopped, and "
                    "custgroups leaves it as it is: open it in that program first, so it can "
                    "finish, then try again.", path=str(path))) from exc
            raise
        if not objects:
            return
        try:
            row = conn.execute(f'SELECT value FROM "{table}" WHERE key = ?',
                               ["schema_version"]).fetchone()
        except sqlite3.OperationalError:  # no such table, or one of that name but not ours
            row = None
    if row is None:
        kind = objects[0][0]  # tables first, if there are any
        names = [name for each, name in objects if each == kind]
        things = _KINDS.get(kind, tr("other things"))
        shown = ", ".join(names[:_SHOWN_NAMES])
        if len(names) > _SHOWN_NAMES:
            raise DatabaseError(tr(
                "{path} belongs to another program: it holds {things} ({names}; {count} in "
                "all) but no custgroups schema, so custgroups left it untouched. Open a "
                "custgroups database, or give a new file name to start one.",
                path=str(path), things=things, names=shown, count=len(names)))
        raise DatabaseError(tr(
            "{path} belongs to another program: it holds {things} ({names}) but no custgroups "
            "schema, so custgroups left it untouched. Open a custgroups database, or give a "
            "new file name to start one.", path=str(path), things=things, names=shown))
    _check_version(row[0])


#: What SQLite's kinds of objects are called in a sentence that names some of them.
_KINDS = {"table": tr("tables"), "index": tr("indexes"), "view": tr("views"),
          "trigger": tr("triggers")}
#: How many of another program's tables a refusal names.
_SHOWN_NAMES = 3


def _nonempty(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def migrate(db: peewee.Database, kind: str, owner: str | None = None) -> bool:
    """Bring the schema to :data:`LATEST_SCHEMA`; returns whether customer search is indexed.

    ``owner`` (``custgroups migrate`` and ``server-setup``) upgrades a team's server as that
    role, which then owns what is made; without one, a team's server (see
    :mod:`custgroups.core.db.team`) is only checked, and one that is behind is refused with a
    sentence that says who upgrades it. A missing search index is made where it now can be.
    """
    version = schema_version() if models.SchemaInfo.table_exists() else 0
    if owner is not None:
        team.check_may_own(db, owner)
    elif version < LATEST_SCHEMA and kind == "postgresql" and team.recorded_owner():
        raise DatabaseError(_needs_upgrade(version))
    if version < LATEST_SCHEMA or owner is not None:
        try:
            _upgrade(db, kind, owner)
        except peewee.DatabaseError as exc:
            if version == 0 or sqlstate.code(exc) != sqlstate.INSUFFICIENT_PRIVILEGE:
                raise  # a server not set up is worded with every other failure
            raise DatabaseError(_needs_upgrade(version)) from exc
    if not _has_search_index(db, kind) and (kind == "sqlite" or owner is not None
                                            or team.recorded_owner() is None):
        _retry_search_index(db, kind)
    return _has_search_index(db, kind)




def _needs_upgrade(version: int) -> Sentence:
    return tr("The database server needs an upgrade by your administrator: it has schema "
              "{version}, and this copy of custgroups needs schema {latest}. Ask them to run "
              "custgroups migrate.", version=version, latest=LATEST_SCHEMA)


def _upgrade(db: peewee.Database, kind: str, owner: str | None) -> None:
    with db.atomic():
        if kind == "postgresql":
            # Two copies starting at once on a fresh server must not both migrate.
            db.execute_sql("SELECT pg_advisory_xact_lock(4242001)")
            if owner is not None:  # what is made belongs to the owner, not to this login
                db.execute_sql(f"SET LOCAL ROLE {team.quoted(owner)}")
        version = schema_version() if models.SchemaInfo.table_exists() else 0
        for target in range(version + 1, LATEST_SCHEMA + 1):
            log.info("migrating schema to version %d", target)
            _MIGRATIONS[target](db, kind)
            (models.SchemaInfo.insert(key="schema_version", value=str(target))
             .on_conflict(conflict_target=[models.SchemaInfo.key],
                          update={models.SchemaInfo.value: str(target)})
             .execute())
        if owner is not None:
            team.record_owner(db, owner)


def schema_version() -> int:
    """The schema version the open database records (0 before its first migration)."""
    row = models.SchemaInfo.get_or_none(models.SchemaInfo.key == "schema_version")
    return _check_version(row.value) if row is not None else 0


def _check_version(value: object) -> int:
    """The recorded schema version as a number this copy can work with, or a refusal."""
    text = str(value).strip()
    if not text.isascii() or not text.isdigit():
        raise DatabaseError(tr(
            "This database records its schema version as '{version}', which custgroups "
            "never writes: the record was changed by hand or by another program, so "
            "custgroups left the database untouched. Open a backup made before that change.",
            version=text[:40]))
    version = int(text)
    if version > LATEST_SCHEMA:
        raise SchemaTooNewError(tr(
            "This database was made by a newer version of custgroups (schema {version}; "
            "this copy knows up to {latest}). Update custgroups to open it.",
            version=version, latest=LATEST_SCHEMA))
    return version


#: The tables of the first schema; later ones come with their own migrations.
_SCHEMA_1 = (models.SchemaInfo, models.Counter, models.Customer, models.CustomerGroup,
             models.Membership, models.HistoryEvent)


def _migration_1(db: peewee.Database, kind: str) -> None:
    # The composite key is the whole row, so SQLite needs no hidden rowid beside it;
    # PostgreSQL has no such clause.
    models.Membership._meta.without_rowid = kind == "sqlite"
    db.create_tables(_SCHEMA_1)
    models.Counter.insert(name="group_code", value=0).on_conflict_ignore().execute()
    if kind == "sqlite":
        _create_sqlite_search_index(db)
    else:
        _create_postgres_search_index(db)


def _migration_2(db: peewee.Database, kind: str) -> None:
    # PostgreSQL numbers new groups from a sequence, which no creation has to wait for; it
    # goes on from the counter. SQLite's one writer at a time keeps using the counter row.
    if kind != "postgresql":
        return
    db.execute_sql(f"CREATE SEQUENCE IF NOT EXISTS {GROUP_CODE_SEQUENCE} AS bigint MINVALUE 0")
    db.execute_sql(f"SELECT setval('{GROUP_CODE_SEQUENCE}', "
                   "(SELECT value FROM counter WHERE name = 'group_code'))")


def _migration_3(db: peewee.Database, kind: str) -> None:
    # On a server the history records the database login, whatever name a client sends, and
    # every change to a group is announced to the other copies listening (live updates).
    # SQLite keeps the login name the client gives; its copies poll for changes instead.
    if kind != "postgresql":
        return
    history, groups = models.HistoryEvent._meta.table_name, models.CustomerGroup._meta.table_name
    db.execute_sql(_STAMP_LOGIN.replace("{history}", history))
    db.execute_sql(_NOTIFY_CHANGE)
    for trigger, table, when, function in (
            ("history_login", history, "BEFORE INSERT", "custgroups_stamp_login"),
            ("group_login", groups, "BEFORE INSERT OR UPDATE", "custgroups_stamp_login"),
            ("group_notify", groups, "AFTER INSERT OR UPDATE", "custgroups_notify_change")):
        db.execute_sql(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")
        db.execute_sql(f"CREATE TRIGGER {trigger} {when} ON {table} "
                       f"FOR EACH ROW EXECUTE FUNCTION {function}()")


def _migration_4(db: peewee.Database, kind: str) -> None:
    # Membership events: one per customer added or removed, from the history kept so far;
    # and the reason a clerk gives on Save, kept with the history.
    from custgroups.core.db import backfill

    db.create_tables([models.MembershipEvent])
    history = models.HistoryEvent._meta.table_name
    if "reason" not in {column.name for column in db.get_columns(history)}:
        db.execute_sql(f"ALTER TABLE {history} ADD COLUMN reason TEXT NOT NULL DEFAULT ''")
    if kind == "postgresql":
        db.execute_sql(_STAMP_LOGIN.replace("{history}", models.HistoryEvent._meta.table_name))
        table = models.MembershipEvent._meta.table_name
        db.execute_sql(f"DROP TRIGGER IF EXISTS event_login ON {table}")
        db.execute_sql(f"CREATE TRIGGER event_login BEFORE INSERT ON {table} "
                       "FOR EACH ROW EXECUTE FUNCTION custgroups_stamp_login()")
    log.info("membership events from the history: %d", backfill.backfill(db))


def _migration_5(db: peewee.Database, kind: str) -> None:
    # A membership event's "how" names the way a change was made (the picker, a paste, a
    # file, a command…) instead of the list mode or combination the history names.
    from custgroups.core.ways import LEGACY_HOW, How

    table = models.MembershipEvent._meta.table_name
    cases = " ".join(f"WHEN '{old}' THEN '{new.value}'" for old, new in LEGACY_HOW.items())
    listed = ", ".join(f"'{old}'" for old in LEGACY_HOW)
    db.execute_sql(f'UPDATE "{table}" SET how = CASE WHEN how IN (\'add\', \'remove\') AND '
                   f"source <> '' THEN '{How.FILE.value}' ELSE CASE how {cases} END END "
                   f"WHERE how IN ({listed})")


def _migration_6(db: peewee.Database, kind: str) -> None:
    # A picker search of one or two characters matches code and name prefixes. Under a
    # collation other than C, the server cannot read such a prefix from the ordinary index;
    # these indexes compare by code point, as SQLite does, so a prefix is a range on them and
    # a page in code order is read along them (at 200,000 customers, 38-45 ms became well
    # under one).
    if kind == "postgresql":
        for column in ("code_key", "name_key"):
            db.execute_sql(f"CREATE INDEX IF NOT EXISTS customer_{column}_c "
                           f'ON customer ({column} COLLATE "C")')


def _migration_7(db: peewee.Database, kind: str) -> None:
    # A trigram index keeps new entries in a pending list, which every search reads through,
    # until the list outgrows 4 MB: 200,000 customers loaded at once left 320 pages in each
    # index, and a picker search took 10 ms where 0.2 ms would do. A list of 1 MB is read in
    # about 1 ms, and a bulk load writes as fast as with 4 MB (fastupdate off: ten times
    # slower). The lists there are now are merged into the indexes.
    if kind == "postgresql" and _has_search_index(db, kind):
        for column in ("code_key", "name_key"):
            index = f"customer_{column.removesuffix('_key')}_trgm"
            db.execute_sql(f"ALTER INDEX {index} SET ({TRIGRAM_INDEX_OPTIONS})")
            db.execute_sql("SELECT gin_clean_pending_list(%s::regclass)", [index])


#: Sets who made a change to the login of the session making it; a group's updated_by only
#: when the change is one (its updated_at moves), not when a count is corrected.
_STAMP_LOGIN = """
CREATE OR REPLACE FUNCTION custgroups_stamp_login() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME IN ('{history}', 'membership_event') THEN
    NEW."by" := session_user;
  ELSIF TG_OP = 'INSERT' THEN
    NEW.created_by := session_user;
    NEW.updated_by := session_user;
  ELSIF NEW.updated_at IS DISTINCT FROM OLD.updated_at THEN
    NEW.updated_by := session_user;
  END IF;
  RETURN NEW;
END $$"""

#: Announces a changed group ("id:version") on the schema's channel when the change commits.
_NOTIFY_CHANGE = """
CREATE OR REPLACE FUNCTION custgroups_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('custgroups_' || TG_TABLE_SCHEMA, NEW.id || ':' || NEW.version);
  RETURN NULL;
END $$"""

#: How a customer search index on PostgreSQL keeps new entries (see migration 7).
TRIGRAM_INDEX_OPTIONS = "gin_pending_list_limit = 1024"

#: The PostgreSQL sequence behind the CG- numbers.
GROUP_CODE_SEQUENCE = "group_code_seq"

_MIGRATIONS: dict[int, Callable[[peewee.Database, str], None]] = {1: _migration_1,
                                                                  2: _migration_2,
                                                                  3: _migration_3,
                                                                  4: _migration_4,
                                                                  5: _migration_5,
                                                                  6: _migration_6,
                                                                  7: _migration_7}


def _retry_search_index(db: peewee.Database, kind: str) -> None:
    """Make the customer search index that could not be made before (the trigram tokenizer or
    pg_trgm was missing then), over the customers there are now; where it still cannot be
    made, search goes on scanning."""
    try:
        with db.atomic():
            if kind == "sqlite":
                if _create_sqlite_search_index(db):
                    db.execute_sql("INSERT INTO customer_search(customer_search) "
                                   "VALUES ('rebuild')")
            else:
                _create_postgres_search_index(db)
    except peewee.DatabaseError as exc:
        log.warning("the customer search index cannot be made here: %s", exc)


def _create_sqlite_search_index(db: peewee.Database) -> bool:
    try:
        with db.atomic():
            db.execute_sql(
                "CREATE VIRTUAL TABLE customer_search USING fts5("
                "code_key, name_key, content='customer', content_rowid='id', "
                "tokenize='trigram')"
            )
    except peewee.OperationalError:
        log.warning("SQLite here has no FTS5 trigram tokenizer; customer search scans instead")
        return False
    db.execute_sql(
        "CREATE TRIGGER customer_search_ai AFTER INSERT ON customer BEGIN "
        "INSERT INTO customer_search(rowid, code_key, name_key) "
        "VALUES (new.id, new.code_key, new.name_key); END"
    )
    db.execute_sql(
        "CREATE TRIGGER customer_search_ad AFTER DELETE ON customer BEGIN "
        "INSERT INTO customer_search(customer_search, rowid, code_key, name_key) "
        "VALUES ('delete', old.id, old.code_key, old.name_key); END"
    )
    db.execute_sql(
        "CREATE TRIGGER customer_search_au AFTER UPDATE OF code_key, name_key ON customer BEGIN "
        "INSERT INTO customer_search(customer_search, rowid, code_key, name_key) "
        "VALUES ('delete', old.id, old.code_key, old.name_key); "
        "INSERT INTO customer_search(rowid, code_key, name_key) "
        "VALUES (new.id, new.code_key, new.name_key); END"
    )
    return True


def _create_postgres_search_index(db: peewee.Database) -> None:
    try:
        with db.atomic():
            db.execute_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public")
    except peewee.DatabaseError:
        log.warning("pg_trgm is not available; customer search scans instead")
        return
    for column in ("code_key", "name_key"):
        db.execute_sql(f"CREATE INDEX IF NOT EXISTS customer_{column.removesuffix('_key')}_trgm "
                       f"ON customer USING gin ({column} gin_trgm_ops) "
                       f"WITH ({TRIGRAM_INDEX_OPTIONS})")


def _has_search_index(db: peewee.Database, kind: str) -> bool:
    if kind == "sqlite":
        return "customer_search" in db.get_tables()
    return any(index.name == "customer_name_trgm" for index in db.get_indexes("customer"))
