"""A yes that only repeats the doctor's question is said as "not sure" (`unsupported_yes`).

The replies are the default model's own (`eval fidelity`, first replies before any repair, on
read probe sets): asked about something near a case fact, it took the question for the answer."""

from __future__ import annotations

import pytest

from medchat.agents.grounding import FactSelector
from medchat.clinical.unsupported_yes import (
    NOT_SURE_THAT,
    bare_yes_beside,
    drop_yes,
    mend_unsupported_yes,
    unsupported_yes,
    yes_beside_the_point,
)
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


def _beside(persona_id: str, question: str, reply: str, fact_ids: list[str]) -> str | None:
    persona = get_persona(persona_id)
    vecs = FactSelector().fact_vectors(persona)
    index = {f.id: i for i, f in enumerate(persona.facts)}
    texts = {f.id: f.text for f in persona.facts}
    picked = vecs[[index[f] for f in fact_ids]]
    return yes_beside_the_point(reply, question, [texts[f] for f in fact_ids], picked)


@pytest.mark.parametrize(
    ("persona_id", "question", "reply", "fact_ids"),
    [
        # The default model's first replies (2026-12-07, evening, a read probe set's absent
        # questions): a yes, then a nearby picked fact that is another finding.
        (
            "fever-traveller-36m",
            "Have your eyes or skin gone yellow at all?",
            "Yes, my urine looks darker than usual.",
            ["urine"],
        ),
        (
            "agentclinic-007",
            "Have you noticed anything cloudy in her eyes?",
            "Yes, I noticed some bluish spots on her skin.",
            ["f03"],
        ),
        (
            "headache-pregnant-31f",
            "any pain or burning when u pee?",
            "Yes, it's a constant, heavy, throbbing headache.",
            ["character"],
        ),
        # A right pick worded otherwise: the yes is dropped, and the sentence still answers.
        (
            "chest-pain-58m",
            "Have you felt clammy at all?",
            "Yes, I came out in a cold sweat when it started.",
            ["sweaty"],
        ),
    ],
)
def test_when_a_yes_goes_on_to_another_finding_then_it_is_flagged(
    persona_id, question, reply, fact_ids
):
    assert _beside(persona_id, question, reply, fact_ids) == reply


@pytest.mark.parametrize(
    ("question", "reply", "fact_ids"),
    [
        # The body shares the question's words: the yes is about what was asked.
        ("Does the pain go into your arm?", "Yes, it goes down my left arm.", ["radiation"]),
        # Too short to tell.
        ("Do you drink?", "Yes, at weekends.", ["alcohol"]),
        # No yes.
        ("Have you felt clammy at all?", "I came out in a cold sweat when it started.", ["sweaty"]),
        # A yes whose body tells no picked fact (left to the other checks).
        ("Have you felt clammy at all?", "Yes, my feet have been swelling lately.", ["sweaty"]),
    ],
)
def test_when_a_yes_is_about_what_was_asked_then_it_is_not_beside_the_point(
    question, reply, fact_ids
):
    assert _beside("chest-pain-58m", question, reply, fact_ids) is None


@pytest.mark.parametrize(
    ("reply", "dropped"),
    [
        ("Yes, my urine looks darker than usual.", "My urine looks darker than usual."),
        ("Daughter: Yes, she's barely eaten.", "Daughter: She's barely eaten."),
        ("Yeah - it wakes me at night. It's bad.", "It wakes me at night. It's bad."),
        ("It wakes me at night.", "It wakes me at night."),
    ],
)
def test_when_a_yes_is_dropped_then_the_rest_stays_as_said(reply, dropped):
    assert drop_yes(reply) == dropped


@pytest.mark.parametrize(
    ("persona_id", "question", "reply"),
    [
        # the default model's first replies on the read blind set fresh_0712b: a three-letter
        # finding word, a case denial near the echo
        ("red-eye-66f", "Is the eye watering a lot?", "Yes, the eye is watering a lot."),
        (
            "neck-lump-24m",
            "Does the lump move up and down when you swallow?",
            "Yes, the lump moves up and down when I swallow.",
        ),
    ],
)
def test_when_an_echo_is_short_worded_or_near_a_case_denial_then_it_is_flagged(
    persona_id, question, reply
):
    assert _check(persona_id, question, reply) == reply


@pytest.mark.parametrize(
    ("persona_id", "question", "reply"),
    [
        # the case says what the echo says, in its words
        ("red-eye-66f", "Do you see rings around lights?", "Yes, I see rings around lights."),
    ],
)
def test_when_an_echo_says_what_a_case_fact_says_then_it_is_not_flagged(
    persona_id, question, reply
):
    assert _check(persona_id, question, reply) is None


@pytest.mark.parametrize(
    ("question", "reply", "picked", "flagged"),
    [
        # the default model's bare yeses on fresh_0712b, each beside a pick about another thing
        (
            "Has the pain ever woken you up at night?",
            "Yes, it has.",
            ["It hasn't let up at all since it started, it's been constant."],
            True,
        ),
        (
            "Have you noticed any blood in it?",
            "Yes, I have.",
            ["I've been sick twice with the pain."],
            True,
        ),
        # a pick sharing the question's word: the bare yes is most often right
        ("Do you smoke?", "Yes, I do.", ["I smoke ten roll-ups a day."], False),
        ("Is the eye red?", "Yes, it is.", ["My left eye went red yesterday."], False),
        # not bare: the yes says something of its own (another check's business)
        (
            "Has the pain ever woken you up at night?",
            "Yes, it wakes me at three.",
            ["It hasn't let up at all since it started."],
            False,
        ),
        # nothing picked: the review of questions the case does not cover decides
        ("Has the pain ever woken you up at night?", "Yes, it has.", [], False),
    ],
)
def test_when_a_bare_yes_meets_a_pick_sharing_no_word_then_it_is_flagged(
    question, reply, picked, flagged
):
    assert (bare_yes_beside(reply, question, picked) == reply) is flagged
