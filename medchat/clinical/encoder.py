"""The sentence encoder every clinical check shares: MiniLM vectors for texts.

Fact selection, conveyance, the examiner and the OSCE scorer all compare texts by cosine
similarity of the same embeddings, so one model and one `embed` keep their thresholds comparable
(and the model is loaded once per process, by `safety.policy.embeddings`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np


class Encoder(Protocol):
    """What we need of a sentence-transformers model: unit-length vectors for texts."""

    def encode(self, sentences: list[str], **kwargs) -> np.ndarray: ...


def get_encoder() -> Encoder:
    """The offline MiniLM model, the same instance the safety classifier uses (one load, ~4 s,
    per process: `safety.policy.embeddings` is its only loader)."""
    from safety.policy.embeddings import shared_encoder

    return shared_encoder()


def embed(encoder: Encoder, texts: Sequence[str]) -> np.ndarray:
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    return np.asarray(encoder.encode(list(texts), normalize_embeddings=True, batch_size=64))
