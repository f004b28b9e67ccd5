"""Where a streamed reply may be cut: sentence ends, and clause ends that split no identifier.

A clause end (comma, semicolon, colon, dash, closing bracket, followed by a space) is only a
*candidate*. `StreamScrubber` releases text up to one only when these rules say that nothing
before it could still turn out to be part of an identifier once more text arrives:

* the clause must not end in a digit, a capitalised word, an e-mail-like token, a title, a month
  or an identifier label ("DOB", "phone", "address"), because "Smith, John", "14 October, 1949"
  and "12 Rue de la Paix, 75002 Paris" run on past the comma (`ends_open`);
* every token with a digit, a capital, an "@" or a web prefix in the released text must be
  explained: part of a detected entity (then it is replaced), clinical content, a number of at
  most three digits, or a known harmless word (`unexplained`). Names the NER model would only
  catch with the rest of the sentence as context are therefore never shown early; such a clause
  waits for its sentence end, as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from safety.pii.clinical import person_names

SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*\s+|\n+")
ABBREV = re.compile(
    r"(?:\b(?:Dr|Mr|Mrs|Ms|Mx|Prof|St|Sr|Jr|No|Apt|Ave|Rd|vs|etc|e\.g|i\.e|approx|Fig|Inc|Ltd|"
    r"Co|Dept|Univ|Gen|Hosp|tab|tabs|mg|ml)|\b[A-Z])\.\s+$"
)
# The space after the mark must have arrived: "10:30", "1,000" and "https://" are not clause ends.
CLAUSE_END = re.compile(r"(?:[,;:)\]}]+|[ \t][-–—]{1,2}|[–—])[\"'”’]*[ \t]+")

_STRIP = "\"'“”‘’()[]{},;:.!?-–—*"
_TAG = re.compile(r"<[A-Z_]+_\d+>")  # a surrogate the model echoed back: already scrubbed
_SMALL_NUMBER = re.compile(r"\d{1,3}(?:[.,]\d{1,2})?%?")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_I_FORMS = _words("I I'm I've I'll I'd I’m I’ve I’ll I’d")
TITLES = _words("dr mr mrs ms miss mx prof sister nurse doctor professor sir madam dame lord lady")
MONTHS = _words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
LABELS = _words(
    "dob d.o.b birth born birthday phone telephone tel mobile mob cell number no num # email "
    "e-mail mail address addr postcode zip nhs mrn id ref reference name surname forename "
    "called named patient contact fax website url site ssn passport licence license policy "
    "member insurance card account flat apartment apt unit suite room floor"
)
# Capitalised only because they open a sentence; none is also a common given name.
OPENERS = _words(
    """Yes No Yeah Okay OK Ok Alright Right Sure Well So Now Then Oh Ah Hmm Um Hi Hello Hey
    Thanks Thank Sorry Please Honestly Actually Also However Unfortunately Fortunately Sometimes
    Usually Normally Otherwise Anyway Basically First Firstly Second Secondly Finally Lastly
    Great Good Fine Absolutely Certainly Of In On At For From To With Without When If After
    Before Since Because Although Though While Once Yesterday Today Tonight This That These Those
    It It's It’s The A An My Your Our Their His Her We You They He She And But Or What What's How
    Why Where Who Which Do Does Did Is Are Was Were Can Could Would Should Have Has Had Any Some
    There Here Just Let Let's Lots Most Many Not Nothing Everything Something Anything Perhaps
    Maybe Probably Definitely Luckily Recently Lately Initially Afterwards Later Again Mostly
    Apart Besides Overall Still Even Only Hiya Whereabouts Really Exactly Understood Noted
    Lovely Brilliant Perfect Excellent Indeed Gosh Goodness Ouch"""
)


def sentence_ends(text: str) -> Iterator[int]:
    """Offsets just past each complete sentence (after its trailing space or newlines)."""
    for m in SENTENCE_END.finditer(text):
        if m.group().startswith("\n") or not ABBREV.search(text[: m.end()]):
            yield m.end()


def clause_ends(text: str, start: int = 0) -> list[tuple[int, int]]:
    """(mark, cut) pairs past `start`: the clause's last character and the offset to cut at."""
    return [(m.start(), m.end()) for m in CLAUSE_END.finditer(text, start)]


def _tokens(text: str, start: int, end: int) -> Iterator[tuple[str, int, int]]:
    for m in re.finditer(r"\S+", text[start:end]):
        word = m.group().strip(_STRIP)
        if not _TAG.fullmatch(word):
            word = word.strip("<>")
        if word:
            s = start + m.start() + m.group().find(word)
            yield word, s, s + len(word)


def first_word(text: str) -> tuple[int, int] | None:
    """Span of the sentence's first word (the one a capital says nothing about)."""
    return next(((s, e) for _, s, e in _tokens(text, 0, len(text))), None)


def _is_opener(word: str, start: int, opener: tuple[int, int] | None) -> bool:
    return opener is not None and opener[0] == start and word in OPENERS


def ends_open(text: str, mark: int, opener: tuple[int, int] | None, allow: frozenset[str]) -> bool:
    """True when the clause ending at `mark` could run on into an identifier after the mark.

    A capital holds the clause unless it opens the sentence ("Okay, ...") or is clinical
    vocabulary that is not also a name ("Zoloft, ..." goes, "Turner, ..." waits)."""
    words = list(_tokens(text, max(0, mark - 80), mark))
    if not words:
        return False
    word, start, _ = words[-1]
    if _TAG.fullmatch(word) or word in _I_FORMS or _is_opener(word, start, opener):
        return False
    if any(c.isdigit() for c in word) or "@" in word or "/" in word:
        return True
    lower = word.lower().rstrip(".")
    if lower in TITLES or lower in MONTHS or lower in LABELS:
        return True
    return word[0].isupper() and not (lower in allow and lower not in person_names())


def unexplained(
    text: str,
    start: int,
    end: int,
    entities: Sequence[tuple[int, int]],
    protected: Iterable[tuple[int, int]],
    allow: frozenset[str],
    opener: tuple[int, int] | None,
) -> str | None:
    """The first token in text[start:end] that could be (part of) an identifier the scrubber has
    not accounted for, or None when every digit, capital and address is explained."""
    keep = list(protected)
    for word, s, e in _tokens(text, start, end):
        if not _needs_reason(word):
            continue
        if _TAG.fullmatch(word) or word in _I_FORMS or _is_opener(word, s, opener):
            continue
        if _SMALL_NUMBER.fullmatch(word):
            continue  # "1 to 10", "37.9": no identifier is this short alone, and one built of
            # such groups ("07700 900 123") is detected whole while the clause goes on after it
        if any(a < e and s < b for a, b in entities):
            continue  # replaced by its surrogate
        if any(a <= s and e <= b for a, b in keep):
            continue  # a dose, a duration, a vital sign, an eponym
        if not _harmless_capital(word, allow):
            return word
    return None


def _needs_reason(word: str) -> bool:
    """Digits, capitals, e-mail and web addresses are what identifiers are made of."""
    web = "@" in word or "://" in word or word.lower().startswith("www.")
    return web or any(c.isdigit() or c.isupper() for c in word)


def _harmless_capital(word: str, allow: frozenset[str]) -> bool:
    """Clinical vocabulary, titles and calendar words that are not also given names ("May")."""
    if "@" in word or any(c.isdigit() for c in word):
        return False
    lower = word.lower()
    if lower in allow:
        return True
    calendar = lower in TITLES or lower in MONTHS or lower in WEEKDAYS
    return calendar and lower not in person_names()
