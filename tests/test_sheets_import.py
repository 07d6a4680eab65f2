"""Imports: customers all-or-nothing, member codes with preview, hostile files refused fast."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from custgroups.core import customers, groups
from custgroups.core.customers import CustomerInput
from custgroups.core.errors import Cancelled, GroupInactiveError
from custgroups.core.groups import GroupChange, GroupQuery
from custgroups.core.sheets.export import export_groups
from custgroups.core.sheets.imports import (
    ImportProblems,
    apply_customer_import,
    find_columns,
    import_customers,
    import_members,
    plan_customer_import,
    preview_members,
    read_customers,
    read_member_codes,
)
from custgroups.core.sheets.reading import FileRefused, open_sheets, sniff_delimiter
from custgroups.core.wording import import_summary, paste_summary

FIXTURES = Path(__file__).parent / "fixtures"


def xlsx(path: Path, rows: list[list[object]], title: str = "Sheet") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


# --- reading files (no database) -------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("bomb.xlsx", "would unpack to an absurd size"),
        ("billion_laughs.xlsx", "XML built to attack"),
        ("junk.xlsx", "is not an Excel workbook, although its name ends in .xlsx"),
        ("not_a_workbook.xlsx", "a zip archive, not an Excel workbook"),
        ("password.xlsx", "protected by a password"),
        ("old_format.xls", "old-style .xls workbook"),
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
    problems = exc.value.problems
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
    assert "8 problems must be fixed first, and nothing was changed." in str(exc.value)


def test_only_the_first_fifty_problems_are_listed(tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    path.write_text("Code,Name\n" + "".join(f"C{i},\n" for i in range(120)))
    with pytest.raises(ImportProblems) as exc:
        read_customers(path)
    text = str(exc.value)
    assert "Row 51:" in text and "Row 52:" not in text and "… and 70 more." in text
    assert len(exc.value.problems) == 120


# --- importing into the database -------------------------------------------------------


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
@pytest.mark.parametrize("name", ["bomb.xlsx", "junk.xlsx", "password.xlsx", "old_format.xls",
                                  "empty.csv", "billion_laughs.xlsx"])
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


@pytest.fixture
def shop() -> dict[str, int]:
    customers.upsert_customers([CustomerInput(f"C{i:03d}", f"Customer {i}", active=i != 9)
                                for i in range(1, 21)])
    return {r.code: r.id for r in customers.search_customers("", limit=100).rows}


@pytest.mark.usefixtures("opened")
def test_member_import_previews_then_adds(shop: dict[str, int], tmp_path: Path) -> None:
    group = groups.save_group(GroupChange(name="Retail", add_customer_ids=frozenset(
        [shop["C001"]])), "alice")
    path = xlsx(tmp_path / "codes.xlsx", [["Cust No"], ["C001"], ["c002"], ["C002"],
                                          ["C00X4"], ["C009"], ["C005, C006"]])
    preview = preview_members(group.code, path)
    # A cell is always one code: "C005, C006" is not split into two customers.
    assert paste_summary(preview.resolution) == (
        "1 recognised · 1 already in the group · 1 duplicate · "
        "2 unknown: C00X4 (did you mean C004?), C005, C006 · 1 inactive, not added")
    assert groups.get_group(group.id).member_count == 1  # a preview writes nothing
    done = import_members(group.code, path, "bob")
    assert done.added == 1 and done.group.member_count == 2
    assert groups.member_ids(group.id) == {shop[c] for c in ("C001", "C002")}


@pytest.mark.usefixtures("opened")
def test_member_import_into_an_inactive_group_is_refused(shop: dict[str, int],
                                                         tmp_path: Path) -> None:
    group = groups.save_group(GroupChange(name="Dormant", active=False), "alice")
    path = tmp_path / "codes.csv"
    path.write_text("C001\nC002\n")
    with pytest.raises(GroupInactiveError):
        import_members(group.code, path, "bob")
    assert groups.get_group(group.id).member_count == 0
    preview = import_members(group.code, path, "bob", dry_run=True)
    assert [r.code for r in preview.resolution.recognised] == ["C001", "C002"]
    assert preview.dry_run and not preview.group.active


@pytest.mark.usefixtures("opened")
def test_a_named_column_and_a_headerless_column(shop: dict[str, int], tmp_path: Path) -> None:
    path = tmp_path / "two.csv"
    path.write_text("Account,Other\nC001,C002\nC003,C004\n")
    assert read_member_codes(path, column="Other").codes == ("C002", "C004")
    with pytest.raises(FileRefused, match="no column headed 'Missing'"):
        read_member_codes(path, column="Missing")
    bare = tmp_path / "bare.csv"
    bare.write_text("C001\nC002\n")
    assert read_member_codes(bare).codes == ("C001", "C002")


def set_active(code: str, active: bool) -> None:
    """Activate or deactivate one of the shop's customers."""
    customers.upsert_customers([CustomerInput(code, f"Customer {int(code[1:])}", active=active)])


@pytest.mark.usefixtures("opened")
def test_round_trip_export_then_import_members(shop: dict[str, int], tmp_path: Path) -> None:
    ids = list(shop.values())
    set_active("C009", True)  # a member, deactivated after it joined
    made = [groups.save_group(GroupChange(name=f"G{i}", add_customer_ids=frozenset(
        ids[i:i + 7])), "alice") for i in range(5)]
    set_active("C009", False)
    path = tmp_path / "all.xlsx"
    export_groups(path, GroupQuery(), members=True)
    for group in made:
        twin = groups.save_group(GroupChange(name=f"{group.name} copy"), "bob")
        # The file's rows carry the original group's code.
        result = import_members_from(path, group.code, twin.code)
        assert result == groups.member_ids(group.id) - {shop["C009"]}


def import_members_from(path: Path, source_code: str, target_code: str) -> set[int]:
    """Import into ``target_code`` the members the file lists for ``source_code``."""
    found = read_member_codes(path, source_code)
    target = groups.get_group_by_code(target_code)
    resolution = customers.resolve_codes(found.codes, target.id)
    groups.change_members(target.id, "bob", add_ids=[r.id for r in resolution.recognised])
    return groups.member_ids(target.id)


@pytest.mark.usefixtures("opened")
def test_round_trip_into_the_same_group_reproduces_it(shop: dict[str, int],
                                                      tmp_path: Path) -> None:
    set_active("C009", True)  # a member, deactivated after it joined
    group = groups.save_group(GroupChange(name="Kept", add_customer_ids=frozenset(
        list(shop.values())[:12])), "alice")
    set_active("C009", False)
    before = groups.member_ids(group.id)
    path = tmp_path / "kept.xlsx"
    export_groups(path, GroupQuery(), members=True)
    groups.change_members(group.id, "alice", remove_ids=before)
    assert groups.member_ids(group.id) == set()
    result = import_members(group.code, path, "alice")
    inactive = {r.id for r in result.resolution.inactive}
    assert groups.member_ids(group.id) | inactive == before
    assert result.file.sheet == "Members"


def test_a_membership_export_split_over_sheets_reads_back_whole(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "Groups"
    book.active.append(["Code", "Name"])
    book.active.append(["CG-000001", "Big"])
    for title, codes in (("Members", ["C1", "C2"]), ("Members (2)", ["C3"])):
        sheet = book.create_sheet(title)
        sheet.append(["Group code", "Group name", "Customer code"])
        for code in codes:
            sheet.append(["CG-000001", "Big", code])
        sheet.append(["CG-000002", "Other", "X9"])
    path = tmp_path / "split.xlsx"
    book.save(path)
    found = read_member_codes(path, "cg-000001")
    assert found.codes == ("C1", "C2", "C3") and found.other_groups_rows == 2


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
    with pytest.raises(FileRefused, match="rows of over 1,000 are not read"):
        read_customers(path)
    assert time.perf_counter() - started < 1.0


def test_error_values_are_problems_not_customers(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "errors.xlsx", [["Code", "Name"], ["#N/A", "#REF!"], ["C2", "Fine"]])
    with pytest.raises(ImportProblems) as exc:
        read_customers(path)
    assert exc.value.problems == [
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
    ("Customer Code,Name,City,Name\nC1,One,Oslo,Uno\n", "Name", "B and D"),
    ("Code,Customer Name,Code\nC1,One,C2\n", "Code", "A and C"),
])
def test_two_columns_with_one_heading_are_refused_and_named(tmp_path: Path, text: str,
                                                            heading: str, letters: str) -> None:
    path = tmp_path / "twins.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FileRefused, match=f"2 columns are headed '{heading}' "
                                          f"\\(columns {letters}\\)"):
        read_customers(path)


def test_two_code_columns_in_a_member_file_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "twins.csv"
    path.write_text("Customer Code,Customer Code\nC1,C2\n", encoding="utf-8")
    with pytest.raises(FileRefused, match="columns A and B"):
        read_member_codes(path)


def test_a_csv_cell_too_long_is_called_too_long(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text("Customer Code,Name\nC1,One\nC2," + "x" * 140_000 + "\n", encoding="utf-8")
    with pytest.raises(FileRefused, match="line 3 holds a cell longer than 131,072 characters"):
        read_customers(path)


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
    assert exc.value.problems == ["Row 5: Customer code 'ABC' already appears on row 4."]
