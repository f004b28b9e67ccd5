"""Autoplay: the AI doctor and AI patient talk turn by turn; a person may take either side."""

from __future__ import annotations

from collections.abc import Iterator

from medchat.errors import MedChatError
from medchat.service.conversation import Drive
from medchat.service.sessions import SessionService
from medchat.types import Mode, Role
from medchat.ui.chatview import ChatView, fold, from_conversation
from medchat.ui.controllers.common import clear_notices, live, notice, opened

NOBODY = "nobody (AI plays both)"
SIDES = [NOBODY, Role.DOCTOR.value, Role.PATIENT.value]


def start(backend: SessionService, owner: str, persona_id: str) -> ChatView:
    view = ChatView(mode=Mode.AUTOPLAY)
    try:
        conv = backend.start(owner, Mode.AUTOPLAY, persona_id)
    except MedChatError as exc:
        return notice(view, exc)
    view = from_conversation(conv)
    view.status = "Press Step for one turn, or Play to let them talk."
    return view


def step(backend: SessionService, owner: str, view: ChatView) -> Iterator[ChatView]:
    """One model turn (whoever speaks next)."""
    clear_notices(view)
    conv = yield from opened(backend, owner, view)
    if conv is None:
        return
    if conv.ended:
        yield notice(view, "This conversation has ended; start a new one.")
        return
    yield from fold(view, conv.step())


def play(
    service: SessionService, owner: str, view: ChatView, max_steps: int = 40
) -> Iterator[ChatView]:
    """Step until paused (checked between turns, so Play always plays one), ended, a model
    error, or the person's turn."""
    if not view.session_id:
        yield notice(view, "Start a conversation first.")
        return
    clear_notices(view)
    service.pause(view.session_id, False)
    conv = yield from opened(service, owner, view)
    if conv is None:
        return
    played = [False]

    def paused() -> bool:
        was, played[0] = played[0], True
        return was and service.paused(view.session_id)

    drive = Drive(conv, max_steps, stop=paused, max_errors=1)
    yield from fold(view, drive)
    if "medchat-error" in view.banner or "medchat-notice" in view.banner:
        return
    if drive.stopped_by == "human_turn":
        view.status = f"Your turn as the {conv.human_role.value}."
    else:
        view.status = "Ended." if view.ended else "Paused."
    yield view


def pause(backend: SessionService, view: ChatView) -> str:
    """Stop `play` after the turn in progress."""
    if view.session_id:
        backend.pause(view.session_id)
    return "Pausing after this turn…"


def take_over(backend: SessionService, owner: str, view: ChatView, side: str) -> ChatView:
    """Play `side` yourself (doctor or patient), or hand it back to the model."""
    clear_notices(view)
    try:
        conv = live(backend, owner, view)
        role = None if side in (None, "", NOBODY) else Role(side)
        conv.take_over(role)
    except (MedChatError, ValueError) as exc:
        return notice(view, exc)
    if role is None:
        view.status = "The AI plays both sides."
    else:
        whose = "your" if conv.next_speaker() == role else "the other side's"
        view.status = f"You play the {role.value}; it is {whose} turn."
    return view


def say(backend: SessionService, owner: str, view: ChatView, text: str) -> Iterator[ChatView]:
    """The person speaks for the side they took over; the model answers for the other side."""
    clear_notices(view)
    if not (text or "").strip():
        yield notice(view, "Type a message first.")
        return
    conv = yield from opened(backend, owner, view)
    if conv is None:
        return
    yield from fold(view, conv.say(text))
