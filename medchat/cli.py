"""`python -m medchat`: one entry point whose subcommands live in `medchat/commands/`.

Each module in `medchat.commands` exposes `register(subparsers)`, adding its parser(s) with
`set_defaults(func=...)`; `func(args) -> int` returns the exit code. A `MedChatError` becomes a
clean one-line message on stderr and exit code 2; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence
from typing import NoReturn

from medchat import commands
from medchat.config import get_settings
from medchat.errors import MedChatError
from medchat.lifecycle import shutdown
from medchat.log import configure_logging
from safety.policy.embeddings import configure as configure_safety_embedding


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m medchat", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = get_settings()
    configure_logging(settings.log_format, settings.log_level)
    configure_safety_embedding(settings.safety_embed_engine, settings.cache_dir)
    try:
        return int(args.func(args) or 0)
    except MedChatError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


def entry_point() -> NoReturn:
    """The process entry point: `main()`, then MedChat's threads and servers stop before
    Python's exit hooks tear down the libraries they use (see `medchat.lifecycle`)."""
    try:
        code = main()
    finally:
        shutdown()
    sys.exit(code)


if __name__ == "__main__":
    entry_point()
