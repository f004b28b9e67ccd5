"""Variants change the person, never the case, and the same seed always gives the same variant."""

from __future__ import annotations

import pytest
from faker.providers.person.en_GB import Provider
from hypothesis import given, settings
from hypothesis import strategies as st

from medchat.personas.variation import make_variant

CLINICAL = (
    "facts",
    "examination",
    "tests",
    "diagnosis",
    "red_flags",
    "checklist",
    "opening_statement",
)
CASES = ["chest-pain-58m", "overdose-19f", "wheezy-baby-8mo", "avey-001"]


@pytest.mark.parametrize("persona_id", CASES)
def test_when_seed_is_zero_then_the_case_is_returned_as_written(registry, persona_id):
    persona = registry.get(persona_id)
    assert make_variant(persona, 0) is persona


@pytest.mark.parametrize("persona_id", CASES)
def test_when_the_same_seed_is_used_twice_then_the_variants_are_equal(registry, persona_id):
    persona = registry.get(persona_id)
    assert make_variant(persona, 7) == make_variant(persona, 7)


@given(seed=st.integers(min_value=1, max_value=10**9))
@settings(max_examples=25, deadline=None, database=None)
def test_when_any_seed_is_used_then_clinical_content_is_unchanged_and_age_in_range(registry, seed):
    persona = registry.get("chest-pain-58m")
    variant = make_variant(persona, seed)
    for field in CLINICAL:
        assert getattr(variant, field) == getattr(persona, field)
    low, high = persona.demographics.age_range
    assert low <= variant.demographics.age <= high
    assert variant.demographics.sex == persona.demographics.sex
    assert variant.variant == seed


def test_when_seeds_differ_then_names_and_styles_vary(registry):
    persona = registry.get("palpitations-71f")
    variants = [make_variant(persona, seed) for seed in range(1, 21)]
    assert len({v.demographics.name for v in variants}) >= 15
    assert len({v.style for v in variants}) >= 10
    assert len({v.demographics.age for v in variants}) >= 5


@pytest.mark.parametrize("persona_id", ["palpitations-71f", "chest-pain-58m"])
def test_when_a_name_is_generated_then_it_matches_the_sex(registry, persona_id):
    persona = registry.get(persona_id)
    female = persona.demographics.sex == "female"
    first_names = set(Provider.first_names_female if female else Provider.first_names_male)
    for seed in range(1, 11):
        tokens = make_variant(persona, seed).demographics.name.replace(".", "").split()
        assert any(token in first_names for token in tokens)


def test_when_a_baby_is_varied_then_the_age_stays_fixed(registry):
    persona = registry.get("wheezy-baby-8mo")
    variant = make_variant(persona, 3)
    assert variant.demographics.age_text == "8 months"
    assert variant.demographics.age == persona.demographics.age


def test_when_the_case_is_low_in_mood_then_variants_keep_the_emotional_state(registry):
    persona = registry.get("low-mood-29m")
    assert {make_variant(persona, s).style.emotional_state for s in range(1, 8)} == {
        persona.style.emotional_state
    }
