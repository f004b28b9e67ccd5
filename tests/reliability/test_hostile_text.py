"""Hostile message text: over-long input is refused with a clear error (never cut silently),
and control characters, invisible characters and other scripts are normalised so they can
neither break a turn nor smuggle an identifier past the scrubber.

Real Redis and the real safety layer; scripted models only where the model is not the subject.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medchat.dialogue import sessions
from medchat.dialogue.engine import _clean
from medchat.dialogue.events import TurnEvent
from medchat.errors import InputTooLongError
from medchat.service.conversation import submit_diagnosis
from medchat.types import Mode, Role
from tests.dialogue.conftest import scripted_wiring

INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=80))
def test_when_any_text_is_cleaned_then_no_invisible_character_survives_and_it_is_stable(text):
    cleaned = _clean(text)
    assert all(c in "\n\t" or unicodedata.category(c) not in INVISIBLE for c in cleaned)
    assert cleaned == cleaned.strip() and _clean(cleaned) == cleaned


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("I have a cough\x00\x07 for three days\r\n", "I have a cough for three days"),
        ("chest\u00a0pain\u2028since\u2029Monday", "chest pain since Monday"),
        ("pa\u200bin in my \u202eknee", "pain in my knee"),
        ("３ days of ｆｅｖｅｒ", "3 days of fever"),
        (
            "Kopfschmerzen seit 3 Tagen; 头痛三天; صداع",
            "Kopfschmerzen seit 3 Tagen; 头痛三天; صداع",
        ),
    ],
)
def test_when_text_has_control_or_compatibility_characters_then_it_is_normalised(raw, expected):
    assert _clean(raw) == expected


# Identifiers disguised the ways a paste or an attacker can: fullwidth forms, zero-width spaces
# inside a name, bidi overrides, no-break spaces, mixed with other scripts.
DISGUISED = [
    ("Call me on ０７７００ ９００４６１ please, I have a cough.", "900461"),
    ("My email is zebedee.q＠example.org and I feel dizzy.", "zebedee"),
    ("I am Zeb\u200bedee Quack\u200benbush, my knee hurts.", "Quackenbush"),
    ("My NHS number is 943\u00a0476\u00a05919, I have a rash.", "5919"),
    ("Меня зовут Zebedee Quackenbush, телефон 07700\u202e900461; кашель три дня.", "900461"),
]


@pytest.mark.parametrize(("text", "canary"), DISGUISED)
def test_when_an_identifier_is_disguised_then_it_is_still_scrubbed_before_storage(
    settings, store, text, canary
):
    conv = sessions.start(scripted_wiring(settings, store), Mode.CONSULT)
    events = list(conv.say(text))
    stored = next(e.turn for e in events if isinstance(e, TurnEvent))
    assert stored.role == Role.PATIENT and "<" in stored.text  # a tag replaced something
    raw = b" ".join(store.r.hvals(f"medchat:s:{conv.meta.id}:turns")).decode()
    assert canary not in stored.text and canary not in raw


def test_when_an_examiner_request_is_too_long_then_it_is_refused_not_cut(settings, store):
    conv = sessions.start(scripted_wiring(settings, store), Mode.PRACTICE, "chest-pain-58m")
    with pytest.raises(InputTooLongError, match="MEDCHAT_MAX_MESSAGE_CHARS"):
        list(conv.examine("ECG " * settings.max_message_chars))
    assert conv.turns() == [] and store.events(conv.meta.id) == []
    list(conv.examine("ECG"))  # the session is still usable
    assert [t.role for t in conv.turns()] == [Role.EXAMINER]


@pytest.mark.parametrize("field", ["leading", "differential"])
def test_when_a_diagnosis_is_too_long_then_it_is_refused_and_the_session_stays_open(
    settings, store, field
):
    conv = sessions.start(scripted_wiring(settings, store), Mode.PRACTICE, "chest-pain-58m")
    long = "angina; " * settings.max_message_chars
    args = {"leading": "angina", "differential": "reflux"} | {field: long}
    with pytest.raises(InputTooLongError, match="MEDCHAT_MAX_MESSAGE_CHARS"):
        submit_diagnosis(conv, **args)
    assert not conv.ended and store.get(conv.meta.id).status != "ended"
    assert submit_diagnosis(conv, "angina", "reflux")["leading diagnosis"] == "angina"


def test_when_a_message_is_exactly_at_the_limit_then_it_is_accepted(settings, store):
    conv = sessions.start(scripted_wiring(settings, store), Mode.CONSULT)
    text = ("cough " * settings.max_message_chars)[: settings.max_message_chars - 1] + "."
    assert len(text) == settings.max_message_chars
    list(conv.say(text))
    assert [t.role for t in conv.turns()] == [Role.PATIENT, Role.DOCTOR]
