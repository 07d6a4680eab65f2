"""Guards the pinned Qt binding against a known crash in PySide6 6.12.0 on CPython 3.11."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    from PySide6.QtWidgets import QApplication, QLabel
    app = QApplication([])
    label = QLabel()
    for i in range(20_000):
        label.setText("x")  # returns None; 6.12.0 aborts with none_dealloc after ~5,000
        QLabel().setText("y")
    print("ok")
""")


def test_twenty_thousand_calls_returning_none_do_not_abort() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                          timeout=120, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"
