"""Assertions shared by the export tests."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import openpyxl

from custgroups.core.codes import never, read_paste

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")


def assert_no_formulas(path: Path) -> openpyxl.Workbook:
    """Reopen an xlsx file and fail on any formula or error cell; a csv file on any cell that
    would run as a formula when opened in a spreadsheet."""
    if path.suffix == ".csv":
        for row in csv.reader(path.read_text(encoding="utf-8-sig").splitlines()):
            for cell in row:
                assert not cell.startswith(_TRIGGERS), (path.name, cell)
        return openpyxl.Workbook()
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type not in ("f", "e"), (sheet.title, cell.coordinate, cell.value)
    return book


def parse_codes(text: str, known: Callable[[str], bool] = never) -> list[str]:
    """The codes of a paste, in order, duplicates kept."""
    return read_paste(text, known).codes
