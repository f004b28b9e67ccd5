"""Plans, journals and quality gates of batch generation."""

from __future__ import annotations

import json

import pytest

from medchat.batch.dialogue import gate
from medchat.batch.journal import Journal
from medchat.batch.plan import dialogue_id, plan
from medchat.personas.loader import get_persona

MODELS = {"doctor": "m", "patient": "m", "backend": "local"}


@pytest.mark.parametrize(
    "change",
    [
        {"persona_id": "headache-44f"},
        {"variant": 1},
        {"seed": 8},
        {"models": {"doctor": "other", "patient": "m", "backend": "local"}},
        {"max_turns": 12},
    ],
)
def test_when_any_input_changes_then_dialogue_id_changes(change):
    base = {
        "persona_id": "chest-pain-58m",
        "variant": 0,
        "seed": 7,
        "models": MODELS,
        "max_turns": 20,
    }
    assert dialogue_id(**base) == dialogue_id(**base)
    assert dialogue_id(**base) != dialogue_id(**(base | change))


def test_when_planning_then_personas_and_variants_are_covered_round_robin():
    personas = [get_persona("chest-pain-58m"), get_persona("headache-44f")]
    items = plan(personas, variants=2, n=6, seed=100, models=MODELS, max_turns=10)
    assert [(i.persona_id, i.variant) for i in items[:4]] == [
        ("chest-pain-58m", 0),
        ("headache-44f", 0),
        ("chest-pain-58m", 1),
        ("headache-44f", 1),
    ]
    assert [i.seed for i in items] == list(range(100, 106))
    assert len({i.id for i in items}) == 6
    assert plan(personas, 2, 6, 100, MODELS, 10) == items


def test_when_journal_has_a_partial_last_line_then_reopening_drops_only_it(tmp_path):
    path = tmp_path / "d.jsonl"
    journal = Journal(path)
    journal.append({"id": "a", "x": 1})
    journal.append({"id": "b", "x": 2})
    journal.close()
    with path.open("a") as f:
        f.write('{"id": "c", "x"')  # killed mid-write
    again = Journal(path)
    assert again.ids == {"a", "b"}
    again.append({"id": "c", "x": 3})
    again.close()
    assert [json.loads(line)["id"] for line in path.read_text().splitlines()] == ["a", "b", "c"]


def _record(messages, errors=()):
    return {
        "messages": [{"role": r, "content": c} for r, c in messages],
        "metadata": {"errors": list(errors)},
    }


GOOD = [
    ("doctor", "Hello, what brings you in?"),
    ("patient", "My chest hurts."),
    ("doctor", "When did it start?"),
    ("patient", "Two hours ago."),
]


@pytest.mark.parametrize(
    ("messages", "errors", "reason"),
    [
        (GOOD, (), None),
        (GOOD, ("timeout",), "model_error:timeout"),
        (GOOD[:3], (), "too_short"),
        ([*GOOD, ("doctor", "   ")], (), "empty_turn"),
        ([*GOOD, ("doctor", "x" * 2001)], (), "turn_too_long"),
        ([*GOOD, ("doctor", "When did it  start?")], (), "repeated_doctor_turn"),
        ([*GOOD, ("patient", "I think it is a heart attack.")], (), "diagnosis_leakage"),
        ([*GOOD, ("examiner", "ECG: ST depression"), ("doctor", "Thank you.")], (), None),
    ],
)
def test_when_dialogue_is_gated_then_first_failing_gate_is_named(messages, errors, reason):
    assert gate(_record(messages, errors), get_persona("chest-pain-58m")) == reason


def test_when_format_is_unknown_then_error_lists_formats():
    from medchat.batch.formats import get_format
    from medchat.errors import MedChatError

    with pytest.raises(MedChatError, match="openai, parquet, sharegpt"):
        get_format("alpaca")
