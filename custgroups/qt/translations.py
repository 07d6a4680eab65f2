"""The windows' words in the clerk's language: Qt's own (its buttons and standard dialogs)
and ours, from ``custgroups/translations/custgroups_<lang>.ts``.

A build compiles each ``.ts`` to the ``.qm`` Qt reads (``python -m custgroups.qt.translations
release``); a checkout without them compiles them on first use into the user's cache, with
the ``lrelease`` that comes with PySide6. ``python -m custgroups.qt.translations update``
collects the source texts of every window into the ``.ts`` files for translators.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import platformdirs
import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

#: Where the translations live, beside the package's code.
FOLDER = Path(__file__).resolve().parent.parent / "translations"
_TOOLS = Path(PySide6.__file__).resolve().parent


def available() -> list[str]:
    """The languages custgroups speaks besides English, by code ("de"), sorted."""
    return sorted(path.stem.removeprefix("custgroups_")
                  for path in FOLDER.glob("custgroups_*.ts"))


def language_for(choice: str) -> str:
    """The language to speak: ``choice`` ("de", "en"), or for "system" the system locale's
    if custgroups speaks it, else English."""
    if choice != "system":
        return choice if choice in available() else "en"
    system = QLocale.system().name().split("_")[0]
    return system if system in available() else "en"


def compiled(language: str, cache: Path | None = None) -> Path | None:
    """The ``.qm`` of a language: the one a build placed beside its ``.ts``, else one made
    now (or earlier, if still newer than the ``.ts``) in ``cache``; None without either."""
    source = FOLDER / f"custgroups_{language}.ts"
    shipped = source.with_suffix(".qm")
    if shipped.exists() and (not source.exists()
                             or shipped.stat().st_mtime >= source.stat().st_mtime):
        return shipped
    if not source.exists():
        return None
    target = (cache or platformdirs.user_cache_path("custgroups")) / shipped.name
    if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    return target if _release(source, target) else None


def _release(source: Path, target: Path) -> bool:
    tool = _TOOLS / ("lrelease.exe" if sys.platform == "win32" else "lrelease")
    if not tool.exists():
        return False
    done = subprocess.run([str(tool), "-silent", str(source), "-qm", str(target)],
                          capture_output=True, text=True, timeout=60)
    return done.returncode == 0 and target.exists()


def install(app: QCoreApplication, language: str, cache: Path | None = None
            ) -> list[QTranslator]:
    """Make the application speak ``language``: Qt's own words, then ours. The translators
    are returned, to be kept alive as long as the application."""
    if language == "en":
        return []
    installed = []
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{language}",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    ours = compiled(language, cache)
    translator = QTranslator(app)
    if ours is not None and translator.load(str(ours)):
        app.installTranslator(translator)
        installed.append(translator)
    return installed


def update() -> None:
    """Collect every source text into each ``.ts`` file (new ones unfinished)."""
    sources = sorted(str(p) for p in FOLDER.parent.rglob("*.py"))
    for source in sorted(FOLDER.glob("custgroups_*.ts")):
        subprocess.run([str(_TOOLS / "lupdate"), "-no-obsolete", *sources, "-ts", str(source)],
                       check=True)


def release() -> None:
    """Compile every ``.ts`` to the ``.qm`` beside it (for a build)."""
    for source in sorted(FOLDER.glob("custgroups_*.ts")):
        if not _release(source, source.with_suffix(".qm")):
            raise SystemExit(f"lrelease could not compile {source.name}")


if __name__ == "__main__":
    {"update": update, "release": release}[sys.argv[1]]()
