"""A patient persona answering a scripted list of doctor questions, without a session.

Used by `python -m medchat patient` (probing a persona) and by the fidelity evaluation. It keeps
its own in-memory transcript, so follow-up questions see earlier answers, and reviews and repairs
each reply exactly as a live session does (`medchat.agents.repair`), so what the evaluation
measures is what a student gets.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from medchat.agents import repair
from medchat.agents.patient import PatientAgent
from medchat.clinical.leakage import find_leak
from medchat.errors import MedChatError
from medchat.types import Role, Turn


@dataclass
class Answer:
    question: str
    answer: str
    facts: list[str]
    leaked_raw: bool = False
    """The model's first reply named the diagnosis (before repair)."""
    raw: str = ""
    error: str | None = None
    review: dict = field(default_factory=dict)
    """What the review found in the raw reply and how it was repaired (see agents.repair)."""


@dataclass
class PatientSimulator:
    agent: PatientAgent
    turns: list[Turn] = field(default_factory=list)

    def _invoke(self, messages: list) -> str:
        """The reply, streamed and cut as soon as it loops or breaks role (as a live turn is):
        a small model's loop would otherwise run to the token limit."""
        text = ""
        stream = self.agent.model.stream(messages)
        try:
            for chunk in stream:
                text += str(chunk.content)
                if self.agent.review(text, final=False):
                    break
        finally:
            close = getattr(stream, "close", None)
            if close:
                close()
        return text.strip()

    def ask(self, question: str) -> Answer:
        """The patient's answer; a model failure becomes an answer marked `error` (the turn is
        kept out of the transcript) so a long evaluation is not lost to one timeout."""
        self.turns.append(Turn(role=Role.DOCTOR, text=question, author="script"))
        messages = self.agent.messages(self.turns)
        scripted = self.agent.scripted_reply(self.turns)
        facts = [f.id for f in self.agent.last_facts]
        try:
            raw = scripted if scripted is not None else self._invoke(messages)
            fixed = (
                None
                if scripted is not None
                else repair.finish(self.agent, self.turns, raw, self._invoke)
            )
        except MedChatError as exc:
            self.turns.pop()
            return Answer(question, "", facts, error=str(exc))
        text = (fixed.text if fixed else raw) or "I'm not sure."
        review = fixed.meta() if fixed else {"scripted": True}
        leaked = find_leak(raw, self.agent.persona) is not None
        self.turns.append(
            Turn(role=Role.PATIENT, text=text, author=self.agent.name, meta={"facts": facts})
        )
        return Answer(question, text, facts, leaked, raw, review=review)
