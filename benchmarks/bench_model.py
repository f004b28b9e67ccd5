"""Benchmark the batching layer: concurrent requests batched vs one at a time, same run.

For each model and each concurrency N, the same N patient-role prompts are run
1. one at a time through the engine (each request waits for the previous one), and
2. concurrently, one thread per request, through the same engine, which batches them;
and, at the largest N, 3. as one hand-made `generate` call (the raw-model ceiling).
Prints aggregate generated tokens/s, time to first token, and the ratios.

    python benchmarks/bench_model.py [--models NAME ...] [--concurrency 1 4 8 16]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import threading
import time
from pathlib import Path

from medchat.config import force_hub_offline

force_hub_offline()  # before any Hugging Face import

from medchat.config import Settings
from medchat.models.batching import GenParams
from medchat.models.factory import get_engine

SYSTEM = "You are a patient in a medical consultation. Answer the doctor briefly."
QUESTIONS = [
    "What brings you in today?",
    "When did the pain start?",
    "Can you describe the pain?",
    "Does the pain go anywhere else?",
    "Have you had a fever?",
    "Are you taking any medicines?",
    "Do you have any allergies?",
    "Does anyone in your family have heart problems?",
    "Do you smoke or drink alcohol?",
    "What makes it better or worse?",
    "How bad is it out of ten?",
    "Have you noticed any weight loss?",
    "How is your sleep?",
    "What are you worried it might be?",
    "Have you had anything like this before?",
    "What do you do for work?",
]


def messages(i: int) -> list[dict[str, str]]:
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": QUESTIONS[i]}]


def run_one(engine, i: int, params: GenParams, out: list, lock: threading.Lock) -> None:
    stream = engine.submit(messages(i), params)
    stream.text()
    with lock:
        out.append((stream.n_tokens, stream.time_to_first_token or 0.0))


def sequential(engine, n: int, params: GenParams) -> dict:
    out: list = []
    lock = threading.Lock()
    start = time.perf_counter()
    for i in range(n):
        run_one(engine, i, params, out, lock)
    return summarize(out, time.perf_counter() - start)


def concurrent(engine, n: int, params: GenParams) -> dict:
    out: list = []
    lock = threading.Lock()
    threads = [
        threading.Thread(target=run_one, args=(engine, i, params, out, lock)) for i in range(n)
    ]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return summarize(out, time.perf_counter() - start)


def raw_batch(engine, n: int, max_new_tokens: int) -> dict:
    """One hand-made left-padded fixed-length `generate` over n prompts: the layer's ceiling."""
    import torch

    loaded = engine.loaded
    texts = [
        loaded.tokenizer.apply_chat_template(
            messages(i), add_generation_prompt=True, tokenize=False
        )
        for i in range(n)
    ]
    batch = loaded.tokenizer(texts, return_tensors="pt", padding=True)
    start = time.perf_counter()
    with torch.inference_mode():
        out = loaded.model.generate(
            **batch,
            max_new_tokens=max_new_tokens,
            do_sample=False,
            min_new_tokens=max_new_tokens,
            pad_token_id=loaded.tokenizer.pad_token_id,
            eos_token_id=loaded.eos_token_ids,
        )
    seconds = time.perf_counter() - start
    new = out[:, batch["input_ids"].shape[1] :]
    tokens = int(new.numel())  # min_new_tokens: every row generates exactly max_new_tokens
    return {"tokens": tokens, "seconds": seconds, "tok_s": tokens / seconds}


def summarize(out: list, seconds: float) -> dict:
    tokens = sum(n for n, _ in out)
    ttfts = sorted(t for _, t in out)
    return {
        "tokens": tokens,
        "seconds": round(seconds, 3),
        "tok_s": tokens / seconds,
        "ttft_p50": statistics.median(ttfts),
        "ttft_max": ttfts[-1],
    }


def bench_model(name: str, dtype: str, levels: list[int], new_tokens: int) -> list[dict]:
    settings = Settings(model=name, dtype=dtype, batch_window_ms=8, max_batch_size=16)
    t0 = time.perf_counter()
    engine = get_engine(name, settings)
    print(f"\n## {name} ({dtype}) loaded in {time.perf_counter() - t0:.1f} s")
    engine.submit(messages(0), GenParams(max_new_tokens=4)).text()  # warm-up
    rows = []
    base_n = min(8, max(levels))
    for workload, params in (
        ("fixed", GenParams(max_new_tokens=new_tokens, ignore_eos=True)),
        ("natural", GenParams(max_new_tokens=new_tokens)),
    ):
        seq = sequential(engine, base_n, params)
        how = "EOS ignored" if workload == "fixed" else "replies end at EOS"
        print(f"### {workload} length ({new_tokens} tokens each, {how})")
        print(
            f"one at a time ({base_n} requests): {seq['tok_s']:.1f} tok/s, "
            f"TTFT p50 {seq['ttft_p50']:.2f} s"
        )
        print(f"{'N':>3} {'batched tok/s':>14} {'vs one at a time':>17} {'TTFT p50':>9} ", end="")
        print(f"{'TTFT max':>9}")
        for n in levels if workload == "fixed" else [base_n]:
            bat = concurrent(engine, n, params)
            ratio = bat["tok_s"] / seq["tok_s"]
            rows.append(
                {
                    "model": name,
                    "dtype": dtype,
                    "workload": workload,
                    "n": n,
                    "sequential": seq,
                    "batched": bat,
                    "ratio": ratio,
                    "load_avg_1min": round(os.getloadavg()[0], 2),
                }
            )
            print(
                f"{n:>3} {bat['tok_s']:>14.1f} {ratio:>16.2f}x "
                f"{bat['ttft_p50']:>8.2f}s {bat['ttft_max']:>8.2f}s"
            )
    raw = raw_batch(engine, base_n, new_tokens)
    layer = next(
        r["batched"]["tok_s"] for r in rows if r["workload"] == "fixed" and r["n"] == base_n
    )
    print(
        f"raw hand-made generate, batch of {base_n}, fixed length: {raw['tok_s']:.1f} tok/s; "
        f"through the batching layer: {layer:.1f} tok/s ({layer / raw['tok_s']:.2f} of raw)"
    )
    rows.append({"model": name, "dtype": dtype, "n": base_n, "raw_batch": raw})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--models", nargs="+", default=["qwen2.5-1.5b-instruct", "smollm2-135m-instruct"]
    )
    parser.add_argument("--dtype", default="bfloat16")
    parser.add_argument("--concurrency", nargs="+", type=int, default=[1, 4, 8, 16])
    parser.add_argument("--new-tokens", type=int, default=48)
    parser.add_argument("--json", type=Path, default=Path("benchmarks/results/model.json"))
    args = parser.parse_args()
    import torch

    print(
        f"# bench_model on {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
        f"torch {torch.__version__}, {torch.get_num_threads()} threads, "
        f"{args.new_tokens} new tokens per request, greedy; "
        f"1-min load average before: {os.getloadavg()[0]:.2f}"
    )
    rows = []
    for name in args.models:
        rows += bench_model(name, args.dtype, args.concurrency, args.new_tokens)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(rows, indent=2))
    print(f"\n1-min load average after: {os.getloadavg()[0]:.2f} (other jobs skew the ratios)")
    print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
