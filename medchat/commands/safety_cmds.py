"""`python -m medchat scrub` and `python -m medchat safety`: argparse wiring only.

The work happens in `safety.cli`; a `SafetyError` is a `MedChatError`, so the CLI prints one
clean line and exits 2.
"""

from __future__ import annotations

import sys


def register(subparsers) -> None:
    scrub = subparsers.add_parser(
        "scrub", help="Scrub PII from JSONL {'text': ...} on stdin (one JSON line out per line)."
    )
    scrub.add_argument(
        "--style",
        choices=["tags", "fake"],
        default="tags",
        help="tags (<PERSON_1>) or seeded fake values (default: tags).",
    )
    scrub.add_argument("--seed", type=int, default=0, help="Seed for --style fake.")
    scrub.set_defaults(func=_scrub)

    safety = subparsers.add_parser(
        "safety", help="Safety-check JSONL {'text': ...} on stdin: allow, escalate or block."
    )
    safety.add_argument("--mode", choices=["consult", "practice", "selfplay"], default="consult")
    safety.add_argument(
        "--policy",
        default=None,
        help="Policy YAML (default: MEDCHAT_SAFETY_POLICY, else the packaged policy).",
    )
    safety.set_defaults(func=_safety)


def _scrub(args) -> int:
    from safety.cli import run_scrub
    from safety.pii.scrubber import Scrubber

    return run_scrub(sys.stdin, sys.stdout, Scrubber(style=args.style, seed=args.seed))


def _safety(args) -> int:
    from medchat.config import get_settings
    from safety.cli import run_safety
    from safety.policy.filter import SafetyFilter

    policy = args.policy or get_settings().safety_policy
    return run_safety(sys.stdin, sys.stdout, args.mode, SafetyFilter(policy=policy))
