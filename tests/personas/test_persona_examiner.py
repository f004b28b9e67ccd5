"""The examiner reports only what the case lists: found, normal, or not available."""

from __future__ import annotations

import pytest

from medchat.agents.examiner import Examiner


@pytest.fixture(scope="module")
def examiner(encoder):
    return Examiner(encoder=encoder)


REQUESTS = [
    # (persona, request, kind, status, name, text expected in the finding)
    ("chest-pain-58m", "examine the chest", "exam", "found", "respiratory", "Chest clear"),
    ("chest-pain-58m", "listen to the heart", "exam", "found", "cardiovascular", "no added sounds"),
    ("chest-pain-58m", "check his blood pressure", "exam", "found", "vital_signs", "158/94"),
    ("chest-pain-58m", "what are his sats?", "exam", "found", "vital_signs", "SpO2 96%"),
    ("chest-pain-58m", "order an ECG", "test", "found", "ECG", "ST depression"),
    ("chest-pain-58m", "FBC please", "test", "found", "Full blood count", "Hb 148"),
    ("chest-pain-58m", "cardiac enzymes", "test", "found", "Troponin", "480 ng/L"),
    ("chest-pain-58m", "look in his ears", "exam", "normal", "ent", "no abnormality"),
    ("chest-pain-58m", "examine the eyes", "exam", "normal", "eyes", "no abnormality"),
    ("chest-pain-58m", "CT head", "test", "not_available", "CT head", "Not available"),
    ("abdominal-pain-19m", "CT head please", "test", "not_available", "CT head", "Not available"),
    ("abdominal-pain-19m", "CT scan of the abdomen", "test", "found", "CT", "Inflamed"),
    (
        "pelvic-pain-27f",
        "carotid ultrasound",
        "test",
        "not_available",
        "Ultrasound",
        "Not available",
    ),
    (
        "breathless-34f",
        "leg doppler",
        "test",
        "found",
        "Doppler ultrasound of the left leg",
        "popliteal",
    ),
    (
        "breathless-34f",
        "transvaginal ultrasound",
        "test",
        "not_available",
        "Ultrasound",
        "Not available",
    ),
    ("fever-rash-3y", "urine PCR", "test", "not_available", "urine PCR", "Not available"),
    ("headache-pregnant-31f", "urine PCR", "test", "found", "Urinalysis", "Protein 3+"),
    ("confused-84f", "send an MSU", "test", "found", "Urine culture", "Escherichia coli"),
    ("confused-84f", "urine dip", "test", "found", "Urinalysis", "nitrites positive"),
    ("chest-pain-58m", "send a d-dimer", "test", "not_available", "D-dimer", "Not available"),
    ("breathless-34f", "CT pulmonary angiogram", "test", "found", "CTPA", "Filling defects"),
    ("breathless-34f", "ABG", "test", "found", "Blood gas", "pO2 9.1"),
    ("breathless-34f", "examine the legs", "exam", "found", "peripheral_vascular", "calf"),
    ("pelvic-pain-27f", "urine hCG", "test", "found", "Pregnancy test", "positive"),
    ("pelvic-pain-27f", "transvaginal scan", "test", "found", "Ultrasound", "adnexal mass"),
    ("pelvic-pain-27f", "speculum examination", "exam", "found", "gynaecological", "os closed"),
    ("low-mood-29m", "mental state examination", "exam", "found", "mental_state", "suicidal"),
    ("low-mood-29m", "check thyroid function", "test", "found", "Thyroid function tests", "TSH"),
    (
        "low-mood-29m",
        "urine drug screen",
        "test",
        "not_available",
        "Toxicology screen",
        "Not available",
    ),
    (
        "avey-000",
        "check her blood sugar",
        "test",
        "not_available",
        "Blood glucose",
        "Not available",
    ),
    (
        "agentclinic-000",
        "acetylcholine receptor antibody test",
        "test",
        "found",
        "Acetylcholine Receptor Antibodies",
        "elevated",
    ),
    ("agentclinic-000", "examine the cranial nerves", "exam", "found", "neurological", "ptosis"),
]


@pytest.mark.parametrize(
    ("persona_id", "request_text", "kind", "status", "name", "text"),
    REQUESTS,
    ids=[f"{r[0]}:{r[1]}" for r in REQUESTS],
)
def test_when_an_exam_or_test_is_requested_then_the_case_answers(
    registry, examiner, persona_id, request_text, kind, status, name, text
):
    result = examiner.respond(registry.get(persona_id), request_text)
    assert (result.kind, result.status, result.name) == (kind, status, name)
    assert text in result.finding


def test_when_a_case_lists_no_tests_then_any_test_is_not_available(registry, examiner):
    persona = registry.get("avey-000")
    assert not persona.tests
    assert examiner.respond(persona, "order a chest x-ray").status == "not_available"


def test_when_several_tests_are_requested_then_each_is_answered(registry, examiner):
    persona = registry.get("headache-pregnant-31f")
    results = examiner.respond_all(persona, "bloods please: FBC, U&E and CRP")
    assert [(r.name, r.status) for r in results] == [
        ("Full blood count", "found"),
        ("Urea and electrolytes", "found"),
        ("CRP", "not_available"),
    ]


def test_when_an_unlisted_scan_resembles_a_listed_test_then_it_is_not_available(registry, examiner):
    persona = registry.get("fever-traveller-36m")
    assert examiner.respond(persona, "bladder scan").status == "not_available"


def test_when_a_test_is_not_available_then_its_name_is_said_once(registry, examiner):
    """Callers show "name: finding"; the finding does not repeat the name ("ECG: ECG: ...")."""
    result = examiner.respond(registry.get("avey-000"), "ECG please")
    assert result.status == "not_available" and result.name not in result.finding
    assert f"{result.name}: {result.finding}" == f"{result.name}: Not available for this case."
