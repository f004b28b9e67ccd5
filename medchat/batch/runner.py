"""Run a generation job locally: dialogues advance together on threads, so each step's model
calls meet in the model layer's batching queue (or go concurrently to an OpenAI-compatible
server, which batches them itself). Finished dialogues are journaled as they complete.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm

from medchat.batch.dialogue import Cancelled, run_dialogue
from medchat.batch.formats import get_format
from medchat.batch.journal import Journal
from medchat.batch.plan import Item
from medchat.config import Settings
from medchat.dialogue.sessions import Wiring
from medchat.log import get_logger

log = get_logger("batch")


@dataclass
class Budget:
    """Stop starting new dialogues once either limit is reached (running ones finish), or at
    once when `cancel` is set (running local dialogues stop after their current turn)."""

    max_seconds: float | None = None
    max_chunks: int | None = None
    started: float = field(default_factory=time.monotonic)
    chunks: int = 0
    cancel: threading.Event = field(default_factory=threading.Event)

    def exhausted(self) -> str | None:
        if self.cancel.is_set():
            return "cancel"
        if self.max_seconds is not None and time.monotonic() - self.started >= self.max_seconds:
            return "time"
        if self.max_chunks is not None and self.chunks >= self.max_chunks:
            return "tokens"
        return None


@dataclass
class JobResult:
    accepted: int = 0
    rejected: int = 0
    skipped: int = 0
    stopped_by: str | None = None
    seconds: float = 0.0
    model_seconds: float = 0.0
    chunks: int = 0


class Output:
    """The job's files: accepted dialogues and rejects, both resumable journals."""

    def __init__(self, out_dir: Path, fmt: str):
        self.dir = out_dir
        self.convert = get_format(fmt)
        self.dialogues = Journal(out_dir / "dialogues.jsonl")
        self.rejects = Journal(out_dir / "rejects.jsonl")

    def done(self) -> set[str]:
        return self.dialogues.ids | self.rejects.ids

    def write(self, record: dict[str, Any], result: JobResult) -> None:
        reason = record.pop("reject_reason")
        if reason is None:
            self.dialogues.append(self.convert(record))
            result.accepted += 1
        else:
            self.rejects.append({**record, "reason": reason})
            result.rejected += 1
        timings = record["metadata"]["timings"]
        result.model_seconds += timings["model_seconds"]
        result.chunks += record["metadata"]["token_counts"]["generated_chunks"]

    def close(self) -> None:
        self.dialogues.close()
        self.rejects.close()


def pending(items: Iterable[Item], done: set[str]) -> list[Item]:
    return [item for item in items if item.id not in done]


def run_local(
    items: list[Item],
    wiring: Wiring,
    output: Output,
    concurrency: int,
    budget: Budget,
    progress: bool = True,
) -> JobResult:
    todo = pending(items, output.done())
    result = JobResult(skipped=len(items) - len(todo))
    records = _local_records(
        todo, lambda item: run_dialogue(wiring, item, budget.cancel.is_set), concurrency, budget
    )
    return _collect(records, output, result, budget, len(todo), progress)


def _local_records(
    todo: list[Item],
    work: Callable[[Item], dict[str, Any]],
    concurrency: int,
    budget: Budget,
) -> Iterator[dict[str, Any]]:
    queue = list(reversed(todo))
    running: set[Future] = set()
    with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="dialogue") as pool:
        while queue or running:
            while queue and len(running) < concurrency and not budget.exhausted():
                running.add(pool.submit(work, queue.pop()))
            if not running:
                return
            finished, running = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                try:
                    yield future.result()
                except Cancelled:
                    continue  # unfinished: not journaled, so a resumed job plays it again


def _collect(
    records: Iterable[dict[str, Any]],
    output: Output,
    result: JobResult,
    budget: Budget,
    total: int,
    progress: bool,
) -> JobResult:
    bar = tqdm(total=total, unit="dialogue", disable=not progress, desc="generating")
    started = time.monotonic()
    for record in records:
        output.write(record, result)
        budget.chunks = result.chunks
        bar.update(1)
        bar.set_postfix(accepted=result.accepted, rejected=result.rejected)
        log.info(
            "dialogue_done",
            dialogue=record["id"],
            accepted=result.accepted,
            rejected=result.rejected,
        )
    bar.close()
    result.seconds = time.monotonic() - started
    result.stopped_by = budget.exhausted() if result.accepted + result.rejected < total else None
    return result


def batch_settings(settings: Settings) -> Settings:
    """Datasets get realistic surrogates instead of `<PERSON_1>` tags."""
    return settings.model_copy(update={"scrub_style": "fake"})
