"""What this CPU can do, read once: its flags, a key for builds tied to them, native bf16.

The machine a MedChat install runs on changes (laptops, AVX2 servers, AMX servers), and the fast
choice changes with it: bfloat16 matrix multiplies are fast only with hardware support, and a
llama.cpp server built with `-march=native` runs only on CPUs with the same instruction set. So
these choices are derived from the CPU in front of us, never hard-coded.
"""

from __future__ import annotations

import hashlib
import platform
from functools import lru_cache
from pathlib import Path

_CPUINFO = Path("/proc/cpuinfo")
_BF16_FLAGS = {"avx512_bf16", "amx_bf16", "bf16"}  # x86 AVX-512/AMX; `bf16` in aarch64 Features


@lru_cache(maxsize=1)
def cpu_model() -> str:
    """The CPU's model name (as `lscpu` shows it), or the machine type when unknown."""
    for line in _read_cpuinfo().splitlines():
        if line.split(":")[0].strip() in ("model name", "Model", "cpu model"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


@lru_cache(maxsize=1)
def cpu_flags() -> frozenset[str]:
    """The instruction-set flags of the first CPU (x86 `flags`, aarch64 `Features`)."""
    for line in _read_cpuinfo().splitlines():
        if line.split(":")[0].strip() in ("flags", "Features"):
            return frozenset(line.split(":", 1)[1].split())
    return frozenset()


def has_native_bf16(flags: frozenset[str] | None = None) -> bool:
    """True when the CPU multiplies bfloat16 in hardware (AVX-512 BF16, AMX, Arm BF16)."""
    return bool((cpu_flags() if flags is None else flags) & _BF16_FLAGS)


def cpu_key() -> str:
    """A short key that changes when the instruction set changes (for native builds)."""
    text = platform.machine() + " " + " ".join(sorted(cpu_flags()))
    return f"{platform.machine()}-{hashlib.sha256(text.encode()).hexdigest()[:12]}"


def describe() -> str:
    """One line for benchmark reports: model name and the flags that decide speed."""
    wanted = ("avx2", "avx512f", "avx512_bf16", "avx512_vnni", "amx_bf16", "amx_int8", "fma")
    shown = [f for f in wanted if f in cpu_flags()]
    return f"{cpu_model()} [{' '.join(shown) or 'no AVX2'}]"


def _read_cpuinfo() -> str:
    try:
        return _CPUINFO.read_text()
    except OSError:
        return ""
