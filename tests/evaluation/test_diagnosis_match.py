"""Diagnosis matching: synonyms, abbreviations, spellings and embeddings count; wrong names and
the case's own differentials do not."""

from __future__ import annotations

import pytest

from medchat.evaluation.diagnosis_match import DiagnosisMatcher, check_diagnosis, normalise
from medchat.personas.loader import get_persona


@pytest.fixture(scope="module")
def matcher(scorer):
    return DiagnosisMatcher(scorer.encoder)


@pytest.mark.parametrize(
    ("persona_id", "submitted", "rule"),
    [
        ("chest-pain-58m", "NSTEMI", "term"),
        ("chest-pain-58m", "Heart attack", "term"),
        ("chest-pain-58m", "Non ST elevation MI", "term"),
        ("breathless-34f", "PE", "term"),
        ("breathless-34f", "Probable pulmonary embolus secondary to DVT", "term"),
        ("weakness-68m", "Transient ischemic attack", "term"),
        ("weakness-68m", "TIA", "term"),
        ("palpitations-71f", "AF", "term"),
        ("abdominal-pain-19m", "apendicitis", "spelling"),
        ("pelvic-pain-27f", "ectopic", "term"),
        ("back-pain-47m", "Cauda equina compression", "term"),
        ("red-eye-66f", "Closed angle glaucoma", "term"),
        ("breathless-34f", "clot in the lungs", "spelling"),
        ("weight-loss-34f", "Grave's disease", "term"),
        ("confused-84f", "UTI", "term"),
    ],
)
def test_when_submission_names_the_case_then_it_matches(matcher, persona_id, submitted, rule):
    hit = matcher.names_case(get_persona(persona_id), submitted)
    assert hit is not None and hit.rule == rule, hit


@pytest.mark.parametrize(
    ("persona_id", "submitted"),
    [
        ("chest-pain-58m", "Unstable angina"),
        ("chest-pain-58m", "STEMI"),
        ("chest-pain-58m", "GORD"),
        ("breathless-34f", "Pneumonia"),
        ("weight-loss-34f", "Hypothyroidism"),
        ("pelvic-pain-27f", "Miscarriage"),
        ("pelvic-pain-27f", "pregnancy"),
        ("palpitations-71f", "Atrial flutter"),
        ("palpitations-71f", "not AF"),
        ("changing-mole-52f", "Non-melanoma skin cancer"),
        ("weakness-68m", "Stroke"),
        ("abdominal-pain-19m", "Gastroenteritis"),
        ("back-pain-47m", ""),
    ],
)
def test_when_submission_is_a_wrong_name_then_no_match(matcher, persona_id, submitted):
    assert matcher.names_case(get_persona(persona_id), submitted) is None


@pytest.mark.parametrize(
    ("terms", "submitted"),
    [
        (["Inflamed appendix"], "inflammation of the appendix"),
        (["Myocardial infarction"], "infarction of the myocardium"),
        (["Community-acquired pneumonia"], "pneumonia acquired in the community"),
        (["Overactive thyroid"], "thyroid overactivity"),
    ],
)
def test_when_names_are_close_in_embedding_space_then_they_match(matcher, terms, submitted):
    hit = matcher.match(submitted, terms)
    assert hit is not None and hit.rule == "embedding", hit


@pytest.mark.parametrize(
    ("terms", "rivals", "submitted"),
    [
        (["Hyperthyroidism"], [], "hypothyroidism"),
        (["Pulmonary embolism"], [], "pneumonia"),
        (["Migraine"], ["Tension-type headache"], "tension headache"),
    ],
)
def test_when_names_differ_in_meaning_then_embeddings_do_not_match(
    matcher, terms, rivals, submitted
):
    assert matcher.match(submitted, terms, rivals) is None


@pytest.mark.parametrize(
    ("leading", "differential", "verdict", "rank"),
    [
        ("Ruptured ectopic pregnancy", [], "correct", 1),
        ("Appendicitis", ["Ovarian torsion", "Ectopic pregnancy"], "in_differential", 3),
        ("Urinary tract infection", ["Renal colic"], "missed", None),
        ("", ["ectopic"], "in_differential", 2),
    ],
)
def test_when_diagnosis_is_checked_then_verdict_follows_rank(
    matcher, leading, differential, verdict, rank
):
    check = check_diagnosis(get_persona("pelvic-pain-27f"), leading, differential, matcher)
    assert (check.verdict, check.rank) == (verdict, rank)


def test_when_student_names_case_differentials_then_they_are_credited(matcher):
    persona = get_persona("pelvic-pain-27f")
    check = check_diagnosis(persona, "Ectopic", ["Ovarian torsion", "Renal colic"], matcher)
    assert check.sensible_differentials == ["Ovarian torsion"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Probable Oesophageal varices.", "esophageal varices"),
        ("Most likely: Acute Ischaemic Stroke", "acute ischemic stroke"),
        ("Crohn's disease", "crohns disease"),
    ],
)
def test_when_text_is_normalised_then_spelling_and_hedges_are_gone(text, expected):
    assert normalise(text) == expected
