"""An encoder wrapper that remembers vectors and encodes what it lacks in one batch.

The grounding and examiner embed one sentence per call, which is right for a live patient turn
but makes scoring a transcript (a hundred short texts) cost a hundred model calls. The scorer
`prime`s the cache with every text of a transcript in one batched call first; the per-sentence
calls that follow are dictionary look-ups. Vectors are the unit vectors `embed` asks for.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

import numpy as np

from medchat.clinical.encoder import Encoder


class CachedEncoder:
    """Satisfies `grounding.Encoder`; keeps at most `size` vectors (least recently used go)."""

    def __init__(self, encoder: Encoder, size: int = 50_000):
        self.encoder = encoder
        self.size = size
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()

    def prime(self, texts: Iterable[str]) -> None:
        """Encode, in one batch, every text not cached yet."""
        missing = [t for t in dict.fromkeys(texts) if t not in self._vectors]
        if missing:
            vectors = self.encoder.encode(missing, normalize_embeddings=True, batch_size=64)
            for text, vector in zip(missing, np.asarray(vectors), strict=True):
                self._vectors[text] = vector
            while len(self._vectors) > self.size:
                self._vectors.popitem(last=False)

    def encode(self, sentences: list[str], **kwargs: Any) -> np.ndarray:
        if kwargs.get("normalize_embeddings") is not True:
            return np.asarray(self.encoder.encode(sentences, **kwargs))
        self.prime(sentences)
        for text in sentences:
            self._vectors.move_to_end(text)
        return np.stack([self._vectors[t] for t in sentences])
