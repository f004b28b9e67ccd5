"""The same job on a Ray cluster: model holders are actors, dialogues are calls to them.

Each actor loads the model once (one per GPU on GPU nodes) and runs several dialogues at a
time on threads, so its batching layer still batches them. Results come back as they finish
and go to the same journals, so resume rules are those of a local run. Ray does the
scheduling; MedChat writes none.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from medchat.batch.plan import Item
from medchat.batch.runner import Budget, JobResult, Output, _collect, pending
from medchat.config import Settings
from medchat.errors import MedChatError
from medchat.log import get_logger

log = get_logger("batch.ray")


class _DialogueWorker:
    """Holds one model and safety layer; `run` plays one dialogue."""

    def __init__(self, settings: Settings):
        from medchat.dialogue.wiring import default_wiring

        self.wiring = default_wiring(settings)

    def run(self, item: dict[str, Any]) -> dict[str, Any]:
        from medchat.batch.dialogue import run_dialogue

        return run_dialogue(self.wiring, Item(**item))

    def close(self) -> None:
        """Stop the model thread and the embedded Redis this actor started: `ray.kill` ends the
        process without running its exit hooks, which left a redis-server behind per job."""
        from medchat.lifecycle import shutdown

        shutdown()


def _connect(address: str, num_cpus: int | None) -> Any:
    try:
        import ray
    except ImportError:
        raise MedChatError("Ray is not installed: pip install 'ray==2.60.0'") from None
    if not ray.is_initialized():
        if address == "local":
            ray.init(num_cpus=num_cpus, include_dashboard=False, log_to_driver=False)
        else:
            ray.init(address=address, log_to_driver=False)
    return ray


def run_ray(
    items: list[Item],
    settings: Settings,
    output: Output,
    address: str,
    concurrency: int,
    budget: Budget,
    actors: int | None = None,
    progress: bool = True,
) -> JobResult:
    """`address`: "auto" (a running cluster), "local" (start one here) or "ray://host:port"."""
    todo = pending(items, output.done())
    result = JobResult(skipped=len(items) - len(todo))
    if not todo:
        return result
    ray = _connect(address, num_cpus=None)
    gpus = int(ray.cluster_resources().get("GPU", 0))
    count = actors or max(1, gpus)
    worker_cls = ray.remote(num_gpus=1 if gpus else 0, num_cpus=1, max_concurrency=concurrency)(
        _DialogueWorker
    )
    workers = [worker_cls.remote(settings) for _ in range(count)]
    records = _ray_records(ray, workers, todo, concurrency, budget)
    try:
        return _collect(records, output, result, budget, len(todo), progress)
    finally:
        _close(ray, workers)


def _close(ray, workers) -> None:
    """Close the actors one at a time, then kill them. One at a time, because an actor leaves
    a shared embedded Redis running while another actor is still connected to it."""
    for worker in workers:
        try:
            ray.get(worker.close.remote(), timeout=60)
        except Exception as exc:  # a dead or hung actor: killed below all the same
            log.warning("ray_actor_close_failed", error=type(exc).__name__)
    for worker in workers:
        ray.kill(worker)


def _ray_records(ray, workers, todo, concurrency, budget) -> Iterator[dict[str, Any]]:
    queue = list(reversed(todo))
    running: list = []
    limit = concurrency * len(workers)
    turn = 0
    while queue or running:
        while queue and len(running) < limit and not budget.exhausted():
            item = queue.pop()
            running.append(workers[turn % len(workers)].run.remote(item.__dict__))
            turn += 1
        if not running:
            return
        finished, running = ray.wait(running, num_returns=1)
        for ref in finished:
            yield ray.get(ref)
