"""Stream-in, stream-out functions behind `python -m medchat scrub` and `... safety`.

They take text streams so they are testable without a process; the medchat command module
only wires argparse to them. One JSON object per input line; a malformed line is a SafetyError
naming the line number.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TextIO

from safety.errors import SafetyError
from safety.pii.scrubber import Scrubber
from safety.policy.filter import SafetyFilter, parse_mode


def _texts(stream: TextIO) -> Iterator[str]:
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SafetyError(f"stdin line {number}: not valid JSON ({exc.msg}).") from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise SafetyError(f'stdin line {number}: expected an object like {{"text": "..."}}.')
        yield record["text"]


def _write(out: TextIO, record: dict) -> None:
    out.write(json.dumps(record, ensure_ascii=False) + "\n")
    out.flush()


def run_scrub(stdin: TextIO, stdout: TextIO, scrubber: Scrubber | None = None) -> int:
    """JSONL {"text"} in; {"text", "scrubbed", "entities": [{type, start, end}]} out.

    Each line is scrubbed with a fresh session, so lines are independent records.
    """
    scrubber = scrubber or Scrubber()
    for text in _texts(stdin):
        result = scrubber.scrub(text, scrubber.new_session())
        _write(
            stdout,
            {
                "text": text,
                "scrubbed": result.text,
                "entities": [e.as_dict() for e in result.entities],
            },
        )
    return 0


def run_safety(
    stdin: TextIO, stdout: TextIO, mode: str, safety_filter: SafetyFilter | None = None
) -> int:
    """JSONL {"text"} in; {"text", "action", "category", "reason"} out."""
    mode = parse_mode(mode)
    safety_filter = safety_filter or SafetyFilter()
    for text in _texts(stdin):
        verdict = safety_filter.check_input(text, mode)
        row = {"text": text, **verdict.as_dict()}
        del row["message"]  # the CLI's columns are text, action, category, reason
        _write(stdout, row)
    return 0
