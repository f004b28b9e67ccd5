"""Benchmark the whole safety check (scrub + input check) with MiniLM on torch and on ONNX
Runtime, side by side in one run, on the same messages.

The messages are the 570 of the PII and safety test splits that `python -m medchat eval safety`
times. The two engines alternate in rounds (torch, onnx, torch, onnx, ...), each round one pass
over every message in one process, so a change in the machine's load hits both. Printed per
engine: p50 / p95 of the whole check and of the embedding alone, then the ratios, with the CPU.
Speed is measured here, never asserted in tests (docs/benchmarks.md).

    python benchmarks/bench_safety.py [--rounds 3] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from medchat.config import Settings
from medchat.models.cpu import describe
from safety.evaluation import load_devset
from safety.metrics import percentile
from safety.pii.scrubber import Scrubber
from safety.policy import embeddings
from safety.policy.filter import SafetyFilter

ENGINES = ("torch", "onnx")


def one_pass(scrubber: Scrubber, safety_filter: SafetyFilter, texts: list[str]) -> dict:
    """Wall time per message of the whole check and of the embedding alone (ms)."""
    whole, embed = [], []
    for text in texts:
        t0 = time.perf_counter()
        scrubbed = scrubber.scrub(text, scrubber.new_session()).text
        safety_filter.check_input(scrubbed, "consult")
        whole.append((time.perf_counter() - t0) * 1000)
        t1 = time.perf_counter()
        embeddings.embed([scrubbed])
        embed.append((time.perf_counter() - t1) * 1000)
    return {"whole": whole, "embed": embed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="passes per engine, alternating")
    parser.add_argument("--json", type=Path, default=Path("benchmarks/results/safety.json"))
    args = parser.parse_args()
    texts = [r["text"] for r in load_devset("pii_test") + load_devset("safety_test")]
    scrubber, safety_filter = Scrubber(), SafetyFilter()
    cache = Settings().cache_dir
    times: dict[str, dict[str, list[float]]] = {e: {"whole": [], "embed": []} for e in ENGINES}
    load = [os.getloadavg()[0]]
    print(f"# bench_safety: {len(texts)} messages x {args.rounds} rounds per engine")
    print(f"# {os.cpu_count()} CPUs: {describe()}")
    for _ in range(args.rounds):
        for engine in ENGINES:
            embeddings.configure(engine, cache)
            one_pass(scrubber, safety_filter, texts[:5])  # warm-up (and the export, once)
            for key, values in one_pass(scrubber, safety_filter, texts).items():
                times[engine][key].extend(values)
    load.append(os.getloadavg()[0])
    rows = {
        engine: {
            f"{key}_{p}": round(percentile(values, p), 2)
            for key, values in measured.items()
            for p in (50, 95)
        }
        for engine, measured in times.items()
    }
    print(
        f"\n{'engine':<8} {'whole p50':>10} {'whole p95':>10} {'embed p50':>10} {'embed p95':>10}"
    )
    for engine, r in rows.items():
        print(
            f"{engine:<8} {r['whole_50']:>8.1f}ms {r['whole_95']:>8.1f}ms "
            f"{r['embed_50']:>8.1f}ms {r['embed_95']:>8.1f}ms"
        )
    for key in ("whole_50", "whole_95", "embed_50", "embed_95"):
        print(
            f"torch / onnx, {key.replace('_', ' p')}: {rows['torch'][key] / rows['onnx'][key]:.2f}x"
        )
    print(f"1-minute load average: {load[0]:.2f} at the start, {load[1]:.2f} at the end")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    report = {"cpu": describe(), "messages": len(texts), "rounds": args.rounds, "load": load}
    args.json.write_text(json.dumps({**report, "engines": rows}, indent=2))
    print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
