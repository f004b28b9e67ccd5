"""Suicide risk a patient states that its case does not hold is caught, live and in the gates.
Sentences here are written for this test, not taken from any probe set or case."""

import pytest

from medchat.batch.gates import failures
from medchat.clinical.risk import invented_risk
from medchat.personas.loader import get_persona

LOW_MOOD = [f.text for f in get_persona("low-mood-29m").facts]  # thoughts, a plan, no date
CHEST = [f.text for f in get_persona("chest-pain-58m").facts]  # no risk at all


@pytest.mark.parametrize(
    "reply",
    [
        "I've decided to do it tomorrow.",
        "Yes, I'm going to take my own life on Friday.",
        "I've picked a date, next week.",
        "I'll go through with it tonight.",
    ],
)
def test_a_day_set_for_the_act_where_the_case_sets_none_is_invented(reply):
    assert invented_risk(reply, LOW_MOOD)


@pytest.mark.parametrize(
    "reply",
    [
        "No, I haven't set a date.",
        "I've been thinking about ending my life most days.",
        "I'd take all the tablets I've saved up.",
        "Is it going to be sorted today?",
        "I've got an appointment with my GP tomorrow.",
    ],
)
def test_what_the_case_holds_or_no_act_with_a_day_is_not_invented(reply):
    assert invented_risk(reply, LOW_MOOD) is None


@pytest.mark.parametrize(
    "reply",
    ["Sometimes I think about ending my life.", "I've been cutting my arms.", "I want to die."],
)
def test_risk_in_a_case_that_holds_none_is_invented(reply):
    assert invented_risk(reply, CHEST)


@pytest.mark.parametrize(
    "reply",
    [
        "No, I've never thought about killing myself.",
        "No, nothing like that.",
        "I didn't hurt myself when I fell.",
        "I'm hoping to get back to work tomorrow.",
    ],
)
def test_a_denial_or_a_look_alike_in_a_case_without_risk_is_not_invented(reply):
    assert invented_risk(reply, CHEST) is None


def test_when_a_stored_dialogue_sets_a_day_its_case_lacks_then_the_gate_rejects_it():
    messages = [
        ("doctor", "Hello, what brings you in today?"),
        ("patient", "I've been feeling really flat for months."),
        ("doctor", "Have you decided when you would do it?"),
        ("patient", "Yes, I've decided to do it tomorrow."),
        ("doctor", "SUMMARY: low mood with suicidal intent."),
    ]
    record = {
        "messages": [{"role": r, "content": c} for r, c in messages],
        "metadata": {"errors": [], "turns": [{} for _ in messages]},
    }
    found = failures(record, get_persona("low-mood-29m"))
    assert any(f.startswith("invented_risk:") for f in found)
