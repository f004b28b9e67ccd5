"""A semantic escalation head: logistic regression on the MiniLM sentence embedding alone.

The rules escalate wording they were written from; the main classifier escalates only above a
high threshold (its n-grams carry wording too). This head reads meaning only, and was trained
(`python -m safety.devsets.train_escalation`) on crisis and emergency exemplars written by
situation type (a stockpile with a date, goodbye letters, a febrile floppy infant, confusion in a
diabetic...), on benign look-alikes written by type, on everyday patient lines from the
non-emergency personas, and on the dev parts of every source. It runs only after the rules and
the classifier allowed a message, on the embedding the classifier already computed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
from threadpoolctl import ThreadpoolController

from safety.errors import PolicyError
from safety.policy.classifier import check_classes, weights_path

if TYPE_CHECKING:
    from safety.policy.config import EscalationHeadPolicy


@dataclass(frozen=True)
class HeadScores:
    emergency: float
    self_harm: float


class EscalationHead:
    """p(emergency), p(self_harm) from one L2-normalised MiniLM embedding."""

    CLASSES = ("other", "emergency", "self_harm")

    def __init__(
        self,
        coef: np.ndarray,
        intercept: np.ndarray,
        neighbours: np.ndarray | None = None,
        neighbour_escalates: np.ndarray | None = None,
    ) -> None:
        if coef.shape[0] != len(self.CLASSES) or intercept.shape != (len(self.CLASSES),):
            raise PolicyError(
                f"escalation head weights have shape {coef.shape}; expected (3, dim)."
            )
        self.coef, self.intercept = coef, intercept
        self.neighbours = None if neighbours is None else neighbours.astype(np.float32)
        self.neighbour_escalates = neighbour_escalates

    @classmethod
    def load(cls, name_or_path: str = "escalation.npz") -> EscalationHead:
        path = weights_path(name_or_path)
        try:
            with np.load(path) as data:
                check_classes(path, data, cls.CLASSES)
                if "neighbours" in data:
                    return cls(
                        data["coef"],
                        data["intercept"],
                        data["neighbours"],
                        data["neighbour_escalates"],
                    )
                return cls(data["coef"], data["intercept"])
        except (OSError, KeyError, ValueError) as exc:
            raise PolicyError(
                f"{path}: cannot load escalation head weights ({exc}). "
                "Rebuild them with `python -m safety.devsets.train_escalation`."
            ) from None

    def score(self, embedding: np.ndarray) -> HeadScores:
        z = embedding @ self.coef.T + self.intercept
        p = np.exp(z - z.max())
        p /= p.sum()
        return HeadScores(float(p[1]), float(p[2]))

    def escalating_neighbours(self, embedding: np.ndarray, k: int) -> int | None:
        """How many of the `k` training rows nearest to the message (cosine) are escalations;
        None when the weights carry no training embeddings."""
        if self.neighbours is None or self.neighbour_escalates is None:
            return None
        with _blas().limit(limits=1, user_api="blas"):
            sims = self.neighbours @ embedding
        nearest = np.argpartition(-sims, k)[:k]
        return int(self.neighbour_escalates[nearest].sum())

    def decide(
        self,
        text: str,
        embedding: np.ndarray,
        cfg: EscalationHeadPolicy,
        denial: re.Pattern[str] | None,
    ) -> tuple[str, float] | None:
        """The category the head escalates `text` to, with its probability: None after a denial
        cue, without agreement from the nearest training rows, or below both thresholds. The
        filter and the leave-one-source-out scoring both decide here."""
        if denial is not None and denial.search(text):
            return None
        if cfg.min_escalating_neighbours:
            near = self.escalating_neighbours(embedding, cfg.neighbours)
            if near is not None and near < cfg.min_escalating_neighbours:
                return None
        h = self.score(embedding)
        if h.self_harm >= cfg.self_harm_threshold:
            return "self_harm", h.self_harm
        if h.emergency >= cfg.emergency_threshold:
            return "emergency", h.emergency
        return None


@lru_cache(maxsize=1)
def _blas() -> ThreadpoolController:
    """The BLAS libraries numpy loaded. The 2,601-row product is split over two OpenBLAS
    threads by default; on two shared cores the second thread waits for a time slice, which
    made this 0.1 ms product take 5 ms at the median under load. One thread it is."""
    return ThreadpoolController()


def compile_denials(patterns: list[str]) -> re.Pattern[str] | None:
    """Risk denied or in the past ("I'm not suicidal", "self-harmed as a teenager"), and a
    question put to the other person: the head does not escalate these."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None
