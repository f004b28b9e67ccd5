"""What the dialogue engine needs from a role: a model, a prompt, and its safety context."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage

from medchat.clinical.review import Problem, echoes, role_breaks
from medchat.types import Role, Turn

LABELS = {Role.DOCTOR: "Doctor", Role.PATIENT: "Patient", Role.EXAMINER: "Examiner"}


class Agent:
    """A dialogue role. Subclasses set `role`, `prompt_version` and `system_prompt()`.

    The model sees the stored (scrubbed) dialogue from its own side: its turns are AI
    messages, the other side's are human messages. What changes per turn (`turn_note`) goes at
    the very end, so the system prompt and the earlier turns stay a fixed prefix that a server's
    prompt cache reuses from one turn to the next.
    """

    role: Role
    prompt_version: str = "v0"
    sees_examiner: bool = False
    """Whether examiner reports are part of this role's view of the dialogue."""

    def __init__(self, model: BaseChatModel, name: str | None = None):
        self.model = model
        self.name = name or getattr(model, "model_name", None) or type(model).__name__

    def system_prompt(self, turns: Sequence[Turn]) -> str:
        """The role's fixed instructions (the same on every turn of a session)."""
        raise NotImplementedError

    def turn_note(self, turns: Sequence[Turn]) -> str | None:
        """Guidance for this turn only, appended after the last message (None = none)."""
        return None

    def messages(self, turns: Sequence[Turn], instruction: str | None = None) -> list[BaseMessage]:
        """The model input for the next turn; `instruction` is appended as a final request."""
        out: list[BaseMessage] = [SystemMessage(self.system_prompt(turns))]
        for turn in turns:
            if turn.role == Role.EXAMINER:
                if self.sees_examiner:
                    out.append(HumanMessage(f"[Examiner] {turn.text}"))
            elif turn.role == self.role:
                out.append(AIMessage(turn.text))
            else:
                out.append(HumanMessage(turn.text))
        if instruction:
            out.append(HumanMessage(instruction))
        if len(out) == 1:  # chat templates need a user message to answer
            out.append(HumanMessage(self.opening_cue()))
        note = self.turn_note(turns)
        if note:
            last = out[-1]
            if isinstance(last, HumanMessage):
                out[-1] = HumanMessage(f"{last.content}\n\n{note}")
            else:
                out.append(HumanMessage(note))
        return out

    def opening_cue(self) -> str:
        return "(The consultation begins.)"

    def turn_meta(self) -> dict[str, Any]:
        """Facts about the turn just generated, stored with it (e.g. the case facts used)."""
        return {}

    def output_context(self) -> dict[str, Any]:
        """What the output safety check needs to know (e.g. the hidden diagnosis)."""
        return {"role": self.role.value}

    def replacement(self, verdict: Any, text: str) -> str:
        """The text stored instead of a reply the output check stopped."""
        return verdict.message or "I'm sorry, I can't help with that."

    # -- review and repair (see medchat.agents.repair) ----------------------------------------
    def scripted_reply(self, turns: Sequence[Turn]) -> str | None:
        """A reply written from the case instead of by the model (None = ask the model)."""
        return None

    def review(self, text: str, final: bool = True) -> list[Problem]:
        """What is wrong with a reply of this role; `final=False` is a partial reply mid-stream,
        where only what its first clauses can show is checked."""
        problems = [Problem("role_break", s) for s in role_breaks(text, self.role.value)]
        if echoes(text, f"{self.system_prompt([])} {self.strict_rules()}"):
            problems.append(Problem("role_break", "reads out its instructions"))
        return problems

    def strict_rules(self) -> str:
        """The role's rules, restated for the stricter frame."""
        return "Stay in role."

    def strict_messages(
        self, turns: Sequence[Turn], problems: Sequence[Problem]
    ) -> list[BaseMessage]:
        """The stricter frame for one regeneration: the dialogue as a transcript to continue.

        Small models that drift out of a chat role still continue a transcript in the right
        voice, and seeing every line labelled keeps them from writing the other speaker's.
        """
        label = LABELS[self.role]
        lines = [
            f"{LABELS[t.role]}: {t.text}"
            for t in turns
            if t.role != Role.EXAMINER or self.sees_examiner
        ]
        note = self.turn_note(turns)
        avoid = "; ".join(sorted({p.kind.replace("_", " ") for p in problems}))
        body = "\n".join(lines) or "(The consultation begins.)"
        ask = (
            f"Write only the {label.lower()}'s next line, in their own voice. "
            f"{self.strict_rules()} A previous attempt was rejected ({avoid})."
        )
        parts = [f"Transcript of a medical consultation:\n\n{body}", note, ask, f"{label}:"]
        return [
            SystemMessage(self.system_prompt(turns)),
            HumanMessage("\n\n".join(p for p in parts if p)),
        ]

    def fallback(self, turns: Sequence[Turn], rejected: str = "") -> str:
        """A reply built without the model, used when a repaired reply is still wrong."""
        raise NotImplementedError

    def complete(
        self, text: str, problems: Sequence[Problem], scrub: Callable[[str], str] = str
    ) -> tuple[str, list[str]]:
        """Mend `problems` that need no regeneration (`scrub` what is added from the case);
        returns the text and the ids of what was added."""
        return text, []
