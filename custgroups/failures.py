"""Database failures in plain words: one sentence a clerk understands, details to the log."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlparse


def chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception and every one behind it: causes, contexts and wrapped arguments."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        current = todo.pop(0)
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        todo.extend([current.__cause__, current.__context__])
        todo.extend(arg for arg in current.args if isinstance(arg, BaseException))


def connection_lost(exc: BaseException) -> bool:
    """True when a failure means the database server connection is gone."""
    text = " ".join(str(e) for e in chain(exc)).lower()
    return any(
        needle in text
        for needle in (
            "server closed the connection",
            "connection already closed",
            "terminating connection",
            "connection not open",
            "ssl connection has been closed",
            "could not receive data from server",
            "no connection to the server",
        )
    )


def explain(exc: BaseException, where: str, url: str | None = None) -> str:
    """One sentence a clerk understands for a database failure at ``where``."""
    text = " ".join(str(e) for e in chain(exc)).lower()
    errno = next((e.errno for e in chain(exc) if isinstance(e, OSError)), None)

    if "database or disk is full" in text or "no space left" in text or errno == 28:
        return "The disk is full, so nothing was saved. Free some space and try again."
    if "database is locked" in text or "database table is locked" in text:
        return ("The database is busy: another program has kept it locked. "
                "Nothing was saved; try again in a moment.")
    if "readonly database" in text or "read-only" in text or errno in (13, 30):
        return (f"The database {where} is read-only here, so nothing was saved. "
                "Check the file's permissions or open a copy you can change.")
    if "file is not a database" in text or "encrypted or is not a database" in text:
        return f"{where} is not a custgroups database (or it is damaged). Open another file."
    if "malformed" in text or "disk i/o error" in text:
        return (f"The database {where} is damaged or its disk failed. Restore it from a backup; "
                "details are in the log.")
    if "unable to open database file" in text:
        return (f"The database {where} cannot be opened: the file or its folder is missing, "
                "or you may not write there.")
    if "password authentication failed" in text or "no password supplied" in text:
        return f"The database server refused the login for {where}: check the user and password."
    if "role" in text and "does not exist" in text:
        return f"The database server does not know the user named in {where}."
    if "does not exist" in text and "database" in text and "fatal" in text:
        name = urlparse(url).path.lstrip("/") if url else ""
        return f"The database server has no database named '{name}' ({where})."
    if (
        "could not connect" in text
        or "connection refused" in text
        or "could not translate host name" in text
        or "timeout expired" in text
        or "name or service not known" in text
    ):
        return (f"Cannot reach the database server for {where}. Check that it is running and "
                "that this computer is on its network.")
    if connection_lost(exc):
        return ("The connection to the database server was lost. It will reconnect on the next "
                "try; check whether your last change is there before repeating it.")
    if "deadlock" in text or "could not serialize" in text:
        return "Someone else was changing the same data at that moment. Please try again."
    if "max connections" in text or "too many clients" in text:
        return "The database server has no free connections right now. Try again in a moment."
    return ("The database reported a problem it did not explain; nothing was half-saved. "
            "Details are in the log.")
