"""Figures from the slow runs: printed (run with -s to see them) and written as JSON under
benchmarks/results/ (gitignored), with the machine they were measured on."""

from __future__ import annotations

import json
import os
import platform
import time
from pathlib import Path
from typing import Any

from tests.conftest import ROOT

RESULTS = ROOT / "benchmarks" / "results"


def percentile(values: list[float], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default)."""
    values = sorted(values)
    if not values:
        return float("nan")
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def machine() -> dict[str, Any]:
    return {
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "load_average_1m": round(os.getloadavg()[0], 2),
        "python": platform.python_version(),
    }


def write_result(name: str, figures: dict[str, Any]) -> Path:
    data = {"name": name, "when": time.strftime("%Y-%m-%d %H:%M:%S"), **machine(), **figures}
    print(f"\n== reliability: {name} ==\n{json.dumps(data, indent=2)}", flush=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"reliability-{name}.json"
    path.write_text(json.dumps(data, indent=2) + "\n")
    return path
