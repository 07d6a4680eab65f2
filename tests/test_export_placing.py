"""An export's files reach their names whole: one durable rename each, and a csv pair together.

The stops are real: an export runs in a process of its own that kills itself (SIGKILL) at
the chosen moment, and what is left on the disk is examined.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import openpyxl
import pytest

from custgroups.cli import main
from custgroups.core import db
from custgroups.core.sheets import placing

ROOT = Path(__file__).resolve().parent.parent

# Runs one export and kills itself on the chosen call of a function of ``placing``,
# ``writing`` or ``os``.
_KILLED_EXPORT = textwrap.dedent("""
    import os, signal, sys
    from custgroups.core import db
    from custgroups.core.groups import GroupQuery
    from custgroups.core.sheets import placing, writing
    from custgroups.core.sheets.export import export_groups
    from custgroups.core.sheets.xlsx import XlsxStream

    database, target, where, nth = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    module, name = where.split(".")
    owner = {"os": os, "placing": placing, "writing": writing,
             "XlsxStream": XlsxStream}[module]
    real, calls = getattr(owner, name), 0

    def stopping(*args, **kwargs):
        global calls
        calls += 1
        if calls == nth:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)

    setattr(owner, name, stopping)
    db.open_database(database)
    export_groups(target, GroupQuery(), members=True)
""")


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    path = tmp_path / "shop.db"
    assert main(["--database", str(path), "demo", "--customers", "300", "--groups", "12"]) == 0
    db.close_database()
    return path


@pytest.fixture
def in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Exports with members run here rather than in a process of their own, so the patches
    a test makes to the file system's calls apply to them."""
    from custgroups.core.sheets import export

    monkeypatch.setattr(export, "export_groups_apart", export.export_groups)


def _killed_export(database: Path, target: Path, where: str, nth: int,
                   temp: Path | None = None) -> None:
    env = {**os.environ, **({"TMPDIR": str(temp)} if temp else {})}
    done = subprocess.run([sys.executable, "-c", _KILLED_EXPORT, str(database), str(target),
                           where, str(nth)], cwd=ROOT, capture_output=True, check=False,
                          env=env)
    assert done.returncode == -signal.SIGKILL, done.stderr.decode()


def _old_pair(folder: Path) -> tuple[Path, Path]:
    groups_file, members_file = folder / "groups.csv", folder / "groups-members.csv"
    groups_file.write_text("old groups\n")
    members_file.write_text("old members\n")
    return groups_file, members_file


def _age(folder: Path) -> None:
    """Make the hidden files of a stopped export look as old as they are by a later export."""
    past = time.time() - 2 * placing.STALE_PART_SECONDS
    for hidden in folder.glob(".*"):
        os.utime(hidden, (past, past))


def test_a_pair_stopped_between_its_renames_is_all_new_after_the_next_export(
        shop: Path, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    groups_file, members_file = _old_pair(folder)
    _killed_export(shop, groups_file, "os.replace", 3)  # the note, the groups file, then stop
    assert groups_file.read_text(encoding="utf-8-sig").startswith("Code,Name")
    assert members_file.read_text() == "old members\n"  # mixed, for now
    _age(folder)
    assert main(["--database", str(shop), "export", str(folder / "other.xlsx")]) == 0
    assert members_file.read_text(encoding="utf-8-sig").startswith("Group code,")
    assert sorted(p.name for p in folder.iterdir()) == ["groups-members.csv", "groups.csv",
                                                       "other.xlsx"]


def test_a_pair_stopped_before_its_note_stays_all_old(shop: Path, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    groups_file, members_file = _old_pair(folder)
    _killed_export(shop, groups_file, "placing._write_note", 1)
    assert any(p.name.endswith(".part") for p in folder.iterdir())
    _age(folder)
    assert main(["--database", str(shop), "export", str(folder / "other.xlsx")]) == 0
    assert (groups_file.read_text(), members_file.read_text()) == ("old groups\n",
                                                                   "old members\n")
    # What the stopped export left behind is swept away once it is an hour old.
    assert sorted(p.name for p in folder.iterdir()) == ["groups-members.csv", "groups.csv",
                                                       "other.xlsx"]


@pytest.mark.parametrize("where", ["os.fsync", "os.replace", "placing._sync_folder"])
def test_a_single_file_stopped_at_any_step_is_old_or_new_never_missing(
        shop: Path, tmp_path: Path, where: str) -> None:
    target = tmp_path / "groups.xlsx"
    target.write_text("old export\n")
    _killed_export(shop, target, where, 1)
    if where == "placing._sync_folder":  # the rename was done
        assert len(openpyxl.load_workbook(target).sheetnames) == 2
    else:
        assert target.read_text() == "old export\n"


@pytest.mark.usefixtures("in_this_process")
def test_a_file_is_on_the_disk_before_it_takes_the_name(
        shop: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (events.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(os, "replace",
                        lambda a, b: (events.append(f"replace {Path(b).name}"),
                                      real_replace(a, b))[1])
    target = tmp_path / "groups.xlsx"
    target.write_text("old export\n")
    assert main(["--database", str(shop), "export", "--members", str(target)]) == 0
    assert events[:2] == ["fsync", "replace groups.xlsx"]
    assert events.count("replace groups.xlsx") == 1  # no moving the old file aside first


@pytest.mark.usefixtures("in_this_process")
def test_a_pair_whose_second_file_is_held_open_is_put_back(
        shop: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    groups_file, members_file = _old_pair(folder)
    real_replace = os.replace

    def held(source: str | Path, target: str | Path) -> None:
        if Path(target) == members_file:  # as Excel holds a file it shows, on Windows
            error = PermissionError(13, "The process cannot access the file", str(source),
                                    None, str(target))
            error.winerror = 32  # type: ignore[attr-defined]
            raise error
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", held)
    assert main(["--database", str(shop), "export", "--members", str(groups_file)]) == 1
    assert capsys.readouterr().err == (
        "custgroups: groups-members.csv is open in another program (Excel?), so the export "
        "could not replace it. Close it there and export again; nothing was changed.\n")
    assert (groups_file.read_text(), members_file.read_text()) == ("old groups\n",
                                                                   "old members\n")
    assert sorted(p.name for p in folder.iterdir()) == ["groups-members.csv", "groups.csv"]


@pytest.mark.usefixtures("in_this_process")
def test_an_old_file_that_cannot_be_put_back_is_kept(
        shop: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    groups_file, members_file = _old_pair(folder)
    real_replace = os.replace

    def stuck(source: str | Path, target: str | Path) -> None:
        if Path(target) == members_file or Path(source).name.endswith(".old.part"):
            raise PermissionError(13, "Permission denied", str(source), None, str(target))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", stuck)
    assert main(["--database", str(shop), "export", "--members", str(groups_file)]) == 1
    kept = [p for p in folder.iterdir() if p.name.endswith(".old.part")]
    assert [p.read_text() for p in kept] == ["old groups\n"]  # never deleted
    assert members_file.read_text() == "old members\n"


def test_a_workbook_killed_while_writing_rows_leaves_nothing_in_the_temp_folder(
        shop: Path, tmp_path: Path) -> None:
    """Its rows went into a hidden file beside the target, which the next export into that
    folder removes; the system's temp folder holds nothing of it."""
    temp, folder = tmp_path / "temp", tmp_path / "out"
    temp.mkdir()
    folder.mkdir()
    # Stopped as the members sheet begins: the groups sheet is written by then.
    _killed_export(shop, folder / "groups.xlsx", "XlsxStream.start_sheet", 2, temp)
    assert list(temp.iterdir()) == []
    left = sorted(p.name for p in folder.iterdir())
    assert len(left) == 1 and left[0].startswith(".groups-") and left[0].endswith(
        ".xlsx.part")
    _age(folder)
    db.open_database(str(shop))
    from custgroups.core.groups import GroupQuery
    from custgroups.core.sheets.export import export_groups

    export_groups(folder / "groups.xlsx", GroupQuery(), members=True)
    assert sorted(p.name for p in folder.iterdir()) == ["groups.xlsx"]
