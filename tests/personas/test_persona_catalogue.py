"""The shipped personas: all valid, enough of them, spread wide, and none gives itself away."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from medchat.personas.loader import DEFAULT_DIR, iter_validation, load_persona
from medchat.personas.schema import ChecklistCategory, Specialty


def test_when_every_shipped_file_is_validated_then_none_fails():
    results = list(iter_validation())
    errors = [error for _path, _persona, error in results if error]
    assert errors == []
    assert len(results) >= 60


def test_when_counting_specialties_then_at_least_twelve_are_covered(registry):
    counts = Counter(p.specialty for p in registry)
    assert len(counts) >= 12
    assert len(registry) >= 60


def test_when_counting_authored_cases_then_there_are_twenty_with_full_checklists(registry):
    authored = [p for p in registry if p.is_authored]
    assert len(authored) >= 20
    for persona in authored:
        assert 12 <= len(persona.facts) <= 30, persona.id
        assert 12 <= len(persona.checklist) <= 20, persona.id
        assert any(item.critical for item in persona.checklist), persona.id
        categories = {item.category for item in persona.checklist}
        assert {ChecklistCategory.HISTORY, ChecklistCategory.DIAGNOSIS} <= categories, persona.id
        assert len(persona.diagnosis.differentials) >= 3, persona.id
        assert persona.diagnosis.synonyms, persona.id
        assert persona.red_flags, persona.id
        assert persona.examination and persona.tests, persona.id
        assert persona.volunteered_facts, persona.id


@pytest.mark.parametrize(
    "specialty",
    [Specialty.PSYCHIATRY, Specialty.PAEDIATRICS, Specialty.OBSTETRICS_GYNAECOLOGY],
)
def test_when_listing_authored_cases_then_key_specialties_are_present(registry, specialty):
    assert any(p.is_authored and p.specialty == specialty for p in registry)


def test_when_listing_authored_psychiatry_then_suicidal_ideation_cases_exist(registry):
    pattern = re.compile(r"end(ing)? my life|wanted to go to sleep and not wake|try again", re.I)
    with_si = [
        p.id
        for p in registry
        if p.is_authored
        and p.specialty == Specialty.PSYCHIATRY
        and any(pattern.search(f.text) for f in p.facts)
    ]
    assert len(with_si) >= 2


def test_when_reading_any_patient_text_then_the_diagnosis_is_not_named(registry):
    leaks = []
    for persona in registry:
        terms = persona.diagnosis.terms
        texts = [persona.title, persona.opening_statement, *(f.text for f in persona.facts)]
        for term in terms:
            word = re.compile(rf"(?<!\w){re.escape(term.lower())}(?!\w)")
            leaks += [(persona.id, term) for text in texts if word.search(text.lower())]
    assert leaks == []


def test_when_a_case_is_imported_then_it_carries_source_and_license(registry):
    imported = [p for p in registry if not p.is_authored]
    assert len(imported) >= 20
    sources = {p.source.split(" (")[0] for p in imported}
    assert sources == {"AgentClinic MedQA OSCE", "Avey clinical vignettes"}
    assert all(p.license.startswith("MIT") for p in imported)


def test_when_the_template_is_loaded_then_it_is_a_valid_persona():
    template = load_persona(DEFAULT_DIR / "_template.yaml")
    assert template.id == "template-example"


# -- what the patient says: first person, lay words, no diagnosis ---------------------------------

_CHART_MARKERS = re.compile(
    r"\bthe patient\b|\b(?:he|she) (?:reports|denies|states|complains|presents|notes)\b"
    r"|\bdenies\b|\bpt\b|\bc/o\b|\bhx\b|\b\d+/7\b|\bI's\b"
    r"|\bI (?:also |still |now )?(?:has|is|does|reports|complains|presents|notes)\b",
    re.IGNORECASE,
)


def _spoken(persona) -> list[tuple[str, str]]:
    """(where, text) for everything the patient (or parent) says: the opening and every fact."""
    return [("opening", persona.opening_statement), *((f.id, f.text) for f in persona.facts)]


def test_when_any_persona_speaks_then_it_is_in_the_first_person(registry):
    found = [
        (p.id, where, text)
        for p in registry
        for where, text in _spoken(p)
        if _CHART_MARKERS.search(text)
    ]
    assert found == []


def test_when_any_persona_speaks_then_no_chart_term_from_the_glossary_is_used(registry):
    from medchat.personas.importers.lay import default_glossary

    glossary = default_glossary()
    found = [
        (p.id, where, glossary.find_jargon(text))
        for p in registry
        for where, text in _spoken(p)
        if glossary.find_jargon(text)
    ]
    assert found == []


def test_when_any_fact_is_checked_for_leaks_then_none_names_the_diagnosis(registry):
    from medchat.clinical.leakage import find_leak

    found = [
        (p.id, where, find_leak(text, p))
        for p in registry
        for where, text in [("title", p.title), *_spoken(p)]
        if find_leak(text, p)
    ]
    assert found == []


def test_when_an_imported_case_opens_then_it_is_the_patient_or_parent_speaking(registry):
    imported = [p for p in registry if not p.is_authored]
    voice = re.compile(r"\b(?:I|I'm|I've|my|me)\b")
    assert [p.id for p in imported if not voice.search(p.opening_statement)] == []
    assert [p.id for p in imported if re.fullmatch(r"[a-z]+-\d+", p.title)] == []
