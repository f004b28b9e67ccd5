"""Red-flag screening: lay questions screen clinically worded flags; the complaint does not."""

from __future__ import annotations

import pytest

from medchat.evaluation.red_flags import parts, screen
from medchat.personas.loader import get_persona


@pytest.mark.parametrize(
    ("persona_id", "questions", "requests", "flag", "asked"),
    [
        ("breathless-34f", ["have you coughed up any blood?"], [], "Haemoptysis", True),
        ("breathless-34f", ["do you smoke?"], [], "Haemoptysis", False),
        ("pelvic-pain-27f", [], ["blood pressure and pulse | vital signs"], "Haemodynamic", True),
        ("pelvic-pain-27f", ["any pain in the tip of your shoulder?"], [], "Shoulder-tip", True),
        ("back-pain-47m", ["any numbness between your legs or around your bottom?"], [],
         "Saddle", True),
        ("chest-pain-58m", ["where is the pain?"], [], "Sweating", False),  # the complaint
        ("chest-pain-58m", ["what brings you in?"], [], "Sweating", False),  # open question
    ],
)  # fmt: skip
def test_when_student_asks_then_red_flag_is_screened_or_not(
    scorer, persona_id, questions, requests, flag, asked
):
    results = screen(get_persona(persona_id), questions, requests, scorer.encoder)
    result = next(r for r in results if r.text.startswith(flag))
    assert result.asked is asked, result
    assert bool(result.evidence) is asked


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Haemoptysis", ["Haemoptysis", "coughing up blood"]),
        ("Sweating, nausea", ["Sweating", "sweaty or clammy", "nausea", "feeling sick"]),
        ("Testicular pain (torsion)", ["Testicular pain", "torsion"]),
    ],
)
def test_when_flag_is_split_then_parts_come_with_lay_words(text, expected):
    assert parts(text) == expected
