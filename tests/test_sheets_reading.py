"""Reading files, no database: hostile files refused fast, encodings, headings, bad rows."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from custgroups.core.sheets.files import open_sheets
from custgroups.core.sheets.headings import find_columns
from custgroups.core.sheets.imports import (
    ImportProblems,
    read_customers,
    read_member_codes,
)
from custgroups.core.sheets.reading import FileRefused, sniff_delimiter
from tests.sheet_files import FIXTURES, xlsx


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("bomb.xlsx", "would unpack to an absurd size"),
        ("billion_laughs.xlsx", "XML built to attack"),
        ("junk.xlsx", "is not an Excel workbook, although its name ends in .xlsx"),
        ("not_a_workbook.xlsx", "a zip archive, not an Excel workbook"),
        ("password.xlsx", "protected by a password"),
        ("empty.csv", "the file is empty"),
    ],
)
def test_hostile_and_broken_files_are_refused_fast(name: str, message: str) -> None:
    started = time.perf_counter()
    with pytest.raises(FileRefused, match=message) as exc:
        with open_sheets(FIXTURES / name) as sheets:
            for sheet in sheets:
                for _row in sheet.rows:
                    pass
    assert time.perf_counter() - started < 1.0
    assert str(exc.value).startswith(name + ": ")


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(FileRefused, match="does not exist"):
        read_customers(tmp_path / "nope.csv")
    with pytest.raises(FileRefused, match="folder"):
        read_customers(tmp_path)


def test_binary_junk_with_a_csv_name(tmp_path: Path) -> None:
    junk = tmp_path / "junk.csv"
    junk.write_bytes(bytes(range(256)) * 50)
    with pytest.raises(FileRefused, match="neither a spreadsheet nor readable text|binary"):
        read_customers(junk)


def test_absurd_size_is_refused_before_reading(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from custgroups.core.sheets import reading

    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 1000)
    big = tmp_path / "big.csv"
    big.write_text("Code,Name\n" + "C1,x\n" * 500)
    with pytest.raises(FileRefused, match="files over 0 MB are not read"):
        read_customers(big)


def test_a_wrong_dimension_tag_hides_no_rows() -> None:
    with zipfile.ZipFile(FIXTURES / "wrong_dimension.xlsx") as archive:
        assert b'<dimension ref="A1:A1"/>' in archive.read("xl/worksheets/sheet1.xml")
    assert len(read_customers(FIXTURES / "wrong_dimension.xlsx").rows) == 30


@pytest.mark.parametrize("name", ["cp1252.csv", "bom.csv", "utf16.csv"])
def test_encodings_are_detected(name: str) -> None:
    found = read_customers(FIXTURES / name)
    assert [(r.code, r.name, r.city) for r in found.rows] == [
        ("C001", "Café Müller", "Köln"), ("C002", "Señor Niño", "Málaga")]


def test_a_two_column_excel_paste_saved_as_text() -> None:
    found = read_customers(FIXTURES / "excel_paste.txt")
    assert [r.code for r in found.rows] == ["C001", "C002", "C003"]
    assert read_member_codes(FIXTURES / "excel_paste.txt").codes == ("C001", "C002", "C003")


@pytest.mark.parametrize(
    ("sample", "delimiter"),
    [("a,b,c\n1,2,3\n", ","), ("Title\n\na;b;c\n1;2;3\n", ";"), ("a\tb\n1\t2\n", "\t"),
     ("a|b\n1|2\n", "|"), ('name,"x;y"\n1,"2;3"\n', ","), ("single\nvalue\n", ",")],
)
def test_delimiter_sniffing(sample: str, delimiter: str) -> None:
    assert sniff_delimiter(sample) == delimiter


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (["Customer Code", "Customer Name"], {"code": 0, "name": 1}),
        (["  CUST. NO. ", "Name"], {"code": 0, "name": 1}),
        (["Cust No", "Company", "E-mail", "Tel."], {"code": 0, "name": 1, "email": 2,
                                                    "phone": 3}),
        (["customer_code", "customer_name", "Town"], {"code": 0, "name": 1, "city": 2}),
        (["Name", "Code"], {"code": 1, "name": 0}),
        (["Customer", "Customer Code"], {"code": 1, "name": 0}),
        (["Group code", "Customer code"], {"code": 1, "group": 0}),
    ],
)
def test_headings_are_found_by_name(header: list[str], expected: dict[str, int]) -> None:
    found = find_columns(header, ["code", "name", "email", "phone", "city", "group"])
    assert found == expected


def test_headings_below_a_title_and_numbers_as_codes(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "erp.xlsx", [["ERP export 2026-11-01"], [],
                                        ["Customer No", "Customer Name", "Active"],
                                        [1001, "Numbered Ltd", "yes"], [1002.0, "Float Inc", 0]])
    found = read_customers(path)
    assert found.header_row == 3 and found.sheet == "Sheet"
    assert [(r.code, r.active) for r in found.rows] == [("1001", True), ("1002", False)]


def test_no_heading_row_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "nothing.csv"
    path.write_text("apples,pears\n1,2\n")
    with pytest.raises(FileRefused, match="no heading row naming a customer code"):
        read_customers(path)


def test_every_bad_row_is_reported_with_its_number(tmp_path: Path) -> None:
    rows = [["Code", "Name", "Email", "Status"]]
    rows += [[f"C{i}", f"Name {i}", "", "Active"] for i in range(1, 101)]
    rows[5] = ["", "No code", "", ""]
    rows[7] = ["C7b", "", "", ""]
    rows[9] = ["C1", "Repeat of row 2", "", ""]
    rows[11] = ["C11", "Bell\x07", "", ""]
    rows[13] = ["C13", "x" * 201, "", ""]
    rows[15] = ["C15", "Odd status", "", "maybe"]
    rows[17] = ["C 17", "Spaced code", "", ""]
    rows[19] = ["C19", "Long mail", "m" * 201, ""]
    path = tmp_path / "bad.csv"
    path.write_text("\n".join(",".join(r) for r in rows), encoding="utf-8")
    with pytest.raises(ImportProblems) as exc:
        read_customers(path)
    problems = [str(problem) for problem in exc.value.problems]
    assert problems == [
        "Row 6: Customer code is missing.",
        "Row 8: Customer name is missing.",
        "Row 10: Customer code 'C1' already appears on row 2.",
        "Row 12: Name holds control characters.",
        "Row 14: Customer name is longer than 200 characters.",
        "Row 16: status 'maybe' is neither Active nor Inactive.",
        "Row 18: Customer code 'C 17' holds spaces or control characters.",
        "Row 20: Email is longer than 200 characters.",
    ]
    assert "bad.csv was not imported: problems to fix first: 8; nothing was changed." in str(
        exc.value)


def test_only_the_first_fifty_problems_are_listed(tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    path.write_text("Code,Name\n" + "".join(f"C{i},\n" for i in range(120)))
    with pytest.raises(ImportProblems) as exc:
        read_customers(path)
    text = str(exc.value)
    assert "Row 51:" in text and "Row 52:" not in text and "… and 70 more." in text
    assert len(exc.value.problems) == 120


# --- awkward files found in review -----------------------------------------------------


def test_an_unclosed_quote_is_refused_not_swallowing_rows(tmp_path: Path) -> None:
    path = tmp_path / "quote.csv"
    path.write_text('Customer Code,Customer Name,City\nC501,"Acme 24in Screens,Oslo\n'
                    "C502,Beta,Bergen\nC503,Gamma,Tromso\n")
    with pytest.raises(FileRefused, match="quote may be missing its partner"):
        read_customers(path)


@pytest.mark.parametrize("text", ["Price €5 Ltd", "Brand™ AS", "Café Crème"])
def test_utf8_without_a_bom_is_read_as_utf8(tmp_path: Path, text: str) -> None:
    path = tmp_path / "plain.csv"
    path.write_bytes(f"Code,Name\nC1,{text}\n".encode())
    assert read_customers(path).rows[0].name == text


def test_utf16_without_a_bom(tmp_path: Path) -> None:
    path = tmp_path / "u16.csv"
    path.write_bytes("Code\tName\nC1\tCafé Müller\n".encode("utf-16-le"))
    assert read_customers(path).rows[0].name == "Café Müller"


def test_a_bomb_hidden_beside_honest_filler(tmp_path: Path) -> None:
    path = tmp_path / "hidden.xlsx"
    xlsx(path, [["Code", "Name"], ["C1", "x"]])
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/noise.bin", bytes(range(256)) * 12_000)  # packs badly
        archive.writestr("xl/media/bomb.bin", b"\0" * (40 * 1024 * 1024))
    started = time.perf_counter()
    with pytest.raises(FileRefused, match="zip bomb"):
        read_customers(path)
    assert time.perf_counter() - started < 1.0


def test_an_absurdly_wide_row_is_refused_quickly(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "wide.xlsx", [["Code", "Name", *(["x"] * 2000)], ["C1", "n"]])
    started = time.perf_counter()
    with pytest.raises(FileRefused, match="2,002 columns; sheets of over 1,000 are not read"):
        read_customers(path)
    assert time.perf_counter() - started < 1.0


def test_error_values_are_problems_not_customers(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "errors.xlsx", [["Code", "Name"], ["#N/A", "#REF!"], ["C2", "Fine"]])
    with pytest.raises(ImportProblems) as exc:
        read_customers(path)
    assert [str(problem) for problem in exc.value.problems] == [
        "Row 2: the code cell holds the spreadsheet error #N/A; fix the formula in the file.",
        "Row 2: the name cell holds the spreadsheet error #REF!; fix the formula in the file."]


def test_zero_padded_number_codes_keep_their_zeros(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Code", "Name", "Since"])
    sheet.append([123, "Padded", None])
    sheet["A2"].number_format = "000000"
    sheet.append([456, "Plain", openpyxl.utils.datetime.from_excel(45000)])
    path = tmp_path / "padded.xlsx"
    book.save(path)
    with open_sheets(path) as sheets:
        rows = list(sheets[0].rows)
    assert rows[1][0] == "000123" and rows[2][0] == "456"
    assert rows[2][2] == "2023-03-15"  # a date at midnight reads as a date


def test_a_headed_code_column_without_a_known_heading(tmp_path: Path) -> None:
    path = tmp_path / "codes.csv"
    path.write_text("Codes\nC1\nC2\n")
    assert read_member_codes(path).codes == ("C1", "C2")


def test_our_csv_apostrophes_come_off_on_the_way_back(tmp_path: Path) -> None:
    path = tmp_path / "back.csv"
    path.write_text("Group code,Customer code\n'-1,'=C1\n'-1,C2\nX,C3\n", encoding="utf-8-sig")
    assert read_member_codes(path, "-1").codes == ("=C1", "C2")


def test_an_unreadable_file_is_explained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.csv"
    path.write_text("Code,Name\nC1,x\n")

    def refuse(*args: object, **kwargs: object) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(FileRefused, match=r"cannot be read \(Permission denied\)"):
        read_customers(path)


@pytest.mark.parametrize("text, heading, letters", [
    ("Customer Code,Name,City,Name\nC1,One,Oslo,Uno\n", "Name", "B, D"),
    ("Code,Customer Name,Code\nC1,One,C2\n", "Code", "A, C"),
])
def test_two_columns_with_one_heading_are_refused_and_named(tmp_path: Path, text: str,
                                                            heading: str, letters: str) -> None:
    path = tmp_path / "twins.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FileRefused, match=f"several columns are headed '{heading}' "
                                          f"\\(columns {letters}\\)"):
        read_customers(path)


def test_two_code_columns_in_a_member_file_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "twins.csv"
    path.write_text("Customer Code,Customer Code\nC1,C2\n", encoding="utf-8")
    with pytest.raises(FileRefused, match="columns A, B"):
        read_member_codes(path)


def test_a_csv_cell_too_long_is_called_too_long(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text("Customer Code,Name\nC1,One\nC2," + "x" * 140_000 + "\n", encoding="utf-8")
    with pytest.raises(FileRefused, match="line 3 holds a cell longer than 131,072 characters"):
        read_customers(path)


def test_a_csv_file_is_read_in_little_more_memory_than_its_size(tmp_path: Path) -> None:
    """Its text is read back a few kilobytes at a time: a StringIO kept four bytes a
    character, and a 68 MB file took the reading to 346 MB."""
    import tracemalloc

    path = tmp_path / "many.csv"
    path.write_text("Code;Name\n" + "".join(f"C{n:07d};Customer {n} Trading Ltd\n"
                                             for n in range(250_000)), encoding="utf-8")
    size = path.stat().st_size
    tracemalloc.start()
    try:
        with open_sheets(path) as sheets:
            rows = sum(1 for _ in sheets[0].rows)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert rows == 250_001 and peak < 2.5 * size
