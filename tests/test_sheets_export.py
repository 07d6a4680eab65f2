"""Exports: every matching row, safe cells, careful looks, temp-file-then-rename, cancel."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from custgroups.core import customers, db, groups
from custgroups.core.customers import CustomerInput
from custgroups.core.errors import Cancelled, ValidationError
from custgroups.core.groups import GroupChange, GroupQuery, GroupSort, Status
from custgroups.core.models import CustomerGroup
from custgroups.core.sheets import export as export_module
from custgroups.core.sheets import writing
from custgroups.core.sheets.cells import MAX_CELL_TEXT
from custgroups.core.sheets.export import export_groups, export_history
from tests.db_helpers import recorded
from tests.helpers import assert_no_formulas

pytestmark = pytest.mark.usefixtures("opened")

HOSTILE = ["=1+1", "+SUM(A1:A9)", "-2+3", "@SUM(1)", "\tTab", "\rCR", "\nLF",
           "=HYPERLINK(\"http://evil.example\",\"click\")", "#N/A", "#REF!"]


@pytest.fixture
def made() -> list[groups.Group]:
    """Twelve groups, some with members, one inactive, with hostile names in two."""
    customers.upsert_customers(
        CustomerInput(f"C{i:03d}", name, city="Oslo")
        for i, name in enumerate(["Nordic", "=cmd|' /C calc'!A0", "Atlas", "-Minus"], 1))
    ids = customers.matching_customer_ids("")
    made = [groups.save_group(GroupChange(name=f"Group {i:02d}", description=f"Tier {i % 3}",
                                          add_customer_ids=frozenset(ids[: i % 5])), "alice")
            for i in range(10)]
    # C003 went inactive after it joined: members stay, and show as inactive.
    customers.upsert_customers([CustomerInput("C003", "Atlas", city="Oslo", active=False)])
    made.append(groups.save_group(GroupChange(name="=SUM(1,2)", description="@risk -1"), "bob"))
    made.append(groups.save_group(GroupChange(name="Dormant", active=False), "bob"))
    return made


def test_export_writes_every_matching_row_in_sort_order(made: list[groups.Group],
                                                        tmp_path: Path) -> None:
    target = tmp_path / "groups.xlsx"
    query = GroupQuery(status=Status.ACTIVE, sort=GroupSort.MEMBERS, descending=True,
                       page_size=2, page=3)  # the page is ignored: everything is exported
    result = export_groups(target, query, members=True)
    book = assert_no_formulas(target)
    assert book.sheetnames == ["Groups", "Members"]
    sheet = book["Groups"]
    header = [c.value for c in sheet[1]]
    assert header == ["Code", "Name", "Description", "Status", "No. of Customers", "Created",
                      "Created by", "Last updated", "Last updated by"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    expected = [g for g in groups.list_groups(replace_page(query)).rows]
    assert [r[0] for r in rows] == [g.code for g in expected]
    assert result.groups == len(rows) == 11
    counts = [r[4] for r in rows]
    assert counts == sorted(counts, reverse=True) and all(isinstance(n, int) for n in counts)
    assert all(isinstance(r[5], datetime) and isinstance(r[7], datetime) for r in rows)
    assert {r[3] for r in rows} == {"Active"}
    members = [[c.value for c in row] for row in book["Members"].iter_rows(min_row=2)]
    assert [c.value for c in book["Members"][1]] == [
        "Group code", "Group name", "Customer code", "Customer name", "City", "Status"]
    assert len(members) == result.members == sum(g.member_count for g in expected)
    assert any(m[5] == "Inactive" for m in members)  # C003 is an inactive customer


def replace_page(query: GroupQuery) -> GroupQuery:
    from dataclasses import replace

    return replace(query, page=1, page_size=200)


def test_workbook_looks_made_by_a_careful_person(made: list[groups.Group],
                                                 tmp_path: Path) -> None:
    target = tmp_path / "groups.xlsx"
    export_groups(target, GroupQuery(), members=True)
    book = assert_no_formulas(target)
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}" \
                                        f"{sheet.max_row}"
        assert all(cell.font.bold for cell in sheet[1])
        assert sheet.column_dimensions["B"].width >= 30
    created = book["Groups"]["F2"]
    assert created.is_date and "yy" in created.number_format


def test_hostile_text_stays_text(tmp_path: Path) -> None:
    for i, text in enumerate(HOSTILE):
        groups.save_group(GroupChange(name=f"G{i} {text.strip()}"[:100] if text[0] in "\t\r\n"
                                      else text, description=text.strip() or "x"), "x")
    target = tmp_path / "hostile.xlsx"
    export_groups(target, GroupQuery(sort=GroupSort.CREATED))
    book = assert_no_formulas(target)
    names = [row[1].value for row in book["Groups"].iter_rows(min_row=2)]
    assert "=1+1" in names and "#N/A" in names and "@SUM(1)" in names
    quoted = [row[1] for row in book["Groups"].iter_rows(min_row=2) if row[1].value == "=1+1"]
    assert quoted[0].quotePrefix and quoted[0].data_type == "s"


def test_csv_prefixes_what_could_run(tmp_path: Path) -> None:
    for text in ["=1+1", "+1", "-1", "@x", "#N/A", "Plain"]:
        groups.save_group(GroupChange(name=text), "x")
    target = tmp_path / "groups.csv"
    export_groups(target, GroupQuery(sort=GroupSort.CREATED))
    assert_no_formulas(target)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, so Excel reads accents
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    names = [row[1] for row in rows[1:]]
    assert names == ["'=1+1", "'+1", "'-1", "'@x", "'#N/A", "Plain"]


def test_illegal_characters_and_huge_text_keep_their_row(tmp_path: Path) -> None:
    group = groups.save_group(GroupChange(name="Broken"), "x")
    groups.save_group(GroupChange(name="After"), "x")
    # Written behind the rules' back, as another program might have done (SQLite only
    # takes over-long text: PostgreSQL enforces the column's 500 characters).
    filler = "y" * (500 - 11 if db.is_postgres() else 40_000)
    CustomerGroup.update(description="bell\x07 esc\x1b " + filler).where(
        CustomerGroup.id == group.id).execute()
    target = tmp_path / "odd.xlsx"
    assert export_groups(target, GroupQuery()).groups == 2
    rows = list(assert_no_formulas(target)["Groups"].iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in rows] == ["Broken", "After"]
    description = rows[0][2]
    assert description.startswith("bell\ufffd esc\ufffd yyy")
    assert len(description) <= MAX_CELL_TEXT
    if not db.is_postgres():
        assert description.endswith("… [cut: 40,011 characters in all]")
    csv_target = tmp_path / "odd.csv"
    export_groups(csv_target, GroupQuery())
    assert_no_formulas(csv_target)
    assert filler in csv_target.read_text(encoding="utf-8-sig")  # csv keeps it all


def test_members_continue_on_a_second_sheet(made: list[groups.Group], tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writing.XlsxWriter, "max_rows", 6)
    target = tmp_path / "split.xlsx"
    result = export_groups(target, GroupQuery(), members=True)
    book = assert_no_formulas(target)
    member_sheets = [s for s in book.worksheets if s.title.startswith("Members")]
    assert [s.title for s in member_sheets][:3] == ["Members", "Members (2)", "Members (3)"]
    assert all(s.max_row <= 6 and s["A1"].value == "Group code" for s in member_sheets)
    assert sum(s.max_row - 1 for s in member_sheets) == result.members
    assert book["Groups (2)"]["A1"].value == "Code"  # the groups sheet continued too


def test_csv_with_members_writes_a_second_file(made: list[groups.Group], tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    result = export_groups(target, GroupQuery(), members=True)
    assert result.paths == (target, tmp_path / "out-members.csv")
    for path in result.paths:
        assert_no_formulas(path)
    member_rows = list(csv.reader((tmp_path / "out-members.csv").read_text(
        encoding="utf-8-sig").splitlines()))
    assert member_rows[0][:3] == ["Group code", "Group name", "Customer code"]
    assert len(member_rows) - 1 == result.members
    assert "'=cmd|' /C calc'!A0" in {row[3] for row in member_rows}


def test_cancel_leaves_nothing_and_keeps_an_older_file(made: list[groups.Group],
                                                       tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export_module, "_PROGRESS_EVERY", 2)
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "keep.xlsx"
    target.write_bytes(b"the clerk's older export")
    seen: list[tuple[int, int]] = []

    def cancel_midway(done: int, total: int) -> None:
        seen.append((done, total))
        if done >= 4:
            raise Cancelled()

    with pytest.raises(Cancelled):
        export_groups(target, GroupQuery(), members=True, progress=cancel_midway)
    assert target.read_bytes() == b"the clerk's older export"
    assert sorted(p.name for p in folder.iterdir()) == ["keep.xlsx"]
    assert seen and seen[0][1] == len(made)


def test_a_failed_csv_export_leaves_no_files(made: list[groups.Group], tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> list[tuple[int, str, str, str, bool]]:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export_module, "members_of_groups", broken)
    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(Exception):  # noqa: B017  (the kind does not matter here)
        export_groups(folder / "out.csv", GroupQuery(), members=True)
    assert list(folder.iterdir()) == []


def test_progress_reaches_the_total(made: list[groups.Group], tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    export_groups(tmp_path / "p.xlsx", GroupQuery(), members=True,
                  progress=lambda done, total: seen.append((done, total)))
    assert seen[-1][0] == seen[-1][1] > 0
    assert_no_formulas(tmp_path / "p.xlsx")


@pytest.mark.parametrize("name", ["out.xls", "out.txt", "out"])
def test_unknown_formats_are_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValidationError, match=".xlsx or .csv"):
        export_groups(tmp_path / name, GroupQuery())


def test_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="does not exist"):
        export_groups(tmp_path / "nowhere" / "out.xlsx", GroupQuery())


def test_history_export_one_group_and_all(made: list[groups.Group], tmp_path: Path) -> None:
    first = made[4]
    groups.save_group(GroupChange(name="Renamed", description=first.description,
                                  group_id=first.id, expected_version=first.version), "carol")
    export_history(tmp_path / "one.xlsx", first.id)
    rows = list(assert_no_formulas(tmp_path / "one.xlsx")["History"].iter_rows(
        min_row=2, values_only=True))
    assert [r[4] for r in rows] == ["Created as 'Group 04'", "Added 4 customers",
                                    "Renamed from 'Group 04' to 'Renamed'"]
    assert rows[1][5] == "C001, C002, C003, C004" and rows[2][1] == recorded("carol")
    assert isinstance(rows[0][0], datetime)
    result = export_history(tmp_path / "all.csv")
    assert_no_formulas(tmp_path / "all.csv")
    lines = list(csv.reader((tmp_path / "all.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert len(lines) - 1 == result.history_entries > len(rows)


def test_history_codes_that_overflow_a_cell_continue(tmp_path: Path) -> None:
    customers.upsert_customers(CustomerInput(f"LONGCODE-{i:06d}", f"N{i}") for i in range(3000))
    group = groups.save_group(GroupChange(
        name="Big", add_customer_ids=frozenset(customers.matching_customer_ids("longcode"))), "x")
    export_history(tmp_path / "big.xlsx", group.id)
    rows = list(assert_no_formulas(tmp_path / "big.xlsx")["History"].iter_rows(
        min_row=2, values_only=True))
    added = [r for r in rows if str(r[4]).startswith("Added")]
    assert len(added) >= 2 and added[1][4] == "Added 3,000 customers (continued)"
    codes = [c for r in added for c in r[5].split(", ")]
    assert len(codes) == 3000 and all(len(r[5]) <= MAX_CELL_TEXT for r in added)


def test_the_writer_quotes_every_risky_start(tmp_path: Path) -> None:
    """Straight to the writer: values the rules keep out of the database can still come in
    from elsewhere, and must still never run."""
    from custgroups.core.sheets.writing import Column, SheetSpec, XlsxWriter

    values = ["=1", "+1", "-1", "@1", "\tTab", "\rCR", "\nLF", "#N/A", "bad\ufffeend", "ok"]
    path = tmp_path / "risky.xlsx"
    writer = XlsxWriter(path)
    writer.start_sheet(SheetSpec("Risky", (Column("Value"),)))
    for value in values:
        writer.write((value,))
    writer.commit()
    cells = [row[0] for row in assert_no_formulas(path)["Risky"].iter_rows(min_row=2)]
    # (A carriage return is stored as a character reference, so XML keeps it.)
    assert [c.value for c in cells] == ["=1", "+1", "-1", "@1", "\tTab", "\rCR", "\nLF",
                                        "#N/A", "bad\ufffdend", "ok"]
    assert [bool(c.quotePrefix) for c in cells] == [True] * 9 + [False]


def test_a_failure_while_saving_leaves_no_part_file(made: list[groups.Group], tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from custgroups.core.sheets.xlsx import XlsxStream

    def broken_save(self: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(XlsxStream, "close", broken_save)
    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(ValidationError, match="out.xlsx could not be written: the disk holding "
                                              ".* is full"):
        export_groups(folder / "out.xlsx", GroupQuery())
    assert list(folder.iterdir()) == []


def test_csv_files_are_replaced_together_or_not_at_all(made: list[groups.Group],
                                                       tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "c.csv").write_text("old export")
    (folder / "c-members.csv").mkdir()  # the second file cannot be written
    with pytest.raises(ValidationError, match="could not be written"):
        export_groups(folder / "c.csv", GroupQuery(), members=True)
    assert (folder / "c.csv").read_text() == "old export"
    assert sorted(p.name for p in folder.iterdir()) == ["c-members.csv", "c.csv"]


def test_a_read_only_folder_is_blamed_on_the_folder(made: list[groups.Group], tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_open = builtins.open

    def no_writing(file: object, mode: str = "r", *args: object, **kwargs: object) -> object:
        if "x" in mode or "w" in mode:
            raise PermissionError(13, "Permission denied")
        return real_open(file, mode, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(builtins, "open", no_writing)
    with pytest.raises(ValidationError, match="could not be written.*Permission denied"):
        export_groups(tmp_path / "out.csv", GroupQuery())


@pytest.mark.parametrize("zone", ["Asia/Kathmandu", "America/St_Johns", "Europe/Oslo"])
def test_local_time_agrees_with_astimezone(zone: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import random
    import time
    from datetime import datetime as dt
    from datetime import timezone

    from custgroups.core.clock import local_time

    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        rng = random.Random(7)
        for _ in range(2000):
            moment = (dt(1990, 1, 1) + (dt(2028, 1, 1) - dt(1990, 1, 1)) * rng.random()
                      ).replace(microsecond=0)
            expected = moment.replace(tzinfo=timezone.utc).astimezone().replace(tzinfo=None)
            assert local_time(moment) == expected
    finally:
        monkeypatch.undo()
        time.tzset()


@pytest.mark.parametrize("text", ["plain", "", "=1", "+1", "-1", "@1", "\t", "\r", "\n",
                                  "\x00", "#N/A", "#nope", "a\x07b", "a\ud800", "\uffff",
                                  "x" * 40_000, "Café", "tab\tinside", "line\nbreak"])
def test_needs_care_matches_its_definition(text: str) -> None:
    import re

    from custgroups.core.sheets.cells import needs_care

    illegal = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
    expected = (len(text) > MAX_CELL_TEXT or text in {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!",
                                                       "#NAME?", "#NUM!", "#N/A"}
                or text[:1] in ("=", "+", "-", "@", "\t", "\r", "\n", "\x00")
                or illegal.search(text) is not None)
    assert needs_care(text) == expected


@pytest.mark.parametrize("text", ["plain", "", "=1", "+1", "-1", "@1", "\t", "\r", "\n",
                                  "\x00", "#N/A", "#nope", "a\x07b", "a\ud800", "\uffff",
                                  "Café", "tab\tinside", "line\nbreak", "'=x", "é=1"])
def test_a_csv_cell_is_what_its_definition_says(text: str) -> None:
    """Shown with U+FFFD for what a file cannot hold, then an apostrophe before anything a
    spreadsheet would run or read as an error; the quick path for plain text changes none."""
    _check_csv_cell(text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=()), max_size=6)
       | st.sampled_from(["#N/A", "#REF!", "=A1", "\ufffe", "\ud800x"]))
def test_any_csv_cell_is_what_its_definition_says(text: str) -> None:
    _check_csv_cell(text)


def _check_csv_cell(text: str) -> None:
    import re

    from custgroups.core.sheets.cells import csv_text

    shown = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]", "\ufffd",
                   text)
    risky = shown[:1] in ("=", "+", "-", "@", "\t", "\r", "\n", "\x00") or shown in {
        "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"}
    assert csv_text(text) == ("'" + shown if risky else shown)


def test_hostile_group_names_stay_text_on_every_member_row(tmp_path: Path) -> None:
    customers.upsert_customers([CustomerInput("C1", "One"), CustomerInput("C2", "Two")])
    groups.save_group(GroupChange(name="=HYPERLINK(\"x\")", code="-1",
                                  add_customer_ids=frozenset(customers.matching_customer_ids(""))),
                      "x")
    target = tmp_path / "members.xlsx"
    export_groups(target, GroupQuery(), members=True)
    rows = list(assert_no_formulas(target)["Members"].iter_rows(min_row=2))
    assert len(rows) == 2
    assert all(row[0].quotePrefix and row[1].quotePrefix for row in rows)
    assert [row[1].value for row in rows] == ['=HYPERLINK("x")'] * 2


def test_a_csv_export_failing_on_a_full_disk_leaves_no_part_files(
        made: list[groups.Group], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from custgroups.core.sheets import writing

    real_open = open

    class FullDisk:
        """A file whose last flush finds the disk full."""

        def __init__(self, handle: Any) -> None:
            self._handle = handle

        def write(self, text: str) -> int:
            return int(self._handle.write(text))

        def flush(self) -> None:
            self._handle.flush()
            raise OSError(28, "No space left on device")

        def close(self) -> None:
            self._handle.close()

    def opening(path: object, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = real_open(path, mode, *args, **kwargs)  # noqa: SIM115
        return FullDisk(handle) if mode == "x" else handle

    monkeypatch.setattr(writing, "open", opening, raising=False)
    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(ValidationError, match="the disk holding .* is full"):
        export_groups(folder / "out.csv", GroupQuery(), members=True)
    assert list(folder.iterdir()) == []
