"""Validate the checklist matcher against hand-annotated transcripts (`gold/*.jsonl`).

Each gold line is one practice transcript written by the team: `persona_id`, `turns` (doctor
sentences and examiner requests), the submitted `leading` diagnosis and `differential`, and the
checklist item ids an examiner would tick (`expected`). Examiner requests go through the real
`Examiner`, so the scorer sees the turns exactly as a practice session stores them.

The dev half was read while designing the rules; the test half was written before any scoring run
and is the honest figure. See docs/evaluation-osce.md for the annotation rules.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from medchat.personas.loader import get_persona
from medchat.types import Role, Turn

SPLITS = ("dev", "test")


def gold_path(split: str) -> Path:
    return Path(str(resources.files("medchat.evaluation") / "gold" / f"scorer_{split}.jsonl"))


def load_gold(split: str, path: Path | None = None) -> list[dict[str, Any]]:
    lines = (path or gold_path(split)).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def gold_turns(record: dict[str, Any], examiner: Any) -> list[Turn]:
    """The record's turns as stored turns; examiner requests answered by the real examiner."""
    persona = get_persona(record["persona_id"])
    turns = []
    for seq, entry in enumerate(record["turns"]):
        if entry["role"] == "examiner":
            result = examiner.respond(persona, entry["text"])
            text, meta = f"{result.name}: {result.finding}", {"request": entry["text"]}
            turns.append(Turn(seq=seq, role=Role.EXAMINER, text=text, author="examiner", meta=meta))
        else:
            turns.append(Turn(seq=seq, role=Role.DOCTOR, text=entry["text"], author="human"))
    return turns


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(records: list[dict[str, Any]], scorer: Any = None) -> dict[str, Any]:
    """Micro precision/recall of covered items over `records`, with per-record errors."""
    from medchat.agents.examiner import Examiner
    from medchat.evaluation.osce import default_scorer

    scorer = scorer or default_scorer()
    examiner = Examiner(scorer.encoder)
    counts = Counts()
    errors = []
    for record in records:
        persona = get_persona(record["persona_id"])
        turns = gold_turns(record, examiner)
        report = scorer.score(persona, turns, record["leading"], record["differential"])
        got, want = set(report.covered_ids), set(record["expected"])
        counts.tp += len(got & want)
        counts.fp += len(got - want)
        counts.fn += len(want - got)
        if got != want:
            errors.append(
                {
                    "id": record["id"],
                    "false_pos": sorted(got - want),
                    "false_neg": sorted(want - got),
                }
            )
    return {
        "transcripts": len(records),
        "items_expected": counts.tp + counts.fn,
        "tp": counts.tp,
        "fp": counts.fp,
        "fn": counts.fn,
        "precision": round(counts.precision, 3),
        "recall": round(counts.recall, 3),
        "f1": round(counts.f1, 3),
        "errors": errors,
    }
