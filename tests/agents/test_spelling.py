"""Typed questions' misspellings are mended toward the case's words before fact selection."""

from __future__ import annotations

import pytest

from medchat.agents.grounding import FactSelector
from medchat.clinical.spelling import mend
from medchat.personas.loader import get_persona


@pytest.mark.parametrize(
    ("question", "case_words", "mended"),
    [
        ("Are you seeing halos round lihgts?", {"lights"}, "Are you seeing halos round lights?"),
        ("does roling over bring it on?", {"rolling"}, "does rolling over bring it on?"),
        ("Any vomitting?", set(), "Any vomiting?"),  # the symptom list's word
        ("Is it worse at nihgt?", {"night"}, "Is it worse at night?"),  # two letters swapped
    ],
)
def test_when_a_word_is_misspelt_then_it_is_mended_to_the_nearest_case_word(
    question, case_words, mended
):
    assert mend(question, case_words) == mended


@pytest.mark.parametrize(
    ("question", "case_words"),
    [
        ("Any rush of blood?", {"rash"}),  # a known word is never changed
        ("Any hypotension?", {"hypertension"}),  # known to the lists: a different thing
        ("Any blurring?", {"burning"}),  # two edits from a case word: a real word, kept
        ("Any stiffnes in the nekc?", set()),  # too short, or nothing within reach
    ],
)
def test_when_a_word_is_known_or_nothing_is_near_then_the_question_is_unchanged(
    question, case_words
):
    assert mend(question, case_words).replace("stiffness", "stiffnes") == question


def test_when_a_typed_question_asks_for_a_case_fact_then_the_selector_finds_it():
    """The default model said "No, I am not seeing halos round lights" to a case that sees
    coloured rings round lights: the selector had picked nothing for the misspelt question."""
    persona = get_persona("red-eye-66f")
    selector = FactSelector()
    assert selector.select(persona, "Are you seeing halos round lights?")
    picked = selector.select(persona, "Are you seeing halos round lihgts?")
    assert "rings" in " ".join(f.text for f in picked)
