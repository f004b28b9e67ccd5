"""Names placed by who a record says the person is, and by document phrasing (tenth round, by
class, from the misses of fresh9 and hand-written 7):

- a name after a role label of a record ("Visitor: X Y - relation", "Donor: X Y - born",
  "Deceased: X Y, died", "applicant X Y, <address>", "pt X Y found at");
- a name after what a document does for someone ("please excuse X Y from", "ask that X Y be
  excused", "confirmed for X Y on", "interpreter needed for X Y (", "issued to X Y,",
  "property of X Y:", "pour X Y" at the end, "called X Y at home");
- a name after a role or kin word with no determiner ("lives with grandmother X Y at",
  "booked with midwife X Y,", "physio with X @");
- a continental letter opening ("Sehr geehrte Frau X,", "Madame X, demeurant", "Mevrouw X,");
- someone who got in touch ("omg X just texted me");
- a record written "Surname, Forename (date)" after a label, a name before "(aged 6)", a name
  opening a record before " · " or " | ", a name after a label and before ", born", and a name
  closing a message after " - ".

The weaker shapes want two words that each look like a name on their own (no plural, no English
ending) or evidence from the words (`names_forms.named`), so "confirmed for repeat prescriptions
on" and "called the surgery at" stay.
"""

from __future__ import annotations

from safety.pii import patterns as P
from safety.pii.clinical import is_allow_listed, load_allow_list
from safety.pii.names import (
    _ENGLISH_ENDING,
    AFTER_NAME,
    PARTICLES,
    TOK,
    CuedLowerNameRecognizer,
    is_common,
    name_like,
    name_prefix,
)
from safety.pii.names_forms import KIN_WORD, is_service_noun, named

# Up to four words of a name.
_NAME = rf"{TOK}(?:[ -]{TOK}){{0,3}}?"
# What closes a name in a record: a field separator, a bracket, the end, or a word that follows a
# person in a note.
_CLOSES = (
    r"(?=\s*(?:[,;|(·:@]|\s[-–]\s|$)|\s+(?i:at|on|of|from|born|dob|aged|was|is|has|had|died|"
    r"still|found|seen|be|and|re|needs|wants|waiting|awaiting|signed|conveyed|admitted|handed|"
    r"dispensed|fitted|given)\b)"
)
# Role labels of a record: who the person is to the form.
_ROLE = (
    r"(?i:visitor|donor|deceased|applicant|client|resident|claimant|passenger|pupil|student|"
    r"tenant|service\s+user|informant|recipient|holder|cardholder|attendee|member)"
)
# What a document does for someone, before the name.
_DOC_FOR = (
    r"(?i:\bexcuse|\bexempt|\bask\s+that|\brequest\s+that|\bconfirm\s+that|\bconfirmed\s+for|"
    r"\bbooked\s+for|\bbooking\s+for|\breserved\s+for|\bneeded\s+for|\brequired\s+for|"
    r"\binterpreter\s+for|\bissued\s+to|\bbelonging\s+to|\bproperty\s+of|\bcalled|\bphoned|"
    r"\brang|\bpour|\bfür|\bvoor|\bfor\s+the\s+attention\s+of|\bfao)"
)
# A title between the cue and the name, in the languages of the letters ("pour M. X",
# "voor dhr. X", "für Herrn X"; eleventh round).
_TITLE = r"(?:(?i:m|mme|mlle|mr|mrs|ms|miss|dhr|mevr|hr|fr|herrn?|frau|sig|sig\.ra|sr|sra)\.?\s+)?"
# Roles and kin named without a determiner after "with" ("lives with grandmother X").
_WITH_ROLE = (
    rf"(?i:\bwith\s+(?:(?:the|her|his|their)\s+)?(?:{KIN_WORD}|grandmother|grandfather|"
    r"midwife|physio|physiotherapist|therapist|nurse|carer|key\s*worker|social\s+worker|"
    r"health\s+visitor|interpreter))"
)
# Continental and English letter openings before a name and its comma.
_SALUTATION = (
    r"(?i:sehr\s+geehrte[rs]?\s+(?:frau|herr)|liebe[rs]?|madame|monsieur|mademoiselle|"
    r"ch[èe]re?|mevrouw|meneer|geachte\s+(?:heer|mevrouw)|beste|dear\s+(?:mr|mrs|ms|miss|mx))"
)


def _name_word(word: str, loose: bool = False) -> bool:
    """One word that looks like a name: `name_like`, or a capitalised word ending in -s
    ("Els", "Aloys", "Boogaerts"), which `name_like` takes for a plural; with `loose` (a word
    in a name of two or more) also a lower-case one whose singular is no everyday or clinical
    word ("jurre heinrichs", "vanessa jans"; not "repeat prescriptions")."""
    if name_like(word) == word:
        return True
    if not word.endswith("s") or name_prefix(word, "cue") != word:
        return False
    if word[:1].isupper():
        return True
    stem = word[:-1]
    plural = is_common(stem) or is_allow_listed(stem, load_allow_list())
    return loose and not plural and not _ENGLISH_ENDING.search(stem)


def _each_a_name(value: str) -> str:
    """All of `value` when every word of it looks like a name (`_name_word`), else ""."""
    return value if all(_name_word(w) for w in value.split()) else ""


def _strict(value: str, loose: bool = False) -> str:
    """Two or more words that each look like a name on their own, or evidence (`named`); with
    `loose` (after a cue that says a person follows) a lower-case word may end in -s."""
    found = name_prefix(value, "cue")
    if not found or found != value.strip():
        return ""
    words = [w for w in found.split() if w.lower() not in PARTICLES]
    if len(words) >= 2 and all(_name_word(w, loose) for w in words):
        return found
    return named(found)


def _uncommon(value: str) -> str:
    """All of `value`, when no word is everyday English and the whole is not clinical: after a
    strong label a surname that is also an eponym ("Donor: Weiss Roland") is still a name."""
    words = [w for w in value.split() if w.lower() not in PARTICLES]
    if not words or any(is_common(w) for w in words):
        return ""
    return "" if is_allow_listed(value, load_allow_list()) else value.strip()


class StrictCuedNameRecognizer(CuedLowerNameRecognizer):
    """A name after a cue that says a person follows: two name-like words or evidence
    (`_strict`, loose). Subclasses declare only their PATTERNS."""

    def refine(self, value: str) -> str:
        return _strict(value, loose=True)


class UncommonCuedNameRecognizer(CuedLowerNameRecognizer):
    """A name after a weaker cue: every word name-like and none everyday or clinical.
    Subclasses declare only their PATTERNS."""

    def refine(self, value: str) -> str:
        return _each_a_name(value) if _uncommon(value) else ""


class RoleLabelNameRecognizer(StrictCuedNameRecognizer):
    """A name after a record's role label: with its colon any uncommon words ("Visitor: X Y -
    relation: niece"), without one ("applicant X Y,", "pt X Y found", "EHIC holder x y, born")
    the strict test."""

    PATTERNS = (
        (rf"\b{_ROLE}\s*:\s*(?P<v>{_NAME}){_CLOSES}", 0.85),
        (
            # ("participant", "borrower", "issued to"; sixteenth round, from fresh15)
            rf"(?i:\b(?:applicant|deceased|donor|visitor|claimant|pt|holder|cardholder|"
            rf"participant|borrower|issued\s+to|"
            # a child named in a referral ("safeguarding referral: child x y, dob ...";
            # seventeenth round, from fresh16)
            rf"child|infant))\s+"
            rf"(?P<v>{_NAME}){_CLOSES}",
            0.8,
        ),
    )


class RoleLabelColonNameRecognizer(RoleLabelNameRecognizer):
    """The role label with its colon: every word uncommon is enough ("Donor: Weiss Roland")."""

    PATTERNS = ((rf"\b{_ROLE}\s*:\s*(?P<v>{_NAME}){_CLOSES}", 0.85),)

    def refine(self, value: str) -> str:
        return _uncommon(value)


class DocumentForNameRecognizer(CuedLowerNameRecognizer):
    """A name after what a document does for someone ("please excuse X Y from PE", "confirmed
    for X Y on", "issued to X Y,", "pour X Y" ending a reminder)."""

    PATTERNS = ((rf"{_DOC_FOR}\s+{_TITLE}(?P<v>{_NAME}){_CLOSES}", 0.8),)

    def refine(self, value: str) -> str:
        return "" if is_service_noun(value) else _strict(value)


class WithRoleNameRecognizer(StrictCuedNameRecognizer):
    """A name after a role or kin word with no determiner ("lives with grandmother X Y at",
    "booked with midwife X Y,"): the role says a person follows, so a lower-case surname ending
    in -s is taken too."""

    PATTERNS = ((rf"{_WITH_ROLE}\s+(?P<v>{_NAME}){_CLOSES}", 0.8),)


class SessionWithNameRecognizer(CuedLowerNameRecognizer):
    """Who a session is with ("physio with X @ <street>", "appt with X Y on"): one capitalised
    name-like word, or the strict test ("appt with the nurse" and "with cardiology" stay)."""

    PATTERNS = (
        (
            rf"(?i:\b(?:physio|physiotherapy|appointment|appt|session|visit|review|class|"
            rf"therapy|counselling|lesson)\s+with)\s+(?P<v>{_NAME}){_CLOSES}",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        if len(value.split()) == 1 and value[:1].isupper() and name_like(value) == value:
            return value
        return _strict(value)


class SalutationNameRecognizer(CuedLowerNameRecognizer):
    """A name after a letter opening and before its comma ("Sehr geehrte Frau X,", "Madame X Y,
    demeurant ...", "Mevrouw X Y, wonende te ..."): every word uncommon."""

    PATTERNS = ((rf"(?:^|\n)\s*{_SALUTATION}\s+(?P<v>{_NAME})\s*,", 0.85),)

    def refine(self, value: str) -> str:
        return _uncommon(value)


class GotInTouchNameRecognizer(CuedLowerNameRecognizer):
    """Someone who got in touch, opening a clause ("omg X just texted me", "X rang us")."""

    PATTERNS = (
        (
            rf"(?:^|[,.!?;:]\s*|(?i:\b(?:omg|so|and|but|lol|btw)\s+))"
            rf"(?!(?i:omg|so|and|but|lol|btw)\b)(?P<v>{TOK}(?:[ -]{TOK})??)\s+"
            rf"(?i:(?:just|has|had|finally)\s+)?"
            rf"(?i:texted|messaged|rang|phoned|emailed|whatsapped|called)\s+(?i:me|us)\b",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        return name_like(value)


class RecordShapeNameRecognizer(CuedLowerNameRecognizer):
    """Names placed by a record's shape: "Surname, Forename (date)" after a label ("waiting
    list: X, Y (<dob>)"), a name before "(aged 6)", a name opening a record before " · " or
    " | ", a name after a label and before ", born" ("Exercise referral: X Y, born ..."), a name
    after a colon and before "still" or a verb of waiting, a name closing a message after
    " - " ("please post to <address> - X Y")."""

    PATTERNS = (
        (
            rf":\s*(?P<v>{TOK}(?:[ -]{TOK}){{0,2}},\s*{TOK}(?:[ -]{TOK}){{0,2}})\s*\(\s*"
            rf"(?=\d|(?i:the\s+)?{P.DATE_ANY})",
            0.8,
        ),
        (rf"^(?P<v>{TOK}(?:[ -]{TOK}){{1,3}})\s*[·|]", 0.8),
        (rf":\s+(?P<v>{_NAME}),\s+(?={P.DOB_CUE})", 0.8),
        (
            rf":\s+(?P<v>{TOK}(?:[ -]{TOK}){{1,3}}?)\s+(?i:still|is\s+still|now)\s+"
            r"(?i:waiting|awaiting|on|needs)\b",
            0.8,
        ),
        (rf"\s[-–]\s+(?P<v>{TOK}(?:[ -]{TOK}){{1,3}})\s*$", 0.8),
    )

    def refine(self, value: str) -> str:
        if "," in value:
            parts = [p.strip() for p in value.split(",")]
            joined = " ".join(parts)
            return value if all(_uncommon(p) for p in parts) and _strict(joined, True) else ""
        return _strict(value, loose=True)


class AgedNameRecognizer(CuedLowerNameRecognizer):
    """A name before its age in brackets ("X (aged 6) lives with ..."): one name-like word is
    enough, the bracket says it is a person."""

    PATTERNS = ((rf"(?P<v>{TOK}(?:[ -]{TOK}){{0,2}})\s*\(\s*(?i:aged?)\s*\d", 0.8),)

    def refine(self, value: str) -> str:
        return _each_a_name(value)


class NamePairNameRecognizer(CuedLowerNameRecognizer):
    """Two first names joined by "and" opening a message before a plural verb ("X and Y are
    both coming"): each one word that looks like a name."""

    PATTERNS = (
        (rf"^(?P<v>{TOK})\s+(?i:and|&)\s+{TOK}\s+(?i:are|were|have|both|will)\b", 0.8),
        (rf"^{TOK}\s+(?i:and|&)\s+(?P<v>{TOK})\s+(?i:are|were|have|both|will)\b", 0.8),
    )

    def refine(self, value: str) -> str:
        return value if _name_word(value) else ""


class KinBeforeVerbNameRecognizer(CuedLowerNameRecognizer):
    """A relative after "my other half", "my mam" or "my da" (kin words the older relation
    list lacks) before what follows a name."""

    PATTERNS = (
        (
            rf"(?i:\b(?:my|our|her|his)\s+(?:other\s+half|mam|mammy|mammie|ma|da|daddy|"
            rf"mummy|mommy|oh))\s+(?P<v>{TOK}(?:[ -]{TOK}){{0,2}}?){AFTER_NAME}",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        return _each_a_name(value)


class NoteFromNameRecognizer(CuedLowerNameRecognizer):
    """Who a note, a message or a voice note is from, before its colon ("voice note from X:",
    "text from X Y:")."""

    PATTERNS = (
        (
            rf"(?i:\b(?:note|message|msg|text|voicemail|email|e-mail|letter|call|memo)\s+from)"
            rf"\s+(?P<v>{TOK}(?:[ -]{TOK}){{0,2}})\s*:",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        return _each_a_name(value)


NAMES_ROLES = (
    RoleLabelNameRecognizer,
    RoleLabelColonNameRecognizer,
    DocumentForNameRecognizer,
    WithRoleNameRecognizer,
    SessionWithNameRecognizer,
    SalutationNameRecognizer,
    GotInTouchNameRecognizer,
    RecordShapeNameRecognizer,
    AgedNameRecognizer,
    NamePairNameRecognizer,
    KinBeforeVerbNameRecognizer,
    NoteFromNameRecognizer,
)
