"""Saving a customer group, with its members, in one transaction; validating and numbering it.

The list query is in :mod:`group_list` and membership in :mod:`memberships`; their public
names stay importable from here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import peewee

from custgroups.core import db
from custgroups.core.clock import utc_now
from custgroups.core.codes import (
    GROUP_CODE_MAX,
    format_group_code,
    group_code_key,
    is_valid_group_code,
)
from custgroups.core.db.migrations import GROUP_CODE_SEQUENCE
from custgroups.core.errors import (
    ConflictError,
    DuplicateNameError,
    GroupInactiveError,
    NotFoundError,
    ValidationError,
    tr,
)
from custgroups.core.group_list import PAGE_SIZES as PAGE_SIZES
from custgroups.core.group_list import Group as Group
from custgroups.core.group_list import GroupPage as GroupPage
from custgroups.core.group_list import GroupQuery as GroupQuery
from custgroups.core.group_list import GroupSort as GroupSort
from custgroups.core.group_list import Status as Status
from custgroups.core.group_list import count_groups as count_groups
from custgroups.core.group_list import count_matching as count_matching
from custgroups.core.group_list import get_group as get_group
from custgroups.core.group_list import get_group_by_code as get_group_by_code
from custgroups.core.group_list import iter_groups as iter_groups
from custgroups.core.group_list import list_groups as list_groups
from custgroups.core.history import HistoryKind, give_reason
from custgroups.core.history import record as _record
from custgroups.core.memberships import ListMode as ListMode
from custgroups.core.memberships import MemberSource as MemberSource
from custgroups.core.memberships import change_members_of
from custgroups.core.memberships import list_members as list_members
from custgroups.core.memberships import member_ids as member_ids
from custgroups.core.memberships import member_rows as member_rows
from custgroups.core.memberships import members_of_groups as members_of_groups
from custgroups.core.models import Counter, CustomerGroup, database
from custgroups.core.progress import ProgressFn, no_progress
from custgroups.core.text import (
    fold,
    has_control_characters,
    key_safe,
    strip_invisible,
    tidy,
)
from custgroups.core.ways import Way

NAME_MAX = 100
DESCRIPTION_MAX = 500


@dataclass(frozen=True)
class GroupChange:
    """What a clerk asks to save: a new group when ``group_id`` is None, else an edit.

    An edit carries the version it started from; a newer version in the database is
    a conflict, never overwritten.
    """

    name: str
    description: str = ""
    active: bool = True
    code: str = ""
    group_id: int | None = None
    expected_version: int | None = None
    add_customer_ids: frozenset[int] = field(default_factory=frozenset)
    remove_customer_ids: frozenset[int] = field(default_factory=frozenset)
    #: The list the member changes came from, if they came from one (kept in the history).
    member_source: MemberSource | None = None
    #: Why, in the clerk's words (kept with the history of this save); may be empty.
    reason: str = ""
    #: How each customer came or went where it is known (the picker, a paste…); the rest
    #: came about as ``member_source`` says, or by hand in the editor.
    ways: Mapping[int, Way] = field(default_factory=dict, hash=False)
    #: How the whole change was made, where the caller knows (a command, the Customers window).
    how: str = ""


# --- validation -------------------------------------------------------------------------


def clean_name(name: str) -> str:
    """The name as it is stored: invisible characters dropped, NFKC, trimmed."""
    return tidy(name)


def clean_description(description: str) -> str:
    """The description as it is stored: invisible characters dropped, trimmed, lines kept."""
    return strip_invisible(description).replace("\r\n", "\n").replace("\r", "\n").strip()


def validate_group(change: GroupChange) -> list[ValidationError]:
    """Every rule the change breaks that can be told without the database, field by field."""
    problems: list[ValidationError] = []
    name = clean_name(change.name)
    if not name:
        problems.append(ValidationError("name", tr("Group Name is required.")))
    elif len(name) > NAME_MAX:
        problems.append(ValidationError(
            "name", tr("Group Name is {length} characters long; at most {limit} fit.",
                       length=len(name), limit=NAME_MAX)))
    elif has_control_characters(name) or "\n" in name or "\t" in name:
        problems.append(ValidationError(
            "name", tr("Group Name must be one line of text, without control characters.")))
    description = clean_description(change.description)
    if len(description) > DESCRIPTION_MAX:
        problems.append(ValidationError(
            "description", tr("Description is {length} characters long; at most {limit} fit.",
                              length=len(description), limit=DESCRIPTION_MAX)))
    elif has_control_characters(description):
        problems.append(ValidationError("description",
                                        tr("Description holds control characters.")))
    code = change.code.strip()
    if change.group_id is None and code and not is_valid_group_code(code):
        problems.append(ValidationError(
            "code",
            tr("Group Code may hold only letters, digits, '-' and '_', at most {limit} of them "
               "(or leave it empty to get the next CG- number).", limit=GROUP_CODE_MAX)))
    if change.group_id is not None and change.expected_version is None:
        problems.append(ValidationError("version",
                                        tr("An edit must say which version it started from.")))
    if change.add_customer_ids and not change.active:
        problems.append(GroupInactiveError(code or None))
    reason = change.reason.strip()
    if len(reason) > REASON_MAX or has_control_characters(reason) or "\n" in reason:
        problems.append(ValidationError(
            "reason", tr("Reason must be one line of at most {limit} characters.",
                         limit=REASON_MAX)))
    return problems


#: The longest reason a clerk may give on Save.
REASON_MAX = 500


def reason_problem(change: GroupChange, required_above: int) -> ValidationError | None:
    """A reason is required when a save removes more than ``required_above`` customers (a
    setting; 0 never requires one)."""
    removing = len(change.remove_customer_ids)
    if required_above > 0 and removing > required_above and not change.reason.strip():
        return ValidationError("reason", tr("Say why: this save removes {count} customers (a "
                                            "reason is needed above {limit}).",
                                            count=removing, limit=required_above))
    return None


# --- saving -----------------------------------------------------------------------------


@db.writes
def save_group(change: GroupChange, who: str, progress: ProgressFn = no_progress) -> Group:
    """Create or edit a group, its member changes and their history, all or nothing."""
    problems = validate_group(change)
    if problems:
        raise problems[0]
    who = recorded_name(who)
    name = clean_name(change.name)
    now = utc_now()  # one moment for the whole save, so its history reads as one change
    try:
        with db.transaction():
            if change.group_id is None:
                group_id, changed = _insert_group(change, name, who, now), False
            else:
                group_id, changed = change.group_id, _update_group(change, name, who, now)
            if change.add_customer_ids or change.remove_customer_ids:
                counts = change_members_of(group_id, change.add_customer_ids,
                                           change.remove_customer_ids, who, now, progress,
                                           change.member_source, change.ways, change.how)
                changed = changed or any(counts)
            if changed and change.group_id is not None:
                touch_group(group_id, who, now)
            if change.reason.strip():
                give_reason(group_id, now, change.reason.strip())
    except peewee.IntegrityError as exc:
        # Two clerks saved the same name at the same moment and the unique index chose.
        raise _explain_integrity(exc, name, change.code) from exc
    return get_group(group_id)


def recorded_name(who: str) -> str:
    """The clerk's name as the history records it."""
    # Control characters (a NUL cannot even reach PostgreSQL) are no part of a name.
    who = tidy(key_safe(who))[:100]
    return who or "unknown"


def _insert_group(change: GroupChange, name: str, who: str, now: datetime) -> int:
    code = change.code.strip()
    if code:
        _claim_code(code, wait=True)
    _check_name_free(name, None)
    if code:
        clash = CustomerGroup.get_or_none(CustomerGroup.code_key == group_code_key(code))
        if clash is not None:
            raise ValidationError("code", tr("The code '{code}' is already used by group "
                                             "'{name}'.", code=code, name=clash.name))
    else:
        code = _next_code()
    group_id = _insert_row(change, code, name, who, now)
    _record(group_id, who, now, HistoryKind.CREATED, None, name)
    if not change.active:
        _record(group_id, who, now, HistoryKind.DEACTIVATED, None, None)
    return group_id


def _claim_code(code: str, wait: bool) -> bool:
    """Hold ``code`` until the transaction ends, so no other save can take it meanwhile.

    Only a save of that very code waits (a typed code); numbering passes a held number by
    (``wait`` false returns False), so no creation waits for another. On PostgreSQL this is
    a transaction's advisory lock on the code; SQLite's writers take turns anyway.
    """
    if not db.is_postgres():
        return True
    call = "pg_advisory_xact_lock" if wait else "pg_try_advisory_xact_lock"
    # Keyed by schema and code: copies kept in other schemas of the database never meet.
    row = database.execute_sql(
        f"SELECT {call}({_CODE_LOCKS}, hashtext(current_schema() || ' ' || %s))",
        [group_code_key(code)]).fetchone()
    return wait or bool(row[0])


#: The first key of the advisory locks that hold group codes (the second is the code's hash).
_CODE_LOCKS = 4242002


def _insert_row(change: GroupChange, code: str, name: str, who: str, now: datetime) -> int:
    group_id: int = CustomerGroup.insert(
        code=code,
        code_key=group_code_key(code),
        name=name,
        name_key=fold(name),
        description=clean_description(change.description),
        description_key=fold(clean_description(change.description)),
        active=change.active,
        member_count=0,
        version=1,
        created_at=now,
        created_by=who,
        updated_at=now,
        updated_by=who,
    ).execute()
    return group_id


def _next_code() -> str:
    """The next free ``CG-`` code, passing numbers a clerk has typed or is typing by hand."""
    while True:
        code = format_group_code(_take_number())
        if _claim_code(code, wait=False) and not CustomerGroup.select().where(
                CustomerGroup.code_key == group_code_key(code)).exists():
            return code


def _take_number() -> int:
    """The next number for a CG- code: from a sequence on PostgreSQL, which no creation waits
    for (a save that fails leaves a gap), and from the counter row on SQLite, whose writers
    take turns anyway."""
    if db.is_postgres():
        row = database.execute_sql(f"SELECT nextval('{GROUP_CODE_SEQUENCE}')").fetchone()
        return int(row[0])
    Counter.update(value=Counter.value + 1).where(Counter.name == "group_code").execute()
    return int(Counter.get(Counter.name == "group_code").value)


def number_groups_from(last: int) -> None:
    """Make the next CG- number ``last + 1`` (for a database filled in bulk)."""
    Counter.update(value=last).where(Counter.name == "group_code").execute()
    if db.is_postgres():
        database.execute_sql(f"SELECT setval('{GROUP_CODE_SEQUENCE}', %s)", [last])


def lock_group(group_id: int) -> Any:
    """The group row, locked until the transaction ends (SQLite's IMMEDIATE already locks)."""
    query = CustomerGroup.select().where(CustomerGroup.id == group_id)
    if db.is_postgres():
        query = query.for_update()
    row = query.first()
    if row is None:
        raise NotFoundError(tr("That group no longer exists."))
    return row


def _update_group(change: GroupChange, name: str, who: str, now: datetime) -> bool:
    """Write the edited fields of a locked group and their history; True if any changed."""
    assert change.group_id is not None
    row = lock_group(change.group_id)
    if row.version != change.expected_version:
        raise ConflictError(row.code, row.updated_by, row.updated_at, row.version)
    description = clean_description(change.description)
    if name != row.name:
        _check_name_free(name, row.id)
        _record(row.id, who, now, HistoryKind.RENAMED, row.name, name)
    if description != row.description:
        _record(row.id, who, now, HistoryKind.DESCRIPTION_CHANGED, row.description, description)
    if change.active != row.active:
        kind = HistoryKind.ACTIVATED if change.active else HistoryKind.DEACTIVATED
        _record(row.id, who, now, kind, None, None)
    if (name, description, change.active) == (row.name, row.description, row.active):
        return False
    (CustomerGroup
     .update(name=name, name_key=fold(name), description=description,
             description_key=fold(description), active=change.active)
     .where(CustomerGroup.id == row.id)
     .execute())
    return True


def touch_group(group_id: int, who: str, now: datetime) -> None:
    """Mark a changed group: a new version, and who changed it when."""
    CustomerGroup.update(version=CustomerGroup.version + 1, updated_at=now,
                         updated_by=who).where(CustomerGroup.id == group_id).execute()


def _check_name_free(name: str, own_id: int | None) -> None:
    query = CustomerGroup.select(CustomerGroup.id, CustomerGroup.code, CustomerGroup.name).where(
        CustomerGroup.name_key == fold(name))
    clash = query.first()
    if clash is not None and clash.id != own_id:
        raise DuplicateNameError(clash.name, clash.code)


def _explain_integrity(exc: peewee.IntegrityError, name: str, code: str) -> Exception:
    clash = CustomerGroup.get_or_none(CustomerGroup.name_key == fold(name))
    if clash is not None:
        return DuplicateNameError(clash.name, clash.code)
    if code.strip():
        return ValidationError("code", tr("The code '{code}' is already used by another "
                                          "group.", code=code.strip()))
    return exc


@db.writes
def set_group_active(group_id: int, active: bool, who: str,
                     expected_version: int | None = None) -> Group:
    """Activate or deactivate a group (never delete it); a no-op if it already is so."""
    set_groups_active([group_id], active, who, {group_id: expected_version}
                      if expected_version is not None else None)
    return get_group(group_id)


@db.writes
def set_groups_active(group_ids: Iterable[int], active: bool, who: str,
                      expected_versions: dict[int, int] | None = None) -> int:
    """Activate or deactivate several groups in one transaction; how many changed.

    Groups already so are left alone. With ``expected_versions``, a group changed by someone
    else since is a conflict and nothing changes.
    """
    who = recorded_name(who)
    changed = 0
    with db.transaction():
        now = utc_now()
        for group_id in sorted(set(group_ids)):  # one order for every clerk: no deadlock
            row = lock_group(group_id)
            expected = (expected_versions or {}).get(group_id)
            if expected is not None and row.version != expected:
                raise ConflictError(row.code, row.updated_by, row.updated_at, row.version)
            if bool(row.active) != active:
                CustomerGroup.update(active=active).where(CustomerGroup.id == group_id).execute()
                touch_group(group_id, who, now)
                kind = HistoryKind.ACTIVATED if active else HistoryKind.DEACTIVATED
                _record(group_id, who, now, kind, None, None)
                changed += 1
    return changed


@db.writes
def change_members(group_id: int, who: str, add_ids: Iterable[int] = (),
                   remove_ids: Iterable[int] = (), expected_version: int | None = None,
                   progress: ProgressFn = no_progress,
                   source: MemberSource | None = None, how: str = "") -> tuple[int, int]:
    """Add and remove members only (from ``source``, if they came from a list); returns how
    many were really added and removed."""
    who = recorded_name(who)
    with db.transaction():
        row = lock_group(group_id)
        if expected_version is not None and row.version != expected_version:
            raise ConflictError(row.code, row.updated_by, row.updated_at, row.version)
        now = utc_now()
        counts = change_members_of(group_id, add_ids, remove_ids, who, now, progress, source,
                                   how=how)
        if any(counts):
            touch_group(group_id, who, now)
    if sum(counts) >= db.BULK_ROWS:
        db.refresh_statistics("membership", "membership_event")
    return counts


