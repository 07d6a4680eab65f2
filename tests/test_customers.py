"""Customer upsert, picker search and resolving pasted codes, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest

from custgroups.core import customers, groups
from custgroups.core.customers import CustomerInput
from custgroups.core.errors import ValidationError
from custgroups.core.groups import GroupChange
from custgroups.core.wording import paste_summary
from tests.helpers import parse_codes

pytestmark = pytest.mark.usefixtures("opened")

PEOPLE = [
    CustomerInput("C00001", "Nordic Timber AS", city="Oslo"),
    CustomerInput("C00002", "Atlas Foods GmbH", city="Hamburg"),
    CustomerInput("C00003", "Café Lumière", city="Paris"),
    CustomerInput("C00012", "Søren Hansen", city="Aarhus"),
    CustomerInput("C00013", "Old Account Ltd", active=False),
    CustomerInput("K-77", "Ann Berg", city="Bergen"),
]


@pytest.fixture
def people() -> dict[str, int]:
    customers.upsert_customers(PEOPLE)
    return {row.code: row.id for row in customers.search_customers("", limit=100).rows}


def test_upsert_inserts_then_updates_by_code_ignoring_case() -> None:
    assert customers.upsert_customers(PEOPLE) == customers.UpsertResult(6, 0)
    result = customers.upsert_customers([
        CustomerInput("c00001", "Nordic Timber ASA", city="Bergen"),
        CustomerInput("C00099", "New Customer"),
    ])
    assert result == customers.UpsertResult(1, 1)
    rows = {r.code: r for r in customers.search_customers("", limit=100).rows}
    assert "C00001" not in rows and rows["c00001"].name == "Nordic Timber ASA"
    assert rows["c00001"].city == "Bergen"
    assert customers.count_customers() == 7


def test_upsert_writes_only_what_changed() -> None:
    from custgroups.core import customer_import

    assert customers.CustomerInput is customer_import.CustomerInput  # still importable here
    customers.upsert_customers(PEOPLE)
    assert customers.upsert_customers(PEOPLE) == customers.UpsertResult(0, 0)
    changed = [CustomerInput("C00013", "Old Account Ltd"),  # every field given: reactivated
               CustomerInput("C00012", "Søren Hansen")]  # ... and the city emptied
    assert customers.upsert_customers(changed) == customers.UpsertResult(0, 2)
    rows = {r.code: r for r in customers.search_customers("", limit=100).rows}
    assert rows["C00013"].active and rows["C00012"].city == ""


def test_upsert_is_all_or_nothing() -> None:
    rows = [CustomerInput(f"C{i:04d}", f"Name {i}") for i in range(1200)]
    rows.append(CustomerInput("", "No code"))
    with pytest.raises(ValidationError):
        customers.upsert_customers(rows)
    assert customers.count_customers() == 0


@pytest.mark.parametrize(
    ("row", "field"),
    [
        (CustomerInput("", "x"), "code"),
        (CustomerInput("C 1", "x"), "code"),
        (CustomerInput("C\x001", "x"), "code"),
        (CustomerInput("C" * 51, "x"), "code"),
        (CustomerInput("C1", ""), "name"),
        (CustomerInput("C1", "n" * 201), "name"),
        (CustomerInput("C1", "bell\x07"), "name"),
        (CustomerInput("C1", "x", city="c" * 101), "city"),
    ],
)
def test_customer_validation(row: CustomerInput, field: str) -> None:
    problems = customers.validate_customer(row)
    assert problems and problems[0][0] == field


def test_duplicate_code_in_one_batch_is_refused() -> None:
    with pytest.raises(ValidationError, match="twice"):
        customers.upsert_customers([CustomerInput("A1", "x"), CustomerInput("a1", "y")])
    assert customers.count_customers() == 0


@pytest.mark.parametrize(
    ("term", "codes"),
    [
        ("", ["C00001", "C00002", "C00003", "C00012", "C00013", "K-77"]),
        ("timber", ["C00001"]),
        ("TIMBER", ["C00001"]),
        ("cafe", ["C00003"]),
        ("lumière", ["C00003"]),
        ("0001", ["C00001", "C00012", "C00013"]),
        ("c0001", ["C00012", "C00013"]),
        ("hansen", ["C00012"]),
        ("øren", ["C00012"]),
        ("k-7", ["K-77"]),
        ("a", ["C00002", "K-77"]),  # short: code or name starts with it
        ("an", ["K-77"]),
        ("zzz", []),
        ('"x"', []),
        ("%", []),
    ],
)
def test_search(people: dict[str, int], term: str, codes: list[str]) -> None:
    page = customers.search_customers(term, limit=100)
    assert [r.code for r in page.rows] == codes
    assert page.total == len(codes)
    quick = customers.search_customers(term, limit=100, with_total=False)
    assert quick.rows == page.rows and quick.total == -1
    assert customers.count_matching_customers(term) == len(codes)
    assert sorted(customers.matching_customer_ids(term)) == sorted(people[c] for c in codes)


def test_search_pages_in_code_order() -> None:
    customers.upsert_customers(CustomerInput(f"C{i:05d}", f"Berg {i}") for i in range(3000, 0, -1))
    for term in ("berg", "c", "b"):  # an indexed term and short ones, all matching 3,000
        seen = []
        for offset in range(0, 3000, 700):
            page = customers.search_customers(term, offset=offset, limit=700,
                                              with_total=offset > 0)
            seen.extend(r.code for r in page.rows)
        assert seen == [f"C{i:05d}" for i in range(1, 3001)], term


def test_customers_by_ids(people: dict[str, int]) -> None:
    rows = customers.customers_by_ids([people["K-77"], people["C00001"], 99999])
    assert [r.code for r in rows] == ["C00001", "K-77"]


def test_resolve_sorts_every_code_into_one_bucket(people: dict[str, int]) -> None:
    group = groups.save_group(GroupChange(name="G", add_customer_ids=frozenset(
        [people["C00002"]])), "bob")
    pasted = parse_codes("C00001\nc00001\nC00002\nC0X012\nZZZ9\nC00013\nk-77\nC00001")
    result = customers.resolve_codes(pasted, group.id)
    assert [r.code for r in result.recognised] == ["C00001", "K-77"]
    assert [r.code for r in result.already_members] == ["C00002"]
    assert result.duplicates == ("c00001", "C00001")
    assert [(u.code, u.suggestion) for u in result.unknown] == [("C0X012", "C00012"),
                                                                 ("ZZZ9", None)]
    assert [r.code for r in result.inactive] == ["C00013"]
    assert result.total == len(pasted)
    assert paste_summary(result) == (
        "2 recognised · 1 already in the group · 2 duplicates · "
        "2 unknown: C0X012 (did you mean C00012?), ZZZ9 · 1 inactive, not added")


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("C0001", "C00001"), ("C000012", "C00012"), ("C00021", "C00012"), ("CO0003", "C00003"),
     ("K77", "K-77"), ("k-78", "K-77")],
)
def test_near_match_suggestions(people: dict[str, int], typed: str, meant: str) -> None:
    result = customers.resolve_codes([typed])
    assert result.unknown[0].suggestion == meant


def test_a_pasted_code_adds_that_customer_and_no_look_alike() -> None:
    customers.upsert_customers([CustomerInput("K2", "Kay Two"), CustomerInput("K²", "Kay Squared"),
                                CustomerInput("ABC", "Plain Letters")])
    result = customers.resolve_codes(parse_codes("K²\nk2\nＡＢＣ\nk²"))
    assert [(r.code, r.name) for r in result.recognised] == [("K²", "Kay Squared"),
                                                             ("K2", "Kay Two")]
    assert result.duplicates == ("k²",)
    # A full-width code is not quietly taken for another customer: it is asked about.
    assert [(u.code, u.suggestion) for u in result.unknown] == [("ＡＢＣ", "ABC")]


def test_resolve_without_group_treats_nobody_as_member(people: dict[str, int]) -> None:
    result = customers.resolve_codes(["C00001", "C00002"])
    assert len(result.recognised) == 2 and not result.already_members


def test_resolve_nothing() -> None:
    result = customers.resolve_codes([])
    assert result.total == 0 and paste_summary(result) == "0 recognised"


def test_resolve_a_million_codes() -> None:
    customers.upsert_customers(CustomerInput(f"C{i:07d}", f"Name {i}") for i in range(2000))
    codes = [f"C{i:07d}" for i in range(1_000_000)]
    progress: list[tuple[int, int]] = []
    result = customers.resolve_codes(codes, progress=lambda d, t: progress.append((d, t)))
    assert len(result.recognised) == 2000
    assert len(result.unknown) == 998_000
    assert all(u.suggestion is None for u in result.unknown[:10])  # junk, not typos
    assert progress[-1][0] == progress[-1][1] and len(progress) > 10


def _drop_search_index() -> None:
    from custgroups.core import db
    from custgroups.core.models import database

    if db.is_postgres():
        database.execute_sql("DROP INDEX customer_code_trgm")
        database.execute_sql("DROP INDEX customer_name_trgm")
    else:
        for trigger in ("customer_search_ai", "customer_search_ad", "customer_search_au"):
            database.execute_sql(f"DROP TRIGGER {trigger}")
        database.execute_sql("DROP TABLE customer_search")


def test_search_without_a_search_index(opened: str, people: dict[str, int],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite builds without FTS5's trigram tokenizer (and servers without pg_trgm) search
    by scanning."""
    from custgroups.core import db
    from custgroups.core.db import migrations

    _drop_search_index()
    # As where the index cannot be made: no tokenizer, no extension.
    monkeypatch.setattr(migrations, "_create_sqlite_search_index", lambda database: False)
    monkeypatch.setattr(migrations, "_create_postgres_search_index", lambda database: None)
    db.open_database(opened)
    assert not db.info().customer_search_index
    for term, codes in [("timber", ["C00001"]), ("cafe", ["C00003"]), ("0001", None),
                        ("a", ["C00002", "K-77"]), ("zzz", [])]:
        page = customers.search_customers(term, limit=100)
        if codes is None:
            codes = ["C00001", "C00012", "C00013"]
        assert [r.code for r in page.rows] == codes
    customers.upsert_customers([CustomerInput("C00099", "Nordic Later")])
    assert customers.search_customers("later").total == 1


def test_a_missing_search_index_is_made_on_open_over_the_customers_there(
        opened: str, people: dict[str, int]) -> None:
    from custgroups.core import db

    _drop_search_index()
    customers.upsert_customers([CustomerInput("C00099", "Nordic Later")])  # unindexed now
    db.open_database(opened)
    assert db.info().customer_search_index
    assert [r.code for r in customers.search_customers("later").rows] == ["C00099"]
    assert [r.code for r in customers.search_customers("timber").rows] == ["C00001"]


def test_codes_with_accents_are_found_as_typed() -> None:
    customers.upsert_customers([CustomerInput("CAFÉ-1", "Bistro"), CustomerInput("ÅS-77", "Ås")])
    assert [r.code for r in customers.search_customers("CAFÉ-1").rows] == ["CAFÉ-1"]
    assert [r.code for r in customers.search_customers("café").rows] == ["CAFÉ-1"]
    assert [r.code for r in customers.search_customers("ås").rows] == ["ÅS-77"]
    assert [r.code for r in customers.resolve_codes(["café-1"]).recognised] == ["CAFÉ-1"]


def test_codes_are_stored_as_entered() -> None:
    customers.upsert_customers([CustomerInput("K²", "Squared"), CustomerInput("K2", "Two"),
                                CustomerInput("Ｃ００１", "Wide")])
    assert sorted(r.code for r in customers.search_customers("", limit=10).rows) == [
        "K2", "K²", "Ｃ００１"]


def test_a_repeat_in_a_later_batch_is_refused_too() -> None:
    rows = [CustomerInput(f"C{i:04d}", f"Name {i}") for i in range(600)]
    rows.append(CustomerInput("c0001", "Again"))
    with pytest.raises(ValidationError, match="twice"):
        customers.upsert_customers(rows)
    assert customers.count_customers() == 0


def test_long_folded_keys_fit() -> None:
    customers.upsert_customers([CustomerInput("ß" * 50, "한" * 200)])
    assert customers.search_customers("ss").total == 1


@pytest.mark.parametrize("junk", ["a\x00b", "\ud800", "x\x07y", "\x00"])
def test_control_characters_and_surrogates_in_searches(people: dict[str, int], junk: str) -> None:
    customers.search_customers(junk)
    customers.resolve_codes([junk, "C00001"])
    groups.list_groups(groups.GroupQuery(code=junk, text=junk))
    groups.list_members(1, junk)


@pytest.mark.parametrize("term", ["a\U0010ffff", "\U0010ffff", "\ud7ff", "k\ud7ff", "\uffff"])
def test_short_terms_at_the_end_of_unicode_search_without_error(term: str) -> None:
    customers.upsert_customers([CustomerInput("K1", "Kaffe"), CustomerInput("A1", "Atlas")])
    assert customers.search_customers(term).rows == ()
    assert customers.count_matching_customers(term) == 0


@pytest.mark.parametrize("heading", ["NO", "ID", "Account", "Client"])
def test_known_codes_that_read_like_headings_are_codes(heading: str) -> None:
    customers.upsert_customers([CustomerInput(heading, "Looks like a heading"),
                                CustomerInput("C1", "Plain")])
    alone = parse_codes(heading, customers.is_customer_code)
    first = parse_codes(f"{heading.lower()}\nC1", customers.is_customer_code)
    assert alone == [heading] and first == [heading.lower(), "C1"]
    assert customers.resolve_codes(first).recognised[0].code == heading
    assert parse_codes("Customer Code\nC1", customers.is_customer_code) == ["C1"]


@pytest.mark.parametrize("heading", ["NO", "Account"])
def test_a_known_code_first_in_a_file_is_read_as_a_code(heading: str, tmp_path: Any) -> None:
    from custgroups.core.sheets.imports import member_columns, read_member_codes

    customers.upsert_customers([CustomerInput(heading, "Looks like a heading"),
                                CustomerInput("C1", "Plain")])
    path = tmp_path / "codes.csv"
    path.write_text(f"{heading}\nC1\n", encoding="utf-8")
    assert read_member_codes(path, known=customers.is_customer_code).codes == (heading, "C1")
    assert member_columns(path, customers.is_customer_code) == []
    assert read_member_codes(path).codes == ("C1",)  # without the database: a heading
