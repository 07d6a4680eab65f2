"""The installable app, without building it (a build takes minutes; .ci/run builds one and
smoke-tests it): the spec, custgroups.build's own judgement, and the icons it ships."""

from __future__ import annotations

import ast
import fnmatch
import re
import sys
import tomllib
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

from custgroups import build
from tests.layers import imports, modules

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "custgroups.spec"
ICONS = ("custgroups.svg", "custgroups.ico", "custgroups.icns")


def _spec_calls(name: str) -> list[ast.Call]:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name) and node.func.id == name]


def _keywords(call: ast.Call) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for keyword in call.keywords:
        try:
            found[str(keyword.arg)] = ast.literal_eval(keyword.value)
        except ValueError:
            found[str(keyword.arg)] = ast.unparse(keyword.value)
    return found


def _spec_constant(name: str) -> Any:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    (value,) = [node.value for node in tree.body if isinstance(node, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == name for t in node.targets)]
    return value


def test_the_spec_makes_one_folder_with_the_window_and_the_command_line() -> None:
    exes = {kw["name"]: kw for kw in map(_keywords, _spec_calls("EXE"))}
    assert exes.keys() == {"custgroups-app", "custgroups"}
    assert exes["custgroups-app"]["console"] is False  # no console window on Windows
    assert exes["custgroups"]["console"] is True
    assert all(kw["exclude_binaries"] is True for kw in exes.values())  # one set of libraries
    assert {kw["icon"] for kw in exes.values()} == {"windows_icon"}
    (collect,) = _spec_calls("COLLECT")
    assert _keywords(collect)["name"] == "custgroups"
    # The window first: a macOS .app starts the first executable it holds.
    assert [ast.unparse(arg) for arg in collect.args[:2]] == ["gui", "cli"]
    (launcher,) = _spec_calls("Analysis")[0].args[0].elts  # type: ignore[attr-defined]
    assert "launcher.py" in ast.unparse(launcher)
    assert "from custgroups.__main__ import main" in (SPEC.parent / "launcher.py").read_text()


def test_the_spec_ships_the_icons_the_driver_and_the_translations() -> None:
    text = SPEC.read_text(encoding="utf-8")
    assert ast.literal_eval(_spec_constant("ICONS")) == ICONS
    assert 'os.path.join(ASSETS, "custgroups.ico") if sys.platform == "win32"' in text
    (bundle,) = _spec_calls("BUNDLE")
    assert "custgroups.icns" in _keywords(bundle)["icon"]
    assert 'if sys.platform == "darwin":' in text
    hidden = _keywords(_spec_calls("Analysis")[0])["hiddenimports"]
    assert "psycopg2" in hidden
    assert "if os.path.isdir(TRANSLATIONS):" in text
    excludes = ast.literal_eval(_spec_constant("excludes"))
    assert {"tkinter", "unittest", "pytest", "PySide6.QtNetwork", "PySide6.QtQml"} <= set(excludes)


def test_the_spec_drops_only_the_qt_plugins_the_window_cannot_use() -> None:
    pattern = re.compile(ast.literal_eval(_spec_constant("UNUSED_PLUGINS").args[0]))
    dropped = ["PySide6/Qt/plugins/platformthemes/libqgtk3.so",
               "PySide6/Qt/plugins/platforms/libqvnc.so",
               "PySide6/Qt/plugins/platforms/libqminimalegl.so",
               "PySide6/Qt/plugins/platforms/libqeglfs.so",
               "PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-kms-integration.so",
               "PySide6/Qt/plugins/generic/libqevdevmouseplugin.so",
               "PySide6/Qt/plugins/imageformats/libqjpeg.so",
               "PySide6/plugins/imageformats/qgif.dll"]
    kept = ["PySide6/Qt/plugins/platforms/libqxcb.so",
            "PySide6/Qt/plugins/platforms/libqwayland.so",
            "PySide6/Qt/plugins/platforms/libqoffscreen.so",
            "PySide6/plugins/platforms/qwindows.dll",
            "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
            "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
            "PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
            "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
            "PySide6/Qt/plugins/imageformats/libqsvg.so",
            "PySide6/plugins/imageformats/qico.dll",
            "PySide6/Qt/plugins/imageformats/libqicns.dylib",
            "PySide6/Qt/lib/libQt6Gui.so.6"]
    assert [p for p in dropped if not pattern.search("/" + p)] == []
    assert [p for p in kept if pattern.search("/" + p)] == []


def test_the_icon_files_are_package_data_and_load_as_icons(qapp: Any) -> None:
    from PySide6.QtGui import QIcon, QImageReader

    from custgroups.qt.resources import app_icon

    with (ROOT / "pyproject.toml").open("rb") as file:
        patterns = tomllib.load(file)["tool"]["setuptools"]["package-data"]["custgroups.qt"]
    assets = files("custgroups.qt") / "assets"
    for name in ICONS:
        assert any(fnmatch.fnmatch(f"assets/{name}", p) for p in patterns), name
        icon = QIcon(str(assets / name))
        assert not icon.isNull(), name
        assert not icon.pixmap(32, 32).isNull(), name
    assert QImageReader(str(assets / "custgroups.ico")).imageCount() >= 7  # 16 to 256 px
    assert not app_icon().isNull()


def test_a_missing_pyinstaller_is_said_plainly(monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "PyInstaller", None)  # find_spec then finds nothing

    def no_process(*args: object, **kwargs: object) -> None:
        raise AssertionError("nothing should run without PyInstaller")

    monkeypatch.setattr("custgroups.build.subprocess.run", no_process)
    assert build.main([]) == 1
    assert capsys.readouterr().err == (
        'custgroups.build: PyInstaller is not installed: run  pip install -e ".[build]"  '
        "first.\n")


def test_smoke_only_needs_a_bundle(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(build, "BUNDLE", tmp_path / "dist" / "custgroups")
    assert build.main(["--smoke-only"]) == 1
    assert "there is no bundle in" in capsys.readouterr().err


def test_the_smoke_of_a_broken_bundle_fails_every_check(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    failures = build.smoke(tmp_path)  # an empty folder: no files, no executables
    out = capsys.readouterr().out
    assert len(failures) == 9
    assert out.count("FAIL ") == 9 and "ok " not in out
    assert out.splitlines()[-1] == "smoke: 0 passed, 9 failed"


def test_the_smoke_judges_the_window_by_its_stderr_and_its_log(tmp_path: Path) -> None:
    log = tmp_path / "gui.log"
    opened = "2026-11-28 03:29:43,444 INFO custgroups.db: opened sqlite:////x.db (sqlite)\n"
    log.write_text(opened + "2026-11-28 03:29:43,471 WARNING custgroups.qt: This plugin does "
                   "not support propagateSizeHints()\n", encoding="utf-8")
    assert build._window_problem("", log) is None  # offscreen's note, ignored by the tests too
    assert build._window_problem("qt.qpa.xcb: could not connect to display\n", log) == (
        "stderr is not empty: qt.qpa.xcb: could not connect to display")
    with log.open("a", encoding="utf-8") as file:
        file.write("2026-11-28 03:29:44,000 WARNING custgroups.qt: QFont::setPointSize: "
                   "Point size <= 0 (-1)\n")
    assert build._window_problem("", log) == (
        "Qt WARNING in the log: QFont::setPointSize: Point size <= 0 (-1)")
    log.write_text("", encoding="utf-8")
    assert "does not say the database was opened" in str(build._window_problem("", log))


def test_the_build_module_loads_no_qt() -> None:
    known = modules(ROOT, "custgroups")
    loaded = set(imports("custgroups.build", known["custgroups.build"], known))
    assert not {name for name in loaded if name.startswith(("PySide6", "custgroups."))}


def test_ci_builds_the_bundle_and_smoke_tests_it_after_the_suite() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    suite = script.index('python -m pip install -q -e ".[test,postgres]" && python -m pytest')
    assert suite < script.index('python -m pip install -q -e ".[build]"') < script.index(
        "python -m custgroups.build --smoke")
