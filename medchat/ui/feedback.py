"""The practice feedback page: the OSCE report as Markdown, its chart and a downloadable copy.

Scoring lives in `medchat.evaluation.osce`; this module only turns a report into what the
Practice tab shows and writes the two files the browser fetches (PNG chart, HTML report). Every
piece of text in the report comes from the stored, scrubbed transcript or the case file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from medchat.service.feedback import (
    VERDICT_TEXT,
    OsceReport,
    render_html,
    render_png,
    score_practice,
)
from medchat.service.personas import Persona
from medchat.ui import render

SHOWN_ITEMS = 12
"""Checklist rows on the page (missed critical items come first); the HTML report has all."""


@dataclass(frozen=True)
class Feedback:
    markdown: str
    chart: Path | None = None
    report: Path | None = None


def practice_feedback(conv: Any, persona: Persona, directory: Path) -> Feedback:
    """Score a submitted practice session and write its chart and HTML report under
    `directory/<session id>/`."""
    summary = conv.meta.summary or {}
    turns = conv.turns()
    report = score_practice(
        persona,
        turns,
        summary.get("leading diagnosis", ""),
        summary.get("differential_list") or [],
        started=getattr(conv.meta, "created", None),
    )
    folder = directory / conv.meta.id
    chart = render_png(report, folder / "osce-chart.png")
    page = folder / "osce-report.html"
    page.write_text(render_html(report, turns, png=chart), encoding="utf-8")
    return Feedback(markdown(report), chart, page)


def markdown(report: OsceReport) -> str:
    """The on-page summary: score, missed critical items, diagnosis, communication, red flags."""
    dx = report.diagnosis
    c = report.communication
    verdict = "PASS" if report.passed else "FAIL"
    minutes = f" · {report.seconds / 60:.1f} min" if report.seconds else ""
    rows = [
        "## Feedback",
        f"**Total {report.total:.0f}/100 · {verdict}** · {report.doctor_turns} questions{minutes}",
        " · ".join(f"{k.replace('_', ' ')} {v:.0f}" for k, v in report.breakdown.items()),
    ]
    if report.missed_critical:
        rows.append(
            "**Missed critical items** (a missed critical item fails the station):\n"
            + "\n".join(f"- {i.text}" for i in report.missed_critical)
        )
    rows.append(
        f"**Diagnosis:** you said *{_t(dx.leading) or '—'}*; the case was **{dx.case_diagnosis}**"
        f" → {VERDICT_TEXT[dx.verdict]}."
    )
    if dx.differential:
        rows.append("**Your differential:** " + "; ".join(_t(d) for d in dx.differential))
    rows.append("### Checklist\n" + _checklist(report))
    rows.append(
        "### Communication\n"
        f"- introduced yourself: {_yes(c.introduction)}; identity or consent: "
        f"{_yes(c.identity or c.consent)}\n"
        f"- open : closed questions {c.open_questions} : {c.closed_questions}\n"
        f"- empathy statements: {len(c.empathy)}; summarised: {_yes(bool(c.summaries))}; "
        f"checked understanding: {_yes(c.understanding_checked)}\n"
        f"- ideas / concerns / expectations explored: {c.ice_explored} of 3\n"
        f"- jargon: {', '.join(c.jargon) or 'none'}"
    )
    if report.red_flags:
        rows.append(
            "### Red flags\n"
            + "\n".join(
                f"- {'✔' if f.asked else '✘'} {f.text}" + ("" if f.present else " *(to rule out)*")
                for f in report.red_flags
            )
        )
    asked = ", ".join(r.name.replace("_", " ") for r in report.requests) or "none"
    missing = ", ".join(report.useful_not_requested) or "none"
    rows.append(
        f"### Examinations and tests\nRequested: {asked}. Useful, not requested: {missing}."
    )
    return "\n\n".join(rows)


def _checklist(report: OsceReport) -> str:
    lines = [
        f"- {'✔' if i.covered else '✘'} {i.text}" + (" **(critical)**" if i.critical else "")
        for i in report.items[:SHOWN_ITEMS]
    ]
    hidden = len(report.items) - SHOWN_ITEMS
    if hidden > 0:
        lines.append(f"- … {hidden} more in the downloadable report")
    covered = sum(i.covered for i in report.items)
    return f"Covered {covered} of {len(report.items)} items.\n" + "\n".join(lines)


def _t(text: str) -> str:
    """Student text, escaped, with replaced identifiers marked."""
    return render.mark_identifiers(text or "")


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"
