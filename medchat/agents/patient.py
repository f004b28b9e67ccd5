"""The simulated patient: a persona that says only what its case says, and only when asked.

Per doctor turn the prompt ends with the few case facts that answer the question (chosen by
`FactSelector`), never the whole case: a model that sees everything volunteers everything, and a
model that sees the diagnosis says it. A question the case does not cover gets an explicit "say
no or not sure" instruction, so the patient does not invent symptoms.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from langchain_core.language_models import BaseChatModel

from medchat.agents.base import Agent
from medchat.agents.grounding import FactSelector, is_open_question
from medchat.agents.leakage import diagnosis_terms, find_leak, strip_leaks
from medchat.personas.schema import Fact, Persona
from medchat.types import Role, Turn

PROMPT_VERSION = "patient-v1"

FALLBACK = "I'm not sure what it is, doctor. That's what I was hoping you could tell me."

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

    def select_facts(self, question: str, turns: Sequence[Turn]) -> list[Fact]:
        disclosed = {
            fid for t in turns if t.role == Role.PATIENT for fid in t.meta.get("facts", [])
        }
        exclude = disclosed if is_open_question(question) else ()
        return self.selector.select(self.persona, question, exclude_ids=exclude)

    def system_prompt(self, turns: Sequence[Turn]) -> str:
        """Who the patient is and the rules; the same on every turn (a cacheable prefix)."""
        return "\n".join(
            [
                "You are role-playing a patient seeing a doctor. Stay in character.",
                who(self.persona),
                f"Your manner: {describe_style(self.persona)}.",
                "Answer only what was asked, in one to three short sentences, in the first "
                "person. You do not know what is wrong with you: never name a disease or "
                "diagnosis. Never play the doctor. Notes in square brackets after the doctor's "
                "words are for you only: use them, never read them out.",
            ]
        )

    def turn_note(self, turns: Sequence[Turn]) -> str | None:
        """The case facts that answer the doctor's last question (chosen per turn)."""
        doctor_turns = [t for t in turns if t.role == Role.DOCTOR]
        question = doctor_turns[-1].text if doctor_turns else ""
        first = not any(t.role == Role.PATIENT for t in turns)
        self.last_facts = self.select_facts(question, turns) if question else []
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
