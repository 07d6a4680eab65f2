"""The xlsx writer: every value reads back as written, in Excel's readers and in ours; no
cell is ever a formula; the quick path for plain rows writes what the careful path would."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from custgroups.core.sheets import workbooks
from custgroups.core.sheets.cells import csv_text, fit_text, needs_care, plain_csv_rows
from custgroups.core.sheets.writing import Column, SheetSpec, XlsxWriter
from custgroups.core.sheets.xlsx import _plain_text_row, _ready
from tests.helpers import assert_no_formulas

ANY_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=()), max_size=8)
# The text past Excel's cell limit is made by a map: written out, it would be the strategy's
# 33 kB repr, which Hypothesis warns about (and warnings fail the run) when it names the
# strategy after a draw it had to give up.
TEXT = (ANY_TEXT | st.sampled_from(["=1+1", "-2", "#N/A", "a & b", "<b>", " lead", "trail ",
                                    "\rCR", "Zoë", "", "\x1f", "a\x1fb"])
        | st.just(33_000).map(lambda length: "x" * length))
VALUE = (TEXT | st.integers(min_value=-(2**53), max_value=2**53) | st.booleans() | st.none()
         | st.floats(allow_nan=False, allow_infinity=False, width=32)
         | st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 1, 1))
         .map(lambda moment: moment.replace(microsecond=0))
         | st.dates(min_value=date(1900, 3, 1)))


def _write(path: Path, headings: list[str], rows: list[list[Any]]) -> None:
    writer = XlsxWriter(path)
    writer.start_sheet(SheetSpec("Values", tuple(Column(h) for h in headings)))
    for row in rows:
        writer.write(row)
    writer.commit()


def _expected(value: Any) -> tuple[Any, bool]:
    """What a reader finds in the cell, and whether it carries the quote prefix."""
    if isinstance(value, str):
        if not value:
            return None, False
        return (fit_text(value), True) if needs_care(value) else (value, False)
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day), False
    return value, False


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.lists(VALUE, min_size=3, max_size=3), min_size=1, max_size=6))
def test_every_value_reads_back_as_written(rows: list[list[Any]], tmp_path_factory: Any
                                           ) -> None:
    path = tmp_path_factory.mktemp("xlsx") / "values.xlsx"
    _write(path, ["One", "Two", "Three"], rows)
    sheet = assert_no_formulas(path)["Values"]
    cells_read = sheet.iter_rows(min_row=2, max_row=len(rows) + 1, max_col=3)
    for row, cells in zip(rows, cells_read, strict=True):
        for value, cell in zip(row, cells, strict=True):
            shown, quoted = _expected(value)
            assert (cell.value, bool(cell.quotePrefix)) == (shown, quoted), value
            if isinstance(value, float):
                assert cell.data_type == "n"
            if isinstance(value, datetime | date):
                assert cell.is_date


def test_headings_are_bold_and_one_that_looks_like_a_formula_stays_text(tmp_path: Path
                                                                         ) -> None:
    path = tmp_path / "grid.xlsx"
    _write(path, ["Customer code", "=1+1 Group", "@risk"], [["C1", "yes", ""]])
    book = assert_no_formulas(path)
    header = book["Values"][1]
    assert [c.value for c in header] == ["Customer code", "=1+1 Group", "@risk"]
    assert [bool(c.quotePrefix) for c in header] == [False, True, True]
    assert all(c.font.bold for c in header)
    assert book["Values"].freeze_panes == "A2" and book["Values"].auto_filter.ref == "A1:C2"


def test_our_workbooks_are_read_by_the_quick_reader(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Every cell names its place, so importing an export never falls back to openpyxl."""
    def refused(path: Path) -> None:
        raise AssertionError("the slow reader was used")

    monkeypatch.setattr(workbooks, "openpyxl_sheets", refused)
    path = tmp_path / "codes.xlsx"
    rows = [["C0001", "Nordic & Co", 3, datetime(2026, 11, 29, 9, 30)], ["=C2", "", 0, None]]
    _write(path, ["Code", "Name", "Count", "When"], rows)
    with workbooks.workbook_sheets(path, workbooks.check_zip(path)) as sheets:
        read = [list(row) for row in sheets[0].rows]
    assert read[0] == ["Code", "Name", "Count", "When"]
    assert read[1][:3] == ["C0001", "Nordic & Co", "3"] and read[2][:3] == ["=C2", "", "0"]


@settings(max_examples=400, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=5))
def test_the_quick_row_check_writes_what_the_careful_path_would(row: list[str]) -> None:
    if _plain_text_row(row):
        assert [_ready(value, True) for value in row] == [(str, value) for value in row]
    if plain_csv_rows((row,)):
        assert [csv_text(value) for value in row] == row


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(TEXT, min_size=1, max_size=4), min_size=1, max_size=5))
def test_rows_checked_together_are_plain_exactly_when_each_one_is(rows: list[list[str]]
                                                                   ) -> None:
    assert plain_csv_rows(rows) == all(plain_csv_rows((row,)) for row in rows)
