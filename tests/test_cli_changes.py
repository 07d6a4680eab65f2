"""changes --since and members --as-of: what downstream systems and disputes ask of the events."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from pathlib import Path

import openpyxl
import pytest

from custgroups import cli
from custgroups.cli.arguments import EXIT_USAGE
from custgroups.core import clock, db, groups
from tests.db_helpers import recorded
from tests.group_helpers import _create, _customers, _edit


@pytest.fixture
def story(opened: str) -> tuple[str, str, str, str]:
    """North made with C00001–C00003; later C00001 removed and C00004 added by bob. The
    database address, a moment between the two, North's code and who bob is recorded as."""
    ids = _customers(4)
    north = _create("North", add_customer_ids=frozenset(ids[:3]))
    between = clock.utc_now()
    groups.save_group(_edit(north, add_customer_ids=frozenset(ids[3:]),
                            remove_customer_ids=frozenset(ids[:1])), "bob")
    _create("South", add_customer_ids=frozenset(ids[1:2]))
    bob = recorded("bob")
    db.close_database()
    return opened, between.isoformat() + "Z", north.code, bob


def test_changes_since_a_moment_as_csv_in_order(story: tuple[str, str, str, str],
                                                capsys: pytest.CaptureFixture[str]) -> None:
    url, between, north, bob = story
    assert cli.main(["--database", url, "changes", "--since", between]) == cli.EXIT_OK
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["group"], r["customer"], r["change"]) for r in rows] == [
        (north, "C00001", "removed"), (north, "C00004", "added"), ("CG-000002", "C00002", "added")]
    assert rows[0]["by"] == bob and rows[0]["how"] == "editor"
    assert all(r["at"].endswith("Z") for r in rows) and rows == sorted(rows, key=lambda r: r["at"])

    assert cli.main(["--database", url, "changes", "--since", between, "--group", north,
                     "--format", "jsonl"]) == cli.EXIT_OK
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["customer"], r["change"]) for r in lines] == [("C00001", "removed"),
                                                          ("C00004", "added")]


def test_nothing_changed_writes_nothing(story: tuple[str, str, str, str],
                                        capsys: pytest.CaptureFixture[str],
                                        tmp_path: Path) -> None:
    url, _between, _north, _bob = story
    later = (clock.utc_now() + timedelta(minutes=1)).isoformat() + "Z"
    assert cli.main(["--database", url, "changes", "--since", later]) == cli.EXIT_OK
    assert capsys.readouterr().out == ""
    out = tmp_path / "none.csv"
    assert cli.main(["--database", url, "changes", "--since", later, "--out", str(out)]) == 0
    assert not out.exists()


def test_changes_to_a_file_chosen_by_its_name(story: tuple[str, str, str, str],
                                              tmp_path: Path) -> None:
    url, between, _north, _bob = story
    (tmp_path / "feeds").mkdir()
    out = tmp_path / "feeds" / "feed.jsonl"
    assert cli.main(["--database", url, "changes", "--since", between, "--out",
                     str(out)]) == cli.EXIT_OK
    assert len([json.loads(line) for line in out.read_text("utf-8").splitlines()]) == 3
    assert list(out.parent.iterdir()) == [out]  # nothing half-written left beside it


def test_a_since_that_is_no_moment_is_refused_in_one_line(
        story: tuple[str, str, str, str], capsys: pytest.CaptureFixture[str]) -> None:
    url, _between, _north, _bob = story
    with pytest.raises(SystemExit) as exited:
        cli.main(["--database", url, "changes", "--since", "last tuesday"])
    assert exited.value.code == EXIT_USAGE
    assert "is not a date or time" in capsys.readouterr().err


def test_members_as_the_group_stood(story: tuple[str, str, str, str],
                                    capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    url, between, north, _bob = story
    assert cli.main(["--database", url, "members", north, "--as-of", between]) == cli.EXIT_OK
    assert capsys.readouterr().out.split() == ["C00001", "C00002", "C00003"]
    assert cli.main(["--database", url, "members", north]) == cli.EXIT_OK
    assert capsys.readouterr().out.split() == ["C00002", "C00003", "C00004"]
    assert cli.main(["--database", url, "members", north, "--as-of", "2000-01-01"]) == 0
    assert capsys.readouterr().out == ""
    out = tmp_path / "then.xlsx"
    assert cli.main(["--database", url, "members", north, "--as-of", between, "--out",
                     str(out)]) == cli.EXIT_OK
    sheet = openpyxl.load_workbook(out).worksheets[0]  # read whole: no file left open
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
        "C00001", "C00002", "C00003"]
