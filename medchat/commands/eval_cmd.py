"""`python -m medchat eval fidelity|safety`: print quality figures (see docs/evaluation.md)."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from medchat.config import get_settings


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("eval", help="measure quality: fidelity, safety")
    esub = parser.add_subparsers(dest="eval_command", required=True)
    fid = esub.add_parser("fidelity", help="patient simulator fidelity over personas")
    fid.add_argument("--personas", default=None, help="glob of persona files (default: all)")
    fid.add_argument("--limit", type=int, default=None, help="first N personas only")
    fid.add_argument("--model", default=None, help="model name (default: MEDCHAT_MODEL)")
    fid.add_argument("--concurrency", type=int, default=8)
    fid.add_argument("--out", type=Path, default=None, help="write full JSON results here")
    fid.set_defaults(func=_fidelity)
    saf = esub.add_parser("safety", help="PII scrubber and safety filter figures")
    saf.set_defaults(func=_safety)


def _fidelity(args: argparse.Namespace) -> int:
    from medchat.evaluation.fidelity import evaluate
    from medchat.models import load_chat_model
    from medchat.personas.loader import PersonaRegistry

    settings = get_settings()
    personas = sorted(PersonaRegistry.from_paths(args.personas), key=lambda p: p.id)
    personas = personas[: args.limit] if args.limit else personas
    model_name = args.model or settings.model
    model = load_chat_model(settings, model=model_name)
    started = time.monotonic()
    result = evaluate(model, personas, args.concurrency)
    seconds = time.monotonic() - started
    print(
        f"fidelity · model {model_name} · {result['personas']} personas · "
        f"{result['answers']} answers · {seconds:.0f} s"
    )
    for key, goal in (
        ("slot_recall", "> 0.80"),
        ("leakage_rate", "= 0"),
        ("raw_leakage_rate", "(before repair)"),
        ("unasked_disclosure_rate", ""),
        ("invented_symptom_rate", "< 0.05"),
    ):
        print(f"  {key:<26} {result[key]:.3f}  {goal}")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({"model": model_name, **result}, indent=2))
        print(f"  wrote {args.out}")
    return 0


def _safety(args: argparse.Namespace) -> int:
    from safety import evaluation

    evaluation.run(out=sys.stdout)
    return 0
