"""A disk with no room left: the clerk is told the disk is full, and nothing is lost or left.

Runs on a real full disk (a small tmpfs, filled to the last byte), so the failures are the
ones SQLite, openpyxl and the csv module really meet, not imitations of them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from custgroups.cli import main
from tests.conftest import SmallDisk

ROOT = Path(__file__).resolve().parent.parent


def _demo(path: Path, customers: int = 3000) -> None:
    assert main(["--database", str(path), "demo", "--customers", str(customers),
                 "--groups", "30"]) == 0


def _one_sentence(err: str) -> str:
    assert err.count("\n") == 1, err
    assert "Traceback" not in err and "damaged" not in err and "backup" not in err, err
    return err


def test_opening_a_database_on_a_full_disk_says_the_disk_is_full(
        small_disk: SmallDisk, capsys: pytest.CaptureFixture[str]) -> None:
    path = small_disk.root / "shop.db"
    _demo(path)
    before = path.read_bytes()
    capsys.readouterr()
    small_disk.fill()
    assert main(["--database", str(path), "info"]) == 1
    err = _one_sentence(capsys.readouterr().err)
    assert "is full" in err and "the database itself is intact" in err
    assert path.read_bytes() == before
    small_disk.free()
    assert main(["--database", str(path), "info"]) == 0
    assert "Customers: 3,000" in capsys.readouterr().out


def test_an_import_that_fills_the_disk_says_so_and_writes_nothing(
        small_disk: SmallDisk, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = small_disk.root / "shop.db"
    _demo(path, customers=100)
    many = tmp_path / "customers.csv"
    many.write_text("Customer Code,Name,City\n" + "".join(
        f"N{i:06d},New customer number {i} with a long name,Somewhere {i}\n"
        for i in range(15_000)), encoding="utf-8")
    small_disk.fill(leave=1 << 20)  # room, but not for 15,000 customers
    capsys.readouterr()
    assert main(["--database", str(path), "import-customers", str(many)]) == 1
    err = _one_sentence(capsys.readouterr().err)
    assert "is full, so nothing was saved" in err
    small_disk.free()
    assert main(["--database", str(path), "info"]) == 0
    assert "Customers: 100\n" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["groups.xlsx", "groups.csv"])
def test_an_export_to_a_full_disk_says_so_and_leaves_the_old_file(
        small_disk: SmallDisk, tmp_path: Path, name: str) -> None:
    database = tmp_path / "shop.db"
    _demo(database)
    target = small_disk.root / name
    partner = target.with_name(f"{target.stem}-members{target.suffix}")
    target.write_bytes(b"last week's export")
    if target.suffix == ".csv":
        partner.write_bytes(b"last week's members")
    expected = small_disk.files()
    small_disk.fill()
    # A process of its own: a zip archive left open would complain only when collected.
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--database", str(database),
                           "export", "--members", str(target)],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 1
    err = _one_sentence(done.stderr)
    assert f"{name} could not be written: the disk holding {small_disk.root} is full" in err
    assert target.read_bytes() == b"last week's export"
    assert small_disk.files() == expected  # no hidden part files either
