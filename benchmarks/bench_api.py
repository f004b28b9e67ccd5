"""Benchmark what the patient API adds to a turn: the same doctor message answered in process
(the `PatientDesk` the server calls) and over HTTP (uvicorn on loopback, the official `openai`
client), side by side in one run.

Two models, each over the same real pipeline (scrubber, safety filter, patient agent, review,
Redis store):
- `instant`: a scripted model that answers at once, so the difference is the API layer alone
  (HTTP, JSON, key check, rate counter, session lookup, history HMAC);
- the configured model (default MEDCHAT_MODEL on its backend), short replies: the overhead as
  a person would see it, next to the model's own time.

Each round opens a new consultation on both paths with the same question and the same persona
variant (so the same prompt), in alternating order (ABBA), because the second of a pair may find
its prompt cached by llama.cpp. Two figures:
- API layer: for each HTTP request, the time the client saw minus the time the desk spent inside
  that same request (timed in the server), so the model's run-to-run noise cancels out; its p50
  is the figure the target is about;
- pair difference: HTTP minus in process for the same prompt, p50 over rounds, which carries
  the model's noise (and, in one process, the client and server sharing two cores).

    python benchmarks/bench_api.py [--rounds 12] [--instant-rounds 60] [--json out.json]
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

from medchat.config import Settings
from medchat.models.cpu import describe

PERSONA = "chest-pain-58m"
QUESTION = "Does the pain go anywhere else, like your arm or your jaw?"  # the model answers
# (an opening question would get the case's scripted opening statement, not a model reply)
TARGET_MS = 50.0


def timed_desk_class():
    """A `PatientDesk` that adds up the time its own work takes (finding the session, the turn,
    keeping the history HMAC): what the HTTP server calls, so the rest of a request's time is
    the API layer."""
    from medchat.api.patients import PatientDesk

    class TimedDesk(PatientDesk):
        seconds = 0.0

        def _timed(self, method, *args, **kwargs):
            started = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                TimedDesk.seconds += time.perf_counter() - started

        def open(self, *a, **kw):
            return self._timed(super().open, *a, **kw)

        def reply(self, *a, **kw):
            return self._timed(super().reply, *a, **kw)

        def remember(self, *a, **kw):
            return self._timed(super().remember, *a, **kw)

    return TimedDesk


def serve(settings: Settings, model, store):
    """(desk, base URL, key, server) for `model`: the API on a loopback port, in this process."""
    import uvicorn

    from medchat.api.build import desk_and_keys
    from medchat.api.server import create_app
    from medchat.dialogue.wiring import guard_factory
    from medchat.models.warmup import ModelWarmup
    from medchat.service.build import session_secret
    from medchat.service.sessions import SessionService

    warmup = ModelWarmup(lambda progress: model).start()
    service = SessionService(settings, store, warmup, guard_factory(settings))
    plain, keys = desk_and_keys(settings, service)
    TimedDesk = timed_desk_class()
    desk = TimedDesk(service, plain.registry, session_secret(settings))
    app = create_app(desk, keys, settings.api_rate_per_min)
    server = uvicorn.Server(uvicorn.Config(app, port=0, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    key = keys.create(f"bench-{os.getpid()}-{time.monotonic_ns()}")
    return desk, f"http://127.0.0.1:{port}/v1", key, server


def measure(settings: Settings, model, store, rounds: int, label: str) -> dict:
    from medchat.evaluation.doctor_api import HttpPatients, LocalPatients

    desk, url, key, server = serve(settings, model, store)
    paths = {"in process": LocalPatients(desk, owner="bench"), "HTTP": HttpPatients(url, key)}
    name = f"patient/{PERSONA}"
    for path in paths.values():  # warm-up: first encoder and classifier calls, not counted
        path.ask(name, None, QUESTION)
    times: dict[str, list[float]] = {p: [] for p in paths}
    layer: list[float] = []  # per HTTP request: client-side time minus the desk's own time
    inside_desk: dict[str, list[float]] = {p: [] for p in paths}
    for i in range(rounds):
        order = list(paths) if i % 4 in (0, 3) else list(reversed(paths))
        for p in order:
            model_name = f"{name}@{i + 1}"
            inside = type(desk).seconds
            started = time.perf_counter()
            paths[p].ask(model_name, None, QUESTION)
            times[p].append(time.perf_counter() - started)
            inside_desk[p].append(type(desk).seconds - inside)
            if p == "HTTP":
                layer.append(times[p][-1] - inside_desk[p][-1])
    server.should_exit = True
    diffs = [(h - i) * 1000 for h, i in zip(times["HTTP"], times["in process"], strict=True)]
    return {
        "model": label,
        "rounds": rounds,
        "in_process_p50_ms": statistics.median(times["in process"]) * 1000,
        "http_p50_ms": statistics.median(times["HTTP"]) * 1000,
        "paired_difference_p50_ms": statistics.median(diffs),
        "layer_p50_ms": statistics.median(layer) * 1000,
        "desk_in_process_p50_ms": statistics.median(inside_desk["in process"]) * 1000,
        "desk_under_http_p50_ms": statistics.median(inside_desk["HTTP"]) * 1000,
        "layer_p95_ms": sorted(layer)[max(0, round(0.95 * len(layer)) - 1)] * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default=Settings().model, help="default: MEDCHAT_MODEL")
    parser.add_argument("--backend", default=None, help="default: MEDCHAT_BACKEND (auto)")
    parser.add_argument("--max-new-tokens", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=12, help="rounds with the real model")
    parser.add_argument("--instant-rounds", type=int, default=60)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()

    from medchat.log import configure_logging
    from medchat.models import load_chat_model
    from medchat.models.fake import ScriptedChatModel
    from medchat.store import SessionStore
    from medchat.store.embedded import open_embedded

    update = {"model": args.model, "max_new_tokens": args.max_new_tokens, "api_rate_per_min": 10**6}
    if args.backend:
        update["backend"] = args.backend
    settings = Settings().model_copy(update=update)
    configure_logging(settings.log_format, settings.log_level)
    redis_dir = Path(tempfile.mkdtemp(prefix="medchat-bench-api-"))
    store = SessionStore(open_embedded(redis_dir / "bench.db"), ttl_days=1)

    instant = ScriptedChatModel(script=["It's a tight pain in my chest, since this morning."])
    results = [measure(settings, instant, store, args.instant_rounds, "instant (scripted)")]
    print(f"preparing {settings.model} ...", flush=True)
    real = load_chat_model(settings)
    results.append(measure(settings, real, store, args.rounds, settings.model))

    print(
        f"\npatient API overhead · backend {settings.resolved_backend} · max_new_tokens "
        f"{settings.max_new_tokens} · {os.cpu_count()} CPUs: {describe()}"
    )
    print(
        f"{'model':<24} {'rounds':>6} {'in process p50':>15} {'HTTP p50':>10} "
        f"{'pair diff p50':>13} {'API layer p50':>13} {'p95':>8}"
    )
    for r in results:
        print(
            f"{r['model']:<24} {r['rounds']:>6} {r['in_process_p50_ms']:>13.1f}ms "
            f"{r['http_p50_ms']:>8.1f}ms {r['paired_difference_p50_ms']:>11.1f}ms "
            f"{r['layer_p50_ms']:>11.1f}ms {r['layer_p95_ms']:>6.1f}ms"
        )
    for r in results:
        print(
            f"{r['model']:<24} the desk's own time, p50: {r['desk_in_process_p50_ms']:.1f} ms "
            f"called in process, {r['desk_under_http_p50_ms']:.1f} ms inside HTTP requests"
        )
    print(
        "API layer = an HTTP request's time at the client minus the time the desk spent inside "
        "it (same request); pair diff = HTTP minus in process for the same prompt (model noise "
        "included)."
    )
    worst = max(r["layer_p50_ms"] for r in results)
    verdict = "met" if worst <= TARGET_MS else "NOT met"
    print(f"target: the API adds <= {TARGET_MS:.0f} ms p50 to a turn: {verdict} ({worst:.1f} ms)")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        payload = {"cpu": describe(), "backend": settings.resolved_backend, "results": results}
        args.json.write_text(json.dumps(payload, indent=2))


if __name__ == "__main__":
    main()
