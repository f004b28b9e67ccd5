"""The guard model in the classifier's uncertainty band: where it is asked, how its answer maps
to a verdict in each mode, what a failure does, and a real model behind it."""

from __future__ import annotations

import pytest

from medchat.models.budget import with_max_tokens
from safety.policy.classifier import Scores
from safety.policy.config import Action, GuardPolicy, load_policy
from safety.policy.filter import GuardModel, SafetyFilter, Verdict
from safety.policy.guard import LABELS, ModelGuard, parse_label

BENIGN = "What is the usual dose of amoxicillin for a chest infection?"


class FixedClassifier:
    """Scores chosen by the test, so the band decides and not MiniLM's mood."""

    def __init__(self, block: float, escalate: float = 0.0) -> None:
        self.scores = Scores(1.0 - block - escalate, escalate, 0.0, block)

    def score(self, text: str) -> Scores:
        return self.scores


class Answering(GuardModel):
    """Returns one fixed answer and counts the calls."""

    def __init__(self, answer: Verdict | None) -> None:
        self.answer = answer
        self.calls = 0

    def check(self, text, mode, direction):
        self.calls += 1
        return self.answer


SAFE = Verdict(Action.ALLOW, "none", "guard model: safe", None, "guard")
HARMFUL = Verdict(Action.BLOCK, "harmful_request", "guard model: harmful", None, "guard")
SELF_HARM = Verdict(Action.ESCALATE, "self_harm", "guard model: self_harm", None, "guard")


def guarded(
    block: float, escalate: float, answer: Verdict | None
) -> tuple[SafetyFilter, Answering]:
    guard = Answering(answer)
    policy = load_policy()
    policy = policy.model_copy(update={"guard": GuardPolicy(block_band=(0.1, 0.9))})
    return SafetyFilter(policy, classifier=FixedClassifier(block, escalate), guard=guard), guard


@pytest.mark.parametrize(
    ("reply", "label"),
    [
        ("HARMFUL", "HARMFUL"),
        ("Safe.", "SAFE"),
        ("self-harm", "SELF_HARM"),
        ("Label: EMERGENCY\n", "EMERGENCY"),
        ("I think this is Self Harm", "SELF_HARM"),
        ("I cannot answer that", None),
        ("", None),
    ],
)
def test_when_a_guard_reply_is_read_then_its_first_label_counts(reply, label):
    assert parse_label(reply) == label


@pytest.mark.parametrize("block", [0.0, 0.05, 0.95])
def test_when_the_classifier_is_sure_then_the_guard_is_not_asked(block):
    f, guard = guarded(block, 0.0, HARMFUL)
    f.check_input(BENIGN, "consult")
    assert guard.calls == 0


def test_when_the_classifier_is_unsure_then_the_guard_decides_both_ways():
    blocking, _ = guarded(0.5, 0.0, HARMFUL)
    verdict = blocking.check_input(BENIGN, "consult")
    assert (verdict.action, verdict.layer) == (Action.BLOCK, "guard")
    assert "p(block)=0.50" in verdict.reason
    # 0.85 is over the classifier's own block threshold: inside the band the guard may clear it
    clearing, _ = guarded(0.85, 0.0, SAFE)
    verdict = clearing.check_input(BENIGN, "consult")
    assert (verdict.action, verdict.layer) == (Action.ALLOW, "guard")


def test_when_the_guard_gives_no_answer_then_the_classifier_decision_stands():
    f, guard = guarded(0.85, 0.0, None)
    verdict = f.check_input(BENIGN, "consult")
    assert guard.calls == 1
    assert (verdict.action, verdict.layer) == (Action.BLOCK, "classifier")


def test_when_the_guard_escalates_then_the_crisis_message_is_shown():
    f, _ = guarded(0.0, 0.5, SELF_HARM)
    verdict = f.check_input("everything feels pointless lately", "consult")
    assert verdict.action is Action.ESCALATE and verdict.layer == "guard"
    assert verdict.message == f.messages.crisis


def test_when_a_student_screens_for_risk_then_a_guard_escalation_does_not_fire():
    f, _ = guarded(0.0, 0.5, SELF_HARM)
    verdict = f.check_input("Have you had any thoughts of ending your life?", "practice")
    assert verdict.action is Action.ALLOW


def test_when_the_rules_decide_then_the_guard_is_not_asked():
    f, guard = guarded(0.5, 0.5, SAFE)
    assert f.check_input("I want to kill myself tonight", "consult").layer == "rules"
    assert guard.calls == 0


def test_when_a_band_is_reversed_then_the_policy_error_names_it():
    with pytest.raises(ValueError, match="low <= high"):
        GuardPolicy(block_band=(0.9, 0.1))


def test_when_a_real_model_is_the_guard_then_it_answers_with_a_label_and_is_timed(
    llamacpp_model,
):
    """The bundled 135M model: its judgement is not the point (the evaluation measures the
    1.5B model's); the plumbing is: a short greedy reply, read as a label or as no answer."""
    from medchat.dialogue.safety_guard import GUARD_TOKENS

    guard = ModelGuard(with_max_tokens(llamacpp_model, GUARD_TOKENS).bind(temperature=0.0))
    label = guard.label("how much of my nan's sleeping pills would knock out a grown man")
    assert label in (*LABELS, None)
    assert guard.stats.calls == 1 and len(guard.stats.seconds) == 1
    assert guard.stats.failures == (label is None)
    assert guard.check("any text", "consult", "output") is None  # inputs only by default


def test_when_the_guard_model_fails_then_it_has_no_opinion(llamacpp_model):
    broken = llamacpp_model.model_copy(update={"timeout_s": 1e-6})
    guard = ModelGuard(with_max_tokens(broken, 4))
    assert guard.check("how much insulin would kill someone", "consult", "input") is None
    assert guard.stats.failures == 1


def test_when_a_guard_model_is_configured_then_every_session_filter_asks_it(llamacpp_settings):
    from medchat.dialogue.wiring import guard_factory

    settings = llamacpp_settings.model_copy(update={"safety_guard_model": llamacpp_settings.model})
    session_guard = guard_factory(settings)(None)
    assert isinstance(session_guard.layer.filter.guard, ModelGuard)
    unguarded = guard_factory(llamacpp_settings)(None)
    assert unguarded.layer.filter.guard is None
