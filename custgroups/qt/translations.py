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
from xml.etree import ElementTree

import platformdirs
import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

#: Where the translations live, beside the package's code.
FOLDER = Path(__file__).resolve().parent.parent / "translations"
_TOOLS = Path(PySide6.__file__).resolve().parent


def available() -> list[str]:
    """The languages custgroups speaks besides English, by code ("de"), sorted."""
    return sorted(path.stem.removeprefix("custgroups_")
                  for path in FOLDER.glob("custgroups_*.ts") if path.stem != "custgroups_en")


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
    are returned, to be kept alive as long as the application. English needs only our
    plural forms ("1 customer", "2 customers")."""
    installed = []
    qt_own = QTranslator(app)
    if language != "en" and qt_own.load(f"qtbase_{language}",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    ours = compiled(language, cache)
    translator = _Ours(FOLDER / f"custgroups_{language}.ts", app)
    if ours is not None and translator.load(str(ours)):
        app.installTranslator(translator)
        installed.append(translator)
    return installed


class _Ours(QTranslator):
    """Our ``.qm``, also found from a subclass: PySide's ``self.tr`` asks in the name of the
    object's own class, where ``lupdate`` files a text under the class that says it (a base
    class or mixin). A text not found under the class asked for is looked up under the
    classes the ``.ts`` names for it, but only where they all translate it alike: PySide
    walks the class's bases and goes on past a translation equal to its source, so a text
    worded differently by two windows ("Code": a group's, a customer's) must not borrow
    another window's words."""

    def __init__(self, source: Path, parent: QCoreApplication) -> None:
        super().__init__(parent)
        self._contexts: dict[str, list[str]] = {}
        if source.exists():
            worded: dict[str, set[tuple[str, ...]]] = {}
            for context in ElementTree.parse(source).getroot().iter("context"):
                name = context.findtext("name") or ""
                for message in context.iter("message"):
                    text = message.findtext("source") or ""
                    self._contexts.setdefault(text, []).append(name)
                    translation = message.find("translation")
                    worded.setdefault(text, set()).add(tuple(
                        "".join(translation.itertext()).split()) if translation is not None
                        else ())
            self._contexts = {text: names for text, names in self._contexts.items()
                              if len(worded[text]) == 1}

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        found = super().translate(context, source, disambiguation, n)
        for other in self._contexts.get(source, ()) if not found else ():
            if other != context:
                found = super().translate(other, source, disambiguation, n)
                if found:
                    break
        return found or None  # None, not "": the text is not translated here


def update() -> None:
    """Collect every source text into each ``.ts`` file (new ones unfinished), and write
    the English plural forms, which follow from the source ("%Ln customer(s)")."""
    sources = sorted(str(p) for p in FOLDER.parent.rglob("*.py"))
    english = FOLDER / "custgroups_en.ts"
    for source in sorted(FOLDER.glob("custgroups_*.ts")):
        only = ["-pluralonly"] if source == english else []
        subprocess.run([str(_TOOLS / "lupdate"), "-no-obsolete", *only, *sources,
                        "-ts", str(source)], check=True)
    english.write_text(english_plurals(english.read_text(encoding="utf-8")), encoding="utf-8")


def english_plurals(ts: str) -> str:
    """A ``.ts`` text whose plural messages have their English forms: the source with
    "(s)" left out, then with "s"."""
    root = ElementTree.fromstring(ts)
    for message in root.iter("message"):
        translation = message.find("translation")
        if message.get("numerus") != "yes" or translation is None:
            continue
        source = message.findtext("source", "")
        for form in list(translation):
            translation.remove(form)
        for ending in ("", "s"):
            ElementTree.SubElement(translation, "numerusform").text = source.replace(
                "(s)", ending)
        translation.attrib.pop("type", None)
    ElementTree.indent(root)
    return ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
            + ElementTree.tostring(root, encoding="unicode") + "\n")


def release() -> None:
    """Compile every ``.ts`` to the ``.qm`` beside it (for a build)."""
    for source in sorted(FOLDER.glob("custgroups_*.ts")):
        if not _release(source, source.with_suffix(".qm")):
            raise SystemExit(f"lrelease could not compile {source.name}")


if __name__ == "__main__":
    {"update": update, "release": release}[sys.argv[1]]()
