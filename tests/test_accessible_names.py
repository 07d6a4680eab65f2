"""Every control of every window has a name a screen reader can say: the test walks each
window's widgets through QAccessible, as assistive technology meets them, and fails on an
unnamed input, list, table or button."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from custgroups.core import groups, history
from custgroups.core.conflicts import rebase
from custgroups.core.customer_import import CustomerImportPlan, CustomerInput
from custgroups.core.groups import GroupChange
from custgroups.core.lists import ListMode, plan_list
from custgroups.core.sheets.imports import CustomerFile, CustomerImportPlans
from custgroups.ui.about_dialog import AboutDialog
from custgroups.ui.compare_dialog import CompareDialog
from custgroups.ui.conflict_dialog import ConflictDialog
from custgroups.ui.customer_picker import CustomerPicker
from custgroups.ui.customers_window import CustomersWindow
from custgroups.ui.database_dialogs import ConnectDialog
from custgroups.ui.duplicate_dialog import DuplicateDialog
from custgroups.ui.export_dialog import ExportDialog
from custgroups.ui.group_chooser import GroupChooser
from custgroups.ui.group_form import GroupDialog
from custgroups.ui.history_view import HistoryDialog
from custgroups.ui.import_preview import ImportPreviewDialog
from custgroups.ui.match_preview import MatchPreviewDialog
from custgroups.ui.password_dialog import PasswordDialog
from custgroups.ui.shortcuts_dialog import ShortcutsDialog
from tests.lists_helpers import group_of, make_shop
from tests.window_helpers import open_window

CONTROLS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractItemView,
            QAbstractButton, QAbstractSpinBox, QTabBar)


def unnamed(top: QWidget) -> list[str]:
    """The controls shown in ``top`` whose accessible name is empty."""
    found = []
    for widget in [top, *top.findChildren(QWidget)]:
        if (not isinstance(widget, CONTROLS) or not widget.isVisibleTo(top)
                or type(widget).__name__ in ("QHeaderView", "QComboBoxListView")
                or widget.objectName() == "qt_spinbox_lineedit"):
            continue  # named by their owner: a header by its cells, a list or field by its box
        face = QAccessible.queryAccessibleInterface(widget)
        if face is None or not face.text(QAccessible.Text.Name).strip():
            found.append(f"{type(widget).__name__} {widget.objectName()!r} in "
                         f"{type(widget.parentWidget()).__name__}")
    return found


@pytest.fixture
def world(qtbot: QtBot, opened: str) -> tuple[QWidget, groups.Group, groups.Group]:
    shop = make_shop(12, {7})
    north = group_of(shop, 1, 2, 3, 8)
    south = groups.save_group(GroupChange(name="South", add_customer_ids=frozenset(
        {shop["C00003"], shop["C00004"]})), "x")
    return open_window(qtbot, opened), north, south


def _windows(window: QWidget, north: groups.Group, south: groups.Group
             ) -> dict[str, Callable[[], QWidget]]:
    plans = CustomerImportPlans(
        CustomerFile(rows=(CustomerInput("C1", "One"),), sheet="Customers", header_row=1,
                     columns={"code": 0, "name": 1}),
        CustomerImportPlan(False, 1, 0, 0, 0, 0, ()), CustomerImportPlan(True, 1, 0, 0, 0, 0, ()))
    from custgroups.core.customers import resolve_codes

    members = [row for row in groups.list_members(north.id, "", 0, 100).rows]
    refs = [r for r in resolve_codes([m.code for m in members]).recognised]
    return {
        "main window": lambda: window,
        "editor": lambda: GroupDialog("x", north, window),
        "new group": lambda: GroupDialog("x", None, window),
        "picker": lambda: CustomerPicker(set(), window),
        "customers": lambda: CustomersWindow("x", True, window, lambda *a: None),
        "history": lambda: HistoryDialog(north, history.group_history(north.id), window,
                                         lambda *a: None),
        "compare": lambda: CompareDialog([north.id, south.id], "x", lambda *a: None, window),
        "export": lambda: ExportDialog(Path.home() / "groups.xlsx", 2, window),
        "connect": lambda: ConnectDialog(window),
        "password": lambda: PasswordDialog("postgresql://ana@db/erp", window),
        "duplicate": lambda: DuplicateDialog(north, window),
        "about": lambda: AboutDialog(window),
        "shortcuts": lambda: ShortcutsDialog(window),  # type: ignore[arg-type]
        "group chooser": lambda: GroupChooser([north, south], {north.id}, window),
        "match preview": lambda: MatchPreviewDialog(
            plan_list(resolve_codes(["C00001"]), ListMode.MATCH, refs), window),
        "import preview": lambda: ImportPreviewDialog(plans, Path("/erp.xlsx"), window),
        "conflict": lambda: ConflictDialog(rebase(
            north, {1}, groups.Group(**{**north.__dict__, "name": "Theirs", "version": 9,
                                        "updated_at": datetime(2026, 1, 1)}), {1, 2},
            GroupChange(name="Mine", group_id=north.id, expected_version=north.version)),
            window),
    }


def show(qtbot: QtBot, world: tuple[QWidget, groups.Group, groups.Group],
         which: str) -> QWidget:
    """The window named ``which`` (one of NAMES), shown as a clerk sees it."""
    window, north, south = world
    shown = _windows(window, north, south)[which]()
    if shown is not window:
        qtbot.addWidget(shown, before_close_func=lambda w: w.hide())
    shown.show()
    qtbot.waitExposed(shown)
    return shown


NAMES = ["main window", "editor", "new group", "picker", "customers", "history", "compare",
         "export", "connect", "password", "duplicate", "about", "shortcuts", "group chooser",
         "match preview", "import preview", "conflict"]


@pytest.mark.parametrize("which", NAMES)
def test_every_control_has_a_name(qtbot: QtBot, world: tuple[QWidget, groups.Group,
                                                              groups.Group], which: str) -> None:
    shown = show(qtbot, world, which)
    missing = unnamed(shown)
    tabs = getattr(shown, "tabs", None)
    if tabs is not None:  # every page of a window with tabs
        for page in range(1, tabs.count()):
            tabs.setCurrentIndex(page)
            missing += unnamed(shown)
    assert missing == [], "\n".join(missing)


def test_a_field_error_describes_its_field_and_is_announced(
        qtbot: QtBot, opened: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from custgroups.ui import field_errors
    from tests.editing import open_editor, save_by_keys

    said: list[tuple[str, str]] = []
    monkeypatch.setattr(field_errors.QAccessible, "updateAccessibility",
                        staticmethod(lambda event: said.append(
                            (event.object().objectName(), event.message()))))
    dialog = open_editor(qtbot)
    save_by_keys(qtbot, dialog)  # Ctrl+S with no name
    assert dialog.name_edit.accessibleDescription() == "Group Name is required."
    assert said == [("nameEdit", "Group Name is required.")]
    qtbot.keyClicks(dialog.name_edit, "North")  # the cause goes, and so does the description
    assert dialog.name_edit.accessibleDescription() == ""
