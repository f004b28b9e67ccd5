"""`python -m medchat eval doctor` end to end with the real small model, in a subprocess.

MEDCHAT_HOME is a temporary directory (its own embedded Redis) whose `models` links to the test
cache, so the converted 135M model is reused, not converted again.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SMALL_MODEL, TEST_HOME


@pytest.mark.parametrize(("runs", "ci_text"), [(2, "[")])
def test_when_small_model_plays_doctor_then_table_json_and_plots_are_written(
    tmp_path, runs, ci_text
):
    home = tmp_path / "home"
    home.mkdir()
    (home / "models").symlink_to(TEST_HOME / "models", target_is_directory=True)
    env = {
        **os.environ,
        "MEDCHAT_HOME": str(home),
        "MEDCHAT_MODEL": SMALL_MODEL,
        "MEDCHAT_BACKEND": "local",
        "MEDCHAT_DTYPE": "float32",
        "MEDCHAT_MAX_NEW_TOKENS": "16",
        "MEDCHAT_LOG_LEVEL": "WARNING",
        "HF_HUB_OFFLINE": "1",
    }
    env.pop("MEDCHAT_REDIS_URL", None)
    env.pop("REDIS_URL", None)
    out = tmp_path / "out"
    cmd = [
        sys.executable, "-m", "medchat", "eval", "doctor",
        "--personas", str(ROOT / "personas" / "authored" / "chest-pain-58m.yaml"),
        "--max-turns", "2", "--runs", str(runs), "--out", str(out), "--close-tokens", "32",
    ]  # fmt: skip
    proc = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "top-1 diagnostic accuracy" in proc.stdout
    assert f"{ci_text}" in proc.stdout.split("top-1 diagnostic accuracy")[1].splitlines()[0]
    result = json.loads((out / "results.json").read_text())
    assert result["model"] == SMALL_MODEL and result["runs"] == runs
    assert len(result["episodes"]) == runs
    journal = [json.loads(line) for line in (out / "episodes.jsonl").read_text().splitlines()]
    assert sorted(e["session_id"] for e in journal) == sorted(
        e["session_id"] for e in result["episodes"]
    )
    for episode in result["episodes"]:
        roles = [t["role"] for t in episode["transcript"]]
        assert roles[0] == "doctor" and "patient" in roles
        assert set(episode["metrics"]) >= {"top1", "top3", "coverage", "red_flags_missed"}
    for name in ("metrics.png", "personas.png"):
        assert (out / name).read_bytes().startswith(b"\x89PNG")
