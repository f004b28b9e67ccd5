"""`dtype=auto` follows the device and the CPU's bf16 support, read from the CPU itself."""

from __future__ import annotations

import pytest

from medchat.models.cpu import cpu_flags, cpu_key, describe, has_native_bf16
from medchat.models.local import resolve_dtype


@pytest.mark.parametrize(
    ("flags", "native"),
    [
        ({"avx2", "fma"}, False),  # AVX2-only x86 (most laptops, many servers)
        ({"avx2", "avx512f", "avx512_bf16"}, True),  # AVX-512 BF16 (Zen 4, Cooper Lake)
        ({"avx2", "amx_bf16", "amx_tile"}, True),  # Intel AMX (Sapphire Rapids)
        ({"fp", "asimd", "bf16"}, True),  # Arm with BF16 (Graviton 3, Apple M2)
        ({"fp", "asimd"}, False),
        (set(), False),
    ],
)
def test_when_cpu_flags_are_read_then_native_bf16_is_detected(flags, native):
    assert has_native_bf16(frozenset(flags)) is native


@pytest.mark.parametrize(
    ("dtype", "device", "expected"),
    [
        ("auto", "cuda", "bfloat16"),
        ("auto", "cuda:1", "bfloat16"),
        ("float32", "cuda", "float32"),
        ("bfloat16", "cpu", "bfloat16"),
        ("float16", "cpu", "float16"),
    ],
)
def test_when_dtype_is_explicit_or_device_is_cuda_then_it_is_resolved(dtype, device, expected):
    assert resolve_dtype(dtype, device) == expected


def test_when_dtype_is_auto_on_this_cpu_then_it_follows_the_cpus_bf16_support():
    expected = "bfloat16" if has_native_bf16() else "float32"
    assert resolve_dtype("auto", "cpu") == expected


def test_when_the_cpu_is_described_then_the_key_and_line_name_it():
    assert cpu_flags(), "no CPU flags read from /proc/cpuinfo"
    assert cpu_key().count("-") == 1
    assert describe().startswith(describe().split(" [")[0]) and "[" in describe()
