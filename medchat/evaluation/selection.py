"""Measure `FactSelector` alone: which case facts it picks per doctor question, against labels.

The probes (`probes/selection.jsonl`) are hand-labelled (persona, question, expected fact ids)
rows, written from two question banks (`source`: British clinical and American lay phrasing)
without reading the selector's rules, and labelled by reading the fact texts. `acceptable` ids
are facts that also answer the question (a repeat, a close paraphrase): picking one is neither
rewarded nor counted wrong. Open questions ("what brings you in?") are answered with the
volunteered facts by design; they are labelled so and reported apart from the headline figures.
See docs/evaluation.md, "Fact selection".
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from medchat.errors import MedChatError
from medchat.evaluation.scorer_eval import Counts as FactCounts
from medchat.personas.loader import PersonaRegistry, default_registry
from medchat.personas.schema import FactCategory

if TYPE_CHECKING:
    from medchat.evaluation.embed_cache import CachedEncoder

STYLES = ("textbook", "lay", "indirect", "typo", "compound", "negative", "followup", "open")
TOPICS = (*(c.value for c in FactCategory), "open")
K = 3  # facts per question, as `PatientAgent.select_facts` asks for


PROBE_FILES = (
    "selection.jsonl",
    "selection_fresh.jsonl",
    "selection_fresh3.jsonl",
    "selection_fresh4.jsonl",
    "selection_mh.jsonl",
    "selection_psy.jsonl",
    "selection_fresh5.jsonl",
    "selection_fresh6.jsonl",
    "selection_fresh7.jsonl",
)
"""The bundled probe sets: the first written with the selector (two question banks); the second
(`source` fresh_2611, 4 probes per persona, 2 of them absent-symptom questions) written later by
someone who had not read the selector's rules, to measure it on phrasing it was not built from;
the third (`source` fresh_2511, 4 per persona, 3 absent-symptom questions, some sharing a word or
a body part with a fact) written the same way after the second's misses had been read; the
fourth (`source` fresh_0512, 4 per persona: 1 present and 3 absent-symptom questions) written
blind after the third, and measured once before and once after the rules it was kept from; the
fifth (`source` mh_0612, 151 probes on 31 personas) asks about suicidal thoughts, self-harm, low
mood and stress, written blind to `medchat.clinical.concepts` and measured once before its misses
were read; the sixth (`source` psy_0612, 145 probes on 58 personas, 45 of them questions the
case does not answer) asks about stressors, work, money, relationships, losses and who is at
home, written blind to the psychosocial concepts and measured once before its misses were
read; the seventh (`source` fresh_0712, 4 per persona: 1 present and 3 absent questions, about
a third of the absent ones sharing a body part or a word with a fact that does not answer them)
written blind to every selector and patient rule and measured first on ced874d; its misses were
read on 2026-12-07 (night) for the classes of `medchat.clinical.mismatch`, so it is a dev set
like the others; the eighth (`source` fresh_0712b, the same shape, 139 of its 228 absent
questions sharing a body part, word or theme with a fact) written blind the same night from the
persona files alone, measured on selection twice (before and after the mismatch classes, in
aggregate) and its first live look's absent-question answers were read on 2026-12-07 (late
night), so it is a dev set now; 63 of its free-text topics were mapped to `systems_review` so it
loads; the ninth (`source` fresh_0712c, 5 per persona: 2 present and 3 absent questions, 125 of
the 228 absent ones judged hard) written blind from the persona files alone on 2026-12-07 (late
night), in the fact categories so nothing was mapped, and measured before and after the changes
it was kept from."""


def probe_paths() -> list[Path]:
    root = resources.files("medchat.evaluation") / "probes"
    return [Path(str(root / name)) for name in PROBE_FILES]


@dataclass(frozen=True)
class Probe:
    persona_id: str
    question: str
    expected: tuple[str, ...]
    style: str
    source: str
    topic: str
    acceptable: tuple[str, ...] = ()


def load_probes(path: Path | None = None) -> list[Probe]:
    """Read and check the field types of every line (of every bundled file without `path`); a
    malformed line is a hard error."""
    if path is None:
        return [probe for bundled in probe_paths() for probe in load_probes(bundled)]
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise MedChatError(f"{path}: cannot read the probe file ({exc.strerror})") from None
    probes = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            probe = Probe(
                persona_id=row["persona_id"],
                question=row["question"],
                expected=tuple(row["expected"]),
                style=row["style"],
                source=row["source"],
                topic=row["topic"],
                acceptable=tuple(row.get("acceptable", ())),
            )
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise MedChatError(
                f"{path}:{number}: malformed probe ({exc!r}); fix the line"
            ) from None
        if probe.style not in STYLES or probe.topic not in TOPICS or not probe.question.strip():
            raise MedChatError(
                f"{path}:{number}: style must be one of {STYLES} and topic a fact category "
                f"or 'open', with a question; got style {probe.style!r}, topic {probe.topic!r}"
            )
        probes.append(probe)
    return probes


def check_probes(probes: Iterable[Probe], registry: PersonaRegistry | None = None) -> list[str]:
    """Problems with the labels: unknown personas or fact ids, labelled negatives with facts."""
    registry = registry or default_registry()
    known = {p.id: {f.id for f in p.facts} for p in registry}
    problems = []
    for probe in probes:
        where = f"{probe.persona_id}: {probe.question!r}"
        if probe.persona_id not in known:
            problems.append(f"{where}: unknown persona")
            continue
        unknown = [i for i in probe.expected + probe.acceptable if i not in known[probe.persona_id]]
        if unknown:
            problems.append(f"{where}: unknown fact id(s) {unknown}")
        if set(probe.expected) & set(probe.acceptable):
            problems.append(f"{where}: an id is both expected and acceptable")
        if probe.style == "negative" and probe.expected:
            problems.append(f"{where}: a negative probe expects facts")
    return problems


@dataclass
class Counts(FactCounts):
    """Micro counts over fact ids (precision, recall and F1 from `scorer_eval.Counts`), and how
    often an expected-empty probe got nothing."""

    probes: int = 0
    exact: int = 0
    empty: int = 0
    empty_nothing: int = 0
    empty_no_wrong: int = 0
    ceiling: int = 0  # expected facts reachable with K facts per question

    def add(self, expected: set[str], acceptable: set[str], selected: set[str]) -> None:
        wrong = selected - expected - acceptable
        self.tp += len(selected & expected)
        self.fp += len(wrong)
        self.fn += len(expected - selected)
        self.probes += 1
        self.exact += not wrong and expected <= selected
        self.ceiling += min(len(expected), K)
        if not expected:
            self.empty += 1
            self.empty_nothing += not selected
            self.empty_no_wrong += not wrong

    @property
    def specificity(self) -> float | None:
        """Share of expected-empty probes where nothing at all was selected."""
        return self.empty_nothing / self.empty if self.empty else None

    def as_dict(self) -> dict[str, Any]:
        expected = self.tp + self.fn
        no_wrong = self.empty_no_wrong / self.empty if self.empty else None
        return {
            "probes": self.probes,
            "expected_facts": expected,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "recall_ceiling": round(self.ceiling / expected, 3) if expected else None,
            "exact_rate": round(self.exact / self.probes, 3) if self.probes else None,
            "expected_empty": self.empty,
            "specificity": None if self.specificity is None else round(self.specificity, 3),
            "empty_no_wrong_rate": None if no_wrong is None else round(no_wrong, 3),
        }


@dataclass
class Result:
    """One probe and what the selector picked for it."""

    probe: Probe
    selected: list[str]
    authored: bool = False
    categories: dict[str, str] = field(default_factory=dict)  # fact id -> fact category

    @property
    def wrong(self) -> list[str]:
        keep = set(self.probe.expected) | set(self.probe.acceptable)
        return [i for i in self.selected if i not in keep]

    @property
    def missed(self) -> list[str]:
        return [i for i in self.probe.expected if i not in self.selected]


def with_preamble(probes: list[Probe], preamble: str) -> list[Probe]:
    """The probes with `preamble` said before each question: models acknowledge before they
    ask ("That sounds very concerning. Can you tell me more?"), and the acknowledgement's words
    must not choose the facts."""
    if not preamble.strip():
        return probes
    return [replace(p, question=f"{preamble.strip()} {p.question}") for p in probes]


@lru_cache(maxsize=1)
def _vectors() -> CachedEncoder:
    """One vector cache for every run in the process: case facts and questions recur across
    probe files and runs (the preamble checks, `eval selection` over several files), and
    embedding the facts is most of a run's time."""
    from medchat.clinical.encoder import get_encoder
    from medchat.evaluation.embed_cache import CachedEncoder

    return CachedEncoder(get_encoder())


def run(
    probes: list[Probe], selector: Any = None, registry: PersonaRegistry | None = None
) -> list[Result]:
    """Select facts for every probe with the real selector; question vectors in one batch."""
    from medchat.agents.grounding import FactSelector

    registry = registry or default_registry()
    if selector is None:
        encoder = _vectors()
        personas = {p.persona_id: registry.get(p.persona_id) for p in probes}
        encoder.prime([f.text for persona in personas.values() for f in persona.facts])
        selector = FactSelector(encoder)
        # The texts the selector embeds (mended, acknowledgements dropped), in one batch.
        encoder.prime([selector.asked(personas[p.persona_id], p.question) for p in probes])
    results = []
    for probe in probes:
        persona = registry.get(probe.persona_id)
        picked = [f.id for f in selector.select(persona, probe.question, k=K)]
        categories = {f.id: f.category.value for f in persona.facts}
        results.append(Result(probe, picked, persona.is_authored, categories))
    return results


def summarise(results: list[Result]) -> dict[str, Any]:
    """Headline and per source and kind without open questions; per style and topic with."""
    groups: dict[str, dict[str, Counts]] = defaultdict(lambda: defaultdict(Counts))
    cat_recall: dict[str, Counts] = defaultdict(Counts)
    cat_precision: dict[str, Counts] = defaultdict(Counts)
    for r in results:
        p = r.probe
        exp, acc, sel = set(p.expected), set(p.acceptable), set(r.selected)
        groups["style"][p.style].add(exp, acc, sel)
        groups["topic"][p.topic].add(exp, acc, sel)
        if p.topic == "open":
            groups["all"]["open questions"].add(exp, acc, sel)
            continue
        groups["all"]["all but open"].add(exp, acc, sel)
        groups["source"][p.source].add(exp, acc, sel)
        groups["kind"]["authored" if r.authored else "imported"].add(exp, acc, sel)
        for fid in exp:  # recall by the category of each expected fact
            cat_recall[r.categories[fid]].add({fid}, set(), sel & {fid})
        for fid in sel - acc:  # precision by the category of each selected fact
            cat_precision[r.categories[fid]].add(exp & {fid}, set(), {fid})
    out: dict[str, Any] = {
        name: {key: counts.as_dict() for key, counts in sorted(table.items())}
        for name, table in groups.items()
    }
    out["fact_category"] = {
        cat: {
            "expected": cat_recall[cat].tp + cat_recall[cat].fn,
            "recall": round(cat_recall[cat].recall, 3),
            "selected": cat_precision[cat].tp + cat_precision[cat].fp,
            "precision": round(cat_precision[cat].precision, 3),
        }
        for cat in sorted(set(cat_recall) | set(cat_precision))
    }
    return out


def misses(results: list[Result]) -> list[dict[str, Any]]:
    """Every probe with a wrong or missed fact, for reading."""
    return [
        {
            "persona_id": r.probe.persona_id,
            "question": r.probe.question,
            "style": r.probe.style,
            "source": r.probe.source,
            "expected": list(r.probe.expected),
            "selected": r.selected,
            "wrong": r.wrong,
            "missed": r.missed,
        }
        for r in results
        if r.wrong or r.missed
    ]


def table(summary: dict[str, Any], print_: Callable[[str], None] = print) -> None:
    """The figures as aligned text, one block per grouping."""
    head = f"  {'':<28} {'probes':>6} {'facts':>5} {'prec':>6} {'recall':>6} {'f1':>6}"
    print_(head + f" {'ceil':>5} {'exact':>6} {'empty':>5} {'spec':>6}")
    for name in ("all", "source", "kind", "style", "topic"):
        print_(f"  by {name}" if name != "all" else "  overall")
        for key, c in summary.get(name, {}).items():
            spec = "" if c["specificity"] is None else f"{c['specificity']:.3f}"
            ceil = "" if c["recall_ceiling"] is None else f"{c['recall_ceiling']:.2f}"
            facts = c["expected_facts"]  # no expected fact: recall and F1 mean nothing
            recall, f1 = (f"{c['recall']:.3f}", f"{c['f1']:.3f}") if facts else ("", "")
            print_(
                f"    {key:<26} {c['probes']:>6} {facts:>5} {c['precision']:>6.3f}"
                f" {recall:>6} {f1:>6} {ceil:>5} {c['exact_rate']:>6.3f}"
                f" {c['expected_empty']:>5} {spec:>6}"
            )
    print_("  by fact category (recall over expected facts, precision over selected facts)")
    for cat, c in summary["fact_category"].items():
        print_(
            f"    {cat:<26} expected {c['expected']:>4}  recall {c['recall']:.3f}"
            f"   selected {c['selected']:>4}  precision {c['precision']:.3f}"
        )
