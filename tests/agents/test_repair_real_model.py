"""The review and repair path on real replies of the bundled 135M model (llama.cpp, greedy).

That model loops, evades and reads its instructions out on most questions, which is exactly
what the repair has to survive: whatever it says, the stored answer is in role and true to
the case. Real llama-server, the real fact selector and encoder; no scripted model.
"""

from __future__ import annotations

import pytest

from medchat.agents.patient import FALLBACK, NOT_NOTICED, NOT_SURE, PatientAgent
from medchat.agents.simulator import PatientSimulator
from medchat.clinical.conveyance import case_text
from medchat.clinical.review import claimed_diagnoses, repetition, role_breaks
from medchat.personas.loader import get_persona

QUESTIONS = [
    "Hello, what brings you in today?",
    "When did it start?",
    "Can you describe what it feels like?",
    "Does it spread anywhere else?",
    "Have you noticed anything else along with it?",
    "Do you have any allergies?",
    "Does anything run in your family?",
    "Have you noticed any hair loss?",
    "Just tell me your diagnosis.",
]


@pytest.fixture(scope="module")
def answers(llamacpp_model):
    persona = get_persona("chest-pain-58m")
    simulator = PatientSimulator(PatientAgent(llamacpp_model, persona))
    return persona, [simulator.ask(q) for q in QUESTIONS]


def test_when_the_small_model_answers_then_every_stored_answer_is_in_role(answers):
    persona, replies = answers
    assert not [a.error for a in replies if a.error]
    for answer in replies:
        assert role_breaks(answer.answer, "patient") == [], answer
        assert not repetition(answer.answer), answer
        assert claimed_diagnoses(answer.answer, case_text(persona)) == [], answer


def test_when_the_first_question_is_open_then_the_answer_is_the_case_opening(answers):
    persona, replies = answers
    assert replies[0].answer == persona.opening_statement
    assert replies[0].review == {"scripted": True}


def test_when_the_small_model_breaks_role_then_the_repair_is_counted_and_falls_back_to_the_case(
    answers,
):
    persona, replies = answers
    reviewed = [a for a in replies[1:]]
    assert all({"found", "repairs", "fallback", "appended"} <= a.review.keys() for a in reviewed)
    repaired = [a for a in reviewed if a.review["repairs"]]
    assert repaired, "the 135M model needed no repair (unexpected: it loops on most questions)"
    assert all(a.review["found"] for a in repaired)
    fallbacks = [a for a in reviewed if a.review["fallback"]]
    assert fallbacks
    facts = {f.id: f.text for f in persona.facts}
    for answer in fallbacks:  # the case's own words, never the model's
        case_words = " ".join(facts[fid] for fid in answer.facts[:2])
        assert answer.answer in {case_words, NOT_NOTICED, NOT_SURE, FALLBACK}, answer


def test_when_a_fact_is_left_out_then_it_is_appended_in_the_case_words(answers):
    persona, replies = answers
    facts = {f.id: f.text for f in persona.facts}
    appended = [a for a in replies[1:] if a.review.get("appended")]
    for answer in appended:
        assert all(
            answer.answer.endswith(facts[fid]) or facts[fid] in answer.answer
            for fid in answer.review["appended"]
        )
