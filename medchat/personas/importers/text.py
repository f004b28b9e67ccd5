"""Rules that cut clinical case prose into atomic fragments and sort them into fact categories.

Public case sets are written about the patient ("She reports a 1-month history of diplopia").
This module splits the prose and classifies each fragment; `voice.py` re-voices it as the
patient, in the lay words of `lay.py`.
"""

from __future__ import annotations

import re

from medchat.personas.importers.grammar import has_verb
from medchat.personas.schema import FactCategory as C

_SPLIT = re.compile(
    r"(?<=[.!?])\s+|;\s+|,\s+(?=(?:[Hh]e|[Ss]he|I)\s)|,\s+(?=presents? with\b)"
    r"|,\s+(?=(?:frequently |occasionally )?(?:drinks|works|lives|plays|enjoys|smokes|does not|"
    r"retired|occasional|moderate)\b)|(?<=[Ss]moker) and (?=drinks\b)"
)
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
"""'cheeksBruising', 'reportedThe': two fragments glued together in the source."""
_LEADING_CLAUSE = re.compile(
    r"^(?:.*\bthat )?(?:despite|although|though|when|while|if|because|after|before|since|"
    r"during|earlier)\b",
    re.IGNORECASE,
)


def sentences(text: object) -> list[str]:
    """Split prose into sentences; lists and dicts are opened up; placeholders give nothing.

    A fragment that is only a leading clause ("Earlier this evening") is put back in front of
    the sentence it belongs to.
    """
    if isinstance(text, dict):
        return [s for value in text.values() for s in sentences(value)]
    if isinstance(text, list):
        return [s for value in text for s in sentences(value)]
    text = "" if text is None else str(text)
    if not text or _is_placeholder(text):
        return []
    parts: list[str] = []
    for part in _SPLIT.split(_GLUED.sub(". ", text.strip())):
        part = part.strip().rstrip(".").strip()
        lead = _LEADING_CLAUSE.match(parts[-1]) if parts else None
        if lead and "," not in parts[-1] and not has_verb(parts[-1][lead.end() :]):
            parts[-1] = f"{parts[-1]}, {part}"
        else:
            parts.append(part)
    return [p for p in parts if len(p) > 2 and not _is_placeholder(p)]


def _is_placeholder(text: str) -> bool:
    lowered = text.strip().strip(".").lower()
    return lowered in {"", "-", "none", "n/a", "na", "unknown", "not provided"} or any(
        phrase in lowered for phrase in ("not provided", "not specified", "no additional symptoms")
    )


_PARENT_PREFIX = re.compile(
    r"^((the|her|his) )?((patient|newborn|baby|infant|child)'s )?(mother|father|parents?|mom|mum)"
    r"\s+(also\s+)?(reports?|notes?|states?|says?|mentions?|describes?|noticed|is concerned)\s+"
    r"(that\s+)?",
    re.IGNORECASE,
)
"""'Her mother reports that ...': for a child the parent speaks, so this is not family history."""

_RULES: list[tuple[C, str]] = [
    (C.HPC_ONSET, r"\d+[- ](hour|day|week|month|year)s?[- ]history"),
    (C.ALLERGIES, r"allerg"),
    (C.MEDICATIONS, r"\b(taking|takes|tablets?|pills?|mg\b|prescribed|inhaler|contracepti)"),
    (C.FAMILY, r"\b(mother|father|sister|brother|family|parents?|grand\w+|sibling|aunt|uncle)\b"),
    (
        C.SOCIAL,
        r"\b(smok|cigarette|alcohol|drinks?|beer|wine|works? (as|in|at)|job|employ|"
        r"lives? (with|alone)|married|travel|sexual|partner|drug use|student|diet|"
        r"exercise)",
    ),
    (
        C.PAST_HISTORY,
        r"\b(history of|diagnosed|surgery|operation|previous|past medical|"
        r"hospitali[sz]ed|years ago i had|vaccin)",
    ),
    (C.HPC_RADIATION, r"\b(radiat|spreads?|goes (to|into|down)|moves to)"),
    (
        C.HPC_EXACERBATING_RELIEVING,
        r"\b(worse (with|when|after|on)|worsens?|improves?|better|"
        r"relieved|eases?|aggravat|triggered|after (eating|meals))",
    ),
    (
        C.HPC_TIMING,
        r"\b(comes and goes|intermittent|constant|episodes?|at night|in the morning|"
        r"every|daily|times a (day|week)|lasts?|minutes|hours)\b",
    ),
    (C.HPC_SEVERITY, r"\b(severe|mild|moderate|/10|out of 10|excruciating|worst|unbearable)"),
    (
        C.HPC_CHARACTER,
        r"\b(sharp|dull|burning|crushing|throbbing|stabbing|aching|cramp|"
        r"colicky|tight|pressure|describes? (it|the))",
    ),
    (
        C.HPC_ONSET,
        r"\b(ago|started|began|since|for the (past|last)|onset|sudden|gradual|"
        r"\d+[- ](day|week|month|year)s?|yesterday|this morning)",
    ),
    (
        C.HPC_SITE,
        r"\b(located|in (my|the) (chest|abdomen|belly|back|head|leg|arm|neck)|"
        r"left|right|upper|lower)\b",
    ),
]


def classify(
    text: str, default: C = C.HPC_ASSOCIATED, only: set[C] | None = None, child: bool = False
) -> C:
    """The first matching category rule (among `only`, if given); `default` when none match.

    For a child the parent is the informant, so "her mother reports..." is not family history.
    """
    lowered = text.lower()
    if child:
        lowered = _PARENT_PREFIX.sub("", lowered)
    for category, pattern in _RULES:
        if category == C.FAMILY and child and not re.search(r"famil|runs in|sibling", lowered):
            continue
        if (only is None or category in only) and re.search(pattern, lowered):
            return category
    return default


def split_list(text: str) -> list[str]:
    """'chest pain, palpitations, or recent infections' -> three items."""
    parts = re.split(r",\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+(?=no\b)", text)
    return [p.strip().rstrip(".") for p in parts if p.strip().rstrip(".")]


PMH_ONLY = {C.ALLERGIES, C.MEDICATIONS, C.FAMILY, C.SOCIAL}
SOCIAL_ONLY = {C.ALLERGIES, C.MEDICATIONS, C.FAMILY}
