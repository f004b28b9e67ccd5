"""Importer for the Avey clinical vignettes (medaks/symptomcheck-bench, MIT).

Each JSONL line has `correct_diagnosis, demographics, chief_complaints, presentation,
absent_findings, physical_history, family_history, social_history`. The vignettes hold no
examination or test results, so imported cases list none (the examiner then reports "normal" /
"not available"), except signs named among the absent findings ("No JVD").
"""

from __future__ import annotations

import re

from medchat.personas.importers import build
from medchat.personas.importers.overrides import Overrides, default_overrides
from medchat.personas.importers.text import PMH_ONLY, SOCIAL_ONLY, classify, sentences
from medchat.personas.importers.voice import Speaker, complaint_items
from medchat.personas.schema import FactCategory as C

FORMAT = "avey"
SOURCE = "Avey clinical vignettes (medaks/symptomcheck-bench @ 36c80b4)"
LICENSE = "MIT (Copyright (c) 2024 medaks)"

_SIGNS = [
    ("cardiovascular", r"jvd|murmur|tachycardia|bradycardia|gallop"),
    ("respiratory", r"crackles|tachypn|wheez.*(heard|on exam)|stridor|chest tenderness"),
    ("musculoskeletal", r"joint tenderness"),
    ("head_neck", r"facial tenderness"),
    ("mental_state", r"impaired mental status"),
    ("eyes", r"miosis"),
    ("abdominal", r"tenderness|guarding|organomegaly|hepatomegaly|splenomegaly"),
    ("general", r"cyanosis|pallor|jaundice on exam|clubbing"),
]
_NONE = re.compile(r"^(none|no|-|nothing|not significant|unremarkable)\.?$", re.I)
_SITES = {
    "chest",
    "abdominal",
    "ear",
    "vaginal",
    "joint",
    "nasal",
    "skin",
    "back",
    "facial",
    "flank",
}


def _sign_system(item: str) -> str | None:
    for system, pattern in _SIGNS:
        if re.search(pattern, item, re.I):
            return system
    return None


def _absent_items(text: str) -> list[str]:
    """'No nausea or vomiting, No chest pain or tenderness' -> ['No nausea', 'No vomiting',
    'No chest pain', 'No chest tenderness']: a site word is shared by both halves."""
    items = []
    text = re.sub(r"(?<=[a-z])(?=[A-Z][a-z])", ", ", text)
    for part in re.split(r",\s*|\.\s+|\s+(?=No\s)", text.strip().rstrip(".")):
        pieces = [p.strip().rstrip(".") for p in re.split(r"\s+or\s+|\s+and\s+", part)]
        pieces = [p for p in pieces if p]
        negated = part.strip().lower().startswith(("no ", "not "))
        word = part.strip().split(" ", 1)[0] if negated else ""
        site = pieces[0].split()[1].lower() if negated and len(pieces[0].split()) == 3 else ""
        for number, piece in enumerate(pieces):
            if number and site in _SITES and len(piece.split()) == 1:
                piece = f"{site} {piece}"
            items.append(f"{word} {piece}" if negated and number > 0 else piece)
    return items


_FALLBACK_OPENING = "I'm just not feeling right."


def convert(record: dict, index: int, overrides: Overrides | None = None) -> dict:
    """One Avey vignette -> a raw persona dict (validated by the caller)."""
    diagnosis = str(record["correct_diagnosis"]).strip()
    synonyms = build.synonyms_of(diagnosis)
    terms = build.leak_terms(diagnosis, synonyms)
    age, age_text, sex = build.parse_demographics(record["demographics"], record["presentation"])
    child = build.child_word(age, sex)
    persona_id = f"avey-{index:03d}"
    override = (overrides or default_overrides()).for_case(persona_id, diagnosis)
    speaker = Speaker(child, override=override)
    complaints = [c.strip() for c in str(record.get("chief_complaints", "")).split(",")]
    complaints = [c for c in ", ".join(complaints).replace("of, ", "of ").split(", ") if c]

    facts = build.FactList(terms)
    exam: dict[str, str] = {}
    for sentence in sentences(record.get("presentation")):
        facts.add_opening(speaker.say(sentence), classify(sentence, child=bool(child)))
    for item in _absent_items(str(record.get("absent_findings", ""))):
        system = _sign_system(item)
        if system:
            exam[system] = " ".join(filter(None, [exam.get(system), item.rstrip(".") + "."]))
        else:
            facts.add(speaker.deny(item), _absent_category(item))
    for sentence in sentences(record.get("physical_history")):
        category = classify(sentence, C.PAST_HISTORY, PMH_ONLY, bool(child))
        facts.add(speaker.say(sentence), category)
    family = str(record.get("family_history", "")).strip()
    if _NONE.match(family):
        if family.lower().startswith(("none", "no")):
            facts.add("Nothing like this runs in my family as far as I know.", C.FAMILY)
    else:
        for sentence in sentences(family):
            facts.add(speaker.family(sentence), C.FAMILY)
    for sentence in sentences(record.get("social_history")):
        category = classify(sentence, C.SOCIAL, SOCIAL_ONLY, bool(child))
        facts.add(speaker.say(sentence), category)
    facts.ensure_volunteered()
    if override is not None:
        override.check_used(speaker.used)

    complaint = ", ".join(complaints).lower() or "feeling unwell"
    specialty = build.infer_specialty(diagnosis, complaint, age, record["demographics"])
    opening = (override and override.opening_statement) or speaker.opening(complaint)
    who = build.describe_person(age, age_text, sex)
    title = (override and override.title) or build.title(
        complaint_items(complaint, speaker.glossary), who, terms
    )
    return {
        "id": persona_id,
        "title": title,
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
        "facts": list(facts),
        "examination": exam,
        "tests": {},
        "diagnosis": {"name": diagnosis, "synonyms": synonyms, "differentials": []},
        "red_flags": [],
        "checklist": build.derive_checklist(list(facts), exam, {}, diagnosis),
        "source": f"{SOURCE}, vignette {index}",
        "license": LICENSE,
    }


def _absent_category(item: str) -> C:
    """Habits and allergies said as negatives still belong to their own category."""
    lowered = item.lower()
    if "allerg" in lowered:
        return C.ALLERGIES
    if re.search(r"smok|alcohol|drug use|travel|pets|condom", lowered):
        return C.SOCIAL
    if re.search(r"steroid|nsaid|medication", lowered):
        return C.MEDICATIONS
    return C.SYSTEMS_REVIEW
