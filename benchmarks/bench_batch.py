"""Benchmark batch self-play: N dialogues advancing together vs one at a time, same run.

The one-at-a-time loop is what other simulators do: finish a dialogue, start the next. Batched,
the dialogues' model calls meet in the model layer's batching queue. Both runs use the same
model, personas, turn cap and the full pipeline (scrub, safety, Redis). Prints dialogues per
hour, generated tokens per second, the ratio, and the share of wall time spent outside the
model (scrubbing, safety checks, storage).

With `--backends llamacpp local`, the batched run is repeated on each engine with the same
plan, and the dialogues-per-hour ratio between the first and the others is printed.

    python benchmarks/bench_batch.py [--model NAME] [--dialogues 16] [--max-turns 6]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
from pathlib import Path

from medchat.config import force_hub_offline

force_hub_offline()  # before any Hugging Face import

from medchat.batch.plan import plan
from medchat.batch.runner import Budget, Output, batch_settings, run_local
from medchat.config import Settings
from medchat.dialogue.wiring import default_wiring
from medchat.personas.loader import PersonaRegistry


def run(settings: Settings, personas, dialogues: int, concurrency: int, label: str) -> dict:
    models = {"doctor": settings.model, "patient": settings.model, "run": label}
    items = plan(personas, 1, dialogues, 0, models, settings.max_turns)
    wiring = default_wiring(settings)
    with tempfile.TemporaryDirectory() as tmp:
        output = Output(Path(tmp), "openai")
        started = time.perf_counter()
        result = run_local(items, wiring, output, concurrency, Budget(), progress=False)
        wall = time.perf_counter() - started
        output.close()
    done = result.accepted + result.rejected
    # Model wait summed over dialogues; divided by concurrency it is the model's share of wall.
    outside = max(0.0, 1 - result.model_seconds / concurrency / wall)
    return {
        "label": label,
        "dialogues": done,
        "accepted": result.accepted,
        "wall_s": round(wall, 1),
        "dialogues_per_hour": done / wall * 3600,
        "tokens": result.chunks,
        "tokens_per_s": result.chunks / wall,
        "outside_model_share": outside,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--dialogues", type=int, default=16)
    parser.add_argument("--max-turns", type=int, default=6)
    parser.add_argument("--max-new-tokens", type=int, default=48)
    parser.add_argument("--personas", default="personas/authored/*.yaml")
    parser.add_argument("--backends", nargs="+", default=None, help="e.g. llamacpp local")
    parser.add_argument("--skip-sequential", action="store_true")
    parser.add_argument("--json", type=Path, default=Path("benchmarks/results/batch.json"))
    args = parser.parse_args()
    if args.backends:
        compare_backends(args)
        return
    base = Settings()
    settings = batch_settings(base).model_copy(
        update={
            "model": args.model or base.model,
            "max_turns": args.max_turns,
            "max_new_tokens": args.max_new_tokens,
            "log_level": "WARNING",
        }
    )
    from medchat.log import configure_logging

    configure_logging("json", "WARNING")
    personas = sorted(PersonaRegistry.from_paths(args.personas), key=lambda p: p.id)
    print(
        f"# bench_batch on {platform.machine()}, {os.cpu_count()} CPUs; model {settings.model} "
        f"({settings.dtype}); {args.dialogues} dialogues, max {args.max_turns} turns, "
        f"{args.max_new_tokens} new tokens per turn, greedy"
    )
    run(settings, personas, 2, 2, "warm-up")
    rows = [
        run(settings, personas, args.dialogues, 1, "one at a time"),
        run(settings, personas, args.dialogues, args.dialogues, "batched"),
    ]
    for r in rows:
        print(
            f"{r['label']:<14} {r['dialogues']:>3} dialogues in {r['wall_s']:>7.1f} s  "
            f"{r['dialogues_per_hour']:>7.1f}/h  {r['tokens_per_s']:>6.1f} tok/s  "
            f"outside model {r['outside_model_share']:.1%}"
        )
    ratio = rows[1]["dialogues_per_hour"] / rows[0]["dialogues_per_hour"]
    print(f"batched / one at a time: {ratio:.2f}x dialogues per hour")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"rows": rows, "ratio": ratio}, indent=2))


def compare_backends(args: argparse.Namespace) -> None:
    """The same batched self-play plan on each backend, one after another, in one run."""
    from medchat.log import configure_logging
    from medchat.models.cpu import describe

    configure_logging("json", "WARNING")
    personas = sorted(PersonaRegistry.from_paths(args.personas), key=lambda p: p.id)
    base = Settings()
    print(
        f"# bench_batch: {args.dialogues} dialogues at once, max {args.max_turns} turns, "
        f"{args.max_new_tokens} new tokens per turn, greedy; {os.cpu_count()} CPUs: {describe()}"
    )
    rows = []
    for backend in args.backends:
        settings = batch_settings(base).model_copy(
            update={
                "model": args.model or base.model,
                "backend": backend,
                "max_turns": args.max_turns,
                "max_new_tokens": args.max_new_tokens,
                "log_level": "WARNING",
            }
        )
        run(settings, personas, 1, 1, "warm-up")
        row = run(settings, personas, args.dialogues, args.dialogues, backend)
        rows.append(row)
        print(
            f"{backend:<10} {row['dialogues']:>3} dialogues in {row['wall_s']:>7.1f} s  "
            f"{row['dialogues_per_hour']:>7.1f}/h  {row['tokens_per_s']:>6.1f} chunks/s  "
            f"outside model {row['outside_model_share']:.1%}",
            flush=True,
        )
    for row in rows[1:]:
        ratio = rows[0]["dialogues_per_hour"] / row["dialogues_per_hour"]
        print(f"{rows[0]['label']} / {row['label']}: {ratio:.2f}x dialogues per hour")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"cpu": describe(), "rows": rows}, indent=2))


if __name__ == "__main__":
    main()
