"""What an installation gets: the wheel carries the code, the icon and the launchers; a
windowed app, with no console, still records native crashes and Qt's messages."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_wheel_carries_the_icon_and_the_launchers(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                           "-w", str(tmp_path), str(ROOT)], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    from custgroups import __version__

    (wheel,) = tmp_path.glob("custgroups-*.whl")
    assert wheel.name.startswith(f"custgroups-{__version__}-")  # one version, in __init__
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(archive.read(n).decode() for n in names
                            if n.endswith(".dist-info/entry_points.txt"))
    assert "custgroups/qt/assets/custgroups.svg" in names
    assert {"custgroups/core/db/connect.py", "custgroups/ui/models/group_model.py"} <= names
    assert "custgroups = custgroups.__main__:main" in entry_points
    # The windowed launcher takes --database and --user like the console one.
    assert "custgroups-app = custgroups.__main__:main" in entry_points


def _run_app_script(tmp_path: Path, body: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    log = tmp_path / "custgroups.log"
    script = ("import sys\n"
              "from PySide6.QtCore import QCoreApplication, qWarning\n"
              "from custgroups.core.logs import setup_logging\n"
              "from custgroups.app import record_crashes_and_qt_messages\n"
              "app = QCoreApplication(sys.argv[:1])\n"
              "setup_logging()\n"
              "record_crashes_and_qt_messages()\n" + body)
    env = {**os.environ, "CUSTGROUPS_LOG": str(log), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, env=env, cwd=ROOT)
    return done, log


def test_qt_messages_go_to_the_log(tmp_path: Path) -> None:
    done, log = _run_app_script(tmp_path, "qWarning('a warning from Qt itself')\n")
    assert done.returncode == 0, done.stderr
    assert "WARNING custgroups.qt: a warning from Qt itself" in log.read_text(encoding="utf-8")


def test_a_native_crash_is_written_to_the_crash_log(tmp_path: Path) -> None:
    done, log = _run_app_script(tmp_path, "import faulthandler\nfaulthandler._sigsegv()\n")
    assert done.returncode != 0
    crash = (tmp_path / "custgroups-crash.log").read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in crash
