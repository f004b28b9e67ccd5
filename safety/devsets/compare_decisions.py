"""Side by side, in one run: the filter with the embedding classifier and with the fine-tuned
encoder (`python -m safety.devsets.compare_decisions`).

Rules, modes and intent markers are the packaged policy's; only the `classifier:` section
differs, each kind with the thresholds cross-validation chose for it. Prints escalation, block
and over-refusal per source, the cross-source test pooled with and without fresh round 5, and
`check_input` latency p50/p95 per decider on the same rows.
"""

from __future__ import annotations

import os
import sys
from typing import TextIO

from safety.devsets.safety_eval import _f, _judge, _source_figures
from safety.devsets.safety_sources import sources
from safety.evaluation import machine
from safety.metrics import percentile
from safety.policy.config import Policy, load_policy
from safety.policy.filter import SafetyFilter

EMBEDDING = {
    "kind": "embedding",
    "weights": "classifier.npz",
    "block_threshold": 0.8,
    "block_threshold_with_marker": 0.4,
    "escalate_threshold": 0.95,
}
"""The embedding classifier's section as shipped on 2026-11-24 (docs/evaluation-safety.md)."""
ENCODER = {
    "kind": "encoder",
    "weights": "encoder.npz",
    "block_threshold": 0.9,
    "block_threshold_with_marker": 0.6,
    "escalate_threshold": 0.7,
}
"""The encoder's section: thresholds from `train_encoder --cv` (out-of-fold, dev rows only)."""
FRESH5 = "fresh round 5, held out"


def with_classifier(policy: Policy, section: dict) -> Policy:
    """`policy` with its classifier section replaced by `section` (revalidated)."""
    raw = policy.model_dump(mode="json")
    raw["classifier"] = {**raw["classifier"], **section}
    return Policy.model_validate(raw)


def judge_all(safety_filter: SafetyFilter) -> dict[str, list[tuple[str, str, float]]]:
    """Every source's rows judged by one filter, after one warm-up call."""
    safety_filter.check_input("warm-up", "consult")
    return {label: _judge(safety_filter, rows) for label, rows in sources().items()}


def pooled(judged: dict[str, list], with_fresh5: bool) -> list:
    return [
        x
        for label, rows in judged.items()
        if label.endswith("held out") and (with_fresh5 or label != FRESH5)
        for x in rows
    ]


def main(out: TextIO = sys.stdout) -> dict:
    policy = load_policy()
    deciders = {
        "embedding": SafetyFilter(with_classifier(policy, EMBEDDING)),
        "encoder": SafetyFilter(with_classifier(policy, ENCODER)),
    }
    load_before = os.getloadavg()[0]
    judged = {name: judge_all(f) for name, f in deciders.items()}
    load_after = os.getloadavg()[0]
    labels = list(next(iter(judged.values())))
    table = {
        label: {name: _source_figures(j[label]) for name, j in judged.items()} for label in labels
    }
    n_old = len(pooled(judged["embedding"], False))
    n_all = len(pooled(judged["embedding"], True))
    for key, fresh in (
        (f"cross-source test ({n_old}, without round 5)", False),
        (f"cross-source test ({n_all}, with round 5)", True),
    ):
        table[key] = {name: _source_figures(pooled(j, fresh)) for name, j in judged.items()}
    print(
        "\nEmbedding classifier -> fine-tuned encoder, per source (over-refusal = benign rows "
        "blocked or escalated)\n"
        f"  {'source':<40} rows  escalation     block          over-refusal",
        file=out,
    )
    for label, v in table.items():
        a, b = v["embedding"], v["encoder"]
        cells = [
            f"{_f(a[k])} -> {_f(b[k])}"
            for k in ("escalation_sensitivity", "block_rate", "over_refusal")
        ]
        print(f"  {label:<40} {a['rows']:>4}  " + "  ".join(cells), file=out)
    latency = {}
    for name, j in judged.items():
        ms = [t for rows in j.values() for *_, t in rows]
        latency[name] = {"n": len(ms), "p50": percentile(ms, 50), "p95": percentile(ms, 95)}
        print(
            f"  check_input, {name}: n={len(ms)} p50 {latency[name]['p50']:.1f} ms, "
            f"p95 {latency[name]['p95']:.1f} ms",
            file=out,
        )
    m = machine()
    print(
        f"  {m['cpu']}, {m['cpus']} CPUs, {' '.join(m['avx'])}; 1-min load {load_before:.1f} "
        f"before, {load_after:.1f} after",
        file=out,
    )
    return {"table": table, "latency": latency, "machine": m}


if __name__ == "__main__":
    main()
