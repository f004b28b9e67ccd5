"""Only `medchat/config.py` reads or writes the environment: every knob is a documented
`MEDCHAT_*` setting, and the `safety` package gets its values as parameters. (Tests may set the
environment, for their subprocesses.)"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ALLOWED = REPO / "medchat" / "config.py"
ENV_NAMES = {"environ", "environb", "getenv", "getenvb", "putenv", "unsetenv"}
SOURCES = sorted(
    [
        *(REPO / "medchat").rglob("*.py"),
        *(REPO / "safety").rglob("*.py"),
        *(REPO / "benchmarks").rglob("*.py"),
        REPO / "app.py",
    ]
)


def _touches(node: ast.AST) -> bool:
    if isinstance(node, ast.Attribute):
        return node.attr in ENV_NAMES and isinstance(node.value, ast.Name) and node.value.id == "os"
    if isinstance(node, ast.ImportFrom):
        return node.module == "os" and any(alias.name in ENV_NAMES for alias in node.names)
    return False


def environment_uses(source: str) -> list[int]:
    """Lines that touch the environment: `os.environ`, `os.getenv` & co, or those names
    imported from `os`."""
    return sorted(node.lineno for node in ast.walk(ast.parse(source)) if _touches(node))


@pytest.mark.parametrize(
    ("source", "lines"),
    [
        ("import os\nx = os.environ.get('A')\n", [2]),
        ("import os\nos.environ['A'] = '1'\n", [2]),
        ("import os\nos.getenv('A')\n", [2]),
        ("from os import environ\n", [1]),
        ("from os import getenv as g\n", [1]),
        ("import os\nos.cpu_count()\n", []),
    ],
)
def test_when_a_source_touches_the_environment_then_the_scan_finds_the_line(source, lines):
    assert environment_uses(source) == lines


def test_when_scanning_the_sources_then_only_medchat_config_touches_the_environment():
    assert ALLOWED in SOURCES
    offenders = {
        str(path.relative_to(REPO)): found
        for path in SOURCES
        if path != ALLOWED and (found := environment_uses(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}
