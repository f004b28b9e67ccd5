"""Request batching for the local backend: many callers, one `generate` call.

Concurrent requests (several UI users, many self-play dialogues) are gathered for a few
milliseconds and run as one left-padded `generate`; each caller still receives its own stream of
text. On a CPU this multiplies aggregate throughput because one decoding step for eight rows costs
little more than for one. Requests with different sampling settings go to separate batches.

Per-row bookkeeping happens in a `StoppingCriteria`, which `generate` calls once per step with the
new tokens already appended: it decodes each row, pushes the new text to that row's queue, and
stops a row on end-of-sequence, its own token budget, a stop string, or cancellation.
"""

from __future__ import annotations

import queue
import threading
import time
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from medchat.errors import ModelError, ModelTimeoutError
from medchat.log import get_logger
from medchat.models.local import LoadedModel

log = get_logger("models.batching")

_END = object()


@dataclass(frozen=True)
class GenParams:
    """Decoding settings of one request."""

    max_new_tokens: int = 200
    temperature: float = 0.0
    top_p: float = 1.0
    stop: tuple[str, ...] = ()
    ignore_eos: bool = False
    """Generate exactly `max_new_tokens` (benchmarks measure fixed-length work this way)."""

    @property
    def batch_key(self) -> tuple[bool, float, float, bool]:
        """Requests batch together only when these agree (the stop list is per row)."""
        sampling = self.temperature > 0
        return (
            sampling,
            self.temperature if sampling else 0.0,
            self.top_p if sampling else 1.0,
            self.ignore_eos,
        )


@dataclass
class _Request:
    prompt_ids: list[int]
    params: GenParams
    submitted: float
    out: queue.SimpleQueue = field(default_factory=queue.SimpleQueue)
    cancelled: threading.Event = field(default_factory=threading.Event)
    ids: list[int] = field(default_factory=list)
    emitted: str = ""
    done: bool = False
    finish_reason: str = ""
    first_token_at: float | None = None


class RequestStream:
    """The caller's side of one request: iterate for text deltas, or `cancel()`.

    Iteration raises `ModelTimeoutError` if the whole request exceeds `timeout_s`, and
    `ModelError` if generation failed; in both cases the request is cancelled.
    """

    def __init__(self, request: _Request, timeout_s: float | None):
        self._request = request
        self._deadline = None if timeout_s is None else request.submitted + timeout_s

    def __iter__(self) -> Iterator[str]:
        while True:
            wait = None if self._deadline is None else max(0.0, self._deadline - time.monotonic())
            try:
                item = self._request.out.get(timeout=wait)
            except queue.Empty:
                self.cancel()
                raise ModelTimeoutError(
                    "The model did not finish within the turn timeout "
                    "(MEDCHAT_TURN_TIMEOUT_S); the conversation is kept, try again."
                ) from None
            if item is _END:
                return
            if isinstance(item, BaseException):
                raise item
            yield item

    def text(self) -> str:
        return "".join(self)

    def cancel(self) -> None:
        self._request.cancelled.set()

    @property
    def finish_reason(self) -> str:
        return self._request.finish_reason

    @property
    def n_tokens(self) -> int:
        return len(self._request.ids)

    @property
    def time_to_first_token(self) -> float | None:
        first = self._request.first_token_at
        return None if first is None else first - self._request.submitted


class BatchingEngine:
    """One worker thread that runs gathered requests as batched `generate` calls."""

    def __init__(self, loaded: LoadedModel, window_ms: float = 8.0, max_batch_size: int = 16):
        self.loaded = loaded
        self.window_s = window_ms / 1000.0
        self.max_batch_size = max_batch_size
        self._inbox: queue.Queue[_Request | None] = queue.Queue()
        self._pending: list[_Request] = []
        self._closed = False
        self.batch_sizes: deque[int] = deque(maxlen=1000)
        """Sizes of the batches run so far (most recent last), for tests and benchmarks."""
        self._worker = threading.Thread(target=self._loop, name="medchat-batcher", daemon=True)
        self._worker.start()

    # -- caller side -------------------------------------------------------------------------
    def submit(
        self,
        messages: Sequence[dict[str, str]],
        params: GenParams,
        timeout_s: float | None = None,
    ) -> RequestStream:
        """Queue a chat request; returns at once with a stream of its reply."""
        if self._closed:
            raise ModelError("The model engine is shut down; restart the app.")
        prompt_ids = self.loaded.tokenizer.apply_chat_template(
            list(messages), add_generation_prompt=True, tokenize=True, return_dict=True
        )["input_ids"]
        request = _Request(list(prompt_ids), params, time.monotonic())
        self._inbox.put(request)
        return RequestStream(request, timeout_s)

    def close(self) -> None:
        self._closed = True
        self._inbox.put(None)
        self._worker.join(timeout=5)

    # -- worker side -------------------------------------------------------------------------
    def _loop(self) -> None:
        while True:
            batch = self._gather()
            if batch is None:
                return
            key = batch[0].params.batch_key
            group = [r for r in batch if r.params.batch_key == key]
            self._pending = [r for r in batch if r.params.batch_key != key]
            group = [r for r in group if not _drop_if_cancelled(r)]
            if group:
                self._run(group)

    def _gather(self) -> list[_Request] | None:
        batch = self._pending
        if not batch:
            if self._closed:
                return None
            first = self._inbox.get()
            if first is None:
                return None
            batch = [first]
        deadline = time.monotonic() + self.window_s
        while len(batch) < self.max_batch_size:
            remaining = deadline - time.monotonic()
            try:
                if remaining > 0:
                    item = self._inbox.get(timeout=remaining)
                else:
                    item = self._inbox.get_nowait()
            except queue.Empty:
                break
            if item is None:
                self._closed = True
                break
            batch.append(item)
        return batch

    def _run(self, group: list[_Request]) -> None:
        import torch
        from transformers import StoppingCriteriaList

        loaded = self.loaded
        pad_id = loaded.tokenizer.pad_token_id
        width = max(len(r.prompt_ids) for r in group)
        input_ids = torch.full((len(group), width), pad_id, dtype=torch.long)
        attention = torch.zeros((len(group), width), dtype=torch.long)
        for row, request in enumerate(group):
            n = len(request.prompt_ids)
            input_ids[row, width - n :] = torch.tensor(request.prompt_ids)
            attention[row, width - n :] = 1
        params = group[0].params
        sampling: dict[str, Any] = (
            {"do_sample": True, "temperature": params.temperature, "top_p": params.top_p}
            if params.temperature > 0
            else {"do_sample": False, "temperature": None, "top_p": None, "top_k": None}
        )
        self.batch_sizes.append(len(group))
        tracker = _RowTracker(group, loaded.tokenizer, set(loaded.eos_token_ids))
        started = time.monotonic()
        try:
            with torch.inference_mode():
                loaded.model.generate(
                    input_ids=input_ids.to(loaded.device),
                    attention_mask=attention.to(loaded.device),
                    max_new_tokens=max(r.params.max_new_tokens for r in group),
                    pad_token_id=pad_id,
                    eos_token_id=loaded.eos_token_ids,
                    stopping_criteria=StoppingCriteriaList([tracker]),
                    min_new_tokens=params.max_new_tokens if params.ignore_eos else None,
                    **sampling,
                )
        except Exception as exc:  # a model failure is the caller's to handle, not the worker's end
            log.error("batch_failed", size=len(group), error=type(exc).__name__)
            for request in group:
                if not request.done:
                    request.done = True
                    request.out.put(ModelError(f"The model failed during generation: {exc}"))
            return
        # Logged before the callers are released: a caller may be the last thing the process
        # waits for, and logging runs the PII scrubber, which must not run during teardown.
        log.info(
            "batch_done",
            size=len(group),
            prompt_width=width,
            new_tokens=sum(len(r.ids) for r in group),
            seconds=round(time.monotonic() - started, 3),
        )
        for request in group:
            tracker.finish(request, "length")


def _drop_if_cancelled(request: _Request) -> bool:
    if request.cancelled.is_set():
        request.done, request.finish_reason = True, "cancelled"
        request.out.put(_END)
        return True
    return False


class _RowTracker:
    """Stopping criterion that also streams each row's new text to its caller."""

    def __init__(self, group: list[_Request], tokenizer: Any, eos_ids: set[int]):
        self.group = group
        self.tokenizer = tokenizer
        self.eos_ids = eos_ids

    def __call__(self, input_ids: Any, scores: Any, **kwargs: Any) -> Any:
        import torch

        last = input_ids[:, -1].tolist()
        now = time.monotonic()
        for row, request in enumerate(self.group):
            if request.done:
                continue
            if request.cancelled.is_set():
                self.finish(request, "cancelled")
                continue
            token = last[row]
            if token in self.eos_ids and not request.params.ignore_eos:
                self.finish(request, "stop")
                continue
            request.ids.append(token)
            if request.first_token_at is None:
                request.first_token_at = now
            self._emit(request)
            if not request.done and len(request.ids) >= request.params.max_new_tokens:
                self.finish(request, "length")
        done = [r.done for r in self.group]
        return torch.tensor(done, dtype=torch.bool, device=input_ids.device)

    def _emit(self, request: _Request, final: bool = False) -> None:
        text = self.tokenizer.decode(request.ids, skip_special_tokens=True)
        if not final and text.endswith("\ufffd"):
            return  # an incomplete multi-byte character; wait for the next token
        cut = _first_stop(text, request.params.stop)
        if cut is not None:
            text = text[:cut]
        elif not final:
            text = text[: len(text) - _partial_stop_len(text, request.params.stop)]
        if text.startswith(request.emitted) and len(text) > len(request.emitted):
            request.out.put(text[len(request.emitted) :])
            request.emitted = text
        if cut is not None:
            self.finish(request, "stop")

    def finish(self, request: _Request, reason: str) -> None:
        if request.done:
            return
        request.done = True
        if reason != "cancelled":
            self._emit(request, final=True)
        request.finish_reason = reason
        request.out.put(_END)


def _first_stop(text: str, stops: Sequence[str]) -> int | None:
    hits = [i for i in (text.find(s) for s in stops if s) if i >= 0]
    return min(hits) if hits else None


def _partial_stop_len(text: str, stops: Sequence[str]) -> int:
    """Length of the longest tail of `text` that could be the start of a stop string."""
    best = 0
    for stop in stops:
        for n in range(min(len(stop) - 1, len(text)), best, -1):
            if text.endswith(stop[:n]):
                best = n
                break
    return best
