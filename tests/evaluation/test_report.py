"""The report a student downloads: scores, PNG chart and HTML page with the transcript."""

from __future__ import annotations

import json

import pytest

from medchat.evaluation.osce import render_html, render_png, score_practice
from medchat.personas.loader import get_persona
from tests.evaluation.conftest import doctor, examined

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def practice(scorer, examiner):
    persona = get_persona("chest-pain-58m")
    turns = doctor(
        "Hello, I'm Dr Shah. Can I confirm your name?",
        "Where is the pain? Does it go anywhere else?",
        "That sounds frightening. Is anything worrying you?",
        "I'll give you aspirin <script>alert(1)</script> and call cardiology.",
    ) + examined(examiner, persona, "12 lead ECG", "troponin")
    report = score_practice(persona, turns, "NSTEMI", ["Unstable angina"], started=0, ended=600)
    return persona, turns, report


def test_when_practice_is_scored_then_breakdown_and_total_agree(practice):
    _, _, report = practice
    weights = {"checklist": 0.5, "diagnosis": 0.2, "communication": 0.2, "red_flags": 0.1}
    expected = sum(w * report.breakdown[k] for k, w in weights.items())
    assert report.total == pytest.approx(expected, abs=0.06)
    assert report.diagnosis.verdict == "correct" and report.breakdown["diagnosis"] == 100
    assert {"radiation", "ecg", "troponin", "dx", "intro"} <= set(report.covered_ids)
    assert report.seconds == 600 and report.doctor_turns == 4


def test_when_report_is_serialised_then_json_round_trips(practice):
    _, _, report = practice
    data = json.loads(json.dumps(report.to_dict()))
    assert data["total"] == report.total
    assert data["missed_critical"] == [i.id for i in report.missed_critical]


@pytest.mark.parametrize(
    ("request_text", "useful"),
    [("12 lead ECG", True), ("troponin", True)],
)
def test_when_tests_are_requested_then_useful_ones_are_marked(practice, request_text, useful):
    _, _, report = practice
    assert next(r for r in report.requests if r.request == request_text).useful is useful
    assert "Chest X-ray" in report.useful_not_requested


def test_when_png_is_rendered_then_file_is_a_non_empty_png(practice, tmp_path):
    path = render_png(practice[2], tmp_path / "osce.png")
    data = path.read_bytes()
    assert data.startswith(PNG_MAGIC) and len(data) > 5_000


def test_when_html_is_rendered_then_it_holds_transcript_chart_and_escapes(practice, tmp_path):
    persona, turns, report = practice
    png = render_png(report, tmp_path / "osce.png")
    page = render_html(report, turns, png)
    assert "Where is the pain? Does it go anywhere else?" in page
    assert "Sinus rhythm" in page  # the examiner's ECG finding, from the transcript
    assert "&lt;script&gt;" in page and "<script>" not in page
    assert "data:image/png;base64," in page
    assert persona.diagnosis.name in page
