"""`python -m medchat models list|prepare|build-llamacpp`: see and prepare the bundled models.

`prepare` readies the configured backend: for llama.cpp the verified GGUF file, for
transformers a converted safetensors copy. `build-llamacpp` builds the CPU engine once.
"""

from __future__ import annotations

import argparse
import json
import sys

from tqdm import tqdm

from medchat.config import get_settings
from medchat.models.bundled import bundled_gguf, converted_dir, locate_parts, prepare_bundled
from medchat.models.local import resolve_device, resolve_dtype
from medchat.models.registry import BUNDLED, get_bundled


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("models", help="list or prepare the bundled models")
    msub = parser.add_subparsers(dest="models_command", required=True)
    lst = msub.add_parser("list", help="bundled models and whether they are installed/prepared")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=_list)
    prep = msub.add_parser("prepare", help="verify and convert a bundled model (one time)")
    prep.add_argument("name", nargs="?", help="bundled model name (default: MEDCHAT_MODEL)")
    prep.add_argument("--dtype", default=None, help="transformers: auto, bfloat16, float32...")
    prep.add_argument(
        "--backend", default=None, help="llamacpp or local (default: the configured backend)"
    )
    prep.set_defaults(func=_prepare)
    build = msub.add_parser(
        "build-llamacpp", help="build the llama.cpp server once for this CPU (about 6 min)"
    )
    build.add_argument("--jobs", type=int, default=None, help="parallel compile jobs")
    build.add_argument("--source", default=None, help="an already downloaded sdist (.tar.gz)")
    build.set_defaults(func=_build_llamacpp)


def _list(args: argparse.Namespace) -> int:
    settings = get_settings()
    rows = []
    for model in BUNDLED.values():
        try:
            locate_parts(model)
            installed = True
        except Exception:
            installed = False
        dtype = resolve_dtype(settings.dtype, resolve_device(settings.device))
        prepared = converted_dir(model, settings.models_dir, dtype)
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
    backend = args.backend or settings.resolved_backend
    bar = tqdm(total=100, unit="%", desc=name, file=sys.stderr)
    stage = {"name": ""}

    def progress(text: str, fraction: float) -> None:
        if text != stage["name"]:
            stage["name"] = text
            bar.set_description(text)
        bar.n = round(fraction * 100)
        bar.refresh()

    if backend == "llamacpp":
        path = bundled_gguf(get_bundled(name), settings.models_dir, progress)
    else:
        dtype = resolve_dtype(args.dtype or settings.dtype, resolve_device(settings.device))
        path = prepare_bundled(get_bundled(name), settings.models_dir, dtype, progress)
    bar.close()
    print(f"{name} ready at {path}")
    return 0


def _build_llamacpp(args: argparse.Namespace) -> int:
    from pathlib import Path

    from medchat.models.llamacpp import build_server
    from medchat.models.llamacpp.binary import cached_server_path

    settings = get_settings()
    if not cached_server_path(settings).is_file():
        print("building llama.cpp's server for this CPU (once; about 10 minutes on 2 cores)...")
    source = Path(args.source) if args.source else None
    print(f"llama-server ready at {build_server(settings, args.jobs, source)}")
    return 0
