"""Benchmark the CPU engines side by side, in one run, on the same requests.

Engines: transformers (today's in-process engine, `dtype=auto` and float32 when they differ),
llama.cpp through MedChat's layer (`LlamaCppChatModel` over the managed llama-server), and the
same llama-server spoken to directly over HTTP (the layer's ceiling). For each engine:
1. one request: time to first token and decode tokens/s (fixed length, greedy);
2. a follow-up that shares the first request's prompt (prefix reuse): time to first token;
3. N concurrent requests with distinct questions, fixed length: aggregate tokens/s.
Then the ratios the CPU-engine targets are stated in: llama.cpp vs transformers at N, and the
layer vs the raw server. The CPU model name and flags are printed with the figures.

    python benchmarks/bench_engines.py [--model NAME] [--concurrency 8] [--new-tokens 64]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import threading
import time
from pathlib import Path

from medchat.config import force_hub_offline

force_hub_offline()  # before any Hugging Face import

import httpx
import psutil
from bench_model import QUESTIONS  # the same doctor questions as the batching benchmark
from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

from medchat.config import Settings
from medchat.models import load_chat_model
from medchat.models.chat_local import to_chat_dicts
from medchat.models.cpu import describe
from medchat.models.local import resolve_dtype

SYSTEM = (
    "You are role-playing a patient seeing a doctor. Stay in character. You are Sam Taylor, 58 "
    "years old, male, a retired bus driver. Your manner: anxious, feeling worried; use everyday "
    "words. Answer only what was asked, in one to three short sentences, in the first person. "
    "You do not know what is wrong with you: never name a disease or diagnosis. Never play the "
    "doctor. Notes in square brackets after the doctor's words are for you only."
)


def conversation(i: int, follow_up: bool = False, tag: str = "") -> list:
    """Request `i`; `tag` starts the system prompt, so each engine's run starts with a cold
    prompt cache even where two engines share one llama-server."""
    system = f"[{tag}] {SYSTEM}" if tag else SYSTEM
    first = [SystemMessage(system), HumanMessage(QUESTIONS[i % len(QUESTIONS)])]
    if not follow_up:
        return first
    return [*first, AIMessage("It's a heavy pain in my chest."), HumanMessage("Since when?")]


def timed_stream(stream) -> dict:
    """Consume an iterator of text chunks; time to first chunk and chunks after it."""
    start = time.perf_counter()
    first, n = None, 0
    for chunk in stream:
        if chunk:
            n += 1
            first = first or time.perf_counter()
    end = time.perf_counter()
    first = first or end
    return {"ttft_s": first - start, "chunks": n, "total_s": end - start, "decode_s": end - first}


class Engine:
    """A name and a way to stream `messages` with a fixed number of new tokens."""

    def __init__(self, name: str, stream, pid: int | None = None):
        self.name, self.stream, self.pid = name, stream, pid


def langchain_engine(name: str, model) -> Engine:
    def stream(messages, tokens):
        bound = model.bind(max_new_tokens=tokens, ignore_eos=True)
        return (str(c.content) for c in bound.stream(messages))

    return Engine(name, stream)


def local_engine(settings: Settings, dtype: str) -> Engine:
    """transformers through the batching engine (ignore_eos is a GenParams field there)."""
    from medchat.models.batching import GenParams
    from medchat.models.factory import get_engine

    engine = get_engine(settings.model, settings, dtype)

    def stream(messages, tokens):
        return iter(engine.submit(to_chat_dicts(messages), GenParams(tokens, ignore_eos=True)))

    return Engine(f"transformers {dtype}", stream)


def raw_server_engine(base_url: str, pid: int) -> Engine:
    # A fresh connection per request: a plain client that meets a kept-alive connection the
    # server has just closed would fail, and this engine has no retry of its own.
    client = httpx.Client(timeout=600, limits=httpx.Limits(max_keepalive_connections=0))

    def stream(messages, tokens):
        payload = {
            "messages": to_chat_dicts(messages),
            "stream": True,
            "max_tokens": tokens,
            "temperature": 0,
            "top_k": 1,
            "ignore_eos": True,
            "cache_prompt": True,
        }
        with client.stream("POST", f"{base_url}/v1/chat/completions", json=payload) as response:
            for line in response.iter_lines():
                if line.startswith("data:") and "[DONE]" not in line:
                    data = json.loads(line[5:])
                    choice = (data.get("choices") or [{}])[0]
                    yield (choice.get("delta") or {}).get("content") or ""

    return Engine("llama-server direct", stream, pid)


def measure(engine: Engine, concurrency: int, tokens: int) -> dict:
    tag = engine.name
    list(engine.stream(conversation(15, tag="warm-up"), 4))  # lazy loads; caches another prompt
    single = timed_stream(engine.stream(conversation(0, tag=tag), tokens))
    follow = timed_stream(engine.stream(conversation(0, follow_up=True, tag=tag), 8))
    results: list[dict] = []
    lock = threading.Lock()

    def one(i: int) -> None:
        r = timed_stream(engine.stream(conversation(i + 1, tag=tag), tokens))
        with lock:
            results.append(r)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(concurrency)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    return {
        "engine": engine.name,
        "ttft_s": round(single["ttft_s"], 3),
        "decode_tok_s": round((single["chunks"] - 1) / max(single["decode_s"], 1e-9), 2),
        "follow_up_ttft_s": round(follow["ttft_s"], 3),
        "concurrent": concurrency,
        "concurrent_tok_s": round(sum(r["chunks"] for r in results) / wall, 2),
        "concurrent_ttft_p50_s": round(statistics.median(r["ttft_s"] for r in results), 3),
        "rss_mb": round(psutil.Process(engine.pid or os.getpid()).memory_info().rss / 2**20),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=Settings().model)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--new-tokens", type=int, default=64)
    parser.add_argument(
        "--engines", nargs="+", default=["llamacpp", "raw", "transformers"],
        help="llamacpp, raw (llama-server direct), transformers (auto and float32)",
    )  # fmt: skip
    parser.add_argument("--slots", type=int, default=None, help="default: MEDCHAT_LLAMACPP_SLOTS")
    parser.add_argument("--json", type=Path, default=Path("benchmarks/results/engines.json"))
    args = parser.parse_args()
    update = {"model": args.model, "turn_timeout_s": 1800}
    if args.slots:
        update["llamacpp_slots"] = args.slots
    settings = Settings().model_copy(update=update)
    print(f"# bench_engines: {args.model}, {os.cpu_count()} CPUs: {describe()}")
    print(
        f"# {args.new_tokens} new tokens per request, greedy; N = {args.concurrency}; "
        f"llama.cpp slots {settings.llamacpp_slots} x {settings.llamacpp_ctx_per_slot} tokens"
    )
    rows = []
    llama = None
    if {"llamacpp", "raw"} & set(args.engines):
        llama = load_chat_model(settings, backend="llamacpp")
        if "llamacpp" in args.engines:
            engine = langchain_engine("llama.cpp via MedChat", llama)
            engine.pid = llama.server.pid
            rows.append(measure(engine, args.concurrency, args.new_tokens))
        if "raw" in args.engines:
            raw = raw_server_engine(llama.server.base_url, llama.server.pid)
            rows.append(measure(raw, args.concurrency, args.new_tokens))
    if "transformers" in args.engines:
        auto = resolve_dtype("auto", "cpu")
        for dtype in dict.fromkeys([auto, "float32"]):
            rows.append(measure(local_engine(settings, dtype), args.concurrency, args.new_tokens))
            print(json.dumps(rows[-1]), flush=True)
    print(
        f"\n{'engine':<24} {'TTFT':>7} {'decode':>8} {'follow-up':>10} "
        f"{'N-conc tok/s':>13} {'N TTFT p50':>11} {'RSS MB':>7}"
    )
    for r in rows:
        print(
            f"{r['engine']:<24} {r['ttft_s']:>6.2f}s {r['decode_tok_s']:>7.1f}/s "
            f"{r['follow_up_ttft_s']:>9.2f}s {r['concurrent_tok_s']:>13.1f} "
            f"{r['concurrent_ttft_p50_s']:>10.2f}s {r['rss_mb']:>7}"
        )
    by = {r["engine"]: r for r in rows}
    layer, raw_row = by.get("llama.cpp via MedChat"), by.get("llama-server direct")
    if layer and raw_row:
        print(
            f"layer vs raw server at N={args.concurrency}: "
            f"{layer['concurrent_tok_s'] / raw_row['concurrent_tok_s']:.2f} (target >= 0.90)"
        )
    for r in rows:
        if layer and r["engine"].startswith("transformers"):
            print(
                f"llama.cpp vs {r['engine']} at N={args.concurrency}: "
                f"{layer['concurrent_tok_s'] / r['concurrent_tok_s']:.2f}x (target >= 3x)"
            )
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"cpu": describe(), "rows": rows}, indent=2))
    print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
