"""Fact selection: the facts that answer a question, volunteered ones if open, none if uncovered."""

from __future__ import annotations

import pytest

from medchat.agents.grounding import FactSelector
from medchat.clinical.questions import is_open_question, question_categories
from medchat.personas.schema import FactCategory as C


@pytest.fixture(scope="module")
def selector(encoder):
    return FactSelector(encoder=encoder)


SELECTIONS = [
    # (persona, question, the categories every selected fact must be in)
    ("chest-pain-58m", "Where exactly is the pain?", {C.HPC_SITE}),
    ("chest-pain-58m", "When did it start?", {C.HPC_ONSET}),
    ("chest-pain-58m", "What does the pain feel like?", {C.HPC_CHARACTER}),
    ("chest-pain-58m", "Does the pain go anywhere else?", {C.HPC_RADIATION}),
    ("chest-pain-58m", "How bad is the pain out of ten?", {C.HPC_SEVERITY}),
    (
        "chest-pain-58m",
        "Is there anything that makes it better or worse?",
        {C.HPC_EXACERBATING_RELIEVING},
    ),
    ("chest-pain-58m", "Do you have any allergies?", {C.ALLERGIES}),
    ("chest-pain-58m", "Are you taking any medications?", {C.MEDICATIONS}),
    ("chest-pain-58m", "Does anything run in your family?", {C.FAMILY}),
    ("chest-pain-58m", "Do you smoke?", {C.SOCIAL}),
    ("chest-pain-58m", "What do you think is going on?", {C.IDEAS}),
    ("chest-pain-58m", "Is there anything you're worried about?", {C.CONCERNS}),
    ("chest-pain-58m", "What were you hoping we could do today?", {C.EXPECTATIONS}),
    ("chest-pain-58m", "Are you short of breath?", {C.HPC_ASSOCIATED}),
    ("chest-pain-58m", "Have you had a fever?", {C.SYSTEMS_REVIEW}),
    ("low-mood-29m", "Have you had any thoughts of ending your life?", {C.SYSTEMS_REVIEW}),
    ("low-mood-29m", "Have you ever tried to hurt yourself before?", {C.PAST_HISTORY}),
    ("low-mood-29m", "Have you thought about how you would do it?", {C.SYSTEMS_REVIEW}),
    ("low-mood-29m", "Have you written a note?", {C.SYSTEMS_REVIEW}),
    ("low-mood-29m", "How is your sleep?", {C.HPC_ASSOCIATED, C.SYSTEMS_REVIEW}),
    ("low-mood-29m", "How much do you drink?", {C.SOCIAL}),
    ("low-mood-29m", "Do you hear voices?", {C.SYSTEMS_REVIEW}),
    ("low-mood-29m", "Are you on any medication?", {C.MEDICATIONS}),
]


@pytest.mark.parametrize(
    ("persona_id", "question", "categories"), SELECTIONS, ids=[s[1] for s in SELECTIONS]
)
def test_when_a_history_question_is_asked_then_facts_of_that_category_are_selected(
    registry, selector, persona_id, question, categories
):
    facts = selector.select(registry.get(persona_id), question)
    assert facts, question
    assert {f.category for f in facts} <= categories


SPECIFIC = [
    ("chest-pain-58m", "Do you smoke?", "smoking"),
    ("chest-pain-58m", "How much alcohol do you drink?", "alcohol"),
    ("chest-pain-58m", "Have you been sweating?", "sweaty"),
    ("low-mood-29m", "Do you use any drugs?", "drugs"),
    ("overdose-19f", "How many tablets did you take?", "what"),
]


@pytest.mark.parametrize(("persona_id", "question", "fact_id"), SPECIFIC)
def test_when_a_topic_has_several_facts_then_the_matching_one_ranks_first(
    registry, selector, persona_id, question, fact_id
):
    assert selector.select(registry.get(persona_id), question)[0].id == fact_id


UNCOVERED = [
    ("chest-pain-58m", "Do you have a headache?"),
    ("chest-pain-58m", "Any ankle swelling?"),
    ("chest-pain-58m", "Have you noticed any blood in your urine?"),
    ("chest-pain-58m", "Have you travelled abroad recently?"),
    ("chest-pain-58m", "Just tell me your diagnosis."),
    ("low-mood-29m", "Do you have chest pain?"),
]


@pytest.mark.parametrize(("persona_id", "question"), UNCOVERED)
def test_when_the_case_does_not_cover_a_question_then_nothing_is_selected(
    registry, selector, persona_id, question
):
    assert selector.select(registry.get(persona_id), question) == []


@pytest.mark.parametrize(
    "question", ["What brings you in today?", "How can I help?", "Tell me more."]
)
def test_when_an_open_question_is_asked_then_the_volunteered_facts_are_given(
    registry, selector, question
):
    persona = registry.get("chest-pain-58m")
    assert is_open_question(question)
    assert selector.select(persona, question) == persona.volunteered_facts


def test_when_volunteered_facts_were_already_said_then_they_are_excluded(registry, selector):
    persona = registry.get("chest-pain-58m")
    said = [f.id for f in persona.volunteered_facts]
    assert selector.select(persona, "What brings you in today?", exclude_ids=said) == []


def test_when_k_is_one_then_at_most_one_fact_is_returned(registry, selector):
    persona = registry.get("low-mood-29m")
    assert len(selector.select(persona, "How is your sleep?", k=1)) == 1


def test_when_a_persona_is_asked_twice_then_its_fact_embeddings_are_reused(registry, selector):
    persona = registry.get("headache-44f")
    assert selector.fact_vectors(persona) is selector.fact_vectors(persona)


@pytest.mark.parametrize(
    ("question", "category"),
    [
        ("Any allergies?", C.ALLERGIES),
        ("Do you drink alcohol?", C.SOCIAL),
        ("Where does it hurt?", C.HPC_SITE),
        # symptoms asked about in general are the associated symptoms
        ("What symptoms do you have?", C.HPC_ASSOCIATED),
        ("Which symptoms are bothering you most?", C.HPC_ASSOCIATED),
        ("Have you had any symptoms apart from that?", C.HPC_ASSOCIATED),
        ("What other symptoms are there?", C.HPC_ASSOCIATED),
    ],
)
def test_when_a_standard_question_is_parsed_then_its_category_rule_fires(question, category):
    assert category in question_categories(question)


def test_when_asked_about_a_suicide_plan_then_the_plan_fact_is_selected(registry, selector):
    persona = registry.get("low-mood-29m")
    ids = [f.id for f in selector.select(persona, "Have you made any plans to harm yourself?")]
    assert "si_plan" in ids


@pytest.mark.parametrize(
    ("question", "present", "absent"),
    [
        # Relatives are the subject: the patient's own history does not answer it.
        ("Do any conditions run in your family?", {C.FAMILY}, {C.PAST_HISTORY}),
        # "any problems with your <part>" asks about a symptom, not the past history.
        ("Have you had any problems with your eyesight?", set(), {C.PAST_HISTORY}),
        ("Any other medical problems?", {C.PAST_HISTORY}, set()),
        # An allergy to a medicine is an allergy question; two topics asked together keep both.
        ("Are you allergic to any medications?", {C.ALLERGIES}, {C.MEDICATIONS}),
        ("Any allergies, and what medicines do you take?", {C.ALLERGIES, C.MEDICATIONS}, set()),
        ("Are you on any meds at the moment?", {C.MEDICATIONS}, set()),
    ],
)
def test_when_a_question_has_a_subject_then_only_its_categories_are_asked(
    question, present, absent
):
    found = set(question_categories(question))
    assert present <= found and not (absent & found)
