"""The doctor benchmark through the patient API: over HTTP it gives the same consultation as
in process, and `eval doctor --doctor-url --patient-url` examines the API's patients with a
doctor on another OpenAI-compatible server (the llama.cpp server running the small model)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import ROOT, SMALL_MODEL, TEST_HOME

PERSONA = "chest-pain-58m"


def test_when_the_doctor_examines_over_http_then_the_consultation_is_the_in_process_one(
    api, small_chat_model
):
    from medchat.evaluation.doctor_api import HttpPatients, LocalPatients, play

    doctor = small_chat_model.model_copy(update={"max_new_tokens": 16})
    local = play(doctor, LocalPatients(api.desk), PERSONA, 1, max_turns=4, close_tokens=40)
    remote = play(doctor, HttpPatients(api.url, api.key), PERSONA, 1, max_turns=4, close_tokens=40)
    assert local.session_id != remote.session_id
    roles = [t["role"] for t in local.transcript]
    assert roles[:2] == ["doctor", "patient"] and roles.count("patient") == 2
    assert remote.transcript == local.transcript
    assert remote.metrics == local.metrics and remote.verdict == local.verdict


def test_when_eval_doctor_gets_a_doctor_url_then_it_scores_that_doctor_over_the_api(
    api, llamacpp_model, tmp_path
):
    home = tmp_path / "home"
    home.mkdir()
    (home / "models").symlink_to(TEST_HOME / "models", target_is_directory=True)
    env = {
        **os.environ,
        "MEDCHAT_HOME": str(home),
        "MEDCHAT_API_KEY": api.key,
        "MEDCHAT_MAX_NEW_TOKENS": "16",
        "MEDCHAT_LOG_LEVEL": "WARNING",
        "HF_HUB_OFFLINE": "1",
    }
    out = tmp_path / "out"
    cmd = [
        sys.executable, "-m", "medchat", "eval", "doctor",
        "--personas", str(ROOT / "personas" / "authored" / f"{PERSONA}.yaml"),
        "--doctor-url", f"{llamacpp_model.server.base_url}/v1", "--model", SMALL_MODEL,
        "--patient-url", api.url, "--max-turns", "4", "--runs", "1", "--out", str(out),
    ]  # fmt: skip
    proc = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "over the patient API" in proc.stdout and "top-1 diagnostic accuracy" in proc.stdout
    result = json.loads((out / "results.json").read_text())
    (episode,) = result["episodes"]
    assert result["over_api"] is True and episode["persona_id"] == PERSONA
    session = api.desk.transcript(api.keys.check(api.key).owner, episode["session_id"])
    assert session["status"] == "ended"  # the API's end-of-consultation call was made
    stored = [t["role"] for t in session["turns"]]
    assert stored.count("doctor") == stored.count("patient") >= 1
