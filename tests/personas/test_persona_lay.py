"""The lay-language rules, on sentences written for these tests (none come from the imported data).

If the rules only worked on the 54 shipped cases they would be a lookup table; these rows show
they carry over to new chart prose. Overrides are tested for what makes them safe to keep: a
stale one is an error, and one never lands on a record with another diagnosis.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from medchat.errors import PersonaError
from medchat.personas.importers import import_records, read_records
from medchat.personas.importers.lay import Glossary, expand_shorthand, spoken_numbers
from medchat.personas.importers.overrides import CaseOverride, Overrides
from medchat.personas.importers.text import sentences
from medchat.personas.importers.voice import Speaker

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(
    ("chart", "said"),
    [
        (
            "The patient reports a 3-week history of dyspnea on exertion",
            "I've had shortness of breath when active for 3 weeks.",
        ),
        ("She complains of pruritus on both forearms", "I've had itching on both forearms."),
        (
            "He denies hematuria, dysuria, or fever",
            "I haven't had any blood in the urine, pain when passing urine, or fever.",
        ),
        ("History of asthma", "I've had asthma before."),
        ("No history of DVT", "I've never had DVT."),
        (
            "She has a history of hypertension and takes amlodipine",
            "I've had high blood pressure and take amlodipine.",
        ),
        (
            "He notes bilateral ankle edema that is worse in the evenings",
            "I've had ankle swelling on both sides that is worse in the evenings.",
        ),
        ("Patient c/o SOB x3/7", "I've had shortness of breath for 3 days."),
        ("Symptoms last < 10 minutes", "My symptoms last less than 10 minutes."),
        (
            "He drinks alcohol socially and smokes 10 cigarettes daily",
            "I drink alcohol socially and smoke 10 cigarettes a day.",
        ),
        ("She describes the pain as burning", "My pain is burning."),
        ("He recalls a fall from a ladder last week", "I remember a fall from a ladder last week."),
        (
            "The patient noticed erythema around the wound 2 days ago",
            "I noticed redness around the wound 2 days ago.",
        ),
        ("Retired nurse", "I'm a retired nurse."),
        (
            "A 5-day history of productive cough and pyrexia",
            "I've had a chesty cough and fever for 5 days.",
        ),
        ("She is nauseated and has anorexia", "I'm queasy and have no appetite."),
        ("Generalized pruritus", "I've had itching all over."),
        ("Pain radiates to the left shoulder", "My pain spreads to my left shoulder."),
        ("He is a heavy smoker for 20 years", "I've been a heavy smoker for 20 years."),
        ("She mentions that her father had a stroke at 70", "My father had a stroke at 70."),
        ("She also suffers from migraines", "I also suffer from migraines."),
        (
            "He was diagnosed with hyperlipidemia last year",
            "I was diagnosed with high cholesterol last year.",
        ),
        (
            "He presents with a 2-day history of hemoptysis",
            "I've been coughing up blood for 2 days.",
        ),
        (
            "The patient has had polyuria and polydipsia for 2 weeks",
            "I've been passing a lot of urine and being very thirsty for 2 weeks.",
        ),
        ("No significant past medical history", "I've never had any serious illnesses."),
        ("Lives with his wife and two children", "I live with my wife and two children."),
    ],
)
def test_when_a_chart_sentence_is_said_then_it_is_first_person_and_lay(chart, said):
    assert Speaker().say(chart) == said


@pytest.mark.parametrize(
    ("chart", "said"),
    [
        (
            "Her mother reports that the child has had rhinorrhea for 3 days",
            "My son has had a runny nose for 3 days.",
        ),
        ("The baby has not fed well since yesterday", "My son hasn't fed well since yesterday."),
        ("A 2-day history of fever and vomiting", "My son has had fever and vomiting for 2 days."),
        ("The mother denies any rash", "My son hasn't had any rash."),
        ("No episodes of diarrhea", "My son hasn't had any diarrhea."),
        ("Patient presents with a 1-week history of cough", "My son has had a cough for a week."),
    ],
)
def test_when_a_parent_speaks_for_a_child_then_the_child_is_my_son(chart, said):
    assert Speaker("son").say(chart) == said


@pytest.mark.parametrize(
    ("item", "adult", "parent"),
    [
        (
            "No dysuria",
            "I haven't had any pain when passing urine.",
            "My son hasn't had any pain when passing urine.",
        ),
        (
            "No known drug allergies",
            "I don't have any allergies that I know of.",
            "My son doesn't have any allergies that I know of.",
        ),
        ("No pets at home", "We don't have any pets at home.", "We don't have any pets at home."),
        (
            "No orthopnea",
            "I haven't been getting breathless when lying flat.",
            "My son hasn't been getting breathless when lying flat.",
        ),
        ("No history of smoking", "I don't smoke.", "My son doesn't smoke."),
        (
            "No family history of diabetes",
            "Nobody in my family has had diabetes.",
            "Nobody in our family has had diabetes.",
        ),
        (
            "No recent sick contacts",
            "I haven't been around anyone who's ill.",
            "My son hasn't been around anyone who's ill.",
        ),
        ("No photophobia", "I haven't had any sensitivity to light.", None),
    ],
)
def test_when_an_absent_finding_is_said_then_it_is_a_plain_denial(item, adult, parent):
    assert Speaker().deny(item) == adult
    if parent:
        assert Speaker("son").deny(item) == parent


@pytest.mark.parametrize(
    ("chart", "said"),
    [
        ("Lesion has a central necrotic base", None),
        ("Tenderness to palpation over the left flank", None),
        ("During the physical exam, the patient is noted to be pale", None),
        ("Information not provided", None),
    ],
)
def test_when_a_fragment_is_a_finding_or_a_note_then_the_patient_does_not_say_it(chart, said):
    assert Speaker().say(chart) == said


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("weight loss of 4.5 kg (10 lb)", "weight loss of about 4 and a half kilos"),
        ("a 3000-g (6.6-lb) baby", "a about 3 kilos baby"),
        ("lasts < 30 seconds", "lasts less than 30 seconds"),
        ("2–3 times a night", "2 to 3 times a night"),
        ("1 pack per day", "a pack a day"),
        ("cough since 3 days", "cough for 3 days"),
        ("fever of 39.2", "a temperature of 39.2"),
    ],
)
def test_when_numbers_are_spoken_then_one_unit_and_words_for_symbols(text, expected):
    assert spoken_numbers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pt c/o SOB", "the patient complains of shortness of breath"),
        ("hx of N&V x2/7", "history of nausea and vomiting for 2 days"),
    ],
)
def test_when_shorthand_is_expanded_then_no_chart_abbreviation_is_left(text, expected):
    assert expand_shorthand(text) == expected


@pytest.mark.parametrize(
    ("complaint", "opening"),
    [
        ("Cough, fever", "I've come in about a cough and a fever."),
        (
            "Painful ulcerative lesion on the right leg",
            "I've come in about a painful open sore on my right leg.",
        ),
        ("Bilateral leg edema", "I've come in about leg swelling on both sides."),
    ],
)
def test_when_an_opening_is_built_then_it_names_the_complaint_in_lay_words(complaint, opening):
    assert Speaker().opening(complaint) == opening


def test_when_prose_is_split_then_each_social_habit_is_its_own_fact():
    said = [Speaker().say(s) for s in sentences("Non-smoker, drinks wine at weekends.")]
    assert said == ["I don't smoke.", "I drink wine at weekends."]


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("terms:\n  dyspnea: shortness of breath\n  dyspnoea|dyspnea: breathless\n", "twice"),
        ("terms:\n  pruritus: itching\n  itch: pruritus\n", "contains the term 'pruritus'"),
        ("terms:\n  pruritus: ''\n", "non-empty"),
        ("sentences:\n  '(unclosed': x\n", "sentences.(unclosed"),
        ("negatives:\n  'pets': null\n", "needs a sentence"),
        ("vocabulary: {}\n", "unknown section"),
    ],
)
def test_when_a_glossary_is_broken_then_loading_names_the_entry(tmp_path, yaml_text, message):
    path = tmp_path / "glossary.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(PersonaError, match=message.replace("(", r"\(")):
        Glossary.load(path)


def test_when_the_shipped_glossary_loads_then_no_lay_phrase_is_itself_jargon():
    glossary = Glossary.load()
    assert len(glossary.terms) > 150
    assert all(glossary.find_jargon(lay) is None for lay in glossary.terms.values())


def test_when_an_override_fragment_is_not_met_then_the_import_fails_naming_it():
    case = CaseOverride("avey-000", "COVID 19", say={"A sentence the source never had": None})
    records = read_records(DATA / "avey_sample.jsonl")
    with pytest.raises(PersonaError, match="A sentence the source never had"):
        import_records("avey", records, indexes={0}, overrides=Overrides({"avey-000": case}))


def test_when_an_override_names_another_diagnosis_then_it_is_not_applied():
    case = CaseOverride("avey-000", "Something else", title="Never used")
    overrides = Overrides({"avey-000": case})
    assert overrides.for_case("avey-000", "COVID 19") is None
    records = read_records(DATA / "avey_sample.jsonl")
    (_raw, persona), *_ = import_records("avey", records, indexes={0}, overrides=overrides)
    assert persona.title != "Never used"


def test_when_an_override_replaces_a_fragment_then_the_fact_says_it():
    say = {"He reports headache and dizziness": "My head hurts and I feel dizzy."}
    overrides = Overrides({"avey-000": CaseOverride("avey-000", "COVID 19", say=say)})
    records = read_records(DATA / "avey_sample.jsonl")
    (_raw, persona), *_ = import_records("avey", records, indexes={0}, overrides=overrides)
    assert "My head hurts and I feel dizzy." in [f.text for f in persona.facts]
