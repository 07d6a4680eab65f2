"""Opens every window on a small database and prints, as JSON, each window's size and its
smallest size against the screen's room; run in a fresh process, whose screen size and
scaling are set before Qt starts (see test_fits_screen.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget


def main(url: str) -> None:
    app = QApplication(sys.argv[:1])
    from custgroups.core import demo, groups, history
    from custgroups.core.db import open_database
    from custgroups.ui.compare_dialog import CompareDialog
    from custgroups.ui.customer_picker import CustomerPicker
    from custgroups.ui.customers_window import CustomersWindow
    from custgroups.ui.database_dialogs import ConnectDialog
    from custgroups.ui.export_dialog import ExportDialog
    from custgroups.ui.group_form import GroupDialog
    from custgroups.ui.history_view import HistoryDialog
    from custgroups.ui.shortcuts_dialog import ShortcutsDialog

    open_database(url, create=True)
    demo.generate_demo(200, 20, 3)
    from custgroups.app import open_main_window

    window = open_main_window(url, create=False, user="probe")
    window.show()
    one, two = (groups.get_group_by_code(c) for c in ("CG-000001", "CG-000002"))
    windows: dict[str, QWidget] = {
        "main window": window, "editor": GroupDialog("probe", one, window),
        "customers": CustomersWindow("probe", True, window),
        "picker": CustomerPicker(set(), window),
        "history": HistoryDialog(one, history.group_history(one.id), window, lambda *a: None),
        "compare": CompareDialog([one.id, two.id], "probe", lambda *a: None, window),
        "export": ExportDialog(Path.home() / "groups.xlsx", 2, window),
        "connect": ConnectDialog(window), "shortcuts": ShortcutsDialog(window)}
    room = app.primaryScreen().availableGeometry()
    found = {}
    for name, shown in windows.items():
        shown.show()
        app.processEvents()
        least = shown.minimumSizeHint()
        found[name] = {"size": [shown.frameGeometry().width(), shown.frameGeometry().height()],
                       "least": [least.width(), least.height()]}
    print(json.dumps({"room": [room.width(), room.height()], "windows": found}))


if __name__ == "__main__":
    main(sys.argv[1])
