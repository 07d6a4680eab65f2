"""Sentences of the data floor: their English, and a scan that every message the data floor
hands a clerk is a translatable ``tr("…", name=value)``, its placeholders all filled."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
import string
from collections.abc import Iterator, Mapping
from datetime import datetime
from pathlib import Path

import custgroups.core
from custgroups.core.errors import (
    Cancelled,
    ConflictError,
    CustgroupsError,
    DatabaseError,
    DuplicateNameError,
    GroupInactiveError,
    InactiveCustomersError,
    WouldEmptyGroupError,
    english,
    tr,
)

CORE = Path(custgroups.core.__file__).parent

# --- english ------------------------------------------------------------------------------


def test_english_writes_numbers_with_thousands_separators() -> None:
    assert english(12345) == "12,345"
    assert english(7) == "7"
    assert english(-1234567) == "-1,234,567"
    assert english(True) == "True"  # a truth is no number
    assert english("12345") == "12345"  # words (codes, row labels) stay as they are


def test_english_writes_times_to_the_minute() -> None:
    assert english(datetime(2026, 11, 28, 10, 33, 59)) == "2026-11-28 10:33 UTC"


def test_english_words_nested_sentences_and_lists_of_them() -> None:
    inner = tr("{count} rows", count=2500)
    lines = [tr("Row {row}: {problem}", row="5", problem=tr("Name is missing.")),
             tr("… and {count} more.", count=1200)]
    sentence = tr("{file}: {reason}\n{problems}", file="a.csv", reason=inner, problems=lines)
    assert str(sentence) == "a.csv: 2,500 rows\nRow 5: Name is missing.\n… and 1,200 more."
    assert english(lines) == "Row 5: Name is missing.\n… and 1,200 more."


def test_an_error_carries_its_sentence_and_says_it_in_english() -> None:
    error = DatabaseError(tr("The disk holding {folder} is full ({count} bytes left).",
                             folder="/srv", count=1024))
    assert error.sentence.values == {"folder": "/srv", "count": 1024}
    assert error.message == str(error) == "The disk holding /srv is full (1,024 bytes left)."


def test_a_long_list_of_codes_is_cut_and_counted() -> None:
    codes = [f"C{n:05d}" for n in range(1, 26)]
    error = InactiveCustomersError(codes)
    assert error.sentence.values["count"] == 25
    assert str(error) == ("Inactive customers cannot be added to a group (25 in all): "
                          + ", ".join(codes[:10]) + ". Remove them, then save again.")


# --- the scan -----------------------------------------------------------------------------

#: Names of the errors that tell a clerk something; a class that is not one of ours is not.
ERROR_NAME = re.compile(r".*Error$|FileRefused$|ImportProblems$|Cancelled$")


def _error_classes() -> Iterator[type[CustgroupsError]]:
    for module in pkgutil.walk_packages(custgroups.core.__path__, "custgroups.core."):
        importlib.import_module(module.name)
    found: list[type[CustgroupsError]] = [CustgroupsError]
    while found:
        cls = found.pop()
        yield cls
        found.extend(cls.__subclasses__())


def message_arguments() -> dict[str, tuple[int, str]]:
    """Each of our errors by name: (position, name) of the argument that is its message
    (``self`` not counted); an error that words its own message has none."""
    found: dict[str, tuple[int, str]] = {}
    for cls in _error_classes():
        parameters = list(inspect.signature(cls.__init__).parameters.values())[1:]
        for position, parameter in enumerate(parameters):
            if "Sentence" in str(parameter.annotation):
                found[cls.__name__] = (position, parameter.name)
                break
    return found


def _called(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _worded_in_code(node: ast.expr) -> bool:
    """True for text put together in code: a literal, an f-string, ``.format``, ``%``, ``+``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return True
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
            and node.func.attr == "format":
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mod, ast.Add)):
        return _worded_in_code(node.left) or _worded_in_code(node.right)
    if isinstance(node, (ast.List, ast.Tuple)):
        return any(_worded_in_code(item) for item in node.elts)
    return False


def _placeholders(text: str) -> set[str]:
    names = set()
    for _literal, name, _spec, _conversion in string.Formatter().parse(text):
        if name is not None:
            names.add(re.split(r"[.\[]", name, maxsplit=1)[0])
    return names


def _message(call: ast.Call, position: int, name: str) -> ast.expr | None:
    if len(call.args) > position and not any(isinstance(a, ast.Starred) for a in call.args):
        return call.args[position]
    return next((k.value for k in call.keywords if k.arg == name), None)


def _bases(tree: ast.AST) -> dict[int, str]:
    """Each ``super().__init__(…)`` call inside a class, by its id: the class's first base."""
    found: dict[int, str] = {}
    for cls in ast.walk(tree):
        if isinstance(cls, ast.ClassDef) and cls.bases and isinstance(cls.bases[0], ast.Name):
            for node in ast.walk(cls):
                if isinstance(node, ast.Call) and _called(node) == "__init__" \
                        and isinstance(node.func, ast.Attribute) \
                        and isinstance(node.func.value, ast.Call) \
                        and _called(node.func.value) == "super":
                    found[id(node)] = cls.bases[0].id
    return found


def sentence_problems(source: str, where: str,
                      messages: Mapping[str, tuple[int, str]]) -> list[str]:
    """What keeps the messages in ``source`` from being translated: an error given text
    put together in code, or a ``tr`` whose text is no literal or whose placeholders differ
    from the values given. ``messages`` is :func:`message_arguments`."""
    tree = ast.parse(source)
    bases = _bases(tree)
    problems = []
    for call in sorted((node for node in ast.walk(tree) if isinstance(node, ast.Call)),
                       key=lambda node: (node.lineno, node.col_offset)):
        name = bases.get(id(call)) or _called(call)
        at = f"{where}:{call.lineno}"
        if name == "tr":
            text = call.args[0] if call.args else None
            if not (isinstance(text, ast.Constant) and isinstance(text.value, str)):
                problems.append(f"{at}: tr() without a literal text")
                continue
            if any(k.arg is None for k in call.keywords):
                continue  # **values: not to be checked here
            wanted, given = _placeholders(text.value), {str(k.arg) for k in call.keywords}
            if wanted != given or len(call.args) > 1:
                problems.append(f"{at}: tr({text.value[:40]!r}…) fills {sorted(given)}, its "
                                f"text has {sorted(wanted)}")
        elif name is not None and ERROR_NAME.match(name) and name in messages:
            message = _message(call, *messages[name])
            if message is not None and _worded_in_code(message):
                problems.append(f"{at}: {name} is given text worded in code, not tr(…)")
    return problems


def test_the_data_floor_hands_clerks_only_translatable_sentences() -> None:
    messages = message_arguments()
    assert {"ValidationError", "DatabaseError", "NotFoundError", "FileRefused",
            "ImportProblems", "Cancelled", "SchemaTooNewError"} <= set(messages)
    problems = []
    calls = 0
    for path in sorted(CORE.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        calls += sum(1 for node in ast.walk(ast.parse(source))
                     if isinstance(node, ast.Call) and _called(node) == "tr")
        problems += sentence_problems(source, str(path.relative_to(CORE.parent.parent)),
                                      messages)
    assert problems == []
    assert calls > 150  # the scan saw the sentences


def test_the_scan_finds_text_worded_in_code() -> None:
    wrong = '''
class Refusal(ValidationError):
    def __init__(self, path):
        super().__init__("file", f"{path} is refused.")

def check(path, count, text):
    raise ValidationError("file", "The file is missing.")
    raise DatabaseError(f"{path} cannot be opened.")
    raise NotFoundError("No group {code}.".format(code=count))
    raise DatabaseError("Gone: " + path)
    raise FileRefused(path, "the file is empty.")
    raise ImportProblems(path, ["Row 1: bad", tr("Row {row}", row="2")])
    raise ValidationError("file", sentence="Folder %s is gone." % path)
    raise Cancelled("Stopped.")
    tr(f"{path} is gone.")
    tr(text)
    tr("{path} is {what}.", path=path)
    tr("{path} is gone.", path=path, count=count)
    tr("{count} rows.", count)
'''
    messages = {"ValidationError": (1, "sentence"), "DatabaseError": (0, "sentence"),
                "NotFoundError": (0, "sentence"), "FileRefused": (1, "reason"),
                "ImportProblems": (1, "problems"), "Cancelled": (0, "sentence")}
    found = sentence_problems(wrong, "wrong.py", messages)
    assert [int(line.split(":")[1]) for line in found] == [4, *range(7, 20)], found

    right = '''
class Refusal(ValidationError):
    def __init__(self, path):
        super().__init__("file", tr("{file} is refused.", file=path.name))

def check(path, count, reason, values):
    raise ValidationError("file", tr("The file is missing."))
    raise DatabaseError(tr("{path} cannot be opened ({count} in all).", path=path, count=count))
    raise FileRefused(path, reason)
    raise ImportProblems(path, [tr("Row {row}: bad", row="1")])
    raise Cancelled()
    raise ValueError(f"{path} is no number")  # a programming error, for programmers
    tr("{path} is {what}.", **values)
'''
    assert sentence_problems(right, "right.py", messages) == []


def test_the_errors_that_word_themselves_read_in_english() -> None:
    at = datetime(2026, 11, 28, 10, 33)
    assert [str(error) for error in (
        DuplicateNameError("North", "CG-000001"),
        GroupInactiveError("CG-000002"),
        GroupInactiveError(),
        WouldEmptyGroupError("CG-000003", 1),
        ConflictError("CG-000004", "bob", at, 7),
        Cancelled(),
    )] == [
        "A group named 'North' already exists (CG-000001).",
        "Group CG-000002 is inactive: activate it before adding customers.",
        "This group is inactive: activate it before adding customers.",
        "The list would remove every member of CG-000003 (1 in all) and add nobody, so "
        "nothing was changed. If that is what you want, confirm it explicitly.",
        "Group CG-000004 was changed by bob at 2026-11-28 10:33 UTC after you started "
        "editing it. Reload it to see their changes; nothing of theirs was overwritten.",
        "Cancelled: nothing was changed.",
    ]
    assert ConflictError("CG-000004", "bob", at, 7).sentence.values["time"] == at
