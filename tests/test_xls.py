"""Old Excel workbooks (.xls), no database: their records are scanned before calamine builds a
sheet, so codes keep the zeros their format shows, error cells read as errors, and a file
whose cells lie far apart, or that is encrypted or damaged, is refused before any table is
built, whatever bytes it holds."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from custgroups.core.sheets import biff
from custgroups.core.sheets.files import open_sheets
from custgroups.core.sheets.imports import read_customers, read_member_codes
from custgroups.core.sheets.reading import FileRefused
from tests.sheet_files import FIXTURES, XlsError, compound_file, xls


def rows_of(path: Path) -> list[list[str]]:
    with open_sheets(path) as sheets:
        return [row for sheet in sheets for row in sheet.rows]


class CalamineAsked(BaseException):
    """Raised past every handler of the reader's: calamine was asked to read the file."""


@pytest.fixture
def no_calamine(monkeypatch: pytest.MonkeyPatch) -> None:
    """calamine must not be asked to read the file at all."""
    import python_calamine

    def refuse(*_args: object) -> None:
        raise CalamineAsked

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_path", refuse)


def test_codes_formatted_with_leading_zeros_keep_them(tmp_path: Path) -> None:
    """A number in the format 000000 shows 001001: the code is 001001, never 1001 or 1001.0,
    whether it is stored alone, beside another number (one record for both), or too large
    for Excel's compact form."""
    path = xls(tmp_path / "kunden.xls", [
        ["Kundennummer", "Name", "Extra"],
        [(1001, "000000"), "Nullen", (7, "000")],  # two numbers side by side
        [(42, '"0"000'), "Zitiert", None],  # a literal zero, then three digits
        [1003, "Ohne", 12.0],
        [(123456789012, "0" * 14), "Groß", None],
        ["0044", "Text", None],
    ])
    assert rows_of(path)[1:] == [["001001", "Nullen", "007"], ["0042", "Zitiert", ""],
                                 ["1003", "Ohne", "12"], ["00123456789012", "Groß", ""],
                                 ["0044", "Text", ""]]
    found = read_customers(path)
    assert [row.code for row in found.rows] == ["001001", "0042", "1003", "00123456789012",
                                                "0044"]
    assert list(read_member_codes(path).codes)[:2] == ["001001", "0042"]


def test_an_error_cell_reads_as_its_error(tmp_path: Path) -> None:
    """calamine gives an error cell as empty; the clerk's file shows #N/A, and so do we."""
    path = xls(tmp_path / "errors.xls", [["Code", "Name"], ["C1", XlsError(0x2A)],
                                         [XlsError(0x07), "Zero"]])
    assert rows_of(path)[1:] == [["C1", "#N/A"], ["#DIV/0!", "Zero"]]


def test_a_workbook_kept_in_the_small_streams_area_is_read() -> None:
    """A workbook stream under 4 KB lives in the compound file's mini stream."""
    stream = biff.workbook_stream((FIXTURES / "old_format.xls").read_bytes())
    records_end = _records_end(stream)
    path = FIXTURES.parent / "__small.xls"
    try:
        path.write_bytes(compound_file(stream[:records_end]))
        assert len(biff.workbook_stream(path.read_bytes())) == records_end < 4096
        found = read_customers(path)
        assert [row.code for row in found.rows] == ["W0001", "W0002", "W0003", "W0004"]
    finally:
        path.unlink(missing_ok=True)


@pytest.mark.parametrize("far", [(65535, 255), (40000, 100), (10000, 255)])
def test_cells_far_apart_are_refused_before_any_table_is_built(
        tmp_path: Path, far: tuple[int, int], no_calamine: None) -> None:
    """Two cells at A1 and IV65536 made calamine ask for a gigabyte: refused unread."""
    rows: list[list[object]] = [[None] * (far[1] + 1) for _ in range(far[0] + 1)]
    rows[0][0] = "Code"
    rows[far[0]][far[1]] = "x"
    path = xls(tmp_path / "spread.xls", rows)
    with pytest.raises(FileRefused, match="spans more than 2,500,000 cells"):
        rows_of(path)


def test_an_encrypted_workbook_is_refused_as_protected(tmp_path: Path,
                                                       no_calamine: None) -> None:
    path = xls(tmp_path / "secret.xls", [["Code", "Name"], ["C1", "One"]])
    stream = path.read_bytes()
    # A workbook with a password says so in a record early on; make one of the same length.
    at = stream.index(struct.pack("<H", 0x005C))  # the record naming who wrote the file
    path.write_bytes(stream[:at] + struct.pack("<H", 0x002F) + stream[at + 2:])
    with pytest.raises(FileRefused, match="password"):
        rows_of(path)


@pytest.mark.parametrize(("times", "refused"), [(20_000, True), (10_000, False)])
def test_a_long_text_named_by_many_cells_is_refused_unread(
        tmp_path: Path, times: int, refused: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """A note of 9,000 characters named by 20,000 cells is 180 MB of copies (calamine took
    1.3 GB for 20,000 cells naming one of 32,000): refused unread. By 10,000 cells it is
    90 MB, and read. A first note of 32,000 characters, which the file parts across
    records, stands before it among the shared texts."""
    rows: list[list[object]] = [["Code", "Name", "Notes"], ["C0", "First", "y" * 32_000]]
    rows += [[f"C{n}", f"Name {n}", "z" * 9_000] for n in range(1, times + 1)]
    path = xls(tmp_path / "notes.xls", rows)
    if refused:
        import python_calamine

        monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_path", _calamine_asked)
        with pytest.raises(FileRefused, match="repeats its texts into more than 150 MB"):
            rows_of(path)
    else:
        found = rows_of(path)
        assert len(found) == times + 2 and len(found[1][2]) == 32_000
        assert found[-1][2] == "z" * 9_000


def _calamine_asked(*_args: object) -> None:
    raise CalamineAsked


def test_sheets_sharing_their_records_are_refused_unread(tmp_path: Path,
                                                         no_calamine: None) -> None:
    """Two sheets pointing at the same records would have them read twice: a thousand
    such sheets, a thousand times. No workbook does that."""
    import xlwt

    book = xlwt.Workbook()
    for title in ("One", "Two"):
        book.add_sheet(title).write(0, 0, "Code")
    path = tmp_path / "twice.xls"
    book.save(str(path))
    data = path.read_bytes()
    stream = biff.workbook_stream(data)
    sheets = [stream[at:at + 4 + length] for at, length in _records(stream, 0x0085)]
    first_start = sheets[0][4:8]
    path.write_bytes(data.replace(sheets[1], sheets[1][:4] + first_start + sheets[1][8:]))
    with pytest.raises(FileRefused, match="damaged"):
        rows_of(path)


@pytest.mark.parametrize("damage", [
    lambda data: data[:700],  # cut short
    lambda data: data[:0x30] + b"\xff" * 4 + data[0x34:],  # the directory nowhere
    lambda data: data[:0x4C] + b"\x05\0\0\0" + data[0x50:],  # the table is the directory
])
def test_a_damaged_compound_file_is_refused_as_damaged(tmp_path: Path, damage) -> None:
    path = tmp_path / "broken.xls"
    path.write_bytes(damage((FIXTURES / "old_format.xls").read_bytes()))
    with pytest.raises(FileRefused, match="damaged"):
        rows_of(path)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changes=st.lists(st.tuples(st.integers(0, 5631), st.integers(0, 255)), min_size=1,
                        max_size=12))
def test_any_damage_is_read_or_refused_never_a_crash(tmp_path_factory: pytest.TempPathFactory,
                                                      changes: list[tuple[int, int]]) -> None:
    """Bytes changed anywhere: the workbook reads, or is refused in plain words; nothing
    else escapes, and nothing hangs."""
    data = bytearray((FIXTURES / "old_format.xls").read_bytes())
    for at, value in changes:
        data[at] = value
    path = tmp_path_factory.mktemp("fuzz") / "changed.xls"
    path.write_bytes(bytes(data))
    try:
        rows_of(path)
    except FileRefused:
        pass


def _records(stream: bytes, kind: int) -> list[tuple[int, int]]:
    """Where each record of a kind starts in the workbook's globals, and its length."""
    found, position = [], 0
    while position + 4 <= len(stream):
        this, length = struct.unpack_from("<HH", stream, position)
        if this == kind:
            found.append((position, length))
        if this == 0x000A:
            break
        position += 4 + length
    return found


def _records_end(stream: bytes) -> int:
    """Where the workbook's records end (xlwt pads the stream to 4 KB)."""
    position = last = 0
    while position + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, position)
        position += 4 + length
        if kind == 0x000A:
            last = position
    return last


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_shared_text_lengths_are_read_across_every_record_boundary(tmp_path: Path,
                                                                    seed: int) -> None:
    """300 texts of random lengths, parted across records wherever they fall, then one of
    777 characters named by 50 cells: the copies are counted exactly, so a limit one below
    refuses the sheet and a limit at it does not."""
    import random

    lengths = random.Random(seed)
    rows: list[list[object]] = [["Code", "Name", "Notes"]]
    rows += [[f"C{n}", f"N{n}", f"{n}:" + ("é" if n % 3 == 0 else "x") * lengths.randint(1, 5000)]
             for n in range(300)]
    rows += [[f"R{n}", f"S{n}", "r" * 777] for n in range(50)]
    data = xls(tmp_path / "texts.xls", rows).read_bytes()
    stream = biff.workbook_stream(data)
    size = sum(length for _at, length in _records(stream, 0x00FC) + _records(stream, 0x003C))
    most = size + 49 * 777

    def check(*_args: object) -> None:
        pass

    assert biff.scan_xls(data, check, most)
    with pytest.raises(biff.TooMuchText):
        biff.scan_xls(data, check, most - 1)
