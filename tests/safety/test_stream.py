"""Streaming hold-back: text is shown only once scrubbed, and at the latest at its sentence end."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safety.pii.stream import StreamScrubber

SECRETS = ["Sarah", "Jones", "07700", "900123", "sarah.j@example.com"]
TEXT = (
    "Hello Dr. Patel. My name is Sarah Jones and my number is 07700 900123. "
    "My temperature was 37.5 today! Email sarah.j@example.com if needed"
)


@pytest.mark.parametrize("chunk_size", [1, 3, 7, 40])
def test_when_streamed_in_chunks_then_no_identifier_fragment_is_emitted(scrubber, chunk_size):
    stream = StreamScrubber(scrubber, scrubber.new_session())
    shown = []
    for i in range(0, len(TEXT), chunk_size):
        shown.append(stream.feed(TEXT[i : i + chunk_size]))
        visible = "".join(shown)
        for secret in SECRETS:
            for k in range(3, len(secret) + 1):
                assert secret[:k] not in visible, (secret[:k], visible)
    shown.append(stream.flush())
    full = "".join(shown)
    assert "<PERSON_" in full and "<PHONE_NUMBER_1>" in full and "<EMAIL_ADDRESS_1>" in full
    assert "37.5 today!" in full


@pytest.mark.parametrize(
    ("chunks", "emitted_before_flush"),
    [
        (["I saw Dr.", " Smith today"], ""),  # "Dr." is not a sentence end
        (["Temp 37", ".5 and rising"], ""),  # a decimal point is not a sentence end
        (["It hurts. ", "More"], "It hurts. "),
        (["Line one\n", "line two"], "Line one\n"),
    ],
)
def test_when_sentence_incomplete_then_text_is_held_back(scrubber, chunks, emitted_before_flush):
    stream = StreamScrubber(scrubber, scrubber.new_session())
    assert "".join(stream.feed(c) for c in chunks) == emitted_before_flush


def test_when_flushed_then_the_rest_is_scrubbed(scrubber):
    stream = StreamScrubber(scrubber, scrubber.new_session())
    assert stream.feed("Call 07700 900123") == ""
    assert stream.flush() == "Call <PHONE_NUMBER_1>"
    assert stream.flush() == ""


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cuts=st.lists(st.integers(min_value=1, max_value=len(TEXT) - 1), max_size=12))
def test_when_chunked_anywhere_then_output_equals_sentence_by_sentence_scrub(scrubber, cuts):
    bounds = [0, *sorted(set(cuts)), len(TEXT)]
    stream = StreamScrubber(scrubber, scrubber.new_session())
    out = "".join(stream.feed(TEXT[a:b]) for a, b in pairwise(bounds))
    out += stream.flush()
    reference = StreamScrubber(scrubber, scrubber.new_session())
    assert out == reference.feed(TEXT) + reference.flush()
