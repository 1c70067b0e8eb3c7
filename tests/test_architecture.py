"""docs/architecture.md's import rules hold: every import under src/tracker is parsed with ast."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "src" / "tracker"

BASE = {"errors", "models", "config"}
# module -> the tracker modules it may import (the table in docs/architecture.md)
MAY_IMPORT: dict[str, set[str]] = {
    "errors": set(),
    "models": {"errors"},
    "config": {"errors"},
    "lemmas": {"errors", "config"},
    "claimants": BASE | {"lemmas"},
    "extract": BASE | {"claimants", "lemmas"},
    "store": BASE | {"extract"},
    "aggregate": BASE | {"store", "extract", "claimants"},
    "ingest": BASE | {"extract", "store", "aggregate", "claimants"},
    "synth": {"errors", "models"},
    "evaluate": BASE | {"extract", "claimants"},
    "scale": BASE | {"extract", "store", "aggregate", "ingest", "synth", "claimants"},
    "dashboard": BASE | {"extract", "store", "aggregate", "ingest", "claimants"},
    "cli": BASE | {"extract", "store", "aggregate", "ingest", "synth", "evaluate", "scale",
                   "claimants", "tracker"},
    "tracker": {"extract", "ingest", "store", "claimants"},
    "__main__": {"cli"},
}


def module_of(path: Path) -> str:
    """The top-level module a file belongs to: ``store`` for store/*.py, ``config`` for
    config.py, ``tracker`` for the package's own __init__."""
    parts = path.relative_to(PACKAGE).parts
    if len(parts) > 1:
        return parts[0]
    return "tracker" if parts[0] == "__init__.py" else parts[0].removesuffix(".py")


def imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every absolute import in the file, inside functions too."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
            # `from tracker import extract` names a module too
            if node.module == "tracker":
                found += [(node.lineno, f"tracker.{a.name}") for a in node.names]
    return found


def tracker_imports() -> list[tuple[str, str, str]]:
    """(file:line, importing module, imported tracker module) over the whole package."""
    rows = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = module_of(path)
        for line, name in imports(path):
            parts = name.split(".")
            if parts[0] != "tracker" or len(parts) < 2:
                continue
            target = parts[1]
            if target != source:
                rows.append((f"{path.relative_to(REPO)}:{line}", source, target))
    return rows


def test_every_module_has_a_rule() -> None:
    modules = {module_of(p) for p in PACKAGE.rglob("*.py")}
    unknown = modules - set(MAY_IMPORT)
    assert not unknown, f"add a row to docs/architecture.md (and MAY_IMPORT) for {unknown}"


def test_imports_follow_the_rules() -> None:
    broken = [f"{where}: {source} imports {target}" for where, source, target in tracker_imports()
              if target in MAY_IMPORT and target not in MAY_IMPORT[source]]
    assert broken == []


@pytest.mark.parametrize("entry", ["cli", "dashboard"])
def test_nothing_imports_the_entry_points(entry: str) -> None:
    users = {source for _, source, target in tracker_imports() if target == entry}
    assert users <= {"__main__"} if entry == "cli" else users == set()


def test_the_rules_are_the_documented_ones() -> None:
    doc = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    for module, allowed in MAY_IMPORT.items():
        if module in ("cli", "tracker", "__main__"):
            continue
        row = next(line for line in doc.splitlines() if line.startswith(f"| `{module}` |"))
        listed = set(row.split("|")[2].replace("`", "").split("(")[0].replace(" ", "").split(","))
        assert listed - {"—"} == allowed, module


def test_no_private_names_from_third_party_packages() -> None:
    private = []
    for path in [*sorted(PACKAGE.rglob("*.py")), REPO / "dashboard.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module \
                    and not node.module.startswith("tracker"):
                names = [node.module, *(a.name for a in node.names)]
                if any(part.startswith("_") and part != "__future__"
                       for name in names for part in name.split(".")):
                    private.append(f"{path.relative_to(REPO)}:{node.lineno} {node.module}")
    assert private == []


def test_dashboard_py_is_a_thin_entry() -> None:
    code = [line for line in (REPO / "dashboard.py").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith(('"""', "``", "#"))]
    assert len(code) <= 4, code
    assert "from tracker.dashboard.app import main" in code
