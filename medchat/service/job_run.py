"""The running side of an app job: its progress writes and its heartbeat.

Every write is also a heartbeat and brings back whether a cancel was asked for, from this process
or another one sharing the Redis, so the running thread honours a cancel within a beat.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from medchat.batch.runner import Budget, JobResult
from medchat.log import get_logger
from medchat.service.job_store import JobStore

log = get_logger("service.jobs")


class Watch:
    """Told what the recipe does, as it happens; the base ignores it (the CLI has tqdm)."""

    def started(self, total: int, skipped: int) -> None:
        """The plan is made and `skipped` of its `total` dialogues were finished before."""

    def finished(self, record: dict[str, Any], reason: str | None, result: JobResult) -> None:
        """A dialogue was journaled (its text already scrubbed); `reason` is None if accepted."""


class JobWriter(Watch):
    """The running job's side of its record: progress writes, each one also a heartbeat that
    brings back a cancel asked for by any process."""

    def __init__(self, store: JobStore, owner: str, job_id: str, run: str, budget: Budget):
        self.store, self.owner, self.job_id = store, owner, job_id
        self.run, self.budget = run, budget

    def write(self, **changes: Any) -> None:
        answer = self.store.update(self.owner, self.job_id, self.run, **changes)
        if answer != 0 and not self.budget.cancel.is_set():
            if answer < 0:
                log.warning("generate_superseded", job=self.job_id)
            self.budget.cancel.set()

    def started(self, total: int, skipped: int) -> None:
        self.write(state="running", total=total, skipped=skipped, running_since=time.time())

    def finished(self, record: dict[str, Any], reason: str | None, result: JobResult) -> None:
        note = "accepted" if reason is None else f"rejected ({reason})"
        self.write(
            accepted=result.accepted,
            rejected=result.rejected,
            preview=list(record["messages"]),
            preview_note=f"{record['persona_id']} variant {record['variant']}: {note}",
        )


class Heartbeat:
    """Writes the job's heartbeat every `period` seconds, with a status line (the model's
    preparation) while one is shown."""

    def __init__(self, job: JobWriter, period: float):
        self.job, self.period = job, period
        self._message: Callable[[], str] | None = None
        self._lock = threading.Lock()  # a beat in flight never lands after `show(None)`
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, name="medchat-heartbeat", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def show(self, message: Callable[[], str] | None) -> None:
        with self._lock:
            self._message = message

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _beat(self) -> None:
        while True:
            try:
                with self._lock:
                    self.job.write(**({"message": self._message()} if self._message else {}))
            except Exception:  # Redis away for a while: the next beat tries again
                log.warning("generate_heartbeat_failed", job=self.job.job_id, exc_info=True)
            if self._stop.wait(self.period):
                return
