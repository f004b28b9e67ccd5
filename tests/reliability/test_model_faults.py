"""A model that fails *after* the user has already seen part of its reply: it streams a whole
sentence (released by the guard, shown to the user), then hangs or raises.

tests/dialogue covers a model that fails before any text is released; this is the harder case
for the transcript: the half-reply must not be stored, the error must be clear, the user's
own turn must be kept, and the next message must work. Checked in the engine and through the
Consult handler the Gradio app calls.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from langchain_core.messages import AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGenerationChunk

from medchat.dialogue import sessions
from medchat.dialogue.events import ErrorEvent, TokenEvent
from medchat.dialogue.sessions import Wiring
from medchat.dialogue.wiring import guard_factory
from medchat.models.fake import ScriptedChatModel, ScriptedFailure
from medchat.models.warmup import ModelWarmup
from medchat.service.sessions import SessionService
from medchat.types import Mode, Role
from medchat.ui.controllers import consult

SHOWN = "I am sorry to hear that."


class FailsMidReply(ScriptedChatModel):
    """Its first reply streams `SHOWN` and then hangs or raises; later replies are scripted."""

    failure: str = "raise"
    hang_s: float = 5.0
    failed: bool = False

    def _stream(
        self, messages: list[BaseMessage], stop: list[str] | None = None, **kwargs: Any
    ) -> Iterator[ChatGenerationChunk]:
        if self.failed:
            yield from super()._stream(messages, stop, **kwargs)
            return
        self.failed = True
        for word in (SHOWN + " Let me").split(" "):
            yield ChatGenerationChunk(message=AIMessageChunk(content=word + " "))
        if self.failure == "hang":
            time.sleep(self.hang_s)
        raise ScriptedFailure("the backend dropped the connection mid-reply")


@pytest.mark.parametrize(("failure", "kind"), [("raise", "model"), ("hang", "timeout")])
def test_when_the_model_fails_after_text_was_shown_then_nothing_partial_is_stored(
    settings, store, failure, kind
):
    doctor = FailsMidReply(failure=failure, script=["How long has it hurt?"])
    cfg = settings.model_copy(update={"turn_timeout_s": 1.0})
    wiring = Wiring(cfg, store, guard_factory(cfg), lambda role: doctor)
    conv = sessions.start(wiring, Mode.CONSULT)

    events = list(conv.say("My knee hurts."))
    shown = "".join(e.text for e in events if isinstance(e, TokenEvent))
    errors = [e for e in events if isinstance(e, ErrorEvent)]
    assert SHOWN in shown, "the guard should have released the finished sentence"
    assert [e.kind for e in errors] == [kind] and "you can try again" in errors[0].message
    assert [t.role for t in conv.turns()] == [Role.PATIENT]  # the user's turn, no half-reply
    assert [e["kind"] for e in store.events(conv.meta.id) if e["type"] == "error"] == [kind]

    list(conv.say("It started yesterday."))
    assert [t.text for t in conv.turns()][-1] == "How long has it hurt?"


def test_when_the_model_hangs_mid_reply_in_the_app_then_banner_and_next_message_works(
    settings, store
):
    doctor = FailsMidReply(failure="hang", script=["When did it start?"])
    cfg = settings.model_copy(update={"turn_timeout_s": 1.0})
    backend = SessionService(cfg, store, ModelWarmup(lambda p: doctor).start(), guard_factory(cfg))
    seen, failed = [], None
    for view in consult.send(backend, "nurse", consult.new(), "I have a rash."):
        seen.append(str(view.messages))  # the same view object is updated and yielded again
        failed = view
    assert any(SHOWN in s for s in seen), "the half-reply was streamed"
    assert "did not answer within 1 s" in failed.banner
    assert [m["role"] for m in failed.messages] == ["user"]  # the half-reply is taken back
    again = list(consult.send(backend, "nurse", failed, "It itches."))[-1]
    assert [m["role"] for m in again.messages] == ["user", "user", "assistant"]
    assert "When did it start?" in str(again.messages[-1]) and not again.banner
