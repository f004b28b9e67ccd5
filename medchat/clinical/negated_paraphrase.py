"""A case fact that a reply says only inside a no is not said.

The conveyance check (`conveyance.conveyed`) is a similarity: "No, I haven't had weakness in my
arms" is as close to the case's "My arms feel weak" as a yes would be, and it shares most of the
fact's words. Counted as said, such a fact was excused by the denial check, which looks only for
facts a reply denies without also saying them, so the worst error (a patient denying its own
case) passed the review and the fidelity figures alike. Here a fact the similarity counts as
said is not said when the reply's clauses without a negation no longer convey it and what a
negated clause denies (the words after its last negation) shares a stem with it. A fact worded
with a negation ("I haven't slept", "without trying") is echoed back with its negation and keeps
the plain check.
"""

from __future__ import annotations

import re

import numpy as np

from medchat.clinical.conveyance import conveyed, sentences
from medchat.clinical.review import _CLAUSE, _NEGATED, NOT_BETTER, UNSURE, telling_stems

ANY_NEGATION = re.compile(r"\b(?:no|not|never|none|nothing|without|cannot|\w+n't)\b", re.I)
"""Any negation word in a case fact: such a fact is said back with its negation."""


def _clauses(text: str) -> list[tuple[str, bool]]:
    """The reply's clauses, each with whether it is negated (a negated improvement, "it's not
    getting better", states the complaint and is not). A clause that is unsure ("I don't know
    if I'd try again") neither says nor denies, so it is left out."""
    return [
        (clause, bool(_NEGATED.search(NOT_BETTER.sub(" ", clause))))
        for sentence in sentences(text)
        for clause in _CLAUSE.split(sentence)
        if not UNSURE.search(clause)
    ]


def _negated_words(clause: str) -> set[str]:
    """Stems of what a negated clause denies: the words after its last negation ("No, I
    haven't vomited any blood" denies vomiting blood; "No, the swelling is not painful"
    denies pain, not the swelling)."""
    ends = [match.end() for match in _NEGATED.finditer(clause)]
    return telling_stems(clause[ends[-1] :]) if ends else set()


def said_only_in_a_no(
    text: str, facts: dict[str, str], said: set[str], fact_vecs: np.ndarray
) -> set[str]:
    """Ids in `said` (of `facts`, id -> text, aligned with `fact_vecs`) that `text` conveys only
    by a negated clause whose denied words share a stem with the fact."""
    candidates = {fid for fid in said & set(facts) if not ANY_NEGATION.search(facts[fid])}
    clauses = _clauses(text)
    negated = [_negated_words(clause) for clause, neg in clauses if neg]
    if not candidates or not negated:
        return set()
    positive = " ".join(clause for clause, neg in clauses if not neg).strip()
    still: set[str] = set()
    if positive:
        hits = conveyed(positive, list(facts.values()), fact_vecs)
        still = {fid for fid, hit in zip(facts, hits, strict=True) if hit}
    return {
        fid
        for fid in candidates - still
        if any(words & telling_stems(facts[fid]) for words in negated)
    }
