"""What support needs to know about this copy of custgroups, in plain lines a clerk can copy."""

from __future__ import annotations

import platform
import sqlite3

from custgroups import __version__
from custgroups.core import db
from custgroups.core.db.migrations import schema_version
from custgroups.core.logs import log_file_path


@db.reads
def support_details() -> list[tuple[str, str]]:
    """(what, value) lines: the version, the database in use and its schema, the Python and
    SQLite versions, and the log folder."""
    current = db.info()
    return [
        ("custgroups", __version__),
        ("Database", f"{current.display_name} ({current.kind})"),
        ("Schema version", str(schema_version())),
        ("Customer search", "indexed" if current.customer_search_index else "not indexed"),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("SQLite", sqlite3.sqlite_version),
        ("System", platform.platform()),
        ("Log folder", str(log_file_path().parent)),
    ]
