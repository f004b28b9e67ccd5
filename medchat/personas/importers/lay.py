"""The words a patient uses: chart terms, shorthand and numbers turned into everyday speech.

Case sets are written by clinicians ("painful ulcerative lesion", "5.4 kg (12 lb)", "c/o SOB x/7");
a simulated patient says "a painful open sore", "about 5 and a half kilos", "short of breath for
a week". The vocabulary is data (`lay_glossary.yaml`, reviewed by hand); who is speaking is
`voice.py`'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from medchat.errors import PersonaError

GLOSSARY_FILE = "lay_glossary.yaml"

SPEAKER_WORDS = ("i", "i_have", "i_havent", "i_am", "i_dont", "my")
"""Placeholders a `sentences`/`negatives` replacement may use; `speaker_words` fills them."""


def speaker_words(child: str | None) -> dict[str, str]:
    """'I've' for the patient, 'My son has' when a parent speaks for a child."""
    if not child:
        return {
            "i": "I",
            "i_have": "I've",
            "i_havent": "I haven't",
            "i_am": "I'm",
            "i_dont": "I don't",
            "my": "my",
        }
    who = f"My {child}"
    return {
        "i": who,
        "i_have": f"{who} has",
        "i_havent": f"{who} hasn't",
        "i_am": f"{who} is",
        "i_dont": f"{who} doesn't",
        "my": "our",
    }


@dataclass(frozen=True)
class Glossary:
    """Chart term -> lay phrase, plus whole-fragment rewrites for boilerplate and negatives."""

    terms: dict[str, str]
    sentences: list[tuple[re.Pattern[str], str | None]]
    negatives: list[tuple[re.Pattern[str], str]]

    @classmethod
    def load(cls, path: str | Path | None = None) -> Glossary:
        """Read and validate a glossary file (default: the shipped one); errors name the entry."""
        if path is None:
            text = resources.files(__package__).joinpath(GLOSSARY_FILE).read_text("utf-8")
            where = GLOSSARY_FILE
        else:
            text, where = Path(path).read_text(encoding="utf-8"), str(path)
        try:
            raw = yaml.safe_load(text) or {}
        except yaml.YAMLError as exc:
            raise PersonaError(f"{where}: not valid YAML ({exc})") from None
        unknown = set(raw) - {"terms", "sentences", "negatives"}
        if unknown:
            raise PersonaError(f"{where}: unknown section(s) {sorted(unknown)}")
        terms: dict[str, str] = {}
        for key, lay in (raw.get("terms") or {}).items():
            if not isinstance(lay, str) or not lay.strip():
                raise PersonaError(f"{where}: terms.{key}: the lay phrase must be a non-empty text")
            for spelling in str(key).split("|"):
                spelling = spelling.strip().lower()
                if spelling in terms:
                    raise PersonaError(f"{where}: terms: {spelling!r} is listed twice")
                terms[spelling] = lay.strip()
        glossary = cls(
            terms=terms,
            sentences=_patterns(raw.get("sentences"), where, "sentences", allow_null=True),
            negatives=_patterns(raw.get("negatives"), where, "negatives", allow_null=False),
        )
        for term, lay in terms.items():
            if (found := glossary.find_jargon(lay)) is not None:
                raise PersonaError(
                    f"{where}: terms.{term}: the lay phrase {lay!r} contains the term {found!r}"
                )
        return glossary

    @property
    def _regex(self) -> re.Pattern[str]:
        return _term_regex(tuple(sorted(self.terms, key=len, reverse=True)))

    def plain(self, text: str) -> str:
        """Every glossary term in `text` swapped for its lay phrase (capitalised as it was).

        'bilateral ankle edema' becomes 'ankle swelling on both sides': a patient puts the
        side after the thing, so these adjectives move behind their noun first.
        """

        def move(match: re.Match[str]) -> str:
            if self.find_jargon(match.group(0)) not in (None, match.group(1).lower()):
                return match.group(0)  # the glossary has the whole phrase ("generalized edema")
            return f"{match.group(2)} {_SIDE_WORDS[match.group(1).lower()]}"

        text = _SIDE_ADJECTIVE.sub(move, text)

        def swap(match: re.Match[str]) -> str:
            lay = self.terms[match.group(0).lower()]
            starts = match.start() == 0 and match.group(0)[0].isupper()
            return lay[0].upper() + lay[1:] if starts else lay

        return self._regex.sub(swap, text)

    def find_jargon(self, text: str) -> str | None:
        """The first glossary term `text` still contains, or None."""
        match = self._regex.search(text)
        return match.group(0).lower() if match else None

    def rewrite(self, fragment: str, child: str | None) -> tuple[bool, str | None]:
        """(matched, sentence) for boilerplate: sentence None means nothing for the patient."""
        for pattern, replacement in self.sentences:
            if match := pattern.fullmatch(fragment):
                if replacement is None:
                    return True, None
                return True, self._fill(match, replacement, child)
        return False, None

    def deny(self, item: str, child: str | None) -> str | None:
        """The sentence for an absent non-symptom ("pets at home"), or None for a symptom."""
        for pattern, replacement in self.negatives:
            if match := pattern.fullmatch(item):
                return self._fill(match, replacement, child)
        return None

    def _fill(self, match: re.Match[str], replacement: str, child: str | None) -> str:
        """The replacement with the speaker's words and each captured group in lay words."""
        text = replacement.format(**speaker_words(child))
        text = re.sub(
            r"\\(\d)", lambda g: spoken_numbers(self.plain(match.group(int(g.group(1))))), text
        )
        return text[0].upper() + text[1:]


def _patterns(
    section: object, where: str, name: str, allow_null: bool
) -> list[tuple[re.Pattern[str], str | None]]:
    out: list[tuple[re.Pattern[str], str | None]] = []
    for key, value in (section or {}).items():
        if value is None and not allow_null:
            raise PersonaError(f"{where}: {name}.{key}: needs a sentence")
        if value is not None and not isinstance(value, str):
            raise PersonaError(f"{where}: {name}.{key}: must be a text or null")
        try:
            pattern = re.compile(str(key), re.IGNORECASE)
            if value is not None:
                value.format(**speaker_words(None))
        except (re.error, KeyError, IndexError) as exc:
            raise PersonaError(f"{where}: {name}.{key}: {exc}") from None
        out.append((pattern, value))
    return out


_SIDE_WORDS = {
    "bilateral": "on both sides",
    "unilateral": "on one side",
    "generalized": "all over",
    "generalised": "all over",
}
_SIDE_ADJECTIVE = re.compile(
    r"\b(bilateral|unilateral|generali[sz]ed) ((?!and\b|or\b)[a-z]+(?: (?!and\b|or\b|that\b|which\b"
    r"|with\b|in\b|on\b|for\b)[a-z]+){0,2}?)(?=\s+(?:that|which|with|and|in|on|for)\b|[,.;]|$)",
    re.IGNORECASE,
)


@cache
def _term_regex(terms: tuple[str, ...]) -> re.Pattern[str]:
    body = "|".join(re.escape(t) for t in terms)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


@cache
def default_glossary() -> Glossary:
    """The shipped glossary, read once."""
    return Glossary.load()


_SHORTHAND = [
    (r"\bpt\b", "the patient"),
    (r"\bc/o\b", "complains of"),
    (r"\bhx\b", "history"),
    (r"\bsob\b", "shortness of breath"),
    (r"\bn&v\b|\bn/v\b", "nausea and vomiting"),
    (r"\bx\s?(\d+)/7\b", r"for \1 days"),
    (r"\b(\d+)/7\b", r"\1 days"),
    (r"\b(\d+)/52\b", r"\1 weeks"),
    (r"\b(\d+)/12\b(?!\s*(?:mm|cm|hours?))", r"\1 months"),
]


def expand_shorthand(text: str) -> str:
    """'c/o SOB x3/7' -> 'complains of shortness of breath 3 days'; case notes' abbreviations."""
    for pattern, words in _SHORTHAND:
        text = re.sub(pattern, words, text, flags=re.IGNORECASE)
    return text


def _kilos(value: float) -> str:
    half = round(value * 2) / 2
    whole = int(half)
    return f"{whole} and a half kilos" if half != whole else f"{whole} kilos"


def spoken_numbers(text: str) -> str:
    """Numbers and units as a patient says them: one unit, rounded, words for symbols."""
    text = re.sub(
        r"(\d+(?:\.\d+)?)[- ]?kg\s*\(\s*[\d.]+[- ]?(?:lb|lbs|pounds?)\s*\)",
        lambda m: "about " + _kilos(float(m.group(1))),
        text,
    )
    text = re.sub(
        r"(\d{4})[- ]?g\s*\(\s*[\d.]+[- ]?(?:lb|lbs|pounds?)\s*\)",
        lambda m: "about " + _kilos(int(m.group(1)) / 1000),
        text,
    )
    text = re.sub(r"\b(\d+(?:\.\d+)?)[- ]?kg\b", lambda m: _kilos(float(m.group(1))), text)
    text = re.sub(r"\babout about\b", "about", text)
    text = re.sub(
        r"(\d+)\s*[–-]\s*(\d+)(?=\s+(?:times|days|weeks|hours|minutes))", r"\1 to \2", text
    )
    text = re.sub(r"(?<![\w])<\s*(?=\d)", "less than ", text)
    text = re.sub(r"(?<![\w])>\s*(?=\d)", "more than ", text)
    text = re.sub(r"\b1 pack per day\b", "a pack a day", text)
    text = re.sub(r"\bper (day|week|month|year)\b", r"a \1", text)
    text = re.sub(r"(?<=\d) times daily\b", " times a day", text)
    text = re.sub(r"\b(cigarettes|pack) daily\b", r"\1 a day", text)
    text = re.sub(r"\btwice-(daily|weekly|monthly)\b", _twice, text)
    text = re.sub(r"\bmore (\d)", r"more than \1", text)
    text = re.sub(
        r"\bsince (\d+|one|two|three|four|five|six) (day|week|month|year)s?\b", _since, text
    )
    text = re.sub(r"\b(\d+) episodes\b", r"\1 times", text)
    text = re.sub(r"\bfever of (\d\d(?:\.\d)?)\b", r"a temperature of \1", text)
    return text


def _twice(match: re.Match[str]) -> str:
    unit = {"daily": "day", "weekly": "week", "monthly": "month"}[match.group(1)]
    return f"twice a {unit}"


def _since(match: re.Match[str]) -> str:
    number, unit = match.group(1), match.group(2)
    plural = "" if number in ("1", "one") else "s"
    return f"for {number} {unit}{plural}"
