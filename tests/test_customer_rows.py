"""The quick check of a customer row never vouches for a row the full check faults: tried on
rows of every kind of text (control and invisible characters, spaces, ligatures, full-width
letters, lengths either side of each limit)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from custgroups.core.codes import CUSTOMER_CODE_MAX
from custgroups.core.customer_import import (
    CONTACT_MAX,
    NAME_MAX,
    CustomerInput,
    plainly_valid,
    problems_of,
    validate_customer,
)

_TRICKY = st.sampled_from(["", " ", "\t", "\n", "\u00a0", "\u200b", "\ufeff", "\u202e",
                           "\x07", "ﬁ", "Ｃ", "é", "e\u0301", "K²", "ø", "\u3000"])


def text(limit: int) -> st.SearchStrategy[str]:
    """Mostly plain words, now and then a tricky character or a length at the limit."""
    word = st.sampled_from(["C0001", "Café", "Müller", "Tromsø", "a.b@shop.example", "+47",
                            "x" * (limit - 1), "x" * limit])
    odd = st.one_of(_TRICKY, st.characters(codec="utf-8"))
    return st.lists(st.one_of(word, word, word, word, odd), min_size=1, max_size=3).map(
        "".join)


rows = st.builds(CustomerInput, code=text(CUSTOMER_CODE_MAX), name=text(NAME_MAX),
                 email=text(CONTACT_MAX["email"]), phone=text(CONTACT_MAX["phone"]),
                 city=text(CONTACT_MAX["city"]), country=text(CONTACT_MAX["country"]))


@settings(max_examples=600, deadline=None)
@given(rows)
def test_the_quick_check_never_vouches_for_a_faulty_row(row: CustomerInput) -> None:
    if plainly_valid(row):
        assert problems_of(row) == []
    assert validate_customer(row) == problems_of(row)  # the quick path answers alike


def test_the_quick_check_takes_the_usual_rows() -> None:
    assert plainly_valid(CustomerInput("C0001", "Café Müller", "a@b.example", "+47 1",
                                       "Tromsø", "Norway"))
    assert not plainly_valid(CustomerInput("C 1", "x"))
    assert not plainly_valid(CustomerInput("C1", "ﬁne"))  # NFKC would store "fine"
    assert problems_of(CustomerInput("C1", "ﬁne")) == []


# --- a sheet's rows read a thousand at a time, against every row checked on its own ------

_CELLS = st.one_of(
    st.sampled_from(["C1", "c1", "C2", "1001", "1001.00", "1001,0", "Café Müller", "Tromsø",
                     "Norway", "Active", "inactive", " Aktiv ", "Maybe", "", " ", "#N/A",
                     "#REF!", "ﬁne", "e\u0301", "C 3", "a@b.example", "x" * 101]),
    text(60))


@settings(max_examples=200, deadline=None)
@given(count=st.integers(1, 2600),
       twists=st.lists(st.tuples(st.integers(0, 2599), st.integers(0, 7), _CELLS), max_size=25),
       odd_rows=st.lists(st.tuples(st.integers(0, 2599), st.lists(_CELLS, max_size=9)),
                         max_size=5),
       heading=st.permutations(["Code", "Name", "Email", "Phone", "City", "Country", "Status",
                                "Notes"]).map(lambda h: h[:st_width(h)]))
def test_reading_in_batches_finds_what_checking_each_row_finds(
        count: int, twists: list[tuple[int, int, str]], odd_rows: list[tuple[int, list[str]]],
        heading: list[str]) -> None:
    """Usual rows with a few cells changed to anything (a code met twice, "1001.00", an
    error, a status, text no store keeps as typed), rows short, long or empty: the rows and
    the problems, in their order, are those of checking every row on its own."""
    from custgroups.core.sheets import customer_rows as reading
    from custgroups.core.sheets.headings import find_columns
    from custgroups.core.sheets.reading import Sheet

    columns = find_columns(heading, ["code", "name", "email", "phone", "city", "country",
                                     "status"])
    usual = {"Code": "K{n}", "Name": "Usual Name {n}", "Email": "k{n}@shop.example",
             "Phone": "+47 {n}", "City": "Oslo", "Country": "Norway", "Status": "Active",
             "Notes": "call {n}"}
    body = [[usual[h].format(n=n) for h in heading] for n in range(count)]
    for row, column, value in twists:
        body[row % count][column % len(heading)] = value
    for row, cells in odd_rows:
        body[row % count] = cells
    found = reading.customer_rows(Sheet("s", iter(body)), 1, columns, lambda *_: None)
    quick = reading._Reading.usual
    try:
        reading._Reading.usual = lambda *_: False  # type: ignore[method-assign]
        one_by_one = reading.customer_rows(Sheet("s", iter(body)), 1, columns,
                                           lambda *_: None)
    finally:
        reading._Reading.usual = quick  # type: ignore[method-assign]
    assert found[0] == one_by_one[0]
    assert list(map(str, found[1])) == list(map(str, one_by_one[1]))


def st_width(heading: list[str]) -> int:
    """How many of the shuffled headings a sheet has: up to the later of Code and Name."""
    return max(heading.index("Code"), heading.index("Name")) + 1
