"""Parsing pasted codes and the text keys names and codes are compared by (no database)."""

from __future__ import annotations

import string

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from custgroups.core.codes import (
    customer_code_key,
    format_group_code,
    is_code_heading,
    is_valid_group_code,
    near_codes,
    read_paste,
)
from custgroups.core.text import fold, like_pattern, search_fold
from tests.helpers import parse_codes


@pytest.mark.parametrize(
    "pasted",
    [
        "C001\nC002\nC003",
        "C001\r\nC002\r\nC003\r\n",
        "C001\rC002\rC003",
        "C001,C002,C003",
        "C001, C002 ,C003,",
        "C001;C002;C003",
        "C001\tC002\tC003",
        "C001 C002   C003",
        "  C001 ;, C002\n\n\nC003  ",
        '"C001","C002","C003"',
        "'C001' “C002” ‘C003’",
        "\ufeffC001\nC002\nC003",
        "C0\u200b01\nC002\u200d\n\u2060C003",
        "C001\u00a0C002\u3000C003",
        "C001，C002；C003",
        "C001、C002 ＂C003＂",
        "C001\u2028C002\u2029C003",
    ],
)
def test_every_separator_and_cleaning(pasted: str) -> None:
    assert parse_codes(pasted) == ["C001", "C002", "C003"]


def test_block_of_columns_from_excel_gives_its_first_column() -> None:
    pasted = "C001\tNordic Timber AS\tOslo\nC002\tAtlas Foods\tBergen\nC003\t\tParis\n"
    assert parse_codes(pasted) == ["C001", "C002", "C003"]


def test_block_with_a_heading_row_skips_the_heading() -> None:
    pasted = "Customer Code\tName\nC001\tNordic\nC002\tAtlas\n"
    assert parse_codes(pasted) == ["C001", "C002"]


@pytest.mark.parametrize("heading", ["Code", "Customer code", "CUST NO", "Cust. No.", '"Account"'])
def test_single_column_heading_is_skipped(heading: str) -> None:
    assert parse_codes(f"{heading}\nC001\nC002") == ["C001", "C002"]


def test_a_block_row_with_empty_first_cell_contributes_nothing() -> None:
    assert parse_codes("C001\tx\n\ty\nC003\tz") == ["C001", "C003"]


def test_one_row_copied_from_a_sheet_gives_every_cell() -> None:
    assert parse_codes("C001\tC002\tC003") == ["C001", "C002", "C003"]


def test_one_row_with_a_heading_cell_keeps_the_other_cells() -> None:
    assert parse_codes("Customer\tC001\tC002") == ["C001", "C002"]


def test_control_characters_and_surrogates_are_dropped() -> None:
    assert parse_codes("C0\x0001 C\x07002 \ud800C003") == ["C001", "C002", "C003"]


@pytest.mark.parametrize("pasted", ["K²", "ＡＢＣ", "Ｃ００１", "ｶ1", "Cafe\u0301"])
def test_a_paste_keys_codes_exactly_as_stored_codes_are_keyed(pasted: str) -> None:
    # One key on both sides: what a clerk pastes is looked up as a stored code is stored.
    (code,) = parse_codes(pasted)
    assert customer_code_key(code) == customer_code_key(pasted) == pasted.casefold()


def test_a_file_cell_keeps_its_own_characters() -> None:
    from custgroups.core.codes import cell_code

    for cell in ("A，1", "K²", "ＡＢＣ", "A,1"):
        assert customer_code_key(cell_code(cell)) == customer_code_key(cell)


def test_codes_keep_their_own_characters_but_not_their_case() -> None:
    assert customer_code_key("K²") != customer_code_key("K2")
    assert customer_code_key(" Ab-1\u200b ") == "ab-1"
    assert customer_code_key("CAFÉ-1") == customer_code_key("café-1")


def test_duplicates_and_case_are_kept_for_the_resolver() -> None:
    assert parse_codes("c001 C001 C001") == ["c001", "C001", "C001"]


@pytest.mark.parametrize("junk", ["", "   ", "\n\n\t\n", ",;,;", "\ufeff\u200b", '""  ""'])
def test_junk_gives_no_codes(junk: str) -> None:
    assert parse_codes(junk) == []


def test_binary_garbage_does_not_crash() -> None:
    garbage = bytes(range(256)).decode("latin-1") * 20
    codes = parse_codes(garbage)
    assert all(code and not any(ch.isspace() for ch in code) for code in codes)


def test_a_million_codes_parse() -> None:
    text = "\n".join(f"C{i:07d}" for i in range(1_000_000))
    codes = parse_codes(text)
    assert len(codes) == 1_000_000
    assert codes[-1] == "C0999999"


_code_chars = st.text(alphabet=string.ascii_letters + string.digits + "-_./#", min_size=1,
                      max_size=12)
_separator = st.sampled_from([",", ";", "\n", "\r\n", " ", "  ", ", ", " ;\n", "\u00a0", "\u3000"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_code_chars, min_size=1, max_size=40), st.data())
def test_codes_joined_by_any_separators_come_back(codes: list[str], data: st.DataObject) -> None:
    pieces = [codes[0]]
    for code in codes[1:]:
        pieces.append(data.draw(_separator))
        pieces.append(code)
    text = "".join(pieces)
    # "12" and "345" joined by a comma read as one number: kept whole, tested on their own.
    assume(not read_paste(text).kept_whole)
    parsed = parse_codes(text)
    # Only a first code that reads as a heading ("code", "no", ...) may be skipped: it is
    # when it stands alone on the first line, and kept when the line goes on ("debtor,0").
    if is_code_heading(codes[0]):
        assert parsed in (codes[1:], codes)
    else:
        assert parsed == codes


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=300))
def test_any_text_parses_to_clean_codes(text: str) -> None:
    for code in parse_codes(text):
        assert code
        assert code == code.strip()
        assert not set(code) & set("\ufeff\u200b\u200c\u200d\u2060")
        if "\t" not in text:  # only a cell of a block copied from a spreadsheet stays whole
            assert not any(ch.isspace() for ch in code)
            assert not set(code) & set(",;") or "," in code and code.replace(",", "").isdigit()
        assert code == code.strip("\"'`\u201c\u201d\u2018\u2019")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_fold_is_stable(text: str) -> None:
    assert fold(fold(text)) == fold(text)
    assert customer_code_key(customer_code_key(text)) == customer_code_key(text)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Café", "CAFÉ"),
        ("Cafe\u0301", "café"),
        ("Whole\u00a0sale", "whole sale"),
        ("  Whole   sale ", "Whole sale"),
        ("ＷＨＯＬＥＳＡＬＥ", "wholesale"),
        ("Straße", "STRASSE"),
        ("Whole\u200bsale", "Wholesale"),
    ],
)
def test_names_that_collide(a: str, b: str) -> None:
    assert fold(a) == fold(b)


def test_names_that_do_not_collide() -> None:
    assert fold("Cafe") != fold("Café")
    assert search_fold("Café") == search_fold("cafe")


def test_like_pattern_escapes_wildcards() -> None:
    assert like_pattern("50%_off\\") == "%50\\%\\_off\\\\%"


@pytest.mark.parametrize("code", ["CG-000001", "wh_01", "A", "x" * 30, "R-2026_north"])
def test_valid_group_codes(code: str) -> None:
    assert is_valid_group_code(code)


@pytest.mark.parametrize("code", ["", "x" * 31, "CG 1", "CG/1", "Café", "CG-1\n", "=1+1"])
def test_invalid_group_codes(code: str) -> None:
    assert not is_valid_group_code(code)


def test_group_codes_are_numbered() -> None:
    assert format_group_code(1) == "CG-000001"
    assert format_group_code(1234567) == "CG-1234567"


def test_near_codes_cover_typos() -> None:
    near = near_codes("c00x12", "0123456789abcdefghijklmnopqrstuvwxyz")
    assert "c00012" in near  # one replaced
    assert "c0x012" in near  # two swapped
    assert "c0x12" in near  # one dropped
    assert "c00x123" in near  # one added
    assert "c00x12" not in near
    assert near_codes("", "abc") == []


def test_a_block_from_a_spreadsheet_keeps_each_cell_whole() -> None:
    assert parse_codes("A,1\tOne\nB;2\tTwo\n12,345\tBig") == ["A,1", "B;2", "12,345"]


def test_numbers_with_thousands_separators_are_kept_whole_and_named() -> None:
    pasted = read_paste("C1, C2\n12,345 1,234,567\n7,8")
    assert pasted.codes == ["C1", "C2", "12,345", "1,234,567", "7", "8"]
    assert pasted.kept_whole == ["12,345", "1,234,567"]


@pytest.mark.parametrize("cell", ["Customer No.", "CUST_NO", "cust. no.", "Customer #", "ID",
                                  "Client ID", "Debtor", "customers", "Account-Number"])
def test_headings_of_a_code_column_are_told_apart_from_codes(cell: str) -> None:
    assert is_code_heading(cell)
    assert parse_codes(f"{cell}\nC001\nC002") == ["C001", "C002"]


@pytest.mark.parametrize("cell", ["C001", "Customer Name", "north", "no 5", "1001"])
def test_codes_and_other_headings_are_not_code_headings(cell: str) -> None:
    assert not is_code_heading(cell)
