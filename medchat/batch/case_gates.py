"""Gates that hold the patient to its case: a named diagnosis, a claimed one, a denied fact, an
invented symptom. The rules are phrasings and word overlaps, not embeddings, so a gate costs
microseconds and needs no model; see `medchat.batch.gates` for the registry."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from medchat.clinical import invented_social as social
from medchat.clinical import risk, timing
from medchat.clinical.contradiction import NEGATION, contradicting_sentence
from medchat.clinical.contradiction import telling as _telling
from medchat.clinical.conveyance import (
    case_text,
    content_words,
    invented_symptoms,
    sentences,
)
from medchat.clinical.leakage import find_leak
from medchat.clinical.lexicon import symptom_terms
from medchat.clinical.review import (
    FLAT_NO,
    NO_SYMPTOMS,
    claimed_diagnoses,
    denials,
)
from medchat.personas.schema import FactCategory

if TYPE_CHECKING:
    from medchat.batch.gates import Dialogue, Line

FEELINGS = frozenset({"anxiety", "low mood"})
"""Symptom terms a patient says about being ill ("I'm anxious it's my heart"), not as a new
symptom; the invented-symptom gate does not count them."""

CONTRAST = re.compile(r"\b(?:but|although|though|except|apart from|only|besides)\b", re.I)
LEADING_NO = re.compile(r"^\W*(?:no|nope|not really)\s*[,.;:!-]+\s*", re.IGNORECASE)
IDIOMS = re.compile(r"\b(?:sick|tired) of\b|\bfit (?:and|enough|as)\b", re.IGNORECASE)
"""Symptom words in sayings that are not symptoms ("sick of it", "fit and well")."""
FLAT_WORDS = frozenset({"else", "other", "sympt", "assoc", "addit", "furth", "thing"})
_WORDS = re.compile(r"[a-z0-9']+")
DETERMINER = re.compile(r"\b(?:my|your|his|her|their|a|an|this|that)\b", re.IGNORECASE)
CONDITION = (
    r"[\w'-]*(?:itis|osis|oma|aemia|emia|pathy|syndrome|disease|disorder|infection|cancer|"
    r"pneumonia|diabetes|asthma|angina|migraine|embolism|thrombosis|sepsis|hernia|flu|covid|"
    r"stroke|ulcer|gallstones?|fracture|clot)"
)
REPORTED_CLAIM = re.compile(
    r"\b(?:doctors?|gp|nurse|consultant|specialist|hospital|they)\b[^.?!]{0,40}?\b(?:said|says|"
    rf"told me|thinks?|thought|reckons?|diagnosed)\b[^.?!]{{0,40}}?\b(?P<x>{CONDITION})\b",
    re.IGNORECASE,
)
"""Reported diagnoses with words between speaker and verb ("the doctor at the walk-in said
it's bronchitis"), which `claimed_diagnoses` leaves to this narrower, condition-worded check."""


def first(items, describe: Callable[[Any], str | None]) -> str | None:
    """The first item's description that is not None."""
    return next((found for item in items if (found := describe(item)) is not None), None)


def _head(items: list[str]) -> str | None:
    return items[0] if items else None


def diagnosis_leakage(d: Dialogue) -> str | None:
    """The patient names its diagnosis, also with another determiner than the synonym's ("a
    blood clot in my lung" for "blood clot in the lung")."""

    def leaks(line: Line) -> bool:
        text = line.text
        return bool(find_leak(text, d.persona) or find_leak(DETERMINER.sub("the", text), d.persona))

    return "" if any(leaks(line) for line in d.spoken("patient")) else None


def claimed_diagnosis(d: Dialogue) -> str | None:
    """A diagnosis the patient says it has or was told, which its case does not hold."""
    known = case_text(d.persona)
    stems = {w[:5] for w in _WORDS.findall(known.lower())}

    def describe(line: Line) -> str | None:
        found = claimed_diagnoses(line.text, known)
        found += [
            m["x"] for m in REPORTED_CLAIM.finditer(line.text) if m["x"].lower()[:5] not in stems
        ]
        return _head(found)

    return first(d.spoken("patient"), describe)


def invented_symptom(d: Dialogue) -> str | None:
    """Any symptom asserted that the case never mentions: one is enough, because a trained
    doctor would learn it as part of the case's picture. Questions the patient asks ("could it
    be a rash?") assert nothing and are left out."""

    known = {w[:5] for w in content_words(case_text(d.persona))}

    def describe(line: Line) -> str | None:
        stated = " ".join(s for s in sentences(line.text) if not s.rstrip().endswith("?"))
        stated = IDIOMS.sub(" ", stated)
        found = [
            name
            for name in invented_symptoms(stated, d.persona)
            if name not in FEELINGS and not _worded_in_case(name, stated, known)
        ]
        return _head(found)

    return first(d.spoken("patient"), describe)


def _worded_in_case(name: str, text: str, known: set[str]) -> bool:
    """A several-word term whose words the case uses in another order ("chest pain" in a case
    saying "pain in my chest") is not invented."""
    pattern = dict(symptom_terms())[name]
    for match in pattern.finditer(text):
        words = {w[:5] for w in content_words(match.group(0))}
        if len(words) > 1 and words <= known:
            return True
    return False


def denial(d: Dialogue) -> str | None:
    """A patient turn that negates a case fact it was asked about.

    Asked about = the facts the grounding selected for the turn (its meta), or, when the record
    does not say, the case facts sharing a telling word with the doctor's question. Only facts
    without a negation of their own can be denied ("It doesn't change when I breathe" is agreed
    with by a no). A negated sentence closer to one of the case's negative facts than to the
    fact it shares a word with is that negative fact, said ("No, it doesn't change when I
    breathe in" is not a denial of "I'm a bit short of breath"). "No other symptoms" also denies
    the case's associated symptoms not said before it.
    """
    case = case_text(d.persona)
    positive = {f.id: f.text for f in d.persona.facts if not NEGATION.search(f.text)}
    negative = [_telling(f.text) for f in d.persona.facts if NEGATION.search(f.text)]
    associated = {
        f.id for f in d.persona.facts if f.category == FactCategory.HPC_ASSOCIATED
    } & positive.keys()
    said_before: set[str] = set()
    question = ""
    for line in d.spoken():
        if line.role == "doctor":
            question = line.text
            continue
        if line.facts is not None:
            asked = {fid: positive[fid] for fid in line.facts if fid in positive}
        else:
            words = _telling(question)
            asked = {fid: text for fid, text in positive.items() if words & _telling(text)}
        found = _denied(line.text, asked, positive, associated - said_before, negative, case)
        if found:
            return ",".join(sorted(found))
        said_before |= _affirmed(line.text, positive)
    return None


def _denied(
    text: str,
    asked: dict[str, str],
    positive: dict[str, str],
    unsaid_associated: set[str],
    negative: list[set[str]],
    case: str,
) -> set[str]:
    parts = sentences(text)
    said = _affirmed(text, asked)
    if FLAT_NO.search(text) and not (_telling(text) - FLAT_WORDS) and not said:
        return set(asked)  # "No.", "No, nothing else.": a no to everything asked
    found: set[str] = set()
    for i, sentence in enumerate(parts):
        if sentence.rstrip().endswith("?"):
            continue  # a question asserts nothing ("You won't stop me driving, will you?")
        if blanket := NO_SYMPTOMS.search(sentence):
            before = _affirmed(" ".join([*parts[:i], sentence[: blanket.start()]]), positive)
            found |= (unsaid_associated | set(asked)) - before
            continue
        if CONTRAST.search(sentence) or _answers_no_then_says(sentence):
            continue
        words = _telling(sentence)
        for fid in denials(sentence, asked, said, case):
            fact_words = _telling(asked[fid])
            if not any(len(words & neg) >= max(1, len(words & fact_words)) for neg in negative):
                found.add(fid)
    return found


def _affirmed(text: str, facts: dict[str, str]) -> set[str]:
    """Facts a text says: a sentence without negation sharing a telling word with the fact."""
    out: set[str] = set()
    for sentence in sentences(text):
        if sentence.rstrip().endswith("?"):
            continue
        if NEGATION.search(sentence) and not _answers_no_then_says(sentence):
            continue
        words = _telling(sentence)
        out |= {fid for fid, fact in facts.items() if words & _telling(fact)}
    return out


def _answers_no_then_says(sentence: str) -> bool:
    """ "No, it's more of a heavy weight": the no answers the question, the rest is said."""
    rest = LEADING_NO.sub("", sentence, count=1)
    return rest != sentence and bool(_telling(rest)) and not NEGATION.search(rest)


def invented_timing(d: Dialogue) -> str | None:
    """A patient sentence giving a time span ("about a month") that no span in its case is
    close to (`medchat.clinical.timing`): three onsets for one complaint read as a made-up
    history."""
    case = case_text(d.persona)
    return first(d.spoken("patient"), lambda line: timing.invented_timing(line.text, case))


def invented_risk(d: Dialogue) -> str | None:
    """A patient sentence stating suicide risk its case does not hold (thoughts in a case with
    none, a day set where the case sets none: `medchat.clinical.risk`), the rule the live review
    applies to each reply."""
    facts = [f.text for f in d.persona.facts]
    return first(d.spoken("patient"), lambda line: risk.invented_risk(line.text, facts))


def invented_social(d: Dialogue) -> str | None:
    """A patient sentence telling a household or a job its case never states
    (`medchat.clinical.invented_social`), the rule the live review applies to each reply."""
    facts = d.persona.facts
    return first(d.spoken("patient"), lambda line: social.invented_social(line.text, facts))


def contradiction(d: Dialogue) -> str | None:
    """A patient sentence affirming what a case fact negates (`contradicting_sentence`, the rule
    the patient's live review applies to each reply)."""
    facts = [f.text for f in d.persona.facts]
    return first(d.spoken("patient"), lambda line: contradicting_sentence(line.text, facts))
