"""The doctor's replies: one question a turn, no parroting, and a history question as fallback."""

from __future__ import annotations

import pytest

from medchat.agents import repair
from medchat.agents.doctor import HISTORY, DoctorAgent
from medchat.models.fake import ScriptedChatModel
from medchat.types import Role, Turn

OPENING = "I've had this awful pain in my chest this morning and it won't go away."


def _turns(*texts: str) -> list[Turn]:
    roles = [Role.DOCTOR, Role.PATIENT] * len(texts)
    return [Turn(role=r, text=t, author="t") for r, t in zip(roles, texts, strict=False)]


def _finish(reply: str, turns: list[Turn], retry: str = "") -> repair.Repaired:
    agent = DoctorAgent(ScriptedChatModel())
    agent.messages(turns)  # as the engine does: the prompt is built before the reply
    return repair.finish(agent, turns, reply, lambda messages: retry)


@pytest.mark.parametrize(
    ("reply", "kept"),
    [
        ("When did it start? Does it spread anywhere?", "When did it start?"),
        ("Thank you. When did it start? And how bad is it?", "Thank you. When did it start?"),
        (
            "So you've had this awful pain in your chest this morning. When did it start?",
            "When did it start?",
        ),
        ("When did it start?", "When did it start?"),
        # a run-on question of three asks or more keeps its first; two linked asks stay
        (
            "Could you tell me when the pain began, how long it lasts, and whether it spreads?",
            "Could you tell me when the pain began?",
        ),
        (
            "Okay. How bad is it, when did it start, and what makes it worse?",
            "Okay. How bad is it?",
        ),
        ("When you cough, what comes up?", "When you cough, what comes up?"),
        ("Where is it, and does it spread?", "Where is it, and does it spread?"),
    ],
)
def test_when_the_doctor_asks_several_things_or_parrots_then_one_question_is_kept(reply, kept):
    result = _finish(reply, _turns("What brings you in?", OPENING))
    assert result.text == kept and result.repairs == 0


def test_when_the_doctor_speaks_as_an_assistant_twice_then_it_asks_the_next_history_question():
    turns = _turns("Hello, what brings you in today?", OPENING, "When did it start?", "At 8.")
    result = _finish("How can I assist you today?", turns, retry="I'm here to help you!")
    assert result.fallback and result.repairs == 1
    assert result.text == next(q for words, q in HISTORY[2:3])  # "where" not asked yet


def test_when_the_retry_is_in_role_then_it_is_kept():
    result = _finish("As an AI, I cannot examine you.", _turns("Hi"), retry="Where is the pain?")
    assert result.text == "Where is the pain?" and not result.fallback


def test_when_a_rejected_doctor_reply_sent_the_patient_to_emergency_care_then_the_advice_stays():
    turns = _turns("What brings you in?", "Crushing chest pain and I'm sweating.")
    reply = "Call 999 now. Call 999 now. Call 999 now."  # a loop, but urgent advice
    result = _finish(reply, turns, retry="Call 999 now. Call 999 now. Call 999 now.")
    assert result.fallback and "emergency" in result.text and "999" in result.text


def test_when_the_doctor_repeats_an_earlier_turn_then_it_is_asked_again_or_moves_on():
    """The self-play loop seen with the default model: the same exam request every turn."""
    turns = _turns("I'd like to examine your stomach.", OPENING)
    retried = _finish("I'd like to examine your stomach!", turns, retry="Where is the pain?")
    assert retried.text == "Where is the pain?" and retried.repairs == 1
    assert [p.kind for p in retried.found] == ["repeat"]
    stuck = _finish(
        "I'd like to examine your stomach.", turns, retry="I'd like to examine your stomach."
    )
    assert stuck.fallback and stuck.text != "I'd like to examine your stomach."
    assert _finish("When did it start?", turns).repairs == 0  # a new question is kept


def test_when_the_doctor_asks_nearly_the_same_question_again_then_it_is_a_repeat():
    """The near-repeats the exact check missed in self-play: the same content words again."""
    turns = _turns("Can you describe the pain?", "It's a heavy weight on my chest.")
    result = _finish("Can you describe the pain, please?", turns, retry="Does it spread?")
    assert [p.kind for p in result.found] == ["repeat"] and result.text == "Does it spread?"
    assert _finish("Thank you.", _turns("Thank you.", "Okay.")).repairs == 0  # asks nothing


def test_when_the_doctor_opens_without_asking_anything_then_it_asks_what_brings_them_in():
    """Seen in self-play: the first line to a patient who has said nothing was "I'd like to
    examine your chest."; once the patient has spoken, an exam request is fine."""
    opened = _finish("I'd like to examine your chest.", [], retry="I'd like to examine you.")
    assert [p.kind for p in opened.found] == ["opening"]
    assert opened.fallback and opened.text == HISTORY[0][1]
    assert _finish("Hello, I'm Dr. Reed. What brings you in?", []).repairs == 0
    later = _finish("I'd like to examine your chest.", _turns("What brings you in?", OPENING))
    assert later.repairs == 0


def test_when_the_doctor_says_the_patients_line_back_then_it_is_a_repeat():
    """Seen in self-play: both sides saying "I'm sorry, but I'm not sure what you're asking."."""
    line = "I'm sorry, but I'm not sure what you're asking."
    result = _finish(line, _turns("What brings you in?", line), retry="When did it start?")
    assert "repeat" in {p.kind for p in result.found} and result.text == "When did it start?"


@pytest.mark.parametrize(
    "reply",
    [
        "Can you tell me about your past history, medications, allergies, family and social "
        "history?",
        "Do you have chest pain with sweating, stroke signs, severe breathing difficulty?",
        "I'd like to examine your chest or let's do an ECG, they will be reported to me.",
        "Is there anything that makes it better or worse?",  # ordinary speech: not flagged
    ],
)
def test_when_the_doctor_recites_what_the_safety_check_would_block_then_the_review_sees_it_first(
    reply,
):
    """The review and the safety layer's prompt-disclosure check agree on every reply: what
    the safety layer would replace with a refusal nobody asked for is regenerated instead."""
    from medchat.agents.doctor import INSTRUCTION_RUN, SYSTEM_PROMPT
    from safety.policy.filter import QUOTE_WORDS, quotes

    assert INSTRUCTION_RUN == QUOTE_WORDS
    agent = DoctorAgent(ScriptedChatModel())
    agent.messages(_turns(OPENING))
    flagged = "reads out its instructions" in {p.detail for p in agent.review(reply)}
    assert flagged == quotes(reply, SYSTEM_PROMPT)
    if flagged:
        result = _finish(reply, _turns("What brings you in?", OPENING), retry="When did it start?")
        assert result.repairs == 1 and result.text == "When did it start?"
