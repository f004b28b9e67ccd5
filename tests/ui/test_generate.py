"""The Generate tab's controller over the real small model, real Redis and the batch runner."""

from __future__ import annotations

import json
import re
import time
import uuid
from pathlib import Path

import pytest

from medchat.models.warmup import ModelWarmup
from medchat.personas.loader import default_registry
from medchat.service.sessions import SessionService
from medchat.ui.controllers import generate
from medchat.ui.controllers.generate import JobBoard

CASES = ["chest-pain-58m", "headache-44f"]
FORM = {
    "chosen": CASES,
    "pattern": "*",
    "specialty": "any",
    "variants": 1,
    "n": 2,
    "max_turns": 4,
    "fmt": "openai",
    "seed": 0,
}


@pytest.fixture
def owner():
    return f"user-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def board(backend, tmp_path):
    return JobBoard(backend, root=tmp_path / "datasets", serve_dir=tmp_path / "serve")


def wait_for(board: JobBoard, owner: str, done, timeout: float = 300.0):
    """Poll as the tab's timer does until `done(status)`; generous for a busy two-core box."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = board.jobs.status(owner)
        if done(status):
            return status
        time.sleep(0.2)
    raise AssertionError(f"the job did not get there in {timeout} s: {status}")


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def test_when_a_job_runs_then_files_progress_and_a_scrubbed_preview_are_offered(
    backend, board, owner
):
    view = generate.start(board, default_registry(), owner, **FORM)
    assert view.active and "job <code>" in view.progress
    status = wait_for(board, owner, lambda s: not s.active)
    assert status.state == "finished", status.message
    out = board.root / status.job_id
    accepted, rejected = lines(out / "dialogues.jsonl"), lines(out / "rejects.jsonl")
    assert status.accepted + status.rejected == status.total == 2
    assert (len(accepted), len(rejected)) == (status.accepted, status.rejected)
    assert {r["persona_id"] for r in accepted + rejected} == set(CASES)
    for record in accepted:  # the OpenAI format, doctor as the assistant
        assert record["messages"][0]["role"] == "system"
        assert {m["role"] for m in record["messages"][1:]} <= {"assistant", "user"}
    for record in accepted + rejected:
        # what the file holds is what the engine stored, and the store only ever gets
        # scrubbed text; datasets use realistic surrogates, never <PERSON_1> tags
        stored = [t.text for t in backend.store.turns(record["metadata"]["session_id"])]
        texts = [m.get("content") for m in record["messages"] if m.get("role") != "system"]
        texts = [t.removeprefix("[Examiner] ") for t in texts]
        assert texts == stored
        assert len(record["metadata"]["safety_labels"]) == len(stored)
        assert not any(re.search(r"<[A-Z_]+_\d+>", t) for t in texts)
    served = generate.poll(board, owner).files
    names = [Path(f).name for f in served]
    assert names[0] == "dialogues.jsonl"
    assert {"rejects.jsonl", "README.md", "turns_histogram.png"} <= set(names)
    assert all(Path(f).parent.parent == board.serve_dir for f in served)
    assert all(f.parent == out for f in status.files)  # the record names the job's own files
    final = generate.poll(board, owner)
    assert "2 of 2 dialogues done" in final.progress and "Finished" in final.progress
    assert status.preview_note.split(" ")[0] in CASES and "Last finished" in final.progress
    assert final.preview[0]["content"].startswith("**Doctor:**")
    assert len(final.preview) == len(stored)  # the preview is one whole finished dialogue


def test_when_a_job_is_cancelled_then_journals_stay_whole_and_it_resumes(backend, tmp_path, owner):
    board = JobBoard(backend, tmp_path / "datasets", tmp_path / "serve", concurrency=1)
    form = FORM | {"n": 3, "max_turns": 2, "seed": 100}
    generate.start(board, default_registry(), owner, **form)
    again = generate.start(board, default_registry(), owner, **form)
    assert "already have a job running" in again.progress
    wait_for(board, owner, lambda s: s.done >= 1)
    view = generate.cancel(board, owner)
    assert "Cancelling" in view.progress or "Cancelled" in view.progress
    status = wait_for(board, owner, lambda s: not s.active)
    assert status.state == "cancelled" and "resume" in status.message
    out = board.root / status.job_id
    first = [r["id"] for r in lines(out / "dialogues.jsonl") + lines(out / "rejects.jsonl")]
    assert 1 <= len(first) == len(set(first)) < 3
    assert len(first) == status.done and "README.md" in [f.name for f in status.files]

    generate.start(board, default_registry(), owner, **form)
    resumed = wait_for(board, owner, lambda s: s.state != "preparing")
    assert board.jobs.status(owner).job_id == status.job_id and resumed.skipped == len(first)
    generate.cancel(board, owner)
    wait_for(board, owner, lambda s: not s.active)
    ids = [r["id"] for r in lines(out / "dialogues.jsonl") + lines(out / "rejects.jsonl")]
    assert len(ids) == len(set(ids)) and set(first) <= set(ids)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"chosen": [], "pattern": "personas/authored/*.yaml"}, "looks like a file path"),
        ({"chosen": [], "pattern": "zzz-*"}, "No cases match 'zzz-*'"),
        ({"specialty": "dermatology"}, "No cases match '*' in dermatology"),
        ({"chosen": ["no-such-case"]}, "Unknown persona 'no-such-case'"),
        ({"variants": 0}, "Variants must be a whole number from 1 to 20"),
        ({"n": 2.5}, "Dialogues must be a whole number"),
        ({"max_turns": 1}, "Max turns must be a whole number from 2"),
        ({"fmt": "csv"}, "Choose a format: openai, sharegpt, parquet"),
        ({"seed": None}, "The seed must be a whole number"),
    ],
)
def test_when_the_form_is_bad_then_a_clear_message_and_no_job(board, owner, change, expected):
    view = generate.start(board, default_registry(), owner, **(FORM | change))
    assert expected in view.progress and "medchat-notice" in view.progress
    assert board.jobs.status(owner) is None and not view.active


def test_when_the_model_fails_to_load_then_the_job_fails_with_its_error(
    ui_settings, ui_store, tmp_path, owner
):
    def broken(progress):
        raise OSError("disk full")

    failing = SessionService(ui_settings, ui_store, ModelWarmup(broken), lambda meta, store: None)
    board = JobBoard(failing, root=tmp_path / "datasets", serve_dir=tmp_path / "serve")
    generate.start(board, default_registry(), owner, **FORM)
    status = wait_for(board, owner, lambda s: not s.active, timeout=10)
    assert status.state == "failed" and "disk full" in status.message
    view = generate.poll(board, owner)
    assert "medchat-error" in view.progress and not view.files and not view.active
    assert not (board.root / status.job_id).exists()


def test_when_the_generate_controller_is_imported_then_gradio_is_not():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import medchat.ui.controllers.generate\n"
        "assert 'gradio' not in sys.modules, 'the generate controller imports gradio'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(
    ("state", "label", "banner"),
    [
        ("interrupted", "Interrupted", "medchat-error"),
        ("failed", "Failed", "medchat-error"),
        ("cancelled", "Cancelled", "medchat-notice"),
    ],
)
def test_when_a_job_has_stopped_then_the_progress_names_the_state_and_shows_its_message(
    state, label, banner
):
    from medchat.service.jobs import JobStatus

    status = JobStatus("0123abcd", state=state, total=3, accepted=1, message="start it again")
    html = generate.progress_html(status)
    assert f"<strong>{label}</strong>" in html and banner in html and "start it again" in html
    assert "1 of 3 dialogues done" in html and not status.active
