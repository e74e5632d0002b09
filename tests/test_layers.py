"""Dependencies point one way:
safe_files <- core <- storage <- analysis <- service <- report <- ui.

Checked on the source (imports anywhere in a module, including inside functions),
so a lazy import cannot sneak Qt into analysis or SQL into a widget.
"""

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "sciajournal"

FORBIDDEN = {
    # The atomic file writer sits below everything: it imports nothing of SciaJournal.
    "safe_files": (
        "PySide6",
        "pyqtgraph",
        "sqlalchemy",
        "alembic",
        "sqlite3",
        "sciajournal",
    ),
    "core": (
        "PySide6",
        "pyqtgraph",
        "sqlalchemy",
        "alembic",
        "sciajournal.storage",
        "sciajournal.analysis",
        "sciajournal.report",
        "sciajournal.ui",
        "sciajournal.exchange",
    ),
    "analysis": (
        "PySide6",
        "pyqtgraph",
        "sqlalchemy",
        "alembic",
        "sqlite3",
        "sciajournal.storage",
        "sciajournal.report",
        "sciajournal.ui",
        "sciajournal.exchange",
    ),
    "storage": (
        "PySide6",
        "pyqtgraph",
        "sciajournal.analysis",
        "sciajournal.report",
        "sciajournal.ui",
        "sciajournal.exchange",
    ),
    "service": (
        "PySide6",
        "pyqtgraph",
        "sciajournal.report",
        "sciajournal.ui",
        "sciajournal.exchange",
    ),
    "exchange": ("PySide6", "pyqtgraph", "sciajournal.ui", "sciajournal.report"),
    # The FHIR export writes plain dicts: fhir.resources (and its pydantic) are for tests only.
    "exchange/fhir": (
        "PySide6",
        "pyqtgraph",
        "sciajournal.ui",
        "sciajournal.report",
        "fhir",
        "fhir_core",
        "pydantic",
    ),
    "report": (
        "PySide6.QtWidgets",
        "pyqtgraph",
        "sqlalchemy",
        "sqlite3",
        "alembic",
        "sciajournal.ui",
    ),
    "ui": ("sqlalchemy", "sqlite3", "alembic"),
}


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_does_not_import_what_sits_above_it(layer):
    module = PACKAGE / f"{layer}.py"
    files = [module] if module.is_file() else sorted((PACKAGE / layer).rglob("*.py"))
    assert files or layer in {"ui"}, f"no modules in {layer}"
    offences = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in files
        for name in imported_modules(path)
        if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN[layer])
    ]
    assert offences == []


def test_the_checker_sees_imports():
    source = PACKAGE / "app.py"
    assert "PySide6.QtWidgets" in imported_modules(source)


def test_the_window_starts_without_importing_the_report():
    """The report (and its Qt PDF machinery) is loaded only when a summary is asked for."""
    code = (
        "import sys; import sciajournal.ui.main_window; "
        "print(sorted(m for m in sys.modules if m.startswith('sciajournal.report')))"
    )
    env = {**os.environ, "PYTHONPATH": str(PACKAGE.parent), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.strip() == "[]"
