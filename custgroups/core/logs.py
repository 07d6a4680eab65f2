"""The log file where details go that a clerk should never have to read on screen."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

import platformdirs

_handler: logging.handlers.RotatingFileHandler | None = None


def log_file_path() -> Path:
    """Where the log is written; ``CUSTGROUPS_LOG`` overrides the per-user default."""
    override = os.environ.get("CUSTGROUPS_LOG")
    if override:
        return Path(override)
    return platformdirs.user_log_path("custgroups", appauthor=False) / "custgroups.log"


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send ``custgroups`` logging to a rotating file; returns the file, or None if unwritable."""
    global _handler
    path = log_file_path()
    logger = logging.getLogger("custgroups")
    if _handler is not None:
        if Path(_handler.baseFilename) == path.absolute():
            return path
        logger.removeHandler(_handler)
        _handler.close()
        _handler = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=3, encoding="utf-8", delay=True
        )
    except OSError:
        # A log we cannot write must not stop the clerk's work.
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.setLevel(level)
    logger.addHandler(handler)
    _handler = handler
    return path
