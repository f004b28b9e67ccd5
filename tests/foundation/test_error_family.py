"""One error family: the safety layer's errors are `MedChatError`s, so every edge that turns a
`MedChatError` into a clean message also covers them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from medchat.errors import MedChatError
from safety.errors import PolicyError, SafetyError, UnknownNameError
from safety.policy.config import load_policy

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("error", [SafetyError, PolicyError, UnknownNameError])
def test_when_the_safety_layer_raises_then_it_is_a_medchat_error(error):
    assert issubclass(error, MedChatError)


def test_when_a_policy_file_is_missing_then_the_error_is_caught_as_medchat_error(tmp_path):
    with pytest.raises(MedChatError, match="cannot read policy file"):
        load_policy(tmp_path / "missing.yaml")


def test_when_the_cli_gets_a_broken_policy_then_it_prints_one_line_and_exits_2(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "medchat", "safety", "--policy", str(tmp_path / "none.yaml")],
        cwd=REPO,
        input="",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 2, proc.stderr[-1500:]
    assert "cannot read policy file" in proc.stderr and "Traceback" not in proc.stderr
