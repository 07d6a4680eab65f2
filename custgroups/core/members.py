"""A group's members held in memory by the editor: search keys made once, filtered off the UI
thread, so that narrowing tens of thousands of members costs a scan of short strings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from custgroups.core.customers import CustomerRow
from custgroups.core.text import search_fold


class Member(NamedTuple):
    """A customer in the editor's list with the key its filter compares: code and name."""

    key: str
    row: CustomerRow


def members_of(rows: Iterable[CustomerRow]) -> tuple[Member, ...]:
    """The rows with their search keys, in the order given."""
    # The line break never occurs in a folded term, so a term cannot match across the two.
    return tuple(Member(f"{search_fold(r.code)}\n{search_fold(r.name)}", r) for r in rows)


def filter_key(term: str) -> str:
    """The filter text as it is compared with member keys."""
    return search_fold(term).replace("\n", " ")


def matching(members: Sequence[Member], key: str) -> list[Member]:
    """The members whose code or name contains the folded ``key`` (all of them for "")."""
    if not key:
        return list(members)
    return [m for m in members if key in m.key]
