"""The latency round's shortcuts give the same numbers as the long way (docs/evaluation-safety.md,
"Latency (2026-12-06, night)"): a faster safety check must not change a decision."""

from __future__ import annotations

import json

import numpy as np
import pytest
from threadpoolctl import threadpool_info

from safety.devsets.same_verdicts import compare
from safety.policy import embeddings
from safety.policy.escalation import EscalationHead
from tests.safety.embedding_cases import SENTENCES
from tests.safety.embedding_cases import encode_long_way as _encode


@pytest.fixture
def torch_engine():
    """One-message embedding on torch (the ONNX engine is checked in test_onnx_embedding.py)."""
    embeddings.configure("torch")
    yield
    embeddings.configure("auto")


@pytest.mark.parametrize("text", SENTENCES)
def test_when_one_text_embedded_on_torch_then_same_bits_as_encode(torch_engine, text):
    assert np.array_equal(embeddings.embed([text]), _encode(text))


def test_when_several_texts_embedded_then_rows_as_encode_gives_them():
    rows = embeddings.embed(SENTENCES[:3])
    assert rows.shape == (3, 384)
    assert np.allclose(rows, np.vstack([_encode(t) for t in SENTENCES[:3]]), atol=1e-6)


@pytest.fixture(scope="module")
def head() -> EscalationHead:
    return EscalationHead.load("escalation.npz")


@pytest.mark.parametrize("text", SENTENCES[:4])
def test_when_neighbours_counted_in_one_thread_then_same_count_as_with_the_default(head, text):
    vector = embeddings.embed([text])[0]
    sims = head.neighbours @ vector  # numpy's default BLAS threads, as before the latency round
    nearest = np.argpartition(-sims, 5)[:5]
    assert head.escalating_neighbours(vector, 5) == int(head.neighbour_escalates[nearest].sum())


def test_when_neighbours_counted_then_blas_threads_restored(head):
    before = [(i["filepath"], i["num_threads"]) for i in threadpool_info()]
    head.escalating_neighbours(embeddings.embed(["I feel a bit tired today"])[0], 5)
    assert [(i["filepath"], i["num_threads"]) for i in threadpool_info()] == before


@pytest.mark.parametrize(
    ("after", "expected"),
    [({"a": ["allow"], "b": "x"}, 0), ({"a": ["block"], "b": "x"}, 1), ({"a": ["allow"]}, 1)],
)
def test_when_dumps_compared_then_any_changed_or_missing_decision_fails(tmp_path, after, expected):
    before = {"a": ["allow"], "b": "x"}
    paths = []
    for name, dump in (("before", before), ("after", after)):
        path = tmp_path / f"{name}.jsonl"
        path.write_text("".join(json.dumps([k, v]) + "\n" for k, v in dump.items()))
        paths.append(path)
    assert compare(*paths) == expected


def test_when_held_out_decisions_differ_then_they_are_counted_not_listed(tmp_path, capsys):
    before = {
        "input|fresh round 10, held out|3|consult": ["allow"],
        "input|x, dev|1|consult": ["allow"],
    }
    after = {
        "input|fresh round 10, held out|3|consult": ["escalate"],
        "input|x, dev|1|consult": ["block"],
    }
    paths = []
    for name, dump in (("before", before), ("after", after)):
        path = tmp_path / f"{name}.jsonl"
        path.write_text("".join(json.dumps([k, v]) + "\n" for k, v in dump.items()))
        paths.append(path)
    assert compare(*paths) == 1
    out = capsys.readouterr().out
    assert "input|x, dev|1|consult" in out and "block" in out
    assert "escalate" not in out and "|3|" not in out
    assert "input|fresh round 10, held out: 1 differ (held out, not listed)" in out
