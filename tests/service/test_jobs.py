"""Generate jobs whose state lives in Redis: one app process runs a job, another one (separate
objects sharing only the Redis server, or a real second Python process) follows and cancels it."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from medchat.service.jobs import JobBusyError, JobService, JobSpec, JobStatus, JobStore
from tests.conftest import ROOT, SMALL_MODEL, TEST_HOME

CASES = ("chest-pain-58m", "headache-44f")


def spec(n: int, seed: int, cases: tuple[str, ...] = CASES) -> JobSpec:
    return JobSpec(cases, variants=1, n=n, max_turns=2, fmt="openai", seed=seed, model=SMALL_MODEL)


def wait_for(jobs: JobService, owner: str, done, timeout: float = 300.0) -> JobStatus:
    """Poll as the Generate tab's timer does; generous for a busy two-core box."""
    deadline = time.monotonic() + timeout
    status = None
    while time.monotonic() < deadline:
        status = jobs.status(owner)
        if status is not None and done(status):
            return status
        time.sleep(0.2)
    raise AssertionError(f"the job did not get there in {timeout} s: {status}")


def journaled(out: Path) -> list[str]:
    paths = [p for p in (out / "dialogues.jsonl", out / "rejects.jsonl") if p.exists()]
    return [json.loads(line)["id"] for p in paths for line in p.read_text().splitlines()]


def test_when_one_process_runs_a_job_then_another_follows_it_cancels_it_and_sees_it_finish(
    parts, new_client, owner, tmp_path
):
    runner = JobService(JobStore(new_client()), tmp_path / "a", parts, concurrency=1)
    watcher = JobService(JobStore(new_client()), tmp_path / "b")  # no model: it only looks
    job = spec(n=3, seed=40)
    job_id = runner.start(owner, job)

    seen = wait_for(watcher, owner, lambda s: s.done >= 1)
    assert (seen.job_id, seen.total, seen.state) == (job_id, 3, "running")
    assert seen.running_since and seen.heartbeat and seen.preview
    assert seen.preview_note.split(" ")[0] in CASES
    with pytest.raises(JobBusyError, match="already have a job running"):
        runner.start(owner, job)
    assert watcher.cancel(owner)

    stopped = wait_for(watcher, owner, lambda s: not s.active)
    runner.join(job_id, timeout=60)
    first = journaled(tmp_path / "a" / job_id)
    assert stopped.state == "cancelled" and "resume" in stopped.message
    assert stopped.accepted + stopped.rejected == len(first) < 3
    assert not watcher.cancel(owner), "a stopped job has nothing to cancel"

    runner.start(owner, job)  # the same spec resumes where the journals end
    final = wait_for(watcher, owner, lambda s: not s.active)
    assert final.state == "finished" and final.skipped == len(first)
    assert final.done == final.total == 3 == len(set(journaled(tmp_path / "a" / job_id)))
    assert final.files[0].name == "dialogues.jsonl"
    assert final.finished_at >= final.running_since > seen.running_since


WATCHER = """
import json, sys, time
from medchat.config import Settings
from medchat.service.jobs import JobService

jobs = JobService.connect(Settings(home=sys.argv[1], redis_url=sys.argv[2]))
owner, deadline = sys.argv[3], time.monotonic() + 300
while time.monotonic() < deadline:
    status = jobs.status(owner)
    if status is not None and status.done >= 1:
        break
    time.sleep(0.2)
seen = {"state": status.state, "total": status.total, "done": status.done,
        "preview": len(status.preview)}
print(json.dumps({"seen": seen, "cancelled": jobs.cancel(owner)}))
"""


def test_when_a_second_python_process_watches_then_it_sees_progress_and_its_cancel_stops_the_job(
    parts, new_client, external_redis, owner, tmp_path
):
    runner = JobService(JobStore(new_client()), tmp_path, parts, concurrency=1)
    job_id = runner.start(owner, spec(n=3, seed=60))
    other = subprocess.run(
        [sys.executable, "-c", WATCHER, str(TEST_HOME), external_redis, owner],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=400,
    )
    assert other.returncode == 0, other.stderr[-2000:]
    told = json.loads(other.stdout.splitlines()[-1])
    assert told["cancelled"] and told["seen"]["total"] == 3 and told["seen"]["done"] >= 1
    assert told["seen"]["state"] == "running" and told["seen"]["preview"] > 0
    runner.join(job_id, timeout=120)
    final = runner.status(owner)
    assert final.state == "cancelled" and final.done < 3
    assert final.done == len(journaled(tmp_path / job_id))


def test_when_a_jobs_heartbeat_goes_stale_then_it_shows_interrupted_and_a_new_start_takes_over(
    parts, new_client, owner, tmp_path
):
    store = JobStore(new_client(), ttl_days=1, stale_after_s=1.0)
    job = spec(n=1, seed=80, cases=CASES[:1])
    job_id = job.job_id(owner)
    store.claim(owner, job_id, run="dead")  # what a start writes; then its process died
    assert store.update(owner, job_id, "dead", state="running", total=1) == 0
    watcher = JobService(store, tmp_path)
    runner = JobService(JobStore(new_client(), stale_after_s=1.0), tmp_path, parts)
    assert watcher.status(owner).state == "running"
    with pytest.raises(JobBusyError):
        runner.start(owner, job)

    time.sleep(1.3)
    status = watcher.status(owner)
    assert status.state == "interrupted" and not status.active and "resume" in status.message
    assert not watcher.cancel(owner)

    assert runner.start(owner, job) == job_id
    assert store.update(owner, job_id, "dead", accepted=9) == -1, "the old run is refused"
    patient = JobService(JobStore(new_client()), tmp_path)  # the default staleness, 30 s
    final = wait_for(patient, owner, lambda s: not s.active)
    assert final.state == "finished" and final.done == final.total == 1


def test_when_a_process_without_a_model_is_asked_to_start_then_it_says_so(new_client, owner):
    from medchat.errors import MedChatError

    watcher = JobService(JobStore(new_client()), Path("unused"))
    with pytest.raises(MedChatError, match="cannot run generate jobs"):
        watcher.start(owner, spec(n=1, seed=0))
    assert watcher.status(owner) is None
