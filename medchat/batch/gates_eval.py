"""Precision and recall of the quality gates on hand-labelled dialogues.

Three sets, JSONL next to this module, each labelled before the gates were run on it:
`gates_tune.jsonl` was written before the gates and then used to tune them; `gates_second.jsonl`
was written after that tuning on other personas and measured once as a held-out set (figures in
docs/evaluation.md), then its misses were used to tune again; `gates_heldout.jsonl` was written
after the last gate change on yet other personas and never tuned on, so its figures are the
honest ones. Each line: id, persona_id, label (accept/reject), class (the failure a reader would
name), note, turns ([role, text] or [role, text, turn meta]) and errors (model errors recorded).

    python -m medchat.batch.gates [--split tune|second|heldout|all] [--errors]
"""

from __future__ import annotations

import argparse
import json
from importlib import resources
from typing import Any

from medchat.batch.gates import failures, reason_class
from medchat.errors import MedChatError, did_you_mean
from medchat.personas.loader import get_persona

SPLITS = {
    "tune": "gates_tune.jsonl",
    "second": "gates_second.jsonl",
    "heldout": "gates_heldout.jsonl",
}
LABELS = frozenset({"accept", "reject"})


def load(split: str) -> list[dict[str, Any]]:
    """The labelled dialogues of one split, checked on load (a bad label is a hard error)."""
    if split not in SPLITS:
        raise MedChatError(f"Unknown split {split!r}. {did_you_mean(split, SPLITS)}")
    text = resources.files("medchat.batch").joinpath(SPLITS[split]).read_text(encoding="utf-8")
    items = [json.loads(line) for line in text.splitlines() if line.strip()]
    for item in items:
        if item["label"] not in LABELS or (item["label"] == "reject") != bool(item["class"]):
            raise MedChatError(
                f"{SPLITS[split]}: {item['id']} has label {item['label']!r} "
                f"and class {item['class']!r}; a reject needs a class."
            )
    return items


def to_record(item: dict[str, Any]) -> dict[str, Any]:
    """The labelled dialogue in the shape `run_dialogue` stores (messages, metadata.turns)."""
    messages = [{"role": turn[0], "content": turn[1]} for turn in item["turns"]]
    turns = [
        {"turn": i, "role": turn[0], **(turn[2] if len(turn) > 2 else {})}
        for i, turn in enumerate(item["turns"])
    ]
    return {
        "id": item["id"],
        "persona_id": item["persona_id"],
        "messages": messages,
        "metadata": {"errors": item.get("errors", []), "turns": turns},
    }


def scores(tp: int, fp: int, fn: int) -> tuple[float, float]:
    """Precision and recall of "reject"; 1.0 where nothing was predicted or expected."""
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall


def evaluate(items: list[dict[str, Any]]) -> dict[str, Any]:
    """Reject precision/recall, and per labelled class whether that class's gate fired."""
    tp = fp = fn = tn = 0
    per_class: dict[str, dict[str, int]] = {}
    rows = []
    for item in items:
        found = failures(to_record(item), get_persona(item["persona_id"]))
        rejected = bool(found)
        expected = item["label"] == "reject"
        tp += rejected and expected
        fp += rejected and not expected
        fn += expected and not rejected
        tn += not rejected and not expected
        if expected:
            tally = per_class.setdefault(item["class"], {"labelled": 0, "caught": 0})
            tally["labelled"] += 1
            tally["caught"] += item["class"] in {reason_class(r) for r in found}
        rows.append(
            {
                "id": item["id"],
                "label": item["label"],
                "class": item["class"],
                "found": found,
                "correct": rejected == expected,
            }
        )
    precision, recall = scores(tp, fp, fn)
    return {
        "dialogues": len(items),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "precision": precision,
        "recall": recall,
        "per_class": per_class,
        "rows": rows,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m medchat.batch.gates", description=__doc__)
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    parser.add_argument("--errors", action="store_true", help="list misjudged dialogues")
    args = parser.parse_args(argv)
    splits = list(SPLITS) if args.split == "all" else [args.split]
    print("quality gates vs hand-labelled dialogues (positive class: reject)")
    for split in splits:
        result = evaluate(load(split))
        _print(split, result)
        for name, tally in sorted(result["per_class"].items()):
            print(f"    {name:<22} caught by its gate {tally['caught']}/{tally['labelled']}")
        if args.errors:
            for row in result["rows"]:
                named = {reason_class(f) for f in row["found"]}
                if not row["correct"] or (row["class"] and row["class"] not in named):
                    print(
                        f"    ! {row['id']}: labelled {row['label']} ({row['class']}), "
                        f"gates {row['found'] or 'none'}"
                    )
    if len(splits) > 1:
        _print("all", evaluate([item for split in splits for item in load(split)]))
    print("  goal: precision >= 0.9; the heldout set (never tuned on) is the honest figure")
    return 0


def _print(name: str, r: dict[str, Any]) -> None:
    print(
        f"  {name:<8} {r['dialogues']:>3} dialogues  precision {r['precision']:.3f}  "
        f"recall {r['recall']:.3f}  (tp {r['tp']}, fp {r['fp']}, fn {r['fn']}, tn {r['tn']})"
    )


if __name__ == "__main__":
    raise SystemExit(main())
