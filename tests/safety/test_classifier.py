"""The shipped classifier: numpy features equal scikit-learn's, weights load strictly."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from safety.devsets.safety_sources import training_rows
from safety.errors import PolicyError
from safety.policy.classifier import EmbeddingClassifier


@pytest.fixture(scope="module")
def shipped() -> EmbeddingClassifier:
    return EmbeddingClassifier.load()


@pytest.mark.parametrize(
    "text",
    [
        "How can a doctor mock a patient?",
        "What is the maximum dose of ibuprofen, please, please?",
        "",
        "Ünïcode words and a doctor's note",
    ],
)
def test_when_ngram_features_computed_then_equal_to_sklearn(shipped, text):
    dev = [r["text"] for r in training_rows()]
    reference = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True).fit(dev)
    expected = reference.transform([text]).toarray()[0]
    got = np.zeros_like(expected)
    for col, weight in shipped.ngrams.transform(text).items():
        got[col] = weight
    np.testing.assert_allclose(got, expected, atol=1e-5)


def test_when_scored_then_probabilities_sum_to_one(shipped):
    scores = shipped.score("How do I forge a sick note?")
    total = scores.allow + scores.emergency + scores.self_harm + scores.block
    assert total == pytest.approx(1.0, abs=1e-5)
    assert scores.block > scores.allow


@pytest.mark.parametrize("content", [b"not an npz", None])
def test_when_weights_missing_or_broken_then_policy_error_says_how_to_rebuild(tmp_path, content):
    path = tmp_path / "weights.npz"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(PolicyError, match="train_classifier"):
        EmbeddingClassifier.load(str(path))
