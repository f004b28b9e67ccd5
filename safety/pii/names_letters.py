"""Names in letters, notes and forms that the earlier shapes miss (ninth round, by class):

- a name on its own line above an address line (an envelope or letter head), and on the line
  after a sign-off ("Best wishes,\\nX Y\\nPractice Manager");
- a name before a relation in brackets or set off by a comma ("X (wife)", "X, her mum,");
- a name in brackets after "me" or "me again" ("hi doc, me again (X), dob ...");
- a name before a phone number after "try / ring / call" ("try X on 0871 ...");
- "caller X re ...", "I, X Y, agree ...";
- a baby's name before its birth cue and a parent named after "mum / dad" in a note;
- a name before a comma and a birth cue, or before a bracketed date ("that X Y, date of birth
  ...", "from X Y (24/6/75)");
- a name closing a message before kisses ("... ?? X x");
- a person collected, brought or dropped somewhere ("collect X Y from <address>");
- a name in a record of fields separated by " / " before a street.

Each shape takes only words that could be a name (`names.name_prefix` / `name_like`); the weaker
ones want two name-like words or evidence (`names_forms._two_or_named`).
"""

from __future__ import annotations

from typing import ClassVar

from safety.pii import patterns as P
from safety.pii.names import TOK, CuedLowerNameRecognizer, name_like, name_prefix
from safety.pii.names_forms import KIN_WORD, _two_or_named, named
from safety.pii.recognizers_intl import STREET_ANY

# Sign-offs that stand on their own line above the writer's name.
_SIGN_OFF_LINE = (
    r"(?i:best\s+wishes|kind\s+regards|warm\s+regards|best\s+regards|regards|yours\s+sincerely|"
    r"yours\s+faithfully|yours\s+truly|sincerely|many\s+thanks|with\s+thanks|thanks|"
    r"with\s+best\s+wishes|all\s+the\s+best|best)"
)
# What opens an address line: a unit, a house number and a word, or a street.
_ADDRESS_LINE = rf"(?:{P.UNIT})?(?:\d{{1,4}}[a-zA-Z]?(?:[-/]\d{{1,4}})?,?\s+[^\W\d_]|{STREET_ANY})"


def _whole(value: str) -> str:
    """All of `value`, when every word is uncommon and not clinical."""
    found = name_prefix(value, "cue")
    return found if found and found == value.strip() else ""


class LetterLineNameRecognizer(CuedLowerNameRecognizer):
    """A name alone on a line: above an address line ("X Y\\n12 <street>\\n<town>"), or under a
    sign-off ("Best wishes,\\nX Y\\n..."). Two name-like words or evidence above an address;
    any uncommon words under a sign-off."""

    PATTERNS = (
        (
            rf"(?m:^)[ \t]*(?P<v>{TOK}(?:[ -]{TOK}){{1,3}})[ \t]*\n(?=[ \t]*{_ADDRESS_LINE})",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        return _two_or_named(value)


class SignOffLineNameRecognizer(CuedLowerNameRecognizer):
    """The line under a sign-off that stands on its own line ("Yours sincerely,\\n\\nX Y")."""

    EVIDENCE: ClassVar[str] = "cue"
    PATTERNS = (
        (
            rf"(?m:^)[ \t]*{_SIGN_OFF_LINE}[ \t]*[,.!]?[ \t]*\n(?:[ \t]*\n)?[ \t]*"
            rf"(?P<v>{TOK}(?:[ -]{TOK}){{0,3}})[ \t]*(?=\n|$)",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        return _whole(value)


class NameBeforeRelationRecognizer(CuedLowerNameRecognizer):
    """A name followed by who the person is, in brackets or between commas ("spoke to X (wife)",
    "ok so X (my daughter) has", "seen with X, her mum, re ..."): one or two words that look
    like a name, not a relation itself ("my husband (son)" stays)."""

    EVIDENCE: ClassVar[str] = "whole"
    PATTERNS = (
        (
            rf"(?P<v>{TOK}(?:[ -]{TOK})?)\s*\((?i:(?:my|her|his|their|the\s+patient['’]s)\s+)?"
            rf"{KIN_WORD}(?:[- ]in[- ]law)?\)",
            0.8,
        ),
        (
            rf"(?P<v>{TOK}(?:[ -]{TOK})?),\s+(?i:(?:my|her|his|their)\s+){KIN_WORD}"
            rf"(?:[- ]in[- ]law)?\s*(?:,|\))",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        # the words after the last common one ("spoke to X (wife)": "X")
        found = name_like(name_prefix(value, "tail"))
        if not found or found.lower().split()[0] in _NOT_BEFORE_RELATION:
            return ""
        return found


# Words that precede a bracketed relation without being a name ("rang (wife)", "the carer").
_NOT_BEFORE_RELATION = frozenset(
    [
        "carer",
        "relative",
        "visitor",
        "caller",
        "husband",
        "wife",
        "son",
        "daughter",
        "mum",
        "dad",
        "mother",
        "father",
        "partner",
        "sister",
        "brother",
        "friend",
        "neighbour",
        "neighbor",
    ]
)


class CalledNameRecognizer(CuedLowerNameRecognizer):
    """A name in a call record or a signed statement: "caller X re ...", "try X on <phone>",
    "me again (X)", "I, X Y, agree ...". The words must look like a name."""

    EVIDENCE: ClassVar[str] = "whole"
    PATTERNS = (
        (
            rf"(?i:\bcaller)\s+(?P<v>{TOK}(?:[ -]{TOK})?)\s+(?i:re|regarding|about|for|"
            rf"calling|ringing|says|said|reports|states)\b",
            0.8,
        ),
        (
            rf"(?i:\b(?:try|ring|call|phone|text|contact))\s+(?P<v>{TOK}(?:[ -]{TOK})?)\s+"
            rf"(?i:on|at)\s+(?=\+?\(?\d[\d\s().-]{{6,}})",
            0.8,
        ),
        (rf"(?i:\bme(?:\s+again)?)\s*\(\s*(?P<v>{TOK}(?:[ -]{TOK})?)\s*\)", 0.8),
    )

    def refine(self, value: str) -> str:
        return name_like(value)


class DeclarantNameRecognizer(CuedLowerNameRecognizer):
    """ "I, X Y, agree / consent / confirm / declare ...": the writer's full name between commas
    after "I" on a consent form or a statement."""

    PATTERNS = (
        (
            rf"(?:^|[.!?:]\s+|\n)(?i:i),\s+(?P<v>{TOK}(?:[ -]{TOK}){{0,4}}?),\s+(?i:agree|"
            rf"consent|confirm|declare|give|understand|hereby|acknowledge|certify|request|"
            rf"authori[sz]e|am|of|born|residing|living|the\s+undersigned)\b",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        return _whole(value)


class BabyParentNameRecognizer(CuedLowerNameRecognizer):
    """A baby's name before its birth cue ("Baby X born ...") and a parent named after "mum" or
    "dad" between a comma and a comma in a note ("..., mum X Y, ..."): one name-like word for
    the baby, two name-like words or evidence for the parent ("mum very anxious," stays)."""

    PATTERNS = (
        (rf"(?i:\bbaby)\s+(?P<v>{TOK}(?:[ -]{TOK})?),?\s+(?={P.DOB_CUE})", 0.8),
        (
            rf"(?:^|[,;]\s+)(?i:mum|mam|mom|mother|dad|father)\s+(?P<v>{TOK}(?:[ -]{TOK}){{0,3}}?)"
            rf"(?=\s*[,;]|\s*$)",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        if len(value.split()) == 1:
            return name_like(value)
        return _two_or_named(value)


class NameBeforeBirthCueRecognizer(CuedLowerNameRecognizer):
    """A name just before a comma and a birth cue, or before a bracketed date, after a word that
    introduces who ("confirm that X Y, date of birth ...", "she's X Y, birthday ...", "request
    from X Y (24/6/75)"): two name-like words or evidence."""

    PATTERNS = (
        (
            rf"(?i:\b(?:that|is|she['’]?s|he['’]?s|from|for|re|about|regarding|patient|pt))\s+"
            rf"(?P<v>{TOK}(?:[ -]{TOK}){{0,3}}?),\s+(?={P.DOB_CUE})",
            0.8,
        ),
        (
            rf"(?i:\b(?:from|for|re|regarding|patient|pt))\s+(?P<v>{TOK}(?:[ -]{TOK}){{0,3}}?)"
            rf"\s*\(\s*(?=(?i:the\s+)?(?:{P.DATE_ANY}|\d{{1,4}}[/.-]\d|{P.WEEKDAY}\d|"
            rf"{P.DAY_WORD}|\d{{1,2}}(?i:st|nd|rd|th)))",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        return _two_or_named(value)


class KissNameRecognizer(CuedLowerNameRecognizer):
    """A name closing a message before kisses ("... any tips?? X x", "thanks, X xx")."""

    EVIDENCE: ClassVar[str] = "whole"
    PATTERNS = ((rf"(?:[?!.,]\s*|\s)(?P<v>{TOK})\s+(?i:x{{1,4}})\s*$", 0.8),)

    def refine(self, value: str) -> str:
        return name_like(value)


class MovedPersonNameRecognizer(CuedLowerNameRecognizer):
    """A person collected, brought or dropped somewhere ("collect X Y from <address>", "bring X
    to ..."), and the first field of a record separated by " / " before a street ("X Y / 12
    <street> / ..."): two name-like words or evidence ("collect the tablets from" stays)."""

    PATTERNS = (
        (
            rf"(?i:\b(?:collect|pick\s+up|drop\s+off|bring|transport|escort|fetch))\s+"
            rf"(?P<v>{TOK}(?:[ -]{TOK}){{0,3}}?)\s+(?i:from|at|to)\s+",
            0.8,
        ),
        (
            rf"(?:^|\n)(?P<v>{TOK}(?:[ -]{TOK}){{0,3}}?)\s+/\s+"
            rf"(?=(?:\d{{1,4}}[a-zA-Z]?,?\s+)?(?:{STREET_ANY}))",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        return _two_or_named(value)


class DeliveryForNameRecognizer(CuedLowerNameRecognizer):
    """Who a delivery or a letter is for, after where it goes ("please deliver to <address> for
    X Y, <drug> x 28"): two or more words, each of which looks like a name on its own (no
    plural, no English ending), or evidence ("the letter for repeat prescriptions" stays)."""

    PATTERNS = (
        (
            rf"(?i:\b(?:deliver|post|send|parcel|address|letter)\b)[^\n.]{{0,80}}?\s(?i:for)\s+"
            rf"(?P<v>{TOK}(?:[ -]{TOK}){{1,3}}?)(?=\s*[,;]|\s*$)",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        found = name_prefix(value, "cue")
        if not found or found != value.strip():
            return ""
        if all(name_like(w) == w for w in found.split()):
            return found
        return named(found)


class CertificateNameRecognizer(CuedLowerNameRecognizer):
    """The person a fit note, sick note or certificate is about, named first ("Fit note: X Y not
    fit for work ...", "sick note: X is unable to ..."): all the words before the verb must be
    uncommon ("Fit note: not fit for work" has none)."""

    PATTERNS = (
        (
            rf"(?i:\b(?:fit|sick|med(?:ical)?|doctor['’]?s)\s+(?:note|cert(?:ificate)?|letter)|"
            rf"\bcertificate)\s*:\s*(?P<v>{TOK}(?:[ -]{TOK}){{0,3}}?)\s+(?i:not|is|was|has|had|"
            rf"may|can|cannot|can['’]t|should|needs|attended|unable)\b",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        return _whole(value)


NAMES_LETTERS = (
    CertificateNameRecognizer,
    DeliveryForNameRecognizer,
    LetterLineNameRecognizer,
    SignOffLineNameRecognizer,
    NameBeforeRelationRecognizer,
    CalledNameRecognizer,
    DeclarantNameRecognizer,
    BabyParentNameRecognizer,
    NameBeforeBirthCueRecognizer,
    KissNameRecognizer,
    MovedPersonNameRecognizer,
)
