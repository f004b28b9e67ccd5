"""The doctor benchmark's arithmetic: a scripted doctor with a known close gives known metrics.

A scripted doctor is used here because the metrics need a parsed structured close with a known
differential, which the small real model cannot produce in a few tokens; the real model runs
end to end in test_doctor_cli.py. The store and the safety layer are the real ones.
"""

from __future__ import annotations

import pytest

from medchat.dialogue.wiring import guard_factory
from medchat.evaluation.doctor_bench import benchmark, t_interval, table, write_outputs
from medchat.models.fake import ScriptedChatModel
from medchat.store import SessionStore

CLOSE = (
    "SUMMARY: Two hours of central chest pain going to the left arm.\n"
    "DIFFERENTIAL: Unstable angina; NSTEMI; Pericarditis\n"
    "LEADING DIAGNOSIS: Unstable angina\n"
    "PLAN: ECG and serial troponin, aspirin 300 mg.\n"
    "SAFETY-NETTING: Call 999 if the pain gets worse."
)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([0.5], None),
        ([0.5, 0.5], (0.5, 0.5)),
        ([0.0, 1.0], (-5.853, 6.853)),  # t(0.975, 1) = 12.706
        ([1.0, 2.0, 3.0], (-0.484, 4.484)),  # t(0.975, 2) = 4.303
    ],
)
def test_when_runs_vary_then_t_interval_is_as_computed_by_hand(values, expected):
    ci = t_interval(values)
    if expected is None:
        assert ci is None
    else:
        assert ci == pytest.approx(expected, abs=1e-3)


@pytest.fixture(scope="module")
def scripted_result(settings, embedded_redis, scorer):
    doctor = ScriptedChatModel(
        script=["Hello, where is the pain?", "Does the pain go to your arm or jaw?", CLOSE]
    )
    patient = ScriptedChatModel(script=["In the middle of my chest.", "Yes, down my left arm."])
    store = SessionStore(embedded_redis, ttl_days=1)
    result = benchmark(
        settings.model_copy(update={"max_turns": 4}),
        store,
        guard_factory(settings),
        doctor,
        patient,
        ["chest-pain-58m"],
        runs=2,
        max_turns=4,
        scorer=scorer,
    )
    return result


@pytest.mark.parametrize(
    ("metric", "mean"),
    [
        ("top1", 0.0),  # leading "Unstable angina" is a differential of the case
        ("top3", 1.0),  # NSTEMI is second in the differential
        ("close_parsed", 1.0),
        ("doctor_turns", 3.0),  # two questions and the close
    ],
)
def test_when_doctor_closes_with_known_differential_then_metrics_follow(
    scripted_result, metric, mean
):
    row = scripted_result["summary"][metric]
    assert row["mean"] == mean
    assert row["ci95"] == pytest.approx([mean, mean])  # identical scripted runs


def test_when_doctor_asks_and_plans_then_coverage_counts_items(scripted_result):
    episode = scripted_result["episodes"][0]
    assert 0.0 < episode["metrics"]["coverage"] < 1.0
    assert [t["role"] for t in episode["transcript"]][:2] == ["doctor", "patient"]


def test_when_outputs_are_written_then_json_table_and_plots_exist(scripted_result, tmp_path):
    paths = write_outputs(scripted_result, tmp_path)
    assert [p.name for p in paths] == ["results.json", "metrics.png", "personas.png"]
    assert all(p.stat().st_size > 1_000 for p in paths)
    assert "[0.000, 0.000]" in table(scripted_result["summary"])
