"""The `safety` imported is ours (PyPI has another), and it stays a leaf package."""

from __future__ import annotations

import ast
from pathlib import Path

import safety

REPO = Path(__file__).resolve().parents[2]


def test_when_importing_safety_then_it_is_the_repo_package():
    assert Path(safety.__file__).resolve().parent == REPO / "safety"


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_when_scanning_safety_sources_then_none_imports_medchat():
    offenders = [
        str(p.relative_to(REPO))
        for p in (REPO / "safety").rglob("*.py")
        if any(m == "medchat" or m.startswith("medchat.") for m in _imported_modules(p))
    ]
    assert offenders == []


def test_when_scanning_tests_then_none_reads_the_shared_folder():
    forbidden = ("/".join(("", "work", "shared")), "/".join(("..", "shared")))
    for path in Path(__file__).parent.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not any(f in text for f in forbidden), path.name
