"""A yes that only repeats the doctor's question is said as "not sure" (`unsupported_yes`).

The replies are the default model's own (`eval fidelity`, first replies before any repair, on
read probe sets): asked about something near a case fact, it took the question for the answer."""

from __future__ import annotations

import pytest

from medchat.agents.grounding import FactSelector
from medchat.clinical.unsupported_yes import NOT_SURE_THAT, mend_unsupported_yes, unsupported_yes
from medchat.personas.loader import get_persona


def _check(persona_id: str, question: str, reply: str) -> str | None:
    persona = get_persona(persona_id)
    vecs = FactSelector().fact_vectors(persona)
    return unsupported_yes(reply, question, [f.text for f in persona.facts], vecs)


@pytest.mark.parametrize(
    ("persona_id", "question", "reply"),
    [
        # absent from the case: each yes asserts a finding the case never states
        (
            "neck-lump-24m",
            "Does the lump move up when you swallow?",
            "Yes, the lump moves up when I swallow. I noticed it about six weeks ago when I was "
            "shaving.",
        ),
        ("avey-002", "Is the phlegm green?", "Yes, the phlegm is green."),
        (
            "weight-loss-34f",
            "Any blood when you go to the toilet?",
            "Yes, I've had blood when I go to the toilet.",
        ),
        (
            "fever-rash-3y",
            "Has she been complaining that her neck hurts or is stiff?",
            "Yes, she's been complaining that her neck hurts and is stiff. She's crying that her "
            "legs hurt and she won't stand up.",
        ),
        # in the case under other words: the yes repeats the doctor's term, not the case
        (
            "back-pain-47m",
            "Have you noticed any saddle anaesthesia?",
            "Yes, I've noticed saddle anaesthesia.",
        ),
    ],
)
def test_when_a_yes_only_repeats_the_question_then_it_is_flagged(persona_id, question, reply):
    assert _check(persona_id, question, reply) == reply.split(". ")[0].rstrip(".") + "."


@pytest.mark.parametrize(
    ("persona_id", "question", "reply"),
    [
        # the yes says the case's fact in words of its own
        (
            "chest-pain-58m",
            "Does the pain radiate to your arm or jaw?",
            "Yes, the pain radiates to my jaw and down my left arm.",
        ),
        # a bare yes repeats nothing
        ("chest-pain-58m", "Does it come on when you walk?", "Yes, it does."),
        # a no is another check's business
        ("neck-lump-24m", "Does the lump move up when you swallow?", "No, it doesn't move."),
        # the sentence after the yes is the patient's own, not the question's
        (
            "neck-lump-24m",
            "Does the lump move up when you swallow?",
            "Yes, I think so, I noticed it about six weeks ago when I was shaving.",
        ),
    ],
)
def test_when_a_yes_says_the_case_or_nothing_then_it_is_not_flagged(persona_id, question, reply):
    assert _check(persona_id, question, reply) is None


def test_when_mended_then_the_yes_is_not_sure_and_the_rest_stays():
    reply = "Yes, the lump moves up when I swallow. I noticed it about six weeks ago."
    sentence = "Yes, the lump moves up when I swallow."
    assert mend_unsupported_yes(reply, sentence) == (
        f"{NOT_SURE_THAT} I noticed it about six weeks ago."
    )


def test_when_an_informant_says_the_yes_then_their_label_is_kept():
    reply = "Daughter: Yes, she has been vomiting at night. She's barely eaten."
    sentence = "Daughter: Yes, she has been vomiting at night."
    assert mend_unsupported_yes(reply, sentence) == f"Daughter: {NOT_SURE_THAT} She's barely eaten."
