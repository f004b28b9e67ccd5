"""LangChain chat model over a managed llama-server: streaming, stops, budgets, cancellation.

It speaks the server's OpenAI-compatible `/v1/chat/completions` with `cache_prompt`, and reads the
`timings` the server adds to its last chunk, so the reuse of each session's prompt prefix is
counted (`LlamaServer.stats`) and logged per request. Leaving the stream early closes the HTTP
connection, and llama-server cancels the request and frees its slot.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any, ClassVar

import httpx
from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.messages import AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGenerationChunk
from pydantic import ConfigDict, Field

from medchat.errors import ModelError, ModelTimeoutError
from medchat.log import get_logger
from medchat.models.llamacpp.server import LlamaServer
from medchat.models.streamed import StreamedChatModel, to_chat_dicts

log = get_logger("models.llamacpp")


class LlamaCppChatModel(StreamedChatModel):
    """A chat model served by a `LlamaServer` (llama.cpp on the CPU)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    server: LlamaServer = Field(exclude=True)
    model_name: str
    max_new_tokens: int = 200
    temperature: float = 0.0
    top_p: float = 1.0
    seed: int | None = None
    timeout_s: float | None = None
    ignore_eos: bool = False
    """Generate exactly the budget (benchmarks and tests measure fixed-length work this way)."""
    frequency_penalty_param: ClassVar[str] = "frequency_penalty"
    """The `bind()` keyword of the server's frequency penalty (see `models.budget`)."""

    @property
    def _llm_type(self) -> str:
        return "medchat-llamacpp"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"model_name": self.model_name, "temperature": self.temperature}

    def _payload(self, messages: list[BaseMessage], stop: list[str] | None, kw: dict) -> dict:
        temperature = float(kw.get("temperature", self.temperature))
        payload: dict[str, Any] = {
            "messages": to_chat_dicts(messages),
            "stream": True,
            "max_tokens": int(kw.get("max_new_tokens", kw.get("max_tokens", self.max_new_tokens))),
            "temperature": temperature,
            "top_p": float(kw.get("top_p", self.top_p)) if temperature > 0 else 1.0,
            "cache_prompt": True,
        }
        if temperature == 0:
            payload["top_k"] = 1  # greedy: the same reply for the same prompt
        if stop:
            payload["stop"] = list(stop)
        if kw.get("ignore_eos", self.ignore_eos):
            payload["ignore_eos"] = True  # fixed-length work, for benchmarks
        if kw.get("frequency_penalty"):
            payload["frequency_penalty"] = float(kw["frequency_penalty"])
        seed = kw.get("seed", self.seed)
        if seed is not None:
            payload["seed"] = int(seed)
        return payload

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        server = self.server.ensure_running()
        payload = self._payload(messages, stop, kwargs)
        started = time.monotonic()
        first: float | None = None
        finish, timings, n_chunks = "", {}, 0
        timeout = httpx.Timeout(10.0, read=self.timeout_s)
        url = f"{server.base_url}/v1/chat/completions"
        for attempt in (1, 2):
            answered = False
            try:
                with server.http.stream("POST", url, json=payload, timeout=timeout) as response:
                    answered = True
                    if response.status_code >= 400:
                        raise ModelError(_refusal(response))
                    for data in _sse_data(response):
                        choice = (data.get("choices") or [{}])[0]
                        delta = (choice.get("delta") or {}).get("content") or ""
                        finish = choice.get("finish_reason") or finish
                        timings = data.get("timings") or timings
                        if delta:
                            first = first or time.monotonic()
                            n_chunks += 1
                            chunk = ChatGenerationChunk(message=AIMessageChunk(content=delta))
                            if run_manager:
                                run_manager.on_llm_new_token(delta, chunk=chunk)
                            yield chunk
                break
            except httpx.TimeoutException:
                raise ModelTimeoutError(
                    f"The model did not answer within {self.timeout_s:g} s "
                    "(MEDCHAT_TURN_TIMEOUT_S); the conversation is kept, try again."
                ) from None
            except (httpx.TransportError, httpx.StreamError) as exc:
                if attempt == 1 and not answered and server.running:
                    # A kept-alive connection the server had just closed: the request never
                    # reached it, so sending it again is safe.
                    log.info("llamacpp_retry", error=type(exc).__name__)
                    continue
                raise ModelError(
                    f"The llama.cpp server stopped answering ({type(exc).__name__}); it is "
                    "restarted on the next request."
                ) from exc
        cached, evaluated = int(timings.get("cache_n", 0)), int(timings.get("prompt_n", 0))
        predicted = int(timings.get("predicted_n", n_chunks))
        server.stats.add(cached, evaluated)
        log.info(
            "llamacpp_request",
            cached_tokens=cached,
            prompt_tokens=evaluated,
            new_tokens=predicted,
            first_token_s=None if first is None else round(first - started, 3),
            seconds=round(time.monotonic() - started, 3),
            finish=finish,
        )
        yield ChatGenerationChunk(
            message=AIMessageChunk(
                content="",
                response_metadata={
                    "finish_reason": finish,
                    "model_name": self.model_name,
                    "cached_tokens": cached,
                },
                usage_metadata={
                    "input_tokens": cached + evaluated,
                    "output_tokens": predicted,
                    "total_tokens": cached + evaluated + predicted,
                },
            )
        )


def _sse_data(response: httpx.Response) -> Iterator[dict]:
    """The JSON objects of a server-sent event stream, up to `[DONE]`."""
    for line in response.iter_lines():
        if not line.startswith("data:"):
            continue
        body = line[5:].strip()
        if body == "[DONE]":
            return
        data = json.loads(body)
        if "error" in data:
            raise ModelError(f"The llama.cpp server failed: {_message(data)}")
        yield data


def _refusal(response: httpx.Response) -> str:
    response.read()
    try:
        message = _message(response.json())
    except ValueError:
        message = response.text[:300]
    return f"The llama.cpp server refused the request (HTTP {response.status_code}): {message}"


def _message(data: dict) -> str:
    error = data.get("error")
    if isinstance(error, dict):
        return str(error.get("message") or error)
    return str(error or data)
