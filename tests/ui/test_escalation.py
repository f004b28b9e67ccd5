"""Escalation advice stays on screen for the rest of the session: whatever else a turn brings
(a model error, a timeout, a block, a notice, a later normal turn) and after a resume.

`fold` is fed synthetic event sequences (a table); the resume test runs the real engine, store,
safety layer and small model, timed out on purpose as a remote model would be."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from medchat.dialogue.events import ErrorEvent, Event, TokenEvent, TurnEvent, VerdictEvent
from medchat.errors import MedChatError
from medchat.types import Mode, Role, Turn
from medchat.ui import render
from medchat.ui.chatview import ChatView, fold, from_conversation
from medchat.ui.controllers.common import clear_notices

CRISIS = "Call Samaritans on 116 123."
EMERGENCY = "Call 999 now."
TIMEOUT = "The model did not answer within 1 s. The conversation is kept; you can try again."


def patient(text: str) -> TurnEvent:
    return TurnEvent(Turn(role=Role.PATIENT, text=text, author="human"))


def doctor(text: str) -> list[Event]:
    return [TokenEvent(Role.DOCTOR, text), TurnEvent(Turn(role=Role.DOCTOR, text=text, author="m"))]


def escalate(message: str = CRISIS, category: str = "self_harm") -> VerdictEvent:
    return VerdictEvent("input", "escalate", category, "rule", message)


def block(direction: str = "output") -> VerdictEvent:
    return VerdictEvent(direction, "block", "harmful_instructions", "rule", "Reply withheld.")


class Refused(MedChatError):
    """What the engine raises for a person's mistake (shown as a notice)."""


def then_raise(events: list[Event]) -> Iterator[Event]:
    yield from events
    raise Refused("The message is empty.")


CRISIS_TURN = [patient("I want to kill myself"), escalate()]

# (turns of events, the last turn's banner class or "", escalation texts at the end)
ROWS = {
    "timeout": ([[*CRISIS_TURN, ErrorEvent("timeout", TIMEOUT)]], "medchat-error", [CRISIS]),
    "timeout mid-reply": (
        [[*CRISIS_TURN, TokenEvent(Role.DOCTOR, "I am so"), ErrorEvent("timeout", TIMEOUT)]],
        "medchat-error",
        [CRISIS],
    ),
    "model failure": (
        [[*CRISIS_TURN, ErrorEvent("model", "The doctor model failed.")]],
        "medchat-error",
        [CRISIS],
    ),
    "output block": ([[*CRISIS_TURN, block(), *doctor("Sorry.")]], "medchat-block", [CRISIS]),
    "notice": ([then_raise(CRISIS_TURN)], "medchat-notice", [CRISIS]),
    "later normal turn": (
        [[*CRISIS_TURN, *doctor("I am here.")], [patient("I slept badly."), *doctor("Go on.")]],
        "",
        [CRISIS],
    ),
    "later blocked input": (
        [[*CRISIS_TURN, *doctor("I am here.")], [patient("how to poison"), block("input")]],
        "medchat-block",
        [CRISIS],
    ),
    "later error": (
        [[*CRISIS_TURN, *doctor("I am here.")], [patient("Hello?"), ErrorEvent("empty", "x")]],
        "medchat-error",
        [CRISIS],
    ),
    "crisis repeated in other words": (
        [[*CRISIS_TURN, ErrorEvent("timeout", TIMEOUT)], [patient("ending it all"), escalate()]],
        "",
        [CRISIS],
    ),
    "emergency after crisis": (
        [CRISIS_TURN, [patient("chest pain"), escalate(EMERGENCY, "emergency")]],
        "",
        [CRISIS, EMERGENCY],
    ),
}


@pytest.mark.parametrize(("turns", "banner", "escalations"), ROWS.values(), ids=ROWS.keys())
def test_when_a_turn_escalates_then_every_later_view_shows_it_beside_other_banners(
    turns, banner, escalations
):
    view = ChatView(mode=Mode.CONSULT)
    shown_after_escalation = []
    for events in turns:
        clear_notices(view)  # what every handler does before a new action
        for state in fold(view, events):
            if state.escalations:
                shown_after_escalation.append(state.alerts)
    assert view.escalations == escalations
    assert shown_after_escalation and all(CRISIS in alerts for alerts in shown_after_escalation)
    if banner:
        assert banner in view.banner and banner in view.alerts
        assert view.alerts.index(CRISIS) < view.alerts.index(banner)  # escalation on top
    else:
        assert view.banner == ""
    assert view.alerts.count("medchat-escalate") == len(escalations)
    assert "Samaritans" not in str(view.messages)  # advice is never chat text


@pytest.mark.parametrize(
    ("escalations", "turn_banner", "expected"),
    [
        ([], "", ""),
        ([], render.banner("error", "Timed out"), render.banner("error", "Timed out")),
        (
            [CRISIS],
            render.banner("error", "Timed out"),
            '<div class="medchat-escalations">'
            + render.banner("escalate", CRISIS)
            + "</div>"
            + render.banner("error", "Timed out"),
        ),
        (
            ["<b>x</b>"],
            "",
            '<div class="medchat-escalations">' + render.banner("escalate", "<b>x</b>") + "</div>",
        ),
    ],
)
def test_when_alerts_are_rendered_then_escalations_come_first_in_their_own_area(
    escalations, turn_banner, expected
):
    html = render.alerts(escalations, turn_banner)
    assert html == expected and "<b>" not in html


@pytest.fixture
def owner():
    return f"user-{uuid.uuid4().hex[:8]}"


@pytest.mark.parametrize(
    "text", ["I want to kill myself", "i've been thinking about ending it all"]
)
def test_when_a_crisis_session_times_out_and_is_resumed_then_the_escalation_comes_back(
    ui_settings, ui_store, ui_model, owner, text
):
    from medchat.dialogue.wiring import guard_factory
    from medchat.models.warmup import ModelWarmup
    from medchat.service.sessions import SessionService
    from medchat.ui.controllers import consult

    slow = ui_settings.model_copy(update={"turn_timeout_s": 0.001})
    warm = ModelWarmup(lambda progress: ui_model).start()
    backend = SessionService(slow, ui_store, warm, guard_factory(ui_settings))
    *_, view = consult.send(backend, owner, consult.new(), text)
    assert "Samaritans" in view.alerts and "did not answer within" in view.alerts
    assert "medchat-error" in view.banner

    # Every request rebuilds the conversation from Redis, as after a restart or on another
    # app process.
    resumed = from_conversation(backend.conversation(owner, view.session_id))
    assert resumed.escalations == view.escalations and len(resumed.escalations) == 1
    assert "medchat-escalate" in resumed.alerts and resumed.banner == ""  # errors do not return
    *_, again = consult.send(backend, owner, resumed, "It started last week.")
    assert "Samaritans" in again.alerts and "did not answer within" in again.banner
