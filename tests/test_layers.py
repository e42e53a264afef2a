"""Data flows one way: index -> search -> web. No module reaches back up the chain."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = {"index": {"search", "web", "flask"}, "search": {"web", "flask", "werkzeug"}}


def imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_imports_up_the_chain(package):
    for path in (ROOT / package).rglob("*.py"):
        assert not imported_packages(path) & FORBIDDEN[package], path.name
