"""The structured close is recognised by its sections, not by one keyword."""

from __future__ import annotations

import pytest

from medchat.dialogue.closing import loops, parse_close

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


def test_when_close_sections_restate_each_other_then_it_is_no_loop():
    """The leading diagnosis is the differential's first item by design; the safety-netting may
    repeat the plan's "seek urgent help"."""
    close = FULL.replace("aspirin.", "aspirin; seek urgent help if worse.").replace(
        "Call 999 if the pain returns.", "Seek urgent help if worse."
    )
    assert parse_close(close) is not None
    assert not loops(close)


def test_when_a_clause_is_said_twice_in_one_section_then_it_is_a_loop():
    twice = "Call 999 if the pain returns. Call 999 if the pain returns."
    close = FULL.replace("Call 999 if the pain returns.", twice)
    assert loops(close)
    assert loops("I'd like to examine you. I'd like to examine you.")  # not a close
