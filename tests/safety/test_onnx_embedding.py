"""The safety check's MiniLM on ONNX Runtime gives torch's numbers (docs/evaluation-safety.md,
"Latency on an AVX2-only CPU"): a faster engine must not move a decision."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from safety.errors import SafetyError
from safety.policy import embed_onnx, embeddings
from tests.safety.embedding_cases import SENTENCES
from tests.safety.embedding_cases import encode_long_way as _encode


@pytest.fixture
def engine(tmp_path):
    """Configure an engine with its own cache directory; back to the default afterwards."""

    def use(name: str, cache_dir=tmp_path) -> None:
        embeddings.configure(name, cache_dir)

    yield use
    embeddings.configure("auto", Path("~/.cache/medchat"))


@pytest.fixture(scope="module")
def onnx_cache(tmp_path_factory) -> Path:
    """One cache directory for the comparisons with torch: the first of them exports the
    weights and the others open a session over that file, as every process after the first
    does (each used to export again into its own tmp_path, a torch.onnx.export per case). The
    export itself and its reuse are checked apart, on a cache of their own, below."""
    return tmp_path_factory.mktemp("onnx-cache")


@pytest.mark.parametrize("text", SENTENCES)
def test_when_one_text_embedded_on_onnx_then_within_2e_6_of_torch(engine, onnx_cache, text):
    engine("onnx", onnx_cache)
    vector = embeddings.embed([text])
    assert embeddings.engine_in_use() == "onnx"
    assert vector.dtype == np.float32 and vector.shape == (1, 384)
    assert np.abs(vector - _encode(text)).max() < 2e-6


def test_when_exported_once_then_the_next_load_reuses_the_file(engine, tmp_path):
    engine("onnx")
    embeddings.embed(["first message"])
    path = embed_onnx.onnx_path(tmp_path)
    stamp = path.stat().st_mtime_ns
    engine("onnx")  # a new session over the cached export
    embeddings.embed(["second message"])
    assert path.stat().st_mtime_ns == stamp
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temp file left


def test_when_the_export_cannot_be_written_then_auto_falls_back_to_torch(engine, tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache directory should be")
    engine("auto", blocker)
    assert embeddings.engine_in_use() == "torch"
    text = SENTENCES[1]
    assert np.array_equal(embeddings.embed([text]), _encode(text))


def test_when_onnx_is_required_and_cannot_load_then_a_clear_error(engine, tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    engine("onnx", blocker)
    with pytest.raises(SafetyError, match="MEDCHAT_SAFETY_EMBED_ENGINE=torch"):
        embeddings.embed(["hello"])


def test_when_an_unknown_engine_is_named_then_rejected():
    with pytest.raises(ValueError, match="expected one of"):
        embeddings.configure("tensorrt")


def test_when_several_texts_embedded_then_torch_batches_them_as_before(engine):
    engine("onnx")
    rows = embeddings.embed(SENTENCES[:3])
    assert np.allclose(rows, np.vstack([_encode(t) for t in SENTENCES[:3]]), atol=1e-6)
