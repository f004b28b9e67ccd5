"""A fever with a purple or non-fading rash is an emergency in every common lay wording.

The rule knew "a rash that doesn't fade" and "purple spots"; parents say "little purple dots
spreading on her tummy" or "red-purple pinpricks that don't go when pressed", which were allowed.
Sentences written for this test, not taken from any evaluation set."""

from __future__ import annotations

import pytest

from safety.policy.filter import SafetyFilter
from safety.types import Action


@pytest.fixture(scope="module")
def filt() -> SafetyFilter:
    return SafetyFilter()


@pytest.mark.parametrize(
    "text",
    [
        "Since lunchtime he's been hot and now there are tiny purple dots on his chest.",
        "My baby has a temperature and dark red pin-pricks that won't fade when I press on them.",
        "She's feverish and has a purplish rash coming up on her legs.",
        "The spots didn't go away when we rolled a glass over them, and he's really hot.",
    ],
)
def test_when_a_parent_describes_a_purple_or_non_fading_rash_then_it_is_escalated(
    filt: SafetyFilter, text: str
) -> None:
    verdict = filt.check_input(text, "consult")
    assert verdict.action == Action.ESCALATE and verdict.category == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "I knocked my knee on the table and there's a purple bruise.",
        "I've had purple stretch marks on my hips since the pregnancy.",
        "My son has chickenpox spots and a bit of a temperature.",
        "Her lips went a bit purple at the swimming pool but warmed up quickly.",
    ],
)
def test_when_purple_is_a_bruise_or_a_known_rash_then_it_is_allowed(
    filt: SafetyFilter, text: str
) -> None:
    assert filt.check_input(text, "consult").action == Action.ALLOW
