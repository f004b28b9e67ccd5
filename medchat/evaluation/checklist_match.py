"""Which OSCE checklist items did the student's turns cover?

Each item is marked by the evidence its category calls for, the way an examiner marks it:
- history (and ICE): the patient grounding (`FactSelector`) picks the case facts each doctor
  question would get out; an item is covered when at least half of its `fact_ids` were asked for.
  A question close to the item's own wording (MiniLM cosine >= `TOPIC_MIN`) also counts, for
  facts phrased unlike the question ("rainbow rings round lights" vs "haloes").
  Open questions ("what brings you in?") earn no specific item: the patient volunteered it.
- examination: a request to the examiner for one of the systems the item names;
- investigation: a keyword, or at least half of the tests the item names (FBC, U&E...), requested;
- diagnosis: the submitted leading diagnosis names the case, or a keyword is said or submitted;
- management: a keyword said by the doctor (or written in the plan);
- communication: the rules of `communication.py` (introduction, summary, understanding).
Evidence is quoted per item, so the report can show the sentence that earned each mark.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from medchat.agents.grounding import FactSelector
from medchat.clinical.encoder import Encoder, embed, get_encoder
from medchat.clinical.exams import EXAM_SYSTEMS, TEST_ALIASES
from medchat.clinical.leakage import find_leak
from medchat.clinical.questions import is_open_question
from medchat.evaluation.communication import Communication, is_question, sentences
from medchat.personas.schema import ChecklistCategory as Cat
from medchat.personas.schema import ChecklistItem, ExamSystem, Persona

TOPIC_MIN = 0.62
_JOINS = re.compile(
    r",\s*(?:and|or)\s+|;\s*|\?\s+|\s(?:and|or)\s(?=(?:do|did|does|is|are|was|were|have|has|any|how|what|when|where|which|can|could)\b)"
)
_ASKS = re.compile(
    r"^(asks|asks about|elicits|establishes|characterises|screens for|screens|takes|quantifies|"
    r"explores|identifies|excludes|reviews|checks|requests|examines|performs)\s+(about\s+)?",
    re.IGNORECASE,
)
# Examination words the examiner's request table leaves to other systems.
_EXTRA_SYSTEMS: list[tuple[str, ExamSystem]] = [
    (r"\b(anal|perianal)\b", ExamSystem.RECTAL),
    (r"goitre|lid lag|proptosis", ExamSystem.HEAD_NECK),
    (r"dermatoscop|lesion", ExamSystem.SKIN),
    (r"\bdvt\b", ExamSystem.PERIPHERAL_VASCULAR),
]


@dataclass
class Evidence:
    """What the student did, gathered from a transcript once for all items."""

    questions: list[str]
    """Doctor sentences, lower case, in order."""
    said: str
    """Everything the doctor said or submitted, lower case, for keywords."""
    requests: list[str]
    """Examiner requests and the names the examiner answered with ("Full blood count")."""
    communication: Communication
    leading_correct: bool = False


@dataclass(frozen=True)
class ItemResult:
    id: str
    text: str
    category: str
    weight: float
    critical: bool
    covered: bool
    evidence: str = ""
    """The sentence or request that covered the item ("" when missed)."""


@dataclass
class _Facts:
    by_question: list[set[str]] = field(default_factory=list)

    def asked(self) -> set[str]:
        return set().union(*self.by_question) if self.by_question else set()


def keyword_pattern(keyword: str) -> re.Pattern[str]:
    """Whole words, plural-tolerant; short capitals ("PE", "AF") must match in capitals."""
    if len(keyword) <= 3 and keyword.isupper():
        return re.compile(rf"(?<![\w]){re.escape(keyword)}s?(?!\w)")
    words = [re.escape(w.lower()) for w in re.split(r"[\s\-]+", keyword.strip()) if w]
    words = [_plural(w) for w in words]
    joined = r"[\s-]*".join(words)
    return re.compile(rf"(?<!\w){joined}(es)?(?!\w)", re.IGNORECASE)


def _plural(word: str) -> str:
    """A keyword word with its usual endings: 'antibodies' ~ 'antibody', 'driving' ~ 'drive'."""
    if word.endswith("ing") and len(word) > 5:
        return word[:-3] + "(e|es|ed|ing)?"
    if word.endswith("ies"):
        return word[:-3] + "(y|ies)"
    if word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word + "s?"


def canonical_tests(text: str) -> set[str]:
    """The examiner's canonical test names ("Full blood count") that `text` names."""
    norm = " " + re.sub(r"[^a-z0-9&]+", " ", text.lower()) + " "
    return {
        name
        for name, aliases in TEST_ALIASES.items()
        if any(" " + re.sub(r"[^a-z0-9&]+", " ", a) + " " in norm for a in [name.lower(), *aliases])
    }


def exam_systems(text: str) -> set[ExamSystem]:
    lowered = text.lower()
    table = [*_EXTRA_SYSTEMS, *EXAM_SYSTEMS]
    return {system for pattern, system in table if re.search(pattern, lowered)}


def clauses(question: str) -> list[str]:
    """The question and, when it joins several asks ("X, and Y?"), each part of three or more
    words, so every part is matched to facts on its own."""
    parts = [p.strip(" ,?") for p in _JOINS.split(question)]
    parts = [p for p in parts if len(p.split()) >= 3]
    return [question, *parts] if len(parts) > 1 else [question]


def topic(item: ChecklistItem) -> str:
    """The item's wording without its verb: 'Asks about haloes around lights' -> 'haloes...'."""
    return _ASKS.sub("", item.text).strip()


class ChecklistMatcher:
    """Mark a persona's checklist against one transcript's evidence."""

    def __init__(self, encoder: Encoder | None = None, selector: FactSelector | None = None):
        self._encoder = encoder
        self.selector = selector or FactSelector(encoder)

    @property
    def encoder(self) -> Encoder:
        if self._encoder is None:
            self._encoder = get_encoder()
        return self._encoder

    def match(self, persona: Persona, evidence: Evidence) -> list[ItemResult]:
        questions = [q for q in evidence.questions if is_question(q)]
        facts = self._facts(persona, questions)
        history = [i for i in persona.checklist if i.fact_ids]
        near = self._near_topics(history, questions)
        results = []
        for item in persona.checklist:
            if item.fact_ids:
                found = self._by_facts(item, questions, facts) or near.get(item.id, "")
            else:
                found = self._by_category(item, persona, evidence)
            results.append(
                ItemResult(
                    item.id,
                    item.text,
                    item.category.value,
                    item.weight,
                    item.critical,
                    bool(found),
                    found,
                )
            )
        return results

    # -- history: facts asked for --------------------------------------------------------
    def _facts(self, persona: Persona, questions: Sequence[str]) -> _Facts:
        out = _Facts()
        for question in questions:
            if is_open_question(question):
                out.by_question.append(set())
                continue
            asked = set()
            for part in clauses(question):
                asked |= {f.id for f in self.selector.select(persona, part)}
            out.by_question.append(asked)
        return out

    @staticmethod
    def _by_facts(item: ChecklistItem, questions: Sequence[str], facts: _Facts) -> str:
        wanted = set(item.fact_ids)
        need = math.ceil(len(wanted) / 2)
        if len(wanted & facts.asked()) < need:
            return ""
        return next(q for q, got in zip(questions, facts.by_question, strict=True) if got & wanted)

    def _near_topics(self, items: Sequence[ChecklistItem], questions: Sequence[str]) -> dict:
        """Item id -> the question closest to the item's wording, when close enough."""
        asked = [q for q in questions if not is_open_question(q)]
        if not items or not asked:
            return {}
        scores = embed(self.encoder, [topic(i) for i in items]) @ embed(self.encoder, asked).T
        out = {}
        for row, item in zip(scores, items, strict=True):
            best = int(np.argmax(row))
            if row[best] >= TOPIC_MIN:
                out[item.id] = asked[best]
        return out

    # -- the other categories -----------------------------------------------------------
    def _by_category(self, item: ChecklistItem, persona: Persona, ev: Evidence) -> str:
        if item.category == Cat.DIAGNOSIS and _names_diagnosis(item, persona):
            if ev.leading_correct:
                return "submitted leading diagnosis"
            return next((q for q in ev.questions if find_leak(q, persona)), "")
        if item.category == Cat.COMMUNICATION:
            return _communication(item, ev.communication)
        if item.category == Cat.EXAMINATION:
            wanted = exam_systems(item.text)
            exams = [r for r in ev.requests if not canonical_tests(r)]
            return next((r for r in exams if exam_systems(r) & wanted), "")
        for keyword in item.keywords:
            pattern = keyword_pattern(keyword)
            for text in [*ev.requests, ev.said]:
                if match := pattern.search(text):
                    return match.group(0)
        if item.category == Cat.INVESTIGATION:
            wanted_tests = canonical_tests(item.text)
            got = [(r, canonical_tests(r)) for r in ev.requests]
            hits = wanted_tests & set().union(*(tests for _, tests in got))
            if wanted_tests and len(hits) >= math.ceil(len(wanted_tests) / 2):
                return next(r for r, tests in got if tests & hits)
        return ""


def _names_diagnosis(item: ChecklistItem, persona: Persona) -> bool:
    """The item is the one for the case's diagnosis (not a score or a side finding)."""
    text = " ".join([item.text, *item.keywords])
    return item.id == "dx" or find_leak(text, persona) is not None


def _communication(item: ChecklistItem, c: Communication) -> str:
    text = item.text.lower()
    if re.search(r"introduc|identity|consent|chaperone", text):
        asks_more = re.search(r"identity|name|consent|chaperone", text)
        ok = c.introduction and (c.identity or c.consent or not asks_more)
        return "introduced self" if ok else ""
    if re.search(r"summari", text):
        return c.summaries[0] if c.summaries else ""
    if re.search(r"explain|understanding", text):
        return "checked understanding" if c.understanding_checked else ""
    return ""


def gather(
    turns: Sequence,
    communication: Communication,
    submitted: Sequence[str] = (),
    leading_correct: bool = False,
) -> Evidence:
    """Evidence from stored turns (doctor and examiner roles) plus the submitted text."""
    questions: list[str] = []
    requests: list[str] = []
    for turn in turns:
        role = getattr(turn.role, "value", turn.role)
        if role == "doctor":
            questions += sentences(turn.text)
        elif role == "examiner":
            request = str(turn.meta.get("request") or "")
            name = turn.text.split(":", 1)[0].replace("_", " ") if ":" in turn.text else ""
            requests.append(f"{request} | {name}".strip(" |"))
    said = "\n".join([*questions, *(s.lower() for s in submitted if s)])
    return Evidence(questions, said, requests, communication, leading_correct)
