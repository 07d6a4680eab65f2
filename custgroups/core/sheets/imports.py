"""Importing the ERP's customer list, and member codes for one group, from xlsx or csv files."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import chain, islice
from pathlib import Path

from custgroups.core import customer_import, customers, groups
from custgroups.core.codes import (
    cell_code,
    is_code_heading,
    never,
)
from custgroups.core.customer_import import CustomerImportPlan, CustomerInput
from custgroups.core.customers import CodeResolution
from custgroups.core.errors import CustgroupsError, Sentence, tr
from custgroups.core.memberships import ListMode, MemberSource
from custgroups.core.progress import ProgressFn, no_progress
from custgroups.core.sheets.customer_rows import customer_rows
from custgroups.core.sheets.files import open_sheets
from custgroups.core.sheets.headings import find_columns
from custgroups.core.sheets.reading import FileRefused, Sheet
from custgroups.core.sheets.scans import column_letters
from custgroups.core.text import fold, heading_key

#: Tells whether a cell is an existing customer's code (cells that read like headings).
Known = Callable[[str], bool]

_HEADER_SEARCH_ROWS = 20
SHOWN_PROBLEMS = 50


def _header(path: Path, rows: Iterator[list[str]], required: Sequence[str],
            optional: Sequence[str]) -> tuple[int, dict[str, int]] | None:
    """(row number, columns) of the first of the top rows naming every required field."""
    for number, row in enumerate(rows, 1):
        columns = find_columns(row, [*required, *optional])
        if all(field in columns for field in required):
            _refuse_twin_headings(path, row, columns.values())
            return number, columns
        if number >= _HEADER_SEARCH_ROWS:
            return None
    return None


def _refuse_twin_headings(path: Path, row: Sequence[str], used: Iterable[int]) -> None:
    """A column chosen by its heading must be the only one so headed: with two, which one the
    clerk meant is a guess, and a guess is never imported."""
    for index in used:
        key = heading_key(row[index])
        twins = [i for i, cell in enumerate(row) if heading_key(cell) == key]
        if len(twins) > 1:
            letters = ", ".join(column_letters(i + 1) for i in twins)
            raise FileRefused(path, tr("several columns are headed '{heading}' (columns "
                                       "{columns}): rename or remove all but one, so it is "
                                       "clear which to import.",
                                       heading=row[index].strip(), columns=letters))


class ImportProblems(CustgroupsError):
    """A file with bad rows: nothing was written; every problem is listed with its row."""

    def __init__(self, path: Path, problems: list[Sentence]) -> None:
        lines = problems[:SHOWN_PROBLEMS]
        more = len(problems) - len(lines)
        if more:
            lines = [*lines, tr("… and {count} more.", count=more)]
        super().__init__(tr("{file} was not imported: problems to fix first: {count}; nothing "
                            "was changed.\n{problems}",
                            file=path.name, count=len(problems), problems=lines))
        self.problems = problems


# --- customers -------------------------------------------------------------------------


@dataclass(frozen=True)
class CustomerFile:
    """The customers read from a file, all valid, and where they were found."""

    rows: tuple[CustomerInput, ...]
    sheet: str
    header_row: int
    columns: dict[str, int]

    @property
    def fields(self) -> frozenset[str]:
        """The fields the file has a column for (code, name, status, …)."""
        return frozenset(self.columns)


def read_customers(path: Path, progress: ProgressFn = no_progress) -> CustomerFile:
    """Read and check every customer row of a file; any bad row raises :class:`ImportProblems`.

    Progress is reported as rows read (the total is unknown until the end).
    """
    path = Path(path)
    with open_sheets(path) as sheets:
        for sheet in sheets:
            found = _header(path, sheet.rows, ["code", "name"],
                            ["email", "phone", "city", "country", "status"])
            if found is not None:
                header_row, columns = found
                rows, problems = customer_rows(sheet, header_row, columns, progress)
                if problems:
                    raise ImportProblems(path, problems)
                if not rows:
                    raise FileRefused(path, tr("the table has headings but no customer rows."))
                return CustomerFile(tuple(rows), sheet.title, header_row, columns)
    raise FileRefused(path, tr("no heading row naming a customer code and a customer name was "
                               "found in the first {count} rows (for example 'Customer Code' "
                               "and 'Name').", count=_HEADER_SEARCH_ROWS))


@dataclass(frozen=True)
class CustomerImportPlans:
    """A checked customer file and what importing it would change, for either choice about
    empty cells: leave the field as it is (``keep_empty``) or clear it (``clear_empty``)."""

    file: CustomerFile
    keep_empty: CustomerImportPlan
    clear_empty: CustomerImportPlan

    def plan(self, clear_empty: bool) -> CustomerImportPlan:
        """The plan for one choice."""
        return self.clear_empty if clear_empty else self.keep_empty

    @property
    def empty_cells_matter(self) -> bool:
        """True when the choice about empty cells changes what the import does."""
        return self.keep_empty != replace(self.clear_empty, clear_empty=False)


@dataclass(frozen=True)
class CustomerImport:
    """What importing a customer file did (or, in a dry run, would do), field by field."""

    file: CustomerFile
    plan: CustomerImportPlan
    dry_run: bool

    @property
    def inserted(self) -> int:
        """New customers."""
        return self.plan.new

    @property
    def updated(self) -> int:
        """Known customers with at least one change (unchanged ones are not written)."""
        return self.plan.updated


def plan_customer_import(path: Path, progress: ProgressFn = no_progress) -> CustomerImportPlans:
    """Read and check a customer file, and say what importing it would change; writes nothing.

    Both choices about empty cells are worked out from one reading, so a preview can switch
    between them at once. Bad rows raise :class:`ImportProblems`.
    """
    found = read_customers(path, progress)
    keep, clear = customer_import.plan_import(found.rows, found.fields, progress)
    return CustomerImportPlans(found, keep, clear)


def apply_customer_import(found: CustomerFile, clear_empty: bool = False,
                          progress: ProgressFn = no_progress) -> CustomerImport:
    """Import an already read file, all or nothing: new customers, and only what changed.

    Columns the file lacks are left as they are; so are empty cells unless ``clear_empty``.
    """
    plan = customer_import.apply_import(found.rows, found.fields, clear_empty, progress)
    return CustomerImport(found, plan, False)


def import_customers(path: Path, dry_run: bool = False, progress: ProgressFn = no_progress,
                     clear_empty: bool = False) -> CustomerImport:
    """Add and update customers from a file, all or nothing; a dry run only checks."""
    if dry_run:
        plans = plan_customer_import(path, progress)
        return CustomerImport(plans.file, plans.plan(clear_empty), True)
    return apply_customer_import(read_customers(path, progress), clear_empty, progress)


# --- members ---------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberFile:
    """Customer codes read from a file for one group."""

    codes: tuple[str, ...]
    sheet: str
    column: str
    other_groups_rows: int


def read_member_codes(path: Path, group_code: str | None = None,
                      column: str | None = None, known: Known = never) -> MemberFile:
    """The customer codes in a file's code column (or the column headed ``column``).

    Sheets with a "Customer code" column win over those with a bare "Code" (in our own
    exports the Groups sheet lists group codes); all winning sheets are read, so a
    membership export continued on "Members (2)" comes back whole. Where a "Group code"
    column exists, only rows of ``group_code`` count. Without any heading, the first column
    of the first sheet is taken as codes. A cell that reads like a heading is a code when
    ``known`` says it is a customer's.
    """
    path = Path(path)
    with open_sheets(path) as sheets:
        found: list[tuple[int, Iterator[list[str]], int, int, str]] = []
        for sheet in sheets:
            head = list(islice(sheet.rows, _HEADER_SEARCH_ROWS))
            sheet.rows = chain(head, sheet.rows)  # put back what was looked at
            header = _member_header(head, column, known)
            if header is None:
                continue
            header_row, index = header
            _refuse_twin_headings(path, head[header_row - 1], [index])
            strength = 0 if heading_key(head[header_row - 1][index]) == "code" else 1
            found.append((strength, sheet.rows, header_row, index, sheet.title))
        if not found:
            if column is not None:
                raise FileRefused(path, tr("no column headed '{column}' was found.",
                                           column=column))
            return _headerless_codes(path, sheets, known)
        strongest = max(strength for strength, *_ in found)
        codes: list[str] = []
        skipped = 0
        titles = []
        for strength, rows, header_row, index, title in found:
            if strength != strongest:
                continue
            skipped += _collect(rows, header_row, index, group_code, codes)
            titles.append(title)
            if strongest == 0:
                break
        return MemberFile(tuple(codes), ", ".join(titles), column or "code", skipped)


def member_columns(path: Path, known: Known = never) -> list[str]:
    """The headings a clerk can choose the code column from: the code column found by name
    first, then the others of its heading row; empty when the file has no heading row."""
    path = Path(path)
    with open_sheets(path) as sheets:
        for sheet in sheets:
            head = list(islice(sheet.rows, _HEADER_SEARCH_ROWS))
            header = _member_header(head, None, known)
            if header is not None:
                row = head[header[0] - 1]
                others = [cell for i, cell in enumerate(row) if cell and i != header[1]]
                return [row[header[1]], *others]
    return []


def _member_header(rows: list[list[str]], column: str | None,
                   known: Known) -> tuple[int, int] | None:
    """(row number, column index) of the code column's heading among the top rows; a cell
    that is a known customer code heads nothing."""
    wanted = heading_key(column) if column is not None else None
    for number, row in enumerate(rows, 1):
        if wanted is not None:
            index = next((i for i, cell in enumerate(row) if heading_key(cell) == wanted), None)
        else:
            index = find_columns(row, ["code"]).get("code")
            if index is not None and known(row[index]):
                return None
        if index is not None:
            return number, index
    return None


def _collect(rows: Iterator[list[str]], header_row: int, code_index: int,
             group_code: str | None, codes: list[str]) -> int:
    """Add the codes below the heading to ``codes``; returns rows skipped as other groups'."""
    group_index: int | None = None
    wanted = fold(group_code) if group_code else None
    skipped = 0
    for number, cells in enumerate(rows, 1):
        if number < header_row:
            continue
        if number == header_row:
            group_index = find_columns(cells, ["group"]).get("group")
            continue
        if group_index is not None and wanted is not None and group_index < len(cells) \
                and fold(cells[group_index]) != wanted:
            skipped += 1
            continue
        if code_index < len(cells):
            code = cell_code(cells[code_index])
            if code:
                codes.append(code)
    return skipped


def _headerless_codes(path: Path, sheets: list[Sheet], known: Known) -> MemberFile:
    codes: list[str] = []
    if sheets:
        for number, cells in enumerate(sheets[0].rows, 1):
            heading = number == 1 and is_code_heading(cells[0]) if cells else False
            if cells and not (heading and not known(cells[0])):
                code = cell_code(cells[0])
                if code:
                    codes.append(code)
    if not codes:
        raise FileRefused(path, tr("no customer codes were found in it."))
    return MemberFile(tuple(codes), sheets[0].title, "first column", 0)


@dataclass(frozen=True)
class MemberImport:
    """A member file's codes sorted for one group, and how many of them were added."""

    group: groups.Group
    file: MemberFile
    resolution: CodeResolution
    added: int
    dry_run: bool


def preview_members(group_code: str, path: Path, column: str | None = None,
                    progress: ProgressFn = no_progress) -> MemberImport:
    """What a member file would add to a group, before anything is written."""
    group = groups.get_group_by_code(group_code)
    found = read_member_codes(path, group.code, column, customers.is_customer_code)
    resolution = customers.resolve_codes(found.codes, group.id, progress)
    return MemberImport(group, found, resolution, 0, True)


def import_members(group_code: str, path: Path, who: str, column: str | None = None,
                   dry_run: bool = False, progress: ProgressFn = no_progress,
                   how: str = "") -> MemberImport:
    """Add the recognised customers of a member file to a group, in one transaction; the
    membership events say ``how`` (else: from the file)."""
    preview = preview_members(group_code, path, column)
    if dry_run:
        return preview
    if not preview.resolution.recognised:
        return replace(preview, dry_run=False)
    added, _removed = groups.change_members(
        preview.group.id, who, add_ids=[ref.id for ref in preview.resolution.recognised],
        progress=progress, source=MemberSource(ListMode.ADD, path.name), how=how)
    return MemberImport(groups.get_group(preview.group.id), preview.file, preview.resolution,
                        added, False)
