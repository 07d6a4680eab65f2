"""Takes the screenshots in this folder: run under a display, e.g.

    xvfb-run -s "-screen 0 1920x1080x24" python docs/screenshots.py

Builds throwaway databases in a temp folder; touches nothing of yours.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
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

from custgroups import db, demo, groups  # noqa: E402
from custgroups.app import open_main_window  # noqa: E402
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
    for _ in range(200):
        settle(20)
        if not window._queries.busy and window._page is not None:
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


def main() -> None:
    empty_url = f"sqlite:///{(WORK / 'empty.db').as_posix()}"
    window = window_on(empty_url, (1280, 800))
    shot(window, "main-empty-1280.png")
    window.close()
    db.close_database()

    demo_url = f"sqlite:///{(WORK / 'demo.db').as_posix()}"
    db.open_database(demo_url)
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
    settle()
    shot(dialog, "dialog-duplicate-name.png")
    dialog.name_edit.clear()
    dialog.accept()
    settle()
    shot(dialog, "dialog-name-required.png")
    dialog.close()

    export = ExportDialog(Path.home() / "customer-groups.xlsx", 2_001, window)
    export.members_check.setChecked(True)
    export.show()
    settle()
    shot(export, "dialog-export.png")
    export.close()

    group = groups.get_group_by_code("CG-000001")
    history = HistoryDialog(group, __import__("custgroups.history", fromlist=["x"])
                            .group_history(group.id), window)
    history.show()
    settle()
    shot(history, "dialog-history.png")
    history.close()
    window.close()


if __name__ == "__main__":
    main()
