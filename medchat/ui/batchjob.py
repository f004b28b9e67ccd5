"""A dataset generation job run from the app: the CLI's batch runner on a background thread.

The job uses the app's own model (through the backend's warmup), so no second copy is loaded,
and writes under `home/datasets/<job id>` only. Progress is observed by wrapping the runner's
`Output`, which sees every finished (already scrubbed) dialogue as it is journaled.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from medchat.batch.runner import Budget, JobResult, Output, batch_settings, pending, run_local
from medchat.errors import MedChatError
from medchat.log import get_logger
from medchat.ui.backend import Backend

log = get_logger("ui.generate")

ACTIVE = ("preparing", "running", "cancelling")


@dataclass(frozen=True)
class JobSpec:
    """Everything that determines a job's dialogues; equal specs of one owner share a folder,
    so starting a cancelled job again resumes it."""

    persona_ids: tuple[str, ...]
    variants: int
    n: int
    max_turns: int
    fmt: str
    seed: int
    model: str

    def job_id(self, owner: str) -> str:
        key = json.dumps({"owner": owner, **asdict(self)}, sort_keys=True)
        return hashlib.sha256(key.encode()).hexdigest()[:16]


@dataclass
class JobStatus:
    """A consistent copy of a job's progress, for the page to show."""

    job_id: str
    state: str = "preparing"  # preparing, running, cancelling, finished, cancelled, failed
    total: int = 0
    accepted: int = 0
    rejected: int = 0
    skipped: int = 0
    running_since: float | None = None
    finished_at: float | None = None
    message: str = ""
    preview: list[dict[str, str]] = field(default_factory=list)
    preview_note: str = ""
    files: list[Path] = field(default_factory=list)

    @property
    def active(self) -> bool:
        return self.state in ACTIVE

    @property
    def done(self) -> int:
        return self.skipped + self.accepted + self.rejected

    def rate_per_hour(self) -> float:
        """Dialogues finished in this run per hour (resumed ones do not count)."""
        if self.running_since is None:
            return 0.0
        elapsed = (self.finished_at or time.monotonic()) - self.running_since
        made = self.accepted + self.rejected
        return made / elapsed * 3600 if elapsed > 0 and made else 0.0

    def eta_seconds(self) -> float | None:
        rate = self.rate_per_hour()
        return (self.total - self.done) / rate * 3600 if rate else None


class _WatchedOutput(Output):
    """The runner's output, also telling the job about each finished dialogue."""

    def __init__(self, out_dir: Path, fmt: str, job: BatchJob):
        super().__init__(out_dir, fmt)
        self._job = job

    def write(self, record: dict[str, Any], result: JobResult) -> None:
        reason = record.get("reject_reason")
        super().write(record, result)
        self._job._observe(record, reason, result)


class BatchJob:
    """One generation job; `cancel` stops it within a model turn and keeps the journals whole."""

    def __init__(
        self,
        spec: JobSpec,
        owner: str,
        out_dir: Path,
        serve_dir: Path,
        backend: Backend,
        concurrency: int,
    ):
        self.spec = spec
        self.owner = owner
        self.out_dir = out_dir
        self.serve_dir = serve_dir
        self.backend = backend
        self.concurrency = concurrency
        self.budget = Budget()
        self._status = JobStatus(spec.job_id(owner))
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="medchat-generate", daemon=True)

    @property
    def job_id(self) -> str:
        return self._status.job_id

    def start(self) -> BatchJob:
        self._thread.start()
        return self

    def status(self) -> JobStatus:
        with self._lock:
            copy = JobStatus(**{**self._status.__dict__})
            copy.preview = list(self._status.preview)
            copy.files = list(self._status.files)
        if copy.state == "preparing":
            copy.message = self.backend.status(self.spec.model)
        return copy

    def cancel(self) -> None:
        self.budget.cancel.set()
        with self._lock:
            if self._status.active:
                self._status.state = "cancelling"

    def join(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    # -- the job thread ----------------------------------------------------------------------
    def _update(self, **changes: Any) -> None:
        with self._lock:
            for name, value in changes.items():
                setattr(self._status, name, value)

    def _observe(self, record: dict[str, Any], reason: str | None, result: JobResult) -> None:
        note = "accepted" if reason is None else f"rejected ({reason})"
        self._update(
            accepted=result.accepted,
            rejected=result.rejected,
            preview=list(record["messages"]),
            preview_note=f"{record['persona_id']} variant {record['variant']}: {note}",
        )

    def _run(self) -> None:
        log.info("generate_started", job=self.job_id, owner=self.owner, planned=self.spec.n)
        try:
            model = self.backend.warmup(self.spec.model).wait()
            if self.budget.cancel.is_set():
                self._update(state="cancelled", message="Cancelled before it started.")
                return
            result = self._generate(model)
            files = self._publish()
        except MedChatError as exc:
            self._update(state="failed", message=str(exc), finished_at=time.monotonic())
            log.info("generate_failed", job=self.job_id, error=type(exc).__name__)
            return
        except Exception as exc:  # a bug: say so on the page instead of spinning forever
            log.exception("generate_crashed", job=self.job_id)
            self._update(
                state="failed",
                message=f"The job failed ({type(exc).__name__}); see the server log.",
                finished_at=time.monotonic(),
            )
            return
        cancelled = result.stopped_by == "cancel"
        self._update(
            state="cancelled" if cancelled else "finished",
            files=files,
            finished_at=time.monotonic(),
            message="Cancelled: the finished dialogues are kept; start the same job again to "
            "resume it."
            if cancelled
            else "",
        )
        log.info(
            "generate_done",
            job=self.job_id,
            accepted=result.accepted,
            rejected=result.rejected,
            skipped=result.skipped,
            cancelled=cancelled,
        )

    def _generate(self, model: Any) -> JobResult:
        from medchat.batch.card import write_card
        from medchat.batch.formats import export_parquet
        from medchat.batch.plan import plan
        from medchat.dialogue.sessions import Wiring
        from medchat.dialogue.wiring import guard_factory
        from medchat.personas.loader import get_persona

        spec = self.spec
        settings = batch_settings(self.backend.settings).model_copy(
            update={"model": spec.model, "max_turns": spec.max_turns}
        )
        wiring = Wiring(settings, self.backend.store, guard_factory(settings), lambda role: model)
        models = {"doctor": spec.model, "patient": spec.model, "backend": settings.resolved_backend}
        personas = [get_persona(pid) for pid in spec.persona_ids]
        items = plan(personas, spec.variants, spec.n, spec.seed, models, spec.max_turns)
        output = _WatchedOutput(self.out_dir, spec.fmt, self)
        try:
            skipped = len(items) - len(pending(items, output.done()))
            self._update(
                state="cancelling" if self.budget.cancel.is_set() else "running",
                total=len(items),
                skipped=skipped,
                running_since=time.monotonic(),
            )
            result = run_local(items, wiring, output, self.concurrency, self.budget, False)
        finally:
            output.close()
        if spec.fmt == "parquet":
            export_parquet(self.out_dir / "dialogues.jsonl", self.out_dir / "dialogues.parquet")
        job = {"source": "app", "spec": asdict(spec), "models": models, "planned": len(items)}
        write_card(self.out_dir, job)
        return result

    def _publish(self) -> list[Path]:
        """Copies of the job's files where Gradio may serve them (its temp dir), so the app
        never has to expose `home`."""
        target = self.serve_dir / self.job_id
        if target.exists():
            shutil.rmtree(target)
        target.mkdir(parents=True)
        paths = sorted(
            (p for p in self.out_dir.iterdir() if p.is_file()),
            key=lambda p: (not p.name.startswith("dialogues"), p.name),
        )
        return [Path(shutil.copy2(path, target / path.name)) for path in paths]
