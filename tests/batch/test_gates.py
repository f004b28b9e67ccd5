"""Quality gates: the hand-labelled dialogues they were tuned on, the edges of each rule, and the
precision/recall arithmetic. The held-out figures are reported in docs/evaluation.md, not
asserted here (a threshold on them would make them a tuning target)."""

from __future__ import annotations

import pytest

from medchat.batch.gates import failures, gate, reason_class
from medchat.batch.gates_eval import SPLITS, evaluate, load, scores, to_record
from medchat.errors import MedChatError
from medchat.personas.loader import get_persona

TUNED = [item for split in ("tune", "second") for item in load(split)]
KNOWN_MISSES = {
    "t-bad-invented-modifier": "'better when I move or rest' shares one word with each fact it "
    "contradicts; the contradiction gate needs two"
}


def _cases(label: str):
    for item in TUNED:
        if item["label"] != label:
            continue
        marks = ()
        if item["id"] in KNOWN_MISSES:
            marks = pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[item["id"]])
        yield pytest.param(item, id=item["id"], marks=marks)


@pytest.mark.parametrize("item", _cases("reject"))
def test_when_a_labelled_reject_is_gated_then_its_class_is_among_the_failures(item):
    found = failures(to_record(item), get_persona(item["persona_id"]))
    assert item["class"] in {reason_class(r) for r in found}, (item["note"], found)


@pytest.mark.parametrize("item", _cases("accept"))
def test_when_a_labelled_good_dialogue_is_gated_then_it_passes(item):
    assert failures(to_record(item), get_persona(item["persona_id"])) == [], item["note"]


def test_when_the_labelled_sets_load_then_every_class_has_a_tuned_example():
    classes = {item["class"] for item in TUNED if item["class"]}
    gates = {
        "model_error",
        "too_short",
        "empty_turn",
        "diagnosis_leakage",
        "role_break",
        "claimed_diagnosis",
        "denial",
        "contradiction",
        "invented_symptom",
        "invented_timing",
        "repeated_doctor_turn",
        "repeated_patient_turn",
        "self_repetition",
        "closing_loop",
        "multi_question",
    }
    assert gates <= classes
    assert sum(len(load(split)) for split in SPLITS) >= 40


OPEN = [
    ("doctor", "Hello, what brings you in today?"),
    ("patient", "I've had this awful pain in my chest this morning and it won't go away."),
]
CLOSE = ("doctor", "SUMMARY: chest pain.")


def _record(turns, facts=None):
    """Chest-pain dialogue: the opening, `turns`, the close; `facts` = the last patient turn's."""
    messages = [*OPEN, *turns, CLOSE]
    meta = [{} for _ in messages]
    if facts is not None:
        meta[-2] = {"facts": facts}
    return {
        "messages": [{"role": r, "content": c} for r, c in messages],
        "metadata": {"errors": [], "turns": meta},
    }


@pytest.mark.parametrize(
    ("turns", "facts", "reason"),
    [
        # one question mark is one question, two are tolerated, three are a questionnaire
        (
            [("doctor", "And where is it, and does it spread?"), ("patient", "Mid chest.")],
            None,
            None,
        ),
        ([("doctor", "Any sweating? Or sickness?"), ("patient", "A cold sweat.")], None, None),
        (
            [("doctor", "When? Where? How bad?"), ("patient", "This morning.")],
            None,
            "multi_question:3",
        ),
        # a run-on sentence chaining three asks is a questionnaire too
        (
            [
                ("doctor", "Can you describe the pain, when it started, and what helps it?"),
                ("patient", "It's sharp."),
            ],
            None,
            "multi_question:3",
        ),
        # a GP's opener is in role; an assistant's is not
        ([("doctor", "How can I help you today?"), ("patient", "It hurts.")], None, None),
        ([("doctor", "How can I assist you today?"), ("patient", "It hurts.")], None, "role_break"),
        # a patient's worried question is not a clinician's probe
        (
            [("doctor", "Where is it?"), ("patient", "Middle of my chest. Is it serious?")],
            None,
            None,
        ),
        # a no that answers and then says the fact is not a denial
        (
            [("doctor", "Is it sharp?"), ("patient", "No, it's like a heavy weight on my chest.")],
            ["character"],
            None,
        ),
        ([("doctor", "Any sweating?"), ("patient", "No.")], ["sweaty"], "denial:sweaty"),
        # "no other symptoms" denies the case's associated symptoms not said before it
        (
            [
                ("doctor", "Anything else?"),
                ("patient", "I came out in a cold sweat. No other symptoms."),
            ],
            ["sweaty"],
            "denial:breathless",
        ),
        # a negated question asserts nothing
        (
            [("doctor", "Do you smoke?"), ("patient", "You won't stop me smoking, will you?")],
            None,
            None,
        ),
        # "chest pain" is worded in a case saying "pain in my chest"; "fit and well" is a saying
        ([("doctor", "Any pain?"), ("patient", "Yes, chest pain.")], None, None),
        ([("doctor", "Any illnesses?"), ("patient", "I'm fit and well otherwise.")], None, None),
        ([("doctor", "Anything else?"), ("patient", "I've had a rash.")], None, "invented_symptom"),
        # the same stock no to two questions is how people answer; the same sentence is a loop
        (
            [
                ("doctor", "Any hearing problems?"),
                ("patient", "No, I haven't noticed anything like that."),
                ("doctor", "Any rashes?"),
                ("patient", "No, I haven't noticed anything like that."),
            ],
            None,
            None,
        ),
        (
            [("doctor", "When did it start?"), ("patient", "Two hours ago, carrying cement.")] * 2,
            None,
            "repeated_doctor_turn",
        ),
        ([("doctor", "(The patient looks up)"), ("patient", "Okay.")], None, "role_break"),
        # a no that restates the doctor's question answers it; the question said back is a loop
        (
            [
                ("doctor", "Have you been coughing up any blood with this pain lately?"),
                ("patient", "No, I haven't been coughing up any blood with this pain lately."),
            ],
            None,
            None,
        ),
        (
            [
                ("doctor", "Have you been coughing up any blood with this pain lately?"),
                ("patient", "Have you been coughing up any blood with this pain lately?"),
            ],
            None,
            "echoed_turn",
        ),
    ],
)
def test_when_a_rule_meets_its_edge_then_the_gate_says_so(turns, facts, reason):
    found = gate(_record(turns, facts), get_persona("chest-pain-58m"))
    if reason is None or ":" in reason:
        assert found == reason
    else:
        assert found is not None and reason_class(found) == reason


@pytest.mark.parametrize(
    ("tp", "fp", "fn", "expected"),
    [
        (9, 1, 3, (0.9, 0.75)),
        (0, 0, 0, (1.0, 1.0)),
        (0, 2, 0, (0.0, 1.0)),
        (2, 0, 2, (1.0, 0.5)),
    ],
)
def test_when_counts_are_given_then_precision_and_recall_are_as_by_hand(tp, fp, fn, expected):
    assert scores(tp, fp, fn) == pytest.approx(expected)


def test_when_a_split_is_evaluated_then_counts_add_up_to_the_labels():
    items = load("tune")
    result = evaluate(items)
    rejects = sum(item["label"] == "reject" for item in items)
    assert result["tp"] + result["fn"] == rejects
    assert result["fp"] + result["tn"] == len(items) - rejects
    assert (result["precision"], result["recall"]) == scores(
        result["tp"], result["fp"], result["fn"]
    )
    assert sum(c["labelled"] for c in result["per_class"].values()) == rejects


def test_when_the_split_is_unknown_then_the_error_lists_splits():
    with pytest.raises(MedChatError, match="heldout, second, tune"):
        load("dev")
