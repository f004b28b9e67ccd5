"""Names placed by the shape of a message rather than by an introduction: form fields, a
greeting or sign-off, a signature ending the message, a name written just before a date.

Each shape takes only words that could be a name (`names.name_prefix`); the weaker shapes
also want evidence from the words themselves (`named`).
"""

from __future__ import annotations

import re
from typing import ClassVar

from safety.pii import patterns as P
from safety.pii.clinical import is_allow_listed, load_allow_list
from safety.pii.names import (
    _ENGLISH_ENDING,
    AFTER_NAME,
    PARTICLES,
    TOK,
    TOKS,
    CuedLowerNameRecognizer,
    given_names,
    name_like,
    name_prefix,
    surnames,
)
from safety.pii.recognizers_intl import STREET_ANY

# Form labels for a name ("Surname:", "Forename", "next of kin:", "name on the tube is").
FORM_LABEL = (
    r"(?:(?i:\b(?:sur|fore|first\s|last\s|given\s|family\s|full\s|middle\s)names?|\bnext\s+of\s+kin|"
    r"\bname\s+on\s+the\s+\w+\s+is|\bpatient\s+name|\bname\s+of\s+patient|"
    r"\b(?:emergency\s+)?contact\s+(?:name|person)|\bemergency\s+contact|\bnok)"
    r"\s*(?:[:=-]|\.{2,}\s*)?"
    # "Relative:" and "Caller:" are labels only with their colon ("a relative asks" stays)
    r"|(?i:\b(?:relative|caller)\s*(?::|\.{2,}))"
    # French, German and Dutch name fields, with their colon ("Nom: X  Prénom: Y", "Vorname:")
    r"|(?i:\b(?:nom(?:\s+de\s+(?:famille|naissance|jeune\s+fille))?|pr[ée]noms?|vorname|"
    r"nachname|familienname|geburtsname|naam|voornaam|voornamen|achternaam|roepnaam|"
    r"patiënte?|patientin)\s*:)"
    # the Dutch "patiënt" before a name without a colon ("- patiënt X Y -")
    r"|(?i:\bpatiënte?\b))"
)
# A salutation or a sign-off next to a name ("dear constance,", "sorry Antoine i", "cheers, X").
GREETING = (
    r"(?i:dear|hi|hello|hey|hiya|morning|evening|sorry|thanks|thank\s+you|voicemail\s+for|"
    r"message\s+for|reminder\s+for|note\s+for|from)"
)
SIGN_OFF = (
    r"(?i:regards|kind\s+regards|best\s+regards|cheers|thanks|many\s+thanks|thank\s+you|"
    r"best\s+wishes|love|yours|sincerely|signed(?:\s+by)?|\bta|\bthx|\bthanx|\bty)"
)
_CAP = re.compile(rf"[{P.UP}]")
_IRISH = "ó ní nic mac mc uí mhic"
_IRISH_PARTICLES = frozenset(_IRISH.split())
_INNER_PARTICLES = frozenset({"van", "von", "de", "der", "den", "ter", "ten", "du", "le", "da"})
_GAELIC = re.compile(r"^(?:mc|mac|o['’])[^\W\d_]{2,}|.*[^\W\d_a-z]")


def named(value: str) -> str:
    """`value` trimmed to its name words, kept only with evidence in the words: a known given name
    or surname, a Gaelic prefix, a non-English letter, or two or more capitalised words."""
    found = name_prefix(value, "cue")
    if not found or found != value.strip():
        return ""
    tokens = found.lower().split()
    words = [w for w in tokens if w not in PARTICLES]
    if not words or is_allow_listed(found, load_allow_list()):
        return ""
    parts = [p for w in words for p in w.split("-")]  # "hans-georg": "hans", "georg"
    if any(w in given_names() or w in surnames() or _GAELIC.match(w) for w in parts) or any(
        w in _IRISH_PARTICLES for w in tokens[:-1]
    ):
        return found
    # a continental particle between two name words ("willem van wijland", "jean de brouwer")
    if any(w in _INNER_PARTICLES for w in tokens[1:-1]):
        return found
    caps = [w for w in found.split() if _CAP.match(w) and w.lower() not in PARTICLES]
    return found if len(caps) >= 2 and len(caps) == len(words) else ""


class FormFieldNameRecognizer(CuedLowerNameRecognizer):
    """A name after a form label, and "Name: Surname, Forename" up to the next field."""

    EVIDENCE: ClassVar[str] = "cue"
    PATTERNS = (
        (rf"{FORM_LABEL}\s*(?=(?P<v>{TOKS}))", 0.85),  # "Surname: X Forename: Y"
        (rf"(?i:\bref)\.?:?\s+(?P<v>{TOKS})/", 0.85),
        (rf"(?:^|[|;,/]\s*)(?i:name)\s+(?P<v>{TOKS})", 0.85),  # "name ute schwarzkopf dob ..."
        (
            rf"(?i:\bname\s*:)\s*(?P<v>{TOK}(?:[ -]{TOK}){{0,2}},\s*{TOK}(?:[ -]{TOK})?)"
            rf"(?=\s*(?:[|;/]|$|[.]\s+|\s+(?i:dob|d\.o\.b|born|date|addr)))",
            0.85,
        ),
    )


class GreetingNameRecognizer(CuedLowerNameRecognizer):
    """One or two words after a salutation, before the punctuation or pronoun that closes the
    address ("dear constance,", "voicemail for frida:", "sorry Antoine i wont"): the words
    must all look like a name (no common word, no English ending)."""

    EVIDENCE: ClassVar[str] = "whole"
    PATTERNS = (
        (
            rf"(?:^|[.!?]\s+|\n\s*){GREETING}\s+(?P<v>{TOK}(?:\s+{TOK})?)"
            rf"(?=\s*[,:!]|\s+(?i:i|we|your|you|at|here|again)\b)",
            0.8,
        ),
        (rf"\b(?i:for)\s+(?P<v>{TOK}(?:[ -]{TOK}){{0,3}})\s*:", 0.8),
        (rf"\b(?i:from)\s+(?P<v>{TOK}(?:[ -]{TOK}){{0,3}})\s+(?i:tel|ph|phone|mob|mobile)\b", 0.8),
        (rf"(?:^|[,.!?]\s*)(?i:hi|hiya|hello|its|it's)?,?\s*(?P<v>{TOKS})\s+(?i:again)\b", 0.8),
        (rf"(?i:\bits|\bit's|\bit\s+is)\s+(?P<v>{TOK}(?:[ -]{TOK}){{0,2}})\s+(?i:again)\b", 0.8),
    )

    def refine(self, value: str) -> str:
        # "whole", and a first word ending in -us, -is or -os ("dear janos,")
        return name_like(value)


class SignatureNameRecognizer(CuedLowerNameRecognizer):
    """A name that ends the message: after a sign-off ("kind regards gail armstrong", "cheers,
    Aurore Texier"), or two to four name-like words after the last full stop ("... hb 98. dale
    boyce"), optionally followed by a date in brackets."""

    EVIDENCE: ClassVar[str] = "whole"
    PATTERNS = (
        (rf"{SIGN_OFF}\s*,?\s+(?P<v>{TOK}(?:[ -]{TOK}){{0,3}})(?=\s*(?:\(|[.!]?\s*$))", 0.8),
        (rf"[.!?]\s+(?P<v>{TOK}(?:[ -]{TOK}){{1,3}})\s*$", 0.8),
        # "forms signed by X, <place>, <date>"; "ask for X" ending the message
        (rf"(?i:\bsigned\s+by)\s+(?P<v>{TOK}(?:[ -]{TOK}){{0,3}}?)(?=\s*[,.(]|\s*$)", 0.8),
        (
            rf"(?i:\bask\s+for|\bspeak\s+to|\bspeak\s+with)\s+(?P<v>{TOK}(?:[ -]{TOK})?)"
            rf"\s*[.!]?\s*$",
            0.8,
        ),
    )


class EndCommaCapitalRecognizer(CuedLowerNameRecognizer):
    """One capitalised word after the comma that ends a message ("..., Brigitte")."""

    EVIDENCE: ClassVar[str] = "cue"
    PATTERNS = ((rf",\s+(?P<v>[{P.UP}][{P.LOW}]+)\s*[.!]?\s*$", 0.8),)


class NameBeforeDateRecognizer(CuedLowerNameRecognizer):
    """A name opening a message or a field and followed by a date or a birth cue ("Vallée
    Olivier, 23 Nov 1969", "re: adèle delannoy dob ...", "ref kowalski/3 May 1950"), and a name
    opening a message before a verb of calling ("Laure Blanchard rang on ..."); the words need
    evidence of being a name (`named`)."""

    PATTERNS = (
        (
            rf"(?:^|[:;|]\s*|(?i:\bre:?|\bref:?)\s+)(?P<v>{TOK}(?:[ -]{TOK}){{0,3}}?),?\s*\(?"
            rf"(?=(?:{P.DATE_ANY})|(?i:dob|d\.o\.b|born|date\s+of\s+birth)\b)",
            0.8,
        ),
        (
            rf"^(?P<v>{TOK}(?:[ -]{TOK}){{1,3}})\s+(?i:rang|called|phoned|rung|says|said|wants|"
            rf"asked|came|here\s+from)\b",
            0.8,
        ),
        # a name opening the message, or after "its", before where the writer is from ("X Y
        # from Portree, ...")
        (
            rf"^(?P<v>{TOK}(?:[ -]{TOK}){{0,3}}?)\s+(?i:from)\s+{TOK}(?:[ -]{TOK}){{0,3}}\s*[,.]",
            0.8,
        ),
        (
            rf"(?i:\b(?:its|it['’]s|im|i['’]m|this\s+is))\s+(?P<v>{TOK}(?:[ -]{TOK}){{0,3}}?)"
            rf"\s+(?i:from)\s+{TOK}(?:[ -]{TOK}){{0,3}}\s*[,.]",
            0.8,
        ),
        # a name heading a note before a dash or a bar ("kieran hill - t2dm - seen by nurse")
        (rf"^(?P<v>{TOK}(?:[ -]{TOK}){{0,3}}?)\s+[-–—|]\s", 0.8),
        # one who gives an opinion after a clause break (", Ó Cnáimhín wants a second opinion")
        (
            rf"(?:^|[,;:]\s+)(?P<v>{TOK}(?:[ -]{TOK}){{0,3}}?)\s+(?i:wants|wanted|said|says|thinks|"
            rf"thought|reckons|suggested|recommended|agreed|advised)\b",
            0.8,
        ),
        # the subject of a letter or a clause ("to whom it may concern, X has ...")
        (
            rf"(?:^|[,;:]\s+)(?P<v>{TOK}(?:[ -]{TOK}){{1,3}}?)\s+(?i:has|had|is|was|takes|took|"
            rf"needs|suffers|attended|presented|lives)\b",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        return named(value)


# Services called back, not people ("call the surgery back", "ring reception back").
_SERVICES = (
    "reception|receptionist|pharmacy|chemist|surgery|practice|clinic|hospital|office|ward|"
    "team|nurse|doctor|gp|them|him|her|us|me|you|someone|somebody|anyone|everyone"
)

# People whose relative writes ("paulette's mum here") and people a service is for ("the letter
# for X at ...", "collecting for X, ...", "is this X?" from the practice).
KIN_WORD = (
    r"(?i:mum|mam|mom|mother|dad|father|wife|husband|partner|son|daughter|sister|brother|"
    r"carer|gran|granny|nan|grandad|grandma|grandpa|aunt|uncle|friend|neighbour|neighbor|"
    r"nephew|niece|cousin|grandson|granddaughter|stepson|stepdaughter|godson|goddaughter)"
)
# What a letter, a form, a booking or a referral is for, never a person: "the letter for repeat
# prescriptions", "sent the referral for physio sessions", "confirmed for flu jabs" (eleventh
# round, from the known false positive; checked singular and plural).
_SERVICE_NOUNS = """
    repeat prescription script medication medicine meds physio physiotherapy session test scan
    x-ray xray blood bloods jab vaccine vaccination injection booster appointment appt review
    travel work school college university insurance housing council benefit court employer gym
    transport taxi parking badge surgery operation therapy counselling assessment treatment
    result referral dentist dental optician glasses hospital clinic visit check checkup smear
    sick fit note form certificate exemption refill supply
"""
SERVICE_NOUNS = frozenset(_SERVICE_NOUNS.split())


def is_service_noun(value: str) -> bool:
    """Some word of `value`, or its singular, says what a document is for, not who."""
    for word in value.lower().split():
        w = word.strip(".,;:!?'’")
        if w in SERVICE_NOUNS or (w.endswith("s") and w[:-1] in SERVICE_NOUNS):
            return True
    return False


SERVICE_FOR = (
    r"(?i:\b(?:letters?|post|parcel|package|prescriptions?|scripts?|results?|appointments?|"
    r"referral|forms?|collecting|collect|picking\s+up|pick\s+up|calling|ringing|phoning|"
    r"booking|sick\s+note|fit\s+note|medication|meds)\s+for|\bon\s+behalf\s+of|\bc/o)"
)


class PossessiveKinNameRecognizer(CuedLowerNameRecognizer):
    """A name before "'s mum", "'s husband"... ("Jolijn's mum here"); the words must all look
    like a name, so "the doctor's wife" stays."""

    EVIDENCE: ClassVar[str] = "whole"
    PATTERNS = ((rf"(?:^|(?<=[\s,.;:(]))(?P<v>{TOK}(?:-{TOK})?)['’]s\s+{KIN_WORD}\b", 0.8),)


class ServiceForNameRecognizer(CuedLowerNameRecognizer):
    """The person a letter, a prescription or a call is for, before what follows a name
    ("the letter for linus dietz at ...", "collecting for benno hartmann, dietzplatz 1"), and
    "is this X?" asked of the reader."""

    EVIDENCE: ClassVar[str] = "whole"

    def refine(self, value: str) -> str:
        """Two or more name-like words, or one with evidence ("a letter for travel" stays);
        never what a letter or form is for ("the letter for repeat prescriptions")."""
        if is_service_noun(value):
            return ""
        found = name_prefix(value, "cue")
        if not found or found != value.strip():
            return ""
        plain = not _ENGLISH_ENDING.search(found.lower().split()[0])  # "suspected diabetes"
        return found if len(found.split()) >= 2 and plain else named(found)

    PATTERNS = ((rf"{SERVICE_FOR}\s+(?P<v>{TOK}(?:[ -]{TOK}){{0,3}}?){AFTER_NAME}", 0.8),)


class KinPossessiveNameRecognizer(NameBeforeDateRecognizer):
    """A name after a relation typed as a possessive without its apostrophe ("my mums denise
    wagner shes 80"); "my sisters birthday" has the same shape, so the words need evidence of
    being a name (`named`)."""

    PATTERNS = (
        (
            rf"(?i:\bmy\s+(?:mums|mams|moms|dads|wifes|husbands|sons|daughters|sisters|brothers|"
            rf"partners|grans|nans))\s+(?P<v>{TOK}(?:[ -]{TOK}){{0,3}}?){AFTER_NAME}",
            0.8,
        ),
    )


class AskedNameRecognizer(CuedLowerNameRecognizer):
    """A name in "is this X?" asked of the reader, when the writer then says who they are ("is
    this christiana? its the surgery"); "is that common?" stays."""

    EVIDENCE: ClassVar[str] = "whole"
    PATTERNS = (
        (
            rf"(?i:\bis\s+(?:this|that|it))\s+(?P<v>{TOK}(?:[ -]{TOK})?)\s*\?\s*"
            rf"(?i:its|it['’]s|it\s+is|this\s+is)\b",
            0.8,
        ),
    )


class AskedKnownNameRecognizer(CuedLowerNameRecognizer):
    """ "is this X?" with a known given name (or one with a non-English letter)."""

    EVIDENCE: ClassVar[str] = "known"
    PATTERNS = ((rf"(?i:\bis\s+(?:this|that|it))\s+(?P<v>{TOK}(?:[ -]{TOK})?)\s*\?", 0.8),)


class TwoWordsOrNamedRecognizer(ServiceForNameRecognizer):
    """Shapes where a person stands but a common noun could too: two or more name-like words,
    or one with evidence of being a name (`named`)."""

    PATTERNS = (
        # the subject of a request ("can Hermine Beier have a repeat", "could ali pick it up")
        (
            rf"(?i:\b(?:can|could|will|would)\s+)(?P<v>{TOK}(?:[ -]{TOK}){{0,3}}?)\s+(?i:have|get|"
            rf"pick|collect|come|see|book|bring)\b",
            0.8,
        ),
        # the person told or asked ("i told lucas marques at the front desk")
        (
            rf"(?i:\b(?:told|asked|phoned|rang|emailed|messaged|texted|spoke\s+to|spoke\s+with))"
            rf"\s+(?P<v>{TOK}(?:[ -]{TOK}){{0,3}}?)(?=\s+(?i:at|that|about|on|yesterday|today|"
            rf"this|last|and|but)\b|\s*[,.;!?]|\s*$)",
            0.8,
        ),
        # a name opening a message or a sentence, then a comma and a street ("sent from my
        # phone. Margit Wulff, Werneckegasse 8-1")
        (
            rf"(?:^|[.!?:;]\s+)(?P<v>{TOK}(?:[ -]{TOK}){{0,3}}?),\s+"
            rf"(?=(?:\d{{1,4}}[a-zA-Z]?,?\s+)?(?:{STREET_ANY}))",
            0.8,
        ),
        # a name before a relation in brackets ("X Y (son)")
        (rf"(?P<v>{TOK}(?:[ -]{TOK}){{0,3}}?)\s*\((?i:my\s+|her\s+|his\s+)?{KIN_WORD}\)", 0.8),
    )


class KinBracketNameRecognizer(CuedLowerNameRecognizer):
    """A name in brackets after a relation ("spoke to daughter (X Y)", "mum (X Y) is staying"):
    two or more name-like words, the surname without an English ending (a first name may end
    in -ing: "ashling"), or one with evidence; "mum (suspected covid)" stays."""

    PATTERNS = ((rf"{KIN_WORD}\s*\((?P<v>{TOK}(?:[ -]{TOK}){{0,3}}?)\)", 0.8),)

    def refine(self, value: str) -> str:
        found = name_prefix(value, "cue")
        if not found or found != value.strip():
            return ""
        words = found.lower().split()
        if (
            len(words) >= 2
            and not _ENGLISH_ENDING.search(words[-1])
            and not words[0].endswith("ed")
        ):
            return found
        return named(found)


class NameShapeRecognizer(CuedLowerNameRecognizer):
    """One or two words in shapes that only a person fills, whose words must all look like a
    name (no common word, no English ending): "call X back", "me and X went", "X and i are",
    "its Xs wife"."""

    EVIDENCE: ClassVar[str] = "whole"
    PATTERNS = (
        (
            rf"(?i:\b(?:call|ring|phone|text)\s+)(?!(?i:{_SERVICES})\b)(?P<v>{TOK}(?:\s{TOK})?)"
            rf"\s+(?i:back)\b",
            0.8,
        ),
        (rf"(?i:\bme\s+and)\s+(?P<v>{TOK}(?:[ -]{TOK})??){AFTER_NAME}", 0.8),
        (
            rf"(?:^|[,.;:!?]\s*)(?P<v>{TOK}(?:[ -]{TOK})?)\s+(?i:and\s+(?:i|me|myself))\b"
            rf"(?!\s*(?:[,.;!?]|$))",
            0.8,
        ),
        # a possessive without its apostrophe after "its" ("hiya doc its eunans wife")
        (
            rf"(?i:\bits|\bit['’]s|\bi['’]?m|\bthis\s+is)\s+(?P<v>[^\W\d_]{{2,}}?)s\s+{KIN_WORD}\b",
            0.8,
        ),
    )


class OurNameRecognizer(CuedLowerNameRecognizer):
    """ "our X has been ...": a family's way of naming one of its own; a capitalised word, or a
    known given name or one with a non-English letter ("our house has been" stays)."""

    EVIDENCE: ClassVar[str] = "known"
    PATTERNS = ((rf"(?i:\bour)\s+(?P<v>{TOK}){AFTER_NAME}", 0.9),)

    def refine(self, value: str) -> str:
        if value[:1].isupper() and not value.isupper():
            return name_prefix(value, "cue")
        return name_prefix(value, "known")


def _two_or_named(value: str) -> str:
    """Two or more name-like words (the first without an English ending), or one word with
    evidence of being a name (`named`)."""
    found = name_prefix(value, "cue")
    if not found or found != value.strip():
        return ""
    plain = not _ENGLISH_ENDING.search(found.lower().split()[0])
    return found if len(found.split()) >= 2 and plain else named(found)


# Who a person is to someone named in the same sentence ("the patient's daughter, X", "seen
# with wife X", "my mum um X").
_KIN_OF = (
    rf"(?i:\b(?:the\s+)?(?:patient|pt)['’]?s|\bwith(?:\s+(?:her|his|their))?)\s+{KIN_WORD}"
    r"(?:[- ]in[- ]law)?"
)
# Hesitations in a transcribed call ("calling about my mum um X").
FILLER = r"(?i:um+|uh+|erm?|ehm)"


class KinAppositionNameRecognizer(CuedLowerNameRecognizer):
    """A relative named right after who they are to the patient ("caller is the patient's son,
    X.", "seen with wife X.") or after a hesitation ("my mum um X Y she's"): the words must all
    look like a name, so "with wife and kids" stays."""

    EVIDENCE: ClassVar[str] = "whole"
    PATTERNS = (
        (rf"{_KIN_OF},?\s+(?P<v>{TOKS}?){AFTER_NAME}", 0.8),
        (rf"{P.RELATION},?\s+{FILLER},?\s+(?P<v>{TOKS}?){AFTER_NAME}", 0.8),
    )

    def refine(self, value: str) -> str:
        return name_like(value)


class NameBeforeKinRecognizer(CuedLowerNameRecognizer):
    """A name opening the message before who the person is to the writer ("X my daughter will
    bring me", "X Y is my mum"): all words must look like a name, and an adverb opening the
    message ("sadly my wife") is not one."""

    EVIDENCE: ClassVar[str] = "whole"
    PATTERNS = (
        (
            rf"^(?P<v>{TOK}(?:[ -]{TOK}){{0,4}}?),?\s+(?:(?i:is|was)\s+)?(?i:my|our)\s+"
            rf"{KIN_WORD}\b",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        found = name_prefix(value, "whole")
        return "" if found.lower().endswith("ly") else found


class CuedNameNeedsLessRecognizer(CuedLowerNameRecognizer):
    """Shapes where a name is all that can stand, so two name-like words suffice (or one with
    evidence): before a birth cue after "re:" or "patient" ("re: X Y, dob ...", "patient X Y,
    born ..."); between "the patient," and a comma; before "re" after "for" ("moved to <date>
    for X Y re ..."); a lower-case "dr X" between commas or after "by" ("the consultant, dr X,
    said"); an e-mail header ("From: X Y" on its own line)."""

    PATTERNS = (
        (
            rf"(?i:\bre:|\bpatient|\bpt)\s+(?P<v>{TOK}(?:[ -]{TOK}){{0,3}}?),?\s*\(?"
            rf"(?=(?i:dob|d\.o\.b|born|date\s+of\s+birth)\b)",
            0.8,
        ),
        (rf"(?i:\bthe\s+patient|\bpatient|\bpt),\s+(?P<v>{TOK}(?:[ -]{TOK}){{0,3}}?),", 0.8),
        (rf"(?i:\bfor)\s+(?P<v>{TOK}(?:[ -]{TOK}){{0,3}}?)\s+(?i:re|regarding)\b", 0.8),
        (
            rf"(?im:^(?:from|to|cc)[ \t]*:)[ \t]*(?P<v>{TOK}(?:[ -]{TOK}){{0,3}}?)[ \t]*"
            r"(?=\n|$)",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        return _two_or_named(value)


class InvertedSelfNameRecognizer(CuedLowerNameRecognizer):
    """ "I am <surname>, <forename>, and ...": the writer's name given as on a form, both parts
    name-like ("i am tired, sore, and fed up" stays)."""

    PATTERNS = (
        (
            rf"(?i:\bi\s+am|\bi['’]?m)\s+(?P<v>{TOK}(?:[ -]{TOK}){{0,3}}?,\s*{TOK}(?:[ -]{TOK})?)"
            rf"(?=\s*,\s*(?i:and|born|dob|date)\b)",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        parts = [p.strip() for p in value.split(",")]
        if all(p and name_prefix(p, "whole") == p for p in parts):
            return value
        return ""


class VocativeNameRecognizer(CuedLowerNameRecognizer):
    """A name called out to open a message or asked to collect ("X!! the clinic got
    cancelled", "can X pick up the prescription"), a doctor named between commas, a writer
    before the street they write from: one or two words that looks like a name (no common
    word or interjection, no English ending), not a service ("can reception collect")."""

    EVIDENCE: ClassVar[str] = "whole"

    def refine(self, value: str) -> str:
        return name_like(value)

    PATTERNS = (
        (rf"^(?P<v>{TOK})\s*!+(?=\s)", 0.8),
        (
            rf"(?i:\b(?:can|could)\s+)(?!(?i:{_SERVICES})\b)(?P<v>{TOK})\s+"
            rf"(?i:pick\s+(?:it\s+|them\s+)?up|collect)\b",
            0.8,
        ),
        # a lower-case "dr X" between commas or after "by" ("the consultant, dr X, said")
        (
            rf"(?:,|(?i:\bby))\s+(?i:dr|doctor)\.?\s+(?P<v>{TOK}(?:[ -]{TOK})?)"
            rf"(?=\s*[,;]|\s*[.!]?\s*$|\s+(?i:on|at|in|and|today|yesterday|last|this)\b)",
            0.8,
        ),
        # a doctor thanked or greeted ("thanks dr X!"), or placed ("gp is dr X in <town>")
        (
            rf"(?i:\b(?:thanks|thank\s+you|cheers|hi|hello|dear|morning)\s+(?:dr|doctor))\.?\s+"
            rf"(?P<v>{TOK})(?=\s*[!,.]|\s*$)",
            0.8,
        ),
        (rf"(?i:\b(?:dr|doctor))\.?\s+(?P<v>{TOK})\s+(?i:in|of)\s+(?=[^\W\d_])", 0.8),
        # who writes, and the street they write from ("its X from 12 <street>, ...")
        (
            rf"(?i:\bits|\bit['’]s|\bim|\bi['’]m|\bthis\s+is)\s+(?P<v>{TOK}(?:[ -]{TOK})?)\s+"
            rf"(?i:from)\s+(?=\d{{1,4}}[a-zA-Z]?,?\s|{STREET_ANY})",
            0.8,
        ),
    )
