"""Clinical text the NER model takes for a person or a place, told by its shape (fifteenth round,
from the clinical spans fresh14 and hand-written 12 lost):

- a medicine named right before its dose or strength ("give X Sytron 20mg od", "Rinvoq
  30/500"), when the word is no known given name or surname;
- a syndrome named by three or more describers joined by hyphens ("Lown-Ganong-Levine");
- a diagnosis label heading the span ("Diagnose Zollinger-Ellison", "Diagnosis Madelung's").

Each is a shape no name or town takes; the name lists keep the exceptions.
"""

from __future__ import annotations

import re

from safety.pii.names import given_names, is_common, surnames

# A dose with its unit, or a combination's strength in figures ("30/500", "8/500"): the second
# part of a date is a month or a year, never 250, 500 or 1000. Grams only with a space ("1 g"):
# "Studio 70g" is a flat; no "/50": "Seifertring 27/50" is a house and flat number.
_DOSE = re.compile(
    r"\s+(?:\d+(?:[.,]\d+)?\s*(?i:mg|mcg|µg|micrograms?|milligrams?|ml|units?|iu|puffs?|"
    r"tabs?|tablets?|caps|capsules?|sachets?|drops?)\b|\d+(?:[.,]\d+)?\s+(?i:g)\b|"
    r"\d+(?:\.\d+)?/(?:1000|500|250)\b(?!/))"
)
_WORD_BEFORE_DOSE = re.compile(r"(?<![\w'’-])([^\W\d_]{4,})(?=" + _DOSE.pattern + ")")
_CHAINED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+){2,}")
# The small words inside hyphenated place names (French, English, German, Dutch), and the
# German street words that close a hyphenated street ("Irmtraud-Schuchhardt-Gasse").
_PLACE_PARTICLE = re.compile(
    r"sur|sous|en|les|lès|le|la|de|du|des|aux|au|upon|on|under|in|by|am|an|der|im|bei|ob|auf|"
    r"aan|op|ter|ten|den|van|saint|sainte|st|ste|sankt|gasse|straße|strasse|weg|platz|allee|ring"
)
_DIAGNOSIS_LABEL = re.compile(r"(?i:diagnose|diagnosis|diagnostic|dx)\s*:?\s+")


def _a_name(word: str) -> bool:
    w = word.lower()
    return w in given_names() or w in surnames()


def drug_before_dose(text: str) -> list[tuple[int, int]]:
    """Spans of a word right before a dose or a strength that is no name and no everyday word:
    a medicine, which a detection must keep and around which an NER span is split."""
    return [
        m.span(1)
        for m in _WORD_BEFORE_DOSE.finditer(text)
        if not _a_name(m.group(1)) and not is_common(m.group(1))
    ]


def chained_eponym(span: str) -> bool:
    """One word of three or more parts joined by hyphens, none a given name nor a place's
    particle: a syndrome named after its describers ("Lown-Ganong-Levine"); a double-barrelled
    surname has two parts, and a town has its particle ("Stratford-upon-Avon",
    "Maury-sur-Grenier")."""
    if not _CHAINED.fullmatch(span.strip()):
        return False
    parts = [part.lower() for part in span.strip().split("-")]
    return not any(p in given_names() or _PLACE_PARTICLE.fullmatch(p) for p in parts)


def after_diagnosis_label(span: str) -> int:
    """Length of a diagnosis label opening the span ("Diagnose ", "Dx: "), 0 when none."""
    m = _DIAGNOSIS_LABEL.match(span)
    return m.end() if m and m.end() < len(span) else 0
