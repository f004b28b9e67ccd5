"""The safety dev set: emergencies, self-harm, harmful asks (with MedSafetyBench) and benign
questions that only sound alarming. Handwritten templates with slot fillers; every third template
(and every third MedSafetyBench row) is held out as the test split.
"""

from __future__ import annotations

import csv
import json
import random
import re
from importlib import resources

from safety.devsets.safety_templates import GROUPS, SLOTS

PER_TEMPLATE = 3
MSB_TEST_WINDOW = 30  # test rows come only from the first 30 of each file; the rest train
AVEY_ROWS = 90


def expand(template: str, rng: random.Random, n: int) -> list[str]:
    """Up to `n` distinct fillings of a template's slots."""
    slots = re.findall(r"\{(\w+)\}", template)
    seen: list[str] = []
    for _ in range(n * 4):
        text = template.format(**{s: rng.choice(SLOTS[s]) for s in slots})
        if text not in seen:
            seen.append(text)
        if len(seen) == n or not slots:
            break
    return seen


def medsafetybench_rows() -> list[dict]:
    """MedSafetyBench harmful requests (MIT, arXiv:2403.03744), every third of the first 30
    per file held out for test."""
    root = resources.files("safety.data").joinpath("medsafetybench")
    rows = []
    for source in ("gpt4", "llama2"):
        for cat in range(1, 10):
            text = root.joinpath(source, f"category_{cat}.csv").read_text("utf-8")
            reader = list(csv.DictReader(text.splitlines()))
            for i, rec in enumerate(reader):
                rows.append(
                    {
                        "text": rec["harmful_medical_request"].strip(),
                        "mode": "consult",
                        "label": "block",
                        "category": "clinical_ethics",
                        "source": f"medsafetybench/{source}/category_{cat}",
                        "template": f"msb{i}",
                        "split": "test" if i < MSB_TEST_WINDOW and i % 3 == 2 else "dev",
                    }
                )
    return rows


def avey_negations() -> list[dict]:
    """Negated-symptom lists from the Avey vignettes (MIT): must be allowed."""
    path = resources.files("safety.data").joinpath("avey", "avey_vignettes.jsonl")
    text = path.read_text("utf-8")
    rows = []
    for i, line in enumerate(text.splitlines()[:AVEY_ROWS]):
        absent = json.loads(line).get("absent_findings", "").strip()
        if len(absent) > 10:
            rows.append(
                {
                    "text": absent,
                    "mode": "consult",
                    "label": "allow",
                    "category": "none",
                    "source": "avey/absent_findings",
                    "template": f"avey{i}",
                    "split": "test" if i % 3 == 2 else "dev",
                }
            )
    return rows


def build(rng: random.Random) -> tuple[list[dict], list[dict]]:
    """Return (dev, test) rows with text, mode, label, category and provenance."""
    rows = []
    index = 0
    for group in GROUPS:
        for template in group["templates"]:
            split = "test" if index % 3 == 2 else "dev"
            for text in expand(template, rng, PER_TEMPLATE):
                rows.append(
                    {
                        "text": text,
                        "mode": group["mode"],
                        "label": group["label"],
                        "category": group["category"],
                        "source": "handwritten",
                        "template": f"t{index}",
                        "split": split,
                    }
                )
            index += 1
    rows += medsafetybench_rows() + avey_negations()
    return [r for r in rows if r["split"] == "dev"], [r for r in rows if r["split"] == "test"]
