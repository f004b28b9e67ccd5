"""MiniLM loads once per process: fact grounding and the safety classifier share the instance."""

from __future__ import annotations

import numpy as np

from medchat.clinical.encoder import embed, get_encoder
from safety.policy import embeddings


def test_when_grounding_and_the_safety_classifier_embed_then_one_model_serves_both():
    safety_vector = embeddings.embed(["Any fever or chills?"])[0]
    grounding_vector = embed(get_encoder(), ["Any fever or chills?"])[0]
    assert get_encoder() is embeddings.shared_encoder()
    assert embeddings._model.cache_info().currsize == 1
    np.testing.assert_allclose(safety_vector, grounding_vector, atol=1e-5)
