"""A team's server for tests: fresh owner, editors and readers roles, and logins in them."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlparse, urlunparse

import pytest

from custgroups import cli
from custgroups.core import db
from tests.conftest import _pg_admin


@dataclass(frozen=True)
class Team:
    """A schema set up for a team, with the admin's address and the roles' names."""

    admin_url: str
    owner: str
    editors: str
    readers: str

    def as_login(self, login: str) -> str:
        """The same database, logged in as ``login``."""
        parts = urlparse(self.admin_url)
        netloc = f"{login}@{parts.hostname}:{parts.port or 5432}"
        return urlunparse(parts._replace(netloc=netloc))

    def login(self, name: str, role: str) -> str:
        """A new login that is a member of ``role``; its address."""
        _pg_admin(self.admin_url, f'CREATE ROLE "{name}" LOGIN IN ROLE "{role}"')
        return self.as_login(name)


@pytest.fixture
def roles(postgres_url: str) -> Iterator[Team]:
    """Fresh owner, editors and readers roles (and any logins made), dropped afterwards."""
    suffix = uuid.uuid4().hex[:8]
    made = Team(postgres_url, f"cg_owner_{suffix}", f"cg_editors_{suffix}",
                f"cg_readers_{suffix}")
    try:
        yield made
    finally:
        db.close_database()
        _pg_admin(postgres_url, f"""
            DO $$ DECLARE r record; BEGIN
              FOR r IN SELECT rolname FROM pg_roles WHERE rolname LIKE '%\\_{suffix}' LOOP
                EXECUTE format('DROP OWNED BY %I', r.rolname);
                EXECUTE format('DROP ROLE %I', r.rolname);
              END LOOP;
            END $$""")


def set_up_team(made: Team, *extra: str) -> int:
    """``custgroups server-setup`` for the team's roles; its exit code."""
    return cli.main(["server-setup", made.admin_url, "--owner", made.owner, "--editors",
                     made.editors, "--readers", made.readers, *extra])


@pytest.fixture
def set_up(roles: Team, capsys: pytest.CaptureFixture[str]) -> Team:
    """The team's schema, set up by ``custgroups server-setup``."""
    assert set_up_team(roles) == cli.EXIT_OK
    assert "is ready for custgroups" in capsys.readouterr().out
    return roles
