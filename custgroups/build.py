"""Build the installable app, a PyInstaller folder with custgroups-app and custgroups, and
smoke-test it: ``python -m custgroups.build [--smoke]`` from a clone (``pip install -e
".[build]"``)."""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Sequence
from pathlib import Path

from custgroups import __version__

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "custgroups.spec"
BUNDLE = ROOT / "dist" / "custgroups"
NO_PYINSTALLER = 'PyInstaller is not installed: run  pip install -e ".[build]"  first.'
GUI_SECONDS, GUI_TIMEOUT = 3, 60
# Qt's X11 plugin needs these; PyInstaller bundles them only if the build machine has them.
X11_LIBS = ("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-image.so.0",
            "libxcb-render-util.so.0", "libxcb-shape.so.0", "libxkbcommon-x11.so.0",
            "libfontconfig.so.1", "libdbus-1.so.3")
QT_PROBLEM = re.compile(r"^\S+ \S+ (WARNING|ERROR|CRITICAL) custgroups\.qt: (.*)$", re.M)


class BuildError(Exception):
    """The bundle cannot be built; the message says why in one sentence."""


def build() -> Path:
    """Build dist/custgroups/ with PyInstaller, print its path, size and build time."""
    if importlib.util.find_spec("PyInstaller") is None:
        raise BuildError(NO_PYINSTALLER)
    if not SPEC.is_file():
        raise BuildError(f"{SPEC} is missing: build from a clone of the repository.")
    started = time.monotonic()
    # Each language's .qm beside its .ts, for the bundle to carry (in its own process: this
    # module loads no Qt).
    if subprocess.run([sys.executable, "-m", "custgroups.qt.translations", "release"],
                      cwd=ROOT, check=False).returncode != 0:
        raise BuildError("The translations could not be compiled; their messages are above.")
    done = subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                           "--log-level", "WARN", "--distpath", str(BUNDLE.parent),
                           "--workpath", str(ROOT / "build" / "pyinstaller"), str(SPEC)],
                          cwd=ROOT, check=False)
    if done.returncode != 0:
        raise BuildError(f"PyInstaller failed (exit {done.returncode}); its messages are above.")
    print(f"Built {BUNDLE}: {size_mb(BUNDLE):.0f} MB in {time.monotonic() - started:.0f} s")
    return BUNDLE


def size_mb(folder: Path) -> float:
    """The size of the files in ``folder`` (links not counted twice), in MB."""
    files = (p for p in folder.rglob("*") if not p.is_symlink() and p.is_file())
    return sum(p.stat().st_size for p in files) / 1e6


def isolated_env(home: Path) -> dict[str, str]:
    """The environment with every per-user folder (settings, data, log) under ``home``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CUSTGROUPS_")}
    for name in ("HOME", "USERPROFILE", "APPDATA", "LOCALAPPDATA", "XDG_CONFIG_HOME",
                 "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"):
        (home / name.lower()).mkdir(mode=0o700)  # Qt warns of a runtime folder others read
        env[name] = str(home / name.lower())
    return {**env, "CUSTGROUPS_LOG": str(home / "cli.log")}


def run(args: list[str], env: dict[str, str], timeout: float = 120
        ) -> tuple[subprocess.CompletedProcess[str] | None, str | None]:
    """Run one of the bundle's executables: what it did, or why it could not."""
    try:
        done = subprocess.run(args, capture_output=True, text=True, env=env, timeout=timeout,
                              check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return None, f"{type(exc).__name__}: {exc}"
    last = (done.stderr.strip().splitlines() or ["no message"])[-1]
    return done, f"exit {done.returncode}: {last}" if done.returncode else None


def smoke(bundle: Path) -> list[str]:
    """Run the bundle as a clerk and a script would; one line per failed check, also printed."""
    checked: list[str] = []
    failures: list[str] = []

    def check(name: str, problem: str | None) -> None:
        print(f"FAIL {name}: {problem}" if problem else f"ok   {name}")
        checked.append(name)
        failures.extend([f"{name}: {problem}"] if problem else [])

    exe = ".exe" if sys.platform == "win32" else ""
    files = [f"custgroups/qt/assets/custgroups.{kind}" for kind in ("svg", "ico", "icns")]
    files += X11_LIBS if sys.platform.startswith("linux") else ()
    absent = [name for name in files if not (bundle / "_internal" / name).exists()]
    check("bundle holds the icons (and on Linux, Qt's X11 libraries)",
          f"no {', '.join(absent)}" if absent else None)
    with tempfile.TemporaryDirectory(prefix="custgroups-smoke-") as temp:
        home, cli = Path(temp), str(bundle / f"custgroups{exe}")
        env, sheet = isolated_env(home), home / "groups.xlsx"
        database = ["--database", "sqlite:///" + (home / "x.db").as_posix()]
        steps = [("--version", ["--version"], f"custgroups {__version__}"),
                 ("demo", [*database, "demo", "--customers", "200", "--groups", "10"], ""),
                 ("info", [*database, "info"], "Groups: 10"),
                 ("export, its members written by a process of its own",
                  [*database, "export", str(sheet), "--members"], ""),
                 ("the export read back through calamine",
                  [*database, "import-members", "CG-000001", str(sheet), "--dry-run"],
                  "already in the group")]
        for name, args, wanted in steps:
            done, problem = run([cli, *args], env)
            if done and not problem and wanted not in done.stdout:
                problem = f"printed {done.stdout.strip()!r}, not {wanted!r}"
            check(name, problem)
        check("export reads in openpyxl", _workbook_problem(sheet))
        # Port 1 refuses at once: the bundle's driver must get as far as trying.
        done, problem = run([cli, "--database", "postgresql://u@127.0.0.1:1/x", "info"], env)
        said = done.stderr.strip() if done else ""
        check("PostgreSQL driver", None if "Cannot reach the database server" in said
              else f"said {said or problem!r}")
        log, started = home / "gui.log", time.monotonic()
        gui_env = {**env, "QT_QPA_PLATFORM": "offscreen", "CUSTGROUPS_LOG": str(log)}
        done, problem = run([str(bundle / f"custgroups-app{exe}"), *database, "--quit-after",
                             str(GUI_SECONDS)], gui_env, timeout=GUI_TIMEOUT)
        check(f"window opened and closed itself ({time.monotonic() - started:.1f} s)",
              problem or _window_problem(done.stderr if done else "", log))
    print(f"smoke: {len(checked) - len(failures)} passed, {len(failures)} failed")
    return failures


def _workbook_problem(path: Path) -> str | None:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True)
        groups = list(book["Groups"].iter_rows(values_only=True))
        members = sum(1 for _ in book["Members"].iter_rows()) - 1
    except Exception as exc:  # a missing or unreadable file is what this check reports
        return f"{path.name} does not read: {exc}"
    if groups[0][0] != "Code" or len(groups) != 11 or members <= 0:
        return f"{path.name} holds {len(groups) - 1} groups and {members} members"
    return None


def _window_problem(stderr: str, log: Path) -> str | None:
    if stderr.strip():
        return f"stderr is not empty: {stderr.strip().splitlines()[0]}"
    text = log.read_text(encoding="utf-8") if log.is_file() else ""
    if "opened sqlite" not in text:
        return f"the log {log} does not say the database was opened"
    # Qt messages the tests accept too (pyproject's qt_log_ignore): offscreen's own notes.
    with (ROOT / "pyproject.toml").open("rb") as file:
        ignored = tomllib.load(file)["tool"]["pytest"]["ini_options"]["qt_log_ignore"]
    for level, message in QT_PROBLEM.findall(text):
        if not any(part in message for part in ignored):
            return f"Qt {level} in the log: {message}"
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Build (and with --smoke, test) the bundle; the exit code."""
    parser = argparse.ArgumentParser(prog="python -m custgroups.build", description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="smoke-test the bundle built")
    parser.add_argument("--smoke-only", action="store_true",
                        help="smoke-test the bundle already in dist/, without building")
    args = parser.parse_args(argv)
    try:
        if args.smoke_only and not BUNDLE.is_dir():
            raise BuildError(f"there is no bundle in {BUNDLE}: build it first.")
        bundle = BUNDLE if args.smoke_only else build()
    except BuildError as exc:
        print(f"custgroups.build: {exc}", file=sys.stderr)
        return 1
    if args.smoke or args.smoke_only:
        return 1 if smoke(bundle) else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
