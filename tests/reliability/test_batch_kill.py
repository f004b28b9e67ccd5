"""A batch job killed with SIGKILL at random moments, again and again, then run to the end:
the dataset holds every planned dialogue exactly once.

tests/batch kills one job once, right after its first dialogue; here the kill times are random
(during start-up, mid-dialogue, mid-write), several kills in a row, with the real small model.
The seed is printed so a failing run can be repeated.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import time

import pytest

from tests.batch.test_generate_cli import ENV, all_ids, generate, planned_ids
from tests.conftest import ROOT
from tests.reliability.report import write_result

pytestmark = pytest.mark.reliability

DIALOGUES, KILLS = 8, 5


def finished_ids(out) -> list[str]:
    """Ids on complete lines only: a kill mid-write may leave a partial last line."""
    ids = []
    for name in ("dialogues.jsonl", "rejects.jsonl"):
        path = out / name
        text = path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""
        ids += [json.loads(line)["id"] for line in text.split("\n")[:-1] if line.strip()]
    return ids


def test_when_a_job_is_killed_at_random_points_and_resumed_then_no_duplicates_no_gaps(tmp_path):
    seed = int(time.time())
    rng = random.Random(seed)
    print(f"batch kill seed {seed}", flush=True)
    out = tmp_path / "job"
    cmd = generate(out, "--n", str(DIALOGUES), "--concurrency", "2")
    progress = []
    for kill in range(KILLS):
        before = len(set(finished_ids(out)))
        proc = subprocess.Popen(
            cmd,
            env=ENV,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        # The first kill lands during start-up; later ones once the job has finished a random
        # number of new dialogues, plus a random delay, so they hit dialogues and writes.
        wait_for = 0 if kill == 0 else rng.randint(1, 2)
        deadline = time.monotonic() + 600
        while (
            proc.poll() is None
            and len(set(finished_ids(out))) < before + wait_for
            and time.monotonic() < deadline
        ):
            time.sleep(0.1)
        delay = rng.uniform(2.0, 10.0) if kill == 0 else rng.uniform(0.0, 4.0)
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        ids = finished_ids(out)
        progress.append(
            {"before": before, "after": len(set(ids)), "extra_delay_s": round(delay, 1)}
        )
        assert len(ids) == len(set(ids)) and set(ids) <= planned_ids(DIALOGUES)
    final = subprocess.run(cmd, env=ENV, cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert final.returncode == 0, final.stderr[-2000:]
    ids = all_ids(out)
    write_result("batch-kill", {"seed": seed, "dialogues": DIALOGUES, "kills": progress})
    assert len(ids) == len(set(ids)) == DIALOGUES, "a dialogue is missing or doubled"
    assert set(ids) == planned_ids(DIALOGUES)
