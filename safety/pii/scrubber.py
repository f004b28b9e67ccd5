"""The PII scrubber: detect identifiers with Presidio, keep clinical content, replace consistently.

Offsets in `ScrubResult.entities` refer to the original text, so callers can audit what was
found without the scrubbed text having to carry positions. Entities never hold the raw value.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import partial

from presidio_analyzer import AnalyzerEngine

from safety.pii.clinical import (
    is_allow_listed,
    load_allow_list,
    looks_like_drug,
    protected_spans,
)
from safety.pii.engine import shared_analyzer
from safety.pii.names import (
    CONTINENTAL_FUNCTION,
    PARTICLES,
    given_names,
    is_common,
    surnames,
)
from safety.pii.surrogates import ScrubSession, Style, SurrogateMemory, get_style
from safety.pii.vetoes import (
    CONDITION_LABEL,
    after_condition_label,
    after_diagnosis_label,
    chained_eponym,
    clinical_shapes,
    drug_before_dose,
)

# Detections that clinical spans and the allow-list may veto: NER guesses and weak patterns.
SOFT_TYPES = frozenset({"PERSON", "LOCATION", "DATE", "ID_NUMBER"})
# Detections at or above this score come from explicit cues ("Dr", "my name is") and win over
# the allow-list, so "my daughter Georgia" is scrubbed while "Georgia" the state is not.
STRONG_CUE = 0.9
SCORE_THRESHOLD = 0.35
# A title is not an identifier: "I'm Dr. Reed" keeps "Dr." and replaces the name only (a cue
# recognizer reading "I'm <name>" would otherwise take "Dr" for the name: "I'm PERSON_1. PERSON_2").
_TITLE = re.compile(
    r"^(?:dr|doctor|prof|professor|mr|mrs|ms|miss|mx|nurse|sister)\b\.?\s*", re.IGNORECASE
)


@dataclass(frozen=True)
class Entity:
    """One detected identifier: its type and its [start, end) span in the original text."""

    type: str
    start: int
    end: int
    score: float = 1.0

    def as_dict(self) -> dict:
        return {"type": self.type, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class ScrubResult:
    """Scrubbed text plus what was replaced (types and original offsets only)."""

    text: str
    entities: tuple[Entity, ...]


class Scrubber:
    """Replaces names, contacts, ids, dates of birth and addresses; keeps clinical content.

    One `Scrubber` holds one default `ScrubSession`; pass `session=` to `scrub` to keep separate
    conversations apart (`new_session()` makes one with the same style).
    """

    def __init__(
        self,
        style: str | Style = "tags",
        seed: int = 0,
        analyzer: AnalyzerEngine | None = None,
        allow_list: frozenset[str] | None = None,
        keep_names: tuple[str, ...] = (),
    ) -> None:
        """`keep_names`: fictional names the application itself gives its roles (the AI doctor's
        name), which are not anyone's identifier and must read as written."""
        self._style_name = style if isinstance(style, str) else None
        self.seed = seed
        self.session = ScrubSession(get_style(style, seed) if isinstance(style, str) else style)
        self._analyzer = analyzer
        self.allow_list = allow_list if allow_list is not None else load_allow_list()
        self.keep_names = frozenset(n.casefold() for n in keep_names)

    @property
    def analyzer(self) -> AnalyzerEngine:
        if self._analyzer is None:
            self._analyzer = shared_analyzer()
        return self._analyzer

    def new_session(
        self, memory: SurrogateMemory | None = None, secret: bytes = b""
    ) -> ScrubSession:
        """A fresh session with this scrubber's style (seeded the same way); `memory` and
        `secret` keep its surrogates elsewhere than in this process (see `surrogates`)."""
        style = self.session.style if self._style_name is None else None
        style = style or get_style(self._style_name or "tags", self.seed)
        return ScrubSession(style, memory, secret)

    def detect(self, text: str, session: ScrubSession | None = None) -> list[Entity]:
        """Identifier spans in `text`, merged so none overlap, after the clinical vetoes."""
        if not text.strip():
            return []
        raw = self.analyzer.analyze(text, language="en", score_threshold=SCORE_THRESHOLD)
        keep = protected_spans(text) + drug_before_dose(text) + clinical_shapes(text)
        found = []
        for r in raw:
            ner = (r.recognition_metadata or {}).get("recognizer_name") == "SpacyRecognizer"
            for start, end in _pieces(text, r.entity_type, r.start, r.end, keep):
                if not self._vetoed(text, r.entity_type, start, end, r.score, keep, ner):
                    found.append(Entity(r.entity_type, start, end, r.score))
        session = session or self.session
        found += [Entity("PERSON", a, b, 0.8) for a, b in session.known_name_spans(text)]
        return [e for e in map(partial(self._untitled, text), _merge(found)) if e is not None]

    def _untitled(self, text: str, ent: Entity) -> Entity | None:
        """A name without its title; None for a title alone or a name the app gave a role."""
        if ent.type != "PERSON":
            return ent
        title = _TITLE.match(text[ent.start : ent.end])
        start = ent.start + (title.end() if title else 0)
        core = text[start : ent.end].strip(" .,")
        if not core or core.casefold() in self.keep_names:
            return None
        return Entity(ent.type, start, ent.end, ent.score)

    def _vetoed(self, text, etype, start, end, score, keep, ner=False) -> bool:
        if etype not in SOFT_TYPES or (etype == "PERSON" and score >= STRONG_CUE):
            return False
        if any(s < end and start < e for s, e in keep):
            return True
        span = text[start:end]
        if ner and etype == "PERSON" and _clinical_place(text, start, end):
            return True
        # nor is any person or place right after a continental condition label, whichever
        # recognizer found it ("..., V.a. X-Y" closing a referral looks like a signature)
        if etype in ("PERSON", "LOCATION") and _CONDITION_BEFORE.search(
            text[max(0, start - 24) : start]
        ):
            return True
        # a sign's possessive before its result is no place either ("Rosenbach's negative")
        if ner and etype == "LOCATION" and _POSSESSIVE_RESULT.match(text, end):
            return True
        if ner and etype == "PERSON" and chained_eponym(span):
            return True
        # an item of a negated review of systems is no person or place ("..., No recent breast
        # surgery, No dyspnea"; seventeenth round, from the identifier-free texts)
        if etype in ("PERSON", "LOCATION") and re.match(r"(?:No|NO|no|Nil|nil)\s", span):
            return True
        # an ordinal alone is no person or place ("finished 212th"; thirteenth round), nor a
        # sports age group ("U14s"; sixteenth round)
        if etype in ("PERSON", "LOCATION") and re.fullmatch(
            r"(?i:\d+(?:st|nd|rd|th)|u\d{1,2}s?)", span
        ):
            return True
        # a person or place made only of everyday words ("voicemail", "geboren am") is the NER
        # model's guess at a capitalised or unknown word, never an identifier on its own
        if etype in ("PERSON", "LOCATION") and all(is_common(w) for w in re.findall(r"\w+", span)):
            return True
        if ner and etype in ("PERSON", "LOCATION") and _continental_words(span):
            return True
        if etype in ("PERSON", "LOCATION") and score < STRONG_CUE:
            if is_allow_listed(span, self.allow_list) or looks_like_drug(text, start, end):
                return True
            if _field_label(text, start, end):
                return True
            # a note heading before one medicine or condition ("PMH Cushing's", "Rx Xarelto"),
            # or a count after it ("nitrofurantoin x 28"): judged without the everyday words
            # round it (a title stays: "dr Hartmann" is a name, not Hartmann's solution)
            words = list(re.finditer(r"\S+", span))
            rare = [w for w in words if not is_common(w.group().strip(".:,"))]
            if len(words) > 1 and len(rare) == 1 and not _TITLE.match(span):
                a, b = start + rare[0].start(), start + rare[0].end()
                return is_allow_listed(text[a:b], self.allow_list) or looks_like_drug(text, a, b)
        return False

    def scrub(self, text: str, session: ScrubSession | None = None) -> ScrubResult:
        """Scrub one message; the same value gets the same surrogate for the whole session."""
        session = session or self.session
        entities = self.detect(text, session)
        out, last = [], 0
        for ent in entities:
            out.append(text[last : ent.start])
            out.append(self.replace(ent.type, text[ent.start : ent.end], session))
            last = ent.end
        out.append(text[last:])
        return ScrubResult("".join(out), tuple(entities))

    def replace(self, entity_type: str, value: str, session: ScrubSession) -> str:
        """The surrogate for one detected value; name parts are remembered so a later bare
        surname is caught. Separate from `detect` so a stream can detect on text it has not yet
        decided to show and commit surrogates only for what it shows, in order."""
        if entity_type == "PERSON":
            for part in value.split():
                if (
                    len(part) >= 3
                    and part[0].isupper()
                    and not is_allow_listed(part, self.allow_list)
                ):
                    session.remember_name(part)
        return session.surrogate(entity_type, value)


# What the NER model takes for a person in a note's clinical wording (thirteenth round, from
# hand-written 10's lost clinical spans): a condition named in a differential or a diagnosis
# ("?Bell's palsy vs Ramsay Hunt", "suspected Kikuchi"), a sign or test given its result
# ("Semmes-Weinstein absent", "Kernig positive"), and a procedure ("lymph node biopsy").
# ("?" only as a note's query mark, written onto the word: not "any tips?? casey x")
_DIAGNOSTIC_BEFORE = re.compile(
    r"(?:(?i:\bvs\.?|\bversus|\bquery|\br/o|\brule\s+out|\bruled\s+out|\blikely|"
    r"\bprobable|\bpossible|\bsuspected|\bdiagnosed\s+with|\bdiagnosis\s+of|\bddx|\bdx|"
    r"\bfeatures\s+of|\bconsistent\s+with|\bc/w|\bsecondary\s+to|\bknown|"
    # a diagnosis label, in English, German, Dutch or French (fifteenth round)
    r"\bdiagnose|\bdiagnosis|\bdiagnostic)\s*:?\s*|"
    r"(?<![?!\w])\?)$"
)
# Procedure words: no name ends this way.
_PROCEDURE = re.compile(
    r"(?:opsy|opsies|scopy|scopies|graphy|ograms?|plasty|ectomy|otomy|ostomy|centesis|pexy)$"
)
# (the sign's possessive may stand between: "Romberg's negative"; sixteenth round)
_RESULT = (
    r"\s+(?i:absent|present|positive|negative|equivocal|upgoing|downgoing|intact|elicited|"
    r"reproducible|abnormal)\b"
)
_RESULT_AFTER = re.compile(r"(?:['’]s)?" + _RESULT)
_POSSESSIVE_RESULT = re.compile(r"['’]s" + _RESULT)


_CONDITION_BEFORE = re.compile(rf"{CONDITION_LABEL}\s*:?\s*$")


def _clinical_place(text: str, start: int, end: int) -> bool:
    """Whether an NER person sits where a note names a condition, a sign, a test or a procedure:
    after a differential or diagnostic word, or before a result (unless a word of it is a known
    given name); or ending in a procedure word ("lymph node biopsy", "knee arthroscopy")."""
    span = text[start:end]
    words = re.findall(r"[^\W\d_]+", span)
    if words and _PROCEDURE.search(words[-1].lower()):
        return True
    # a continental condition label opening the span or right before it ("V.a. X-Y",
    # "Vorerkrankung X-Y", "ziekte van X"; sixteenth round), even when a word is a given name
    particle = re.match(r"(?i:van|de|von)\s+", span)
    cut = start + (particle.end() if particle else 0)
    if after_condition_label(span) or _CONDITION_BEFORE.search(text[max(0, start - 24) : cut]):
        return True
    if any(w.lower() in given_names() for w in words):
        return False
    # a diagnosis label opening the span ("Diagnose Zollinger-Ellison"; fifteenth round)
    if after_diagnosis_label(span):
        return True
    before = text[max(0, start - 24) : start]
    return bool(_DIAGNOSTIC_BEFORE.search(before) or _RESULT_AFTER.match(text, end))


_TITLE_WORD = re.compile(
    r"dr|doctor|prof|mr|mrs|ms|miss|mx|mme|mlle|madame|monsieur|herrn?|frau|dhr|mevr|mevrouw|meneer"
)


def _capitalised_name_word(word: str) -> bool:
    w = word.strip(".,;:!?")
    return (
        w[:1].isupper()
        and w.lower() not in CONTINENTAL_FUNCTION
        and not is_common(w)
        and not is_allow_listed(w, load_allow_list())
    )


def _continental_words(span: str) -> bool:
    """Whether an NER span holds a German, French or Dutch function word ("besserung mit", "van
    je", "für apixaban") or is one word and a particle ("bloedonderzoek van"), and no word of it
    is a known given name or surname: the English model's guess in continental text (fourteenth
    round, from fresh13's get-well card, results message and chat request). Words are split at
    spaces only, so "O'Hora" and "Maury-sur-Grenier" stay whole."""
    words = [w.strip(".,;:!?()\"'").lower() for w in span.split()]
    words = [w for w in words if w]
    names = [w for w in words if w not in PARTICLES]
    if not words or any(w in given_names() or w in surnames() for w in names):
        return False
    # a title says a person is named ("je soussigné dr X"), and so do two capitalised words in a
    # row that are neither function words, everyday nor clinical ("ich bin Roswitha
    # Eggenberger"; German nouns are capitalised too, but seldom two in a row: "Besserung aus
    # dem Urlaub")
    if any(_TITLE_WORD.fullmatch(w) for w in words):
        return False
    named = [_capitalised_name_word(w) for w in span.split()]
    if any(a and b for a, b in itertools.pairwise(named)):
        return False
    # a particle closes no name: one word and "van" is a noun and its preposition
    return any(w in CONTINENTAL_FUNCTION for w in words) or (
        len(words) == 2 and words[-1] in PARTICLES
    )


# A form field's label: one word opening the text, a line or a field (after "|", "/" or two
# spaces) and closed by its colon ("Vaccine: flu | Batch: FX2291", "Motif: ...", "Postcode:").
_FIELD_OPEN = re.compile(r"(?:^|\n|[|/]\s*|\s{2,})$")


def _field_label(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` is one word used as a field label: a person's name written
    alone before a colon in a chat ("Sue: ok") is a known given name and stays a name."""
    span = text[start:end]
    if not re.fullmatch(r"[^\W\d_]+", span) or text[end : end + 1] != ":":
        return False
    if not _FIELD_OPEN.search(text[max(0, start - 3) : start]):
        return False
    return span.lower() not in given_names()


# Words that cannot be part of a name or a place: a field separator ("kieran hill - t2dm"),
# a word with a digit (spaCy runs on into "t2", "R14 WRP1" or "Addr 2").
_NOT_NAME_WORD = re.compile(r"[-–—|(·•]|.*\d")


def _pieces(text: str, etype: str, start: int, end: int, keep) -> list[tuple[int, int]]:
    """A person or place span split around words that cannot be in a name (separators, words
    with digits) and around clinical content inside it, so the name is scrubbed and the
    clinical words kept; pieces of common words only ("Addr", "ref") are dropped."""
    if etype not in ("PERSON", "LOCATION"):
        return [(start, end)]
    pieces: list[list[tuple[int, int]]] = [[]]
    last = start
    for i, tok in enumerate(re.finditer(r"[^\s/]+", text[start:end])):
        s, e = start + tok.start(), start + tok.end()
        # a slash between spaces separates fields ("X Y / Sjögren's / on colchicine")
        if " /" in text[last:s] or "/ " in text[last:s]:
            pieces.append([])
        last = e
        # a number opening a place is its house number ("4 Bóthar na Trá")
        number_first = i == 0 and etype == "LOCATION" and tok.group()[:1].isdigit()
        if (_NOT_NAME_WORD.fullmatch(tok.group()) and not number_first) or any(
            a < e and s < b for a, b in keep
        ):
            pieces.append([])
        else:
            pieces[-1].append((s, e))
    if len(pieces) == 1:
        return [(start, end)]
    out = []
    for run in pieces:
        if run and not all(is_common(text[s:e].strip(".,;:'")) for s, e in run):
            out.append((run[0][0], run[-1][1]))
    return out


def _merge(entities: list[Entity]) -> list[Entity]:
    """Union overlapping spans (privacy first); the label comes from the strongest, then longest."""
    merged: list[list[Entity]] = []
    for ent in sorted(entities, key=lambda e: (e.start, -e.end)):
        if merged and ent.start < max(e.end for e in merged[-1]):
            merged[-1].append(ent)
        else:
            merged.append([ent])
    result = []
    for group in merged:
        best = max(group, key=lambda e: (e.score, e.end - e.start))
        start = min(e.start for e in group)
        end = max(e.end for e in group)
        result.append(Entity(best.type, start, end, best.score))
    return result
