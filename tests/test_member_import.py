"""Member codes imported from files: previews, inactive groups, named columns, round trips."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from custgroups.core import customers, groups
from custgroups.core.customers import CustomerInput
from custgroups.core.errors import GroupInactiveError
from custgroups.core.groups import GroupChange, GroupQuery
from custgroups.core.sheets.export import export_groups
from custgroups.core.sheets.imports import import_members, preview_members, read_member_codes
from custgroups.core.sheets.reading import FileRefused
from custgroups.core.wording import paste_summary
from tests.sheet_files import xlsx


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


@pytest.mark.usefixtures("opened")
def test_a_german_excel_csv_with_semicolons_and_decimal_commas(tmp_path: Path) -> None:
    """Excel in German writes ';' between cells and a number with decimals as "1001,00":
    both read as the same file from an English Excel does."""
    german = tmp_path / "de.csv"
    german.write_text("Kundennummer;Umsatz\n1001,00;12,50\n1002;7,25\nC-7,5;1\n",
                      encoding="cp1252")
    english = tmp_path / "en.csv"
    english.write_text("Customer Code,Revenue\n1001.00,12.50\n1002,7.25\n\"C-7,5\",1\n")
    assert read_member_codes(german).codes == ("1001", "1002", "C-7,5")
    assert read_member_codes(english).codes == read_member_codes(german).codes


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
