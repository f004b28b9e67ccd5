"""The Generate job: one recipe for the CLI and the app, and the app's jobs kept in Redis.

`generate` is the recipe (settings, personas, plan, output, run, card and parquet) that
`python -m medchat generate` runs in the foreground and `JobService` runs on a background thread.
A job's progress lives in Redis (`job_store`), so any app process sharing it can show it or
cancel it; the thread stays in the process that started it, and beats a heartbeat so others
can tell when that process is gone.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Protocol

from medchat.batch.formats import FORMATS
from medchat.batch.plan import Item
from medchat.batch.runner import Budget, JobResult, Output, batch_settings, pending
from medchat.config import Settings
from medchat.errors import MedChatError
from medchat.log import get_logger
from medchat.models.warmup import ModelWarmup
from medchat.personas.schema import Persona
from medchat.service.job_run import Heartbeat, JobWriter, Watch
from medchat.service.job_store import JobBusyError, JobSpec, JobStatus, JobStore
from medchat.store.sessions import SessionStore

__all__ = [
    "FORMATS",
    "Budget",
    "JobBusyError",
    "JobResult",
    "JobService",
    "JobSpec",
    "JobStatus",
    "JobStore",
    "Watch",
    "generate",
    "local_runner",
    "ray_runner",
]

log = get_logger("service.jobs")

# How dialogues get played: the items, the job's settings, where they go, when to stop.
Runner = Callable[[list[Item], Settings, Output, Budget], JobResult]


class _WatchedOutput(Output):
    def __init__(self, out_dir: Path, fmt: str, watch: Watch):
        super().__init__(out_dir, fmt)
        self._watch = watch

    def write(self, record: dict[str, Any], result: JobResult) -> None:
        reason = record.get("reject_reason")
        super().write(record, result)
        self._watch.finished(record, reason, result)


def local_runner(
    wiring: Callable[[Settings], Any] | None = None, concurrency: int = 8, progress: bool = False
) -> Runner:
    """Dialogues on threads in this process; `wiring(settings)` gives their model and store
    (default: load the configured model, as the CLI does)."""

    def run(items: list[Item], settings: Settings, output: Output, budget: Budget) -> JobResult:
        from medchat.batch.runner import run_local
        from medchat.dialogue.wiring import default_wiring

        made = (wiring or default_wiring)(settings)
        return run_local(items, made, output, concurrency, budget, progress)

    return run


def ray_runner(
    address: str, concurrency: int = 8, actors: int | None = None, progress: bool = False
) -> Runner:
    """Dialogues on a Ray cluster ("auto", "local" or "ray://host:port")."""

    def run(items: list[Item], settings: Settings, output: Output, budget: Budget) -> JobResult:
        from medchat.batch.ray_runner import run_ray

        return run_ray(items, settings, output, address, concurrency, budget, actors, progress)

    return run


def generate(
    spec: JobSpec,
    settings: Settings,
    out_dir: Path,
    runner: Runner,
    personas: Sequence[Persona] | None = None,
    budget: Budget | None = None,
    card: dict[str, Any] | None = None,
    watch: Watch | None = None,
) -> JobResult:
    """Play the spec's dialogues into `out_dir` (resuming whatever is journaled there), then
    write the dataset card (and the parquet file). `personas` defaults to the registry's."""
    from medchat.batch.card import write_card
    from medchat.batch.formats import export_parquet
    from medchat.batch.plan import plan
    from medchat.personas.loader import get_persona

    settings = batch_settings(settings).model_copy(
        update={"model": spec.model, "max_turns": spec.max_turns}
    )
    if personas is None:
        personas = [get_persona(pid) for pid in spec.persona_ids]
    models = {"doctor": spec.model, "patient": spec.model, "backend": settings.resolved_backend}
    items = plan(list(personas), spec.variants, spec.n, spec.seed, models, spec.max_turns)
    watch = watch or Watch()
    budget = budget or Budget()
    output = _WatchedOutput(out_dir, spec.fmt, watch)
    try:
        watch.started(len(items), len(items) - len(pending(items, output.done())))
        result = runner(items, settings, output, budget)
    finally:
        output.close()
    if spec.fmt == "parquet":
        export_parquet(out_dir / "dialogues.jsonl", out_dir / "dialogues.parquet")
    job = {**(card or {}), "models": models, "planned": len(items), "max_turns": spec.max_turns}
    write_card(out_dir, job)
    return result


class JobParts(Protocol):
    """What a process runs app jobs with (`SessionService` has these): its settings, the
    session store the dialogues are kept in, and its prepared models."""

    settings: Settings
    store: SessionStore

    def warmup(self, name: str | None = None) -> ModelWarmup: ...


@dataclass
class _Run:
    """The handle of a job this process runs: its thread and its stop switch."""

    thread: threading.Thread
    budget: Budget


class JobService:
    """Start, follow and cancel each owner's generate job. State is in Redis; `parts=None`
    makes a process that can show and cancel jobs but not run them."""

    def __init__(
        self,
        store: JobStore,
        root: Path,
        parts: JobParts | None = None,
        concurrency: int = 4,
    ):
        self.store = store
        self.root = root
        self.parts = parts
        self.concurrency = concurrency
        self.beat_s = min(1.0, store.stale_after_s / 3)
        self._runs: dict[str, _Run] = {}
        self._lock = threading.Lock()

    @classmethod
    def for_app(cls, parts: JobParts, root: Path | None = None, concurrency: int = 4) -> JobService:
        """Jobs in the app's own Redis, written under `home/datasets/<job id>`."""
        store = JobStore.for_settings(parts.store.r, parts.settings)
        return cls(store, root or parts.settings.home / "datasets", parts, concurrency)

    @classmethod
    def connect(cls, settings: Settings, parts: JobParts | None = None) -> JobService:
        """Jobs in the configured Redis (`medchat.store.connect`)."""
        from medchat.store import connect

        store = JobStore.for_settings(connect(settings), settings)
        return cls(store, settings.home / "datasets", parts)

    # -- use cases ---------------------------------------------------------------------------
    def start(self, owner: str, spec: JobSpec) -> str:
        """Start (or resume) the spec's job on a thread here; its id. Refused while the owner
        has an active job in any process."""
        if self.parts is None:
            raise MedChatError("This process cannot run generate jobs (no model is configured).")
        job_id, run = spec.job_id(owner), uuid.uuid4().hex
        self.store.claim(owner, job_id, run)
        budget = Budget()
        thread = threading.Thread(
            target=self._run,
            args=(owner, spec, job_id, run, budget),
            name="medchat-generate",
            daemon=True,
        )
        with self._lock:
            self._runs[job_id] = _Run(thread, budget)
        thread.start()
        return job_id

    def status(self, owner: str) -> JobStatus | None:
        """The owner's latest job, whichever process runs it; None if there is none."""
        job_id = self.store.latest(owner)
        return self.store.read(owner, job_id) if job_id else None

    def cancel(self, owner: str) -> bool:
        """Ask the owner's job to stop after its current turns; False if none is active."""
        job_id = self.store.latest(owner)
        if job_id is None or not self.store.request_cancel(owner, job_id):
            return False
        with self._lock:
            local = self._runs.get(job_id)
        if local is not None:  # running here: no need to wait for the next heartbeat
            local.budget.cancel.set()
        return True

    def join(self, job_id: str, timeout: float | None = None) -> None:
        """Wait for a job this process runs (tests, and an orderly shutdown)."""
        with self._lock:
            local = self._runs.get(job_id)
        if local is not None:
            local.thread.join(timeout)

    # -- the job thread ----------------------------------------------------------------------
    def _run(self, owner: str, spec: JobSpec, job_id: str, run: str, budget: Budget) -> None:
        assert self.parts is not None
        job = JobWriter(self.store, owner, job_id, run, budget)
        beat = Heartbeat(job, self.beat_s)
        beat.start()
        log.info("generate_started", job=job_id, owner=owner, planned=spec.n)
        try:
            model = self._prepare(spec.model, beat)
            if budget.cancel.is_set():
                job.write(state="cancelled", message="Cancelled before it started.")
                return
            result = self._generate(spec, job_id, model, job)
        except MedChatError as exc:
            job.write(state="failed", message=str(exc), finished_at=time.time())
            log.info("generate_failed", job=job_id, error=type(exc).__name__)
            return
        except Exception as exc:  # a bug: say so on the page instead of spinning forever
            log.exception("generate_crashed", job=job_id)
            message = f"The job failed ({type(exc).__name__}); see the server log."
            job.write(state="failed", message=message, finished_at=time.time())
            return
        finally:
            beat.stop()
            with self._lock:
                self._runs.pop(job_id, None)
        self._finish(job, result)

    def _prepare(self, name: str, beat: Heartbeat) -> Any:
        """The job's model; meanwhile the heartbeat shows how its preparation goes."""
        assert self.parts is not None
        try:
            warmup = self.parts.warmup(name)
            beat.show(warmup.status.describe)
            return warmup.wait()
        finally:
            beat.show(None)

    def _generate(self, spec: JobSpec, job_id: str, model: Any, job: JobWriter) -> JobResult:
        from medchat.dialogue.sessions import Wiring
        from medchat.dialogue.wiring import guard_factory

        assert self.parts is not None
        store = self.parts.store

        def wiring(settings: Settings) -> Wiring:
            return Wiring.one_model(settings, store, guard_factory(settings), model)

        return generate(
            spec,
            self.parts.settings,
            self.root / job_id,
            local_runner(wiring, self.concurrency),
            budget=job.budget,
            card={"source": "app", "spec": asdict(spec)},
            watch=job,
        )

    def _finish(self, job: JobWriter, result: JobResult) -> None:
        out = self.root / job.job_id
        files = sorted(
            (p for p in out.iterdir() if p.is_file()),
            key=lambda p: (not p.name.startswith("dialogues"), p.name),
        )
        cancelled = result.stopped_by == "cancel"
        message = (
            "Cancelled: the finished dialogues are kept; start the same job again to resume it."
            if cancelled
            else ""
        )
        job.write(
            state="cancelled" if cancelled else "finished",
            files=files,
            finished_at=time.time(),
            message=message,
        )
        log.info(
            "generate_done",
            job=job.job_id,
            accepted=result.accepted,
            rejected=result.rejected,
            skipped=result.skipped,
            cancelled=cancelled,
        )
