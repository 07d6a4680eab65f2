"""Files the import tests read: the stored fixtures, and small workbooks written on the spot."""

from __future__ import annotations

from pathlib import Path

import openpyxl

FIXTURES = Path(__file__).parent / "fixtures"


def xlsx(path: Path, rows: list[list[object]], title: str = "Sheet") -> Path:
    """A one-sheet workbook at ``path`` holding ``rows``."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path
