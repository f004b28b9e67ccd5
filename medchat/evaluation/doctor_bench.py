"""Benchmark a model as the doctor: self-play against the simulated patient, then score it.

Each (persona, run) is one self-play session through the normal engine (`sessions.start` in
selfplay mode, so the safety layer and the Redis store are the real ones): the doctor model asks,
the patient model answers from the case, and at `max_turns` dialogue turns (or when the doctor
closes by itself) the engine asks the doctor for the structured close. The transcript is scored
with the OSCE scorer; the close's LEADING DIAGNOSIS and DIFFERENTIAL give the diagnosis metrics.

Run `r` plays persona variant `r` (variant 0 = the case as written), so runs differ in the
patient's name, age and style even with greedy decoding, and the 95 % confidence intervals are
t-intervals over the per-run means (n/a with one run).
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from langchain_core.language_models import BaseChatModel

from medchat.config import Settings
from medchat.dialogue.driver import Drive
from medchat.dialogue.sessions import Wiring, start
from medchat.evaluation.osce import OsceScorer
from medchat.types import Mode, Role

METRICS = {
    "top1": "top-1 diagnostic accuracy",
    "top3": "diagnosis in top-3 of the differential",
    "coverage": "checklist coverage (weighted, 0-1)",
    "doctor_turns": "doctor turns used",
    "red_flags_missed": "red flags missed (count)",
    "close_parsed": "structured close parsed",
}

RATES = {"top1", "top3", "coverage", "close_parsed"}


def t_interval(values: Sequence[float], level: float = 0.95) -> tuple[float, float] | None:
    """Two-sided t confidence interval for the mean; None for fewer than two values."""
    if len(values) < 2:
        return None
    from scipy import stats

    n = len(values)
    mean = sum(values) / n
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
    half = float(stats.t.ppf((1 + level) / 2, n - 1)) * sd / math.sqrt(n)
    return mean - half, mean + half


@dataclass
class Episode:
    """One scored self-play session."""

    persona_id: str
    run: int
    session_id: str
    metrics: dict[str, float]
    leading: str
    differential: list[str]
    verdict: str
    reason: str
    seconds: float
    transcript: list[dict[str, str]] = field(default_factory=list)


def play(wiring: Wiring, scorer: OsceScorer, persona_id: str, run: int, max_turns: int) -> Episode:
    """One self-play session on variant `run` of the persona, scored."""
    started = time.monotonic()
    conv = start(wiring, Mode.SELFPLAY, persona_id, variant=run, owner="eval-doctor", seed=run)
    conv.max_turns = max_turns
    list(Drive(conv, 2 * max_turns + 4))  # model errors add no turns; stop anyway
    if not conv.ended:
        list(conv.close("turn_cap"))
    summary = conv.meta.summary or {}
    leading = str(summary.get("leading diagnosis") or "")
    differential = [str(d) for d in summary.get("differential_list") or []]
    persona = wiring.personas.get(persona_id)
    turns = conv.turns()
    report = scorer.score(persona, turns, leading, differential)
    ranked = list(dict.fromkeys([leading, *differential]))[:3]
    top3 = any(c.strip() and scorer.diagnosis.names_case(persona, c) for c in ranked)
    metrics = {
        "top1": float(report.diagnosis.verdict == "correct"),
        "top3": float(top3),
        "coverage": report.breakdown["checklist"] / 100.0,
        "doctor_turns": float(sum(t.role == Role.DOCTOR for t in turns)),
        "red_flags_missed": float(len(report.red_flags_missed)),
        "close_parsed": float(bool(leading)),
    }
    return Episode(
        persona_id,
        run,
        conv.meta.id,
        metrics,
        leading,
        differential,
        report.diagnosis.verdict,
        str(summary.get("reason", "")),
        round(time.monotonic() - started, 1),
        [{"role": t.role.value, "text": t.text} for t in turns],
    )


def summarise(episodes: Sequence[Episode], runs: int) -> dict[str, Any]:
    """Mean and 95 % CI over runs of each metric (each run averaged over personas)."""
    out: dict[str, Any] = {}
    for key in METRICS:
        per_run = []
        for run in range(runs):
            values = [e.metrics[key] for e in episodes if e.run == run]
            if values:
                per_run.append(sum(values) / len(values))
        mean = sum(per_run) / len(per_run) if per_run else float("nan")
        ci = t_interval(per_run)
        if ci is not None:  # a t-interval ignores bounds; rates stay in [0, 1], counts >= 0
            top = 1.0 if key in RATES else math.inf
            ci = (max(0.0, ci[0]), min(top, ci[1]))
        out[key] = {"mean": mean, "ci95": list(ci) if ci else None, "per_run": per_run}
    return out


def per_persona(episodes: Sequence[Episode]) -> dict[str, dict[str, float]]:
    ids = sorted({e.persona_id for e in episodes})
    return {
        pid: {
            k: sum(e.metrics[k] for e in episodes if e.persona_id == pid)
            / sum(1 for e in episodes if e.persona_id == pid)
            for k in METRICS
        }
        for pid in ids
    }


def table(summary: dict[str, Any]) -> str:
    lines = [f"  {'metric':<42} {'mean':>7}  95% CI"]
    for key, label in METRICS.items():
        row = summary[key]
        ci = row["ci95"]
        ci_text = f"[{ci[0]:.3f}, {ci[1]:.3f}]" if ci else "n/a (runs=1)"
        lines.append(f"  {label:<42} {row['mean']:>7.3f}  {ci_text}")
    return "\n".join(lines)


def benchmark(
    settings: Settings,
    store: Any,
    guard_factory: Any,
    doctor: BaseChatModel,
    patient: BaseChatModel,
    persona_ids: Sequence[str],
    runs: int,
    max_turns: int,
    scorer: OsceScorer | None = None,
    progress: Any = None,
    concurrency: int = 1,
    journal: Path | None = None,
) -> dict[str, Any]:
    """Play every persona `runs` times; return episodes, the summary and per-persona means."""
    models = {Role.DOCTOR: doctor, Role.PATIENT: patient}
    wiring = Wiring(settings, store, guard_factory, lambda role: models[role])
    scorer = scorer or OsceScorer()
    return run_all(
        lambda pid, run: play(wiring, scorer, pid, run, max_turns),
        persona_ids,
        runs,
        max_turns,
        progress,
        concurrency,
        journal,
    )


def read_journal(journal: Path) -> dict[tuple[str, int], Episode]:
    """Episodes a journal holds, by (persona, run); a line cut off by a killed run is skipped."""
    done: dict[tuple[str, int], Episode] = {}
    if not journal.exists():
        return done
    for line in journal.read_text(encoding="utf-8").splitlines():
        try:
            episode = Episode(**json.loads(line))
        except (json.JSONDecodeError, TypeError):
            continue
        done[episode.persona_id, episode.run] = episode
    return done


def run_all(
    play_one: Callable[[str, int], Episode],
    persona_ids: Sequence[str],
    runs: int,
    max_turns: int,
    progress: Any = None,
    concurrency: int = 1,
    journal: Path | None = None,
) -> dict[str, Any]:
    """Play every persona `runs` times with `play_one(persona_id, run)`; the result both
    benchmarks write (in process here, through the patient API in `doctor_api`).

    With a `journal`, each episode is appended to it as it ends, and episodes it already holds
    are not played again: on two CPU cores the full benchmark takes hours, and a run that is
    stopped keeps what it played (`eval doctor --resume`).

    `concurrency` episodes play at once (their model calls share the server's batch, as in
    `generate`); episodes are independent sessions, and the result lists them in the same
    order whatever the concurrency. Greedy replies can still differ in the last digits of a
    batched computation, so a run meant to reproduce another uses the same concurrency.
    """
    jobs = [(pid, run) for run in range(runs) for pid in persona_ids]
    done = read_journal(journal) if journal else {}
    lock = threading.Lock()

    def one(job: tuple[str, int]) -> Episode:
        if job in done:
            return done[job]
        episode = play_one(*job)
        if journal:
            with lock, journal.open("a", encoding="utf-8") as out:
                out.write(json.dumps(episode.__dict__) + "\n")
        if progress:
            progress(episode)
        return episode

    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        episodes = list(pool.map(one, jobs))
    return {
        "runs": runs,
        "max_turns": max_turns,
        "personas": list(persona_ids),
        "summary": summarise(episodes, runs),
        "per_persona": per_persona(episodes),
        "episodes": [e.__dict__ for e in episodes],
    }


def write_outputs(result: dict[str, Any], out: Path) -> list[Path]:
    """results.json plus two plots: metric means with CIs, and coverage/top-1 per persona."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out.mkdir(parents=True, exist_ok=True)
    paths = [out / "results.json", out / "metrics.png", out / "personas.png"]
    paths[0].write_text(json.dumps(result, indent=2))
    rates = ["top1", "top3", "coverage", "close_parsed"]
    means = [result["summary"][k]["mean"] for k in rates]
    cis = [result["summary"][k]["ci95"] for k in rates]
    lower = [m - c[0] if c else 0.0 for m, c in zip(means, cis, strict=True)]
    upper = [c[1] - m if c else 0.0 for m, c in zip(means, cis, strict=True)]
    fig, ax = plt.subplots(figsize=(6, 3.5), dpi=100)
    ax.bar(rates, means, yerr=[lower, upper], capsize=4, color="#2e86c1")
    ax.set_ylim(0, 1.05)
    ax.set_title(f"{result.get('model', 'doctor')}: {result['runs']} run(s), 95% CI")
    fig.tight_layout()
    fig.savefig(paths[1])
    plt.close(fig)
    ids = list(result["per_persona"])
    fig, ax = plt.subplots(figsize=(max(5, 0.8 * len(ids) + 2), 3.5), dpi=100)
    xs = range(len(ids))
    cov = [result["per_persona"][p]["coverage"] for p in ids]
    top1 = [result["per_persona"][p]["top1"] for p in ids]
    ax.bar([x - 0.2 for x in xs], cov, width=0.4, label="coverage")
    ax.bar([x + 0.2 for x in xs], top1, width=0.4, label="top-1")
    ax.set_xticks(list(xs), ids, rotation=30, ha="right", fontsize=8)
    ax.set_ylim(0, 1.05)
    ax.legend()
    fig.tight_layout()
    fig.savefig(paths[2])
    plt.close(fig)
    return paths
