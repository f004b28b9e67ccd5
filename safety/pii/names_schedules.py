"""Names placed by a schedule, an export or a short note (fifteenth round, by class, from the
misses of fresh14):

- the fields of a tab-separated export row ("Surname<TAB>Forename<TAB>DOB<TAB>...");
- the name right before a date of birth in brackets ("brought x (dob ...)");
- a carer or parent who brings, rings or says ("foster carer X Y brought");
- a name opening a French clause after a label ("Mot de l'infirmière : X Y a eu");
- who is seen, visited or picked up at an address ("we'll see x at 63 ...", "pickup x y at");
- two name words after a card's title and its colon, before a comma ("Diet card: X Y, ...");
- whom a message is for, before what to do ("for x y, ring <phone>");
- whom a form is for, before a numbered address ("voucher for X Y, 78 <street>");
- two name words after "dr" of any case, before a comma ("dr x y, <town> practice").

Each shape asks the words themselves for what the cue does not settle, as in `names_notes`.
"""

from __future__ import annotations

from safety.pii.names import TOK, is_common
from safety.pii.names_roles import (
    _NAME,
    StrictCuedNameRecognizer,
    UncommonCuedNameRecognizer,
    _each_a_name,
    _strict,
    _uncommon,
)

# What follows a name in the shapes below.
_BIRTH_BRACKET = r"\s*\(\s*(?i:dob|d\.o\.b\.?|born|b\.|geb\.?|n[ée]e?)(?![^\W\d_])"
_FRENCH_CLAUSE = r"(?i:a\s+(?:eu|été|fait|pris|reçu|besoin)|est|était|sera|doit)\b"
_ACTS = r"(?i:brought|brings|took|takes|came|comes|rang|rings|called|phoned|said|says|reported)\b"
_CARER = r"(?i:\b(?:foster\s+carer|carer|foster\s+parent|parent|guardian|key\s*worker))"
_SEE_AT = r"(?i:\b(?:see|seeing|visit|visiting|pick\s*up|pickup|collect|collecting|for))"
# An address after "at": a house number first, or a few words and then a number.
_ADDRESS_AHEAD = r"(?=\d|[^\W\d_]+(?:[ -][^\W\d_]+){0,3},?\s+\d)"


class TabFieldNameRecognizer(UncommonCuedNameRecognizer):
    """A field of a tab-separated row with two more fields after it ("Bolnbach<TAB>Oda<TAB>10.
    siječnja 2018<TAB>..."): every word name-like and uncommon."""

    PATTERNS = ((rf"(?:^|\t)(?P<v>{TOK}(?:[ -]{TOK}){{0,2}})(?=\t[^\n]*\t)", 0.8),)


class BirthBracketNameRecognizer(StrictCuedNameRecognizer):
    """The name right before a date of birth in brackets ("brought X Y (dob 02.aug.1977)",
    "Muzaffer (DOB ...)"): the words after the last everyday word, two name-like words or
    evidence, or one capitalised uncommon name-like word (the bracket says a person is named)."""

    PATTERNS = ((rf"(?P<v>{TOK}(?:[ -]{TOK}){{0,3}}){_BIRTH_BRACKET}", 0.8),)

    def refine(self, value: str) -> str:
        tail: list[str] = []
        for word in reversed(value.split()):
            if is_common(word):
                break
            tail.insert(0, word)
        name = " ".join(tail)
        if not name:
            return ""
        if _strict(name, loose=True):
            return name
        # one word: capitalised, as no word list tells "alix" from "baby" in lower case
        if len(tail) == 1 and name[:1].isupper() and _uncommon(name):
            return _each_a_name(name)
        return ""


class CarerActsNameRecognizer(StrictCuedNameRecognizer):
    """A carer or parent named before what they do ("foster carer X Y brought Z", "parent x y
    rang"): two name-like words or evidence."""

    PATTERNS = ((rf"{_CARER}\s+(?P<v>{_NAME})\s+(?={_ACTS})", 0.8),)


class FrenchClauseNameRecognizer(StrictCuedNameRecognizer):
    """A name opening a French clause after a label's colon ("Mot de l'infirmière : X Y a eu
    ..."): two name-like words or evidence."""

    PATTERNS = ((rf":\s+(?P<v>{_NAME})\s+(?={_FRENCH_CLAUSE})", 0.8),)


class SeenAtNameRecognizer(StrictCuedNameRecognizer):
    """Who is seen, visited or picked up at an address ("we'll see terence at 63 mackey street",
    "pickup x y at <street> 88", "your assessment for x y at 48, rue ..."): two name-like words
    or evidence."""

    PATTERNS = ((rf"{_SEE_AT}\s+(?P<v>{_NAME})\s+(?i:at)\s+{_ADDRESS_AHEAD}", 0.8),)


class TitleColonNameRecognizer(StrictCuedNameRecognizer):
    """Two to four name words after a card's or a note's title and its colon, closed by a comma
    ("Diet card room 7: X Y, soft diet", "Minor ailment consult: X Y, DOB ..."): two name-like
    words or evidence ("Plan: increase dose, review" stays: its words are everyday)."""

    PATTERNS = ((rf":\s+(?P<v>{TOK}(?:[ -]{TOK}){{1,3}}?)(?=\s*,)", 0.8),)


class MessageForNameRecognizer(StrictCuedNameRecognizer):
    """Whom a message is for, before a comma and what to do ("message left ... for x y, ring
    <phone>", "for X Y, please call"): two name-like words or evidence."""

    PATTERNS = (
        (
            rf"\b(?i:for)\s+(?P<v>{_NAME})\s*,\s*(?=(?i:ring|call|phone|tel|re|please|pls)\b)",
            0.8,
        ),
    )


class ForAddressNameRecognizer(StrictCuedNameRecognizer):
    """Whom a form is for, before a comma and a numbered address ("voucher for X Y, 78 <street>",
    "for x y, 12 rue ..."): two name-like words or evidence."""

    PATTERNS = ((rf"\b(?i:for)\s+(?P<v>{_NAME}),\s+(?=\d+[a-zA-Z]?,?\s+[^\W\d_])", 0.8),)


class DoctorCommaNameRecognizer(StrictCuedNameRecognizer):
    """Two name words after "dr" of any case, closed by a comma ("locum: dr x y, <town>
    practice"): two name-like words or evidence ("dr appointment, ..." is one word)."""

    PATTERNS = ((rf"(?i:\bdr)\.?\s+(?P<v>{TOK}\s+{TOK})(?=\s*,)", 0.8),)


NAMES_SCHEDULES = (
    TabFieldNameRecognizer,
    BirthBracketNameRecognizer,
    CarerActsNameRecognizer,
    FrenchClauseNameRecognizer,
    SeenAtNameRecognizer,
    TitleColonNameRecognizer,
    MessageForNameRecognizer,
    ForAddressNameRecognizer,
    DoctorCommaNameRecognizer,
)
