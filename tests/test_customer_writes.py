"""Writing customers in bulk: rows checked and tidied a thousand at a time as columns must be
stored exactly as each row checked and tidied alone would be, and a bad row anywhere stops
the whole import."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from custgroups.core import customer_import, customers
from custgroups.core.codes import clean_customer_code, customer_code_key
from custgroups.core.customers import CustomerInput
from custgroups.core.errors import ValidationError
from custgroups.core.models import Customer
from custgroups.core.text import tidy

pytestmark = pytest.mark.usefixtures("opened")

# Text as files bring it: mostly plain, some accented (composed or not), some with the
# invisible characters and spaces a spreadsheet hides.
_PIECES = st.sampled_from(["Nordic", "Timber", "AS", "Café", "Cafe\u0301", "Søren", "Ａｂｃ",
                           " ", "  ", "\u200b", "\ufeff", "ﬁ", "K²", "Ltd.", "\u00a0"])
_TEXT = st.lists(_PIECES, max_size=4).map("".join)
_CODE_LEAD = st.sampled_from(["", " ", "\u200b"])


@st.composite
def _rows(draw: st.DrawFn) -> list[CustomerInput]:
    """Up to 30 rows; in one example of four, one field of one row holds a control
    character, which no import may store."""
    count = draw(st.integers(min_value=1, max_value=30))
    rows = [CustomerInput(draw(_CODE_LEAD) + f"C{number:05d}", draw(_TEXT), draw(_TEXT),
                          draw(_TEXT), draw(_TEXT), draw(_TEXT),
                          draw(st.sampled_from([True, False, None])))
            for number in range(count)]
    if draw(st.integers(min_value=0, max_value=3)) == 0:
        at, field = draw(st.integers(0, count - 1)), draw(st.integers(1, 5))
        rows[at] = rows[at]._replace(**{rows[at]._fields[field]: "Bell\x07"})
    return rows


def _stored() -> dict[str, tuple[str, ...]]:
    return {row.code: (row.code_key, row.name, row.email, row.phone, row.city, row.country)
            for row in Customer.select()}


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches of four rows, so a few rows make several and the usual and the unusual
    meet in one import."""
    monkeypatch.setattr(customer_import, "_CHECK_CHUNK", 4)


@pytest.mark.usefixtures("small_batches")
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(rows=_rows())
def test_rows_are_stored_as_each_alone_would_be(rows: list[CustomerInput]) -> None:
    Customer.delete().execute()
    bad = [row for row in rows if customer_import.validate_customer(row)]
    if bad:
        with pytest.raises(ValidationError) as refused:
            customers.upsert_customers(rows)
        first = customer_import.validate_customer(bad[0])[0]
        assert (refused.value.field, str(refused.value)) == (first[0], str(first[1]))
        assert _stored() == {}
        return
    customers.upsert_customers(rows)
    assert _stored() == {clean_customer_code(row.code): (customer_code_key(row.code),
                                                          *map(tidy, row[1:6]))
                         for row in rows}
