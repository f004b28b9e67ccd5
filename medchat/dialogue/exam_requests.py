"""Spot a model doctor asking for an examination or a test, so the examiner can answer it.

Only model-vs-model dialogues need this: a student uses the Examine and Order test controls.
"""

from __future__ import annotations

import re

_REQUEST = re.compile(
    r"\b(?:examine|examination|listen to your (?:chest|heart|lungs)|feel your (?:tummy|abdomen)|"
    r"(?:check|take|measure) your (?:blood pressure|pulse|temperature|oxygen|sugar)|"
    r"(?:order|arrange|request|do|run|get|send) (?:an? |some |a few )?(?:blood tests?|bloods|"
    r"ecg|ekg|x-?ray|scan|ct|mri|ultrasound|urine (?:test|sample|dip)|swab|troponin|fbc|"
    r"full blood count)|\b(?:ecg|ekg|chest x-?ray|ct scan|mri scan)\b)",
    re.IGNORECASE,
)


def asks_for_exam(text: str) -> bool:
    """Whether a doctor's turn asks for an examination finding or a test result."""
    return bool(_REQUEST.search(text))
