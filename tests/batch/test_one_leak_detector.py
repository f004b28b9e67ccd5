"""The live safety filter and the batch leakage gate share one diagnosis-leak detector, so a
patient line is a leak for both or for neither (plurals count; short acronyms only in capitals)."""

from __future__ import annotations

import pytest

from medchat.batch.gates import failures, reason_class
from medchat.personas.loader import get_persona
from safety.policy.filter import OutputContext, SafetyFilter

ROWS = [
    ("migraine", "I get migraines most weeks.", True),
    ("MS", "Ms Smith at the pharmacy told me to come.", False),
    ("MS", "My aunt has MS too.", True),
    ("myasthenia gravis", "Could it be Myasthenia-gravis?", True),
    ("heart attack", "I get heartburn after meals.", False),
]


@pytest.fixture(scope="module")
def rules_filter() -> SafetyFilter:
    return SafetyFilter(classifier=False)


def _live_blocks(safety_filter: SafetyFilter, diagnosis: str, line: str) -> bool:
    context = OutputContext(speaker="patient", hidden_diagnosis=diagnosis)
    verdict = safety_filter.check_output(line, "selfplay", context)
    return verdict.category == "diagnosis_leakage"


def _batch_rejects(diagnosis: str, line: str) -> bool:
    base = get_persona("chest-pain-58m")
    persona = base.model_copy(
        update={"diagnosis": base.diagnosis.model_copy(update={"name": diagnosis, "synonyms": []})}
    )
    turns = [
        ("doctor", "Hello, what brings you in today?"),
        ("patient", line),
        ("doctor", "SUMMARY: see notes."),
    ]
    record = {
        "messages": [{"role": r, "content": c} for r, c in turns],
        "metadata": {"errors": [], "turns": [{} for _ in turns]},
    }
    return "diagnosis_leakage" in {reason_class(r) for r in failures(record, persona)}


@pytest.mark.parametrize(("diagnosis", "line", "leaks"), ROWS)
def test_when_a_patient_line_is_checked_then_live_filter_and_batch_gate_agree(
    rules_filter, diagnosis, line, leaks
):
    assert (_live_blocks(rules_filter, diagnosis, line), _batch_rejects(diagnosis, line)) == (
        leaks,
        leaks,
    )
