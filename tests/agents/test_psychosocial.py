"""Stressors, work and household recognised in a question and in a case fact, and the parts of
a concept a question asks on its own (a suicide plan's date, money rather than a loss). The
sentences are written for this test, not taken from a probe set."""

import pytest

from medchat.agents.grounding import FactSelector
from medchat.clinical.concepts import (
    HOUSEHOLD,
    STRESS,
    SUICIDE_SELF_HARM,
    WORK,
    asked_concepts,
    asked_facets,
    states,
)
from medchat.personas.loader import get_persona


@pytest.fixture(scope="module")
def selector():
    return FactSelector()


@pytest.mark.parametrize(
    "question",
    [
        "Would you say you're stressed at the moment?",
        "Have you been under any strain lately?",
        "Any pressures from your family just now?",
        "How are things with your marriage?",
        "Is money a worry for you at all?",
        "Have you lost anyone close recently?",
        "Has anything major changed in your life this year?",
        "Is this getting in the way of your studies?",
        "Are you looking after anyone at home, a parent maybe?",
    ],
)
def test_a_question_about_stressors_is_recognised(question):
    assert STRESS in asked_concepts(question)


@pytest.mark.parametrize(
    "question",
    [
        "Have you had your blood pressure checked?",
        "Does the chest pressure spread to your arm?",
        "Have you ever had a stress test on your heart?",
        "Does it leak when you cough, like stress incontinence?",
        "Does the pain come on with exercise?",
    ],
)
def test_look_alike_questions_are_not_about_stress(question):
    assert STRESS not in asked_concepts(question)


@pytest.mark.parametrize(
    "fact",
    [
        "Work's been really stressful since the restructure.",
        "We're behind on the rent and the bills keep coming.",
        "My wife walked out in the spring.",
        "I've been caring for my dad since his stroke.",
        "I got made redundant in March.",
        "My mum passed away a few months ago.",
    ],
)
def test_a_fact_naming_a_stressor_is_recognised(fact):
    assert states(STRESS, fact)


@pytest.mark.parametrize(
    "fact",
    [
        "I thought it was stress at first.",
        "My dad died of a stroke at seventy.",
        "I had a stress test last year and it was normal.",
        "The tablets don't work any more.",
        "I rent a flat near the station.",
    ],
)
def test_look_alike_facts_are_not_stressors(fact):
    assert not states(STRESS, fact)


def test_work_and_household_facts_are_recognised_and_their_look_alikes_are_not():
    assert states(WORK, "I'm a retired bus driver.")
    assert states(WORK, "I work in a warehouse, mostly lifting.")
    assert not states(WORK, "Nothing seems to work for the itch.")
    assert states(HOUSEHOLD, "I live with my son and his family.")
    assert states(HOUSEHOLD, "My sister lives round the corner.")
    assert not states(HOUSEHOLD, "I've learned to live with the pain.")
    assert not states(HOUSEHOLD, "My temperature was 38 at home last night.")


def test_a_question_naming_one_part_asks_that_facet():
    names = [f.name for f in asked_facets(STRESS, "Are you struggling with money at all?")]
    assert names == ["money"]
    intent = asked_facets(SUICIDE_SELF_HARM, "Have you picked a day to do it?")
    assert [f.name for f in intent] == ["intent"]


def test_a_stress_question_gets_the_case_stressor_the_encoder_misses(selector):
    """The abdominal-pain case's exams fact sits far from "pressure" in the encoder's space."""
    persona = get_persona("abdominal-pain-19m")
    picked = selector.select(persona, "Have you had a lot on your plate, under pressure at all?")
    assert "concerns" in [f.id for f in picked]


def test_asked_about_money_a_case_whose_only_stressor_is_a_loss_says_nothing(selector):
    """A bereavement does not answer a money question: the facet is narrow."""
    persona = get_persona("palpitations-71f")
    assert selector.select(persona, "Are you having any trouble paying your bills?") == []
    picked = selector.select(persona, "Have you had any bereavements in the last year?")
    assert "home" in [f.id for f in picked]


def test_asked_when_the_act_would_be_the_intent_fact_comes_before_the_thoughts(selector):
    """The encoder puts "I've been thinking about ending my life" nearer than "I haven't set a
    date"; the intent facet answers with the latter first."""
    persona = get_persona("low-mood-29m")
    picked = [f.id for f in selector.select(persona, "Have you worked out when you'd do it?")]
    assert picked and picked[0] == "si_intent"


def test_a_case_without_stressors_still_says_nothing(selector):
    persona = get_persona("red-eye-66f")
    assert selector.select(persona, "Have there been any big upsets in your life lately?") == []


def test_a_reply_denying_a_topic_its_case_states_is_found_from_its_own_words():
    from medchat.clinical.concept_denial import concept_denials

    low_mood = get_persona("low-mood-29m")
    ids = [f.id for f in concept_denials("No, I'm not feeling low at all.", low_mood.facts)]
    assert "mood" in ids
    assert concept_denials("My brother has never been depressed.", low_mood.facts) == []
    assert concept_denials("I haven't set a date for it.", low_mood.facts) == []  # agrees
    assert concept_denials("I've never tried to harm myself.", low_mood.facts) == []  # agrees
    ids = [f.id for f in concept_denials("I'm not worried about money at all.", low_mood.facts)]
    assert ids == ["home"]  # "money's getting tight"
    chest = get_persona("chest-pain-58m")  # no mood, no suicidal thoughts
    assert concept_denials("No, I've never felt suicidal.", chest.facts) == []


def test_a_reply_stating_a_topic_by_its_own_negation_is_not_a_denial():
    """ "I don't want to be here any more" and "I can't enjoy anything" state the topic; a
    leading no answers the question and may agree."""
    from medchat.clinical.concept_denial import concept_denials

    low_mood = get_persona("low-mood-29m")
    for text in (
        "I don't want to be here any more.",
        "No, I can't enjoy anything at the moment.",
        "No I don't enjoy much at all these days.",
    ):
        assert concept_denials(text, low_mood.facts) == [], text


def test_asked_about_children_a_case_stating_only_its_household_answers_nothing(selector):
    """Given "I live with my wife" for "do you have children?", a patient said "Yes, I have two
    children": the household concept's facets are narrow."""
    chest = get_persona("chest-pain-58m")
    assert selector.select(chest, "Have you got any kids yourself?") == []
    assert "home" in [f.id for f in selector.select(chest, "Are you married at all?")]
