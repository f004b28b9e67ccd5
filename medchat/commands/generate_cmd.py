"""`python -m medchat generate`: batch self-play datasets, resumable, locally or on Ray."""

from __future__ import annotations

import argparse
from pathlib import Path

from medchat.config import get_settings
from medchat.errors import MedChatError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("generate", help="generate a dataset of self-play dialogues")
    p.add_argument("--personas", default=None, help="glob of persona files (default: all)")
    p.add_argument("--variants", type=int, default=1, help="variants per persona (K)")
    p.add_argument(
        "--n",
        type=int,
        default=None,
        help="dialogues in all (default: one per persona and variant)",
    )
    p.add_argument("--out", type=Path, required=True, help="output directory")
    p.add_argument("--format", default="openai", choices=["openai", "sharegpt", "parquet"])
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--model", default=None, help="model for both roles (default: MEDCHAT_MODEL)")
    p.add_argument("--max-turns", type=int, default=None, help="turn cap (MEDCHAT_MAX_TURNS)")
    p.add_argument("--concurrency", type=int, default=8, help="dialogues advancing together")
    p.add_argument("--max-seconds", type=float, default=None, help="time budget")
    p.add_argument("--max-tokens", type=int, default=None, help="generated-token budget")
    p.add_argument(
        "--ray",
        default=None,
        metavar="ADDRESS",
        help="run on Ray: auto (running cluster), local, or ray://host:port",
    )
    p.add_argument(
        "--ray-actors", type=int, default=None, help="model holders (default: GPUs or 1)"
    )
    p.add_argument("--no-progress", action="store_true")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from medchat.batch.card import write_card
    from medchat.batch.formats import export_parquet
    from medchat.batch.plan import plan
    from medchat.batch.runner import Budget, Output, batch_settings, run_local
    from medchat.personas.loader import PersonaRegistry

    settings = batch_settings(get_settings())
    if args.model:
        settings = settings.model_copy(update={"model": args.model})
    if args.max_turns:
        settings = settings.model_copy(update={"max_turns": args.max_turns})
    personas = sorted(PersonaRegistry.from_paths(args.personas), key=lambda p: p.id)
    if not personas:
        raise MedChatError(f"No personas match {args.personas!r}.")
    models = {
        "doctor": settings.model,
        "patient": settings.model,
        "backend": settings.resolved_backend,
    }
    items = plan(personas, args.variants, args.n, args.seed, models, settings.max_turns)
    output = Output(args.out, args.format)
    budget = Budget(args.max_seconds, args.max_tokens)
    progress = not args.no_progress
    try:
        if args.ray:
            from medchat.batch.ray_runner import run_ray

            result = run_ray(
                items,
                settings,
                output,
                args.ray,
                args.concurrency,
                budget,
                args.ray_actors,
                progress,
            )
        else:
            from medchat.dialogue.wiring import default_wiring

            wiring = default_wiring(settings)
            result = run_local(items, wiring, output, args.concurrency, budget, progress)
    finally:
        output.close()
    if args.format == "parquet":
        export_parquet(args.out / "dialogues.jsonl", args.out / "dialogues.parquet")
    job = {
        "command": vars(args) | {"out": str(args.out)},
        "models": models,
        "planned": len(items),
        "max_turns": settings.max_turns,
    }
    write_card(args.out, job)
    rate = (result.accepted + result.rejected) / result.seconds * 3600 if result.seconds else 0.0
    print(
        f"done: {result.accepted} accepted, {result.rejected} rejected, {result.skipped} already "
        f"finished; {rate:.0f} dialogues/hour; {result.chunks} tokens generated"
        + (f"; stopped by the {result.stopped_by} budget" if result.stopped_by else "")
    )
    return 0
