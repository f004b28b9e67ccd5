"""Rebuild the dev sets deterministically: `python -m safety.devsets.build`.

Writes `pii_dev.jsonl`/`pii_test.jsonl` (utterances with labelled identifier and clinical spans)
and `safety_dev.jsonl`/`safety_test.jsonl` next to this file. Seeds are fixed, so the output is
byte-identical on every run; the JSONL is committed so evaluations are reproducible.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from faker import Faker

from safety.devsets import pii_templates as T
from safety.devsets import safety_prompts
from safety.devsets.pii_values import make_values

HERE = Path(__file__).parent
SEED = 4
PER_TEMPLATE = 8
_SLOT = re.compile(r"\{(\w+)\}")


def is_test_template(index: int) -> bool:
    """Every third template is held out; the rules were developed on the others only."""
    return index % 3 == 2


def render(template: str, values: dict[str, str]) -> dict:
    """Fill a template, recording the span of every identifier and clinical slot."""
    text, spans, keep, last = "", [], [], 0
    for m in _SLOT.finditer(template):
        text += template[last : m.start()]
        slot, value = m.group(1), values[m.group(1)]
        start = len(text)
        text += value
        if slot in T.CLINICAL_SLOTS:
            keep.append({"slot": slot, "start": start, "end": len(text)})
        elif T.SLOT_TYPES.get(slot):
            spans.append({"type": T.SLOT_TYPES[slot], "start": start, "end": len(text)})
        last = m.end()
    text += template[last:]
    return {"text": text, "entities": spans, "keep": keep}


def build_pii() -> tuple[list[dict], list[dict]]:
    rng = random.Random(SEED)
    gb, us = Faker("en_GB"), Faker("en_US")
    gb.seed_instance(SEED)
    us.seed_instance(SEED + 1)
    dev, test = [], []
    for i, template in enumerate(T.TEMPLATES):
        for _ in range(PER_TEMPLATE):
            values = make_values(rng, gb, us)
            values.update(
                drug=rng.choice(T.DRUGS),
                cond=rng.choice(T.CONDITIONS),
                dur=rng.choice(T.DURATIONS),
                age=rng.choice(T.AGES),
                time=rng.choice(T.TIMES),
                vital=rng.choice(T.VITALS),
                dose=rng.choice(T.DOSES),
            )
            row = {"template": i, **render(template, values)}
            (test if is_test_template(i) else dev).append(row)
    return dev, test


def write_jsonl(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def main() -> None:
    dev, test = build_pii()
    write_jsonl(HERE / "pii_dev.jsonl", dev)
    write_jsonl(HERE / "pii_test.jsonl", test)
    sdev, stest = safety_prompts.build(random.Random(SEED))
    write_jsonl(HERE / "safety_dev.jsonl", sdev)
    write_jsonl(HERE / "safety_test.jsonl", stest)
    print(f"pii: {len(dev)} dev, {len(test)} test; safety: {len(sdev)} dev, {len(stest)} test")


if __name__ == "__main__":
    main()
