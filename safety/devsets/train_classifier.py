"""Train the classifier on dev parts only: `python -m safety.devsets.train_classifier`.

Deterministic (lbfgs, fixed data order); writes `safety/data/classifier.npz`. It reads the
template and avey dev rows, the MedSafetyBench requests of the training generator (llama2), and
the dev halves of the natural and look-alike sources (`safety_sources.training_rows`); no
held-out part is read. C and the thresholds in policy.yaml were chosen by template-grouped
5-fold cross-validation on the template dev split.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from safety.devsets.safety_sources import training_rows
from safety.policy.classifier import EmbeddingClassifier
from safety.policy.embeddings import embed

HERE = Path(__file__).parent
OUT = HERE.parent / "data" / "classifier.npz"
C = 8.0


def target(row: dict) -> str:
    """The classifier's class for a dev row: escalations split into emergency and self-harm."""
    return row["category"] if row["label"] == "escalate" else row["label"]


def main() -> None:
    rows = training_rows()
    texts = [r["text"] for r in rows]
    emb = embed(texts)
    tfidf = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    grams = tfidf.fit_transform(texts)
    x = hstack([csr_matrix(emb), grams]).tocsr()
    y = np.array([EmbeddingClassifier.CLASSES.index(target(r)) for r in rows])
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
    model.fit(x, y)
    dim = emb.shape[1]
    vocabulary = sorted(tfidf.vocabulary_, key=tfidf.vocabulary_.get)
    np.savez_compressed(
        OUT,
        coef=model.coef_[:, :dim].astype(np.float32),
        ngram_coef=model.coef_[:, dim:].astype(np.float32),
        intercept=model.intercept_.astype(np.float32),
        vocabulary=np.array(vocabulary),
        idf=tfidf.idf_.astype(np.float32),
        classes=np.array(EmbeddingClassifier.CLASSES),
        C=np.array(C),
        n_train=np.array(len(rows)),
    )
    print(
        f"trained on {len(rows)} dev rows ({len(vocabulary)} n-grams); "
        f"train accuracy {model.score(x, y):.3f}; wrote {OUT}"
    )


if __name__ == "__main__":
    main()
