"""Does a submitted diagnosis name the case's diagnosis? Synonyms and embeddings, not strings.

Students and models write "ectopic", "Ruptured tubal ectopic", "PE", "Transient ischemic attack"
or "apendicitis"; all must count, while "miscarriage" (a differential) and "hypothyroidism"
(one letter from "hyperthyroidism") must not. The rules, in order:

1. normalise both sides: lower case, British/American spellings, punctuation, hedges ("likely");
2. a case term (name or synonym) occurs as whole words in the submission, not after "non"/"no";
3. an abbreviation equals a term's initials ("TIA" for "transient ischaemic attack");
4. a near-spelling (difflib ratio >= `TYPO_RATIO`) of a whole term;
5. MiniLM cosine >= `EMBED_MIN` to the nearest case term, beating every differential by
   `EMBED_MARGIN`, with no hypo/hyper (or similar) prefix flip, and not a broader name made of
   fewer of the term's own words ("pregnancy" is not "pregnancy outside the womb").
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from medchat.clinical.encoder import Encoder, embed, get_encoder
from medchat.personas.schema import Persona

Verdict = Literal["correct", "in_differential", "missed"]
TYPO_RATIO = 0.88
EMBED_MIN = 0.72
EMBED_MARGIN = 0.05

_SPELLING = [
    (r"aemia", "emia"),
    (r"haem", "hem"),
    (r"oedema", "edema"),
    (r"oesophag", "esophag"),
    (r"ischaem", "ischem"),
    (r"paed", "ped"),
    (r"aetiol", "etiol"),
    (r"tumour", "tumor"),
    (r"ae", "e"),
    (r"\bgall stones\b", "gallstones"),
]
_HEDGES = re.compile(
    r"^((most |more )?(probable|probably|likely)|possible|possibly|suspected|query|presumed|"
    r"suspect|i think|its|it is|this is|an?|the|diagnosis|dx|of)( |$)"
)
_NEG_START = re.compile(r"(non|no|not|exclude\w*|ruled out|unlikely)\b")
_FLIPS = [("hypo", "hyper"), ("hyper", "hypo"), ("brady", "tachy"), ("tachy", "brady")]
_NEGATED = re.compile(r"\b(non|no|not|exclude|excluded|ruled out|unlikely)\s+([a-z0-9]+\s+)?$")


def normalise(text: str) -> str:
    """Lower case, American spelling, no punctuation or hedging words, single spaces."""
    text = text.lower().replace("'s", "s").replace("’s", "s")
    text = re.sub(r"[^a-z0-9/]+", " ", text)
    for pattern, repl in _SPELLING:
        text = re.sub(pattern, repl, text)
    text = re.sub(r"\s+", " ", text).strip()
    while _HEDGES.match(text):
        text = _HEDGES.sub("", text, count=1)
    return text


def initials(term: str) -> str:
    """'transient ischemic attack' -> 'tia'; single words have none."""
    words = [w for w in re.split(r"[\s/-]+", term) if w and w not in {"of", "and", "with", "the"}]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def _contains(text: str, term: str) -> bool:
    """`term` occurs in `text` as whole words, allowing a plural 's', and is not negated."""
    for match in re.finditer(rf"(?<![a-z0-9]){re.escape(term)}(?:e?s)?(?![a-z0-9])", text):
        if not _NEGATED.search(text[: match.start()]):
            return True
    return False


def _flipped(submitted: str, term: str) -> bool:
    return any(a in submitted and b in term and a not in term for a, b in _FLIPS)


@dataclass(frozen=True)
class TermMatch:
    """Why a submission matched: `rule` is term, abbreviation, spelling or embedding."""

    rule: str
    term: str
    score: float = 1.0


class DiagnosisMatcher:
    """Match free-text diagnoses against a case; the encoder comes in for tests or reuse."""

    def __init__(self, encoder: Encoder | None = None):
        self._encoder = encoder
        self._vectors: dict[str, np.ndarray] = {}

    @property
    def encoder(self) -> Encoder:
        if self._encoder is None:
            self._encoder = get_encoder()
        return self._encoder

    def _vector(self, texts: Sequence[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self._vectors]
        if missing:
            for text, vector in zip(missing, embed(self.encoder, missing), strict=True):
                self._vectors[text] = vector
        return np.stack([self._vectors[t] for t in texts])

    def match(
        self, submitted: str, terms: Sequence[str], rivals: Sequence[str] = ()
    ) -> TermMatch | None:
        """How `submitted` names one of `terms` (never preferring one of `rivals`), or None."""
        text = normalise(submitted)
        norms = [normalise(t) for t in terms if normalise(t)]
        if not text or not norms:
            return None
        for term in sorted(norms, key=len, reverse=True):
            if _contains(text, term):
                return TermMatch("term", term)
        for term in norms:
            if " " not in text and text in {initials(term), term.replace(" ", "")}:
                return TermMatch("abbreviation", term)
            if (
                len(term) >= 8
                and difflib.SequenceMatcher(None, text, term).ratio() >= TYPO_RATIO
                and not _flipped(text, term)
            ):
                return TermMatch("spelling", term)
        rival_norms = [normalise(r) for r in rivals if normalise(r)]
        if any(_contains(text, r) for r in rival_norms) or _NEG_START.match(text):
            return None
        vectors = self._vector([text, *norms, *rival_norms])
        scores = vectors[1:] @ vectors[0]
        own, other = scores[: len(norms)], scores[len(norms) :]
        best = int(own.argmax())
        beaten = other.size and float(other.max()) + EMBED_MARGIN > float(own[best])
        broader = set(text.split()) < set(norms[best].split())  # "pregnancy" for "ectopic ..."
        if own[best] >= EMBED_MIN and not (beaten or broader or _flipped(text, norms[best])):
            return TermMatch("embedding", norms[best], float(own[best]))
        return None

    def names_case(self, persona: Persona, submitted: str) -> TermMatch | None:
        """Does `submitted` name the case's diagnosis (rather than one of its differentials)?"""
        dx = persona.diagnosis
        return self.match(submitted, dx.terms, dx.differentials)


@dataclass(frozen=True)
class DiagnosisCheck:
    """The verdict on a submission, with the case's answer to show after submission."""

    verdict: Verdict
    leading: str
    differential: list[str]
    case_diagnosis: str
    matched_by: str | None
    """The rule that matched ("term", "abbreviation", "spelling", "embedding") or None."""
    rank: int | None
    """1 = leading diagnosis, 2.. = position in the differential; None = not named."""
    sensible_differentials: list[str]
    """The case's listed differentials that the student also named."""


def check_diagnosis(
    persona: Persona,
    leading: str,
    differential: Sequence[str] = (),
    matcher: DiagnosisMatcher | None = None,
) -> DiagnosisCheck:
    """correct (leading names the case), in_differential (a differential does), or missed."""
    matcher = matcher or DiagnosisMatcher()
    candidates = [leading or "", *differential]
    rank = None
    matched_by = None
    for index, candidate in enumerate(candidates):
        hit = matcher.names_case(persona, candidate) if candidate.strip() else None
        if hit is not None:
            rank, matched_by = index + 1, hit.rule
            break
    if rank == 1:
        verdict: Verdict = "correct"
    elif rank is not None:
        verdict = "in_differential"
    else:
        verdict = "missed"
    sensible = [
        d
        for d in persona.diagnosis.differentials
        if any(matcher.match(c, [d], persona.diagnosis.terms) for c in candidates if c.strip())
    ]
    return DiagnosisCheck(
        verdict,
        leading,
        list(differential),
        persona.diagnosis.name,
        matched_by,
        rank,
        sensible,
    )
