"""A scripted chat model for unit tests of the layers above the model.

It is a real `BaseChatModel` subclass registered as the `fake` backend, used only where the real
model cannot serve a test's purpose: exact replies for asserting dialogue logic, and failure
injection (an exception or a hang mid-reply) that a real model cannot be made to do on cue.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Iterator
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import ConfigDict, Field, PrivateAttr

from medchat.errors import ModelError


class ScriptedFailure(Exception):
    """Raised by `ScriptedChatModel` when its script says `!fail`."""


class ScriptedChatModel(BaseChatModel):
    """Replies with the next line of `script`, word by word.

    Special lines: `!fail` raises mid-reply after one word, `!hang:<seconds>` sleeps before
    replying, `!empty` replies with nothing.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    script: list[str] = Field(default_factory=lambda: ["Hello, what brings you in today?"])
    cycle: bool = True
    model_name: str = "scripted"
    calls: list[list[BaseMessage]] = Field(default_factory=list, exclude=True)
    _lines: Iterator[str] = PrivateAttr()
    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)

    def model_post_init(self, _context: Any) -> None:
        self._lines = itertools.cycle(self.script) if self.cycle else iter(self.script)

    @property
    def _llm_type(self) -> str:
        return "medchat-scripted"

    def _next_line(self, messages: list[BaseMessage]) -> str:
        with self._lock:
            self.calls.append(list(messages))
            try:
                return next(self._lines)
            except StopIteration:
                raise ModelError("The scripted model ran out of replies.") from None

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        line = self._next_line(messages)
        if line.startswith("!hang:"):
            time.sleep(float(line.split(":", 1)[1]))
            line = "Sorry for the wait."
        if line == "!empty":
            return
        words = line.split(" ") if line != "!fail" else ["Partial", "!fail"]
        for i, word in enumerate(words):
            if word == "!fail":
                raise ScriptedFailure("scripted model failure")
            text = word if i == 0 else " " + word
            yield ChatGenerationChunk(message=AIMessageChunk(content=text))

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        text = "".join(str(c.message.content) for c in self._stream(messages, stop, **kwargs))
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])
