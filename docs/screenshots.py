"""Takes the screenshots in this folder: run under a display, e.g.

    xvfb-run -s "-screen 0 1920x1080x24" python docs/screenshots.py

Builds throwaway databases in a temp folder; touches nothing of yours. The team's screens
(Connect to Server, a reader's window) need a PostgreSQL server that trusts the admin login of
``CUSTGROUPS_TEST_POSTGRES`` (default postgresql://postgres@127.0.0.1:5432/test): they make the
schema ``sales``, three roles and the login ``r.berg`` there, and drop them all at the end.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import uuid
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QDateTime, QPoint, QRect, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

HERE = Path(__file__).resolve().parent
WORK = Path(tempfile.mkdtemp(prefix="custgroups-shots-"))
os.environ["CUSTGROUPS_LOG"] = str(WORK / "log.txt")
os.environ.setdefault("CUSTGROUPS_USER", "m.jensen")
for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
    QSettings.setPath(kind, QSettings.Scope.UserScope, str(WORK / "settings"))

if "--scaled" in sys.argv:  # the window and the editor at 150 %, in a process of their own
    os.environ["QT_SCALE_FACTOR"] = "1.5"
app = QApplication(sys.argv[:1])

from custgroups import cli  # noqa: E402
from custgroups.app import open_main_window  # noqa: E402
from custgroups.core import db, demo, groups  # noqa: E402
from custgroups.qt.database_choice import DatabaseChoice, ServerAddress, from_url  # noqa: E402
from custgroups.ui.customers_window import CustomersWindow  # noqa: E402
from custgroups.ui.database_dialogs import ConnectDialog  # noqa: E402
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


def wait_until(ready: Callable[[], bool], ms: int = 20_000) -> None:
    """Let events run until ``ready()`` holds (or ``ms`` have passed), then let it paint."""
    for _ in range(ms // 20):
        if ready():
            break
        settle(20)
    settle(150)


def shot(widget: QWidget, name: str) -> None:
    widget.grab().save(str(HERE / name))
    print("wrote", name)


def screen_shot(widgets: list[QWidget], name: str, margin: int = 8) -> None:
    """The screen around ``widgets`` (a window and its open menus, which are windows too)."""
    area = QRect()
    for widget in widgets:
        area = area.united(widget.frameGeometry())
    area = area.adjusted(0, 0, margin, margin)
    screen = QApplication.primaryScreen()
    screen.grabWindow(0, area.x(), area.y(), area.width(), area.height()).save(str(HERE / name))
    print("wrote", name)


def window_on(url: str, size: tuple[int, int], prepare: Callable[[MainWindow], None] | None = None
              ) -> MainWindow:
    window: MainWindow = open_main_window(url)
    window.resize(*size)
    window.show()
    wait_for_page(window)
    if prepare:
        prepare(window)
        wait_for_page(window)
    return window


def dark_shots(window: MainWindow) -> None:
    """The window and the editor in the dark scheme (View → Appearance → Dark)."""
    from custgroups.ui import style

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    style.apply_scheme(app, style.Choice.DARK)
    try:
        window.table.selectRow(2)
        settle()
        shot(window, "main-dark-1280.png")
        group = groups.get_group_by_code("CG-000014")
        dialog = GroupDialog("m.jensen", group, window)
        dialog.show()
        wait_until(lambda: dialog.members.rowCount() > 0 and not dialog.panel.loading)
        dialog.members.remove_ids(sorted(dialog.members.member_ids())[:2])
        dialog.name_edit.clear()
        dialog.accept()
        settle(600)
        shot(dialog, "editor-dark.png")
        dialog.done(0)
    finally:
        style.apply_scheme(app, style.Choice.SYSTEM)


def spoken_shots(url: str, suffix: str, size: tuple[int, int], language: str = "en") -> None:
    """The window and the editor as a clerk of ``language`` sees them (its words and its
    locale's numbers and dates), named main-``suffix``.png and editor-``suffix``.png."""
    from PySide6.QtCore import QLocale

    from custgroups.qt import translations

    QLocale.setDefault(QLocale({"de": "de_DE"}.get(language, "en_US")))
    spoken = translations.install(app, language, cache=WORK / "cache")
    try:
        window = window_on(url, size)
        window.table.selectRow(2)
        settle()
        shot(window, f"main-{suffix}.png")
        dialog = GroupDialog("m.jensen", groups.get_group_by_code("CG-000013"), window)
        dialog.show()
        wait_until(lambda: dialog.members.rowCount() > 0 and not dialog.panel.loading)
        dialog.members.remove_ids(sorted(dialog.members.member_ids())[:2])
        dialog.paste.edit.setPlainText("C000101\nC000102\nC999999")
        dialog.paste.resolve()
        wait_until(lambda: "C999999" in dialog.paste.summary.text())
        settle(600)
        shot(dialog, f"editor-{suffix}.png")
        dialog.done(0)
        window.close()
    finally:
        for translator in spoken:
            app.removeTranslator(translator)
        QLocale.setDefault(QLocale("en_US"))


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
    for row in (1, 2, 5):  # active customers: an inactive one cannot be ticked
        ticked = picker.model.row_at(row)
        assert ticked is not None and ticked.active
        picker.model.tick([ticked.id], True)
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


def then_shots(window: MainWindow) -> None:
    """History with the group as it stood before a change (and Revert on), and Customers."""
    from custgroups.core.history import group_history

    group = groups.get_group_by_code("CG-000002")
    before = groups.member_ids(group.id)
    moment = QDateTime.currentDateTime()
    groups.save_group(groups.GroupChange(
        name=group.name, description=group.description, active=group.active,
        group_id=group.id, expected_version=group.version,
        remove_customer_ids=frozenset(sorted(before)[:3]), reason="Left the region"), "a.larsen")
    history = HistoryDialog(group, group_history(group.id), window, lambda *args: None)
    history.resize(1000, 720)
    history.show()
    history.table.selectRow(0)
    history.then.as_of_edit.setDateTime(moment.addSecs(-60))
    history.then.members_button.click()
    wait_until(lambda: history.then.model.rowCount() > 0)
    settle()
    shot(history, "history-then.png")
    history.done(0)
    found = CustomersWindow("m.jensen", True, window, window._run_export)
    found.resize(1200, 640)
    found.show()
    wait_until(lambda: found.groups_model.rowCount() > 0)
    found.table.selectRow(1)
    wait_until(lambda: found.groups_model.rowCount() > 0)
    settle()
    shot(found, "customers.png")
    grid_shot(found)
    found.grid.model.discard()
    found.close()


def grid_shot(found: CustomersWindow) -> None:
    """The pasted list: a dozen codes (one unknown, one twice) against their groups, two
    ticks changed."""
    from custgroups.core import customers

    grid = found.grid
    found.tabs.setCurrentWidget(grid)
    codes = [row.code for row in customers.search_customers("", 40, 48).rows][::4]
    grid.paste.setPlainText("\n".join([*codes, "C0O0123", codes[2]]))
    wait_until(lambda: grid.model.rowCount() > 0)
    model = grid.model
    for row, column in ((1, 5), (4, 6)):
        index = model.index(row, column)
        checked = model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        model.setData(index, (Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked
                              ).value, Qt.ItemDataRole.CheckStateRole)
    grid.table.setCurrentIndex(model.index(6, 0))
    settle()
    shot(found, "customers-pasted.png")


def news_shot(window: MainWindow) -> None:
    """An editor open on a group that another clerk saves meanwhile: the banner above Save.

    The window is open, so its live updates run; the other clerk's save comes from another
    thread, on a connection of its own."""
    listed = groups.list_groups(groups.GroupQuery(status=groups.Status.ACTIVE, page_size=50))
    group = next(g for g in listed.rows if 12 <= g.member_count <= 30)
    editor = GroupDialog("m.jensen", group, window)
    editor.show()
    settle(600)
    editor.description_edit.setPlainText("Stores that order before the spring campaign.")
    theirs = groups.GroupChange(
        name=group.name, description="Checked with the Tromsø office on Monday.",
        active=group.active, code=group.code, group_id=group.id,
        expected_version=group.version)
    other = threading.Thread(target=groups.save_group, args=(theirs, "a.larsen"))
    other.start()
    other.join()
    wait_until(editor.news.isVisible)
    shot(editor, "editor-news.png")
    editor.done(0)


def menu_shot(window: MainWindow, recent: list[str]) -> None:
    """File menu open, Recent Databases open beside it."""
    choice = DatabaseChoice()
    for url in reversed(recent):
        choice.remember(url)
    window.move(0, 0)
    settle()
    bar = window.menuBar()
    file_menu = window.file_menu
    bar.setActiveAction(file_menu.menuAction())
    wait_until(file_menu.isVisible, 3000)
    recent_menu = window.findChild(type(file_menu), "recentDatabasesMenu")
    assert recent_menu is not None
    file_menu.setActiveAction(recent_menu.menuAction())
    QTest.keyClick(file_menu, Qt.Key.Key_Right)
    wait_until(recent_menu.isVisible, 3000)
    settle(300)
    right = max(file_menu.geometry().right(), recent_menu.geometry().right())
    bottom = max(file_menu.geometry().bottom(), recent_menu.geometry().bottom())
    area = QRect(QPoint(0, 0), QPoint(right + 40, bottom + 40))
    QApplication.primaryScreen().grabWindow(
        0, area.x(), area.y(), area.width(), area.height()).save(str(HERE / "menu-file.png"))
    print("wrote", "menu-file.png")
    recent_menu.close()
    file_menu.close()
    choice.clear_recent()


#: The team's server the screens on PostgreSQL are taken on (its admin login, trusted).
SERVER = os.environ.get("CUSTGROUPS_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")
SCHEMA = "sales"
READER = "r.berg"


def admin(sql: str) -> list[tuple[object, ...]]:
    """Run ``sql`` on the server as its admin login; the rows it returns."""
    import psycopg2

    address = from_url(SERVER)
    assert address is not None
    conn = psycopg2.connect(host=address.host, port=address.port, dbname=address.database,
                            user=address.user or None)
    conn.autocommit = True
    try:
        with conn.cursor() as cursor:
            cursor.execute(sql)
            return list(cursor.fetchall()) if cursor.description else []
    finally:
        conn.close()


def connect_shots(url: str) -> None:
    """Connect to Server after a test that worked, and after one that failed."""
    def tested(dialog: ConnectDialog, name: str) -> None:
        done: list[bool] = []
        dialog.tested.connect(done.append)
        dialog.show()
        settle()
        dialog.test_button.click()
        wait_until(lambda: bool(done))
        shot(dialog, name)
        dialog.done(0)
        dialog.dispose()

    tested(ConnectDialog(None, url), "dialog-connect.png")
    address = from_url(url)
    assert address is not None
    wrong = replace(address, port=5433, schema=None)
    tested(ConnectDialog(None, wrong.url()), "dialog-connect-failed.png")


def server_shots() -> None:
    """The screens of a team on one server: Connect to Server, and a reader's window."""
    address = from_url(SERVER)
    assert address is not None, SERVER
    url = replace(address, schema=SCHEMA).url()
    if admin(f"SELECT 1 FROM pg_namespace WHERE nspname = '{SCHEMA}' UNION ALL "
             f"SELECT 1 FROM pg_roles WHERE rolname = '{READER}'"):
        sys.exit(f"The schema {SCHEMA} or the role {READER} exists on {address.description} "
                 "already: drop them, or use another server.")
    suffix = uuid.uuid4().hex[:8]
    owner, editors, readers = (f"cg_shots_{role}_{suffix}"
                               for role in ("owner", "editors", "readers"))
    try:
        assert cli.main(["server-setup", url, "--owner", owner, "--editors", editors,
                         "--readers", readers]) == cli.EXIT_OK
        assert cli.main(["--database", url, "--user", "m.jensen", "demo", "--customers",
                         "3000", "--groups", "60"]) == cli.EXIT_OK
        db.close_database()
        connect_shots(url)
        admin(f'CREATE ROLE "{READER}" LOGIN IN ROLE "{readers}"')
        window = window_on(replace(address, user=READER, schema=SCHEMA).url(), (1280, 800))
        window.table.selectRow(0)
        settle()
        shot(window, "main-reader.png")
        window.close()
    finally:
        db.close_database()
        admin(f'DROP SCHEMA IF EXISTS "{SCHEMA}" CASCADE')
        for role in (READER, owner, editors, readers):
            if admin(f"SELECT 1 FROM pg_roles WHERE rolname = '{role}'"):
                admin(f'DROP OWNED BY "{role}"; DROP ROLE "{role}"')


def export_running_shot(window: MainWindow) -> None:
    """An export with members under way (in a process of its own), then cancelled."""
    from PySide6.QtWidgets import QProgressDialog

    from custgroups.core.sheets.export import export_groups_apart

    window._run_export(window.tr("Exporting groups…"), lambda report: export_groups_apart(
        WORK / "running.xlsx", window.query(), True, report))
    dialog = lambda: window.findChild(QProgressDialog, "exportProgress")  # noqa: E731
    wait_until(lambda: dialog() is not None and dialog().isVisible() and dialog().value() > 0)
    screen_shot([window, dialog()], "export-running.png")
    assert window.export_job is not None
    window.export_job.cancel()
    wait_until(lambda: window.export_job is None or not dialog() or not dialog().isVisible())
    settle()


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
    dark_shots(window)

    export = ExportDialog(Path.home() / "customer-groups.xlsx", 2_001, window)
    export.members_check.setChecked(True)
    export.show()
    settle()
    shot(export, "dialog-export.png")
    export.close()
    export_running_shot(window)

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

    then_shots(window)
    news_shot(window)
    menu_shot(window, [replace(from_url(SERVER) or ServerAddress("", ""), schema=SCHEMA).url(),
                       f"sqlite:///{(Path.home() / 'custgroups-north.db').as_posix()}"])
    window.close()
    db.close_database()
    spoken_shots(demo_url, "german", (1280, 800), "de")
    subprocess.run([sys.executable, __file__, "--scaled", demo_url], check=True)
    server_shots()


if __name__ == "__main__":
    if "--scaled" in sys.argv:  # 1920×1080 at 150 %: a 1280×720 screen for the windows
        spoken_shots(sys.argv[-1], "150", (1240, 680))
    else:
        main()
