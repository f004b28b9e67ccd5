"""Hostile JSONL for every command that reads it: `personas import` (a case file), `scrub` and
`safety` (stdin), `patient` (stdin questions) and the batch journals a resumed job reopens.

Each must give its result or a one-line error naming the line, never a traceback; a journal
must recover every complete record and nothing else.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medchat.batch.journal import Journal
from medchat.cli import main as cli
from medchat.commands.patient_cmd import parse_question
from medchat.errors import MedChatError
from safety.cli import run_safety, run_scrub
from safety.errors import SafetyError
from tests.conftest import ROOT

SAMPLES = ROOT / "tests/personas/data"
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=10,
)
# A line is valid JSON of any shape, a real record, or garbage (cut JSON, control bytes, BOMs).
REAL = [
    line
    for name in ("agentclinic_sample.jsonl", "avey_sample.jsonl")
    for line in (SAMPLES / name).read_text(encoding="utf-8").splitlines()[:2]
]
lines = st.one_of(
    json_values.map(json.dumps),
    st.sampled_from(REAL),
    st.sampled_from(REAL).flatmap(lambda r: st.integers(0, len(r)).map(lambda n: r[:n])),
    st.text(max_size=40).filter(lambda t: "\n" not in t and "\r" not in t),
    st.sampled_from(['{"text": "\\u0000\\u202e"}', "\ufeff{}", '{"text": 1}', "[]", "null"]),
)
FAST = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FAST
@given(body=st.lists(lines, max_size=6), fmt=st.sampled_from(["agentclinic", "avey"]))
def test_when_an_import_file_is_hostile_then_cases_or_one_clean_error(
    tmp_path: Path, capsys, body, fmt
):
    source = tmp_path / "cases.jsonl"
    source.write_text("\n".join(body), encoding="utf-8")
    code = cli(["personas", "import", str(source), "--format", fmt, "--out", str(tmp_path / "o")])
    out, err = capsys.readouterr()
    assert code in (0, 2)
    if code == 2:
        assert err.startswith("error: ") and "Traceback" not in err
    else:
        assert "imported" in out


@settings(max_examples=40, deadline=None)
@given(body=st.lists(lines, max_size=4))
def test_when_scrub_and_safety_read_hostile_stdin_then_records_or_a_line_error(body):
    for run in (lambda i, o: run_scrub(i, o), lambda i, o: run_safety(i, o, "consult")):
        out = io.StringIO()
        try:
            run(io.StringIO("\n".join(body) + "\n"), out)
        except SafetyError as exc:
            assert str(exc).startswith("stdin line ")
            continue
        texts = [json.loads(b) for b in body if b.strip()]
        assert len(out.getvalue().splitlines()) == len(texts)


@settings(max_examples=300, deadline=None)
@given(line=lines, number=st.integers(1, 10_000))
def test_when_patient_reads_a_hostile_question_line_then_text_or_a_line_error(line, number):
    try:
        question = parse_question(line, number)
    except MedChatError as exc:
        assert str(exc).startswith(f"line {number}: ")
    else:
        assert question is None or (isinstance(question, str) and question == question.strip())


records = st.builds(
    lambda i, text: {"id": f"d{i}", "text": text}, st.integers(0, 10**6), st.text(max_size=30)
)


@FAST
@given(
    good=st.lists(records, max_size=5, unique_by=lambda r: r["id"]),
    tail=st.one_of(
        st.binary(max_size=30), lines.map(str.encode), lines.map(lambda t: (t + "\n").encode())
    ),
)
def test_when_a_journal_ends_in_garbage_then_reopening_keeps_exactly_the_complete_records(
    tmp_path: Path, good, tail
):
    """What a SIGKILL (or a disk hiccup) can leave after the last fsync'd line."""
    path = tmp_path / "dialogues.jsonl"
    path.write_bytes(b"".join((json.dumps(r) + "\n").encode() for r in good) + tail)
    journal = Journal(path)
    try:
        recovered = journal.records()
    finally:
        journal.close()
    expected = [r["id"] for r in good]
    assert [r["id"] for r in recovered][: len(expected)] == expected
    extra = recovered[len(expected) :]  # only a tail that was itself a whole record may stay
    assert all(tail.endswith(b"\n") and isinstance(r["id"], str) for r in extra)


@pytest.mark.parametrize("tail", [b"[1]\n", b'"x"\n', b"7\n", b'{"no_id": 1}\n', b'{"id": [1]}\n'])
def test_when_a_journal_line_is_json_but_not_a_record_then_it_is_dropped(tmp_path: Path, tail):
    path = tmp_path / "rejects.jsonl"
    path.write_bytes(b'{"id": "a"}\n' + tail)
    journal = Journal(path)
    journal.close()
    assert journal.ids == {"a"} and path.read_bytes() == b'{"id": "a"}\n'
