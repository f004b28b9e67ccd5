"""Turn engine data into what the page shows: chat messages, banners, cards, summaries.

Plain functions (no Gradio) so every piece of the page can be tested as a table. Stored text is
already scrubbed; rendering only makes the scrubbing visible and keeps model text from being read
as HTML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import partial
from typing import Any

from medchat.service.personas import Persona
from medchat.types import Role, Turn

# `<PERSON_1>`-style tags left by the scrubber (scrub_style="tags")
_esc = partial(html.escape, quote=False)
_TAG = re.compile(r"<([A-Z][A-Z_]*_\d+)>")
_EXAM_KEY = re.compile(r"^([a-z][a-z0-9]*(?:_[a-z0-9]+)*): ")
_MARK_STYLE = "background:#fff3bf;border-radius:3px;padding:0 2px;font-size:0.85em"
MARK_TITLE = "An identifier was replaced here"

BANNER_STYLES = {
    "escalate": ("#fdecea", "#c62828", "Urgent"),
    "block": ("#fff4e5", "#ef6c00", "Not shown"),
    "error": ("#eef2ff", "#3949ab", "Model problem"),
    "notice": ("#f1f3f4", "#5f6368", "Note"),
}


def mark_identifiers(text: str) -> str:
    """Escape model text and highlight where the scrubber replaced an identifier.

    Escaping first means a model cannot inject markup; the tags then become visible marks
    (a raw `<PERSON_1>` would be swallowed by the browser as an unknown element).
    """
    escaped = html.escape(text, quote=False)
    return re.sub(
        r"&lt;([A-Z][A-Z_]*_\d+)&gt;",
        lambda m: (
            f'<mark class="pii" title="{MARK_TITLE}" style="{_MARK_STYLE}">{m.group(1)}</mark>'
        ),
        escaped,
    )


def count_identifiers(text: str) -> int:
    return len(_TAG.findall(text))


def banner(kind: str, text: str) -> str:
    """A coloured alert box; escalation and crisis advice must stand apart from chat text."""
    if not text:
        return ""
    background, border, label = BANNER_STYLES.get(kind, BANNER_STYLES["notice"])
    return (
        f'<div class="medchat-banner medchat-{kind}" role="alert" style="background:{background};'
        f"border-left:6px solid {border};padding:10px 14px;border-radius:6px;margin:4px 0;"
        f'color:#202124"><strong style="color:{border}">{label}:</strong> '
        f"{_esc(text)}</div>"
    )


def alerts(escalations: Iterable[str], turn_banner: str = "") -> str:
    """The alert area above a chat: escalation advice in its own block (the page keeps it in
    sight while scrolling), then the turn's block, error or notice banner beside it."""
    urgent = "".join(banner("escalate", text) for text in escalations)
    if urgent:
        urgent = f'<div class="medchat-escalations">{urgent}</div>'
    return urgent + turn_banner


def message(role: str, text: str, label: str | None = None) -> dict[str, Any]:
    """One Chatbot message (Gradio's messages format); `label` names the speaker in bold."""
    body = mark_identifiers(text)
    return {"role": role, "content": f"**{label}:** {body}" if label else body}


def examiner_text(text: str) -> str:
    """Stored examiner turns read "vital_signs: Vital signs: normal." (the key lets scoring
    match the case); show "Vital signs: normal." instead of the raw key."""
    match = _EXAM_KEY.match(text)
    if not match:
        return text
    name, finding = match.group(1).replace("_", " "), text[match.end() :]
    if finding.lower().startswith(name.lower()):
        return finding
    return f"{name[:1].upper()}{name[1:]}: {finding}"


def turn_message(turn: Turn, sides: dict[Role, str], labelled: bool) -> dict[str, Any]:
    if turn.role == Role.EXAMINER:
        return message(sides[Role.EXAMINER], examiner_text(turn.text), "Examiner")
    return message(sides[turn.role], turn.text, turn.role.value.capitalize() if labelled else None)


def summary_markdown(summary: dict[str, Any] | None) -> str:
    """The doctor's structured close as a short report; free text when the model ignored it."""
    if not summary:
        return ""
    rows = [f"### Consultation ended ({summary.get('reason', 'ended')})"]
    if "text" in summary and "summary" not in summary:
        rows.append("The doctor did not give a structured close; their last words were:")
        rows.append(f"> {mark_identifiers(str(summary['text']))}")
    for key in ("summary", "differential", "leading diagnosis", "plan", "safety-netting"):
        if key in summary:
            rows.append(f"**{key.capitalize()}:** {mark_identifiers(str(summary[key]))}")
    for item in summary.get("differential_list") or []:
        rows.append(f"- {_esc(str(item))}")
    return "\n\n".join(rows)


def patient_card(persona: Persona) -> str:
    """What a student may see before taking the history: never the diagnosis or the facts."""
    d = persona.demographics
    age = d.age_text or f"{d.age} years"
    who = f"{d.name}, {age}, {d.sex}" + (f", {d.occupation}" if d.occupation else "")
    lines = [
        f"### {_esc(persona.title)}",
        f"**Patient:** {_esc(who)}",
        f"**Setting:** {persona.setting.value.replace('_', ' ')}",
    ]
    if d.informant:
        lines.append(f"**History from:** {_esc(d.informant)}")
    lines.append(f"**Opening line:** “{_esc(persona.opening_statement)}”")
    return "\n\n".join(lines)


def checklist_markdown(persona: Persona) -> str:
    rows = ["| | Item | Category |", "|---|---|---|"]
    for item in persona.checklist:
        flag = "critical" if item.critical else ""
        rows.append(f"| {flag} | {_esc(item.text)} | {item.category.value} |")
    return "\n".join(rows)


def transcript_markdown(turns: Iterable[Turn]) -> str:
    return "\n\n".join(
        f"**{t.role.value.capitalize()}:** {mark_identifiers(t.text)}" for t in turns
    )
