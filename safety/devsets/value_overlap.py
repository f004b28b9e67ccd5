"""Which values of a new PII set already appear elsewhere: `python -m safety.devsets.value_overlap
pii_handwritten12`.

A held-out set is only new if its values are: round 13's hand-written set reused a street, a
postcode, towns and names of earlier sets, found only after its first look. This lists, for every
identifier and clinical span of the named set, the earlier `pii_*.jsonl` files that have the same
value (case-insensitive), and the source files under `safety/pii/` and `tests/safety/` that
contain it; name words shared with an earlier set's PERSON spans are listed apart, as a given name
may recur on purpose.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
_WORD = re.compile(r"\w{4,}")


def spans(path: Path) -> list[tuple[str, str]]:
    """(type, value) of every identifier and kept span in one JSONL file, values lower-cased."""
    out = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        for e in row["entities"]:
            out.append((e["type"], row["text"][e["start"] : e["end"]].lower()))
        for k in row.get("keep", []):
            out.append(("KEEP", row["text"][k["start"] : k["end"]].lower()))
    return out


def overlaps(name: str, earlier: list[str]) -> dict[str, list[str]]:
    """Shared values, shared source mentions and shared name words of `name` against `earlier`."""
    new = spans(HERE / f"{name}.jsonl")
    seen: dict[str, set[str]] = {}
    words: dict[str, set[str]] = {}
    for other in earlier:
        for kind, value in spans(HERE / f"{other}.jsonl"):
            seen.setdefault(value, set()).add(other)
            if kind == "PERSON":
                for w in _WORD.findall(value):
                    words.setdefault(w, set()).add(other)
    sources = {
        str(p.relative_to(ROOT)): p.read_text("utf-8").lower()
        for folder in (ROOT / "safety" / "pii", ROOT / "tests" / "safety")
        for p in sorted(folder.glob("*.py"))
    }
    report: dict[str, list[str]] = {"value": [], "source": [], "name word": []}
    for kind, value in sorted(set(new)):
        if value in seen:
            report["value"].append(f"{kind} {value!r}: {', '.join(sorted(seen[value]))}")
        # The plain substring test is a necessary condition of the bounded match and far
        # cheaper (a regex starting with a lookbehind scans every position of every file), so
        # the regex only runs on the few files that contain the value at all: same hits.
        bounded = re.compile(rf"(?<!\w){re.escape(value)}(?!\w)")
        hits = [
            p
            for p, text in sources.items()
            if len(value) >= 4 and value in text and bounded.search(text)
        ]
        if hits:
            report["source"].append(f"{kind} {value!r}: {', '.join(hits)}")
        if kind == "PERSON":
            for w in _WORD.findall(value):
                if w in words:
                    report["name word"].append(f"{w!r} of {value!r}: {', '.join(sorted(words[w]))}")
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", help="the new set, e.g. pii_handwritten12")
    args = parser.parse_args()
    earlier = sorted(p.stem for p in HERE.glob("pii_*.jsonl") if p.stem != args.name)
    report = overlaps(args.name, earlier)
    for kind, lines in report.items():
        print(f"{kind}: {len(lines)} shared")
        for line in lines:
            print(f"  {line}")


if __name__ == "__main__":
    main()
