"""Database server passwords, kept in the system keychain and never in the settings.

A password is stored under the service "custgroups", with the password-free address as the
user name, through the ``keyring`` package: the macOS Keychain, the Windows Credential Locker,
or a Secret Service (GNOME Keyring, KWallet) on Linux. Where there is none (a Linux desktop
without a Secret Service, a build machine), :func:`store` says so by returning False and the
password is asked at each start; for this run it is held in memory only.

A server may need no password from custgroups at all: libpq reads ``~/.pgpass`` (on Windows
``%APPDATA%\\postgresql\\pgpass.conf``) whenever none is given, so an address is always tried
without one first, and the keychain and the clerk are asked only when the server refuses.
"""

from __future__ import annotations

import logging
from types import ModuleType

from custgroups.core.db.address import without_password

log = logging.getLogger("custgroups.passwords")

SERVICE = "custgroups"

#: Passwords given during this run, by password-free address: asked once per start at most.
_held: dict[str, str] = {}


def _keyring() -> ModuleType | None:
    """The keyring package when it has a backend that really keeps passwords, else None."""
    try:
        import keyring
    except ImportError:
        return None
    try:
        usable = keyring.get_keyring().priority > 0  # "fail" is 0, "null" is -1
    except Exception:  # a backend that cannot even say what it is
        log.warning("the system keychain could not be reached", exc_info=True)
        return None
    return keyring if usable else None


def available() -> bool:
    """True when passwords can be kept in a system keychain on this computer."""
    return _keyring() is not None


def _key(url: str) -> str:
    return without_password(url)


def load(url: str) -> str | None:
    """The password for the server at ``url``: given earlier in this run, else from the
    keychain; None when there is none."""
    key = _key(url)
    if key in _held:
        return _held[key]
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        password = keyring.get_password(SERVICE, key)
    except Exception:  # a locked keychain, a refused access: the clerk is asked instead
        log.warning("the system keychain did not give the password", exc_info=True)
        return None
    return password if isinstance(password, str) else None


def hold(url: str, password: str) -> None:
    """Keep ``password`` for the server at ``url`` in memory until custgroups quits."""
    _held[_key(url)] = password


def forget_held() -> None:
    """Drop every password held for this run, as quitting does; the keychain keeps its own."""
    _held.clear()


def store(url: str, password: str) -> bool:
    """Keep ``password`` in the keychain (and for this run); False when there is no keychain
    or it refused, so the password will be asked at the next start."""
    hold(url, password)
    keyring = _keyring()
    if keyring is None:
        return False
    try:
        keyring.set_password(SERVICE, _key(url), password)
    except Exception:
        log.warning("the system keychain did not keep the password", exc_info=True)
        return False
    return True


def forget(url: str) -> None:
    """Drop the password for the server at ``url``, from this run and from the keychain."""
    key = _key(url)
    _held.pop(key, None)
    keyring = _keyring()
    if keyring is None:
        return
    try:
        keyring.delete_password(SERVICE, key)
    except Exception:  # none was stored (PasswordDeleteError), or the keychain refused
        log.debug("no password to forget in the system keychain", exc_info=True)
