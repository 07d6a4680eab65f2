"""Workbooks read through calamine, no database: xls and ods read like xlsx, hostile layouts
(sparse cells far apart, entity declarations, too much text) are refused before any table is
built, and what calamine does not say (leading zeros, error cells, where the table starts) is
kept."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest

from custgroups.core.sheets import scans, workbooks
from custgroups.core.sheets.files import open_sheets
from custgroups.core.sheets.imports import ImportProblems, read_customers, read_member_codes
from custgroups.core.sheets.reading import FileRefused
from tests.sheet_files import FIXTURES, ods, rewrite, unplaced_cells, xlsx


def test_an_old_xls_workbook_is_read() -> None:
    found = read_customers(FIXTURES / "old_format.xls")
    assert [(row.code, row.name, row.city) for row in found.rows] == [
        (f"W000{n}", f"Wholesaler {n}", "Oslo") for n in range(1, 5)]


def test_an_ods_spreadsheet_is_read(tmp_path: Path) -> None:
    path = ods(tmp_path / "kunden.ods", [["Kundennummer", "Name", "Ort"],
                                         [1001, "Café Müller", "Köln"],
                                         ["C002", "Señor Niño & Co", None]])
    found = read_customers(path)
    assert [(row.code, row.name, row.city) for row in found.rows] == [
        ("1001", "Café Müller", "Köln"), ("C002", "Señor Niño & Co", "")]
    assert list(read_member_codes(path).codes) == ["1001", "C002"]


def test_ods_codes_shown_with_leading_zeros_keep_them(tmp_path: Path) -> None:
    """LibreOffice keeps 001001 for the number 1001 in the format 000000 beside it; calamine
    gives the number alone. Neither the zeros nor a ".0" may change the code."""
    rows: list[list[object]] = [["Kundennummer", "Name"], [(1001, "001001"), "Nullen"],
                                [(42, "0042"), "Kurz"], [1003, "Ohne"], ["0044", "Text"]]
    rows += [[f"K{n}", "Filler " * 25] for n in range(8000)]  # past the first megabyte
    rows += [[(7, "000007"), "Spät"]]
    path = ods(tmp_path / "nullen.ods", rows)
    found = read_customers(path)
    codes = [row.code for row in found.rows]
    assert codes[:4] == ["001001", "0042", "1003", "0044"] and codes[-1] == "000007"
    assert list(read_member_codes(path).codes)[:2] == ["001001", "0042"]


def test_a_file_that_only_claims_to_be_xls_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "fake.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 40)
    with pytest.raises(FileRefused, match="damaged"):
        read_customers(path)


def test_a_zip_that_is_no_spreadsheet_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "letters.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<x/>")
    with pytest.raises(FileRefused, match="a zip archive, not an Excel workbook"):
        read_customers(path)


def test_a_table_that_starts_lower_and_further_right_keeps_its_rows_and_columns(
        tmp_path: Path) -> None:
    path = xlsx(tmp_path / "offset.xlsx", [[], ["Customers of the north"], [],
                                           [None, None, "Code", "Name"],
                                           [None, None, "C1", "One"],
                                           [None, None, "C2", None]])
    with pytest.raises(ImportProblems) as exc:
        read_customers(path)
    assert [str(problem) for problem in exc.value.problems] == [
        "Row 6: Customer name is missing."]
    with open_sheets(path) as sheets:
        rows = list(sheets[0].rows)
    assert rows[3] == ["", "", "Code", "Name"] and len(rows) == 6


def test_codes_stored_as_numbers_gain_no_point_and_keep_a_formats_zeros(tmp_path: Path
                                                                       ) -> None:
    import xlsxwriter

    path = tmp_path / "numbers.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["Code", "Name"])
    sheet.write_number(1, 0, 1001, book.add_format({"num_format": "000000"}))
    sheet.write_number(2, 0, 1002.0)
    sheet.write_row(1, 1, ["Padded"])
    sheet.write_row(2, 1, ["Plain"])
    book.close()
    assert [row.code for row in read_customers(path).rows] == ["001001", "1002"]


def test_cells_that_do_not_name_their_place_are_read_row_by_row(tmp_path: Path) -> None:
    path = unplaced_cells(tmp_path / "unplaced.xlsx")
    assert [(row.code, row.name) for row in read_customers(path).rows] == [
        ("C1", "One"), ("C2", "Two")]


@pytest.mark.parametrize(("far", "message"), [
    ("A3000000", "more than 2,000,000 rows"),
    ("Z0001000000", "spans more than 2,500,000 cells"),  # zeros before the row: the same row
    ("A00000000000000000003000000", "more than 2,000,000 rows"),
    ("AAAAAA2", "columns; sheets of over 1,000"),
    ("ALL900000", "spans more than 2,500,000 cells"),
    ("ZZ99999", "spans more than 2,500,000 cells"),
])
def test_two_cells_far_apart_are_refused_before_any_table_is_built(tmp_path: Path, far: str,
                                                                   message: str) -> None:
    """A sheet holding A1 and one far cell asks for a table of millions of cells."""
    path = xlsx(tmp_path / "sparse.xlsx", [["Code", "Name"], ["C1", "One"]])
    rewrite(path, "xl/worksheets/sheet1.xml", {
        b"</sheetData>": f'<row r="{far.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")}"><c r="{far}" '
                         f't="inlineStr"><is><t>x</t></is></c></row></sheetData>'.encode()})
    started = time.perf_counter()
    with pytest.raises(FileRefused, match=message):
        read_customers(path)
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize("dimension", [b"A1:B2", b"A1:XFD1048576", b"B3", b"C1:C1", None])
def test_a_sheets_declared_extent_is_checked_not_trusted(tmp_path: Path,
                                                          dimension: bytes | None) -> None:
    """The dimension a sheet declares may be too small, too large or missing: every row is
    read all the same, and a table a customer list can be is never refused for it."""
    rows: list[list[object]] = [["Code", "Name"], *([f"C{n}", f"Name {n}"] for n in range(40))]
    path = xlsx(tmp_path / "declared.xlsx", rows)
    rewrite(path, "xl/worksheets/sheet1.xml", {b'<dimension ref="A1:B41" />': (
        b'<dimension ref="' + dimension + b'"/>' if dimension else b"")})
    assert [row.code for row in read_customers(path).rows] == [f"C{n}" for n in range(40)]


def test_a_cell_past_a_generous_declared_extent_is_measured_afresh(tmp_path: Path) -> None:
    """A million rows declared, two columns, and a note in a third: the sheet is measured
    by its cells (41 rows of 3), not by the million rows it declared."""
    rows: list[list[object]] = [["Code", "Name"], *([f"C{n}", f"Name {n}"] for n in range(40))]
    rows[5].append("note")
    path = xlsx(tmp_path / "generous.xlsx", rows)
    rewrite(path, "xl/worksheets/sheet1.xml", {b'<dimension ref="A1:C41" />':
                                               b'<dimension ref="A1:B1000000" />'})
    assert len(read_customers(path).rows) == 40


def test_sheets_sharing_one_part_are_refused_unread(tmp_path: Path) -> None:
    """A workbook listing the same part as a thousand sheets would have it read a thousand
    times; no workbook shares a sheet's part."""
    path = xlsx(tmp_path / "shared.xlsx", [["Code", "Name"], ["C1", "One"]])
    sheets = "".join(f'<sheet name="S{n}" sheetId="{n + 2}" r:id="rId1"/>' for n in range(1000))
    rewrite(path, "xl/workbook.xml", {b"</sheets>": sheets.encode() + b"</sheets>"})
    with pytest.raises(FileRefused, match="damaged"):
        read_customers(path)


def test_a_sheet_past_the_last_column_is_refused(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "far.xlsx", [["Code", "Name"], ["C1", "One"]])
    rewrite(path, "xl/worksheets/sheet1.xml", {b'<c r="B2"': b'<c r="ZZZZ2"'})
    with pytest.raises(FileRefused, match="columns; sheets of over 1,000 are not read"):
        read_customers(path)


def test_entities_declared_in_the_shared_strings_are_an_attack(tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "strings.xlsx"
    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet().write_row(0, 0, ["Code", "Name"])
    book.close()
    rewrite(path, "xl/sharedStrings.xml", {
        b"<sst ": b'<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">]><sst '})
    with pytest.raises(FileRefused, match="XML built to attack"):
        read_customers(path)


def test_more_text_than_any_customer_list_is_refused_unread(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import xlsxwriter

    path = tmp_path / "text.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    for row in range(200):
        sheet.write_row(row, 0, [f"C{row}", f"{row}" + "n" * 500])
    book.close()
    monkeypatch.setattr(workbooks, "MAX_STRINGS_BYTES", 50_000)
    with pytest.raises(FileRefused, match="MB of text, far more than a customer list"):
        read_customers(path)


def test_column_numbers_and_letters() -> None:
    assert [scans.column_number(c) for c in ("A", "Z", "AA", "XFD", b"ALL")] == [
        1, 26, 27, 16384, 1000]
    assert [scans.column_letters(n) for n in (1, 26, 27, 52, 53, 702, 703, 16384)] == [
        "A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"]
    assert all(scans.column_number(scans.column_letters(n)) == n for n in range(1, 20_000))


def _repeated(path: Path, rows: int, columns: int, value: bool) -> Path:
    cell = (f'<table:table-cell table:number-columns-repeated="{columns}" '
            'office:value-type="string"><text:p>x</text:p></table:table-cell>' if value else
            f'<table:table-cell table:number-columns-repeated="{columns}"/>')
    return rewrite(path, "content.xml", {b"</table:table>": (
        f'<table:table-row table:number-rows-repeated="{rows}">{cell}</table:table-row>'
        "</table:table>").encode()})


@pytest.mark.parametrize(("rows", "columns", "message"), [
    (100_000, 100, "spans more than 2,500,000 cells"),
    (3_000_000, 1, "more than 2,000,000 rows"),
    (10, 20_000, "20,000 columns"),
])
def test_an_ods_cell_repeated_beyond_a_customer_list_is_refused_unbuilt(
        tmp_path: Path, rows: int, columns: int, message: str) -> None:
    """A few bytes can repeat a cell millions of times: refused before any table is built
    (calamine would take gigabytes)."""
    path = _repeated(ods(tmp_path / "repeated.ods", [["Code", "Name"], ["C1", "One"]]),
                     rows, columns, value=True)
    started = time.perf_counter()
    with pytest.raises(FileRefused, match=message):
        read_customers(path)
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize("count", ["0000000100000", "100000" + "0" * 30])
def test_an_ods_repeat_count_with_zeros_or_many_digits_counts_as_it_reads(
        tmp_path: Path, count: str) -> None:
    """A hundred thousand rows written with zeros before them are still a hundred thousand
    (they slipped past the count, and calamine built 10,000,000 cells in 1.2 GB); a count of
    36 digits is past any limit."""
    path = ods(tmp_path / "zeros.ods", [["Code", "Name"], ["C1", "One"]])
    rewrite(path, "content.xml", {b"</table:table>": (
        f'<table:table-row table:number-rows-repeated="{count}"><table:table-cell '
        'table:number-columns-repeated="0000100" office:value-type="string"><text:p>x'
        "</text:p></table:table-cell></table:table-row></table:table>").encode()})
    with pytest.raises(FileRefused, match="more than"):
        read_customers(path)


@pytest.mark.parametrize(("rows", "columns", "message"), [
    (1, 999_999_999, "columns; sheets of over 1,000"),
    (999_999_999, 1, "more than 2,000,000 rows"),
])
def test_a_padded_number_far_out_is_refused_without_room_for_it(
        tmp_path: Path, rows: int, columns: int, message: str) -> None:
    """Empty cells or rows repeated a billion times, then a number shown with zeros: the
    sheet is refused, and nothing is made the size of the space before it."""
    import tracemalloc

    path = ods(tmp_path / "far.ods", [["Code", "Name"], ["C1", "One"]])
    rewrite(path, "content.xml", {b"</table:table>": (
        f'<table:table-row table:number-rows-repeated="{rows}"><table:table-cell '
        f'table:number-columns-repeated="{columns}"/></table:table-row><table:table-row>'
        f'<table:table-cell table:number-columns-repeated="{columns}"/><table:table-cell '
        'office:value-type="float" office:value="7"><text:p>007</text:p></table:table-cell>'
        "</table:table-row></table:table>").encode()})
    tracemalloc.start()
    try:
        with pytest.raises(FileRefused, match=message):
            read_customers(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20_000_000


def test_empty_cells_repeated_to_the_sheets_edge_are_nothing(tmp_path: Path) -> None:
    """As LibreOffice saves a sheet: the unused rows and columns as repeated empty cells."""
    path = _repeated(ods(tmp_path / "saved.ods", [["Code", "Name"], ["C1", "One"]]),
                     1_048_574, 1024, value=False)
    assert [(row.code, row.name) for row in read_customers(path).rows] == [("C1", "One")]


def test_the_cycle_collector_waits_while_files_are_read_and_runs_after(tmp_path: Path) -> None:
    import gc

    path = xlsx(tmp_path / "list.xlsx", [["Code", "Name"], ["C1", "One"]])
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not a workbook")
    assert gc.isenabled()
    with open_sheets(path) as sheets, open_sheets(path) as again:  # two reads at once
        assert not gc.isenabled()
        assert list(sheets[0].rows) == list(again[0].rows)
    assert gc.isenabled()
    with pytest.raises(FileRefused):
        read_customers(broken)
    assert gc.isenabled()


def _kept_by_scan(path: Path) -> tuple[object, int]:
    """What the scan of a workbook finds, and the memory it keeps for it (tracemalloc)."""
    import tracemalloc

    tracemalloc.start()
    try:
        kept = scans.scan_xlsx(path)
        return kept, tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()


def test_numbers_padded_everywhere_are_remembered_in_little_memory(tmp_path: Path) -> None:
    """Every cell of 20,000 rows in the format 000000: what the scan keeps for them is one
    pattern shared by the rows (kept cell by cell it was 12 MB; 2,400,000 such cells took a
    reading to 620 MB)."""
    import xlsxwriter

    path = tmp_path / "padded.xlsx"
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet, padded = book.add_worksheet("Kunden"), book.add_format({"num_format": "000000"})
    sheet.write_row(0, 0, ["Code", "Name", "A", "B", "C"])
    for row in range(1, 20_001):
        sheet.write_row(row, 0, [row] * 5, padded)
    book.close()
    kept, size = _kept_by_scan(path)
    assert kept is not None and size < 2_000_000
    with open_sheets(path) as sheets:
        rows = list(sheets[0].rows)
    assert rows[1] == ["000001"] * 5 and rows[-1] == ["020000"] * 5


def test_padded_cells_out_of_row_order_are_remembered_in_little_memory(tmp_path: Path
                                                                       ) -> None:
    """Cells given column by column, each row met again for each of its 100 cells, in 19
    formats so that no two rows look alike: what the scan keeps is one short pattern per
    row, not every pattern each row went through (8 MB when each was kept)."""
    import random

    import xlsxwriter

    path = tmp_path / "columns.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("S")
    for width in range(2, 21):  # the styles s="1" to s="19": 00 to 20 zeros
        sheet.write(0, width - 2, 7, book.add_format({"num_format": "0" * width}))
    book.close()
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml")
    data = xml[xml.index(b"<sheetData>"):xml.index(b"</sheetData>")]
    styles = random.Random(15)
    cells = "".join(f'<row r="{row}"><c r="{scans.column_letters(column)}{row}" '
                    f's="{styles.randint(1, 19)}"><v>7</v></c></row>'
                    for column in range(1, 101) for row in range(2, 1002))
    rewrite(path, "xl/worksheets/sheet1.xml", {
        xml[xml.index(b"<dimension"):xml.index(b"<sheetViews")]: b"",
        data: b"<sheetData>" + cells.encode()})
    kept, size = _kept_by_scan(path)
    assert kept is not None and size < 1_000_000  # 1,000 rows of 100 bytes, and the rest


def _long_text_workbook(path: Path, repeats: int, rows: int) -> Path:
    """Customers with notes, the first ``repeats`` rows' note one text of 32,000 characters:
    Excel keeps that text once and the cells name it by number."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Customers")
    sheet.write_row(0, 0, ["Code", "Name", "Notes"])
    for row in range(1, rows + 1):
        sheet.write_row(row, 0, [f"C{row}", f"Name {row}",
                                 "y" * 32_000 if row <= repeats else f"note {row}"])
    book.close()
    return path


def test_one_long_text_named_by_many_cells_is_refused_unread(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 140 KB workbook whose 10,000 cells name one text of 32,000 characters: a reader
    copies it into each, and calamine took 329 MB (a million cells: 32 GB)."""
    import python_calamine

    class CalamineAsked(BaseException):
        pass

    def refuse(*_args: object) -> None:
        raise CalamineAsked

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_path", refuse)
    path = _long_text_workbook(tmp_path / "repeated.xlsx", 10_000, 10_000)
    with pytest.raises(FileRefused, match="repeats its texts into more than 150 MB"):
        read_customers(path)


def test_a_long_text_named_once_among_many_cells_is_read(tmp_path: Path) -> None:
    """Cells times the longest text is past the limit, so the cells are counted one by one:
    a long note used once is read like any other."""
    path = _long_text_workbook(tmp_path / "once.xlsx", 1, 5_000)
    with open_sheets(path) as sheets:
        rows = list(sheets[0].rows)
    assert len(rows) == 5_001 and len(rows[1][2]) == 32_000 and rows[-1][2] == "note 5000"


@pytest.mark.parametrize(("rows", "columns", "refused"), [(100, 100, True), (10_000, 1, True),
                                                        (1, 3, False), (3, 1, False)])
def test_an_ods_text_repeated_into_many_cells_is_refused_unread(
        tmp_path: Path, rows: int, columns: int, refused: bool) -> None:
    """A 916-byte file repeating one cell of 32,000 characters into 10,000 places (across
    and down, or down alone) took calamine to 957 MB: refused unread. Repeated into three
    places, it is read."""
    path = ods(tmp_path / "repeated.ods", [["Code", "Name"], ["C1", "One"]])
    rewrite(path, "content.xml", {b"</table:table>": (
        f'<table:table-row table:number-rows-repeated="{rows}"><table:table-cell '
        f'table:number-columns-repeated="{columns}" office:value-type="string"><text:p>'
        + "y" * 32_000 + "</text:p></table:table-cell></table:table-row></table:table>"
        ).encode()})
    if refused:
        with pytest.raises(FileRefused, match="repeats its texts into more than 150 MB"):
            read_customers(path)
    else:
        with open_sheets(path) as sheets:
            found = list(sheets[0].rows)
        assert [len(cell) for row in found[2:] for cell in row if cell] == [32_000] * 3


def test_a_styles_part_far_beyond_any_workbooks_is_refused_unread(tmp_path: Path) -> None:
    """The styles are read whole into a tree (ten times their text): 20 MB of them, which
    no workbook has and which packs too poorly to look like a bomb, is refused unread."""
    import random

    path = xlsx(tmp_path / "styled.xlsx", [["Code", "Name"], ["C1", "One"]])
    numbers = random.Random(3)
    styles = b"".join(b'<xf numFmtId="%d"/>' % numbers.randrange(10**9)
                      for _ in range(800_000))
    rewrite(path, "xl/styles.xml", {b"</cellXfs>": styles + b"</cellXfs>"})
    with pytest.raises(FileRefused, match="part xl/styles.xml holds 2[0-9] MB, far more"):
        read_customers(path)
