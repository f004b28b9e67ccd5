"""Stream a chat model's reply with a wall-clock limit that works for every backend.

The local backend has its own timeout, but a remote server or a bug can block inside the
iterator where no timeout reaches. Reading the stream on a helper thread lets the turn give up
after `timeout_s` and report it, leaving the conversation usable.
"""

from __future__ import annotations

import contextvars
import queue
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage
from langchain_core.runnables import Runnable

from medchat.errors import ModelTimeoutError

_END = object()


@dataclass
class ModelClock:
    """Time spent waiting on the model and chunks received, for one dialogue (batch metrics)."""

    seconds: float = 0.0
    chunks: int = 0


model_clock: contextvars.ContextVar[ModelClock | None] = contextvars.ContextVar(
    "model_clock", default=None
)


def stream_with_timeout(
    model: BaseChatModel | Runnable, messages: list[BaseMessage], timeout_s: float
) -> Iterator[str]:
    """Yield text chunks; raise `ModelTimeoutError` after `timeout_s`, or the model's error."""
    out: queue.SimpleQueue = queue.SimpleQueue()
    stop = threading.Event()

    def pump() -> None:
        try:
            for chunk in model.stream(messages):
                if stop.is_set():
                    return
                if chunk.content:
                    out.put(str(chunk.content))
            out.put(_END)
        except ValueError as exc:
            # LangChain's way of saying the backend produced no chunks: an empty reply.
            out.put(_END if "No generation chunks" in str(exc) else exc)
        except BaseException as exc:  # handed to the caller's thread
            out.put(exc)

    threading.Thread(target=pump, name="medchat-stream", daemon=True).start()
    deadline = time.monotonic() + timeout_s
    clock = model_clock.get()
    try:
        while True:
            waited = time.monotonic()
            try:
                item = out.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise ModelTimeoutError(
                    f"The model did not answer within {timeout_s:g} s (MEDCHAT_TURN_TIMEOUT_S)."
                ) from None
            if clock is not None:
                clock.seconds += time.monotonic() - waited
                clock.chunks += item is not _END and not isinstance(item, BaseException)
            if item is _END:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
