"""Pure metric functions for the safety evaluation, kept apart from loading and printing.

A gold identifier counts as recalled when scrubbing leaves none of its digits and at most a
fifth of its other characters ("Flat" left before a scrubbed "5, Smith Road" is no leak).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

DIRECT_IDENTIFIERS = frozenset(
    {
        "PERSON",
        "PHONE_NUMBER",
        "EMAIL_ADDRESS",
        "MRN",
        "NHS_NUMBER",
        "NATIONAL_ID",
        "STREET_ADDRESS",
        "POSTCODE",
        "DATE_OF_BIRTH",
        "INSURANCE_ID",
        "PASSPORT",
        "DRIVER_LICENSE",
        "CREDIT_CARD",
        "IP_ADDRESS",
        "URL",
    }
)


def covered(text: str, start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether predicted spans hide a gold span well enough that nothing identifying is left."""
    hidden = [any(s <= i < e for s, e in spans) for i in range(start, end)]
    chars = [(c, h) for c, h in zip(text[start:end], hidden, strict=True) if not c.isspace()]
    if any(c.isdigit() and not h for c, h in chars):
        return False
    return sum(h for _, h in chars) >= 0.8 * len(chars)


def overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def pii_scores(rows: Sequence[dict], predictions: Sequence[Sequence[dict]]) -> dict:
    """Per-type recall and precision, direct-identifier and all-identifier recall (the latter
    adds towns, other dates and ages over 89), and clinical preservation."""
    gold_n, gold_hit, pred_n, pred_ok = Counter(), Counter(), Counter(), Counter()
    keep_n = keep_ok = 0
    for row, preds in zip(rows, predictions, strict=True):
        spans = [(p["start"], p["end"]) for p in preds]
        gold = [(g["start"], g["end"]) for g in row["entities"]]
        for g in row["entities"]:
            gold_n[g["type"]] += 1
            gold_hit[g["type"]] += covered(row["text"], g["start"], g["end"], spans)
        for p in preds:
            pred_n[p["type"]] += 1
            pred_ok[p["type"]] += overlaps(p["start"], p["end"], gold)
        for k in row.get("keep", []):
            keep_n += 1
            keep_ok += not overlaps(k["start"], k["end"], spans)
    per_type = {
        t: {
            "support": gold_n[t],
            "recall": gold_hit[t] / gold_n[t] if gold_n[t] else None,
            "predicted": pred_n[t],
            "precision": pred_ok[t] / pred_n[t] if pred_n[t] else None,
        }
        for t in sorted(set(gold_n) | set(pred_n))
    }
    direct_n = sum(gold_n[t] for t in DIRECT_IDENTIFIERS)
    direct_hit = sum(gold_hit[t] for t in DIRECT_IDENTIFIERS)
    all_n = sum(gold_n.values())
    return {
        "per_type": per_type,
        "direct_recall": direct_hit / direct_n if direct_n else None,
        "all_recall": sum(gold_hit.values()) / all_n if all_n else None,
        "overall_precision": sum(pred_ok.values()) / max(1, sum(pred_n.values())),
        "clinical_preservation": keep_ok / keep_n if keep_n else None,
    }


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty sequence."""
    ordered = sorted(values)
    rank = max(1, int(-(-q * len(ordered) // 100)))
    return ordered[min(rank, len(ordered)) - 1]
