"""Importers turn the public case formats into valid, atomic, first-person personas."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from medchat.errors import PersonaError
from medchat.personas.importers import import_records, read_records
from medchat.personas.importers.build import infer_specialty, parse_demographics
from medchat.personas.importers.text import classify, sentences
from medchat.personas.importers.voice import Speaker
from medchat.personas.loader import PersonaRegistry
from medchat.personas.schema import FactCategory as C
from medchat.personas.schema import Specialty as S

DATA = Path(__file__).parent / "data"

FIXTURES = [("agentclinic", "agentclinic_sample.jsonl"), ("avey", "avey_sample.jsonl")]


@pytest.fixture(params=FIXTURES, ids=[f[0] for f in FIXTURES])
def imported(request):
    fmt, name = request.param
    return fmt, import_records(fmt, read_records(DATA / name))


def test_when_a_fixture_is_imported_then_every_record_becomes_a_valid_persona(imported):
    fmt, converted = imported
    assert len(converted) == 3
    for raw, persona in converted:
        assert persona.id.startswith(f"{fmt}-")
        assert persona.source and persona.license.startswith("MIT")
        assert len(persona.facts) >= 5
        assert persona.volunteered_facts
        assert raw["demographics"]["name"] == persona.demographics.name


def test_when_facts_are_imported_then_they_speak_as_the_patient(imported):
    _fmt, converted = imported
    third_person = re.compile(r"^(the patient|she|he|patient)\b", re.I)
    for _raw, persona in converted:
        assert not [f.text for f in persona.facts if third_person.match(f.text)]


def test_when_facts_are_imported_then_none_names_the_diagnosis(imported):
    _fmt, converted = imported
    for _raw, persona in converted:
        name = persona.diagnosis.name.lower()
        assert not [f.text for f in persona.facts if name in f.text.lower()]


def test_when_a_case_is_imported_then_its_checklist_is_derived_from_its_facts(imported):
    _fmt, converted = imported
    for _raw, persona in converted:
        linked = {fid for item in persona.checklist for fid in item.fact_ids}
        assert linked <= {f.id for f in persona.facts}
        assert len(linked) >= len(persona.facts) // 2
        dx = [item for item in persona.checklist if item.category == "diagnosis"]
        assert dx and dx[0].critical and persona.diagnosis.name in dx[0].text


def test_when_agentclinic_is_imported_then_exam_and_tests_are_kept():
    converted = import_records("agentclinic", read_records(DATA / "agentclinic_sample.jsonl"))
    persona = converted[0][1]
    assert "Acetylcholine Receptor Antibodies" in persona.tests
    assert persona.examination["vital_signs"].startswith("Temperature: 36.6")
    assert "ptosis" in persona.examination["neurological"]


def test_when_importing_twice_then_the_output_is_identical():
    records = read_records(DATA / "avey_sample.jsonl")
    assert import_records("avey", records) == import_records("avey", records)


def test_when_the_format_is_unknown_then_the_error_suggests_one():
    with pytest.raises(PersonaError, match="Did you mean 'avey'"):
        import_records("avy", [])


def test_when_limit_and_indexes_are_given_then_only_those_records_import():
    records = read_records(DATA / "avey_sample.jsonl")
    assert [p.id for _r, p in import_records("avey", records, limit=1)] == ["avey-000"]
    assert [p.id for _r, p in import_records("avey", records, indexes={2})] == ["avey-002"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("She reports a 1-month history of diplopia", "I've had double vision for a month."),
        ("He smokes 20 cigarettes a day", "I smoke 20 cigarettes a day."),
        ("Patient denies chest pain", "I haven't had any chest pain."),
        ("Non-smoker", "I don't smoke."),
        ("Works as a graphic designer", "I work as a graphic designer."),
        ("His mother has diabetes", "My mother has diabetes."),
    ],
)
def test_when_a_clinical_sentence_is_revoiced_then_it_is_first_person(sentence, expected):
    assert Speaker().say(sentence) == expected


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("No sorethroat", "I haven't had any sore throat."),
        ("No palpitations", "I haven't had a pounding heartbeat."),
    ],
)
def test_when_an_absent_finding_is_revoiced_then_it_is_a_denial(item, expected):
    assert Speaker().deny(item) == expected


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("No known drug allergies", C.ALLERGIES),
        ("Takes metformin 500 mg twice daily", C.MEDICATIONS),
        ("Her father had a stroke at 60", C.FAMILY),
        ("Smokes a pack a day", C.SOCIAL),
        ("The pain radiates to the left arm", C.HPC_RADIATION),
        ("It is worse after eating fatty meals", C.HPC_EXACERBATING_RELIEVING),
        ("A 3-day history of cough", C.HPC_ONSET),
        ("Also has a runny nose", C.HPC_ASSOCIATED),
    ],
)
def test_when_a_sentence_is_classified_then_the_rule_category_is_returned(sentence, category):
    assert classify(sentence) == category


@pytest.mark.parametrize(
    ("diagnosis", "complaint", "age", "context", "specialty"),
    [
        ("Myasthenia gravis", "Double vision", 35, "", S.NEUROLOGY),
        ("Hirschsprung disease", "Constipation", 0, "", S.PAEDIATRICS),
        (
            "Listeriosis",
            "Fever",
            22,
            "22-year-old female at 30 weeks gestation",
            S.OBSTETRICS_GYNAECOLOGY,
        ),
        ("Unstable Angina", "Chest discomfort", 65, "", S.CARDIOLOGY),
        ("Nephrolithiasis", "Flank pain", 45, "", S.RENAL_UROLOGY),
        ("Schizotypal personality disorder", "Odd beliefs", 25, "", S.PSYCHIATRY),
        ("Something rare", "Feeling unwell", 40, "", S.GENERAL),
    ],
)
def test_when_a_specialty_is_inferred_then_keyword_rules_decide(
    diagnosis, complaint, age, context, specialty
):
    assert infer_specialty(diagnosis, complaint, age, context) == specialty


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("35-year-old female", (35, None, "female")),
        ("8-month-old boy", (0, "8 months", "male")),
        ("Newborn, female", (0, "newborn", "female")),
        ("61 year old Male", (61, None, "male")),
    ],
)
def test_when_demographics_are_parsed_then_age_and_sex_come_out(text, expected):
    assert parse_demographics(text) == expected


def test_when_text_is_a_placeholder_then_no_sentences_come_out():
    assert sentences("Information not provided.") == []
    assert sentences(["Crohn's disease", "Hypertension"]) == ["Crohn's disease", "Hypertension"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rash on the armsFever since Monday.", ["Rash on the arms", "Fever since Monday"]),
        (
            "Earlier today, she fell. Non-smoker, drinks beer at weekends.",
            ["Earlier today, she fell", "Non-smoker", "drinks beer at weekends"],
        ),
    ],
)
def test_when_prose_is_split_then_glued_and_leading_fragments_are_handled(text, expected):
    assert sentences(text) == expected


def test_when_the_cli_imports_then_files_are_written_and_validate(tmp_path, capsys):
    from medchat.cli import main

    code = main(
        [
            "personas",
            "import",
            "--format",
            "agentclinic",
            str(DATA / "agentclinic_sample.jsonl"),
            "--out",
            str(tmp_path),
            "--limit",
            "2",
        ]
    )
    assert code == 0
    assert sorted(p.name for p in tmp_path.glob("*.yaml")) == [
        "agentclinic-000.yaml",
        "agentclinic-001.yaml",
    ]
    assert "imported 2 of 3 records" in capsys.readouterr().out
    assert len(PersonaRegistry.from_paths(tmp_path)) == 2
