"""What the dialogue engine needs from a role: a model, a prompt, and its safety context."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage

from medchat.types import Role, Turn


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
