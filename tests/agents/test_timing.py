"""Time spans a patient states, checked against its case's (medchat.clinical.timing)."""

from __future__ import annotations

import pytest

from medchat.batch.gates import failures
from medchat.clinical.timing import invented_timing, spans
from medchat.personas.loader import get_persona

CASE = (
    "My knee swelled up two days ago after football. It's been stiff since yesterday. "
    "I had a sprain on the other side about ten years ago."
)


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("It started two days ago.", [48]),
        ("For a couple of weeks now, and worse since last night.", [336, 12]),
        ("About 3 hours.", [3]),
        # frequencies, references and ages are not spans
        ("I take it twice a day, three times a week at most.", []),
        ("I'm on my feet all day and I'm 58 years old.", []),
        ("The other day I was fine. Every week it's the same.", []),
        ("I'm taking them four days a week.", []),
    ],
)
def test_when_a_sentence_states_how_long_then_its_span_is_read_in_hours(text, hours):
    assert [h for _, h in spans(text)] == pytest.approx(hours)


@pytest.mark.parametrize(
    ("reply", "invented"),
    [
        ("It came up a couple of days ago.", False),  # the case's two days, other words
        ("Since yesterday it's been stiff.", False),
        ("It's been swollen for about three weeks.", True),
        ("I first hurt it a month ago.", True),
        ("How long will it take to settle, a week?", False),  # a question states nothing
        ("I play twice a week.", False),
        ("No, I haven't had a temperature in the last month.", False),  # the doctor's window
    ],
)
def test_when_a_reply_states_a_span_the_case_does_not_have_then_it_is_invented(reply, invented):
    assert (invented_timing(reply, CASE) is not None) is invented


def test_when_the_case_names_a_day_of_the_week_then_it_reads_as_within_the_last_eight_days():
    case = "It started on Tuesday evening and has been there since."
    assert invented_timing("It's been a few days now.", case) is None
    assert invented_timing("It's been about a month.", case) is not None


def test_when_the_case_words_its_timing_in_a_way_not_read_then_the_check_stands_aside():
    case = "I've had these headaches since I was at school, worse since Christmas."
    assert invented_timing("It's been about a month.", case) is None


def _record(patient_says: str) -> dict:
    messages = [
        ("doctor", "Hello, what brings you in today?"),
        ("patient", "I've got this terrible pain in my side."),
        ("doctor", "When did it start?"),
        ("patient", patient_says),
        ("doctor", "SUMMARY: loin pain."),
    ]
    return {
        "messages": [{"role": r, "content": c} for r, c in messages],
        "metadata": {"errors": [], "turns": [{} for _ in messages]},
    }


def test_when_a_stored_dialogue_gives_an_onset_its_case_lacks_then_the_gate_rejects_it():
    persona = get_persona("loin-pain-41m")  # its case: about three hours ago
    assert "invented_timing" not in " ".join(failures(_record("About three hours ago."), persona))
    found = failures(_record("It's been coming and going for about two weeks."), persona)
    assert any(f.startswith("invented_timing:two weeks") for f in found)
