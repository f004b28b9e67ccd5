"""The doctor's structured close: summary, differential, leading diagnosis, plan, safety-netting.

A close is recognised by parsing these labelled sections, all of which must be present, rather
than by spotting one keyword that a model may also say in passing ("in summary, ...").
"""

from __future__ import annotations

import re

from medchat.clinical.review import repetition

SECTIONS = ("summary", "differential", "leading diagnosis", "plan", "safety-netting")

CLOSE_INSTRUCTION = """Now close the consultation. Reply in exactly this format:
SUMMARY: <two sentences on the history>
DIFFERENTIAL: <2-4 possible diagnoses, most likely first, separated by semicolons>
LEADING DIAGNOSIS: <the most likely diagnosis>
PLAN: <tests, treatment and follow-up>
SAFETY-NETTING: <when to seek urgent help>"""

_NAMES = r"(summary|differential(?: diagnosis)?|leading diagnosis|plan|safety[- ]net(?:ting)?)"
# A label starts a line or follows a sentence; in capitals ("PLAN:") it may stand anywhere.
_LABEL = re.compile(
    rf"(?:^|(?<=[.;!] ))\s*(?:\*\*)?\s*{_NAMES}\s*(?:\*\*)?\s*:\s*(?:\*\*)?\s*",
    re.IGNORECASE | re.MULTILINE,
)
_CAPS_LABEL = re.compile(rf"(?<![\w-])({_NAMES.upper()[1:-1]})\s*:\s*")


def _canonical(label: str) -> str:
    label = label.lower().replace("safety net", "safety-net")
    if label.startswith("differential"):
        return "differential"
    if label.startswith("safety-net"):
        return "safety-netting"
    return label


def parse_close(text: str) -> dict[str, str] | None:
    """The sections of a structured close, or None if any is missing or empty."""
    by_start = {m.start(1): m for m in (*_LABEL.finditer(text), *_CAPS_LABEL.finditer(text))}
    matches = [by_start[k] for k in sorted(by_start)]
    found: dict[str, str] = {}
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        value = text[match.end() : end].strip()
        if value:
            found.setdefault(_canonical(match.group(1)), value)
    if not all(found.get(s) for s in SECTIONS):
        return None
    found["differential_list"] = [
        d.strip(" .") for d in re.split(r";|\n|\d\.", found["differential"]) if d.strip(" .")
    ]  # type: ignore[assignment]
    return found


def loops(text: str) -> bool:
    """A sentence or clause said twice (`repetition`); in a structured close, twice within one
    section. The close's sections restate each other by design: the leading diagnosis is the
    differential's first item, and the safety-netting repeats the plan's "seek urgent help"."""
    sections = parse_close(text)
    if sections is None:
        return repetition(text)
    return any(repetition(sections[name]) for name in SECTIONS)
