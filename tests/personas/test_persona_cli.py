"""`python -m medchat personas list|validate` on the shipped and on broken files."""

from __future__ import annotations

import json

import yaml

from medchat.cli import main


def test_when_listing_as_json_then_every_persona_has_id_specialty_difficulty(capsys):
    assert main(["personas", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) >= 60
    assert all(set(row) == {"id", "specialty", "difficulty"} for row in rows)
    assert {"id": "chest-pain-58m", "specialty": "cardiology", "difficulty": "easy"} in rows


def test_when_listing_as_text_then_one_row_per_persona(capsys):
    assert main(["personas", "list"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) >= 60
    assert lines[0].split() == ["abdominal-pain-19m", "gastroenterology", "easy"]


def test_when_validating_the_shipped_files_then_the_exit_code_is_zero(capsys):
    assert main(["personas", "validate"]) == 0
    assert " 0 invalid" in capsys.readouterr().out


def test_when_validating_a_bad_file_then_errors_print_and_exit_is_one(tmp_path, minimal, capsys):
    (tmp_path / "good.yaml").write_text(yaml.safe_dump(minimal))
    del minimal["facts"][0]["category"]
    (tmp_path / "bad.yaml").write_text(yaml.safe_dump({**minimal, "id": "other"}))
    assert main(["personas", "validate", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "bad.yaml: facts[0].category: Field required" in out
    assert "1 valid, 1 invalid" in out
