"""Train the semantic escalation head: `python -m safety.devsets.train_escalation [--loso]`.

Logistic regression (3 classes: other, emergency, self_harm; C=16, balanced; C=4 until round 11,
when leave-one-source-out preferred 16 with the round-11 exemplars) on the MiniLM
embedding alone, deterministic; writes `safety/data/escalation.npz`. It reads dev data only:
the classifier's training rows (`safety_sources.training_rows`), fresh rounds 4, 7, 8, 9 and 10
(dev), the round-7 and round-11 escalation exemplars (`safety_escalation7.jsonl`,
`safety_escalation11.jsonl`: crisis and emergency situations and benign look-alikes, each written
by situation type with several phrasings; round 11's by the types of public triage and
suicide-warning-sign lists), and everyday
patient lines from the personas whose setting is not an emergency (opening statements and
facts the rules and classifier allow; they teach the head that ordinary symptoms are not
emergencies). No held-out part is read.

`--loso` prints leave-one-source-out figures instead: for each dev source, a head trained on
all the others scores it, and the filter's verdict (rules + classifier, no head) is combined
with the head at the policy's thresholds, denial cues and neighbour agreement (the nearest
training rows of the other sources). The persona lines are split in two
halves (alternate lines) so each can be held out. Each source is printed twice: the rules and
classifier alone -> with the head, and the head alone (what it flags by itself, rules or not),
since the rules were written from several of these rounds' misses and so flatter their base.
`--without SOURCE` (repeatable) also leaves a source out of every fold's training, to compare a
head with and without it; `--C`, `--exemplar-weight`, `--min-neighbours` and `--thresholds` score
variants (round 11's "before": `--without "escalation exemplars 11" --without "block exemplars
11, dev" --C 4 --thresholds 0.85 0.95 --min-neighbours 1`).
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
C = 16.0
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
    "fresh round 10, dev",
    "round 6 training, dev",
    "block exemplars 11, dev",
)
EXEMPLARS = ("escalation exemplars 7", "escalation exemplars 11")


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
    out["escalation exemplars 11"] = read("safety_escalation11")
    personas = persona_lines(base)
    out["persona lines A"], out["persona lines B"] = personas[0::2], personas[1::2]
    return out


def fit(
    x: np.ndarray, y: np.ndarray, c: float = C, weight: np.ndarray | None = None
) -> LogisticRegression:
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=5000)
    return model.fit(x, y, sample_weight=weight)


def loso(
    base: SafetyFilter,
    without: tuple[str, ...] = (),
    c: float = C,
    exemplar_weight: float = 1.0,
    min_neighbours: int | None = None,
    thresholds: tuple[float, float] | None = None,
) -> np.ndarray:
    """Print leave-one-source-out figures; return the totals (escalations, added, benign,
    newly flagged). Sources in `without` are neither trained on nor scored."""
    cfg = base.policy.escalation_head
    if min_neighbours is not None:
        cfg = cfg.model_copy(update={"min_escalating_neighbours": min_neighbours})
    if thresholds is not None:
        cfg = cfg.model_copy(
            update={"emergency_threshold": thresholds[0], "self_harm_threshold": thresholds[1]}
        )
    denial = compile_denials(cfg.denial_cues)
    groups = {n: rows for n, rows in dev_sources(base).items() if n not in without}
    names = list(groups)
    vectors = {n: embed([r["text"] for r in groups[n]]) for n in names}
    weights = {
        n: np.full(len(groups[n]), exemplar_weight if n in EXEMPLARS else 1.0) for n in names
    }
    print(
        f"leave-one-source-out (head trained on the other dev sources; C={c}, exemplar weight "
        f"{exemplar_weight}, thresholds {cfg.emergency_threshold} / {cfg.self_harm_threshold}, "
        f"min escalating neighbours {cfg.min_escalating_neighbours}"
        + (f"; never trained on: {', '.join(without)}" if without else "")
        + ")"
    )
    print(
        f"  {'source':28s} {'escalation':>18s} {'head alone':>11s} "
        f"{'benign flagged':>16s} {'head alone':>11s}"
    )
    total = np.zeros(4, dtype=int)
    for held in names:
        x = np.concatenate([vectors[n] for n in names if n != held])
        y = np.array([target(r) for n in names if n != held for r in groups[n]])
        w = np.concatenate([weights[n] for n in names if n != held])
        model = fit(x, y, c, w)
        head = EscalationHead(model.coef_, model.intercept_, x, (y > 0).astype(np.int8))
        esc = [0, 0, 0, 0]  # rows, base, with head, head alone
        ben = [0, 0, 0, 0]
        for row, vector in zip(groups[held], vectors[held], strict=True):
            action = base.check_input(row["text"], row.get("mode", "consult")).action.value
            consult = row.get("mode", "consult") in [m.value for m in cfg.modes]
            fires = consult and head.decide(row["text"], vector, cfg, denial) is not None
            if row["label"] == "escalate":
                esc[0] += 1
                esc[1] += action == "escalate"
                esc[2] += action == "escalate" or (action == "allow" and fires)
                esc[3] += fires
            elif row["label"] == "allow":
                ben[0] += 1
                ben[1] += action != "allow"
                ben[2] += action != "allow" or fires
                ben[3] += fires
        total += [esc[0], esc[2] - esc[1], ben[0], ben[2] - ben[1]]
        e = f"{esc[1]} -> {esc[2]} / {esc[0]}" if esc[0] else "-"
        ea = f"{esc[3]} / {esc[0]}" if esc[0] else "-"
        b = f"{ben[1]} -> {ben[2]} / {ben[0]}" if ben[0] else "-"
        ba = f"{ben[3]} / {ben[0]}" if ben[0] else "-"
        print(f"  {held:28s} {e:>18s} {ea:>11s} {b:>16s} {ba:>11s}")
    print(
        f"  escalations added {total[1]} of {total[0]}; "
        f"benign newly flagged {total[3]} of {total[2]}"
    )
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loso", action="store_true", help="leave-one-source-out figures")
    parser.add_argument(
        "--without", action="append", default=[], help="--loso: a dev source never trained on"
    )
    parser.add_argument("--C", type=float, default=C, help="--loso: the head's C")
    parser.add_argument(
        "--exemplar-weight", type=float, default=1.0, help="--loso: weight of exemplar rows"
    )
    parser.add_argument(
        "--min-neighbours", type=int, default=None, help="--loso: escalating neighbours needed"
    )
    parser.add_argument(
        "--thresholds",
        type=float,
        nargs=2,
        default=None,
        metavar=("EMERGENCY", "SELF_HARM"),
        help="--loso: the head's thresholds instead of the policy's",
    )
    args = parser.parse_args()
    base = SafetyFilter(escalation_head=False)
    if args.loso:
        loso(
            base,
            tuple(args.without),
            args.C,
            args.exemplar_weight,
            args.min_neighbours,
            args.thresholds,
        )
        return
    extra = (
        read("safety_escalation7")
        + read("safety_escalation11")
        + read("safety_fresh4")
        + read("safety_fresh7")
        + read("safety_fresh8")
        + read("safety_fresh9")
        + read("safety_fresh10")
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
