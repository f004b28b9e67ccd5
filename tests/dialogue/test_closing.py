"""The structured close is recognised by its sections, not by one keyword."""

from __future__ import annotations

import pytest

from medchat.dialogue.closing import parse_close

FULL = """SUMMARY: Two hours of central chest pain radiating to the jaw.
DIFFERENTIAL: NSTEMI; unstable angina; aortic dissection
LEADING DIAGNOSIS: NSTEMI
PLAN: ECG, troponin, aspirin.
SAFETY-NETTING: Call 999 if the pain returns."""


@pytest.mark.parametrize(
    ("text", "complete"),
    [
        (FULL, True),
        (FULL.replace("SUMMARY:", "**Summary**:"), True),
        (FULL.replace("SAFETY-NETTING:", "Safety net:"), True),
        (FULL.replace("\n", " "), True),
        (FULL.replace("PLAN: ECG, troponin, aspirin.\n", ""), False),
        ("In summary, I think we should do some tests.", False),
        ("", False),
    ],
)
def test_when_reply_has_all_sections_then_it_is_a_close(text, complete):
    assert (parse_close(text) is not None) is complete


def test_when_close_is_parsed_then_differential_is_a_list():
    parsed = parse_close(FULL)
    assert parsed["leading diagnosis"] == "NSTEMI"
    assert parsed["differential_list"] == ["NSTEMI", "unstable angina", "aortic dissection"]
