"""A fact filed under another category still answers the question its words answer: imported
cases file "high blood pressure, managed with enalapril" under past history and "painkillers
barely helped" under associated symptoms. Facts and questions here are written for this test."""

from __future__ import annotations

import pytest

from medchat.agents.grounding import FactSelector, filed_as
from medchat.personas.loader import get_persona
from medchat.personas.schema import Fact, FactCategory

C = FactCategory
FACTS = [
    Fact(id="bp", text="I've had high blood pressure for years, treated with amlodipine.",
         category=C.PAST_HISTORY),
    Fact(id="eased", text="Ibuprofen eased it a bit but it came back.", category=C.HPC_ASSOCIATED),
    Fact(id="gout", text="I had gout in my big toe last year.", category=C.PAST_HISTORY),
    Fact(id="rash", text="There's a red rash on my shin.", category=C.HPC_ASSOCIATED),
]  # fmt: skip


@pytest.fixture(scope="module")
def case():
    return get_persona("back-pain-47m").model_copy(update={"facts": FACTS})


def test_when_a_fact_states_a_medicine_or_what_eased_it_then_it_is_filed_there_too():
    assert filed_as(FACTS[0]) == {C.PAST_HISTORY, C.MEDICATIONS}
    assert filed_as(FACTS[1]) == {C.HPC_ASSOCIATED, C.HPC_EXACERBATING_RELIEVING}
    assert filed_as(FACTS[2]) == {C.PAST_HISTORY}
    assert filed_as(FACTS[3]) == {C.HPC_ASSOCIATED}


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What do you take for the blood pressure?", "bp"),
        ("Are you on any regular medication?", "bp"),
        ("Has anything helped so far?", "eased"),
        ("Any long-term health conditions?", "bp"),
    ],
)
def test_when_asked_what_the_fact_answers_then_it_is_picked(case, question, expected):
    assert expected in [f.id for f in FactSelector().select(case, question)]


def test_when_asked_about_allergies_then_neither_is_picked(case):
    assert FactSelector().select(case, "Any allergies to medicines?") == []
