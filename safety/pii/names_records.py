"""Names in records and short messages that the introduction and form-label shapes miss: a
"Surname, Forename" heading a record before a date, a name after a signature or policy field, the
sender of a chat line or a forwarded message, a person set off between commas after "this lady",
a name just before "(born ...)", a sign-off after a comma that ends a thank-you, and a name
between "to" or "for" and an address.

Each shape takes only words that could be a name (`names.name_prefix` / `name_like`); the
weaker ones want two name-like words or evidence (`names_forms._two_or_named`).
"""

from __future__ import annotations

from typing import ClassVar

from safety.pii import patterns as P
from safety.pii.names import TOK, CuedLowerNameRecognizer, name_like, name_prefix
from safety.pii.names_forms import KIN_WORD, _two_or_named
from safety.pii.recognizers_intl import STREET_ANY

# What opens a record line: the start of the text or a line, or a field separator (" - ",
# " | ", "; "), after an optional "bed 12 -" style prefix.
_RECORD_OPEN = r"(?:^|\n|\s[-–—|]\s|;\s)"
# What follows a name in a record: a date, a day/month in figures, an ordinal day, a birth cue.
_DATE_NEXT = (
    rf"(?:(?i:the\s+)?{P.DATE_ANY}|\d{{1,4}}[/.-]\d{{1,2}}|{P.DAY_ORDINAL}|"
    r"(?i:dob|d\.o\.b|born|b\.)(?![\w]))"
)


def _inverted(value: str) -> str:
    """ "Surname, Forename": both parts free of common and clinical words, and one of them
    name-like as a whole ("Jones, Owen": "jones" ends in -s, "owen" does not)."""
    parts = [p.strip() for p in value.split(",")]
    if len(parts) != 2 or not all(p and name_prefix(p, "cue") == p for p in parts):
        return ""
    if any(p.lower().endswith("ed") for p in parts):  # "Bloods, reviewed (3/5)"
        return ""
    return value if any(name_like(p) == p for p in parts) else ""


class InvertedRecordNameRecognizer(CuedLowerNameRecognizer):
    """A record headed "Surname, Forename" before a date or a bracketed date ("Ng, Ada
    (3/4/1950) - did not attend", "bed 4 - Ruiz, Pau, 12th May, ..."): both parts must look like
    a name, so "Seen, reviewed 3 May" stays."""

    PATTERNS = (
        (
            rf"{_RECORD_OPEN}(?P<v>{TOK}(?:[ -]{TOK}){{0,3}},\s*{TOK}(?:[ -]{TOK}){{0,2}})"
            rf"\s*(?:,\s*|\(\s*|\s(?=(?i:dob|d\.o\.b|born|b\.)(?![\w])))(?={_DATE_NEXT})",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        return _inverted(value)


# Fields of a signature, a witness or an insurance or consent form, with their colon.
_SIGN_FIELD = (
    r"(?i:\b(?:signed|signature|witness(?:ed\s+by)?|policy\s?holder|insured|account\s+holder|"
    r"applicant|guarantor|print\s+name|printed\s+name)\s*:)"
)


class SignatureFieldNameRecognizer(CuedLowerNameRecognizer):
    """A name after a signature, witness or policyholder field ("Witness: X Y    Date:"); the
    name is the run of uncommon words up to the next field or separator."""

    EVIDENCE: ClassVar[str] = "cue"
    PATTERNS = ((rf"{_SIGN_FIELD}[ \t]*(?P<v>{TOK}(?:[ -]{TOK}){{0,3}})", 0.85),)


class ChatSenderNameRecognizer(CuedLowerNameRecognizer):
    """The sender of a chat line after its time stamp ("[3 May, 21:14] X: ..."): what stands
    there is a name, so any one or two words that are not common or clinical."""

    EVIDENCE: ClassVar[str] = "cue"
    PATTERNS = ((rf"\[[^\]\n]{{0,40}}\d{{1,2}}:\d{{2}}\]\s*(?P<v>{TOK}(?:[ -]{TOK})?)\s*:", 0.85),)

    def refine(self, value: str) -> str:
        found = name_prefix(value, "cue")
        return found if found == value.strip() else ""


class SenderNameRecognizer(CuedLowerNameRecognizer):
    """The sender of a forwarded message ("whatsapp msg from X - ...", "text from X:"): one or
    two words that look like a name."""

    EVIDENCE: ClassVar[str] = "whole"
    PATTERNS = (
        (
            rf"(?i:\b(?:wa|whatsapp|sms|text|msg|message|e-?mail|voicemail|vm)\s+(?:msg\s+|"
            rf"message\s+)?from)\s+(?P<v>{TOK}(?:[ -]{TOK})?)(?=\s*(?::|\s[-–—]\s|,))",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        return name_like(value)


class AppositionNameRecognizer(CuedLowerNameRecognizer):
    """A person set off between commas after who they are in a letter ("this lady, X Y, has",
    "the gentleman, X, was"): the words must look like a name."""

    PATTERNS = (
        (
            rf"(?i:\b(?:this|the|our|a)\s+(?:lady|gentleman|man|woman|boy|girl|child|young\s+man|"
            rf"young\s+woman|patient|client|resident)),\s+(?P<v>{TOK}(?:[ -]{TOK}){{0,3}}?),",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        return name_like(value)


class NameBeforeBornRecognizer(CuedLowerNameRecognizer):
    """Two name-like words (or one with evidence) just before a bracketed birth date ("..., X Y
    (born 3/4/1950), ...", "X Y (dob ...)")."""

    PATTERNS = (
        (
            rf"(?:^|[,;:]\s+|\n)(?P<v>{TOK}(?:[ -]{TOK}){{0,3}}?)\s*\((?i:born|dob|d\.o\.b|b\.|"
            rf"n[ée]e?\s+le|geb\.)",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        return _two_or_named(value)


class LabelNameRecognizer(CuedLowerNameRecognizer):
    """A name between dashes on a label, before what was done with the item ("... - take one at
    night - X Y - dispensed 3/4"): two name-like words, or one with evidence."""

    PATTERNS = (
        (
            rf"\s[-–—]\s(?P<v>{TOK}(?:[ -]{TOK}){{0,3}}?)\s[-–—]\s(?i:dispensed|supplied|issued|"
            rf"collected|delivered|printed|labelled|checked)\b",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        return _two_or_named(value)


class KinOfNameRecognizer(CuedLowerNameRecognizer):
    """A name written as a possessive without its apostrophe before a relative who acts ("per
    telephone X Ys son rang", "Jacks mum called"): the name without the "s", two name-like
    words or one with evidence; "the doctors wife rang" stays."""

    PATTERNS = (
        (
            rf"(?:^|(?<=[\s,.;:(]))(?P<v>{TOK}(?:\s{TOK}){{0,2}}?)s\s+{KIN_WORD}\s+(?i:rang|"
            rf"called|phoned|rung|says|said|wants|wanted|asked|came|is|was|has|rings|calls)\b",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        # the words after the last common one ("per phone X Y": "X Y")
        tail = name_prefix(value, "tail")
        return _two_or_named(tail) if tail else ""


class SignOffCommaNameRecognizer(CuedLowerNameRecognizer):
    """A name after the comma that ends a thank-you, a farewell or a request ("thanks for all
    your help, X", "see you tuesday, X.", "can you update my records, X"): one word that looks
    like a name, so "thanks dr, great news!" and "could you ring me, asap" stay."""

    EVIDENCE: ClassVar[str] = "whole"
    PATTERNS = (
        (
            rf"(?i:\b(?:thanks|thank\s+you|cheers|ta|bye|see\s+you|speak\s+soon|take\s+care))"
            rf"\b[^,.!?\n]{{0,40}},\s+(?P<v>{TOK})\s*[.!]*\s*$",
            0.8,
        ),
        (
            rf"(?i:\b(?:can|could|would)\s+(?:you|someone|somebody)|\bplease|\bpls|\bplz)"
            rf"\b[^,.!?\n]{{0,60}},\s+(?P<v>{TOK})\s*[.!]*\s*$",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        return name_like(value)


class NameBeforeAddressRecognizer(CuedLowerNameRecognizer):
    """A name between "to", "for" or a label's colon and the address after it ("letter to X Y,
    12 <street>", "referral: X Y, Flat 3/1, 48 <street>"): two name-like words or evidence."""

    PATTERNS = (
        (
            rf"(?:(?i:\b(?:to|for|c/o|attn|attention))\s+|:\s+)"
            rf"(?P<v>{TOK}(?:[ -]{TOK}){{0,3}}?),\s+"
            rf"(?=(?:(?:{P.UNIT_WORD}|(?i:flat))\s*\d{{1,4}}(?:/\d{{1,3}})?[a-zA-Z]?,?\s+)?"
            rf"(?:\d{{1,4}}[a-zA-Z]?,?\s+)?(?:{STREET_ANY}))",
            0.8,
        ),
    )

    def refine(self, value: str) -> str:
        found = name_prefix(value, "cue")
        return _two_or_named(found) if found == value.strip() else ""


NAMES_RECORDS = (
    InvertedRecordNameRecognizer,
    SignatureFieldNameRecognizer,
    ChatSenderNameRecognizer,
    SenderNameRecognizer,
    LabelNameRecognizer,
    KinOfNameRecognizer,
    AppositionNameRecognizer,
    NameBeforeBornRecognizer,
    SignOffCommaNameRecognizer,
    NameBeforeAddressRecognizer,
)
