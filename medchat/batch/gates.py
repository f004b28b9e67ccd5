"""Quality gates: what a reader would reject in a whole stored self-play dialogue.

The engine reviews and repairs each reply live, but a repair can fail (or make things worse, as
a denial with the left-out fact appended after it), so the gates read the stored text again and
never trust the turn meta's verdicts; from the meta they use only which case facts the grounding
selected for each patient turn (`facts`), i.e. what the doctor's question asked about.

Each gate maps a `Dialogue` to a detail string ("" = failed with nothing to add, None = passed);
`failures` lists every gate a dialogue fails, `gate` the first, which a reject is filed under.
The gates holding the patient to its case live in `medchat.batch.case_gates`; the form and loop
gates here. Measured on hand-labelled dialogues: `python -m medchat.batch.gates`
(docs/evaluation.md, "Quality gates").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from medchat.batch.case_gates import (
    claimed_diagnosis,
    contradiction,
    denial,
    diagnosis_leakage,
    first,
    invented_risk,
    invented_social,
    invented_symptom,
    invented_timing,
)
from medchat.clinical.conveyance import sentences
from medchat.clinical.review import (
    answers_back,
    asks,
    is_stock_answer,
    question_count,
    role_breaks,
    same_turn,
)
from medchat.dialogue.closing import loops
from medchat.personas.schema import Persona

MAX_CHARS = 2000
MIN_SPOKEN = 4
MAX_QUESTIONS = 2
"""A doctor turn may hold two questions ("Any blood in it? Or weight loss?" is how clinicians
talk); three or more read as a questionnaire. Linked questions in one sentence ("And where is
it, and does it spread?") are one question: the count is of question marks, except a run-on
sentence chaining three asks or more, which counts as that many (`question_count`)."""
MIN_PLEASANTRY_RUN = 3
"""Thanks and a "you're welcome" are a normal ending; a third pleasantry in a row is a loop."""
CLINICIAN_PHRASES = re.compile(
    r"\bhow (?:can|may) i help\b|\byou(?:'re| are) welcome\b|\bis there anything else you(?:'d| "
    r"would) like\b|\bis there anything else i can (?:help|do)\b|\bif you have any (?:other |more "
    r"|further )?questions\b|\blet me know if\b|\bfeel free to (?:come back|return|call|ring|"
    r"contact|get in touch)\b",
    re.IGNORECASE,
)
"""What a doctor says in role although an assistant says it too (a GP opens "How can I help you
today?"); taken out before the doctor's role-break check. "Assist", "I'm here to help", "feel free
to" and an AI voice still count."""
STAGE_DIRECTION = re.compile(
    r"[(*\[]\s*(?:the (?:patient|doctor)|he|she|they|i)?\s*(?:is |are )?(?:now )?\b(?:looks?|"
    r"smiles?|nods?|sighs?|pauses?|laughs?|winces?|sits?|seated|clutch\w*|points?|shrugs?)\b",
    re.IGNORECASE,
)
"""An action written out instead of said ("(The patient looks up, and smiles)")."""
PLEASANTRY = re.compile(
    r"^\W*(?:(?:no|yes|ok(?:ay)?|great|perfect|no problem|my pleasure)\W+)*(?:thanks?\b|thank you"
    r"\b|you(?:'re| are) welcome\b|take care\b|good ?bye\b|bye\b|see you\b|have a (?:nice|good|"
    r"great) day\b|(?:glad|happy) (?:i could|to) help\b|if you have any (?:other |more |further )?"
    r"questions\b|feel free to\b|no problem\b|my pleasure\b|you too\b|same to you\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Line:
    """One stored turn: who said it, what, and the case facts selected for it (None when the
    record does not say)."""

    role: str
    text: str
    facts: tuple[str, ...] | None = None


@dataclass
class Dialogue:
    """A stored dialogue as the gates read it, with its persona and recorded model errors."""

    lines: list[Line]
    persona: Persona
    errors: list[str]

    @classmethod
    def from_record(cls, record: dict[str, Any], persona: Persona) -> Dialogue:
        meta = record.get("metadata", {})
        turn_meta = meta.get("turns") or []
        lines = []
        for i, message in enumerate(record["messages"]):
            extra = turn_meta[i] if i < len(turn_meta) else {}
            facts = extra.get("facts")
            lines.append(
                Line(message["role"], message["content"], None if facts is None else tuple(facts))
            )
        return cls(lines, persona, list(meta.get("errors", [])))

    def spoken(self, role: str | None = None) -> list[Line]:
        roles = (role,) if role else ("doctor", "patient")
        return [line for line in self.lines if line.role in roles]


Gate = Callable[[Dialogue], str | None]


# -- structure ----------------------------------------------------------------------------------
def model_error(d: Dialogue) -> str | None:
    return d.errors[0] if d.errors else None


def too_short(d: Dialogue) -> str | None:
    return "" if len(d.spoken()) < MIN_SPOKEN else None


def empty_turn(d: Dialogue) -> str | None:
    return "" if any(not line.text.strip() for line in d.lines) else None


def turn_too_long(d: Dialogue) -> str | None:
    return "" if any(len(line.text) > MAX_CHARS for line in d.lines) else None


# -- voice ------------------------------------------------------------------------------------
def role_break(d: Dialogue) -> str | None:
    """Either side out of role: an assistant or AI voice, the other side's label; the patient
    also as a clinician (sympathy, interviewing the doctor back, "the patient")."""

    def describe(line: Line) -> str | None:
        text = CLINICIAN_PHRASES.sub(" ", line.text) if line.role == "doctor" else line.text
        found = role_breaks(text, line.role)
        if stage := STAGE_DIRECTION.search(line.text):
            found.append(stage.group(0))
        return f"{line.role}: {found[0]}" if found else None

    return first(d.spoken(), describe)


# -- loops and form -----------------------------------------------------------------------------
def self_repetition(d: Dialogue) -> str | None:
    """A turn saying the same sentence or clause twice (a close: twice in one section)."""
    return first(d.spoken(), lambda line: line.role if loops(line.text) else None)


def _repeated(lines: list[Line]) -> str | None:
    """A turn said again (`same_turn`: the rule the live review applies to each reply)."""
    for i, line in enumerate(lines):
        if any(same_turn(line.text, old.text) for old in lines[:i]):
            return ""
    return None


def repeated_doctor_turn(d: Dialogue) -> str | None:
    """The doctor asks the same thing again ("Any allergies?" twice is a loop); short remarks
    that ask nothing ("Thank you.") may come twice."""
    return _repeated([x for x in d.spoken("doctor") if asks(x.text)])


def echoed_turn(d: Dialogue) -> str | None:
    """A side saying back the other side's last turn (both models stuck on one line); a yes or
    no that restates the doctor's question is an answer (`answers_back`)."""
    spoken = d.spoken()
    for before, line in itertools.pairwise(spoken):
        other = before.role != line.role and len(line.text.split()) >= 3
        if line.role == "patient" and answers_back(line.text, before.text):
            continue
        if other and _repeated([before, line]) is not None:
            return line.role
    return None


def repeated_patient_turn(d: Dialogue) -> str | None:
    """The patient says the same turn again. A stock short no or "not sure" to different
    questions is how people answer, so those are not counted."""
    return _repeated([x for x in d.spoken("patient") if not is_stock_answer(x.text)])


def closing_loop(d: Dialogue) -> str | None:
    """Both sides trading pleasantries: MIN_PLEASANTRY_RUN turns in a row made only of thanks,
    welcomes and goodbyes."""
    run = 0
    for line in d.spoken():
        parts = sentences(line.text)
        run = run + 1 if all(PLEASANTRY.search(s) for s in parts) else 0
        if run >= MIN_PLEASANTRY_RUN:
            return ""
    return None


def multi_question(d: Dialogue) -> str | None:
    """A doctor turn with more than MAX_QUESTIONS questions."""

    def describe(line: Line) -> str | None:
        count = question_count(line.text)
        return str(count) if count > MAX_QUESTIONS else None

    return first(d.spoken("doctor"), describe)


GATES: dict[str, Gate] = {
    "model_error": model_error,
    "too_short": too_short,
    "empty_turn": empty_turn,
    "turn_too_long": turn_too_long,
    "diagnosis_leakage": diagnosis_leakage,
    "role_break": role_break,
    "claimed_diagnosis": claimed_diagnosis,
    "denial": denial,
    "contradiction": contradiction,
    "invented_symptom": invented_symptom,
    "invented_timing": invented_timing,
    "invented_risk": invented_risk,
    "invented_social": invented_social,
    "repeated_doctor_turn": repeated_doctor_turn,
    "repeated_patient_turn": repeated_patient_turn,
    "echoed_turn": echoed_turn,
    "self_repetition": self_repetition,
    "closing_loop": closing_loop,
    "multi_question": multi_question,
}


def failures(record: dict[str, Any], persona: Persona) -> list[str]:
    """Every gate the dialogue fails, in gate order, as "name" or "name:detail"."""
    dialogue = Dialogue.from_record(record, persona)
    out = []
    for name, check in GATES.items():
        detail = check(dialogue)
        if detail is not None:
            out.append(f"{name}:{detail}" if detail else name)
    return out


def gate(record: dict[str, Any], persona: Persona) -> str | None:
    """The first quality gate the dialogue fails, or None when it is fit for a dataset."""
    found = failures(record, persona)
    return found[0] if found else None


def reason_class(reason: str) -> str:
    return reason.split(":", 1)[0]


if __name__ == "__main__":
    from medchat.batch.gates_eval import main

    raise SystemExit(main())
