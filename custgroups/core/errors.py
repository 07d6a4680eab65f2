"""Errors that carry one plain sentence a clerk can act on, in any language.

A sentence is its English text with ``{placeholders}`` (the id translators see) and the
values that fill them. ``tr("…", code=…)`` makes one; ``lupdate`` collects every
``tr("…")`` literal for the translators. The command line and the logs show the English;
the windows word it in the clerk's language (``qt.words.said``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Sentence:
    """English ``text`` with ``{placeholders}``, and the ``values`` that fill them: numbers,
    times (UTC), words, other sentences, or lists of sentences (one per line)."""

    text: str
    values: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.text.format(**{name: english(value) for name, value in self.values.items()})


def tr(text: str, **values: object) -> Sentence:
    """A sentence for the clerk: ``tr("Group {code} is inactive.", code=code)``."""
    return Sentence(text, values)


def english(value: object) -> str:
    """A value as the English sentences write it: "12,345", "2026-11-28 10:33 UTC"."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M} UTC"
    if isinstance(value, Sequence) and not isinstance(value, str):
        return "\n".join(english(item) for item in value)
    return str(value)


class CustgroupsError(Exception):
    """Base of every error whose message may be shown to a clerk as it is."""

    def __init__(self, sentence: Sentence) -> None:
        self.sentence = sentence
        self.message = str(sentence)
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt from its state, not by calling __init__ again (whose arguments differ from
        # one error to the next): an error crosses from a process of its own (core.apart).
        return (_rebuilt, (type(self), self.args, self.__dict__))


def _rebuilt(cls: type[CustgroupsError], args: tuple[Any, ...], state: dict[str, Any]
             ) -> CustgroupsError:
    error = cls.__new__(cls, *args)
    error.__dict__.update(state)
    return error


class ValidationError(CustgroupsError):
    """Input that breaks a rule; ``field`` names the field to point at."""

    def __init__(self, field: str, sentence: Sentence) -> None:
        super().__init__(sentence)
        self.field = field


class DuplicateNameError(ValidationError):
    """Another group already has this name (under the normalised key)."""

    def __init__(self, name: str, existing_code: str) -> None:
        super().__init__("name", tr("A group named '{name}' already exists ({code}).",
                                    name=name, code=existing_code))
        self.existing_code = existing_code


class GroupInactiveError(ValidationError):
    """Customers were to be added to a group that is (or would be) inactive."""

    def __init__(self, code: str | None = None) -> None:
        super().__init__("members", tr("Group {code} is inactive: activate it before adding "
                                       "customers.", code=code) if code else
                         tr("This group is inactive: activate it before adding customers."))


#: How many codes a sentence lists before it only counts the rest.
SHOWN_CODES = 10


class InactiveCustomersError(ValidationError):
    """Inactive customers were to be added: they never are, anywhere."""

    def __init__(self, codes: list[str]) -> None:
        super().__init__("members", tr("Inactive customers cannot be added to a group ({count} "
                                       "in all): {codes}. Remove them, then save again.",
                                       count=len(codes), codes=", ".join(codes[:SHOWN_CODES])))
        self.codes = codes


class WouldEmptyGroupError(ValidationError):
    """A list would take every member out of a group, which needs the clerk's explicit yes."""

    def __init__(self, code: str, members: int) -> None:
        super().__init__("members", tr("The list would remove every member of {code} ({count} "
                                       "in all) and add nobody, so nothing was changed. If "
                                       "that is what you want, confirm it explicitly.",
                                       code=code, count=members))
        self.code = code
        self.members = members


class NotFoundError(CustgroupsError):
    """The thing asked for does not exist."""


class ConflictError(CustgroupsError):
    """Someone else saved the group after this edit began."""

    def __init__(self, code: str, changed_by: str, changed_at: datetime, version: int) -> None:
        super().__init__(tr(
            "Group {code} was changed by {user} at {time} after you started editing "
            "it. Reload it to see their changes; nothing of theirs was overwritten.",
            code=code, user=changed_by, time=changed_at))
        self.code = code
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.version = version


class DatabaseError(CustgroupsError):
    """The database cannot be used right now; the message says why."""


class SchemaTooNewError(DatabaseError):
    """The database was written by a newer version of custgroups."""


class Cancelled(CustgroupsError):
    """Long work stopped because the clerk asked; nothing of it was kept."""

    def __init__(self, sentence: Sentence | None = None) -> None:
        super().__init__(sentence or tr("Cancelled: nothing was changed."))


#: What a clerk is told about a failure nobody foresaw, in English (the windows translate
#: it; ``tr`` marks it for the translators); the details go to the log.
UNEXPECTED: str = tr("Something unexpected went wrong; nothing was half-saved. The details "
                     "are in the log.").text


def plain_message(exc: BaseException) -> str:
    """The one sentence a clerk is shown for any failure: ours as they are, others not raw."""
    return exc.message if isinstance(exc, CustgroupsError) else UNEXPECTED
