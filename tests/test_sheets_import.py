"""Customer imports into the database, all or nothing, and a cell naming the right customer."""

from __future__ import annotations

from pathlib import Path

import pytest

from custgroups.core import customers
from custgroups.core.customers import CustomerInput
from custgroups.core.errors import Cancelled
from custgroups.core.sheets.imports import (
    ImportProblems,
    apply_customer_import,
    import_customers,
    plan_customer_import,
    read_customers,
    read_member_codes,
)
from custgroups.core.sheets.reading import FileRefused
from custgroups.core.wording import import_summary
from tests.sheet_files import FIXTURES, xlsx


@pytest.mark.usefixtures("opened")
def test_import_customers_upserts_and_dry_run_changes_nothing(tmp_path: Path) -> None:
    customers.upsert_customers([CustomerInput("w0001", "Old name")])
    dry = import_customers(FIXTURES / "customers.xlsx", dry_run=True)
    assert (dry.inserted, dry.updated, dry.dry_run) == (29, 1, True)
    assert customers.count_customers() == 1
    done = import_customers(FIXTURES / "customers.xlsx")
    assert (done.inserted, done.updated) == (29, 1)
    rows = {r.code.casefold(): r for r in customers.search_customers("", limit=100).rows}
    assert rows["w0001"].name == "Wholesaler 1" and rows["w0030"].country == "Norway"


@pytest.mark.usefixtures("opened")
def test_a_bad_file_leaves_the_database_untouched(tmp_path: Path) -> None:
    customers.upsert_customers([CustomerInput("C1", "Before")])
    path = tmp_path / "bad.csv"
    path.write_text("Code,Name\nC1,After\nC2,\n")
    with pytest.raises(ImportProblems):
        import_customers(path)
    assert [r.name for r in customers.search_customers("").rows] == ["Before"]


@pytest.mark.usefixtures("opened")
@pytest.mark.parametrize("name", ["bomb.xlsx", "junk.xlsx", "password.xlsx", "empty.csv",
                                  "billion_laughs.xlsx"])
def test_hostile_files_leave_the_database_untouched(name: str) -> None:
    with pytest.raises(FileRefused):
        import_customers(FIXTURES / name)
    assert customers.count_customers() == 0


KNOWN = [
    CustomerInput("K1", "Kept Ltd", email="k1@shop.example", phone="+47 1", city="Oslo",
                  country="Norway"),
    CustomerInput("K2", "Dormant AS", email="k2@shop.example", city="Bergen", country="Norway",
                  active=False),
    CustomerInput("K3", "Third Oy", city="Turku", country="Finland"),
]


def csv_file(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def stored() -> dict[str, customers.CustomerRow]:
    return {r.code: r for r in customers.search_customers("", limit=100).rows}


def updated_at() -> dict[str, object]:
    from custgroups.core.models import Customer

    return {code: at for code, at in Customer.select(Customer.code, Customer.updated_at).tuples()}


@pytest.mark.usefixtures("opened")
def test_columns_the_file_lacks_are_left_as_they_are(tmp_path: Path) -> None:
    customers.upsert_customers(KNOWN)
    path = csv_file(tmp_path / "names.csv", "Code,Name", "K1,Kept Ltd", "K2,Dormant AS (renamed)",
                    "K3,Third Oy", "N1,Newcomer")
    done = import_customers(path)
    assert (done.inserted, done.updated) == (1, 1)
    assert import_summary(done.plan) == "1 new · 1 updated (name 1) · 2 unchanged"
    rows = stored()
    assert (rows["K1"].email, rows["K1"].phone, rows["K1"].city, rows["K1"].country) == (
        "k1@shop.example", "+47 1", "Oslo", "Norway")
    assert rows["K2"].name == "Dormant AS (renamed)" and rows["K2"].city == "Bergen"
    assert not rows["K2"].active  # no Status column: not reactivated
    assert rows["N1"].active and rows["N1"].city == ""  # a new customer gets the defaults


def test_a_column_no_heading_names_is_read_as_no_field(tmp_path: Path) -> None:
    """A column after the last one read ("Notes" here) fills no field the file lacks: it was
    read as the status (and e-mail, phone, city, country) before."""
    path = xlsx(tmp_path / "notes.xlsx", [["Code", "Name", "Notes", "Remarks"],
                                          ["C1", "One", "call back friday", "x"],
                                          ["C2", "Two"], ["C3", "Three", "", "late payer"]])
    found = read_customers(path)
    assert [(row.code, row.email, row.phone, row.city, row.country, row.active)
            for row in found.rows] == [(code, "", "", "", "", None) for code in ("C1", "C2",
                                                                                  "C3")]


def test_problems_are_listed_in_the_order_of_the_rows(tmp_path: Path) -> None:
    """Rows are checked a thousand at a time, and codes met twice at the end: the clerk
    still reads the problems from the top of the file down."""
    rows: list[list[object]] = [["Code", "Name", "Status"]]
    rows += [[f"C{n}", f"Name {n}", "Active"] for n in range(2500)]
    rows[3][2] = "Maybe"  # row 4 of the file
    rows[2400][0] = "c5"  # row 2401 repeats row 7's code
    rows[2450][2] = "Perhaps"
    rows[1500][1] = ""  # row 1501 has no name
    path = xlsx(tmp_path / "many.xlsx", rows)
    with pytest.raises(ImportProblems) as refused:
        read_customers(path)
    assert [str(problem).split(":")[0] for problem in refused.value.problems] == [
        "Row 4", "Row 1501", "Row 2401", "Row 2451"]
    assert "already appears on row 7" in str(refused.value.problems[2])


@pytest.mark.usefixtures("opened")
def test_empty_cells_leave_fields_unless_the_clerk_chose_to_clear(tmp_path: Path) -> None:
    customers.upsert_customers(KNOWN)
    path = csv_file(tmp_path / "gaps.csv", "Code,Name,Email,City,Status",
                    "K1,Kept Ltd,,Drammen,", "K2,Dormant AS,,,", "K3,Third Oy,,,Inactive")
    kept = import_customers(path, dry_run=True)
    assert import_summary(kept.plan) == "0 new · 2 updated (city 1) · 1 deactivated · 1 unchanged"
    cleared = import_customers(path, dry_run=True, clear_empty=True)
    assert import_summary(cleared.plan) == (
        "0 new · 3 updated (city 3, email 2) · 1 reactivated · 1 deactivated")
    assert stored()["K1"].city == "Oslo"  # dry runs wrote nothing

    import_customers(path)
    rows = stored()
    assert (rows["K1"].email, rows["K1"].city) == ("k1@shop.example", "Drammen")
    assert (rows["K2"].email, rows["K2"].city, rows["K2"].active) == (
        "k2@shop.example", "Bergen", False)  # an empty status cell keeps the status too
    assert not rows["K3"].active and rows["K3"].city == "Turku"

    import_customers(path, clear_empty=True)
    rows = stored()
    assert (rows["K1"].email, rows["K1"].city) == ("", "Drammen")
    assert (rows["K2"].email, rows["K2"].city, rows["K2"].active) == ("", "", True)
    assert rows["K1"].phone == "+47 1" and rows["K2"].country == "Norway"  # no column


@pytest.mark.usefixtures("opened")
def test_the_dry_run_counts_every_kind_of_change(tmp_path: Path) -> None:
    customers.upsert_customers([*KNOWN, CustomerInput("K4", "Fourth", city="Oslo"),
                                CustomerInput("k5", "Fifth", email="5@x.example")])
    path = csv_file(tmp_path / "erp.csv", "Code,Name,Email,City,Status",
                    "K1,Kept Ltd,k1@shop.example,Oslo,Active",      # unchanged
                    "K2,Dormant AS,k2@shop.example,Bergen,Active",  # reactivated
                    "K3,Third Oy,,Helsinki,Inactive",               # city, deactivated
                    "K4,Fourth,four@x.example,Lund,",               # email and city
                    "K5,Fifth,5@x.example,,",                       # the code's spelling
                    "N1,New One,,,", "N2,New Two,,,Inactive")
    dry = import_customers(path, dry_run=True)
    assert dry.dry_run and (dry.inserted, dry.updated) == (2, 4)
    assert import_summary(dry.plan) == ("2 new · 4 updated (city 2, code 1, email 1) · "
                                  "1 reactivated · 1 deactivated · 1 unchanged")
    assert dry.plan.fields == (("city", 2), ("code", 1), ("email", 1))
    assert customers.count_customers() == 5
    done = import_customers(path)
    assert done.plan == dry.plan and not done.dry_run
    assert "K5" in stored() and not stored()["N2"].active


@pytest.mark.usefixtures("opened")
def test_unchanged_customers_are_not_written(tmp_path: Path) -> None:
    customers.upsert_customers(KNOWN)
    before = updated_at()
    path = csv_file(tmp_path / "same.csv", "Code,Name,City", "K1,Kept Ltd,Oslo",
                    "K2,Dormant AS,Stavanger", "K3,Third Oy,")
    done = import_customers(path)
    assert import_summary(done.plan) == "0 new · 1 updated (city 1) · 2 unchanged"
    after = updated_at()
    assert after["K1"] == before["K1"] and after["K3"] == before["K3"]
    assert after["K2"] > before["K2"]
    again = import_customers(path)
    assert import_summary(again.plan) == "0 new · 0 updated · 3 unchanged"
    assert updated_at() == after


@pytest.mark.usefixtures("opened")
def test_one_reading_plans_both_ways_then_imports_the_choice(tmp_path: Path) -> None:
    customers.upsert_customers(KNOWN)
    path = csv_file(tmp_path / "gaps.csv", "Code,Name,City", "K1,Kept Ltd,", "K3,Third Oy,Turku")
    plans = plan_customer_import(path)
    assert plans.file.fields == {"code", "name", "city"}
    assert plans.plan(False) is plans.keep_empty and plans.plan(True) is plans.clear_empty
    assert import_summary(plans.keep_empty) == "0 new · 0 updated · 2 unchanged"
    assert import_summary(plans.clear_empty) == "0 new · 1 updated (city 1) · 1 unchanged"
    assert plans.empty_cells_matter and not plans.keep_empty.changes_anything
    done = apply_customer_import(plans.file, clear_empty=True)
    assert done.plan == plans.clear_empty and stored()["K1"].city == ""
    assert not plan_customer_import(path).empty_cells_matter  # nothing left to clear


@pytest.mark.usefixtures("opened")
def test_a_cancelled_import_changes_nothing(tmp_path: Path) -> None:
    customers.upsert_customers(KNOWN)
    path = csv_file(tmp_path / "erp.csv", "Code,Name,City", "K1,Kept Ltd,Paris", "N1,New,Rome")

    def cancel(done: int, total: int) -> None:
        if total and done >= total:  # the writes are done; the commit has not happened
            raise Cancelled()

    with pytest.raises(Cancelled):
        import_customers(path, progress=cancel)
    assert stored()["K1"].city == "Oslo" and customers.count_customers() == 3


@pytest.mark.usefixtures("opened")
def test_stored_customers_are_read_a_chunk_of_codes_at_a_time(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from custgroups.core import customer_import

    customers.upsert_customers(CustomerInput(f"C{i:05d}", f"Customer {i}") for i in range(2500))
    path = csv_file(tmp_path / "many.csv", "Code,Name",
                    *(f"C{i:05d},Customer {i}{' (new name)' if i % 2 else ''}"
                      for i in range(2600)))
    monkeypatch.setattr(customer_import, "_READ_CHUNK", 1000)
    lookups: list[int] = []
    real = customer_import._stored

    def counted(keys: list[str]) -> object:
        lookups.append(len(keys))
        return real(keys)

    monkeypatch.setattr(customer_import, "_stored", counted)
    plans = plan_customer_import(path)
    assert lookups == [1000, 1000, 600]  # one query per chunk, never one per row
    assert import_summary(plans.keep_empty) == (
        "100 new · 1,250 updated (name 1,250) · 1,250 unchanged")
    lookups.clear()
    assert import_customers(path).plan == plans.keep_empty
    assert lookups == [1000, 1000, 600]
    assert customers.count_customers() == 2600


# --- one cell, one customer -------------------------------------------------------------


@pytest.mark.usefixtures("opened")
def test_a_cell_is_always_one_code(tmp_path: Path) -> None:
    customers.upsert_customers([CustomerInput("12", "Twelve"), CustomerInput("345", "Three"),
                                CustomerInput("A,1", "With a comma"), CustomerInput("1", "One")])
    path = tmp_path / "codes.csv"
    path.write_text('Customer Code\n"12,345"\n"A,1"\n', encoding="utf-8")
    assert read_member_codes(path).codes == ("12,345", "A,1")
    resolution = customers.resolve_codes(read_member_codes(path).codes)
    assert [r.code for r in resolution.recognised] == ["A,1"]
    assert [u.code for u in resolution.unknown] == ["12,345"]


@pytest.mark.usefixtures("opened")
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_file_cell_names_that_customer_and_no_look_alike(tmp_path: Path, suffix: str) -> None:
    customers.upsert_customers([CustomerInput("K2", "Kay Two"), CustomerInput("K²", "Kay Squared"),
                                CustomerInput("ABC", "Plain Letters")])
    rows: list[list[object]] = [["Customer Code"], ["K²"], ["ＡＢＣ"]]
    path = tmp_path / f"codes{suffix}"
    if suffix == ".xlsx":
        xlsx(path, rows)
    else:
        path.write_text("\n".join(str(row[0]) for row in rows) + "\n", encoding="utf-8")
    resolution = customers.resolve_codes(read_member_codes(path).codes)
    assert [r.name for r in resolution.recognised] == ["Kay Squared"]
    assert [(u.code, u.suggestion) for u in resolution.unknown] == [("ＡＢＣ", "ABC")]


def test_codes_sharing_a_key_in_one_file_are_refused_with_both_rows(tmp_path: Path) -> None:
    path = tmp_path / "twins.csv"
    path.write_text("Customer Code,Name\nK2,Kay Two\nK²,Kay Squared\nabc,Lower\nABC,Upper\n",
                    encoding="utf-8")
    with pytest.raises(ImportProblems) as exc:
        read_customers(path)
    # K2 and K² are two customers; abc and ABC one code written twice.
    assert [str(problem) for problem in exc.value.problems] == [
        "Row 5: Customer code 'ABC' already appears on row 4."]


@pytest.mark.usefixtures("opened")
def test_a_german_erp_list_imports_as_an_english_one(tmp_path: Path) -> None:
    """German headings, semicolons, "aktiv"/"gesperrt" and a code written "1003,00"."""
    path = tmp_path / "kunden.csv"
    path.write_text("Kunden-Nr.;Firmenname;Ort;Land;Status\n"
                    "1001;Müller GmbH;Köln;Deutschland;aktiv\n"
                    "1002;Bäckerei Schmidt;Bonn;Deutschland;gesperrt\n"
                    "1003,00;Weber & Söhne;Essen;Deutschland;\n", encoding="cp1252")
    done = import_customers(path)
    assert (done.inserted, done.updated) == (3, 0)
    rows = {r.code: r for r in customers.search_customers("", limit=10).rows}
    assert sorted(rows) == ["1001", "1002", "1003"]
    assert rows["1001"].name == "Müller GmbH" and rows["1001"].city == "Köln"
    assert rows["1001"].active and not rows["1002"].active and rows["1003"].active
