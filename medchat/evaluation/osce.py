"""OSCE feedback for a practice session: what the student covered, missed and concluded.

Public API (what the Practice tab calls; everything else in `medchat.evaluation` is detail):

    from medchat.evaluation.osce import score_practice, render_png, render_html

    report = score_practice(persona, conv.turns(), leading, differential)  # -> OsceReport
    png_path = render_png(report, Path(tmp) / "osce.png")                  # bar chart (Agg)
    html = render_html(report, conv.turns(), png=png_path)  # standalone page, chart embedded
    report.to_dict()                                                       # JSON-safe

`turns` are stored `Turn`s: doctor turns are the student's words, examiner turns carry the request
in `meta["request"]` and the answer as "name: finding" (as `Conversation.examine` stores them).
The total (0-100) weighs the checklist 50 %, the diagnosis 20 %, communication 20 % and red-flag
screening 10 %; a missed critical item fails the station whatever the total, as in a real OSCE.
Scoring a 15-30 turn transcript took 1-3 s on a shared 2-core CPU, after the MiniLM encoder has
loaded (once per process, 5-10 s); call it off the UI's event loop.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from medchat.clinical.encoder import Encoder, get_encoder
from medchat.evaluation.checklist_match import ChecklistMatcher, ItemResult, clauses, gather, topic
from medchat.evaluation.communication import Communication, assess
from medchat.evaluation.diagnosis_match import DiagnosisCheck, DiagnosisMatcher, check_diagnosis
from medchat.evaluation.embed_cache import CachedEncoder
from medchat.evaluation.red_flags import RedFlagResult, parts, screen
from medchat.personas.schema import Persona

WEIGHTS = {"checklist": 0.5, "diagnosis": 0.2, "communication": 0.2, "red_flags": 0.1}
DIAGNOSIS_POINTS = {"correct": 100.0, "in_differential": 50.0, "missed": 0.0}
PASS_MARK = 50.0


@dataclass(frozen=True)
class Request:
    """One examination or test the student asked the examiner for."""

    request: str
    name: str
    useful: bool
    """The case lists this system or test (so it holds a finding worth having)."""


@dataclass
class OsceReport:
    """Everything the feedback page shows; `items` lists missed critical items first."""

    persona_id: str
    title: str
    items: list[ItemResult]
    diagnosis: DiagnosisCheck
    communication: Communication
    red_flags: list[RedFlagResult]
    requests: list[Request]
    useful_not_requested: list[str]
    doctor_turns: int
    seconds: float | None
    breakdown: dict[str, float] = field(default_factory=dict)
    by_category: dict[str, float] = field(default_factory=dict)

    @property
    def total(self) -> float:
        return round(sum(WEIGHTS[k] * self.breakdown[k] for k in WEIGHTS), 1)

    @property
    def missed_critical(self) -> list[ItemResult]:
        return [i for i in self.items if i.critical and not i.covered]

    @property
    def covered_ids(self) -> list[str]:
        return [i.id for i in self.items if i.covered]

    @property
    def passed(self) -> bool:
        return not self.missed_critical and self.total >= PASS_MARK

    @property
    def red_flags_missed(self) -> list[str]:
        return [r.text for r in self.red_flags if not r.asked]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["communication"]["open_ratio"] = round(self.communication.open_ratio, 3)
        data["communication"]["score"] = round(self.communication.score(), 1)
        data.update(total=self.total, passed=self.passed, covered_ids=self.covered_ids)
        data["missed_critical"] = [i.id for i in self.missed_critical]
        data["red_flags_missed"] = self.red_flags_missed
        return data


class OsceScorer:
    """The matchers, built once around one encoder (loading MiniLM takes seconds)."""

    def __init__(self, encoder: Encoder | None = None):
        self.encoder = CachedEncoder(encoder or get_encoder())
        self.checklist = ChecklistMatcher(self.encoder)
        self.diagnosis = DiagnosisMatcher(self.encoder)

    def score(
        self,
        persona: Persona,
        turns: Sequence[Any],
        submitted_diagnosis: str = "",
        differential: Sequence[str] = (),
        started: float | None = None,
        ended: float | None = None,
        plan: str = "",
    ) -> OsceReport:
        doctor = [t.text for t in turns if _role(t) == "doctor"]
        dx = check_diagnosis(persona, submitted_diagnosis, differential, self.diagnosis)
        comm = assess(doctor)
        evidence = gather(
            turns, comm, [submitted_diagnosis, *differential, plan], dx.verdict == "correct"
        )
        self.encoder.prime(
            [
                *(c for q in evidence.questions for c in clauses(q)),
                *evidence.requests,
                *(topic(i) for i in persona.checklist),
                *(p for f in persona.red_flags for p in parts(f.text)),
            ]
        )
        items = self.checklist.match(persona, evidence)
        items.sort(key=lambda i: (i.covered, not i.critical))
        red_flags = screen(persona, evidence.questions, evidence.requests, self.encoder)
        requests, unrequested = _requests(persona, turns)
        report = OsceReport(
            persona.id,
            persona.title,
            items,
            dx,
            comm,
            red_flags,
            requests,
            unrequested,
            len(doctor),
            _seconds(turns, started, ended),
        )
        report.by_category = _by_category(items)
        report.breakdown = {
            "checklist": _weighted(items),
            "diagnosis": DIAGNOSIS_POINTS[dx.verdict],
            "communication": round(comm.score(), 1),
            "red_flags": round(
                100.0 * sum(r.asked for r in red_flags) / len(red_flags) if red_flags else 100.0, 1
            ),
        }
        return report


@lru_cache(maxsize=1)
def default_scorer() -> OsceScorer:
    return OsceScorer()


def score_practice(
    persona: Persona,
    turns: Sequence[Any],
    submitted_diagnosis: str = "",
    differential: Sequence[str] = (),
    started: float | None = None,
    ended: float | None = None,
    plan: str = "",
) -> OsceReport:
    """Score one practice transcript against its case (see the module docstring)."""
    return default_scorer().score(
        persona, turns, submitted_diagnosis, differential, started, ended, plan
    )


def render_png(report: OsceReport, path: str | Path) -> Path:
    """Write the score chart; see `medchat.evaluation.report`."""
    from medchat.evaluation.report import render_png as _render

    return _render(report, path)


def render_html(report: OsceReport, turns: Sequence[Any], png: str | Path | None = None) -> str:
    """The downloadable report page; see `medchat.evaluation.report`."""
    from medchat.evaluation.report import render_html as _render

    return _render(report, turns, png)


def _role(turn: Any) -> str:
    return str(getattr(turn.role, "value", turn.role))


def _weighted(items: Sequence[ItemResult]) -> float:
    total = sum(i.weight for i in items)
    return round(100.0 * sum(i.weight for i in items if i.covered) / total, 1) if total else 0.0


def _by_category(items: Sequence[ItemResult]) -> dict[str, float]:
    cats = dict.fromkeys(i.category for i in items)
    return {c: _weighted([i for i in items if i.category == c]) for c in cats}


def _requests(persona: Persona, turns: Sequence[Any]) -> tuple[list[Request], list[str]]:
    listed = {*persona.tests, *(s.value for s in persona.examination)}
    out = []
    for turn in turns:
        if _role(turn) != "examiner":
            continue
        name = turn.text.split(":", 1)[0].strip()
        out.append(Request(str(turn.meta.get("request") or name), name, name in listed))
    asked = {r.name for r in out}
    return out, [n.replace("_", " ") for n in sorted(listed - asked)]


def _seconds(turns: Sequence[Any], started: float | None, ended: float | None) -> float | None:
    times = [t.created for t in turns if getattr(t, "created", None)]
    start = started if started is not None else (min(times) if times else None)
    end = ended if ended is not None else (max(times) if times else time.time())
    return round(end - start, 1) if start is not None else None
