"""Importer for the Avey clinical vignettes (medaks/symptomcheck-bench, MIT).

Each JSONL line has `correct_diagnosis, demographics, chief_complaints, presentation,
absent_findings, physical_history, family_history, social_history`. The vignettes hold no
examination or test results, so imported cases list none (the examiner then reports "normal" /
"not available"), except signs named among the absent findings ("No JVD").
"""

from __future__ import annotations

import re

from medchat.personas.importers import build
from medchat.personas.importers.text import (
    PMH_ONLY,
    SOCIAL_ONLY,
    classify,
    first_person,
    lay,
    negative,
    sentences,
)
from medchat.personas.schema import FactCategory as C

FORMAT = "avey"
SOURCE = "Avey clinical vignettes (medaks/symptomcheck-bench @ 36c80b4)"
LICENSE = "MIT (Copyright (c) 2024 medaks)"

_SIGNS = [
    ("cardiovascular", r"jvd|murmur|tachycardia|bradycardia|gallop"),
    ("respiratory", r"crackles|tachypn|wheez.*(heard|on exam)|stridor"),
    ("abdominal", r"tenderness|guarding|organomegaly|hepatomegaly|splenomegaly"),
    ("general", r"cyanosis|pallor|jaundice on exam|clubbing"),
]
_NONE = re.compile(r"^(none|no|-|nothing|not significant|unremarkable)\.?$", re.I)


def _sign_system(item: str) -> str | None:
    for system, pattern in _SIGNS:
        if re.search(pattern, item, re.I):
            return system
    return None


def _absent_items(text: str) -> list[str]:
    """'No nausea or vomiting, No JVD' -> ['No nausea', 'No vomiting', 'No JVD']."""
    items = []
    for part in re.split(r",\s*", text):
        pieces = [p.strip().rstrip(".") for p in re.split(r"\s+or\s+|\s+and\s+", part)]
        negated = part.strip().lower().startswith("no ")
        for number, piece in enumerate(p for p in pieces if p):
            items.append(f"No {piece}" if negated and number > 0 else piece)
    return items


_FALLBACK_OPENING = "I'm just not feeling right."


def convert(record: dict, index: int) -> dict:
    """One Avey vignette -> a raw persona dict (validated by the caller)."""
    diagnosis = str(record["correct_diagnosis"]).strip()
    synonyms = build.synonyms_of(diagnosis)
    terms = build.leak_terms(diagnosis, synonyms)
    age, age_text, sex = build.parse_demographics(record["demographics"], record["presentation"])
    child = build.child_word(age, sex)
    complaints = [c.strip() for c in str(record.get("chief_complaints", "")).split(",")]
    complaints = [c for c in ", ".join(complaints).replace("of, ", "of ").split(", ") if c]

    facts: list[dict] = []
    exam: dict[str, str] = {}

    def add(text: str, category: C, volunteered: bool = False) -> None:
        if text and not build.leaks(text, terms):
            facts.append(
                {
                    "id": f"f{len(facts) + 1:02d}",
                    "text": text,
                    "category": category.value,
                    "volunteered": volunteered,
                }
            )

    for number, sentence in enumerate(sentences(record.get("presentation"))):
        add(
            first_person(sentence, child),
            classify(sentence, child=bool(child)),
            volunteered=number == 0,
        )
    for item in _absent_items(str(record.get("absent_findings", ""))):
        system = _sign_system(item)
        if system:
            exam[system] = " ".join(filter(None, [exam.get(system), item.rstrip(".") + "."]))
        elif item.lower().startswith("no known allerg"):
            add("I don't have any allergies that I know of.", C.ALLERGIES)
        else:
            add(negative(item, child), C.SYSTEMS_REVIEW)
    for sentence in sentences(record.get("physical_history")):
        add(
            first_person(sentence, child), classify(sentence, C.PAST_HISTORY, PMH_ONLY, bool(child))
        )
    family = str(record.get("family_history", "")).strip()
    if _NONE.match(family):
        if family.lower().startswith(("none", "no")):
            add("Nothing like this runs in my family as far as I know.", C.FAMILY)
    else:
        for sentence in sentences(family):
            add(first_person(sentence, child), C.FAMILY)
    for sentence in sentences(record.get("social_history")):
        add(first_person(sentence, child), classify(sentence, C.SOCIAL, SOCIAL_ONLY, bool(child)))

    persona_id = f"avey-{index:03d}"
    complaint = ", ".join(complaints).lower() or "feeling unwell"
    specialty = build.infer_specialty(diagnosis, complaint, age, record["demographics"])
    opening = build.opening(lay(complaint), child)
    who = build.describe_age(age, age_text)
    lead = complaints[0] if complaints else "Feeling unwell"
    lead = lead if not build.leaks(lead, terms) else "Feeling unwell"
    return {
        "id": persona_id,
        "title": f"{lead} in {who} {sex}",
        "specialty": specialty.value,
        "difficulty": "medium",
        "setting": "primary_care",
        "demographics": {
            "name": build.fictional_name(sex, persona_id),
            "age": age,
            "age_text": age_text,
            "age_range": build.age_range(age, age_text),
            "sex": sex,
            "informant": "parent" if child else None,
        },
        "opening_statement": opening if not build.leaks(opening, terms) else _FALLBACK_OPENING,
        "facts": facts,
        "examination": exam,
        "tests": {},
        "diagnosis": {"name": diagnosis, "synonyms": synonyms, "differentials": []},
        "red_flags": [],
        "checklist": build.derive_checklist(facts, exam, {}, diagnosis),
        "source": f"{SOURCE}, vignette {index}",
        "license": LICENSE,
    }
