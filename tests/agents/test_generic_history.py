"""A past-history question that names nothing in particular takes the case's past history."""

from __future__ import annotations

import pytest

from medchat.agents.grounding import FactSelector
from medchat.clinical.questions import ANY, question_categories
from medchat.personas.loader import get_persona
from medchat.personas.schema import FactCategory


@pytest.fixture(scope="module")
def selector():
    return FactSelector()


@pytest.mark.parametrize(
    "question",
    [
        "What is your past history?",  # the default model's own wording in self-play
        "What are your past medical history?",
        "Any other medical problems?",
        "Have you had any serious illnesses before?",
    ],
)
def test_when_a_past_history_question_is_generic_then_every_history_fact_may_answer(
    selector, question
):
    assert question_categories(question)[FactCategory.PAST_HISTORY] == ANY
    persona = get_persona("pelvic-pain-27f")  # its history: chlamydia at nineteen, smears...
    picked = selector.select(persona, question)
    assert picked and {f.category for f in picked} == {FactCategory.PAST_HISTORY}


@pytest.mark.parametrize(
    "question",
    ["Have you ever had a blood transfusion?", "Any history of heart problems?"],
)
def test_when_a_past_history_question_names_something_then_the_facts_must_be_close(question):
    assert question_categories(question).get(FactCategory.PAST_HISTORY) != ANY
