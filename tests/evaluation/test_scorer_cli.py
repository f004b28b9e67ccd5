"""`python -m medchat eval scorer` end to end, against a golden file of its results.

The golden file pins every transcript's false positives and negatives on the test half, so a
change in the grounding, the examiner or the matcher shows up here with the exact items it moved.
Regenerate after an intended change with:
    python -m medchat eval scorer --split test --out tests/evaluation/data/scorer_test_golden.json
"""

from __future__ import annotations

import json
from pathlib import Path

from medchat.cli import main

GOLDEN = Path(__file__).parent / "data" / "scorer_test_golden.json"


def test_when_scorer_eval_runs_then_figures_match_golden_and_goal(tmp_path, capsys, scorer):
    out = tmp_path / "scorer.json"
    assert main(["eval", "scorer", "--split", "test", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    result = json.loads(out.read_text())
    assert result == json.loads(GOLDEN.read_text())
    test = result["test"]
    assert f"precision {test['precision']:.3f}  recall {test['recall']:.3f}" in printed
    assert test["transcripts"] >= 10
    assert test["precision"] >= 0.9 and test["recall"] >= 0.9
