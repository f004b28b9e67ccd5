"""A reply the review withdrew mid-stream is replaced in its bubble, not appended to."""

from __future__ import annotations

from medchat.dialogue.events import RetractEvent, TokenEvent, TurnEvent
from medchat.types import Mode, Role, Turn
from medchat.ui.chatview import ChatView, fold


def test_when_a_streamed_reply_is_retracted_then_only_the_repaired_text_is_shown():
    view = ChatView(mode=Mode.PRACTICE)
    turn = Turn(role=Role.PATIENT, text="It came on two hours ago.", author="m", id="t1")
    events = [
        TokenEvent(Role.PATIENT, "I'm here to help you, "),
        RetractEvent(Role.PATIENT),
        TokenEvent(Role.PATIENT, "It came on two hours ago."),
        TurnEvent(turn),
    ]
    shown = [(len(v.messages), str(v.messages[-1]["content"])) for v in fold(view, events)]
    assert "help you" in shown[0][1]
    assert all("help you" not in text for _, text in shown[1:])
    assert shown[2][1].endswith("two hours ago.") and shown[3] == shown[2]
    assert [count for count, _ in shown] == [1, 1, 1, 1]
