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
