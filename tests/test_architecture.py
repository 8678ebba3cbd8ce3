"""Imports point one way: pages -> ui, charts, models; charts -> models; models -> numpy only."""

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _imports(package: str) -> list[tuple[str, str]]:
    found = []
    for path in (ROOT / "playground" / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                found += [(path.name, alias.name.split(".")[0]) for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                found += [(path.name, node.module)]
    return found


@pytest.mark.parametrize(
    ("package", "allowed"),
    [
        (
            "models",
            lambda m: m.split(".")[0] in {"numpy", *sys.stdlib_module_names} or m.startswith("playground.models"),
        ),
        ("charts", lambda m: not m.startswith(("streamlit", "playground.ui"))),
        ("content", lambda m: not m.startswith(("streamlit", "plotly", "numpy"))),
    ],
)
def test_packages_import_only_what_they_may(package, allowed):
    bad = [(f, m) for f, m in _imports(package) if not allowed(m)]
    assert not bad


def test_the_architecture_check_sees_imports():
    assert ("linear.py", "numpy") in _imports("models")
