"""The simulated patient: a persona that says only what its case says, and only when asked.

Per doctor turn the prompt ends with the few case facts that answer the question (chosen by
`FactSelector`), never the whole case: a model that sees everything volunteers everything, and a
model that sees the diagnosis says it. A question the case does not cover gets an explicit "say
no or not sure" instruction, so the patient does not invent symptoms.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from langchain_core.language_models import BaseChatModel

from medchat.agents.base import Agent
from medchat.agents.grounding import FactSelector
from medchat.clinical.concept_denial import concept_denials
from medchat.clinical.contradiction import contradicting_sentence
from medchat.clinical.conveyance import case_text, conveyed, invented_symptoms
from medchat.clinical.invented_social import invented_social
from medchat.clinical.leakage import diagnosis_terms, find_leak, strip_leaks
from medchat.clinical.negated_paraphrase import said_only_in_a_no
from medchat.clinical.questions import is_open_question
from medchat.clinical.review import (
    STREAMABLE,
    UNSURE,
    Problem,
    answers_back,
    asks_about_patient,
    claimed_diagnoses,
    denials,
    is_negative,
    is_plain_no,
    is_stock_answer,
    repeats_turn,
    repetition,
)
from medchat.clinical.risk import invented_risk
from medchat.clinical.spelling import mend
from medchat.clinical.timing import invented_timing
from medchat.clinical.unsupported_yes import (
    bare_yes_beside,
    drop_yes,
    mend_unsupported_yes,
    opens_with_yes,
    unsupported_yes,
    yes_beside_the_point,
)
from medchat.personas.schema import Fact, Persona
from medchat.types import Role, Turn

PROMPT_VERSION = "patient-v2"

FALLBACK = "I'm not sure what it is, doctor. That's what I was hoping you could tell me."
NOT_NOTICED = "No, I haven't noticed anything like that."
NOT_SURE = "I'm not sure, doctor."
CONSENT = "Okay, go ahead."
"""The answer to an examination or a test the examiner has reported: small models asked for
an answer to a request that asks nothing reply "I'm not sure what you're asking"."""
_GREETING = re.compile(r"^\W*(hi|hello|hey|good (morning|afternoon|evening))\b", re.IGNORECASE)
_ASKS_DIAGNOSIS = re.compile(
    r"diagnos|condition|disease|what (do you think )?(it is|is wrong|you have)|what's wrong", re.I
)
_EXAMPLES = """How you sound (another patient, for the voice only; never reuse their details):
Doctor: Have you had any headaches?
Patient: No, none at all.
Doctor: How has your sleep been?
Patient: Not great, to be honest. I keep waking up in the night."""

_STYLE_WORDS = {
    "health_literacy": {
        "low": "use simple everyday words and no medical terms",
        "medium": "use everyday words",
        "high": "you know some medical words but are not a doctor",
    },
    "language_proficiency": {
        "native": "",
        "fluent": "you speak English well as a second language",
        "limited": "your English is limited: short simple sentences",
    },
    "recall": {"good": "", "fair": "you are vague about exact dates", "poor": "you forget details"},
    "confusion": {"none": "", "mild": "you are a little muddled", "moderate": "you are confused"},
}


_SPEAKER = re.compile(r"^(\w+):\s+")
"""The label of a case whose facts an informant says ("Daughter: She's barely eaten.")."""


def _join(parts: list[str]) -> str:
    """Sentences said in one turn, an informant's label said once ("Daughter: A. B.", not
    "Daughter: A. Daughter: B.")."""
    label = _SPEAKER.match(parts[0]) if parts else None
    if label is None:
        return " ".join(parts)
    rest = [p[label.end() :] if p.startswith(label.group(0)) else p for p in parts[1:]]
    return " ".join([parts[0], *rest])


def told_fact_ids(turns: Sequence[Turn]) -> set[str]:
    """The case facts selected for the patient's earlier turns: told already (a selected fact a
    reply leaves out is appended in the case's words)."""
    return {fid for t in turns if t.role == Role.PATIENT for fid in t.meta.get("facts", [])}


def _examined(turns: Sequence[Turn]) -> bool:
    """Whether the doctor's last turn asked nothing and the examiner answered it (an examination
    or a test: the patient has only to go along with it)."""
    last = max((i for i, t in enumerate(turns) if t.role == Role.DOCTOR), default=None)
    if last is None or "?" in turns[last].text:
        return False
    return any(t.role == Role.EXAMINER for t in turns[last + 1 :])


def _lower_first(text: str) -> str:
    """`text` to follow a lead-in, capital kept for "I" and names' initials ("I", "MRI")."""
    head = text.split(" ", 1)[0]
    keep = head == "I" or head.startswith("I'") or (len(head) > 1 and head[1].isupper())
    return text if keep else text[:1].lower() + text[1:]


def describe_style(persona: Persona) -> str:
    style = persona.style
    parts = [f"{style.personality.value}, feeling {style.emotional_state.value.replace('_', ' ')}"]
    for axis, words in _STYLE_WORDS.items():
        text = words[getattr(style, axis).value]
        if text:
            parts.append(text)
    return "; ".join(parts)


def who(persona: Persona) -> str:
    d = persona.demographics
    age = d.age_text or f"{d.age} years old"
    job = f", {d.occupation}" if d.occupation else ""
    speaker = f" Your {d.informant} answers for you." if d.informant else ""
    return f"You are {d.name}, {age}, {d.sex}{job}.{speaker}"


class PatientAgent(Agent):
    """Plays `persona` as the patient, grounded per question in its case facts."""

    role = Role.PATIENT
    prompt_version = PROMPT_VERSION

    def __init__(
        self,
        model: BaseChatModel,
        persona: Persona,
        selector: FactSelector | None = None,
        name: str | None = None,
    ):
        super().__init__(model, name)
        self.persona = persona
        self.selector = selector or FactSelector()
        self.last_facts: list[Fact] = []
        self.opened = False
        """Whether the patient has answered once (the first answer may say anything in its case)."""
        # What the review compares a reply with, set per turn by `turn_note`: the patient's
        # earlier turns, the doctor's last one, and the case facts already told.
        self._said: list[str] = []
        self._heard = ""
        self._disclosed: set[str] = set()
        self._revealed: tuple[str, list[Fact]] = ("", [])

    def select_facts(self, question: str, turns: Sequence[Turn]) -> list[Fact]:
        exclude = told_fact_ids(turns) if is_open_question(question) else ()
        return self.selector.select(self.persona, question, exclude_ids=exclude)

    def system_prompt(self, turns: Sequence[Turn]) -> str:
        """Who the patient is and the rules; the same on every turn (a cacheable prefix)."""
        return "\n".join(
            [
                "You are role-playing a patient seeing a doctor. Stay in character.",
                who(self.persona),
                f"Your manner: {describe_style(self.persona)}.",
                "Answer only what was asked, in one to three short sentences, in the first "
                "person, as the patient: you came for help, you do not offer it, and you do not "
                "ask the doctor about your own symptoms. You do not know what is wrong with you: "
                "never name a disease or diagnosis, and nobody has told you one. Never play the "
                "doctor. Notes in square brackets after the doctor's words are for you only: use "
                "them, say what they say in your own words, and never read them out.",
                _EXAMPLES,
            ]
        )

    def turn_note(self, turns: Sequence[Turn]) -> str | None:
        """The case facts that answer the doctor's last question (chosen per turn)."""
        doctor_turns = [t for t in turns if t.role == Role.DOCTOR]
        question = doctor_turns[-1].text if doctor_turns else ""
        first = not any(t.role == Role.PATIENT for t in turns)
        self.opened = not first
        self._said = [t.text for t in turns if t.role == Role.PATIENT]
        self._heard = question
        self._disclosed = told_fact_ids(turns)
        self.last_facts = self.select_facts(question, turns) if question else []
        heard, revealed = self._revealed
        if question and heard == question:  # the retry of a reply that denied these facts
            self.last_facts += [f for f in revealed if f not in self.last_facts]
        lines = []
        if first:
            lines.append(f'Start by saying, in your own words: "{self.persona.opening_statement}"')
        if self.last_facts:
            lines.append("Facts you may use to answer the doctor's last question:")
            lines += [f"- {fact.text}" for fact in self.last_facts]
        elif not first:
            lines.append(
                "Nothing you know answers the doctor's last question: say no, or that you "
                "are not sure. Do not mention any other symptom."
            )
        return "[" + "\n".join(lines) + "]" if lines else None

    def opening_cue(self) -> str:
        return "Hello, what brings you in today?"

    # -- review and repair -------------------------------------------------------------------
    def scripted_reply(self, turns: Sequence[Turn]) -> str | None:
        """The first answer to an opening question is the case's own opening statement; an
        examination or test request that asks nothing is answered CONSENT.

        That is what the case says the patient came in saying, and it is the answer small models
        most often get wrong (they greet the doctor as an assistant). Called after `messages()`,
        so the facts selected for the question are known.
        """
        if _examined(turns):
            self.last_facts = []
            return CONSENT
        if any(t.role == Role.PATIENT for t in turns):
            return None
        question = next((t.text for t in reversed(turns) if t.role == Role.DOCTOR), "")
        if not (is_open_question(question) or _GREETING.search(question)):
            return None
        if "?" in question and not is_open_question(question):
            return None  # a greeting with a specific question ("Hi, can I confirm your name?")
        self.last_facts = []  # the opening statement says what it says, no selected facts
        return self.persona.opening_statement

    def review(self, text: str, final: bool = True) -> list[Problem]:
        """Role breaks and claimed diagnoses; on the whole reply also denials of the selected
        facts, selected facts left out, invented symptoms and a named diagnosis."""
        problems = super().review(text, final)
        case = case_text(self.persona)
        problems += [Problem("claim", c) for c in claimed_diagnoses(text, case)]
        if repetition(text):
            problems.append(Problem("repetition", "a sentence said twice"))
        if not final:
            return [p for p in problems if p.kind in STREAMABLE]
        if self._repeats(text):
            # Small models answer a follow-up with their opening words again; the quality gates
            # reject such dialogues whole.
            problems.append(Problem("repeat", "says again what the patient already said"))
        if leak := find_leak(text, self.persona):
            problems.append(Problem("leak", leak))
        case_facts = [f.text for f in self.persona.facts]
        if contra := contradicting_sentence(text, case_facts):
            problems.append(Problem("contradiction", contra))
        if span := invented_timing(text, case):
            problems.append(Problem("invented_timing", span))
        if risk := invented_risk(text, case_facts):
            # Suicidal thoughts the case lacks, or a day set for the act where it sets none:
            # the detail that decides a student's risk assessment.
            problems.append(Problem("invented_risk", risk))
        facts = {f.id: f.text for f in self.last_facts}
        said: set[str] = set()
        if facts:
            vecs = self.selector.fact_vectors(self.persona)
            index = {f.id: i for i, f in enumerate(self.persona.facts)}
            picked = vecs[[index[f] for f in facts]]
            hits = conveyed(text, list(facts.values()), picked)
            said = {fid for fid, hit in zip(facts, hits, strict=True) if hit}
            # "No, I haven't had weakness in my arms" is close to "my arms feel weak": a fact
            # said only inside a no is denied, not said.
            said -= said_only_in_a_no(text, facts, said, picked)
            if asks_about_patient(self._heard) and (
                echo := unsupported_yes(text, self._heard, case_facts, vecs)
            ):
                # "Yes, the lump moves up when I swallow": the question taken for the answer.
                problems.append(Problem("unsupported_yes", echo))
            elif opens_with_yes(text) and asks_about_patient(self._heard):
                # Only a yes needs the question's spelling mended ("lihgts"), so it is done here.
                heard = mend(self._heard, self.selector.case_words(self.persona))
                picked_texts = list(facts.values())
                if beside := yes_beside_the_point(text, heard, picked_texts, picked):
                    # "Have your eyes gone yellow?" "Yes, my urine looks darker": another finding.
                    problems.append(Problem("yes_beside", beside))
                elif bare := bare_yes_beside(text, heard, picked_texts):
                    # "Has the pain woken you at night?" "Yes, it has." with a fact about hills.
                    problems.append(Problem("unsupported_yes", bare))
        elif self.opened:
            problems += [Problem("unasked", fid) for fid in self._unasked(text)]
            if denied_facts := concept_denials(text, self.persona.facts):
                # The selector found nothing, yet the reply denies a topic its case states
                # ("No, I've never thought about ending my life"): the worst error. The retry
                # and the fallback get those facts as the answer to this question.
                self._revealed = (self._heard, denied_facts)
                problems += [Problem("denial", f.id) for f in denied_facts]
            if span := invented_social(text, self.persona.facts):
                problems.append(Problem("invented_social", span))
            if asks_about_patient(self._heard) and not is_plain_no(text):
                # Nothing in the case answers it: "My hearing's been fine, but my knee..." is
                # how small models drift into symptoms the case does not have.
                problems.append(Problem("not_a_plain_no", "a question the case does not cover"))
        problems += [Problem("denial", fid) for fid in denials(text, facts, said, case)]
        if facts and not said and UNSURE.search(text):
            problems.append(Problem("evasive", "unsure of what the case says"))
        denied = {p.detail for p in problems if p.kind == "denial"}
        # A fact told in an earlier turn need not be told again: appending it makes the
        # reply say that turn again (a loop the gates reject).
        told = said | denied | self._disclosed
        problems += [Problem("missing", fid) for fid in facts if fid not in told]
        problems += [Problem("invented", s) for s in invented_symptoms(text, self.persona)]
        return problems

    def _repeats(self, text: str) -> bool:
        """Says an earlier patient turn, or the doctor's last turn, again."""
        earlier = [t for t in self._said if not is_stock_answer(t)]
        if self._heard and not answers_back(text, self._heard):
            earlier.append(self._heard)
        return not is_stock_answer(text) and repeats_turn(text, [t for t in earlier if t])

    def _unasked(self, text: str) -> list[str]:
        """Case facts a reply to a question its case does not cover says, less the case's own
        denials when the reply is a plain no: "No, I haven't noticed any lumps in my groin" is
        near "I haven't had any fever" in shape, and agrees with it. On the read blind set
        fresh_0712b such a right no was flagged and mended into "I've noticed a small bump on
        my groin", a lump the case lacks."""
        ids = self._conveyed_any(text)
        if not is_plain_no(text):
            return ids
        negative = {f.id for f in self.persona.facts if is_negative(f.text)}
        return [fid for fid in ids if fid not in negative]

    def _conveyed_any(self, text: str) -> list[str]:
        """Case facts a reply says (for a question its case does not cover: a plain no is due)."""
        facts = self.persona.facts
        hits = conveyed(text, [f.text for f in facts], self.selector.fact_vectors(self.persona))
        return [f.id for f, hit in zip(facts, hits, strict=True) if hit]

    def strict_rules(self) -> str:
        return (
            "The patient speaks in the first person, in one to three short sentences, answers "
            "only what the doctor asked, says what the note says in their own words, never "
            "offers help, never asks the doctor about their own symptoms and never names a "
            "diagnosis."
        )

    def fallback(self, turns: Sequence[Turn], rejected: str = "") -> str:
        """The case's own words: the opening statement, the selected facts, or a plain no."""
        question = next((t.text for t in reversed(turns) if t.role == Role.DOCTOR), "")
        if find_leak(question, self.persona) or _ASKS_DIAGNOSIS.search(question):
            return FALLBACK
        if self.last_facts:
            answer = _join([f.text for f in self.last_facts[:2]])
            # Asked again, people say so rather than recite their words a second time.
            if not self._repeats(answer):
                return answer
            first = self.last_facts[0].text
            label = _SPEAKER.match(first)  # "Daughter: Like I said, she ...", label first
            head, body = (label.group(0), first[label.end() :]) if label else ("", first)
            return f"{head}Like I said, {_lower_first(body)}"
        if not any(t.role == Role.PATIENT for t in turns):
            return self.persona.opening_statement
        return NOT_NOTICED if asks_about_patient(question) else NOT_SURE

    def complete(
        self, text: str, problems: Sequence[Problem], scrub: Callable[[str], str] = str
    ) -> tuple[str, list[str]]:
        """Say an unsupported yes as "not sure" (`unsupported_yes`), drop a yes that goes on to
        another finding (`yes_beside`), then append selected facts the reply left out (at most
        two), in the case's words."""
        for p in problems:
            if p.kind == "unsupported_yes" and text.strip().startswith(p.detail):
                text = mend_unsupported_yes(text, p.detail)
            elif p.kind == "yes_beside" and text.strip().startswith(p.detail):
                text = drop_yes(text)
        missing = [p.detail for p in problems if p.kind == "missing"][:2]
        texts = {f.id: f.text for f in self.last_facts}
        added = [scrub(texts[fid]) for fid in missing if fid in texts]
        if not added:
            return text, []
        return _join([text.rstrip(), *added] if text.strip() else added), missing

    def turn_meta(self) -> dict[str, Any]:
        return {"facts": [f.id for f in self.last_facts]}

    def output_context(self) -> dict[str, Any]:
        return {
            "speaker": "patient",
            "hidden_diagnosis": self.persona.diagnosis.name,
            "diagnosis_synonyms": list(self.persona.diagnosis.synonyms),
        }

    def replacement(self, verdict: Any, text: str) -> str:
        """A leaking reply keeps only its sentences that do not name the diagnosis."""
        kept = strip_leaks(text, diagnosis_terms(self.persona))
        return kept if kept and not find_leak(kept, self.persona) else FALLBACK
