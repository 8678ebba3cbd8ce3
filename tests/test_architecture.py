"""Imports point one way: pages -> ui, charts, content, models; charts -> models; models -> numpy only.

The shared pure-Python modules (link rules, declarations, number formats, quoting) import no library at
all; ui draws but never computes (no models, no charts); pages never build Plotly objects; the
scripts stand on their own (no test helpers); reading an uploaded table needs pandas and nothing that draws.
"""

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _imports(package: str) -> list[tuple[str, str]]:
    """(file, imported module) for every import under ``playground/<package>``, or a top-level folder."""
    found = []
    module = ROOT / "playground" / f"{package}.py"
    folder = ROOT / "playground" / package if (ROOT / "playground" / package).exists() else ROOT / package
    paths = [module] if module.exists() else sorted(folder.rglob("*.py"))
    assert paths, f"nothing to check for {package}"
    for path in paths:
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
        ("ui", lambda m: not m.startswith(("playground.models", "playground.charts"))),
        *(
            (module, lambda m: m.split(".")[0] in {*sys.stdlib_module_names, "playground"})
            for module in ("link", "declare", "format", "quote", "terms")
        ),
        (
            "tables",
            lambda m: (
                m.split(".")[0] in {"numpy", "pandas", *sys.stdlib_module_names}
                or m.startswith(("playground.models", "playground.format", "playground.quote"))
            ),
        ),
        ("app_pages", lambda m: not m.startswith("plotly")),
        ("scripts", lambda m: not m.startswith("tests")),
    ],
)
def test_packages_import_only_what_they_may(package, allowed):
    bad = [(f, m) for f, m in _imports(package) if not allowed(m)]
    assert not bad


def test_the_architecture_check_sees_imports():
    assert ("linear.py", "numpy") in _imports("models")
    assert ("bench.py", "scripts.apptest") in _imports("scripts")
    assert ("declare.py", "playground") in _imports("declare")
    assert ("tables.py", "pandas") in _imports("tables")
    assert ("gradient_descent.py", "streamlit") in _imports("app_pages")
