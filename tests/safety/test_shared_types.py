"""MedChat and its safety layer share one `Mode` and one `Verdict` (declared in `safety.types`)."""

from __future__ import annotations

import pytest

from safety.policy.filter import OutputContext, SafetyFilter
from safety.types import Action, Mode, Verdict


def test_when_medchat_names_mode_and_verdict_then_they_are_the_safety_classes():
    from medchat.dialogue.guard import Verdict as DialogueVerdict
    from medchat.types import Mode as SessionMode

    assert (SessionMode, DialogueVerdict) == (Mode, Verdict)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (Verdict("block"), Verdict(Action.BLOCK, "none", "", "")),
        (Verdict(Action.ALLOW, message=None), Verdict(Action.ALLOW)),
    ],
)
def test_when_a_verdict_is_built_from_names_then_it_equals_the_typed_one(given, expected):
    assert given == expected and given.action is expected.action


def test_when_a_verdict_is_stored_then_its_record_keeps_the_message():
    verdict = Verdict(Action.ESCALATE, "emergency", "rule r1", "Call 999 now.", "rules")
    assert verdict.as_dict() == {
        "action": "escalate",
        "category": "emergency",
        "reason": "rule r1",
        "message": "Call 999 now.",
    }


@pytest.mark.parametrize(
    ("mode", "policy_mode"),
    [
        (Mode.CONSULT, Mode.CONSULT),
        (Mode.PRACTICE, Mode.PRACTICE),
        (Mode.SELFPLAY, Mode.SELFPLAY),
        (Mode.AUTOPLAY, Mode.SELFPLAY),
    ],
)
def test_when_a_mode_is_checked_then_autoplay_uses_the_selfplay_policy(mode, policy_mode):
    assert mode.policy_mode is policy_mode


def test_when_an_autoplay_patient_names_its_diagnosis_then_it_is_checked_as_selfplay():
    context = OutputContext(speaker="patient", hidden_diagnosis="appendicitis")
    verdict = SafetyFilter(classifier=False).check_output(
        "Is it appendicitis?", "autoplay", context
    )
    assert (verdict.action, verdict.category) == (Action.BLOCK, "diagnosis_leakage")
