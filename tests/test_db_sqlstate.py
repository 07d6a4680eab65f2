"""Server failures read by SQLSTATE and error class, so a server speaking German is understood.

Most failures here are the real server's, provoked on the test server: a login without rights
(a role made for the test and dropped after it), a read-only session, a dropped table, a
transaction meeting another, a held lock, a statement running too long. Each runs twice, with
the server speaking English and German (``lc_messages``), and must give the same sentence.
What the test server cannot do (it trusts every login; it cannot be short of disk or memory
at will) is constructed: errors of psycopg2's own classes carrying the SQLSTATE a server
sends, and refusals of a new connection written by a stand-in server (``tests/pg_proxy.py``).
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import quote, urlparse

import peewee
import pytest

from custgroups.core import db, groups
from custgroups.core.db import connect, failures, operations, sqlstate
from custgroups.core.db import server as database_server
from custgroups.core.db.failures import Failure
from custgroups.core.errors import DatabaseError
from custgroups.core.groups import GroupChange
from custgroups.core.models import database
from tests import db_helpers
from tests.conftest import _pg_admin, postgres_base_url

# Every test here leaves the database closed; pytest finds the fixture under this name.
_closed = db_helpers._closed

GERMAN = "de_DE.UTF-8"
#: What the server machine needs for German messages (PostgreSQL ships its own translations).
GERMAN_LOCALE_COMMANDS = ("apt-get install -y locales && "
                          "localedef -i de_DE -f UTF-8 --no-archive de_DE.UTF-8")
WHERE = "the test server"
SERVER_URL = "postgresql://clerk@db.example/custgroups"


def _sentence(failure: Failure, where: str = WHERE, reading: bool = False) -> str:
    return str(failures.sentence(failure, where, reading, name="custgroups"))


# --- constructed: what the test server cannot be made to send ------------------------------


def _server_error(code: str, message: str) -> BaseException:
    """A server failure as custgroups meets it: psycopg2's class for ``code``, in peewee's."""
    errors = pytest.importorskip("psycopg2.errors")
    base = errors.lookup(code)
    error = type(base.__name__, (base,), {"pgcode": code})(message)  # pgcode is read-only
    # peewee raises its class of the same DB-API name, the driver's error inside.
    wrapper = next(getattr(peewee, kind.__name__) for kind in base.__mro__
                   if isinstance(getattr(peewee, kind.__name__, None), type))
    wrapped: BaseException = wrapper(error, *error.args)
    wrapped.__context__ = error
    return wrapped


@pytest.mark.parametrize(("code", "message", "failure"), [
    ("28P01", 'Passwort-Authentifizierung für Benutzer »clerk« fehlgeschlagen',
     Failure.LOGIN_REFUSED),
    ("28000", "Rolle »clerk« existiert nicht", Failure.LOGIN_REFUSED),
    ("3D000", "Datenbank »custgroups« existiert nicht", Failure.NO_DATABASE),
    ("53300", "tut mir leid, schon zu viele Verbindungen", Failure.NO_FREE_CONNECTIONS),
    ("53100", "konnte Datei nicht erweitern: Auf dem Gerät ist kein Speicherplatz mehr "
              "verfügbar", Failure.SERVER_DISK_FULL),
    ("53200", "Speicher aufgebraucht", Failure.SHORT_OF_RESOURCES),
    ("57P03", "das Datenbanksystem startet", Failure.RESTARTING),
    ("57P01", "Verbindung wird abgebrochen aufgrund von Anweisung des Administrators",
     Failure.RESTARTED_MID_SAVE),
    ("08006", "Verbindung unterbrochen", Failure.LOST),
    ("25P03", "Verbindung wird abgebrochen wegen Zeitüberschreitung im inaktiven Zustand "
              "innerhalb einer Transaktion", Failure.IDLE_ENDED),
    ("40P01", "Verklemmung (Deadlock) entdeckt", Failure.CONCURRENT_CHANGE),
])
def test_a_constructed_server_failure_is_read_by_its_code(code: str, message: str,
                                                          failure: Failure) -> None:
    exc = _server_error(code, message)
    assert failures.classify(exc) is failure
    assert str(failures.explain(exc, WHERE, SERVER_URL)) == _sentence(failure)


def test_a_code_outweighs_the_words() -> None:
    exc = _server_error("42P01", "deadlock detected; password authentication failed; "
                                 "the database system is starting up")
    assert failures.classify(exc) is Failure.MISSING_PART
    assert not failures.server_restarting(exc) and not failures.connection_lost(exc)


@pytest.mark.parametrize(("code", "lost", "restarting"), [
    ("08006", True, False), ("08003", True, False), ("57P01", True, True),
    ("57P02", True, True), ("57P03", False, True), ("25P03", True, False),
    ("40001", False, False), ("55P03", False, False),
])
def test_retry_decisions_are_made_by_code(code: str, lost: bool, restarting: bool) -> None:
    exc = _server_error(code, "Irgendetwas auf Deutsch")
    assert (failures.connection_lost(exc), failures.server_restarting(exc)) == (lost, restarting)
    assert connect.is_retryable(exc) is (lost or restarting)


def test_a_save_cut_off_before_its_commit_kept_nothing() -> None:
    exc = _server_error("08006", "Verbindung unterbrochen")
    exc.before_commit = True  # type: ignore[attr-defined]
    assert failures.classify(exc) is Failure.LOST_BEFORE_SAVE
    assert failures.classify(exc, reading=True) is Failure.LOST_WHILE_READING


def test_a_read_that_collided_repeats_once_and_a_write_never(sqlite_url: str) -> None:
    db.open_database(sqlite_url, create=True)
    calls: list[str] = []

    def collide(kind: str, times: int) -> Callable[[], str]:
        def run() -> str:
            calls.append(kind)
            if calls.count(kind) <= times:
                raise _server_error("40001", "konnte Zugriff nicht serialisieren")
            return "done"
        return run

    assert operations.reads(collide("read once", 1))() == "done"
    assert calls.count("read once") == 2
    with pytest.raises(DatabaseError) as exc:
        operations.reads(collide("read twice", 2))()
    assert calls.count("read twice") == 2
    assert str(exc.value) == ("Someone else was changing the same data at that moment, so "
                              "nothing was changed. Please try again.")
    with pytest.raises(DatabaseError) as exc:
        operations.writes(collide("write", 1))()
    assert calls.count("write") == 1
    assert str(exc.value).endswith("so nothing was saved. Please try again.")


# --- constructed: refusals of a new connection, which come without their SQLSTATE -----------


@pytest.mark.parametrize(("said", "failure"), [
    ('password authentication failed for user "clerk"', Failure.LOGIN_REFUSED),
    ("sorry, too many clients already", Failure.NO_FREE_CONNECTIONS),
    ('too many connections for role "clerk"', Failure.NO_FREE_CONNECTIONS),
    ('no pg_hba.conf entry for host "10.0.0.7", user "clerk", database "custgroups", no '
     "encryption", Failure.LOGIN_REFUSED),
    # A server whose own default language is German refuses in German: understood only as
    # a refusal, with its words in the log.
    ("Passwort-Authentifizierung für Benutzer »clerk« fehlgeschlagen", Failure.REFUSED),
])
def test_a_refused_connection_is_read_by_its_words(said: str, failure: Failure) -> None:
    pytest.importorskip("psycopg2")
    from tests.pg_proxy import restarting_server

    # The stand-in answers every new connection with ``said``; psycopg2 hands on no SQLSTATE
    # for a refused connection (whatever the server sent), only the words.
    with restarting_server("postgresql://clerk@127.0.0.1:5432/custgroups") as stand_in:
        stand_in.restart(said)
        with pytest.raises(DatabaseError) as exc:
            db.open_database(stand_in.url())
        where = db.display_name(stand_in.url())
    assert str(exc.value) == _sentence(failure, where, reading=True)
    assert sqlstate.code(exc.value) is None


# --- real: the test server, speaking English and German -------------------------------------


def _german_or_skip(base: str) -> None:
    """Skip (fail in CI) unless the server can speak German: it needs the OS locale."""
    import psycopg2

    try:
        _pg_admin(base, f"SET lc_messages = '{GERMAN}'; SELECT * FROM custgroups_no_such_table")
    except psycopg2.errors.UndefinedTable as exc:
        if "existiert nicht" in str(exc):
            return
        reason = "the PostgreSQL server has no German messages (postgres-*.mo) installed"
    except psycopg2.Error as exc:
        reason = (f"the PostgreSQL server's machine has no {GERMAN} locale ({exc.pgcode}); "
                  f"there run: {GERMAN_LOCALE_COMMANDS}")
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(params=["en", "de"])
def language(request: pytest.FixtureRequest, postgres_url: str) -> str:
    """The language the server speaks to custgroups in the test."""
    if request.param == "de":
        _german_or_skip(postgres_base_url() or "")
    return str(request.param)


#: What the server says, in either language, for each failure provoked below.
SAID = {
    "schema": {"en": "permission denied for schema", "de": "keine Berechtigung für Schema"},
    "table": {"en": "permission denied for table", "de": "keine Berechtigung für Tabelle"},
    "denied": {"en": "permission denied for", "de": "keine Berechtigung für"},
    "read-only": {"en": "in a read-only transaction", "de": "Read-Only-Transaktion"},
    "missing": {"en": "does not exist", "de": "existiert nicht"},
    "serialize": {"en": "could not serialize access", "de": "konnte Zugriff nicht serialisieren"},
    "deadlock": {"en": "deadlock detected", "de": "Verklemmung (Deadlock) entdeckt"},
    "lock": {"en": "lock timeout", "de": "Zeitüberschreitung einer Sperre"},
    "statement": {"en": "statement timeout", "de": "Zeitüberschreitung der Anfrage"},
}


def _server_said(exc: BaseException) -> str:
    """The server's own message behind a failure (psycopg2's diagnostics)."""
    return next((e.diag.message_primary for e in failures.chain(exc)
                 if getattr(getattr(e, "diag", None), "message_primary", None)), "")


def _with_options(url: str, *settings: str) -> str:
    """``url`` with server settings sent at connecting (libpq's ``options``)."""
    options = " ".join(f"-c {setting}" for setting in settings)
    return url + ("&" if "?" in url else "?") + "options=" + quote(options)


def _speaking(url: str, language: str, *settings: str) -> str:
    """``url`` for a superuser session in ``language``, with other ``settings``."""
    if language == "de":
        settings = (f"lc_messages={GERMAN}", *settings)
    return _with_options(url, *settings) if settings else url


def _schema(url: str) -> str:
    return url.rsplit("schema=", 1)[1].split("&", 1)[0]


@pytest.fixture
def clerk(postgres_url: str, language: str) -> Iterator[str]:
    """A login role of the clerk's own, no superuser, with no rights yet; its name."""
    base = postgres_base_url()
    assert base is not None
    name = "cg_clerk_" + uuid.uuid4().hex[:10]
    _pg_admin(base, f'CREATE ROLE "{name}" LOGIN')
    if language == "de":  # lc_messages is a superuser's setting: given to the role by one
        _pg_admin(base, f"ALTER ROLE \"{name}\" SET lc_messages = '{GERMAN}'")
    try:
        yield name
    finally:
        db.close_database()
        _pg_admin(base, f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        f"WHERE usename = '{name}'")
        _pg_admin(base, f'DROP OWNED BY "{name}"; DROP ROLE "{name}"')


def _as(url: str, role: str) -> str:
    parsed = urlparse(url)
    return parsed._replace(netloc=f"{role}@{parsed.hostname}:{parsed.port or 5432}").geturl()


def _admin(sql: str) -> None:
    base = postgres_base_url()
    assert base is not None
    _pg_admin(base, sql)


def _set_up(url: str) -> None:
    """The schema made by the administrator (the superuser), then closed again."""
    db.open_database(url, create=True)
    db.close_database()


@pytest.mark.postgres
def test_a_login_that_may_not_create_the_tables(postgres_url: str, language: str,
                                                clerk: str) -> None:
    _admin(f'GRANT USAGE ON SCHEMA "{_schema(postgres_url)}" TO "{clerk}"')
    url = _as(postgres_url, clerk)
    with pytest.raises(DatabaseError) as opening:
        db.open_database(url)
    assert "not set up for custgroups" in str(opening.value)
    assert "ask your administrator to run custgroups server-setup" in str(opening.value).lower()
    # The same refusal met anywhere else (here, making a table by hand) reads alike.
    server, _kind = connect._make_database(url)
    try:
        with pytest.raises(peewee.ProgrammingError) as exc:
            server.execute_sql("CREATE TABLE customer_group (id integer)")
    finally:
        server.close_all()
    assert SAID["schema"][language] in _server_said(exc.value)
    assert str(failures.explain(exc.value, WHERE, url, reading=True)) == _sentence(
        Failure.NOT_SET_UP, reading=True)


@pytest.mark.postgres
def test_a_login_that_may_not_read(postgres_url: str, language: str, clerk: str) -> None:
    _set_up(postgres_url)
    _admin(f'GRANT USAGE ON SCHEMA "{_schema(postgres_url)}" TO "{clerk}"')
    url = _as(postgres_url, clerk)
    with pytest.raises(DatabaseError) as exc:
        db.open_database(url)
    assert SAID["table"][language] in _server_said(exc.value)
    assert str(exc.value) == (f"Your database login may not look at the groups in "
                              f"{db.display_name(url)}, so nothing was changed; ask your "
                              "administrator for access.")


@pytest.mark.postgres
def test_a_login_that_may_read_but_not_change(postgres_url: str, language: str,
                                              clerk: str) -> None:
    _set_up(postgres_url)
    schema = _schema(postgres_url)
    _admin(f'GRANT USAGE ON SCHEMA "{schema}" TO "{clerk}"; '
           f'GRANT SELECT ON ALL TABLES IN SCHEMA "{schema}" TO "{clerk}"')
    db.open_database(_as(postgres_url, clerk))
    assert groups.count_groups() == 0
    with pytest.raises(DatabaseError) as exc:
        groups.save_group(GroupChange(name="Not mine to make"), "clerk")
    assert SAID["denied"][language] in _server_said(exc.value)
    assert str(exc.value) == ("Your database login may look at the groups but not change "
                              "them, so nothing was saved; ask your administrator for editing "
                              "rights.")


@pytest.mark.postgres
def test_a_server_that_takes_no_changes(postgres_url: str, language: str) -> None:
    _set_up(postgres_url)
    url = _speaking(postgres_url, language, "default_transaction_read_only=on")
    db.open_database(url)
    assert groups.count_groups() == 0
    with pytest.raises(DatabaseError) as exc:
        groups.save_group(GroupChange(name="Nowhere to go"), "alice")
    assert SAID["read-only"][language] in _server_said(exc.value)
    assert str(exc.value) == _sentence(Failure.READ_ONLY_SERVER, db.display_name(url))


@pytest.mark.postgres
def test_a_table_dropped_behind_custgroups_back(postgres_url: str, language: str) -> None:
    url = _speaking(postgres_url, language)
    db.open_database(url, create=True)
    _admin(f'DROP TABLE "{_schema(postgres_url)}".customer_group CASCADE')
    with pytest.raises(DatabaseError) as exc:
        groups.count_groups()
    assert SAID["missing"][language] in _server_said(exc.value)
    assert str(exc.value) == _sentence(Failure.MISSING_PART, db.display_name(url), reading=True)


def _other_session(url: str) -> Any:
    """Another client's own connection to the test's schema, with no time limits."""
    import psycopg2

    server, _kind = connect._make_database(url)
    params = dict(server.connect_params)
    params["options"] = f"-c search_path={_schema(url)},public"
    return psycopg2.connect(dbname=server.database, **params)


@pytest.mark.postgres
def test_a_read_that_met_another_transaction_repeats_once(postgres_url: str,
                                                          language: str) -> None:
    db.open_database(_speaking(postgres_url, language), create=True)
    group = groups.save_group(GroupChange(name="Contested"), "alice")
    other = _other_session(postgres_url)
    other.autocommit = True
    said: list[str] = []
    calls = 0

    @operations.reads
    def shared_look() -> str:  # a read that also keeps others from changing what it read
        nonlocal calls
        calls += 1
        with database.atomic(isolation_level="REPEATABLE READ"):
            database.execute_sql("SELECT 1")  # the snapshot is taken here
            if calls == 1:
                with other.cursor() as cursor:
                    cursor.execute("UPDATE customer_group SET description = 'changed' "
                                   "WHERE id = %s", [group.id])
            try:
                row = database.execute_sql("SELECT description FROM customer_group "
                                           "WHERE id = %s FOR SHARE", [group.id]).fetchone()
            except peewee.DatabaseError as exc:
                said.append(_server_said(exc))
                raise
        return str(row[0])

    try:
        assert shared_look() == "changed"
    finally:
        other.close()
    assert calls == 2
    assert len(said) == 1 and SAID["serialize"][language] in said[0]


@pytest.mark.postgres
def test_a_save_that_met_another_transaction_is_not_repeated(postgres_url: str,
                                                             language: str) -> None:
    url = _speaking(postgres_url, language)
    db.open_database(url, create=True)
    first = groups.save_group(GroupChange(name="First"), "alice")
    second = groups.save_group(GroupChange(name="Second"), "alice")
    other = _other_session(postgres_url)
    touch = "UPDATE customer_group SET description = description WHERE id = %s"
    calls = 0

    def other_wants_first() -> None:
        with other.cursor() as cursor:
            cursor.execute(touch, [first.id])  # waits for the save below, which waits for it

    @operations.writes
    def cross() -> None:
        nonlocal calls
        calls += 1
        with db.transaction():
            database.execute_sql(touch, [first.id])
            waiting = threading.Timer(0.3, other_wants_first)
            waiting.start()
            try:
                database.execute_sql(touch, [second.id])  # the server finds the deadlock here
            finally:
                waiting.join(30)

    with other.cursor() as cursor:
        cursor.execute(touch, [second.id])  # held, its transaction open
    try:
        with pytest.raises(DatabaseError) as exc:
            cross()
    finally:
        other.rollback()
        other.close()
    assert calls == 1
    assert SAID["deadlock"][language] in _server_said(exc.value)
    assert str(exc.value) == ("Someone else was changing the same data at that moment, so "
                              "nothing was saved. Please try again.")


@pytest.fixture
def short_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    """The server gives up on a held lock and on a long statement within a moment."""
    monkeypatch.setattr(database_server, "SERVER_TIMEOUTS",
                        {"lock_timeout": "300ms", "statement_timeout": "500ms"})


@pytest.mark.postgres
def test_a_held_group_gives_up_in_any_language(postgres_url: str, language: str,
                                               short_waits: None) -> None:
    db.open_database(_speaking(postgres_url, language), create=True)
    group = groups.save_group(GroupChange(name="Held"), "alice")
    other = _other_session(postgres_url)
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT * FROM customer_group WHERE id = %s FOR UPDATE", [group.id])
        with pytest.raises(DatabaseError) as exc:
            groups.save_group(GroupChange(name="Renamed", group_id=group.id,
                                          expected_version=group.version), "bob")
    finally:
        other.rollback()
        other.close()
    assert SAID["lock"][language] in _server_said(exc.value)
    assert str(exc.value) == ("Another clerk's change is holding this group, so nothing was "
                              "saved; try again in a moment.")


@pytest.mark.postgres
def test_a_statement_that_ran_too_long(postgres_url: str, language: str,
                                       short_waits: None) -> None:
    db.open_database(_speaking(postgres_url, language), create=True)
    slow = operations.reads(lambda: database.execute_sql("SELECT pg_sleep(5)").fetchone())
    with pytest.raises(DatabaseError) as exc:
        slow()
    assert SAID["statement"][language] in _server_said(exc.value)
    assert str(exc.value) == _sentence(Failure.TOO_LONG, reading=True)


@pytest.mark.postgres
def test_logins_the_server_refuses(postgres_url: str) -> None:
    name = "cg_refused_" + uuid.uuid4().hex[:10]
    _admin(f'CREATE ROLE "{name}" NOLOGIN; CREATE ROLE "{name}_full" LOGIN CONNECTION LIMIT 0')
    try:
        for role, failure in ((name, Failure.LOGIN_REFUSED),
                              (f"{name}_full", Failure.NO_FREE_CONNECTIONS)):
            url = _as(postgres_url, role)
            with pytest.raises(DatabaseError) as exc:
                db.open_database(url)
            assert str(exc.value) == _sentence(failure, db.display_name(url), reading=True)
    finally:
        _admin(f'DROP ROLE "{name}"; DROP ROLE "{name}_full"')
