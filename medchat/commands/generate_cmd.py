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
    from medchat.personas.loader import PersonaRegistry
    from medchat.service.jobs import Budget, JobSpec, generate, local_runner, ray_runner

    settings = get_settings()
    personas = sorted(PersonaRegistry.from_paths(args.personas), key=lambda p: p.id)
    if not personas:
        raise MedChatError(f"No personas match {args.personas!r}.")
    spec = JobSpec(
        persona_ids=tuple(p.id for p in personas),
        variants=args.variants,
        n=args.n,
        max_turns=args.max_turns or settings.max_turns,
        fmt=args.format,
        seed=args.seed,
        model=args.model or settings.model,
    )
    progress = not args.no_progress
    if args.ray:
        runner = ray_runner(args.ray, args.concurrency, args.ray_actors, progress)
    else:
        runner = local_runner(concurrency=args.concurrency, progress=progress)
    result = generate(
        spec,
        settings,
        args.out,
        runner,
        personas=personas,
        budget=Budget(args.max_seconds, args.max_tokens),
        card={"command": vars(args) | {"out": str(args.out)}},
    )
    rate = (result.accepted + result.rejected) / result.seconds * 3600 if result.seconds else 0.0
    print(
        f"done: {result.accepted} accepted, {result.rejected} rejected, {result.skipped} already "
        f"finished; {rate:.0f} dialogues/hour; {result.chunks} tokens generated"
        + (f"; stopped by the {result.stopped_by} budget" if result.stopped_by else "")
    )
    return 0
