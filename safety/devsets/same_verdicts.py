"""Dump every decision the safety layer makes on the evaluation's rows, and compare two dumps
(`python -m safety.devsets.same_verdicts dump FILE`, then `compare BEFORE AFTER`).

A change meant to make the layer faster must not change a decision; figures such as block
rate can stay equal while rows swap, so this compares row by row: `check_input` on every
safety source row in each policy mode (action, category, layer and reason, which carries the
classifier's probabilities to two decimals), `check_output` on the doctor replies, the
scrubbed text and entity spans of every PII row, and scrub + check on the latency messages.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from safety.devsets.safety_sources import read, sources
from safety.evaluation import PII_SOURCES, load_devset
from safety.pii.scrubber import Scrubber
from safety.policy.filter import OutputContext, SafetyFilter
from safety.types import Verdict

MODES = ("consult", "practice", "selfplay")
PII_SETS = sorted({"pii_dev", "pii_test", *PII_SOURCES.values()})


def _verdict(v: Verdict) -> list[str]:
    return [v.action.value, v.category, v.layer, v.reason]


def _digest(text: str, entities) -> str:
    """A hash, so the dump holds no identifier (the PII rows are synthetic, but the habit holds)."""
    spans = [(e.type, e.start, e.end) for e in entities]
    return hashlib.sha256(json.dumps([text, spans]).encode()).hexdigest()[:16]


def decisions(scrubber: Scrubber, safety_filter: SafetyFilter) -> Iterator[tuple[str, object]]:
    """(key, decision) for every row the evaluation reads."""
    for label, rows in sources().items():
        for i, r in enumerate(rows):
            for mode in MODES:
                verdict = safety_filter.check_input(r["text"], mode)
                yield f"input|{label}|{i}|{mode}", _verdict(verdict)
    context = OutputContext(speaker="doctor")
    for i, r in enumerate(read("safety_replies")):
        yield f"output|{i}", _verdict(safety_filter.check_output(r["text"], "consult", context))
    for name in PII_SETS:
        for i, r in enumerate(load_devset(name)):
            scrubbed = scrubber.scrub(r["text"], scrubber.new_session())
            yield f"scrub|{name}|{i}", _digest(scrubbed.text, scrubbed.entities)
    latency = [r["text"] for r in load_devset("pii_test") + load_devset("safety_test")]
    for i, text in enumerate(latency):
        scrubbed = scrubber.scrub(text, scrubber.new_session()).text
        yield f"pipeline|{i}", _verdict(safety_filter.check_input(scrubbed, "consult"))


def dump(path: Path) -> int:
    scrubber, safety_filter = Scrubber(), SafetyFilter()
    with path.open("w", encoding="utf-8") as out:
        n = 0
        for key, value in decisions(scrubber, safety_filter):
            out.write(json.dumps([key, value]) + "\n")
            n += 1
    print(f"{n} decisions written to {path}")
    return 0


def held_out(key: str) -> bool:
    """A decision on a held-out row: an input row of a "held out" part, or a latency message
    (the pii_test and safety_test splits)."""
    return "held out" in key or key.startswith("pipeline|")


def _part(key: str) -> str:
    kind, _, rest = key.partition("|")
    return f"{kind}|{rest.split('|')[0]}" if kind in ("input", "scrub") else kind


def compare(before: Path, after: Path) -> int:
    """0 when both dumps hold the same keys with the same decisions. Differences are counted
    per source part; only those on dev rows are listed, since a held-out row read while a
    change is made stops being held out."""
    a, b = (dict(json.loads(line) for line in p.open(encoding="utf-8")) for p in (before, after))
    differ = [k for k in a.keys() | b.keys() if a.get(k) != b.get(k)]
    for k in sorted(k for k in differ if not held_out(k))[:50]:
        print(f"{k}: {a.get(k)} -> {b.get(k)}")
    for part, n in sorted(Counter(_part(k) for k in differ).items()):
        print(f"  {part}: {n} differ{' (held out, not listed)' if held_out(part) else ''}")
    print(f"{len(a)} and {len(b)} decisions; {len(differ)} differ")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m safety.devsets.same_verdicts")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("dump").add_argument("path", type=Path)
    cmp = sub.add_parser("compare")
    cmp.add_argument("before", type=Path)
    cmp.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dump":
        return dump(args.path)
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
