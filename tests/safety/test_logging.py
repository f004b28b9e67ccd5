"""The log processor scrubs events; identifiers planted in turns never reach the logs."""

from __future__ import annotations

import io

import pytest
import structlog

from safety.layer import SafetyLayer
from safety.pii.log_processor import make_log_processor, scrub_log_event
from safety.policy.filter import OutputContext

PLANTED = [
    "Sarah Okonkwo",
    "07700 900123",
    "sarah.ok@example.com",
    "943 476 5919",
    "14 Baker Street",
    "NW1 6XE",
    "RX4829103",
]


@pytest.mark.parametrize(
    ("event", "must_vanish"),
    [
        ({"event": "callback to 07700 900123"}, "07700 900123"),
        ({"event": "x", "user": {"email": "sarah.ok@example.com"}}, "sarah.ok@example.com"),
        ({"event": "x", "names": ["My name is Sarah Okonkwo"]}, "Okonkwo"),
        ({"event": "x", "error": ValueError("bad NHS number 943 476 5919")}, "943 476 5919"),
    ],
)
def test_when_event_holds_identifier_then_processor_scrubs_it(event, must_vanish):
    out = scrub_log_event(None, "info", dict(event))
    assert must_vanish not in repr(out)


def test_when_event_has_numbers_and_levels_then_they_are_untouched():
    out = scrub_log_event(None, "info", {"event": "turn", "level": "info", "n": 3, "ms": 1.5})
    assert out == {"event": "turn", "level": "info", "n": 3, "ms": 1.5}


@pytest.fixture
def captured_logs(scrubber):
    """structlog writing JSON lines to a buffer, with the scrub processor in the chain."""
    buffer = io.StringIO()
    structlog.configure(
        processors=[make_log_processor(scrubber), structlog.processors.JSONRenderer()],
        logger_factory=structlog.PrintLoggerFactory(file=buffer),
        cache_logger_on_first_use=False,
    )
    yield buffer
    structlog.reset_defaults()


def test_when_identifiers_pass_through_the_layer_then_none_is_logged(
    captured_logs, scrubber, rules_filter
):
    layer = SafetyLayer(scrubber, rules_filter)
    session = scrubber.new_session()
    raw = (
        f"Hi, I'm {PLANTED[0]}, call {PLANTED[1]} or {PLANTED[2]}. NHS number {PLANTED[3]}, "
        f"I live at {PLANTED[4]}, London {PLANTED[5]}, hospital number {PLANTED[6]}. "
        "I want to kill myself."
    )
    turn = layer.inbound(raw, "consult", session)
    reply = layer.outbound(
        f"Sarah, please call 999. We have {PLANTED[1]} on file.",
        "selfplay",
        OutputContext(speaker="doctor", red_flags=frozenset({"self_harm"})),
        session,
    )
    streamed = list(
        layer.stream_outbound(
            [f"Thanks {PLANTED[0][:5]}", "ah. Call 999 now."], "consult", None, session
        )
    )
    structlog.get_logger().error("turn failed", detail=f"while handling {raw}")
    logs = captured_logs.getvalue()
    assert logs.count("safety.verdict") == 3
    for secret in PLANTED:
        assert secret not in logs
        assert secret not in turn.text and secret not in reply.text
        assert all(secret not in str(s) for s in streamed)
    assert turn.verdict.action.value == "escalate"


def test_when_an_event_value_is_a_str_enum_then_it_is_logged_as_its_text():
    """A verdict's action is a StrEnum; spaCy takes only exact `str`, and the doctor benchmark
    crashed on logging the close's verdict before this was handled."""
    from safety.types import Action

    for action in Action:
        out = scrub_log_event(None, "info", {"event": "safety_verdict", "action": action})
        assert out["action"] == action.value and type(out["action"]) is str
