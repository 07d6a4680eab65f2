"""Pasted codes resolved against the customers, and a group's members, before anything is
added: recognised, already members, duplicates, unknown (with "did you mean") and inactive."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from custgroups.core import db
from custgroups.core.codes import CUSTOMER_CODE_MAX, customer_code_key, near_codes
from custgroups.core.models import database
from custgroups.core.progress import ProgressFn, no_progress

# Past this many unknown codes, "did you mean" is left out: the list is junk, not typos.
MAX_SUGGESTIONS = 50
# Pasted codes resolved in one statement: a round trip each to a server costs more than the
# progress between them is worth (100,000 codes take about a second).
_RESOLVE_CHUNK = 100_000
_SUGGEST_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz-_./"


class CustomerRef(NamedTuple):
    """Just enough of a customer to list it in a paste summary or a history entry.

    A named tuple rather than a frozen dataclass: a paste makes one per code, up to
    hundreds of thousands, and tuples are several times cheaper to build.
    """

    id: int
    code: str
    name: str
    active: bool


@dataclass(frozen=True)
class UnknownCode:
    """A pasted code that matches no customer, with the nearest existing code if one is close."""

    code: str
    suggestion: str | None


@dataclass(frozen=True)
class CodeResolution:
    """What a list of pasted codes means for one group, before anything is added.

    Every distinct code lands in exactly one of ``recognised``, ``already_members``,
    ``inactive`` and ``unknown``; ``duplicates`` lists the repeats beyond each first one.
    """

    recognised: tuple[CustomerRef, ...]
    already_members: tuple[CustomerRef, ...]
    duplicates: tuple[str, ...]
    unknown: tuple[UnknownCode, ...]
    inactive: tuple[CustomerRef, ...]

    @property
    def total(self) -> int:
        """How many codes were given, repeats included."""
        return (len(self.recognised) + len(self.already_members) + len(self.duplicates)
                + len(self.unknown) + len(self.inactive))


def lookup_keys(keys: Sequence[str], group_id: int | None = None
                ) -> Iterator[tuple[str, int, str, str, bool, bool]]:
    """(key, id, code, name, active, is_member) for every code key that names a customer
    (is_member: of ``group_id``); on the caller's connection."""
    source, param = db.text_list(keys)
    sql = ("SELECT c.code_key, c.id, c.code, c.name, c.active, m.customer_id IS NOT NULL "
           f"FROM {source} JOIN customer c ON c.code_key = k.value "
           f"LEFT JOIN membership m ON m.group_id = {db.mark()} AND m.customer_id = c.id")
    rows = database.execute_sql(sql, [param, group_id])
    if db.is_postgres():  # booleans already
        yield from rows
        return
    for key, cid, code, name, active, member in rows:
        yield key, cid, code, name, bool(active), bool(member)


@db.reads
def resolve_codes(
    codes: Sequence[str], group_id: int | None = None, progress: ProgressFn = no_progress
) -> CodeResolution:
    """Sort pasted codes into recognised, already members, duplicates, unknown and inactive."""
    first: dict[str, str] = {}
    duplicates: list[str] = []
    for code in codes:
        key = customer_code_key(code)
        if key in first:
            duplicates.append(code)
        else:
            first[key] = code
    # Looked up in key order, SQLite walks the code index forwards instead of hopping about.
    keys = sorted(first)
    found: dict[str, tuple[str, int, str, str, bool, bool]] = {}
    total = len(keys) + 1
    for start in range(0, len(keys), _RESOLVE_CHUNK):
        found.update((row[0], row) for row in lookup_keys(keys[start:start + _RESOLVE_CHUNK],
                                                      group_id))
        progress(min(start + _RESOLVE_CHUNK, len(keys)), total)

    recognised: list[CustomerRef] = []
    members: list[CustomerRef] = []
    inactive: list[CustomerRef] = []
    unknown_keys: list[str] = []
    hit_of = found.get
    for key in first:  # paste order, as the clerk will read the lists
        hit = hit_of(key)
        if hit is None:
            unknown_keys.append(key)
            continue
        _key, cid, code, name, active, member = hit
        ref = CustomerRef(cid, code, name, active)
        if member:
            members.append(ref)
        elif not active:
            inactive.append(ref)
        else:
            recognised.append(ref)
    suggestions = _suggest(unknown_keys) if len(unknown_keys) <= MAX_SUGGESTIONS else {}
    progress(total, total)
    return CodeResolution(
        recognised=tuple(recognised),
        already_members=tuple(members),
        duplicates=tuple(duplicates),
        unknown=tuple(UnknownCode(first[k], suggestions.get(k)) for k in unknown_keys),
        inactive=tuple(inactive),
    )


def _suggest(unknown_keys: Sequence[str]) -> dict[str, str]:
    """The existing customer code each unknown key may have meant, where there is one.

    First the code it reads as when width and form are ignored ("ＡＢＣ" for ABC, "K²" for
    K2), then one edit away. A suggestion is only shown, never applied.
    """
    candidates: dict[str, list[str]] = {}
    for key in unknown_keys:
        if len(key) <= CUSTOMER_CODE_MAX:
            alphabet = _SUGGEST_ALPHABET + "".join(sorted(set(key) - set(_SUGGEST_ALPHABET)))
            candidates[key] = [customer_code_key(unicodedata.normalize("NFKC", key)),
                               *near_codes(key, alphabet)]
    wanted = list({c for near in candidates.values() for c in near})
    existing: dict[str, str] = {}
    for start in range(0, len(wanted), _RESOLVE_CHUNK):
        for key, _cid, code, *_ in lookup_keys(wanted[start:start + _RESOLVE_CHUNK]):
            existing[key] = code
    result: dict[str, str] = {}
    for key, near in candidates.items():
        match = next((existing[c] for c in near if c in existing), None)
        if match is not None:
            result[key] = match
    return result
