"""The UI and the patient API are two doors over the application layer: each imports
`medchat.service`, its own modules and the shared kernel (settings, errors, plain data types,
logging), never the dialogue engine, the store, the models, batch or evaluation directly. The
app (`ui/app.py`) may import `medchat.api.build`, to serve the API's routes on its port.

The clinical vocabulary (`medchat.clinical`: encoder, question rules, exam names, conveyance,
leakage, review) sits below the agents, so evaluation and batch import `medchat.agents` only in
the modules that run or measure an agent, and `medchat.clinical` imports none of the layers
that use it."""

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


# evaluation/batch modules that use an agent itself (not just its vocabulary), and why
USES_AGENTS = {
    "medchat/evaluation/fidelity.py": "runs the PatientAgent through the PatientSimulator",
    "medchat/evaluation/doctor_api.py": "benchmarks the DoctorAgent",
    "medchat/evaluation/scorer_eval.py": "answers examiner requests with the real Examiner",
    "medchat/evaluation/selection.py": "measures the patient's FactSelector",
    "medchat/evaluation/checklist_match.py": "reuses the patient's FactSelector for history items",
    "medchat/batch/plan.py": "records the doctor and patient prompt versions",
    "medchat/batch/formats.py": "exports rows with the doctor's system prompt",
}
CLINICAL_FORBIDDEN = (
    "medchat.agents",
    "medchat.dialogue",
    "medchat.evaluation",
    "medchat.batch",
    "medchat.ui",
    "medchat.service",
    "medchat.api",
)


def test_when_evaluation_and_batch_are_read_then_only_agent_users_import_the_agents():
    offending = [
        f"{path.relative_to(REPO)}:{line}: {module}"
        for package in ("evaluation", "batch")
        for path in sorted((REPO / "medchat" / package).rglob("*.py"))
        for line, module in medchat_imports(path.read_text())
        if _allowed(module, ("medchat.agents",))
        and path.relative_to(REPO).as_posix() not in USES_AGENTS
    ]
    assert offending == []


def test_when_the_allow_list_is_read_then_every_listed_module_still_imports_an_agent():
    stale = [
        name
        for name in USES_AGENTS
        if not any(
            _allowed(module, ("medchat.agents",))
            for _, module in medchat_imports((REPO / name).read_text())
        )
    ]
    assert stale == []


def test_when_the_clinical_package_is_read_then_it_imports_none_of_the_layers_that_use_it():
    offending = [
        f"{path.relative_to(REPO)}:{line}: {module}"
        for path in sorted((REPO / "medchat" / "clinical").rglob("*.py"))
        for line, module in medchat_imports(path.read_text())
        if _allowed(module, CLINICAL_FORBIDDEN) or module == "medchat"
    ]
    assert offending == []
