"""Generate: start a dataset job over chosen cases, follow its progress, cancel it, get files.

Cases are chosen from the app's persona registry (a pick list, an id pattern like `chest-*`, a
specialty), never by file path, and output goes under `home/datasets/<job id>`: a browser user
can neither read nor write arbitrary files on the server.
"""

from __future__ import annotations

import fnmatch
import html
import shutil
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from medchat.errors import MedChatError
from medchat.service.jobs import FORMATS, JobService, JobSpec, JobStatus
from medchat.service.personas import PersonaRegistry
from medchat.service.sessions import SessionService
from medchat.types import Mode, Role
from medchat.ui import render
from medchat.ui.chatview import SIDES

ANY = "any"
IDLE = "No job yet: choose cases and press **Start**."
LIMITS = {"variants": (1, 20), "n": (1, 10_000), "max_turns": (2, 60)}
CONCURRENCY = 4  # dialogues advancing together: enough to batch, few enough to leave chat room


class JobBoard:
    """The tab's door to `JobService` (jobs and their progress live in Redis), plus copies of
    finished jobs' files where Gradio may serve them (its temp dir), so the app never has to
    expose `home`."""

    def __init__(
        self,
        backend: SessionService,
        root: Path | None = None,
        serve_dir: Path | None = None,
        concurrency: int = CONCURRENCY,
    ):
        self.backend = backend
        self.jobs = JobService.for_app(backend, root, concurrency)
        self.root = self.jobs.root
        self.serve_dir = serve_dir or Path(tempfile.mkdtemp(prefix="medchat-datasets-"))
        self._published: dict[str, tuple[float | None, list[Path]]] = {}
        self._lock = threading.Lock()

    def files(self, status: JobStatus) -> list[Path]:
        """Served copies of a stopped job's files, made once per finished run; none when this
        process cannot see them (another replica with its own disk ran the job)."""
        if status.active or not status.files:
            return []
        with self._lock:
            made = self._published.get(status.job_id)
            if made is not None and made[0] == status.finished_at:
                return made[1]
            if not all(p.is_file() for p in status.files):
                return []
            target = self.serve_dir / status.job_id
            shutil.rmtree(target, ignore_errors=True)
            target.mkdir(parents=True)
            copies = [Path(shutil.copy2(p, target / p.name)) for p in status.files]
            self._published[status.job_id] = (status.finished_at, copies)
            return copies


@dataclass
class GenerateView:
    """What the tab shows: a progress block, the last finished dialogue, the files."""

    progress: str = ""
    preview: list[dict] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    active: bool = False


def select_personas(
    registry: PersonaRegistry, chosen: list[str] | None, pattern: str, specialty: str
) -> tuple[str, ...]:
    """The picked cases (or all), narrowed by an id pattern and a specialty."""
    pattern = (pattern or "").strip() or "*"
    if "/" in pattern or "\\" in pattern or pattern.endswith((".yaml", ".yml")):
        raise MedChatError(
            f"The pattern {pattern!r} looks like a file path; here it matches case ids, "
            "like chest-* or *-3y."
        )
    ids = [registry.get(pid).id for pid in chosen] if chosen else registry.ids()
    ids = [
        pid
        for pid in ids
        if fnmatch.fnmatchcase(pid, pattern)
        and specialty in (ANY, "", None, registry.get(pid).specialty.value)
    ]
    if not ids:
        where = "" if specialty in (ANY, "", None) else f" in {specialty}"
        raise MedChatError(
            f"No cases match {pattern!r}{where}. Case ids look like chest-pain-58m; "
            "try chest-* or clear the filters."
        )
    return tuple(sorted(ids))


def _whole(name: str, value: float | int | None) -> int:
    low, high = LIMITS[name]
    label = {"variants": "Variants", "n": "Dialogues", "max_turns": "Max turns"}[name]
    if value is None or int(value) != value or not low <= value <= high:
        raise MedChatError(f"{label} must be a whole number from {low} to {high}.")
    return int(value)


def make_spec(
    backend: SessionService,
    registry: PersonaRegistry,
    chosen: list[str] | None,
    pattern: str,
    specialty: str,
    variants: float,
    n: float,
    max_turns: float,
    fmt: str,
    seed: float,
) -> JobSpec:
    """Check the form and turn it into a job; every problem is a `MedChatError` to show."""
    if fmt not in FORMATS:
        raise MedChatError(f"Choose a format: {', '.join(FORMATS)}.")
    if seed is None or int(seed) != seed:
        raise MedChatError("The seed must be a whole number.")
    return JobSpec(
        persona_ids=select_personas(registry, chosen, pattern, specialty),
        variants=_whole("variants", variants),
        n=_whole("n", n),
        max_turns=_whole("max_turns", max_turns),
        fmt=fmt,
        seed=int(seed),
        model=backend.default_model,
    )


def start(board: JobBoard, registry: PersonaRegistry, owner: str, **form) -> GenerateView:
    """Start the job the form describes; a bad form or a running job gives a message."""
    try:
        board.jobs.start(owner, make_spec(board.backend, registry, **form))
    except MedChatError as exc:
        return GenerateView(progress=render.banner("notice", str(exc)))
    return poll(board, owner)


def poll(board: JobBoard, owner: str) -> GenerateView:
    """The owner's job as it stands now (called every second while it is active)."""
    status = board.jobs.status(owner)
    if status is None:
        return GenerateView(progress=IDLE)
    return GenerateView(
        progress=progress_html(status),
        preview=preview_messages(status),
        files=[str(p) for p in board.files(status)],
        active=status.active,
    )


def cancel(board: JobBoard, owner: str) -> GenerateView:
    if not board.jobs.cancel(owner):
        view = poll(board, owner)
        view.progress = render.banner("notice", "No job is running.") + view.progress
        return view
    return poll(board, owner)


def preview_messages(status: JobStatus) -> list[dict]:
    """The last finished dialogue as chat messages (its text was scrubbed by the runner)."""
    sides = SIDES[Mode.AUTOPLAY]
    messages = []
    for m in status.preview:
        role = Role(m["role"])
        messages.append(render.message(sides[role], m["content"], role.value.capitalize()))
    return messages


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 90:
        return f"{seconds} s"
    if seconds < 5400:
        return f"{round(seconds / 60)} min"
    return f"{seconds / 3600:.1f} h"


STATE_LABELS = {
    "preparing": "Preparing",
    "running": "Running",
    "cancelling": "Cancelling (stopping after the current turns)",
    "finished": "Finished",
    "cancelled": "Cancelled",
    "failed": "Failed",
    "interrupted": "Interrupted",
}


def progress_html(status: JobStatus) -> str:
    """Done/total with a bar, accepted and rejected, rate and ETA, and any message."""
    esc = html.escape
    parts = [f"<p><strong>{STATE_LABELS[status.state]}</strong> · job <code>{status.job_id}</code>"]
    if status.total:
        parts.append(
            f'<p><progress value="{status.done}" max="{status.total}" style="width:100%">'
            f"</progress></p><p>{status.done} of {status.total} dialogues done · "
            f"{status.accepted} accepted · {status.rejected} rejected"
            + (f" · {status.skipped} from an earlier run" if status.skipped else "")
        )
        rate = status.rate_per_hour()
        if rate:
            parts.append(f" · {rate:.0f} dialogues/hour")
        eta = status.eta_seconds()
        if status.active and eta is not None:
            parts.append(f" · about {_duration(eta)} left")
        parts.append("</p>")
    if status.message:
        kind = "error" if status.state in ("failed", "interrupted") else "notice"
        if status.state == "preparing":
            parts.append(f"<p>{esc(status.message)}</p>")
        else:
            parts.append(render.banner(kind, status.message))
    if status.preview_note:
        parts.append(f"<p>Last finished: {esc(status.preview_note)}</p>")
    return "".join(parts)
