"""A small learned layer: logistic regression on MiniLM sentence embeddings plus word n-grams.

The embedding carries meaning ("mock a patient" ~ "belittle a patient"); TF-IDF word 1-2 grams
carry the exact wording of intent that the embedding blurs. Weights are trained by
`python -m safety.devsets.train_classifier` on the dev split only and shipped as
`safety/data/classifier.npz`; inference is plain numpy (no scikit-learn at runtime).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from itertools import pairwise
from pathlib import Path

import numpy as np

from safety.errors import PolicyError

Embedder = Callable[[list[str]], np.ndarray]
_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern


def weights_path(name_or_path: str) -> Path:
    """A weights file given by path, or by name inside the packaged `safety/data`."""
    path = Path(name_or_path)
    if not path.is_absolute() and not path.exists():
        path = Path(str(resources.files("safety.data").joinpath(name_or_path)))
    return path


def check_classes(path: Path, data, expected: tuple[str, ...]) -> None:
    """Weights trained for other classes are a broken safety config, never a silent mismatch."""
    classes = tuple(str(c) for c in data["classes"])
    if classes != expected:
        raise PolicyError(f"{path}: classes {classes}, expected {expected}.")


@dataclass(frozen=True)
class Scores:
    """Class probabilities for one message."""

    allow: float
    emergency: float
    self_harm: float
    block: float

    @property
    def escalate(self) -> float:
        return self.emergency + self.self_harm


class NgramFeatures:
    """Sublinear TF-IDF over lower-cased word 1-2 grams, L2-normalised (as scikit-learn does)."""

    def __init__(self, vocabulary: list[str], idf: np.ndarray) -> None:
        self.index = {term: i for i, term in enumerate(vocabulary)}
        self.idf = idf

    def transform(self, text: str) -> dict[int, float]:
        """Sparse features of one text: {column: weight}."""
        words = _TOKEN.findall(text.lower())
        grams = Counter(words + [f"{a} {b}" for a, b in pairwise(words)])
        row = {
            self.index[g]: (1.0 + math.log(n)) * float(self.idf[self.index[g]])
            for g, n in grams.items()
            if g in self.index
        }
        norm = math.sqrt(sum(v * v for v in row.values())) or 1.0
        return {k: v / norm for k, v in row.items()}


class EmbeddingClassifier:
    """Scores messages as allow / emergency / self_harm / block."""

    CLASSES = ("allow", "emergency", "self_harm", "block")

    def __init__(
        self,
        coef: np.ndarray,
        intercept: np.ndarray,
        ngrams: NgramFeatures | None = None,
        ngram_coef: np.ndarray | None = None,
        embedder: Embedder | None = None,
    ) -> None:
        if coef.shape[0] != len(self.CLASSES) or intercept.shape != (len(self.CLASSES),):
            raise PolicyError(f"classifier weights have shape {coef.shape}; expected (4, dim).")
        self.coef, self.intercept = coef, intercept
        self.ngrams, self.ngram_coef = ngrams, ngram_coef
        self._embedder = embedder

    @classmethod
    def load(cls, name_or_path: str = "classifier.npz", embedder: Embedder | None = None):
        """Load weights by packaged name or path; a missing/broken file is a PolicyError."""
        path = weights_path(name_or_path)
        try:
            with np.load(path) as data:
                check_classes(path, data, cls.CLASSES)
                ngrams = None
                if "vocabulary" in data:
                    ngrams = NgramFeatures([str(t) for t in data["vocabulary"]], data["idf"])
                return cls(
                    data["coef"],
                    data["intercept"],
                    ngrams,
                    data["ngram_coef"] if ngrams else None,
                    embedder,
                )
        except (OSError, KeyError, ValueError) as exc:
            raise PolicyError(
                f"{path}: cannot load classifier weights ({exc}). "
                "Rebuild them with `python -m safety.devsets.train_classifier`."
            ) from None

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            from safety.policy.embeddings import embed

            self._embedder = embed
        return self._embedder

    def logits(self, text: str, embedding: np.ndarray) -> np.ndarray:
        out = embedding @ self.coef.T + self.intercept
        if self.ngrams is not None:
            for col, weight in self.ngrams.transform(text).items():
                out = out + weight * self.ngram_coef[:, col]
        return out

    def score(self, text: str) -> Scores:
        """Probabilities for one message."""
        return self.score_embedding(text, self.embedder([text])[0])

    def score_embedding(self, text: str, embedding: np.ndarray) -> Scores:
        """Probabilities for one message whose embedding is already computed."""
        z = self.logits(text, embedding)
        p = np.exp(z - z.max())
        p /= p.sum()
        return Scores(*map(float, p))
