"""Titles stay, names go; the AI doctor's fictional name reads as written."""

from __future__ import annotations

import pytest

from safety.pii.scrubber import Scrubber


@pytest.fixture(scope="module")
def scrubber():
    return Scrubber(keep_names=("Reed",))


@pytest.mark.parametrize(
    ("text", "scrubbed"),
    [
        ("Hello, I'm Dr. Reed. What brings you in?", "Hello, I'm Dr. Reed. What brings you in?"),
        ("I am Dr Reed, one of the GPs.", "I am Dr Reed, one of the GPs."),
        ("I'm Dr. Amara Okafor, a medical doctor.", "I'm Dr. <PERSON_1>, a medical doctor."),
        ("Nurse Bridget Ahern took my bloods.", "Nurse <PERSON_2> took my bloods."),
    ],
)
def test_when_a_name_has_a_title_then_only_the_name_is_replaced(scrubber, text, scrubbed):
    assert scrubber.scrub(text).text == scrubbed


def test_when_no_role_name_is_kept_then_the_doctor_name_is_scrubbed_like_any_other():
    assert "Reed" not in Scrubber().scrub("I'm Dr. Reed.").text
