"""Choosing the database like a desktop app: server addresses, their test, passwords in the
keychain only, and the remembered choice with the computer's preset."""

from __future__ import annotations

import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import psycopg2
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import PasswordDeleteError
from PySide6.QtCore import QSettings

from custgroups.core import db, passwords
from custgroups.core.db.address import (
    ServerAddress,
    from_url,
    needs_password,
    probe,
    sqlite_url,
    with_password,
    without_password,
)
from custgroups.core.db.files import display_name, sqlite_path
from custgroups.core.errors import DatabaseError, tr
from custgroups.qt.database_choice import MAX_RECENT, DatabaseChoice, start_url
from tests.window_helpers import make_groups


class MemoryKeyring(KeyringBackend):
    """A keychain that keeps passwords in a dict, as a real one would on disk."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.kept.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


@pytest.fixture
def keychain() -> Iterator[MemoryKeyring]:
    """An empty keychain for the test; the one before is put back afterwards."""
    before = keyring.get_keyring()
    kept = MemoryKeyring()
    keyring.set_keyring(kept)
    try:
        yield kept
    finally:
        keyring.set_keyring(before)
        passwords.forget_held()


@pytest.fixture
def no_keychain() -> Iterator[None]:
    """A computer without any keychain (Linux without a Secret Service, CI)."""
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(before)
        passwords.forget_held()


@pytest.fixture
def system_settings(tmp_path: Path) -> Path:
    """Where the computer's settings (IT's preset) are read from, in the test's folder."""
    folder = tmp_path / "system-settings"
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.SystemScope, str(folder))
    return folder


def preset(folder: Path, url: str) -> None:
    """IT's preset, written as a managed profile on Linux would be."""
    (folder / "custgroups").mkdir(parents=True, exist_ok=True)
    (folder / "custgroups" / "custgroups.conf").write_text(f"[database]\nurl={url}\n",
                                                          encoding="utf-8")


def free_port() -> int:
    """A port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- addresses ----------------------------------------------------------------------------


def test_a_server_address_reads_back_as_it_was_written() -> None:
    address = ServerAddress(host="db.example.com", database="sales team", user="ann@corp",
                            port=6543, sslmode="require", schema="north")
    url = address.url()
    assert url == ("postgresql://ann%40corp@db.example.com:6543/sales%20team?"
                   "sslmode=require&schema=north")
    assert from_url(url) == address
    assert from_url("sqlite:///tmp/custgroups.db") is None
    assert from_url("postgresql://h:port/db") is None
    assert ServerAddress(host="::1", database="d").url() == "postgresql://[::1]:5432/d?sslmode=prefer"


def test_a_password_is_carried_only_for_connecting() -> None:
    url = ServerAddress(host="h", database="d", user="ann").url()
    carried = with_password(url, "p@ss:w/rd")
    assert carried == "postgresql://ann:p%40ss%3Aw%2Frd@h:5432/d?sslmode=prefer"
    assert "p%40ss" not in display_name(carried)
    assert without_password(carried) == url
    assert without_password("postgresql://ann@h/d?password=x&sslmode=require") == \
        "postgresql://ann@h/d?sslmode=require"
    assert without_password("sqlite:///a@b:c.db") == "sqlite:///a@b:c.db"


def test_incomplete_addresses_are_refused_field_by_field() -> None:
    problems = ServerAddress(host=" ", database="").problems()
    assert [(p.field, p.message) for p in problems] == [
        ("host", "Enter the server's name or address, such as db.example.com."),
        ("database", "Enter the name of the database on the server.")]
    assert [p.field for p in ServerAddress(host="db/x", database="d", port=0).problems()] == \
        ["host", "port"]


def test_a_file_address_survives_characters_urls_reserve(tmp_path: Path) -> None:
    path = tmp_path / "100% #1? team.db"
    assert sqlite_path(sqlite_url(path)) == path


def test_a_missing_or_refused_password_is_recognised() -> None:
    assert needs_password(psycopg2.OperationalError("fe_sendauth: no password supplied\n"))
    refused = psycopg2.OperationalError(
        'FATAL:  password authentication failed for user "ann"')
    wrapped = DatabaseError(tr("The database server refused the login."))
    wrapped.__cause__ = refused
    assert needs_password(wrapped)
    assert not needs_password(psycopg2.OperationalError("could not connect to server"))


# --- testing a server ---------------------------------------------------------------------


@pytest.mark.postgres
def test_probe_names_the_server_its_groups_and_schema(postgres_url: str) -> None:
    db.open_database(postgres_url, create=True)
    make_groups(3)
    opened = db.info()
    sentence = str(probe(postgres_url))
    schema = from_url(postgres_url).schema  # type: ignore[union-attr]
    assert sentence == (f"Connected to test (schema {schema}) on 127.0.0.1 as postgres: "
                        "groups: 3, schema up to date.")
    assert db.info() is opened  # the open database was left alone


@pytest.mark.postgres
def test_probe_of_an_empty_server_says_it_will_be_set_up(postgres_url: str) -> None:
    assert str(probe(postgres_url)).endswith(
        "the database is empty. Its administrator sets it up, or custgroups does when it "
        "first opens it.")


@pytest.mark.postgres
def test_probe_failures_are_one_plain_sentence(postgres_url: str) -> None:
    address = from_url(postgres_url)
    assert address is not None
    wrong_port = ServerAddress(host=address.host, database=address.database,
                               user=address.user, port=free_port()).url()
    with pytest.raises(DatabaseError, match="^Cannot reach the database server for "
                                            "postgresql://postgres@127.0.0.1:"):
        probe(wrong_port)
    with pytest.raises(DatabaseError, match="has no database named 'nowhere'"):
        probe(ServerAddress(host=address.host, database="nowhere", user=address.user).url())
    with pytest.raises(DatabaseError, match="is not a database server address"):
        probe("sqlite:///somewhere.db")


# --- passwords ----------------------------------------------------------------------------


SERVER = "postgresql://ann@db.example.com:5432/sales?sslmode=prefer"


def test_the_keychain_keeps_loads_and_forgets_a_password(keychain: MemoryKeyring) -> None:
    assert passwords.available()
    assert passwords.load(SERVER) is None
    assert passwords.store(with_password(SERVER, "old"), "s3cret")
    assert keychain.kept == {("custgroups", SERVER): "s3cret"}  # under the password-free URL
    passwords.forget_held()  # as at the next start
    assert passwords.load(SERVER) == "s3cret"
    passwords.forget(SERVER)
    assert keychain.kept == {} and passwords.load(SERVER) is None
    passwords.forget(SERVER)  # forgetting twice is no failure


def test_without_a_keychain_the_password_lasts_this_run_only(no_keychain: None) -> None:
    assert not passwords.available()
    assert not passwords.store(SERVER, "s3cret")
    assert passwords.load(SERVER) == "s3cret"  # held for this run
    passwords.forget_held()  # the next start
    assert passwords.load(SERVER) is None


def test_without_the_keyring_package_nothing_is_kept(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "keyring", None)  # import fails
    assert not passwords.available()
    assert not passwords.store(SERVER, "s3cret")
    passwords.forget_held()
    assert passwords.load(SERVER) is None


# --- the remembered choice ----------------------------------------------------------------


def test_recent_databases_are_latest_first_without_duplicates(system_settings: Path) -> None:
    choice = DatabaseChoice()
    assert choice.current == "" and choice.recent == []
    urls = [f"sqlite:////data/shop{i}.db" for i in range(MAX_RECENT + 2)]
    for url in urls:
        choice.remember(url)
    choice.remember(urls[3])
    again = DatabaseChoice()
    assert again.current == urls[3]
    # urls[0] and urls[1] fell off the end; urls[3] moved to the front, once.
    assert [r.url for r in again.recent] == [urls[i] for i in (3, 9, 8, 7, 6, 5, 4, 2)]
    assert again.recent[0].name == display_name(urls[3])
    again.clear_recent()
    assert DatabaseChoice().recent == [] and DatabaseChoice().current == urls[3]


def test_one_recent_database_is_read_back_as_a_list(system_settings: Path) -> None:
    DatabaseChoice().remember("sqlite:////data/one.db")
    assert [r.url for r in DatabaseChoice().recent] == ["sqlite:////data/one.db"]


def test_passwords_never_reach_the_settings_files(tmp_path: Path, system_settings: Path,
                                                  no_keychain: None) -> None:
    choice = DatabaseChoice()
    choice.remember("postgresql://ann:Hunter2@db.example.com:5432/sales?sslmode=prefer")
    choice.remember("postgresql://bob@db.example.com/other?password=Hunter3")
    written = "".join(path.read_text(encoding="utf-8", errors="replace")
                      for path in (tmp_path / "settings").rglob("*") if path.is_file())
    assert "db.example.com" in written
    assert "Hunter" not in written
    assert choice.current == "postgresql://bob@db.example.com/other"


def test_the_start_follows_option_environment_choice_preset_default(
        system_settings: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    default = db.default_database_url()
    assert start_url(None) == default
    preset(system_settings, "postgresql://it@db.corp:5432/groups?sslmode=require")
    assert DatabaseChoice().preset == "postgresql://it@db.corp:5432/groups?sslmode=require"
    assert start_url(None) == "postgresql://it@db.corp:5432/groups?sslmode=require"
    assert DatabaseChoice().server_to_suggest() == DatabaseChoice().preset
    DatabaseChoice().remember("sqlite:////data/mine.db")
    assert DatabaseChoice().current == "sqlite:////data/mine.db"  # not the preset's value
    assert start_url(None) == "sqlite:////data/mine.db"
    assert DatabaseChoice().server_to_suggest() == DatabaseChoice().preset
    monkeypatch.setenv("CUSTGROUPS_DATABASE", "sqlite:////data/env.db")
    assert start_url(None) == "sqlite:////data/env.db"
    assert start_url("sqlite:////data/option.db") == "sqlite:////data/option.db"
