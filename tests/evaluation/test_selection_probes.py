"""The fact-selection probe set is well formed, and its figures are computed right.

No quality threshold here: the measured figures live in docs/evaluation.md ("Fact selection").
"""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from medchat.errors import MedChatError
from medchat.evaluation import selection
from medchat.evaluation.selection import Counts, Probe, Result
from medchat.personas.loader import default_registry
from medchat.personas.schema import FactCategory


@pytest.fixture(scope="module")
def probes() -> list[Probe]:
    return selection.load_probes()


def test_when_probes_are_checked_then_every_persona_and_fact_id_exists(probes):
    assert selection.check_probes(probes) == []


def test_when_probes_are_loaded_then_all_76_personas_are_covered(probes):
    ids = set(default_registry().ids())
    assert len(ids) == 76
    assert {p.persona_id for p in probes} == ids


def test_when_probes_are_loaded_then_every_style_and_all_ten_sources_appear(probes):
    assert {p.style for p in probes} == set(selection.STYLES)
    assert {p.source for p in probes} == {
        "uk_clinical",
        "us_lay",
        "fresh_2611",
        "fresh_2511",
        "fresh_0512",
        "mh_0612",
        "psy_0612",
        "fresh_0712",
        "fresh_0712b",
        "fresh_0712c",
    }


@pytest.mark.parametrize(
    ("source", "count", "absent"),
    [
        ("fresh_2611", 4, 2),
        ("fresh_2511", 4, 3),
        ("fresh_0512", 4, 3),
        ("fresh_0712", 4, 3),
        ("fresh_0712b", 4, 3),
        ("fresh_0712c", 5, 3),
    ],
)
def test_when_a_fresh_set_is_loaded_then_each_persona_has_its_absent_symptom_questions(
    probes, source, count, absent
):
    per_persona: dict[str, list[Probe]] = defaultdict(list)
    for probe in probes:
        if probe.source == source:
            per_persona[probe.persona_id].append(probe)
    assert len(per_persona) == 76
    for persona_id, rows in per_persona.items():
        negatives = [p for p in rows if p.style == "negative"]
        assert len(rows) == count and len(negatives) == absent, persona_id


def test_when_probes_are_loaded_then_each_category_has_three_phrasings_per_source(probes):
    phrasings: dict[tuple[str, str], set[str]] = defaultdict(set)
    for probe in probes:
        phrasings[probe.topic, probe.source].add(probe.question)
    for category in FactCategory:
        for source in ("uk_clinical", "us_lay"):  # the two banks the first set was written from
            assert len(phrasings[category.value, source]) >= 3, (category, source)


def test_when_a_probe_is_negative_then_it_expects_nothing(probes):
    negatives = [p for p in probes if p.style == "negative"]
    assert negatives and all(p.expected == () for p in negatives)


@pytest.mark.parametrize(
    ("expected", "acceptable", "selected", "tp", "fp", "fn", "exact"),
    [
        ({"a", "b"}, set(), {"a", "b"}, 2, 0, 0, 1),
        ({"a", "b"}, set(), {"a"}, 1, 0, 1, 0),
        ({"a"}, set(), {"a", "x"}, 1, 1, 0, 0),
        ({"a"}, {"r"}, {"a", "r"}, 1, 0, 0, 1),  # an acceptable pick is neither right nor wrong
        (set(), set(), {"x"}, 0, 1, 0, 0),
        (set(), {"r"}, {"r"}, 0, 0, 0, 1),
        (set(), set(), set(), 0, 0, 0, 1),
    ],
)
def test_when_one_probe_is_counted_then_tp_fp_fn_follow_the_sets(
    expected, acceptable, selected, tp, fp, fn, exact
):
    counts = Counts()
    counts.add(expected, acceptable, selected)
    assert (counts.tp, counts.fp, counts.fn, counts.exact) == (tp, fp, fn, exact)


def _result(expected, selected, style="lay", source="us_lay", topic="hpc_site", acceptable=()):
    probe = Probe("toy", "q?", tuple(expected), style, source, topic, tuple(acceptable))
    categories = {"site": "hpc_site", "onset": "hpc_onset", "meds": "medications", "r": "social"}
    return Result(probe, list(selected), authored=False, categories=categories)


def test_when_a_toy_case_is_summarised_then_the_figures_match_hand_arithmetic():
    results = [
        _result(["site"], ["site", "onset"]),  # tp 1, fp 1
        _result(["site", "onset"], ["onset"], source="uk_clinical"),  # tp 1, fn 1
        _result([], [], style="negative", topic="systems_review"),  # empty, nothing picked
        _result([], ["meds"], style="negative", topic="systems_review"),  # empty, fp 1
        _result(["meds"], ["meds", "r"], topic="medications", acceptable=["r"]),  # tp 1
        _result(["onset"], ["onset"], style="open", topic="open"),  # apart from the headline
    ]
    summary = selection.summarise(results)
    head = summary["all"]["all but open"]
    assert (head["tp"], head["fp"], head["fn"]) == (3, 2, 1)
    assert head["precision"] == pytest.approx(3 / 5, abs=1e-3)
    assert head["recall"] == pytest.approx(3 / 4, abs=1e-3)
    assert head["f1"] == pytest.approx(2 * 0.6 * 0.75 / 1.35, abs=1e-3)
    assert (head["expected_empty"], head["specificity"]) == (2, 0.5)
    assert summary["all"]["open questions"]["tp"] == 1
    assert summary["source"]["uk_clinical"]["recall"] == 0.5
    assert summary["style"]["negative"]["fp"] == 1
    assert summary["fact_category"]["hpc_onset"] == {
        "expected": 1,
        "recall": 1.0,
        "selected": 2,
        "precision": 0.5,
    }


def test_when_a_few_probes_run_through_the_real_selector_then_picks_are_case_facts(probes):
    subset = probes[:12]
    results = selection.run(subset)
    registry = default_registry()
    for result in results:
        facts = {f.id for f in registry.get(result.probe.persona_id).facts}
        assert set(result.selected) <= facts
        assert len(result.selected) <= selection.K or result.probe.topic == "open"
    summary = selection.summarise(results)
    counted = sum(len(p.expected) for p in subset if p.topic != "open")
    assert summary["all"]["all but open"]["expected_facts"] == counted


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "malformed probe"),
        (json.dumps({"persona_id": "x", "question": "q?"}), "malformed probe"),
        (
            json.dumps(
                {"persona_id": "x", "question": "q?", "expected": [], "style": "shouty"}
                | {"source": "s", "topic": "hpc_site"}
            ),
            "style must be one of",
        ),
    ],
)
def test_when_a_probe_line_is_malformed_then_loading_fails_naming_the_line(tmp_path, line, message):
    path = tmp_path / "probes.jsonl"
    path.write_text(line + "\n")
    with pytest.raises(MedChatError, match=message):
        selection.load_probes(path)


@pytest.mark.parametrize(
    ("probe", "problem"),
    [
        (Probe("no-such-case", "q?", (), "lay", "us_lay", "hpc_site"), "unknown persona"),
        (Probe("chest-pain-58m", "q?", ("nope",), "lay", "us_lay", "hpc_site"), "unknown fact"),
        (Probe("chest-pain-58m", "q?", ("site",), "negative", "us_lay", "hpc_site"), "negative"),
    ],
)
def test_when_a_label_is_wrong_then_check_probes_names_it(probe, problem):
    (found,) = selection.check_probes([probe])
    assert problem in found
