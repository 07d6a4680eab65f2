"""Every window fits the screen: a 1366×768 laptop at 100 %, and a 1920×1080 screen at 150 %
and 175 %, each set before Qt starts in a process of its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(("width", "height", "scale"),
                         [(1366, 768, "1"), (1920, 1080, "1.5"), (1920, 1080, "1.75")])
def test_every_window_fits_the_screen(tmp_path: Path, width: int, height: int,
                                      scale: str) -> None:
    screens = tmp_path / "screen.json"
    screens.write_text(json.dumps({"screens": [{
        "name": "screen", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screens}",
           "QT_SCALE_FACTOR": scale, "PYTHONPATH": str(ROOT), "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "CUSTGROUPS_LOG": str(tmp_path / "log")}
    done = subprocess.run(
        [sys.executable, "-m", "tests.screen_probe", f"sqlite:///{tmp_path / 'probe.db'}"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    room_width, room_height = shown["room"]
    assert (room_width, room_height) == (round(width / float(scale)),
                                        round(height / float(scale)))
    too_big = {name: sizes for name, sizes in shown["windows"].items()
               if sizes["size"][0] > room_width or sizes["size"][1] > room_height
               or sizes["least"][0] > room_width or sizes["least"][1] > room_height}
    assert too_big == {}, f"room {room_width}×{room_height}: {too_big}"
