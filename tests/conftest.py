"""Shared fixtures: a fresh database per test, on SQLite and (when configured) PostgreSQL."""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PG_ENV = "CUSTGROUPS_TEST_POSTGRES"
PG_SKIP_REASON = (f"PostgreSQL tests need {PG_ENV}=postgresql://user@host:port/db "
                  "(.ci/run sets it after checking the server is up)")


def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    """Without pytest-qt (``-p no:pytest-qt``, the data floor alone) its settings are known."""
    if not pluginmanager.has_plugin("pytest-qt"):
        for name, kind in (("qt_api", "string"), ("qt_log_level_fail", "string"),
                           ("qt_log_ignore", "linelist")):
            parser.addini(name, "read by pytest-qt when it runs", type=kind)


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests on the server run one after another on one worker when the suite runs on
    several (pytest-xdist, --dist loadgroup): some end every custgroups session there."""
    for item in items:
        if ("postgres" in item.keywords or "[postgresql" in item.nodeid
                or "postgres_url" in getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.xdist_group("postgresql"))


def postgres_base_url() -> str | None:
    """The server URL the PostgreSQL tests run against, if one is configured."""
    return os.environ.get(PG_ENV) or None


def _pg_admin(base_url: str, sql: str) -> None:
    import psycopg2

    from custgroups.core.db.connect import _make_database  # reuse the URL parsing of the app

    database, _kind = _make_database(base_url)
    params = dict(database.connect_params)
    conn = psycopg2.connect(dbname=database.database, **params)
    conn.autocommit = True
    try:
        with conn.cursor() as cursor:
            cursor.execute(sql)
    finally:
        conn.close()


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A URL for a fresh, empty schema on the test server, dropped afterwards."""
    base = postgres_base_url()
    if base is None:
        pytest.skip(PG_SKIP_REASON)
    schema = "cg_test_" + uuid.uuid4().hex[:12]
    _pg_admin(base, f'CREATE SCHEMA "{schema}"')
    try:
        yield base + ("&" if "?" in base else "?") + f"schema={schema}"
    finally:
        from custgroups.core import db

        db.close_database()
        _pg_admin(base, f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A URL for a new SQLite file in the test's temp folder."""
    return f"sqlite:///{(tmp_path / 'custgroups.db').as_posix()}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh database URL; every test using it runs once per database kind."""
    if request.param == "sqlite":
        return str(request.getfixturevalue("sqlite_url"))
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def opened(database_url: str) -> Iterator[str]:
    """The fresh database, opened and migrated; closed afterwards."""
    from custgroups.core import db

    db.open_database(database_url, create=True)
    try:
        yield database_url
    finally:
        db.close_database()


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep tests away from the real per-user database, log and settings."""
    monkeypatch.setenv("CUSTGROUPS_LOG", str(tmp_path / "custgroups.log"))
    monkeypatch.delenv("CUSTGROUPS_DATABASE", raising=False)
    monkeypatch.setenv("CUSTGROUPS_USER", "tester")
    monkeypatch.setattr("platformdirs.user_data_path",
                        lambda *a, **k: tmp_path / "appdata")
    # Settings are Qt's: point them away only where Qt is loaded, so the data floor's tests
    # run (with -p no:pytest-qt) on a machine without PySide6.
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is not None:
        settings = qtcore.QSettings
        for kind in (settings.Format.NativeFormat, settings.Format.IniFormat):
            settings.setPath(kind, settings.Scope.UserScope, str(tmp_path / "settings"))
            # What IT presets for every user of the computer, too.
            settings.setPath(kind, settings.Scope.SystemScope, str(tmp_path / "system"))
        # Numbers and dates as an English (US) clerk reads them, whatever this machine's
        # locale; a test of another locale sets its own.
        qtcore.QLocale.setDefault(qtcore.QLocale("en_US"))
        _speak_english()


_english: list[object] = []


def _speak_english() -> None:
    """The English plural forms ("1 customer", "2 customers"), installed once, as the app
    installs them at its start."""
    if _english:
        return
    from PySide6.QtWidgets import QApplication

    from custgroups.qt import translations
    app = QApplication.instance() or QApplication(["pytest-qt-qapp"])
    _english.extend(translations.install(app, "en"))


@pytest.fixture
def no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any message box or conflict view a test did not answer fails it, instead of waiting."""
    from custgroups.ui import messages
    from custgroups.ui.conflict_dialog import ConflictDialog

    def unexpected(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"unexpected message box: {args[1:3]}")

    for name in ("confirm", "inform", "warn", "done_with_folder"):
        monkeypatch.setattr(messages, name, unexpected)
    monkeypatch.setattr(ConflictDialog, "ask", classmethod(unexpected))


class SmallDisk:
    """A tiny disk of its own (tmpfs) that a test can fill to the last byte."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._filler = root / "filler.bin"

    def fill(self, leave: int = 0) -> None:
        """Write zeros until not one more byte fits; then give ``leave`` bytes back."""
        descriptor = os.open(self._filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        try:
            for size in (1 << 16, 4096, 1):
                try:
                    while os.write(descriptor, b"\0" * size):
                        pass
                except OSError:
                    pass
        finally:
            os.close(descriptor)
        if leave:
            os.truncate(self._filler, max(0, self._filler.stat().st_size - leave))

    def free(self) -> None:
        """Make room again."""
        self._filler.unlink(missing_ok=True)

    def files(self) -> list[str]:
        """The names in the disk's folder, the filler aside."""
        return sorted(p.name for p in self.root.iterdir() if p != self._filler)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[SmallDisk]:
    """A 16 MB disk mounted for the test: needs root and a system that allows the mount."""
    import shutil
    import subprocess

    if os.name != "posix" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a full disk is simulated on a small tmpfs, which needs root on Linux")
    root = tmp_path / "small-disk"
    root.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(root)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"this system does not allow mounting a tmpfs: {done.stderr.strip()}")
    try:
        yield SmallDisk(root)
    finally:
        from custgroups.core import db

        db.close_database()
        subprocess.run(["umount", "-l", str(root)], check=False)
