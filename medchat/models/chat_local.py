"""LangChain chat model over the batching engine: the local backend's face to the app.

Everything above the model layer speaks LangChain's `BaseChatModel` (`invoke`, `stream`, `batch`).
`batch` runs its inputs on threads, so they arrive together at the engine and share one
`generate` call; so do concurrent `stream` calls from different UI sessions.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.messages import AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGenerationChunk
from pydantic import ConfigDict, Field

from medchat.models.batching import BatchingEngine, GenParams
from medchat.models.streamed import StreamedChatModel, to_chat_dicts

__all__ = ["LocalChatModel", "to_chat_dicts"]


class LocalChatModel(StreamedChatModel):
    """A chat model served by a local `BatchingEngine` (in-process transformers)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    engine: BatchingEngine = Field(exclude=True)
    model_name: str
    max_new_tokens: int = 200
    temperature: float = 0.0
    top_p: float = 1.0
    timeout_s: float | None = None

    @property
    def _llm_type(self) -> str:
        return "medchat-local"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"model_name": self.model_name, "temperature": self.temperature}

    def _params(self, stop: list[str] | None, kwargs: dict[str, Any]) -> GenParams:
        return GenParams(
            max_new_tokens=int(kwargs.get("max_new_tokens", self.max_new_tokens)),
            temperature=float(kwargs.get("temperature", self.temperature)),
            top_p=float(kwargs.get("top_p", self.top_p)),
            stop=tuple(stop or ()),
        )

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        stream = self.engine.submit(
            to_chat_dicts(messages), self._params(stop, kwargs), self.timeout_s
        )
        try:
            for delta in stream:
                chunk = ChatGenerationChunk(message=AIMessageChunk(content=delta))
                if run_manager:
                    run_manager.on_llm_new_token(delta, chunk=chunk)
                yield chunk
        finally:
            stream.cancel()  # no-op when finished; frees the batch row if the caller left early
        yield ChatGenerationChunk(
            message=AIMessageChunk(
                content="",
                response_metadata={
                    "finish_reason": stream.finish_reason,
                    "model_name": self.model_name,
                },
                usage_metadata={
                    "input_tokens": 0,
                    "output_tokens": stream.n_tokens,
                    "total_tokens": stream.n_tokens,
                },
            )
        )
