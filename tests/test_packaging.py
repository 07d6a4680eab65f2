"""What an installation gets: the wheel carries the code and the icon, and the launchers."""

from __future__ import annotations

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
    (wheel,) = tmp_path.glob("custgroups-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(archive.read(n).decode() for n in names
                            if n.endswith(".dist-info/entry_points.txt"))
    assert "custgroups/qt/assets/custgroups.svg" in names
    assert {"custgroups/core/db/connect.py", "custgroups/ui/models/group_model.py"} <= names
    assert "custgroups = custgroups.__main__:main" in entry_points
    # The windowed launcher takes --database and --user like the console one.
    assert "custgroups-app = custgroups.__main__:main" in entry_points
