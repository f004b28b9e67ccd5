"""The OSCE report as a picture (PNG bar chart) and a downloadable, self-contained HTML page.

Matplotlib runs on the Agg backend (no display on a server); the HTML embeds the chart as base64
and escapes every piece of text, since transcripts hold whatever the student typed.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from medchat.evaluation.osce import OsceReport

VERDICT_TEXT = {
    "correct": "correct",
    "in_differential": "in your differential, not leading",
    "missed": "missed",
}


def chart_rows(report: OsceReport) -> list[tuple[str, float]]:
    """(label, 0-100) bars: checklist categories, then the other parts of the total."""
    rows = [(f"checklist: {c}", v) for c, v in report.by_category.items()]
    rows += [(k.replace("_", " "), v) for k, v in report.breakdown.items() if k != "checklist"]
    return [*rows, ("TOTAL", report.total)]


def render_png(report: OsceReport, path: str | Path) -> Path:
    """A horizontal bar chart of the score breakdown, written to `path` (PNG)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = chart_rows(report)
    labels = [label for label, _ in rows]
    values = [value for _, value in rows]
    colours = ["#c0392b" if v < 50 else "#e67e22" if v < 75 else "#27ae60" for v in values]
    fig, ax = plt.subplots(figsize=(7, 0.45 * len(rows) + 1.2), dpi=100)
    ax.barh(labels[::-1], values[::-1], color=colours[::-1])
    for y, value in enumerate(values[::-1]):
        ax.text(min(value + 1, 92), y, f"{value:.0f}", va="center", fontsize=9)
    ax.set_xlim(0, 100)
    ax.set_xlabel("score (%)")
    verdict = "PASS" if report.passed else "FAIL"
    ax.set_title(f"{report.title}: {report.total:.0f}/100 ({verdict})", fontsize=11)
    fig.tight_layout()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format="png")
    plt.close(fig)
    return path


def _e(text: Any) -> str:
    return html.escape(str(text))


def _list(items: Sequence[str]) -> str:
    return "<ul>" + "".join(f"<li>{_e(i)}</li>" for i in items) + "</ul>" if items else "<p>—</p>"


def render_html(report: OsceReport, turns: Sequence[Any], png: str | Path | None = None) -> str:
    """A standalone HTML page: score, checklist (missed critical first), diagnosis,
    communication, red flags, requests and the full transcript."""
    dx = report.diagnosis
    c = report.communication
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'>",
        f"<title>OSCE feedback: {_e(report.title)}</title>",
        "<style>body{font-family:sans-serif;max-width:900px;margin:auto}"
        ".miss{color:#c0392b}.hit{color:#27ae60}td,th{padding:2px 8px;text-align:left}"
        ".turn{margin:4px 0}.role{font-weight:bold}</style></head><body>",
        f"<h1>OSCE feedback: {_e(report.title)}</h1>",
        f"<p><b>Total:</b> {report.total:.0f}/100 · <b>{'PASS' if report.passed else 'FAIL'}</b>"
        f" · doctor turns {report.doctor_turns}"
        + (f" · {report.seconds / 60:.1f} min" if report.seconds else "")
        + "</p>",
    ]
    if png is not None and Path(png).exists():
        data = base64.b64encode(Path(png).read_bytes()).decode()
        parts.append(f"<img alt='score chart' src='data:image/png;base64,{data}'>")
    parts.append("<h2>Breakdown</h2><table>")
    parts += [f"<tr><td>{_e(k)}</td><td>{v:.0f}</td></tr>" for k, v in chart_rows(report)]
    parts.append(
        "</table><h2>Checklist</h2><table><tr><th></th><th>item</th><th>evidence</th></tr>"
    )
    for item in report.items:
        mark = "✔" if item.covered else ("✘ critical" if item.critical else "✘")
        cls = "hit" if item.covered else "miss"
        parts.append(
            f"<tr class='{cls}'><td>{mark}</td><td>{_e(item.text)} ({item.weight:g})</td>"
            f"<td>{_e(item.evidence)}</td></tr>"
        )
    parts.append("</table><h2>Diagnosis</h2>")
    parts.append(
        f"<p>Your leading diagnosis: <b>{_e(dx.leading or '—')}</b>; differential: "
        f"{_e('; '.join(dx.differential) or '—')}.<br>Case diagnosis: <b>{_e(dx.case_diagnosis)}"
        f"</b>. Verdict: <b>{_e(VERDICT_TEXT[dx.verdict])}</b>.</p>"
        f"<p>Sensible differentials you named: {_e('; '.join(dx.sensible_differentials) or '—')}"
        "</p>"
    )
    yes = {True: "yes", False: "no"}
    parts.append("<h2>Communication</h2><table>")
    rows = [
        ("introduced self", yes[c.introduction]),
        ("confirmed identity / asked consent", f"{yes[c.identity]} / {yes[c.consent]}"),
        ("open : closed questions", f"{c.open_questions} : {c.closed_questions}"),
        ("empathy statements", len(c.empathy)),
        ("summarised", yes[bool(c.summaries)]),
        ("checked understanding", yes[c.understanding_checked]),
        ("jargon used", ", ".join(c.jargon) or "none"),
        ("ideas / concerns / expectations", f"{c.ideas} / {c.concerns} / {c.expectations}"),
    ]
    parts += [f"<tr><td>{_e(k)}</td><td>{_e(v)}</td></tr>" for k, v in rows]
    parts.append("</table><h2>Red flags</h2><table>")
    for flag in report.red_flags:
        state = "asked" if flag.asked else "not asked"
        present = "present in this case" if flag.present else "to rule out"
        parts.append(
            f"<tr class='{'hit' if flag.asked else 'miss'}'><td>{_e(flag.text)} ({present})</td>"
            f"<td>{state}</td><td>{_e(flag.evidence)}</td></tr>"
        )
    parts.append("</table><h2>Examinations and tests</h2><p>You requested:</p>")
    parts.append(
        _list(
            [
                f"{r.request} → {r.name}{'' if r.useful else ' (not useful here)'}"
                for r in report.requests
            ]
        )
    )
    parts.append("<p>Useful in this case, not requested:</p>" + _list(report.useful_not_requested))
    parts.append("<h2>Transcript</h2>")
    for turn in turns:
        role = str(getattr(turn.role, "value", turn.role))
        parts.append(
            f"<div class='turn'><span class='role'>{_e(role)}:</span> {_e(turn.text)}</div>"
        )
    parts.append("</body></html>")
    return "\n".join(parts)
