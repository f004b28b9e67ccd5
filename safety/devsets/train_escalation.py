"""Train the semantic escalation head: `python -m safety.devsets.train_escalation [--loso]`.

Logistic regression (3 classes: other, emergency, self_harm; C=4, balanced) on the MiniLM
embedding alone, deterministic; writes `safety/data/escalation.npz`. It reads dev data only:
the classifier's training rows (`safety_sources.training_rows`), fresh rounds 4, 7, 8 and 9 (dev),
the round-7 escalation exemplars (`safety_escalation7.jsonl`: crisis and emergency situations and
benign look-alikes, each written by situation type with several phrasings), and everyday
patient lines from the personas whose setting is not an emergency (opening statements and
facts the rules and classifier allow; they teach the head that ordinary symptoms are not
emergencies). No held-out part is read.

`--loso` prints leave-one-source-out figures instead: for each dev source, a head trained on
all the others scores it, and the filter's verdict (rules + classifier, no head) is combined
with the head at the policy's thresholds, denial cues and neighbour agreement (the nearest
training rows of the other sources). The persona lines are split in two
halves (alternate lines) so each can be held out.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import yaml
from sklearn.linear_model import LogisticRegression

from safety.devsets.safety_sources import read, sources, training_rows
from safety.policy.embeddings import embed
from safety.policy.escalation import EscalationHead, compile_denials
from safety.policy.filter import SafetyFilter

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
OUT = HERE.parent / "data" / "escalation.npz"
C = 4.0
DEV_SOURCES = (
    "templates, dev",
    "avey negations, dev",
    "MedSafetyBench llama2, dev",
    "natural, dev",
    "look-alike, dev",
    "clinician benign, dev",
    "fresh round 1, dev",
    "fresh round 2, dev",
    "fresh round 4, dev",
    "fresh round 7, dev",
    "fresh round 8, dev",
    "fresh round 9, dev",
    "round 6 training, dev",
)


def target(row: dict) -> int:
    return EscalationHead.CLASSES.index(row["category"]) if row["label"] == "escalate" else 0


def persona_lines(base: SafetyFilter) -> list[dict]:
    """Opening statements and facts of the personas outside an emergency setting that the rules
    and classifier (no head) allow."""
    rows = []
    for path in sorted((ROOT / "personas").glob("*/*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        if not isinstance(data, dict) or "facts" not in data or data.get("setting") == "emergency":
            continue
        facts = [f.get("text", "") for f in data["facts"] if isinstance(f, dict)]
        for text in [data.get("opening_statement", ""), *facts]:
            if len(text) > 15 and base.check_input(text, "consult").action.value == "allow":
                rows.append({"text": text, "label": "allow", "category": "none"})
    return rows


def dev_sources(base: SafetyFilter) -> dict[str, list[dict]]:
    by_source = sources()
    out = {name: by_source[name] for name in DEV_SOURCES}
    out["escalation exemplars 7"] = read("safety_escalation7")
    personas = persona_lines(base)
    out["persona lines A"], out["persona lines B"] = personas[0::2], personas[1::2]
    return out


def fit(x: np.ndarray, y: np.ndarray) -> LogisticRegression:
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
    return model.fit(x, y)


def loso(base: SafetyFilter) -> None:
    cfg = base.policy.escalation_head
    denial = compile_denials(cfg.denial_cues)
    groups = dev_sources(base)
    names = list(groups)
    vectors = {n: embed([r["text"] for r in groups[n]]) for n in names}
    print("leave-one-source-out (head trained on the other dev sources)")
    print(f"  {'source':28s} {'escalation':>22s} {'benign flagged':>22s}")
    total = np.zeros(4, dtype=int)
    for held in names:
        x = np.concatenate([vectors[n] for n in names if n != held])
        y = np.array([target(r) for n in names if n != held for r in groups[n]])
        model = fit(x, y)
        head = EscalationHead(model.coef_, model.intercept_, x, (y > 0).astype(np.int8))
        esc = [0, 0, 0]  # rows, base, with head
        ben = [0, 0, 0]
        for row, vector in zip(groups[held], vectors[held], strict=True):
            action = base.check_input(row["text"], row.get("mode", "consult")).action.value
            fires = head.decide(row["text"], vector, cfg, denial) is not None
            if row["label"] == "escalate":
                esc[0] += 1
                esc[1] += action == "escalate"
                esc[2] += action == "escalate" or (action == "allow" and fires)
            elif row["label"] == "allow":
                ben[0] += 1
                ben[1] += action != "allow"
                ben[2] += action != "allow" or fires
        total += [esc[0], esc[2] - esc[1], ben[0], ben[2] - ben[1]]
        e = f"{esc[1]} -> {esc[2]} / {esc[0]}" if esc[0] else "-"
        b = f"{ben[1]} -> {ben[2]} / {ben[0]}" if ben[0] else "-"
        print(f"  {held:28s} {e:>22s} {b:>22s}")
    print(
        f"  escalations added {total[1]} of {total[0]}; "
        f"benign newly flagged {total[3]} of {total[2]}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loso", action="store_true", help="leave-one-source-out figures")
    args = parser.parse_args()
    base = SafetyFilter(escalation_head=False)
    if args.loso:
        loso(base)
        return
    extra = (
        read("safety_escalation7")
        + read("safety_fresh4")
        + read("safety_fresh7")
        + read("safety_fresh8")
        + read("safety_fresh9")
        + persona_lines(base)
    )
    rows = training_rows() + extra
    x = embed([r["text"] for r in rows])
    y = np.array([target(r) for r in rows])
    model = fit(x, y)
    np.savez_compressed(
        OUT,
        coef=model.coef_.astype(np.float32),
        intercept=model.intercept_.astype(np.float32),
        neighbours=x.astype(np.float16),
        neighbour_escalates=(y > 0).astype(np.int8),
        classes=np.array(EscalationHead.CLASSES),
        C=np.array(C),
        n_train=np.array(len(rows)),
    )
    counts = np.bincount(y, minlength=3)
    print(
        f"trained on {len(rows)} dev rows (other {counts[0]}, emergency {counts[1]}, "
        f"self_harm {counts[2]}); train accuracy {model.score(x, y):.3f}; wrote {OUT}"
    )


if __name__ == "__main__":
    main()
