"""The import graph of a package, and the rules its floors keep (used by test_layers)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Rule:
    """Modules under ``floor`` may not import anything under the ``forbidden`` prefixes."""

    floor: str
    forbidden: tuple[str, ...]
    why: str


def rules(package: str) -> tuple[Rule, ...]:
    """What each floor of ``package`` may not import (a prefix covers its submodules)."""
    p = package
    top = (f"{p}.app", f"{p}.cli", f"{p}.__main__")
    storage = ("peewee", "playhouse", "sqlite3", "psycopg2", f"{p}.core.db", f"{p}.core.models")
    return (
        Rule(f"{p}.core", ("PySide6", f"{p}.qt", f"{p}.ui", *top),
             "the data floor knows nothing of Qt, the widgets or the launchers"),
        Rule(f"{p}.qt", (f"{p}.ui", *top), "the glue serves the widgets, never the other way"),
        Rule(f"{p}.ui", (*storage, *top), "widgets call the data floor's functions, not its SQL"),
        Rule(f"{p}.cli", ("PySide6", f"{p}.qt", f"{p}.ui", f"{p}.app"),
             "the command line runs on the data floor alone"),
    )


def modules(root: Path, package: str) -> dict[str, Path]:
    """Every module of the package below ``root`` (the folder holding the package), by name."""
    found: dict[str, Path] = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imports(name: str, path: Path, known: dict[str, Path]) -> Iterator[str]:
    """What a module imports, anywhere in it (inside functions too), as absolute names.

    ``from pkg import sub`` counts as importing the module ``pkg.sub`` when there is one.
    """
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = name.split(".")
                parent = parent[: len(parent) - node.level + (1 if is_package else 0)]
                base = ".".join([*parent, base] if base else parent)
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                yield sub if sub in known else base


def violations(root: Path, package: str) -> list[str]:
    """Every import that breaks a floor's rule, and every circle of imports, in words."""
    known = modules(root, package)
    graph = {name: sorted({i for i in imports(name, path, known) if i != name})
             for name, path in known.items()}
    found: list[str] = []
    for rule in rules(package):
        for name, targets in graph.items():
            if name != rule.floor and not name.startswith(rule.floor + "."):
                continue
            for target in targets:
                if any(target == f or target.startswith(f + ".") for f in rule.forbidden):
                    found.append(f"{name} imports {target}: {rule.why}")
    found.extend(f"circular imports: {' -> '.join(circle)}" for circle in _circles(graph))
    return found


def _circles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Strongly connected groups of modules (Tarjan), each as a closed path of names."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in graph:
                continue
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group: list[str] = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                circles.append([*sorted(group), sorted(group)[0]])

    for node in graph:
        if node not in index:
            visit(node)
    return circles
