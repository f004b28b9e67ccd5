"""Replacement is consistent within a session, separate across sessions, and seeded."""

from __future__ import annotations

import pytest

from safety.errors import UnknownNameError
from safety.pii.scrubber import Scrubber

TURNS = [
    "Hi, my name is Sarah Jones.",
    "Sarah here again, my number is 07700 900123.",
    "Please text 07700 900123, not my work phone. Jones is my married name.",
]


def test_when_same_name_recurs_then_same_tag(scrubber):
    session = scrubber.new_session()
    out = [scrubber.scrub(t, session).text for t in TURNS]
    assert "<PERSON_1>" in out[0]
    assert "<PERSON_1>" in out[1] and "Sarah" not in out[1]
    assert out[1].count("<PHONE_NUMBER_1>") == 1 and out[2].count("<PHONE_NUMBER_1>") == 1
    assert "Jones" not in out[2]


def test_when_sessions_differ_then_numbering_restarts(scrubber):
    first, second = scrubber.new_session(), scrubber.new_session()
    scrubber.scrub("Dr Okafor and Dr Mensah were there.", first)
    text = scrubber.scrub("Dr Mensah was there.", second).text
    assert text.endswith("<PERSON_1> was there.") and "Mensah" not in text


@pytest.mark.parametrize("seed", [0, 7])
def test_when_fake_style_seeded_then_output_reproducible_and_consistent(seed):
    a, b = Scrubber(style="fake", seed=seed), Scrubber(style="fake", seed=seed)
    sa, sb = a.new_session(), b.new_session()
    out_a = [a.scrub(t, sa).text for t in TURNS]
    out_b = [b.scrub(t, sb).text for t in TURNS]
    assert out_a == out_b
    assert "Sarah" not in " ".join(out_a) and "07700 900123" not in " ".join(out_a)
    fake_phone = out_a[1].split("my number is ")[1].rstrip(".")
    assert fake_phone in out_a[2]


def test_when_fake_style_replaces_an_id_then_its_shape_is_kept():
    s = Scrubber(style="fake", seed=3)
    text = s.scrub("My MRN is AB-1234567.", s.new_session()).text
    value = text.split("MRN is ")[1].rstrip(".")
    assert value != "AB-1234567"
    assert len(value) == 10 and value[2] == "-" and value[3:].isdigit() and value[:2].isalpha()


def test_when_style_unknown_then_error_lists_valid_styles():
    with pytest.raises(UnknownNameError, match="fake, tags"):
        Scrubber(style="emoji")
