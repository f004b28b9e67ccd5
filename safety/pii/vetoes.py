"""Clinical text the NER model takes for a person or a place, told by its shape (fifteenth round,
from the clinical spans fresh14 and hand-written 12 lost):

- a medicine named right before its dose or strength ("give X Sytron 20mg od", "Rinvoq
  30/500"), when the word is no known given name or surname;
- a syndrome named by three or more describers joined by hyphens ("Lown-Ganong-Levine");
- a diagnosis label heading the span ("Diagnose Zollinger-Ellison", "Diagnosis Madelung's").

Sixteenth round, from the clinical spans fresh15 and hand-written 13 lost:

- a brand named with its inhaler device ("Relvar Ellipta", "seretide accuhaler"): the device
  word says a medicine, whatever the brand before it;
- a fluid or drug given at an infusion rate ("<brand> running at 125 ml/hr");
- a condition typed in lower case before a head noun without the possessive ("kimura disease",
  "thalassaemia minor trait"): the capitalised and possessive forms were already kept.

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
# German, Dutch and French labels for a suspected, past or named condition ("V.a." Verdacht auf,
# "Z.n." Zustand nach, "Vorerkrankung", "ziekte van", "maladie de"; sixteenth round): a person
# never follows them, so they count even before a word that is also a given name.
CONDITION_LABEL = (
    r"(?i:v\.\s?a\.|verdacht\s+auf|vorerkrankung(?:en)?|z\.\s?n\.|zustand\s+nach|"
    r"ziekte\s+van|syndroom\s+van|maladie\s+de|syndrome\s+de|"
    # the French "suffering from" before a condition ("atteint de Lesch-Nyhan"; seventeenth
    # round, from fresh16's medical certificate)
    r"atteinte?s?\s+de|souffrant\s+de|souffre\s+de)"
)
_CONDITION_LABEL_OPENS = re.compile(rf"{CONDITION_LABEL}\s*:?\s+")
_INHALER_DEVICE = (
    r"(?i:ellipta|accuhaler|turbohaler|evohaler|easyhaler|respimat|nexthaler|spiromax|genuair|"
    r"breezhaler|handihaler|autohaler|clickhaler|novolizer|forspiro|digihaler)"
)
# A brand with its release form ("Brand Retard", "Lamzarin Chrono", "Brand XL"; seventeenth
# round, from fresh16 and hand-written 14): the form word says a medicine.
_RELEASE_FORM = re.compile(
    r"(?<![\w-])([^\W\d_][\w-]{2,})\s+(?:(?i:retard|chrono|continus|depot|mite|uno)|XL|SR|MR|CR|XR|"
    r"LA|CD)\b"
)
_DEVICE_BRAND = re.compile(rf"(?<![\w-])[^\W\d_][\w-]{{2,}}\s+{_INHALER_DEVICE}\b")
_INFUSION = re.compile(
    r"(?<![\w-])([^\W\d_][\w-]{2,})(?=\s+(?i:(?:running|infusing|going)\s+)?(?i:at)\s+"
    r"\d+(?:\.\d+)?\s*(?i:ml|mls|mL)\s*(?:/|per\s+)\s*(?i:hr|h|hour)\b)"
)
# Head nouns after which a lower-case word names a condition, not a person or place.
# (one or two such words: "thalassaemia minor trait" is kept whole, or the model's span is split
# round the kept part and its ends are still taken for places)
_LOWER_EPONYM = re.compile(
    r"(?<![\w'’-])((?:[a-zà-ÿ][a-zà-ÿ-]{2,}\s+)?[a-zà-ÿ][a-zà-ÿ-]{2,})\s+"
    r"(?:disease|syndrome|sarcoma|trait)\b"
)


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


def after_condition_label(span: str) -> int:
    """Length of a continental condition label opening the span ("V.a. ", "Vorerkrankung ",
    "ziekte van "), 0 when none."""
    m = _CONDITION_LABEL_OPENS.match(span)
    return m.end() if m and m.end() < len(span) else 0


def clinical_shapes(text: str) -> list[tuple[int, int]]:
    """Spans a detection must keep: a brand with its inhaler device, a word before an infusion
    rate, and a lower-case word before a condition's head noun that is no known given name."""
    spans = [m.span() for m in _DEVICE_BRAND.finditer(text)]
    spans += [m.span(1) for m in _INFUSION.finditer(text) if not _a_name(m.group(1))]
    spans += [
        m.span()
        for m in _RELEASE_FORM.finditer(text)
        if not _a_name(m.group(1)) and not is_common(m.group(1))
    ]
    spans += [
        m.span()
        for m in _LOWER_EPONYM.finditer(text)
        if not any(w in given_names() for w in m.group(1).split())
    ]
    return spans
