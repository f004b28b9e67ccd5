"""Communication features: each rule is shown a sentence that earns it and one that must not."""

from __future__ import annotations

import pytest

from medchat.evaluation.communication import assess, is_open


@pytest.mark.parametrize(
    ("sentence", "feature", "expected"),
    [
        ("Hello, my name is Dr Shah, one of the GPs.", "introduction", True),
        ("Hi, I'm Priya, a third-year medical student.", "introduction", True),
        ("Good morning, I'm <PERSON_1>.", "introduction", True),
        ("I'm worried about your breathing.", "introduction", False),
        ("Can you confirm your full name and date of birth?", "identity", True),
        ("What is your main worry?", "identity", False),
        ("Is it okay if I ask you some questions?", "consent", True),
        ("Would you like a chaperone?", "consent", True),
        ("Do you smoke?", "consent", False),
        ("That sounds really frightening.", "empathy", True),
        ("I'm sorry to hear that.", "empathy", True),
        ("Thank you for telling me, I know it's not easy.", "empathy", True),
        ("Does it hurt when you breathe?", "empathy", False),
        ("So just to summarise, you've had pain for two days.", "summaries", True),
        ("If I've understood correctly, the pain started yesterday.", "summaries", True),
        ("When did it start?", "summaries", False),
        ("Does that make sense?", "understanding_checked", True),
        ("Do you have any questions for me?", "understanding_checked", True),
        ("Do you get chest pain?", "understanding_checked", False),
        ("Have you had any dyspnoea or haemoptysis?", "jargon", True),
        ("Have you been short of breath or coughed up blood?", "jargon", False),
        ("What do you think is causing it?", "ideas", True),
        ("Is anything worrying you?", "concerns", True),
        ("What were you hoping we could do today?", "expectations", True),
        ("Where is the pain?", "ideas", False),
    ],
)
def test_when_a_sentence_is_said_then_its_feature_is_marked(sentence, feature, expected):
    assert bool(getattr(assess([sentence]), feature)) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("What brings you in today?", True),
        ("Tell me more about the pain.", True),
        ("How has this affected your work?", True),
        ("Can you describe the pain?", True),
        ("Do you smoke?", False),
        ("Is the pain sharp?", False),
        ("Any allergies?", False),
        ("How long has it been going on?", False),
    ],
)
def test_when_a_question_is_asked_then_it_is_open_or_closed(sentence, expected):
    assert is_open(sentence.lower()) is expected


def test_when_questions_are_counted_then_ratio_and_score_follow():
    c = assess(["What brings you in?", "Do you smoke?", "Any allergies?", "Tell me more."])
    assert (c.open_questions, c.closed_questions) == (2, 2)
    assert c.open_ratio == 0.5
    assert 0 < c.score() < 100


@pytest.mark.parametrize(
    ("turns", "expected"),
    [
        ([], 12.5),  # only "no jargon" earned
        (
            [
                "Hello, I'm Dr Shah. Is it okay if we talk?",
                "What brings you in?",
                "That sounds hard. What do you think it is? What worries you?",
                "What are you hoping for today?",
                "So to summarise, two days of pain. Does that make sense?",
            ],
            100.0,
        ),
    ],
)
def test_when_marks_are_all_missed_or_all_earned_then_score_is_at_the_ends(turns, expected):
    assert assess(turns).score() == pytest.approx(expected)
