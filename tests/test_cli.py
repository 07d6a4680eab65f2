"""The command line: help everywhere, plain one-line errors, exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from custgroups.cli import build_parser, main
from tests.helpers import assert_no_formulas


def run(*args: str, env_db: str | None = None) -> subprocess.CompletedProcess[str]:
    import os

    env = dict(os.environ)
    if env_db:
        env["CUSTGROUPS_DATABASE"] = env_db
    return subprocess.run([sys.executable, "-m", "custgroups", *args], capture_output=True,
                          text=True, timeout=120, env=env)


def test_every_subcommand_has_help() -> None:
    parser = build_parser()
    subcommands = next(a for a in parser._actions if a.dest == "command").choices
    assert set(subcommands) == {"demo", "info", "export", "import-customers", "import-members",
                                "remove-members", "sync-members", "history", "compare",
                                "combine", "create-group", "set-status", "copy-group",
                                "members", "server-setup", "migrate", "changes"}
    for name in subcommands:
        with pytest.raises(SystemExit) as exc:
            main([name, "--help"])
        assert exc.value.code == 0


def new_database(path: Path) -> str:
    """The URL of a new, empty database file (commands other than demo make none)."""
    from custgroups.core import db

    url = f"sqlite:///{path.as_posix()}"
    db.open_database(url, create=True)
    db.close_database()
    return url


def test_main_py_runs(tmp_path: Path) -> None:
    url = new_database(tmp_path / "x.db")
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, str(root / "main.py"), "--database", url, "info"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Groups: 0" in done.stdout


def test_demo_then_info(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{(tmp_path / 'demo.db').as_posix()}"
    assert not (tmp_path / "demo.db").exists()
    assert main(["--database", url, "demo", "--customers", "1,000", "--groups", "20"]) == 0
    assert (tmp_path / "demo.db").is_file()  # demo may make a new database file
    assert "Added 1,000 customers, 20 groups" in capsys.readouterr().out
    assert main(["--database", url, "info"]) == 0
    out = capsys.readouterr().out
    assert "Customers: 1,000" in out and "Groups: 20" in out


def test_demo_into_a_full_database_fails_and_changes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{(tmp_path / 'demo.db').as_posix()}"
    assert main(["--database", url, "demo", "--customers", "10", "--groups", "2"]) == 0
    capsys.readouterr()
    assert main(["--database", url, "demo", "--customers", "10", "--groups", "2"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is not empty (customers: 10; groups: 2)" in err


def test_environment_variable_names_the_database(tmp_path: Path) -> None:
    target = tmp_path / "env.db"
    url = f"sqlite:///{target.as_posix()}"
    done = run("demo", "--customers", "0", "--groups", "0", env_db=url)
    assert done.returncode == 0, done.stderr
    done = run("info", env_db=url)
    assert done.returncode == 0, done.stderr
    assert target.exists() and str(target) in done.stdout


@pytest.mark.parametrize("command", [["info"], ["export", "out.xlsx"],
                                     ["history", "--out", "h.csv"], ["import-customers", "c.csv"]])
def test_a_missing_database_file_is_refused_and_not_created(
        tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "missing.db"
    assert main(["--database", f"sqlite:///{target.as_posix()}", *command]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"The database file {target} does not exist" in err
    assert not target.exists() and not list(tmp_path.iterdir())


def test_the_default_database_is_made_once(capsys: pytest.CaptureFixture[str]) -> None:
    from custgroups.core import db

    default = db.default_database_path()
    assert main(["info"]) == 0  # the first start makes it
    assert default.is_file()
    capsys.readouterr()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{default}{suffix}").unlink(missing_ok=True)
    assert main(["info"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is gone or was moved" in err and ".created" in err
    assert not default.exists()
    assert main(["demo", "--customers", "0", "--groups", "0"]) == 0  # demo may make it again
    assert default.is_file()
    assert main(["info"]) == 0


@pytest.mark.parametrize(
    ("args", "code", "text"),
    [
        (["demo", "--customers", "lots"], 2, "'lots' is not a whole number"),
        (["demo", "--customers", "-5"], 2, "-5 is below zero"),
        (["demo", "--members-per-customer", "x"], 2, "'x' is not a number"),
        (["frobnicate"], 2, "invalid choice"),
        (["--database", "sqlite:////no/such/dir/x.db", "info"], 1, "does not exist"),
        (["--database", "ftp://x/y", "info"], 1, "not a database address"),
    ],
)
def test_bad_input_is_one_line_on_stderr(args: list[str], code: int, text: str) -> None:
    done = run(*args)
    assert done.returncode == code
    assert text in done.stderr
    assert done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr


def test_a_broken_database_file_is_one_line(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"PK\x03\x04 not sqlite at all" * 50)
    done = run("--database", str(junk), "demo")
    assert done.returncode == 1
    assert "is not a custgroups database" in done.stderr and done.stderr.count("\n") == 1
    assert junk.read_bytes().startswith(b"PK\x03\x04")


FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def demo_url(tmp_path: Path) -> str:
    url = f"sqlite:///{(tmp_path / 'demo.db').as_posix()}"
    assert main(["--database", url, "demo", "--customers", "300", "--groups", "12"]) == 0
    return url


def test_export_command(demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
                        ) -> None:

    capsys.readouterr()
    out = tmp_path / "active.xlsx"
    assert main(["--database", demo_url, "export", str(out), "--status", "active",
                 "--sort", "members", "--descending", "--members"]) == 0
    said = capsys.readouterr().out
    assert said.startswith("Exported ") and str(out) in said
    sheet = assert_no_formulas(out)["Groups"]
    counts = [row[4] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert counts == sorted(counts, reverse=True)
    assert {row[3] for row in sheet.iter_rows(min_row=2, values_only=True)} == {"Active"}
    assert main(["--database", demo_url, "export", str(tmp_path / "n.csv"), "--name",
                 "retail"]) == 0
    assert_no_formulas(tmp_path / "n.csv")


def test_csv_files_for_a_german_excel_take_semicolons(demo_url: str, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "n.csv"
    assert main(["--database", demo_url, "export", str(out), "--separator", "semicolon"]) == 0
    heading = out.read_text(encoding="utf-8-sig").splitlines()[0]
    assert heading.startswith("Code;") and "," not in heading
    members = tmp_path / "m.csv"
    assert main(["--database", demo_url, "members", "CG-000001", "--out", str(members),
                 "--separator", "tab"]) == 0
    assert members.read_text(encoding="utf-8-sig").splitlines()[0].count("\t") == 3
    assert main(["--database", demo_url, "history", "--out", str(tmp_path / "h.csv"),
                 "--separator", "semicolon"]) == 0
    assert ";" in (tmp_path / "h.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    with pytest.raises(SystemExit) as refused:
        main(["--database", demo_url, "export", str(out), "--separator", "pipe"])
    assert refused.value.code == 2
    assert "invalid choice: 'pipe'" in capsys.readouterr().err


def test_export_to_a_bad_target(demo_url: str, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["--database", demo_url, "export", str(tmp_path / "x.pdf")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and ".xlsx or .csv" in err


def test_import_customers_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = new_database(tmp_path / "c.db")
    assert main(["--database", url, "import-customers", str(FIXTURES / "cp1252.csv"),
                 "--dry-run"]) == 0
    assert capsys.readouterr().out == ("cp1252.csv is fine; importing it would make 2 new · "
                                       "0 updated. Nothing was changed (dry run).\n")
    assert main(["--database", url, "import-customers", str(FIXTURES / "cp1252.csv")]) == 0
    assert capsys.readouterr().out == "Imported cp1252.csv: 2 new · 0 updated.\n"
    assert main(["--database", url, "import-customers", str(FIXTURES / "old_format.xls")]) == 0
    assert capsys.readouterr().out == "Imported old_format.xls: 4 new · 0 updated.\n"
    assert main(["--database", url, "import-customers", str(FIXTURES / "password.xlsx")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "protected by a password" in err


def test_import_customers_says_what_changes_field_by_field(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = new_database(tmp_path / "c.db")
    first = tmp_path / "erp.csv"
    first.write_text("Code,Name,City,Email,Status\nA1,Alpha,Oslo,a@x.example,Active\n"
                     "B2,Beta,Bergen,b@x.example,Inactive\nC3,Gamma,Lund,,Active\n")
    assert main(["--database", url, "import-customers", str(first)]) == 0
    capsys.readouterr()
    names = tmp_path / "names.csv"  # no email or status column; one empty city
    names.write_text("Code,Name,City\nA1,Alpha,\nB2,Beta,Trondheim\nC3,Gamma,Lund\n"
                     "D4,Delta,\n")
    args = ["--database", url, "import-customers", str(names)]
    assert main([*args, "--dry-run"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "names.csv is fine; importing it would make 1 new · 1 updated (city 1) · 2 unchanged. "
        "Nothing was changed (dry run).",
        "With --clear-empty, empty cells would clear their fields: "
        "1 new · 2 updated (city 2) · 1 unchanged."]
    assert main([*args, "--dry-run", "--clear-empty"]) == 0
    assert capsys.readouterr().out.splitlines()[0].endswith(
        "would make 1 new · 2 updated (city 2) · 1 unchanged. Nothing was changed (dry run).")
    assert main(args) == 0
    assert capsys.readouterr().out == (
        "Imported names.csv: 1 new · 1 updated (city 1) · 2 unchanged.\n")
    assert main(["--database", url, "import-customers", str(first), "--dry-run"]) == 0
    # B2 kept its status: the names file had no Status column to reactivate it with.
    assert "would make 0 new · 1 updated (city 1) · 2 unchanged." in capsys.readouterr().out
    assert main([*args, "--clear-empty"]) == 0
    assert capsys.readouterr().out == (
        "Imported names.csv: 0 new · 1 updated (city 1) · 3 unchanged.\n")


def test_import_customers_lists_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                         ) -> None:
    url = new_database(tmp_path / "c.db")
    bad = tmp_path / "bad.csv"
    bad.write_text("Code,Name\nC1,\nC1,Again\n")
    assert main(["--database", url, "import-customers", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "problems to fix first: 2;" in err and "Row 2:" in err and "Row 3:" in err


def test_import_members_and_history_commands(demo_url: str, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    codes = tmp_path / "codes.csv"
    codes.write_text("Customer code\nC000001\nC000002\nC0X0003\n")
    capsys.readouterr()
    args = ["--database", demo_url, "--user", "dana", "import-members", "cg-000002", str(codes)]
    assert main([*args, "--dry-run"]) == 0
    said = capsys.readouterr().out
    assert "unknown: C0X0003 (did you mean C000003?)" in said and "dry run" in said
    assert main(args) == 0
    said = capsys.readouterr().out
    assert "Added" in said and "CG-000002" in said
    out = tmp_path / "history.xlsx"
    assert main(["--database", demo_url, "history", "CG-000002", "--out", str(out)]) == 0
    assert "history entries" in capsys.readouterr().out

    rows = list(assert_no_formulas(out)["History"].iter_rows(min_row=2, values_only=True))
    assert rows[-1][1] == "dana" and rows[-1][4].startswith("Added")
    assert main(["--database", demo_url, "history", "NOPE", "--out", str(out)]) == 1


def test_reading_workbooks_needs_defusedxml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *rest: None if name == "defusedxml" else real(name, *rest))
    url = new_database(tmp_path / "c.db")
    assert main(["--database", url, "import-customers", str(FIXTURES / "customers.xlsx")]) == 1
    assert "defusedxml" in capsys.readouterr().err


def test_a_workbook_openpyxl_reads_needs_its_defusedxml_too(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """The usual reading imports no openpyxl; a workbook whose cells do not name their
    places is read by openpyxl, which must parse through defusedxml as well."""
    import openpyxl.xml

    from tests.sheet_files import unplaced_cells

    monkeypatch.setattr(openpyxl.xml, "DEFUSEDXML", False)
    url = new_database(tmp_path / "c.db")
    assert main(["--database", url, "import-customers", str(FIXTURES / "customers.xlsx")]) == 0
    capsys.readouterr()
    path = unplaced_cells(tmp_path / "unplaced.xlsx")
    assert main(["--database", url, "import-customers", str(path)]) == 1
    assert "defusedxml" in capsys.readouterr().err


def test_without_a_desktop_the_window_says_so_in_one_sentence(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from custgroups import __main__ as launcher

    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(launcher.sys, "platform", "linux")
    url = new_database(tmp_path / "x.db")
    assert launcher.main(["--database", url, "--user", "ana"]) == 1
    assert capsys.readouterr().err == f"custgroups: {launcher.NO_DESKTOP}\n"


def test_the_window_launcher_takes_the_database_and_the_user(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from custgroups import __main__ as launcher
    from custgroups import app

    started: list[tuple[str | None, str | None, float | None]] = []
    monkeypatch.setattr(app, "run", lambda database, user, quit_after:
                        started.append((database, user, quit_after)) or 0)
    assert launcher.main(["--database", "sqlite:///team.db", "--user", "ana"]) == 0
    assert launcher.main(["--quit-after", "3"]) == 0
    assert started == [("sqlite:///team.db", "ana", None), (None, None, 3.0)]
