"""The floors keep their imports: core knows no Qt, ui no SQL, the command line no widgets,
and no modules import each other in a circle."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.layers import violations

ROOT = Path(__file__).resolve().parent.parent


def test_the_floors_keep_their_imports() -> None:
    assert violations(ROOT, "custgroups") == []


def _tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_a_deliberate_violation_of_each_rule_is_caught(tmp_path: Path) -> None:
    _tree(tmp_path, {
        "shop/__init__.py": "",
        "shop/cli.py": "def main():\n    from shop.ui import window\n",
        "shop/core/__init__.py": "",
        "shop/core/models.py": "import peewee\n",
        "shop/core/rules.py": "from PySide6.QtCore import QObject\n",
        "shop/core/a.py": "from shop.core import b\n",
        "shop/core/b.py": "def late():\n    from . import a\n",
        "shop/qt/__init__.py": "",
        "shop/qt/tasks.py": "from ..ui.window import Window\n",
        "shop/ui/__init__.py": "",
        "shop/ui/window.py": "from shop.core.models import Thing\nimport sqlite3\n",
    })
    found = violations(tmp_path, "shop")
    assert found == [
        "shop.core.rules imports PySide6.QtCore: the data floor knows nothing of Qt, the "
        "widgets or the launchers",
        "shop.qt.tasks imports shop.ui.window: the glue serves the widgets, never the other way",
        "shop.ui.window imports shop.core.models: widgets call the data floor's functions, not "
        "its SQL",
        "shop.ui.window imports sqlite3: widgets call the data floor's functions, not its SQL",
        "shop.cli imports shop.ui.window: the command line runs on the data floor alone",
        "circular imports: shop.core.a -> shop.core.b -> shop.core.a",
    ]


@pytest.mark.slow
def test_the_data_floor_tests_run_without_qt() -> None:
    """Without pytest-qt, the data floor's tests pass and never load PySide6."""
    script = ("import sys, pytest\n"
              "code = pytest.main(['-q', '-p', 'no:pytest-qt', '-p', 'no:cacheprovider',\n"
              "                    '-n', '0',  # in this process, where its modules count\n"
              "                    '-k', 'not million',  # the long ones prove speed, not this\n"
              "                    'tests/test_codes.py', 'tests/test_customers.py'])\n"
              "loaded = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
              "print('PySide6 modules loaded:', loaded)\n"
              "sys.exit(int(code) or (3 if loaded else 0))\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, timeout=240, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "PySide6 modules loaded: []" in done.stdout


def test_the_window_starts_without_the_spreadsheet_libraries() -> None:
    """openpyxl and calamine load when a file is read or written, and the editor, Compare,
    Customers and History when first opened, not for the first paint (openpyxl, with the
    numpy it pulls in, cost ~0.2 s of a cold start; the dialogs ~70 ms)."""
    script = ("import sys\n"
              "import custgroups.app, custgroups.ui.main_window\n"
              "print(sorted(m for m in ('openpyxl', 'python_calamine', 'charset_normalizer',\n"
              "                         'custgroups.ui.group_form',\n"
              "                         'custgroups.ui.compare_dialog',\n"
              "                         'custgroups.ui.customers_window',\n"
              "                         'custgroups.ui.history_view') if m in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT),
                                                      "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip() == "[]"
