"""Errors that carry one plain sentence a clerk can act on."""

from __future__ import annotations

from datetime import datetime


class CustgroupsError(Exception):
    """Base of every error whose message may be shown to a clerk as it is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationError(CustgroupsError):
    """Input that breaks a rule; ``field`` names the field to point at."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class DuplicateNameError(ValidationError):
    """Another group already has this name (under the normalised key)."""

    def __init__(self, name: str, existing_code: str) -> None:
        super().__init__("name", f"A group named '{name}' already exists ({existing_code}).")
        self.existing_code = existing_code


class GroupInactiveError(ValidationError):
    """Customers were to be added to a group that is (or would be) inactive."""

    def __init__(self, code: str | None = None) -> None:
        subject = f"Group {code} is" if code else "This group is"
        super().__init__("members", f"{subject} inactive: activate it before adding customers.")


class InactiveCustomersError(ValidationError):
    """Inactive customers were to be added: they never are, anywhere."""

    def __init__(self, codes: list[str]) -> None:
        shown = ", ".join(codes[:10]) + (f" and {len(codes) - 10:,} more" if len(codes) > 10
                                         else "")
        noun = "customer is" if len(codes) == 1 else "customers are"
        super().__init__("members", f"{len(codes):,} {noun} inactive and cannot be added to a "
                                    f"group: {shown}. Remove them, then save again.")
        self.codes = codes


class WouldEmptyGroupError(ValidationError):
    """A list would take every member out of a group, which needs the clerk's explicit yes."""

    def __init__(self, code: str, members: int) -> None:
        super().__init__("members", f"The list would remove all {members:,} members of {code} "
                                    "and add nobody, so nothing was changed. If that is what "
                                    "you want, confirm it explicitly.")
        self.code = code
        self.members = members


class NotFoundError(CustgroupsError):
    """The thing asked for does not exist."""


class ConflictError(CustgroupsError):
    """Someone else saved the group after this edit began."""

    def __init__(self, code: str, changed_by: str, changed_at: datetime, version: int) -> None:
        when = changed_at.strftime("%Y-%m-%d %H:%M")
        super().__init__(
            f"Group {code} was changed by {changed_by} at {when} (UTC) after you started "
            "editing it. Reload it to see their changes; nothing of theirs was overwritten."
        )
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

    def __init__(self, message: str = "Cancelled: nothing was changed.") -> None:
        super().__init__(message)


#: What a clerk is told about a failure nobody foresaw; the details go to the log.
UNEXPECTED = "Something unexpected went wrong; nothing was half-saved. The details are in the log."


def plain_message(exc: BaseException) -> str:
    """The one sentence a clerk is shown for any failure: ours as they are, others not raw."""
    return exc.message if isinstance(exc, CustgroupsError) else UNEXPECTED
