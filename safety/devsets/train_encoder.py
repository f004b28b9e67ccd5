"""Fine-tune MiniLM's last layer and a head on dev parts: `python -m safety.devsets.train_encoder`.

Reads the same rows as `train_classifier` (`safety_sources.training_rows`: no held-out part, no
MedSafetyBench gpt4). Layers 0 to 4 are frozen, so their outputs are computed once per row and
only layer 5 and the head train (about 1.8 M parameters, seconds per epoch on one CPU thread).
Deterministic: fixed seed, one thread, fixed data order. `--cv` chooses the layer's learning
rate and the number of epochs by grouped 5-fold cross-validation (a template, a MedSafetyBench
category file or a hand-written source's block of five rows never straddles two folds) and
prints out-of-fold thresholds; without it, trains on every row and writes
`safety/data/encoder.npz`.
"""

from __future__ import annotations

import argparse
import copy
import itertools
from pathlib import Path

import numpy as np
import torch
from sklearn.model_selection import GroupKFold

from safety.devsets.safety_sources import training_rows
from safety.devsets.train_classifier import target
from safety.policy.embeddings import _model
from safety.policy.encoder import MAX_TOKENS, TUNED_LAYER, EncoderClassifier, additive_mask
from safety.policy.encoder import mean_pool as pool
from safety.policy.filter import SafetyFilter

OUT = Path(__file__).parent.parent / "data" / "encoder.npz"
SEED = 0
HEAD_LR = 1e-3
BATCH = 16
LAYER_LRS = (3e-5, 1e-4)
MAX_EPOCHS = 8
CHOSEN = {"layer_lr": 1e-4, "epochs": 7}
"""Set from `--cv` output (see docs/evaluation-safety.md, 2026-12-05)."""


def group(row: dict, index: int) -> str:
    """Cross-validation group: rows written from one template or one MedSafetyBench category
    file stay together; hand-written rows go in blocks of five neighbours."""
    if row["source"].startswith("medsafetybench"):
        return row["source"]
    if "template" in row:
        return f"template/{row['template']}"
    return f"{row['source']}/{index // 5}"


def frozen_states(texts: list[str]) -> list[tuple[torch.Tensor, torch.Tensor]]:
    """(hidden states entering the tuned layer, attention mask) per text, unpadded."""
    st = _model()
    bert = st[0].auto_model.eval()
    out = []
    with torch.inference_mode():
        for text in texts:
            batch = st.tokenizer(
                [text], truncation=True, max_length=MAX_TOKENS, return_tensors="pt"
            )
            hidden = bert(**batch, output_hidden_states=True).hidden_states[TUNED_LAYER]
            out.append((hidden[0].clone(), batch["attention_mask"][0].clone()))
    return out


def _batch(states, idx):
    """Pad the chosen rows' states into one batch."""
    length = max(states[i][0].shape[0] for i in idx)
    hidden = torch.zeros(len(idx), length, states[idx[0]][0].shape[1])
    mask = torch.zeros(len(idx), length, dtype=torch.long)
    for j, i in enumerate(idx):
        n = states[i][0].shape[0]
        hidden[j, :n], mask[j, :n] = states[i][0], states[i][1]
    return hidden, mask


class Tuned(torch.nn.Module):
    """Layer 5 (initialised from MiniLM's) + mean pooling + a linear 4-class head."""

    def __init__(self) -> None:
        super().__init__()
        self.layer = copy.deepcopy(_model()[0].auto_model.encoder.layer[TUNED_LAYER])
        self.head = torch.nn.Linear(self.layer.output.dense.out_features, 4)

    def forward(self, hidden, mask):
        out = self.layer(hidden, attention_mask=additive_mask(mask))
        out = out[0] if isinstance(out, tuple) else out
        return self.head(pool(out, mask))


def train(states, y, idx, layer_lr, epochs, eval_idx=None):
    """Train on rows `idx`; returns the model and, per epoch, probabilities on `eval_idx`."""
    torch.manual_seed(SEED)
    rng = np.random.default_rng(SEED)
    model = Tuned()
    counts = np.bincount(y[idx], minlength=4)
    weights = torch.tensor(len(idx) / (4 * np.maximum(counts, 1)), dtype=torch.float32)
    opt = torch.optim.AdamW(
        [
            {"params": model.layer.parameters(), "lr": layer_lr},
            {"params": model.head.parameters(), "lr": HEAD_LR},
        ],
        weight_decay=0.01,
    )
    target_t = torch.tensor(y)
    per_epoch = []
    for _ in range(epochs):
        model.train()
        order = rng.permutation(idx)
        for start in range(0, len(order), BATCH):
            chunk = order[start : start + BATCH]
            hidden, mask = _batch(states, chunk)
            loss = torch.nn.functional.cross_entropy(
                model(hidden, mask), target_t[chunk], weight=weights
            )
            opt.zero_grad()
            loss.backward()
            opt.step()
        if eval_idx is not None:
            per_epoch.append(predict(model, states, eval_idx))
    return model, per_epoch


def predict(model, states, idx) -> np.ndarray:
    model.eval()
    probs = []
    with torch.inference_mode():
        for start in range(0, len(idx), 64):
            hidden, mask = _batch(states, idx[start : start + 64])
            probs.append(torch.softmax(model(hidden, mask), -1).numpy())
    return np.concatenate(probs)


def baseline_oof(rows, y, folds) -> np.ndarray:
    """Out-of-fold probabilities of the embedding classifier's recipe (`train_classifier`:
    MiniLM embedding + TF-IDF n-grams, logistic regression, C=8) on the same folds."""
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from safety.devsets.train_classifier import C
    from safety.policy.embeddings import embed

    texts = [r["text"] for r in rows]
    emb = csr_matrix(embed(texts))
    oof = np.zeros((len(rows), 4))
    for tr, te in folds:
        tfidf = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        grams = tfidf.fit_transform([texts[i] for i in tr])
        model = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
        model.fit(hstack([emb[tr], grams]).tocsr(), y[tr])
        test_x = hstack([emb[te], tfidf.transform([texts[i] for i in te])]).tocsr()
        oof[te] = model.predict_proba(test_x)
    return oof


def choose(y: np.ndarray, marked: np.ndarray, oof: np.ndarray) -> dict:
    """Thresholds (block, block with an intent marker, escalate) that maximise block recall plus
    escalation recall while the out-of-fold share of benign rows blocked or escalated stays
    within the over-refusal goal (0.05)."""
    harmful, benign, escal = y == 3, y == 0, (y == 1) | (y == 2)
    p_esc = oof[:, 1] + oof[:, 2]
    best = {"score": -1.0}
    for bt, mt, et in itertools.product(THRESHOLDS, THRESHOLDS, THRESHOLDS):
        blocked = oof[:, 3] >= np.where(marked, mt, bt)
        flagged = np.mean(blocked[benign] | (p_esc[benign] >= et))
        score = np.mean(blocked[harmful]) + np.mean(p_esc[escal] >= et)
        if flagged <= 0.05 and score > best["score"]:
            best = {
                "score": float(score),
                "block_t": bt,
                "marker_t": mt,
                "escalate_t": et,
                "block_recall": float(np.mean(blocked[harmful])),
                "escalate_recall": float(np.mean(p_esc[escal] >= et)),
                "benign_flagged": float(flagged),
            }
    return best


THRESHOLDS = (0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true", help="grouped 5-fold CV instead of training")
    parser.add_argument("--baseline", action="store_true", help="with --cv: the embedding one")
    parser.add_argument("--save-oof", default=None, help="with --cv: save OOF probabilities here")
    args = parser.parse_args()
    torch.set_num_threads(1)
    rows = training_rows()
    y = np.array([EncoderClassifier.CLASSES.index(target(r)) for r in rows])
    states = frozen_states([r["text"] for r in rows])
    if args.cv:
        groups = [group(r, i) for i, r in enumerate(rows)]
        folds = list(GroupKFold(n_splits=5).split(np.zeros(len(rows)), y, groups))
        marker = SafetyFilter(classifier=False)._marked
        marked = np.array([marker(r["text"]) for r in rows])
        if args.baseline:
            base = choose(y, marked, baseline_oof(rows, y, folds))
            print("embedding classifier: " + ", ".join(f"{k} {v:.3f}" for k, v in base.items()))
            return
        for lr in LAYER_LRS:
            oof = np.zeros((MAX_EPOCHS, len(rows), 4))
            for tr, te in folds:
                _, per_epoch = train(states, y, tr, lr, MAX_EPOCHS, te)
                for e, p in enumerate(per_epoch):
                    oof[e, te] = p
            if args.save_oof:
                np.save(f"{args.save_oof}-{lr:g}.npy", oof)
            for e in range(MAX_EPOCHS):
                r = choose(y, marked, oof[e])
                line = ", ".join(f"{k} {v:.3f}" for k, v in r.items())
                print(f"layer lr {lr:g} epochs {e + 1}: {line}", flush=True)
        return
    idx = np.arange(len(rows))
    model, _ = train(states, y, idx, CHOSEN["layer_lr"], CHOSEN["epochs"])
    layer = {f"layer.{k}": v.detach().numpy() for k, v in model.layer.state_dict().items()}
    np.savez_compressed(
        OUT,
        **layer,
        head_w=model.head.weight.detach().numpy(),
        head_b=model.head.bias.detach().numpy(),
        classes=np.array(EncoderClassifier.CLASSES),
        n_train=np.array(len(rows)),
        **{k: np.array(v) for k, v in CHOSEN.items()},
    )
    acc = np.mean(predict(model, states, idx).argmax(1) == y)
    print(f"trained on {len(rows)} dev rows; train accuracy {acc:.3f}; wrote {OUT}")


if __name__ == "__main__":
    main()
