"""LangChain conversation memory over the session store.

`langchain-community`'s Redis history is being retired and `langchain-redis` needs RediSearch and
RedisJSON modules that a plain Redis lacks, so MedChat keeps its own: a `BaseChatMessageHistory`
whose messages are the session's stored (scrubbed) turns, seen from one side of the dialogue.
"""

from __future__ import annotations

from collections.abc import Sequence

from langchain_core.chat_history import BaseChatMessageHistory
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage

from medchat.store.sessions import SessionStore
from medchat.types import Role, SessionMeta, Turn


class SessionChatHistory(BaseChatMessageHistory):
    """The transcript as chat messages for the agent playing `as_role` (its turns are AI)."""

    def __init__(
        self, store: SessionStore, meta: SessionMeta, as_role: Role, author: str = "human"
    ):
        self.store = store
        self.meta = meta
        self.as_role = as_role
        self.author = author

    @property
    def messages(self) -> list[BaseMessage]:  # type: ignore[override]
        out: list[BaseMessage] = []
        for turn in self.store.turns(self.meta.id):
            if turn.role not in (Role.DOCTOR, Role.PATIENT):
                continue
            cls = AIMessage if turn.role == self.as_role else HumanMessage
            out.append(cls(turn.text))
        return out

    def add_messages(self, messages: Sequence[BaseMessage]) -> None:
        other = Role.PATIENT if self.as_role == Role.DOCTOR else Role.DOCTOR
        for message in messages:
            role = self.as_role if isinstance(message, AIMessage) else other
            self.store.append_turn(
                self.meta, Turn(role=role, text=str(message.content), author=self.author)
            )

    def clear(self) -> None:
        raise NotImplementedError("Stored transcripts are append-only; delete the session instead.")
