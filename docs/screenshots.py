"""Takes the screenshots in this folder: run under a display, e.g.

    xvfb-run -s "-screen 0 1920x1080x24" python docs/screenshots.py

Builds throwaway databases in a temp folder; touches nothing of yours.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

HERE = Path(__file__).resolve().parent
WORK = Path(tempfile.mkdtemp(prefix="custgroups-shots-"))
os.environ["CUSTGROUPS_LOG"] = str(WORK / "log.txt")
os.environ.setdefault("CUSTGROUPS_USER", "m.jensen")
for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
    QSettings.setPath(kind, QSettings.Scope.UserScope, str(WORK / "settings"))

app = QApplication(sys.argv[:1])

from custgroups.app import open_main_window  # noqa: E402
from custgroups.core import db, demo, groups  # noqa: E402
from custgroups.ui.export_dialog import ExportDialog  # noqa: E402
from custgroups.ui.group_form import GroupDialog  # noqa: E402
from custgroups.ui.history_view import HistoryDialog  # noqa: E402
from custgroups.ui.main_window import MainWindow  # noqa: E402


def settle(ms: int = 300) -> None:
    """Let queued queries land and the window paint."""
    end = QTimer()
    end.setSingleShot(True)
    end.start(ms)
    while end.isActive():
        app.processEvents()


def wait_for_page(window: MainWindow) -> None:
    idle = [False]
    window.idle.connect(lambda: idle.__setitem__(0, True))
    for _ in range(200):
        settle(20)
        if idle[0] and window.shown_page is not None:
            break
    settle(150)


def shot(widget: QWidget, name: str) -> None:
    widget.grab().save(str(HERE / name))
    print("wrote", name)


def window_on(url: str, size: tuple[int, int], prepare: Callable[[MainWindow], None] | None = None
              ) -> MainWindow:
    window = open_main_window(url)
    window.resize(*size)
    window.show()
    wait_for_page(window)
    if prepare:
        prepare(window)
        wait_for_page(window)
    return window


def editor_shots(window: MainWindow) -> None:
    from custgroups.core import customers
    from custgroups.core.conflicts import rebase
    from custgroups.ui.conflict_dialog import ConflictDialog
    from custgroups.ui.customer_picker import CustomerPicker

    empty = GroupDialog("m.jensen", None, window)
    empty.show()
    settle()
    shot(empty, "editor-new.png")
    empty.name_edit.setText("")
    empty.description_edit.setPlainText("x" * 510)
    empty.code_edit.setText("north list!")
    empty.accept()
    settle()
    shot(empty, "editor-errors.png")
    empty.done(0)

    listed = groups.list_groups(groups.GroupQuery(status=groups.Status.ACTIVE, page_size=200))
    group = next(g for g in listed.rows if 12 <= g.member_count <= 30)
    editor = GroupDialog("m.jensen", group, window)
    editor.show()
    settle(600)
    codes = [row.code for row in customers.search_customers("", 300, 60).rows]
    pasted = codes[:4] + [codes[3], "C0O0412", "ZX-99", "C01234X"]
    editor.paste.edit.setPlainText("\n".join(pasted))
    editor.paste.resolve()
    settle(800)
    editor.paste.add_button.click()
    settle(600)
    settle(400)
    editor.panel.table.selectRow(len(editor.members.added_ids) + 1)  # a saved member
    editor.panel.remove_button.click()
    wide = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in codes[11])
    editor.paste.edit.setPlainText("\n".join([codes[1], codes[2], "C0O0412", "ZX-99",
                                              wide, codes[10]]))
    editor.paste.resolve()
    settle(800)
    shot(editor, "editor-paste.png")

    editor.done(0)
    base_ids = groups.member_ids(group.id)
    theirs = replace(group, name=f"{group.name} (North)", version=group.version + 1,
                     updated_by="a.larsen", member_count=group.member_count + 3)
    mine = groups.GroupChange(
        name=f"{group.name}, spring", description="Reviewed every Monday.", group_id=group.id,
        expected_version=group.version, add_customer_ids=frozenset(
            r.id for r in customers.search_customers("", 400, 2).rows),
        remove_customer_ids=frozenset(sorted(base_ids)[:1]))
    extra = {r.id for r in customers.search_customers("", 500, 3).rows}
    conflict = ConflictDialog(rebase(group, base_ids, theirs, base_ids | extra, mine), window)
    conflict.show()
    settle()
    shot(conflict, "editor-conflict.png")
    conflict.done(0)

    picker = CustomerPicker(groups.member_ids(group.id), window)
    picker.show()
    settle(400)
    picker.search_edit.setText("nordic tim")
    picker.search()
    settle(500)
    for row in (1, 2, 4):
        picker.model.tick([picker.model.row_at(row).id], True)
    picker.table.selectRow(4)
    settle()
    shot(picker, "picker.png")
    picker.done(0)
    mode_shots(window, group, codes)


def mode_shots(window: MainWindow, group: groups.Group, codes: list[str]) -> None:
    """The paste box making a group match a list, and the removals it previews."""
    from custgroups.core.lists import ListMode
    from custgroups.ui.match_preview import MatchPreviewDialog

    members = [code for code, *_ in groups.member_rows(group.id)]
    editor = GroupDialog("m.jensen", group, window)
    editor.show()
    settle(600)
    editor.paste.mode_combo.setCurrentIndex(editor.paste.mode_combo.findData(ListMode.MATCH))
    listed = members[3:] + codes[20:24] + ["C0O0412"]
    editor.paste.set_codes_from_file(listed, "north-dec.xlsx")
    editor.paste.resolve()
    settle(800)
    shot(editor, "editor-match.png")
    assert editor.paste.plan is not None
    preview = MatchPreviewDialog(editor.paste.plan, editor)
    preview.rows.item(1).setCheckState(preview.rows.item(1).checkState().Unchecked)
    preview.show()
    settle()
    shot(preview, "dialog-match-preview.png")
    preview.done(0)
    editor.done(0)


def compare_shots(window: MainWindow) -> None:
    """Three groups selected, then two of them compared with a region listed."""
    from custgroups.core.compare import Region, RegionKind
    from custgroups.ui.compare_dialog import CompareDialog

    window.filter_bar.reset_button.click()
    wait_for_page(window)
    table = window.table
    table.selectRow(1)
    selection = table.selectionModel()
    for row in (2, 4):
        selection.select(window.model.index(row, 0), selection.SelectionFlag.Select
                         | selection.SelectionFlag.Rows)
    settle()
    shot(window, "main-selected-1280.png")
    chosen = [g.id for g in window.selected_groups()][:2]
    dialog = CompareDialog(chosen, "m.jensen", lambda label, work: None, window)
    dialog.show()
    settle(500)
    dialog.show_region(Region(RegionKind.ALL))
    settle(500)
    dialog.operation.setCurrentIndex(1)
    shot(dialog, "dialog-compare.png")
    dialog.done(0)


def main() -> None:
    empty_url = f"sqlite:///{(WORK / 'empty.db').as_posix()}"
    window = window_on(empty_url, (1280, 800))
    shot(window, "main-empty-1280.png")
    window.close()
    db.close_database()

    demo_url = f"sqlite:///{(WORK / 'demo.db').as_posix()}"
    db.open_database(demo_url, create=True)
    demo.generate_demo(20_000, 2_000, 4)
    groups.save_group(groups.GroupChange(
        name="North-region reservation list",
        description="Customers for whom the northern warehouses hold stock back during the "
                    "spring campaign; reviewed every Monday by the Tromsø and Bodø sales "
                    "offices, who add new stores as they open."), "m.jensen")
    db.close_database()

    window = window_on(demo_url, (1280, 800))
    shot(window, "main-demo-1280.png")
    window.close()

    def filtered(win: MainWindow) -> None:
        win.filter_bar.text_edit.setText("north")
        win.filter_bar.status_combo.setCurrentIndex(1)
        win.filter_bar.search_button.click()

    window = window_on(demo_url, (1920, 1080), filtered)
    window.model.sort(4, window.table.horizontalHeader().sortIndicatorOrder().__class__(1))
    wait_for_page(window)
    shot(window, "main-filtered-1920.png")

    def nothing(win: MainWindow) -> None:
        win.filter_bar.text_edit.setText("no such group")
        win.filter_bar.search_button.click()

    nothing(window)
    wait_for_page(window)
    shot(window, "main-no-match-1920.png")
    window.close()

    window = window_on(demo_url, (1280, 800))
    dialog = GroupDialog("m.jensen", None, window)
    dialog.name_edit.setText("  retail CUSTOMERS ")
    dialog.description_edit.setPlainText("Shops that buy at list price.")
    dialog.show()
    dialog.accept()
    settle(600)
    shot(dialog, "dialog-duplicate-name.png")
    dialog.name_edit.clear()
    dialog.accept()
    settle()
    shot(dialog, "dialog-name-required.png")
    dialog.done(0)

    editor_shots(window)
    compare_shots(window)

    export = ExportDialog(Path.home() / "customer-groups.xlsx", 2_001, window)
    export.members_check.setChecked(True)
    export.show()
    settle()
    shot(export, "dialog-export.png")
    export.close()

    group = groups.get_group_by_code("CG-000001")
    history = HistoryDialog(group, __import__("custgroups.core.history", fromlist=["x"])
                            .group_history(group.id), window)
    history.show()
    settle()
    shot(history, "dialog-history.png")
    history.close()

    from custgroups.core import customers
    from custgroups.core.sheets.imports import plan_customer_import
    from custgroups.ui.import_preview import ImportPreviewDialog

    erp = WORK / "erp-customers.csv"
    rows = [f"{c.code},{c.name},Tromsø," for c in customers.search_customers("", 0, 12).rows]
    rows += ["N00001,New Store Tromsø,Tromsø,", "N00002,New Store Bodø,Bodø,"]
    erp.write_text("Customer Code,Customer Name,City,Email\n" + "\n".join(rows) + "\n",
                   encoding="utf-8")
    preview = ImportPreviewDialog(plan_customer_import(erp), erp, window)
    preview.show()
    settle()
    shot(preview, "dialog-import-preview.png")
    preview.done(0)
    window.close()


if __name__ == "__main__":
    main()
