"""A patient persona answering a scripted list of doctor questions, without a session.

Used by `python -m medchat patient` (probing a persona) and by the fidelity evaluation. It keeps
its own in-memory transcript, so follow-up questions see earlier answers, and repairs a reply
that names the diagnosis: one regeneration with a reminder, then sentence removal.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from langchain_core.messages import HumanMessage

from medchat.agents.leakage import diagnosis_terms, find_leak, strip_leaks
from medchat.agents.patient import FALLBACK, PatientAgent
from medchat.errors import MedChatError
from medchat.types import Role, Turn

REMINDER = (
    "Your last answer named a diagnosis, which you cannot know. Answer the question again "
    "without naming any disease."
)


@dataclass
class Answer:
    question: str
    answer: str
    facts: list[str]
    leaked_raw: bool = False
    """The model's first reply named the diagnosis (before repair)."""
    raw: str = ""
    error: str | None = None


@dataclass
class PatientSimulator:
    agent: PatientAgent
    turns: list[Turn] = field(default_factory=list)

    def ask(self, question: str) -> Answer:
        """The patient's answer; a model failure becomes an answer marked `error` (the turn is
        kept out of the transcript) so a long evaluation is not lost to one timeout."""
        self.turns.append(Turn(role=Role.DOCTOR, text=question, author="script"))
        messages = self.agent.messages(self.turns)
        facts = [f.id for f in self.agent.last_facts]
        try:
            raw = str(self.agent.model.invoke(messages).content).strip()
        except MedChatError as exc:
            self.turns.pop()
            return Answer(question, "", facts, error=str(exc))
        text = raw
        leaked = find_leak(raw, self.agent.persona) is not None
        if leaked:
            retry = str(self.agent.model.invoke([*messages, HumanMessage(REMINDER)]).content)
            text = retry.strip()
            if find_leak(text, self.agent.persona):
                text = strip_leaks(text, diagnosis_terms(self.agent.persona)) or FALLBACK
        text = text or "I'm not sure."
        self.turns.append(
            Turn(role=Role.PATIENT, text=text, author=self.agent.name, meta={"facts": facts})
        )
        return Answer(question, text, facts, leaked, raw)
