"""`python -m medchat models list|prepare`: see and prepare the bundled models."""

from __future__ import annotations

import argparse
import json
import sys

from tqdm import tqdm

from medchat.config import get_settings
from medchat.models.bundled import converted_dir, locate_parts, prepare_bundled
from medchat.models.local import resolve_dtype
from medchat.models.registry import BUNDLED, get_bundled


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("models", help="list or prepare the bundled models")
    msub = parser.add_subparsers(dest="models_command", required=True)
    lst = msub.add_parser("list", help="bundled models and whether they are installed/prepared")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=_list)
    prep = msub.add_parser("prepare", help="verify and convert a bundled model (one time)")
    prep.add_argument("name", nargs="?", help="bundled model name (default: MEDCHAT_MODEL)")
    prep.add_argument("--dtype", default=None, help="bfloat16 (default), float32 or float16")
    prep.set_defaults(func=_prepare)


def _list(args: argparse.Namespace) -> int:
    settings = get_settings()
    rows = []
    for model in BUNDLED.values():
        try:
            locate_parts(model)
            installed = True
        except Exception:
            installed = False
        prepared = converted_dir(model, settings.models_dir, resolve_dtype(settings.dtype))
        rows.append(
            {
                "name": model.name,
                "description": model.description,
                "installed": installed,
                "prepared": (prepared / "config.json").is_file(),
                "default": model.name == settings.model,
            }
        )
    if args.json:
        json.dump(rows, sys.stdout, indent=2)
        print()
        return 0
    for row in rows:
        flags = ", ".join(
            f
            for f, on in (
                ("default", row["default"]),
                ("installed", row["installed"]),
                ("prepared", row["prepared"]),
            )
            if on
        )
        print(f"{row['name']:<24} {row['description']}  [{flags or 'not installed'}]")
    return 0


def _prepare(args: argparse.Namespace) -> int:
    settings = get_settings()
    name = args.name or settings.model
    if name not in BUNDLED:
        print(f"{name} is not a bundled model; nothing to prepare.")
        return 0
    dtype = resolve_dtype(args.dtype or settings.dtype)
    bar = tqdm(total=100, unit="%", desc=name, file=sys.stderr)
    stage = {"name": ""}

    def progress(text: str, fraction: float) -> None:
        if text != stage["name"]:
            stage["name"] = text
            bar.set_description(text)
        bar.n = round(fraction * 100)
        bar.refresh()

    path = prepare_bundled(get_bundled(name), settings.models_dir, dtype, progress)
    bar.close()
    print(f"{name} ready at {path}")
    return 0
