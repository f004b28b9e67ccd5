"""The batching layer, on the real bundled 135M model in fp32.

Greedy outputs must be identical batched and one at a time (fp32 makes that exact; bf16 rounding
does not), each caller must get its own stream, and per-row limits must hold inside one batch.
"""

from __future__ import annotations

import threading

import pytest

from medchat.errors import ModelError, ModelTimeoutError
from medchat.models.batching import GenParams

QUESTIONS = [
    "I have had a headache for three days.",
    "My chest feels tight when I climb stairs.",
    "I keep feeling dizzy in the mornings.",
    "I have a dry cough that will not go away.",
    "My left knee is swollen and warm.",
    "There is an itchy rash on my arms.",
]


def chat(question: str) -> list[dict[str, str]]:
    return [
        {"role": "system", "content": "You are a doctor. Ask one short question."},
        {"role": "user", "content": question},
    ]


def submit_together(engine, items):
    """Submit all requests before reading any, so the engine can batch them."""
    return [engine.submit(chat(q), params) for q, params in items]


def test_when_requests_arrive_together_then_outputs_equal_one_at_a_time(small_engine):
    params = GenParams(max_new_tokens=16)
    sequential = [small_engine.submit(chat(q), params).text() for q in QUESTIONS]
    before = len(small_engine.batch_sizes)
    streams = submit_together(small_engine, [(q, params) for q in QUESTIONS])
    batched = [s.text() for s in streams]
    assert batched == sequential
    assert all(text.strip() for text in batched)
    assert max(list(small_engine.batch_sizes)[before:]) > 1, "requests were not batched"


def test_when_rows_have_different_budgets_then_each_stops_at_its_own(small_engine):
    budgets = [4, 12, 8]
    streams = submit_together(
        small_engine,
        [(q, GenParams(max_new_tokens=b)) for q, b in zip(QUESTIONS, budgets, strict=False)],
    )
    texts = [s.text() for s in streams]
    for stream, budget in zip(streams, budgets, strict=True):
        assert stream.n_tokens <= budget
        assert stream.finish_reason in {"length", "stop"}
    assert len(set(texts)) == 3


@pytest.mark.parametrize("stop", [".", ",", " the"])
def test_when_stop_string_appears_then_reply_ends_before_it(small_engine, stop):
    free = small_engine.submit(chat(QUESTIONS[0]), GenParams(max_new_tokens=40)).text()
    if stop not in free:
        pytest.skip(f"the model's reply has no {stop!r} to stop at")
    stopped = small_engine.submit(chat(QUESTIONS[0]), GenParams(max_new_tokens=40, stop=(stop,)))
    text = stopped.text()
    assert text == free[: free.index(stop)]
    assert stopped.finish_reason == "stop"


def test_when_streaming_then_text_arrives_in_several_deltas(small_engine):
    deltas = list(small_engine.submit(chat(QUESTIONS[1]), GenParams(max_new_tokens=16)))
    assert len(deltas) > 3
    assert all(isinstance(d, str) and d for d in deltas)


def test_when_caller_cancels_then_others_in_batch_finish(small_engine):
    long = GenParams(max_new_tokens=24)
    a, b = submit_together(small_engine, [(QUESTIONS[2], long), (QUESTIONS[3], long)])
    first = next(iter(a))
    a.cancel()
    rest = "".join(a)
    assert a.finish_reason == "cancelled"
    assert len(first + rest) < len(b.text()) or b.n_tokens > 0
    assert b.finish_reason in {"length", "stop"}


def test_when_request_exceeds_timeout_then_timeout_error_and_engine_still_works(small_engine):
    stream = small_engine.submit(chat(QUESTIONS[4]), GenParams(max_new_tokens=200), timeout_s=0.05)
    with pytest.raises(ModelTimeoutError, match="MEDCHAT_TURN_TIMEOUT_S"):
        stream.text()
    again = small_engine.submit(chat(QUESTIONS[4]), GenParams(max_new_tokens=8)).text()
    assert again.strip()


def test_when_generate_raises_then_every_row_gets_model_error_and_engine_recovers(
    small_engine, monkeypatch
):
    model = small_engine.loaded.model
    real_generate = model.generate
    calls = {"n": 0}

    def failing_generate(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("simulated device failure")
        return real_generate(*args, **kwargs)

    monkeypatch.setattr(model, "generate", failing_generate)
    streams = submit_together(
        small_engine, [(q, GenParams(max_new_tokens=8)) for q in QUESTIONS[:3]]
    )
    for stream in streams:
        with pytest.raises(ModelError, match="simulated device failure"):
            stream.text()
    assert small_engine.submit(chat(QUESTIONS[0]), GenParams(max_new_tokens=8)).text().strip()


def test_when_many_threads_stream_at_once_then_each_gets_its_own_reply(small_engine):
    params = GenParams(max_new_tokens=12)
    expected = {q: small_engine.submit(chat(q), params).text() for q in QUESTIONS[:4]}
    results: dict[str, str] = {}

    def worker(q: str) -> None:
        results[q] = "".join(small_engine.submit(chat(q), params))

    threads = [threading.Thread(target=worker, args=(q,)) for q in QUESTIONS[:4]]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert results == expected


def test_when_eos_is_ignored_then_every_row_generates_its_full_budget(small_engine):
    streams = submit_together(
        small_engine, [(q, GenParams(max_new_tokens=10, ignore_eos=True)) for q in QUESTIONS[:3]]
    )
    for stream in streams:
        stream.text()
        assert stream.n_tokens == 10 and stream.finish_reason == "length"
