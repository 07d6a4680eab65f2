"""Who is at the keyboard, as history records it."""

from __future__ import annotations

import getpass
import os


def login_name() -> str:
    """``CUSTGROUPS_USER`` if set, else the operating-system login, else "unknown"."""
    name = os.environ.get("CUSTGROUPS_USER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in this environment
        return "unknown"
