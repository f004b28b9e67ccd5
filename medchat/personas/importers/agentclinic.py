"""Importer for AgentClinic MedQA OSCE cases (SamuelSchmidgall/AgentClinic, MIT).

Each JSONL line is `{"OSCE_Examination": {...}}` with the patient's history as prose, nested
examination findings and nested test results; see `/work/shared/data/README.md` upstream.
"""

from __future__ import annotations

import re

from medchat.personas.importers import build
from medchat.personas.importers.overrides import Overrides, default_overrides
from medchat.personas.importers.text import PMH_ONLY, SOCIAL_ONLY, classify, sentences, split_list
from medchat.personas.importers.voice import Speaker, complaint_items
from medchat.personas.schema import FactCategory as C

FORMAT = "agentclinic"
SOURCE = "AgentClinic MedQA OSCE (SamuelSchmidgall/AgentClinic @ b6570ed, arXiv 2405.07960)"
LICENSE = "MIT (Copyright (c) 2024 Samuel Schmidgall)"

_EXAM_RULES = [
    ("vital_signs", r"vital"),
    ("mental_state", r"mental"),
    ("breast", r"breast"),
    ("obstetric", r"obstetric"),
    ("gynaecological", r"pelvic|rectovaginal|gyn"),
    ("genitourinary", r"genito|kidney|testic"),
    ("rectal", r"rectal|anal"),
    ("eyes", r"ophthalm|eye|fundus"),
    ("ent", r"ent_|audio|ear|oral|throat|nose"),
    ("head_neck", r"neck|head"),
    ("cardiovascular", r"cardi(ac|ovascular)|heart"),
    ("respiratory", r"respir|lung|pulmon|chest|cardiopulmonary"),
    ("abdominal", r"abdom"),
    ("neurological", r"neuro|positional"),
    ("musculoskeletal", r"musculo|joint|knee|shoulder|hand|hip|leg|extremit|spine|back"),
    ("skin", r"skin|derma"),
    ("peripheral_vascular", r"vascular"),
]
_GENERIC_TEST_KEYS = {
    "findings",
    "result",
    "results",
    "blood_tests",
    "blood_work",
    "imaging",
    "laboratory_tests",
    "laboratory_studies",
    "additional_tests",
    "blood_test",
    "hematology",
    "other_tests",
    "laboratory",
    "comments",
    "interpretation",
    "notes",
    "impression",
}
_STANDARD_CONTAINERS = {
    "blood_tests",
    "blood_work",
    "imaging",
    "laboratory_tests",
    "laboratory_studies",
    "additional_tests",
    "blood_test",
    "other_tests",
    "laboratory",
}


def _pretty(key: str) -> str:
    text = key.replace("_", " ").strip()
    return text[0].upper() + text[1:] if text else text


def _flatten(value: object, prefix: str = "") -> str:
    if isinstance(value, dict):
        parts = [
            _flatten(v, "" if k.lower() in _GENERIC_TEST_KEYS else _pretty(k))
            for k, v in value.items()
        ]
        return "; ".join(p for p in parts if p)
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    text = str(value).strip()
    return f"{prefix}: {text}" if prefix and text else text


def _exam_system(key: str) -> str:
    lowered = key.lower()
    for system, pattern in _EXAM_RULES:
        if re.search(pattern, lowered):
            return system
    return "general"


def _examination(findings: dict) -> dict[str, str]:
    exam: dict[str, str] = {}
    for key, value in findings.items():
        system = _exam_system(key)
        text = _flatten(value)
        if system == "respiratory" and re.search(r"cardiopulmonary", key, re.I):
            exam["cardiovascular"] = "; ".join(filter(None, [exam.get("cardiovascular"), text]))
        exam[system] = "; ".join(filter(None, [exam.get(system), text]))
    return exam


def _tests(results: dict, container: str = "") -> dict[str, dict]:
    """Named panels stay one test (a CBC); generic containers ('Imaging') are opened up."""
    tests: dict[str, dict] = {}
    for key, value in results.items():
        lowered = key.lower()
        if isinstance(value, dict) and lowered in _STANDARD_CONTAINERS:
            tests.update(_tests(value, lowered))
            continue
        name = _pretty(container if lowered in _GENERIC_TEST_KEYS and container else key)
        entry: dict = {"result": _flatten(value) or "Not recorded"}
        if isinstance(value, dict):
            aliases = [_pretty(k) for k in value if k.lower() not in _GENERIC_TEST_KEYS]
            if aliases:
                entry["aliases"] = aliases
        tests[name] = entry
    return tests


_FALLBACK_OPENING = "I'm just not feeling right."
_DENIES = re.compile(
    r"^(?:the )?(?:patient|she|he)?\s*(?:also\s+)?denies\s+(?:experiencing\s+)?", re.I
)


def convert(record: dict, index: int, overrides: Overrides | None = None) -> dict:
    """One AgentClinic case -> a raw persona dict (validated by the caller)."""
    case = record["OSCE_Examination"]
    actor = case["Patient_Actor"]
    diagnosis = str(case["Correct_Diagnosis"]).strip()
    synonyms = build.synonyms_of(diagnosis)
    terms = build.leak_terms(diagnosis, synonyms)
    age, age_text, sex = build.parse_demographics(actor["Demographics"], actor.get("History", ""))
    child = build.child_word(age, sex)
    persona_id = f"agentclinic-{index:03d}"
    override = (overrides or default_overrides()).for_case(persona_id, diagnosis)
    speaker = Speaker(child, override=override)
    primary = str(actor["Symptoms"].get("Primary_Symptom", "")).strip()
    facts = build.FactList(terms)

    for sentence in sentences(actor.get("History")):
        facts.add_opening(speaker.say(sentence), classify(sentence, child=bool(child)))
    for symptom in actor["Symptoms"].get("Secondary_Symptoms", []) or []:
        facts.add(speaker.say(str(symptom)), C.HPC_ASSOCIATED)
    for sentence in sentences(actor.get("Past_Medical_History")):
        category = classify(sentence, C.PAST_HISTORY, PMH_ONLY, bool(child))
        facts.add(speaker.say(sentence), category)
    for key in ("Current_Medications", "Medications", "Drug_History"):
        value = actor.get(key)
        if isinstance(value, list) and all(len(str(v).split()) <= 3 for v in value):
            facts.add(speaker.takes([str(v) for v in value]), C.MEDICATIONS)
            continue
        for sentence in sentences(value):
            facts.add(speaker.say(sentence), C.MEDICATIONS)
    for sentence in sentences(actor.get("Social_History")):
        category = classify(sentence, C.SOCIAL, SOCIAL_ONLY, bool(child))
        facts.add(speaker.say(sentence), category)
    for sentence in sentences(actor.get("Review_of_Systems")):
        if _DENIES.match(sentence):
            for item in split_list(_DENIES.sub("", sentence)):
                facts.add(speaker.deny(item), C.SYSTEMS_REVIEW)
        else:
            facts.add(speaker.say(sentence), C.SYSTEMS_REVIEW)
    facts.ensure_volunteered()
    if override is not None:
        override.check_used(speaker.used)

    exam = _examination(case.get("Physical_Examination_Findings") or {})
    tests = _tests(case.get("Test_Results") or {})
    complaint = primary or case.get("Objective_for_Doctor", "")
    specialty = build.infer_specialty(diagnosis, complaint, age, actor["Demographics"])
    opening = (override and override.opening_statement) or speaker.opening(complaint)
    who = build.describe_person(age, age_text, sex)
    title = (override and override.title) or build.title(
        complaint_items(complaint, speaker.glossary), who, terms
    )
    return {
        "id": persona_id,
        "title": title,
        "specialty": specialty.value,
        "difficulty": "hard",
        "setting": "outpatient",
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
        "tests": tests,
        "diagnosis": {"name": diagnosis, "synonyms": synonyms, "differentials": []},
        "red_flags": [],
        "checklist": build.derive_checklist(list(facts), exam, tests, diagnosis),
        "source": f"{SOURCE}, case {index}",
        "license": LICENSE,
    }
