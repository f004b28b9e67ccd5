"""The state of one chat panel and how engine events change it, as plain data.

Each tab's handler folds the engine's events into a `ChatView` and yields it after every change;
the Gradio layer only copies its fields into components. Streamed text shows as a pending message
that the stored (scrubbed) turn replaces when it arrives. Escalation advice (crisis, emergency) is
kept apart from the one-turn banner, so no later error, block or notice can push it off screen.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from medchat.errors import MedChatError
from medchat.service.conversation import (
    Conversation,
    EndEvent,
    ErrorEvent,
    Event,
    ExaminerEvent,
    RetractEvent,
    TokenEvent,
    TurnEvent,
    VerdictEvent,
)
from medchat.types import Mode, Role, Turn
from medchat.ui import render

# which side of the chat each role sits on, per mode (the person types on the "user" side)
SIDES: dict[Mode, dict[Role, str]] = {
    Mode.CONSULT: {Role.PATIENT: "user", Role.DOCTOR: "assistant", Role.EXAMINER: "assistant"},
    Mode.PRACTICE: {Role.DOCTOR: "user", Role.PATIENT: "assistant", Role.EXAMINER: "assistant"},
    Mode.AUTOPLAY: {Role.PATIENT: "user", Role.DOCTOR: "assistant", Role.EXAMINER: "assistant"},
}


@dataclass
class ChatView:
    """Everything a chat panel shows. `turn_ids[i]` is the stored turn behind `messages[i]`."""

    session_id: str = ""
    mode: Mode = Mode.CONSULT
    messages: list[dict[str, Any]] = field(default_factory=list)
    turn_ids: list[str | None] = field(default_factory=list)
    roles: list[str | None] = field(default_factory=list)
    banner: str = ""  # this turn's block, error or notice; the next one replaces it
    escalations: list[str] = field(default_factory=list)  # shown for the rest of the session
    status: str = ""
    summary: str = ""
    ended: bool = False
    streaming: bool = False

    @property
    def labelled(self) -> bool:
        return self.mode == Mode.AUTOPLAY

    @property
    def alerts(self) -> str:
        """The panel's alert area: the session's escalations above this turn's banner."""
        return render.alerts(self.escalations, self.banner)

    def escalate(self, text: str) -> None:
        if text and text not in self.escalations:
            self.escalations.append(text)

    def add_turn(self, turn: Turn) -> None:
        self.messages.append(render.turn_message(turn, SIDES[self.mode], self.labelled))
        self.turn_ids.append(turn.id)
        self.roles.append(turn.role.value)

    def doctor_turns(self) -> list[tuple[str, str]]:
        """(label, turn id) for each doctor turn, newest first: what can be rated."""
        out = []
        for i, (tid, role) in enumerate(zip(self.turn_ids, self.roles, strict=True)):
            if role == Role.DOCTOR.value and tid:
                text = str(self.messages[i]["content"])
                out.append((f"#{i + 1}: {_plain(text)[:60]}", tid))
        return out[::-1]


def _plain(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup).replace("**", ""))


def _verdict_text(message: str, category: str, reason: str) -> str:
    """What a banner says for a safety verdict: its advice, else why it was raised."""
    return message or f"{category.replace('_', ' ')}: {reason}"


def from_conversation(conv: Conversation) -> ChatView:
    """The panel for a stored or live conversation (used on resume). Escalations come back from
    the session's stored verdicts, the same record the engine reloads its red flags from."""
    view = ChatView(session_id=conv.meta.id, mode=conv.meta.mode, ended=conv.ended)
    for turn in conv.turns():
        if turn.role in SIDES[view.mode]:
            view.add_turn(turn)
    for event in conv.events():
        if event.get("type") == "verdict" and event.get("action") == "escalate":
            fields = (str(event.get(key, "")) for key in ("message", "category", "reason"))
            view.escalate(_verdict_text(*fields))
    view.summary = render.summary_markdown(conv.meta.summary)
    return view


def fold(view: ChatView, events: Iterable[Event]) -> Iterator[ChatView]:
    """Apply engine events to `view`, yielding it after each visible change."""
    pending: int | None = None
    streamed = ""
    try:
        for event in events:
            if isinstance(event, TokenEvent):
                label = event.role.value.capitalize() if view.labelled else None
                side = SIDES[view.mode][event.role]
                if pending is None:
                    view.messages.append({})
                    view.turn_ids.append(None)
                    view.roles.append(event.role.value)
                    pending, streamed = len(view.messages) - 1, ""
                streamed += event.text
                view.messages[pending] = render.message(side, streamed, label)
                view.streaming = True
            elif isinstance(event, RetractEvent):
                if pending is not None:  # the repaired reply streams into the same bubble
                    streamed = ""
                    label = event.role.value.capitalize() if view.labelled else None
                    view.messages[pending] = render.message(
                        SIDES[view.mode][event.role], "…", label
                    )
            elif isinstance(event, TurnEvent):
                if pending is not None:
                    del view.messages[pending], view.turn_ids[pending], view.roles[pending]
                    pending = None
                view.add_turn(event.turn)
                view.streaming = False
            elif isinstance(event, VerdictEvent):
                text = _verdict_text(event.message, event.category, event.reason)
                if event.action == "escalate":
                    view.escalate(text)
                elif event.action != "allow":
                    view.banner = render.banner(event.action, text)
            elif isinstance(event, ErrorEvent):
                if pending is not None:
                    del view.messages[pending], view.turn_ids[pending], view.roles[pending]
                    pending = None
                view.banner = render.banner("error", event.message)
                view.streaming = False
            elif isinstance(event, EndEvent):
                view.ended = True
                view.summary = render.summary_markdown({"reason": event.reason, **event.summary})
            elif isinstance(event, ExaminerEvent):
                continue  # its stored turn follows and is what the panel shows
            yield view
    except MedChatError as exc:
        view.banner = render.banner("notice", str(exc))
        yield view
