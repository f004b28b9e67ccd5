"""Generate jobs' state in Redis, so every app process sharing it sees the same progress.

Keys (expire together after `session_ttl_days` without a write, like sessions):
    medchat:j:{owner}:{job id}   hash    the job's JobStatus fields, plus
                                         `run` (the token of the run writing it),
                                         `heartbeat` (time of its last write),
                                         `cancel` ("1" once a cancel was asked for)
    medchat:u:{owner}:job        string  the owner's latest job id

The process running a job writes `heartbeat` every second or so; a reader that finds an active
job whose heartbeat is older than `job_stale_after_s` shows it as interrupted (its process died),
and a new start may claim it. Each start claims the job with a fresh `run` token, and a write
with another token is refused, so a run that was only slow learns it was superseded and stops.
Only scrubbed text may be stored here: the preview comes from journaled dialogues.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import redis

from medchat.config import Settings
from medchat.errors import MedChatError

ACTIVE = ("preparing", "running", "cancelling")
INTERRUPTED = (
    "The job stopped reporting (the app process running it ended or restarted). Its finished "
    "dialogues are kept: start the same job again to resume it."
)

# The running process's writes: refused unless it still holds the run (returns -1); a state of
# "running" stays "cancelling" once a cancel was asked for. Returns 1 when a cancel is pending.
_UPDATE = """
if redis.call('HGET', KEYS[1], 'run') ~= ARGV[1] then return -1 end
for i = 4, #ARGV, 2 do
  local value = ARGV[i + 1]
  if ARGV[i] == 'state' and value == 'running'
     and redis.call('HGET', KEYS[1], 'cancel') == '1' then value = 'cancelling' end
  redis.call('HSET', KEYS[1], ARGV[i], value)
end
redis.call('HSET', KEYS[1], 'heartbeat', ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
if redis.call('HGET', KEYS[1], 'cancel') == '1' then return 1 end
return 0
"""

# A cancel request from any process: only an active job changes.
_CANCEL = """
local state = redis.call('HGET', KEYS[1], 'state')
if state == 'preparing' or state == 'running' or state == 'cancelling' then
  redis.call('HSET', KEYS[1], 'cancel', '1', 'state', 'cancelling')
  return 1
end
return 0
"""


class JobBusyError(MedChatError):
    """The owner already has a job that is still running."""


@dataclass(frozen=True)
class JobSpec:
    """Everything that determines a job's dialogues; equal specs of one owner share a folder,
    so starting a cancelled or interrupted job again resumes it. `n=None`: one dialogue per
    persona and variant."""

    persona_ids: tuple[str, ...]
    variants: int
    n: int | None
    max_turns: int
    fmt: str
    seed: int
    model: str

    def job_id(self, owner: str) -> str:
        key = json.dumps({"owner": owner, **asdict(self)}, sort_keys=True)
        return hashlib.sha256(key.encode()).hexdigest()[:16]


@dataclass
class JobStatus:
    """A job's progress as stored; times are wall-clock seconds, comparable across processes."""

    job_id: str
    state: str = "preparing"  # preparing, running, cancelling, finished, cancelled, failed,
    # or interrupted (only ever derived on read, from a stale heartbeat)
    total: int = 0
    accepted: int = 0
    rejected: int = 0
    skipped: int = 0
    running_since: float | None = None
    finished_at: float | None = None
    heartbeat: float | None = None
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
        elapsed = (self.finished_at or time.time()) - self.running_since
        made = self.accepted + self.rejected
        return made / elapsed * 3600 if elapsed > 0 and made else 0.0

    def eta_seconds(self) -> float | None:
        rate = self.rate_per_hour()
        return (self.total - self.done) / rate * 3600 if rate else None


_INTS = ("total", "accepted", "rejected", "skipped")
_FLOATS = ("running_since", "finished_at", "heartbeat")


def encode(**changes: Any) -> dict[str, str]:
    """JobStatus fields as hash values; None clears a time to the empty string."""
    out = {}
    for name, value in changes.items():
        if name == "preview":
            out[name] = json.dumps(value, ensure_ascii=False)
        elif name == "files":
            out[name] = json.dumps([str(p) for p in value])
        else:
            out[name] = "" if value is None else str(value)
    return out


def decode(job_id: str, raw: dict[bytes, bytes]) -> JobStatus:
    values = {k.decode(): v.decode() for k, v in raw.items()}
    status = JobStatus(job_id)
    for f in fields(JobStatus):
        if f.name not in values or f.name == "job_id":
            continue
        text = values[f.name]
        if f.name in _INTS:
            setattr(status, f.name, int(text))
        elif f.name in _FLOATS:
            setattr(status, f.name, float(text) if text else None)
        elif f.name == "preview":
            setattr(status, f.name, json.loads(text))
        elif f.name == "files":
            setattr(status, f.name, [Path(p) for p in json.loads(text)])
        else:
            setattr(status, f.name, text)
    return status


class JobStore:
    """Job records for one Redis database, scoped by owner."""

    def __init__(self, client: redis.Redis, ttl_days: float = 30.0, stale_after_s: float = 30.0):
        self.r = client
        self.ttl = int(ttl_days * 86400)
        self.stale_after_s = stale_after_s
        self._update = self.r.register_script(_UPDATE)
        self._cancel = self.r.register_script(_CANCEL)

    @classmethod
    def for_settings(cls, client: redis.Redis, settings: Settings) -> JobStore:
        return cls(client, settings.session_ttl_days, settings.job_stale_after_s)

    @staticmethod
    def key(owner: str, job_id: str) -> str:
        return f"medchat:j:{owner}:{job_id}"

    @staticmethod
    def latest_key(owner: str) -> str:
        return f"medchat:u:{owner}:job"

    def latest(self, owner: str) -> str | None:
        raw = self.r.get(self.latest_key(owner))
        return raw.decode() if raw is not None else None

    def read(self, owner: str, job_id: str) -> JobStatus | None:
        """The job as stored; an active job with a stale heartbeat reads as interrupted."""
        raw = self.r.hgetall(self.key(owner, job_id))
        if not raw:
            return None
        status = decode(job_id, raw)
        beat = status.heartbeat or 0.0
        if status.active and time.time() - beat > self.stale_after_s:
            status.state, status.message = "interrupted", INTERRUPTED
            status.finished_at = status.finished_at or beat
        return status

    def claim(self, owner: str, job_id: str, run: str) -> None:
        """Make `job_id` the owner's latest job, held by `run`, unless another job of the owner
        is active; atomic, so two processes starting jobs at once cannot both win."""
        latest_key, key = self.latest_key(owner), self.key(owner, job_id)
        fresh = encode(state="preparing", run=run, heartbeat=time.time(), message="")

        def claim(pipe: Any) -> None:
            latest = pipe.get(latest_key)
            if latest is not None:
                current = self.key(owner, latest.decode())
                pipe.watch(current)
                status = self.read(owner, latest.decode())
                if status is not None and status.active:
                    raise JobBusyError(
                        "You already have a job running. Wait for it to finish or cancel it first."
                    )
            pipe.multi()
            pipe.delete(key)
            pipe.hset(key, mapping=fresh)
            pipe.expire(key, self.ttl)
            pipe.set(latest_key, job_id, ex=self.ttl)

        self.r.transaction(claim, latest_key)

    def update(self, owner: str, job_id: str, run: str, **changes: Any) -> int:
        """Write the running job's progress and heartbeat: 1 when a cancel is pending, 0 when
        not, -1 when `run` no longer holds the job (another start claimed it)."""
        args: list[Any] = [run, time.time(), self.ttl]
        for name, value in encode(**changes).items():
            args += [name, value]
        return int(self._update(keys=[self.key(owner, job_id)], args=args))

    def request_cancel(self, owner: str, job_id: str) -> bool:
        """Ask the job's process to stop; False when the job is not active."""
        status = self.read(owner, job_id)
        if status is None or not status.active:
            return False
        return bool(self._cancel(keys=[self.key(owner, job_id)]))
