"""What MedChat's own chat models share: the message format and a reply built from the stream.

Both the in-process engine and the llama.cpp client produce text as a stream; a whole reply is
that stream gathered, so each model writes `_stream` only.
"""

from __future__ import annotations

from typing import Any, ClassVar

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult

_ROLES = {"system": "system", "human": "user", "ai": "assistant", "chat": "user"}


def to_chat_dicts(messages: list[BaseMessage]) -> list[dict[str, str]]:
    """LangChain messages -> the `[{"role", "content"}]` form chat templates expect."""
    return [{"role": _ROLES.get(m.type, "user"), "content": str(m.content)} for m in messages]


class StreamedChatModel(BaseChatModel):
    """A chat model whose replies come from `_stream`; the last chunk carries the metadata."""

    max_tokens_param: ClassVar[str] = "max_new_tokens"
    """The `bind()` keyword that sets the reply budget (see `models.budget`)."""

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        final: ChatGenerationChunk | None = None
        for chunk in self._stream(messages, stop, run_manager, **kwargs):
            final = chunk if final is None else final + chunk
        if final is None:
            raise ValueError("No generation chunks were returned")
        message = AIMessage(
            content=final.message.content,
            response_metadata=final.message.response_metadata,
            usage_metadata=getattr(final.message, "usage_metadata", None),
        )
        return ChatResult(generations=[ChatGeneration(message=message)])
