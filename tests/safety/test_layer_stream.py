"""The output guard streams by clause by default; each piece is checked with all shown before it."""

from __future__ import annotations

import pytest

from safety.layer import SafetyLayer
from safety.policy.config import Action
from safety.policy.filter import Verdict


@pytest.mark.parametrize(
    ("stream_clauses", "pieces"),
    [
        (True, ["Okay, ", "rest and fluids, ", "and see me in a week."]),
        (False, ["Okay, rest and fluids, and see me in a week."]),
    ],
)
def test_when_a_reply_streams_then_pieces_follow_the_chosen_granularity(
    scrubber, rules_filter, stream_clauses, pieces
):
    layer = SafetyLayer(scrubber, rules_filter, stream_clauses=stream_clauses)
    text = "Okay, rest and fluids, and see me in a week."
    assert (
        list(layer.stream_outbound(list(text), "consult", None, scrubber.new_session())) == pieces
    )


@pytest.mark.parametrize(
    ("stream_clauses", "shown_before_block"),
    [
        # the trade-off of clause release: a rule needing the rest of the sentence fires later
        (True, ["You can stop your warfarin, "]),
        (False, []),
    ],
)
def test_when_a_rule_spans_a_comma_then_the_block_comes_once_the_rule_matches(
    scrubber, rules_filter, stream_clauses, shown_before_block
):
    layer = SafetyLayer(scrubber, rules_filter, stream_clauses=stream_clauses)
    text = "You can stop your warfarin, starting today."
    events = list(layer.stream_outbound(list(text), "consult", None, scrubber.new_session()))
    assert events[:-1] == shown_before_block
    assert isinstance(events[-1], Verdict) and events[-1].action is Action.BLOCK


def test_when_an_identifier_straddles_a_comma_then_the_layer_never_shows_it_raw(
    scrubber, rules_filter
):
    layer = SafetyLayer(scrubber, rules_filter)
    text = "Thanks, Smith, John: I'll ring 07700 900123, then write to you."
    events = list(layer.stream_outbound(list(text), "consult", None, scrubber.new_session()))
    shown = "".join(e for e in events if isinstance(e, str))
    assert events[0] == "Thanks, "
    for raw in ("Smith", "John", "07700", "900123"):
        assert raw not in shown
