"""The exact JSONL contracts of `python -m medchat scrub` and `python -m medchat safety`."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from safety.cli import run_safety, run_scrub
from safety.errors import SafetyError

REPO = Path(__file__).resolve().parents[2]


def _jsonl(*texts: str) -> io.StringIO:
    return io.StringIO("".join(json.dumps({"text": t}) + "\n" for t in texts))


def test_when_scrub_runs_then_each_line_has_text_scrubbed_and_entities(scrubber):
    out = io.StringIO()
    texts = ["I'm Sarah Jones, MRN 00482913.", "", "No identifiers, three days of cough."]
    assert run_scrub(_jsonl(*[t for t in texts if t]), out, scrubber) == 0
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["text"] for r in rows] == [texts[0], texts[2]]
    assert set(rows[0]) == {"text", "scrubbed", "entities"}
    assert rows[0]["scrubbed"] == "I'm <PERSON_1>, MRN <MRN_1>."
    for ent in rows[0]["entities"]:
        assert set(ent) == {"type", "start", "end"}
        assert texts[0][ent["start"] : ent["end"]] in ("Sarah Jones", "00482913")
    assert rows[1]["scrubbed"] == texts[2] and rows[1]["entities"] == []


@pytest.mark.parametrize(
    ("mode", "text", "action"),
    [
        ("consult", "I want to kill myself", "escalate"),
        ("consult", "How do I forge a sick note", "block"),
        ("practice", "Have you had thoughts of harming yourself?", "allow"),
        ("selfplay", "What is the maximum dose of ibuprofen?", "allow"),
    ],
)
def test_when_safety_runs_then_each_line_has_action_category_reason(
    rules_filter, mode, text, action
):
    out = io.StringIO()
    assert run_safety(_jsonl(text), out, mode, rules_filter) == 0
    row = json.loads(out.getvalue())
    assert set(row) == {"text", "action", "category", "reason"}
    assert (row["text"], row["action"]) == (text, action)


@pytest.mark.parametrize(
    ("line", "problem"),
    [("{not json", "line 1: not valid JSON"), ('{"txt": "x"}', "line 1: expected")],
)
def test_when_input_line_malformed_then_error_names_the_line(scrubber, line, problem):
    with pytest.raises(SafetyError, match=problem):
        run_scrub(io.StringIO(line + "\n"), io.StringIO(), scrubber)


def test_when_medchat_parser_built_then_commands_wire_to_safety(monkeypatch, capsys, rules_filter):
    from medchat.cli import build_parser
    from safety.policy import filter as filter_module

    args = build_parser().parse_args(["safety", "--mode", "practice"])
    # Reuse the session's rules-only filter instead of loading the classifier again.
    monkeypatch.setattr(filter_module, "SafetyFilter", lambda policy=None: rules_filter)
    monkeypatch.setattr(sys, "stdin", _jsonl("Do you drink alcohol?"))
    assert args.func(args) == 0
    assert json.loads(capsys.readouterr().out)["action"] == "allow"
    assert build_parser().parse_args(["scrub"]).func.__name__ == "_scrub"


def test_when_scrub_command_run_as_process_then_contract_holds():
    proc = subprocess.run(
        [sys.executable, "-m", "medchat", "scrub"],
        cwd=REPO,
        capture_output=True,
        text=True,
        input=json.dumps({"text": "Call me on 07700 900123"}) + "\n",
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    row = json.loads(proc.stdout)
    assert row["scrubbed"] == "Call me on <PHONE_NUMBER_1>"
    assert row["entities"] == [{"type": "PHONE_NUMBER", "start": 11, "end": 23}]
