"""Checklist matching: each row is a short transcript and one item it must (or must not) cover."""

from __future__ import annotations

import pytest

from medchat.personas.loader import get_persona
from tests.evaluation.conftest import doctor, examined

CHEST = "chest-pain-58m"


@pytest.mark.parametrize(
    ("persona_id", "said", "requests", "leading", "item", "covered"),
    [
        # history: the facts a question gets out of the patient
        (CHEST, ["Does the pain go anywhere else?"], [], "", "radiation", True),
        (CHEST, ["Do you feel it in your jaw or arm?"], [], "", "radiation", True),
        (CHEST, ["Do you smoke?"], [], "", "risk_factors", False),  # 1 of 3 facts
        (
            CHEST,
            ["Do you smoke?", "Does heart disease run in the family?"],
            [],
            "",
            "risk_factors",
            True,
        ),
        (CHEST, ["Any tablets you take?"], [], "", "meds_allergies", True),  # 1 of 2
        (CHEST, ["What brings you in today?"], [], "", "socrates_site", False),  # open
        (CHEST, ["The pain goes to your arm."], [], "", "radiation", False),  # a statement
        ("abdominal-pain-19m", ["Any pain in your testicles?"], [], "", "testes", True),
        (
            "abdominal-pain-19m",
            ["What are you worried about?", "What were you hoping for?"],
            [],
            "",
            "ice",
            True,
        ),
        ("abdominal-pain-19m", ["What are you worried about?"], [], "", "ice", False),
        # examination: the systems the item names
        (CHEST, [], ["listen to his heart"], "", "exam_cvs", True),
        (CHEST, [], ["chest x-ray"], "", "exam_cvs", False),
        ("back-pain-47m", [], ["examine his back"], "", "neuro", False),
        ("back-pain-47m", [], ["check reflexes and power in the legs"], "", "neuro", True),
        # investigation: keywords, or half of the tests the item lists
        (CHEST, [], ["12-lead ECG please"], "", "ecg", True),
        (CHEST, [], ["FBC and U&E"], "", "bloods", False),  # 2 of 5
        (CHEST, [], ["FBC, U&E, lipids and glucose"], "", "bloods", True),
        # diagnosis: the submitted leading diagnosis
        (CHEST, [], [], "NSTEMI", "dx", True),
        (CHEST, [], [], "Gastro-oesophageal reflux", "dx", False),
        # management: what the doctor says they will do
        (CHEST, ["I'll give you aspirin and refer you to cardiology."], [], "", "mx_acute", True),
        (CHEST, ["I'll give you some antacids."], [], "", "mx_acute", False),
        # communication rules
        (CHEST, ["Hello, I'm Dr Shah. Can I confirm your name?"], [], "", "intro", True),
        (CHEST, ["Hello, I'm Dr Shah."], [], "", "intro", False),
        (CHEST, ["Does that make sense?"], [], "", "explain", True),
        (
            "agentclinic-000",
            ["So to summarise, your eyelids droop by evening."],
            [],
            "",
            "summary",
            True,
        ),
        ("agentclinic-000", ["When did it start?"], [], "", "summary", False),
    ],
)
def test_when_transcript_is_scored_then_item_coverage_matches(
    scorer, examiner, persona_id, said, requests, leading, item, covered
):
    persona = get_persona(persona_id)
    turns = doctor(*said) + examined(examiner, persona, *requests)
    report = scorer.score(persona, turns, leading, [])
    result = next(i for i in report.items if i.id == item)
    assert result.covered is covered, result
    assert bool(result.evidence) is covered


def test_when_items_are_listed_then_missed_critical_come_first(scorer):
    persona = get_persona(CHEST)
    report = scorer.score(persona, doctor("Does the pain go anywhere?"), "", [])
    flags = [(not i.covered and i.critical, not i.covered) for i in report.items]
    assert flags == sorted(flags, reverse=True)
    assert report.missed_critical and not report.passed
