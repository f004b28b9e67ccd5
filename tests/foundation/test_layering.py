"""The UI and the patient API are two doors over the application layer: each imports
`medchat.service`, its own modules and the shared kernel (settings, errors, plain data types,
logging), never the dialogue engine, the store, the models, batch or evaluation directly. The
app (`ui/app.py`) may import `medchat.api.build`, to serve the API's routes on its port."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
KERNEL = ("medchat.config", "medchat.errors", "medchat.types", "medchat.log")
ALLOWED = ("medchat.service", "medchat.ui", *KERNEL)
API_ALLOWED = ("medchat.service", "medchat.api", *KERNEL)
MOUNTS_API = "medchat.api.build"  # ui/app.py serves the patient API on the app's port


def medchat_imports(source: str) -> list[tuple[int, str]]:
    """(line, module) for every import of a `medchat` module, at any depth of the file."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found += [(node.lineno, n) for n in names if n == "medchat" or n.startswith("medchat.")]
    return found


def _allowed(module: str, allowed: tuple[str, ...] = ALLOWED) -> bool:
    return any(module == a or module.startswith(a + ".") for a in allowed)


@pytest.mark.parametrize(
    ("source", "bad"),
    [
        ("from medchat.service.sessions import SessionService", []),
        ("def f():\n    from medchat.store import connect", ["medchat.store"]),
        ("import medchat.dialogue.engine", ["medchat.dialogue.engine"]),
        ("from medchat.types import Mode\nfrom medchat.ui import render", []),
    ],
)
def test_when_imports_are_checked_then_only_layer_violations_are_reported(source, bad):
    assert [m for _, m in medchat_imports(source) if not _allowed(m)] == bad


def test_when_the_ui_package_is_read_then_it_imports_only_the_application_layer():
    offending = [
        f"{path.relative_to(REPO)}:{line}: {module}"
        for path in sorted((REPO / "medchat" / "ui").rglob("*.py"))
        for line, module in medchat_imports(path.read_text())
        if not _allowed(module) and not (path.name == "app.py" and module == MOUNTS_API)
    ]
    assert offending == []


def test_when_the_api_package_is_read_then_it_imports_only_the_application_layer():
    offending = [
        f"{path.relative_to(REPO)}:{line}: {module}"
        for path in sorted((REPO / "medchat" / "api").rglob("*.py"))
        for line, module in medchat_imports(path.read_text())
        if not _allowed(module, API_ALLOWED)
    ]
    assert offending == []
