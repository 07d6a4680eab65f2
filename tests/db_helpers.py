"""What the tests of opening databases share: the database closed after each of them."""

from __future__ import annotations

import pytest

from custgroups.core import db


@pytest.fixture(autouse=True)
def _closed() -> object:
    """Whatever the test opened is closed after it."""
    yield
    db.close_database()


def recorded(name: str) -> str:
    """Who the history records for a change made as ``name``: on a server, the login."""
    return db.info().login or name
