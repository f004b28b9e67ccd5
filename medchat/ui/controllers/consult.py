"""Consult: the person is the patient, the model the doctor; ratings and the structured close."""

from __future__ import annotations

from collections.abc import Iterator

from medchat.errors import MedChatError
from medchat.service.sessions import SessionService
from medchat.types import Mode
from medchat.ui.chatview import ChatView, fold
from medchat.ui.controllers.common import clear_notices, live, notice, opened, ready


def send(
    backend: SessionService, owner: str, view: ChatView, text: str, model: str | None = None
) -> Iterator[ChatView]:
    """Stream the doctor's answer to `text`; the first message starts a new session."""
    clear_notices(view)
    if not (text or "").strip():
        yield notice(view, "Type a message first.")
        return
    try:
        yield from ready(backend, view, model)
        if view.session_id:
            conv = live(backend, owner, view)
        else:
            conv = backend.start(owner, Mode.CONSULT, model=model)
            view.session_id, view.mode = conv.meta.id, Mode.CONSULT
    except MedChatError as exc:
        yield notice(view, exc)
        return
    yield from fold(view, conv.say(text))


def end(backend: SessionService, owner: str, view: ChatView) -> Iterator[ChatView]:
    """Ask the doctor for the structured close and show it."""
    clear_notices(view)
    conv = yield from opened(backend, owner, view, "doctor")
    if conv is None:
        return
    if conv.ended:
        yield notice(view, "This consultation has already ended.")
        return
    view.status = "The doctor is summarising the consultation…"
    yield view
    yield from fold(view, conv.close("requested"))
    view.status = ""
    yield view


def rate(
    backend: SessionService,
    owner: str,
    view: ChatView,
    turn_id: str | None,
    score: int,
    comment: str,
) -> str:
    """Store a rating of one doctor turn; the comment is scrubbed like every stored text."""
    if not turn_id:
        return "Choose a doctor turn to rate."
    try:
        if not view.session_id:
            raise MedChatError("Start a session first.")
        text = backend.rate(owner, view.session_id, turn_id, score, comment)
    except MedChatError as exc:
        return str(exc)
    word = {1: "up", -1: "down", 0: "neutral"}[score]
    return f"Saved rating: {word}" + (" with your comment." if text else ".")


def new() -> ChatView:
    return ChatView(mode=Mode.CONSULT)
