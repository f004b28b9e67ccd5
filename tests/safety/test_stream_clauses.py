"""Clause-level release: plain clauses come out at their comma; clauses near an identifier wait."""

from __future__ import annotations

import pytest

from safety.pii.clauses import clause_ends
from safety.pii.stream import StreamScrubber, first_release


def _stream(scrubber) -> StreamScrubber:
    return StreamScrubber(scrubber, scrubber.new_session())


def _one_shot(scrubber, text: str) -> str:
    return scrubber.scrub(text, scrubber.new_session()).text


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "The pain started three days ago, it's worse on stairs, and I feel sick.",
            "The pain started three days ago, ",
        ),
        ("Okay, and how long has it been going on?", "Okay, "),
        ("I see; does it hurt when you breathe in?", "I see; "),
        ("It came on suddenly - like a tearing pain.", "It came on suddenly - "),
        ("It came on suddenly— like a tearing pain.", "It came on suddenly— "),
        ("The ache (mostly on the left) wakes me at night.", "The ache (mostly on the left) "),
        ("What I'd like to know is this: when did it start?", "What I'd like to know is this: "),
        ("I take 50mg of sertraline, and it helps a bit.", "I take 50mg of sertraline, "),
        ("No, I haven't had anything like this before.", "No, "),
    ],
)
def test_when_clause_is_identifier_free_then_it_is_released_at_its_end(scrubber, text, first):
    stream = _stream(scrubber)
    waited = first_release(text, stream)
    assert waited == len(first)
    assert text.startswith(first)


@pytest.mark.parametrize(
    ("text", "before_sentence_end"),
    [
        ("Okay, Smith, John was admitted on", "Okay, "),
        ("Okay, I live at 12 Rue de la Paix, 75002 Paris, on the first", "Okay, "),
        ("Okay, her DOB: 02-Feb-1949, and she", "Okay, "),
        ("Okay, ring 07700 900 123, any time", "Okay, "),
        ("Okay, she was born 14 october, 1949, in a", "Okay, "),
        ("Okay, email jane.doe@example.com, or phone", "Okay, "),
        ("Okay, it's 10 Downing Street, London, SW1A 2AA, by the", "Okay, "),
        ("Okay, please tell Dr Patel, she", "Okay, "),
        ("Okay, see www.nhs.uk/flu, or ring", "Okay, "),
        ("Okay, it was in 2019, or so", "Okay, "),
        ("Okay, she is Mrs, well", "Okay, "),
        ("Yes, my daughter, Sarah Jones, will", "Yes, my daughter, "),
        # a name found inside the clause, away from its end, goes out as its surrogate
        ("The pain, which Sarah noticed first, is", "The pain, which <PERSON_1> noticed first, "),
    ],
)
def test_when_clause_could_hold_part_of_an_identifier_then_it_waits(
    scrubber, text, before_sentence_end
):
    stream = _stream(scrubber)
    shown = "".join(stream.feed(ch) for ch in text)
    assert shown == before_sentence_end


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        (
            "Yes, my daughter, Sarah Jones, will ring you on 07700 900123, after lunch.",
            ["Sarah", "Jones", "0770", "9001"],
        ),
        (
            "My DOB: 02/02/1949, my NHS number: 943 476 5919, and my email: jane.doe@example.com.",
            ["1949", "5919", "jane", "doe"],
        ),
        (
            "Smith, John, was seen on 14 October, 2019, at noon, and born 3 March, 1950.",
            ["Smith", "John", "2019", "1950"],
        ),
        (
            "Thanks, I'm Dr Reed; Mr Oakes, your GP, sent it to 4 Mill Lane, Leeds LS1 4AP.",
            ["Reed", "Oakes", "Mill", "LS1", "4AP"],
        ),
        ("Call 07700 900 123, or 0161 496 0000, today.", ["0770", "0161", "0000"]),
    ],
)
def test_when_streamed_by_character_then_output_equals_the_sentence_scrub(scrubber, text, secrets):
    stream = _stream(scrubber)
    streamed = "".join(stream.feed(ch) for ch in text) + stream.flush()
    assert streamed == _one_shot(scrubber, text)
    assert not [s for s in secrets if s in streamed]


def test_when_a_cue_was_already_shown_then_the_name_after_it_is_still_caught(scrubber):
    stream = _stream(scrubber)
    shown = stream.feed("Please ring my daughter, ")
    assert shown == "Please ring my daughter, "
    rest = stream.feed("Georgia, ") + stream.feed("on Monday.") + stream.flush()
    assert "Georgia" not in rest
    assert rest.startswith("<PERSON_1>")


def test_when_a_name_recurs_then_its_surrogate_number_is_kept(scrubber):
    stream = _stream(scrubber)
    text = "I'm Dr Helen Oakes, and, as Dr Oakes said, Mr Brian Fitch, your GP, rang me."
    out = "".join(stream.feed(ch) for ch in text) + stream.flush()
    assert out == _one_shot(scrubber, text)
    assert "<PERSON_1>" in out and "<PERSON_2>" in out and "Oakes" not in out


@pytest.mark.parametrize("max_hold", [29, 30, 45, 55])  # 29 and 55 split it before
def test_when_a_run_on_passes_max_hold_then_the_forced_cut_splits_no_identifier(scrubber, max_hold):
    stream = StreamScrubber(scrubber, scrubber.new_session(), max_hold=max_hold)
    text = "and then we walked and walked and then I rang 07700 900123 and they came and went"
    shown = [stream.feed(ch) for ch in text]
    assert any(shown), "nothing was released before the end"
    out = "".join(shown) + stream.flush()
    assert "<PHONE_NUMBER_1>" in out and "0770" not in out and "9001" not in out


def test_when_entities_are_reported_then_offsets_refer_to_the_whole_stream(scrubber):
    stream = _stream(scrubber)
    text = "Hello, nice to meet you. Okay, my number is 07700 900123, thanks."
    for ch in text:
        stream.feed(ch)
    stream.flush()
    assert [(e.type, text[e.start : e.end]) for e in stream.entities] == [
        ("PHONE_NUMBER", "07700 900123")
    ]


@pytest.mark.parametrize(
    ("clauses", "shown"),
    [
        (True, "Well, "),
        (False, ""),
    ],
)
def test_when_clause_release_is_switched_off_then_text_waits_for_the_sentence(
    scrubber, clauses, shown
):
    stream = StreamScrubber(scrubber, scrubber.new_session(), clauses=clauses)
    assert stream.feed("Well, it hurts") + stream.feed(" here") == shown


@pytest.mark.parametrize(
    ("text", "cuts"),
    [
        ("a, b; c: d", [3, 6, 9]),
        ("37,5 and 1,000 and 10:30 and https://x.org", []),  # no space after the mark
        ("well, ", [6]),
        ("well,", []),  # the space has not arrived yet
        ("pain - here", [7]),
        ("07700-900123 or 2019-20 ", []),  # a hyphen inside a token is not a dash
        ("(left) side", [7]),
        ('he said "no," then', [14]),
    ],
)
def test_when_marks_are_followed_by_a_space_then_they_end_a_clause(text, cuts):
    assert [cut for _, cut in clause_ends(text)] == cuts
