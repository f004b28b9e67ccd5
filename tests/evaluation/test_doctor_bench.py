"""The doctor benchmark's arithmetic: a scripted doctor with a known close gives known metrics.

A scripted doctor is used here because the metrics need a parsed structured close with a known
differential, which the small real model cannot produce in a few tokens; the real model runs
end to end in test_doctor_cli.py. The store and the safety layer are the real ones.
"""

from __future__ import annotations

import json

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


def test_when_episodes_play_concurrently_then_they_overlap_and_keep_their_order():
    """`--concurrency N` plays N episodes at once; the result lists them as a sequential run
    would (run by run, persona by persona), so summaries and per-run CIs do not depend on it."""
    import threading
    import time

    from medchat.evaluation.doctor_bench import Episode, run_all

    active, peak, lock = [0], [0], threading.Lock()

    def play_one(pid: str, run: int) -> Episode:
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        time.sleep(0.05 if pid == "a" else 0.01)  # the first job finishes last
        with lock:
            active[0] -= 1
        metrics = {"top1": float(run), "top3": 1.0, "coverage": 0.5, "close_parsed": 1.0}
        metrics |= {"doctor_turns": 3.0, "red_flags_missed": 0.0}
        return Episode(pid, run, f"s-{pid}-{run}", metrics, "", [], "", "", 0.0)

    result = run_all(play_one, ["a", "b", "c"], runs=2, max_turns=4, concurrency=3)
    order = [(e["persona_id"], e["run"]) for e in result["episodes"]]
    assert order == [("a", 0), ("b", 0), ("c", 0), ("a", 1), ("b", 1), ("c", 1)]
    assert peak[0] > 1
    assert result["summary"]["top1"]["per_run"] == [0.0, 1.0]


def test_when_a_journalled_run_is_resumed_then_only_missing_episodes_are_played(tmp_path):
    """Each episode is written as it ends; a stopped run resumed plays only the rest and gives
    the same result as one played whole."""
    from medchat.evaluation.doctor_bench import Episode, read_journal, run_all

    played: list[tuple[str, int]] = []

    def play_one(pid: str, run: int) -> Episode:
        played.append((pid, run))
        metrics = {"top1": float(pid == "a"), "top3": 1.0, "coverage": 0.5, "close_parsed": 1.0}
        metrics |= {"doctor_turns": 3.0, "red_flags_missed": float(run)}
        return Episode(pid, run, f"s-{pid}-{run}", metrics, "x", ["y"], "correct", "", 1.0)

    journal = tmp_path / "episodes.jsonl"
    whole = run_all(play_one, ["a", "b"], runs=2, max_turns=4, journal=journal)
    assert len(played) == 4 and len(read_journal(journal)) == 4
    lines = journal.read_text().splitlines()
    journal.write_text("\n".join(lines[:2]) + "\n" + lines[2][:10])  # stopped mid-write
    played.clear()
    resumed = run_all(play_one, ["a", "b"], runs=2, max_turns=4, journal=journal)
    assert sorted(played) == sorted(
        {("a", 0), ("b", 0), ("a", 1), ("b", 1)}
        - set((json.loads(line)["persona_id"], json.loads(line)["run"]) for line in lines[:2])
    )
    assert resumed["summary"] == whole["summary"] and resumed["episodes"] == whole["episodes"]
