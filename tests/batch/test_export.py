"""Export rows a trainer reads as they are: findings as tool results, the close last; and the
record `run_dialogue` stores carries the turn meta the gates read."""

from __future__ import annotations

import json

import pytest

from medchat.batch.formats import export_parquet, get_format, to_openai, to_sharegpt

CLOSE = (
    "SUMMARY: Two hours of central chest pain going to the left arm.\n"
    "DIFFERENTIAL: Unstable angina; NSTEMI; Pericarditis\n"
    "LEADING DIAGNOSIS: Unstable angina\n"
    "PLAN: ECG and serial troponin, aspirin 300 mg.\n"
    "SAFETY-NETTING: Call 999 if the pain gets worse."
)


def _record(*turns):
    return {
        "id": "x",
        "persona_id": "chest-pain-58m",
        "variant": 0,
        "metadata": {"specialty": "cardiology"},
        "messages": [{"role": r, "content": c} for r, c in turns],
    }


WITH_EXAM = _record(
    ("doctor", "Hello, what brings you in?"),
    ("patient", "Chest pain."),
    ("doctor", "Let's do an ECG."),
    ("examiner", "ECG: ST depression in V4-V6"),
    ("patient", "Okay."),
    ("doctor", CLOSE),
    ("examiner", "Troponin: 480 ng/L"),  # set off by the close's own "serial troponin"
)


@pytest.mark.parametrize(
    ("fmt", "key", "speakers"),
    [
        (
            "openai",
            "messages",
            ["system", "assistant", "user", "assistant", "tool", "user", "assistant"],
        ),
        (
            "sharegpt",
            "conversations",
            ["system", "gpt", "human", "gpt", "observation", "human", "gpt"],
        ),
    ],
)
def test_when_record_is_converted_then_findings_are_tool_results_and_the_close_is_last(
    fmt, key, speakers
):
    row = get_format(fmt)(WITH_EXAM)
    turns = row[key]
    assert [t.get("role", t.get("from")) for t in turns] == speakers
    texts = [t.get("content", t.get("value")) for t in turns]
    assert texts[-1] == CLOSE
    assert not any(text.startswith("[Examiner]") for text in texts)
    assert "Troponin: 480 ng/L" not in texts
    assert row["id"] == "x" and row["metadata"]["specialty"] == "cardiology"


def test_when_a_doctor_turn_asks_for_an_exam_then_it_calls_the_tool_the_finding_answers():
    messages = to_openai(WITH_EXAM)["messages"]
    asking, finding = messages[3], messages[4]
    [call] = asking["tool_calls"]
    assert asking["content"] == "Let's do an ECG."
    assert call["type"] == "function" and call["function"]["name"] == "examine"
    assert json.loads(call["function"]["arguments"]) == {"what": "ECG"}
    assert finding == {
        "role": "tool",
        "name": "examine",
        "tool_call_id": call["id"],
        "content": "ECG: ST depression in V4-V6",
    }
    assert "tool_calls" not in messages[-1]  # the dropped finding leaves no dangling call
    assert to_openai(WITH_EXAM)["tools"][0]["function"]["name"] == "examine"
    assert json.loads(to_sharegpt(WITH_EXAM)["tools"])[0]["name"] == "examine"


def test_when_two_findings_answer_one_doctor_turn_then_both_are_its_calls():
    record = _record(
        ("doctor", "Let's do an ECG and a chest X-ray."),
        ("examiner", "ECG: sinus rhythm"),
        ("examiner", "Chest X-ray: clear"),
        ("patient", "Fine."),
        ("doctor", CLOSE),
    )
    messages = to_openai(record)["messages"]
    ids = [c["id"] for c in messages[1]["tool_calls"]]
    assert [m.get("tool_call_id") for m in messages[2:4]] == ids and len(set(ids)) == 2


def test_when_a_finding_follows_no_doctor_turn_then_it_is_left_out():
    record = _record(
        ("doctor", "Hello."),
        ("patient", "Hi."),
        ("examiner", "ECG: sinus rhythm"),
        ("doctor", CLOSE),
    )
    assert [m["role"] for m in to_openai(record)["messages"]] == [
        "system",
        "assistant",
        "user",
        "assistant",
    ]


def test_when_rows_with_and_without_tool_calls_go_to_parquet_then_both_read_back(tmp_path):
    import datasets

    plain = _record(("doctor", "Hello."), ("patient", "Hi."), ("doctor", CLOSE))
    jsonl = tmp_path / "d.jsonl"
    jsonl.write_text("".join(json.dumps(to_openai(r)) + "\n" for r in (plain, WITH_EXAM)))
    export_parquet(jsonl, tmp_path / "d.parquet")
    rows = datasets.load_dataset("parquet", data_files=str(tmp_path / "d.parquet"))["train"]
    assert rows[1]["messages"][3]["tool_calls"][0]["function"]["name"] == "examine"
    from_json = datasets.load_dataset("json", data_files=str(jsonl))["train"]
    assert from_json[1]["messages"][4]["role"] == "tool"


def test_when_a_scripted_dialogue_is_run_then_the_record_carries_turn_meta(
    settings, embedded_redis
):
    """Scripted models because the test needs an exam request and a parsed close on cue; the
    engine, store, safety layer, grounding and examiner are the real ones."""
    from medchat.batch.dialogue import run_dialogue
    from medchat.batch.plan import Item
    from medchat.dialogue.sessions import Wiring
    from medchat.dialogue.wiring import guard_factory
    from medchat.models.fake import ScriptedChatModel
    from medchat.store import SessionStore

    embedded_redis.flushdb()
    models = {
        "doctor": ScriptedChatModel(
            script=[
                "Hello, what brings you in today?",
                "Where is the pain?",
                "Let's do an ECG.",
                CLOSE,
            ]
        ),
        "patient": ScriptedChatModel(
            script=[
                "It's right in the middle of my chest, behind the breastbone.",
                "Okay, go ahead.",
            ]
        ),
    }
    wiring = Wiring(
        settings.model_copy(update={"max_turns": 20}),
        SessionStore(embedded_redis, ttl_days=1),
        guard_factory(settings),
        lambda role: models[role.value],
    )
    item = Item(id="t1", persona_id="chest-pain-58m", variant=0, seed=1)
    record = run_dialogue(wiring, item)
    roles = [m["role"] for m in record["messages"]]
    turn_meta = record["metadata"]["turns"]
    assert [t["role"] for t in turn_meta] == roles
    assert "examiner" in roles and roles[-1] == "doctor"
    assert all(isinstance(t["facts"], list) for t in turn_meta if t["role"] == "patient")
    assert any("request" in t for t in turn_meta if t["role"] == "examiner")
    assert record["reject_reason"] is None, record["messages"]
    row = to_openai(record)
    assert row["messages"][-1]["content"] == record["messages"][-1]["content"]
