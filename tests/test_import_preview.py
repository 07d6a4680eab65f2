"""The preview before a customer import: the plan in plain words, the empty-cells choice."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from custgroups.core import customers
from custgroups.core.customer_import import CustomerImportPlan, CustomerInput
from custgroups.core.sheets.imports import CustomerFile, CustomerImportPlans, plan_customer_import
from custgroups.ui.import_preview import ImportPreviewDialog

FILE = CustomerFile(rows=tuple(CustomerInput(f"C{i}", f"Name {i}") for i in range(58)),
                    sheet="Customers", header_row=1,
                    columns={"code": 0, "name": 1, "city": 2, "email": 3})
KEEP = CustomerImportPlan(False, new=2, updated=12, unchanged=44, reactivated=0,
                          deactivated=0, fields=(("city", 12), ("email", 3)))
CLEAR = CustomerImportPlan(True, new=2, updated=20, unchanged=36, reactivated=0,
                           deactivated=0, fields=(("city", 17), ("email", 9)))


def make(qtbot: QtBot, plans: CustomerImportPlans) -> ImportPreviewDialog:
    dialog = ImportPreviewDialog(plans, Path("/somewhere/erp.xlsx"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def click(qtbot: QtBot, dialog: ImportPreviewDialog) -> None:
    check = dialog.clear_empty_check
    # On the box itself: a checkbox stretched across the dialog ignores clicks past its text.
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))


def test_the_plan_in_plain_words_and_the_empty_cells_choice(qtbot: QtBot) -> None:
    dialog = make(qtbot, CustomerImportPlans(FILE, KEEP, CLEAR))
    assert dialog.objectName() == "ImportPreviewDialog"
    assert dialog.intro.text() == "erp.xlsx lists 58 customers (sheet 'Customers')."
    assert dialog.columns_note.text() == ("The file has no column for phone, country, status: "
                                          "what is stored there stays as it is.")
    check = dialog.findChild(type(dialog.clear_empty_check), "clearEmptyCheck")
    assert check is dialog.clear_empty_check and not check.isChecked()
    assert dialog.summary.text().splitlines() == [
        "New customers to add: 2", "Customers to update: 12 (city 12, email 3)",
        "Unchanged, left as they are: 44"]
    assert "leaves what is stored" in dialog.clear_empty_hint.text()

    click(qtbot, dialog)
    assert check.isChecked() and dialog.clear_empty() and dialog.plan() is CLEAR
    assert dialog.summary.text().splitlines()[1:] == [
        "Customers to update: 20 (city 17, email 9)", "Unchanged, left as they are: 36"]
    assert "clears what is stored" in dialog.clear_empty_hint.text()

    click(qtbot, dialog)
    assert not check.isChecked() and dialog.plan() is KEEP
    assert "Customers to update: 12 (city 12, email 3)" in dialog.summary.text()
    assert dialog.import_button.isEnabled()


def test_status_changes_and_nothing_to_do(qtbot: QtBot) -> None:
    every = CustomerFile(FILE.rows, "Sheet", 1, {field: n for n, field in enumerate(
        ("code", "name", "email", "phone", "city", "country", "status"))})
    busy = CustomerImportPlan(False, 0, 4, 54, 3, 1, (("code", 1),))
    dialog = make(qtbot, CustomerImportPlans(every, busy, busy))
    assert dialog.columns_note.isHidden()
    assert dialog.summary.text().splitlines() == [
        "New customers to add: 0", "Customers to update: 4 (code spelling 1)",
        "Inactive customers to reactivate: 3", "Active customers to deactivate: 1",
        "Unchanged, left as they are: 54"]
    assert "would change anything either way" in dialog.clear_empty_hint.text()

    idle = CustomerImportPlan(False, 0, 0, 58, 0, 0, ())
    quiet = make(qtbot, CustomerImportPlans(every, idle, idle))
    assert quiet.summary.text().endswith("Nothing to import: every customer in the file "
                                         "matches what is stored.")
    assert not quiet.import_button.isEnabled()


@pytest.mark.parametrize(("toggle", "press", "answer"),
                         [(False, "import", False), (True, "import", True),
                          (True, "cancel", None)])
def test_ask_returns_the_choice_or_none(qtbot: QtBot, toggle: bool, press: str,
                                       answer: bool | None) -> None:
    seen: list[ImportPreviewDialog] = []

    def respond() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ImportPreviewDialog)
        seen.append(dialog)
        if toggle:
            click(qtbot, dialog)
        button = dialog.import_button if press == "import" else dialog.findChild(
            type(dialog.import_button), "cancelButton")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, respond)
    assert ImportPreviewDialog.ask(CustomerImportPlans(FILE, KEEP, CLEAR),
                                   Path("erp.xlsx"), None) is answer
    assert seen


@pytest.mark.usefixtures("opened")
def test_a_real_plan_from_a_file(qtbot: QtBot, tmp_path: Path) -> None:
    customers.upsert_customers([CustomerInput("A1", "Alpha", city="Oslo"),
                                CustomerInput("B2", "Beta", city="Bergen", active=False)])
    path = tmp_path / "erp.csv"
    path.write_text("Code,Name,City,Status\nA1,Alpha,,\nB2,Beta,Bergen,Active\nC3,Gamma,,\n")
    dialog = make(qtbot, plan_customer_import(path))
    assert dialog.summary.text().splitlines() == [
        "New customers to add: 1", "Customers to update: 1",
        "Inactive customers to reactivate: 1", "Unchanged, left as they are: 1"]
    click(qtbot, dialog)
    assert dialog.summary.text().splitlines() == [
        "New customers to add: 1", "Customers to update: 2 (city 1)",
        "Inactive customers to reactivate: 1"]
