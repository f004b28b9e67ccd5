"""Case facts that look like an answer to a question and are not one, by class
(`medchat.clinical.mismatch`); each class also keeps the facts that do answer. Sentences here
are written for this test, not taken from any probe set or case."""

from __future__ import annotations

import pytest

from medchat.clinical.mismatch import (
    about_a_relative,
    about_the_other_one,
    asks_another_quality,
    at_another_site,
    fails_to_answer,
    goes_elsewhere,
    other_kind,
    symptom_from_history,
)
from medchat.clinical.questions import question_categories
from medchat.personas.schema import Fact
from medchat.personas.schema import FactCategory as C


def _fact(text: str, category: C = C.HPC_ASSOCIATED) -> Fact:
    return Fact(id="f", text=text, category=category)


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        # the complaint is the subject, the question asks a quality of it the fact lacks
        ("Is the rash weeping at all?", "The rash came up on my shins on Monday."),
        ("Any mucus mixed in with the loose stools?", "I've had loose stools since Sunday."),
        ("Is the sputum bloody?", "I've been coughing up sputum every morning."),
        ("Are the bumps itchy?", "The bumps are on my forearms and they're spreading."),
        ("Does the ulcer smell or ooze?", "I've had the ulcer on my ankle since the summer."),
        ("Do you feel faint during the headaches?", "The headaches are behind my left eye."),
        ("Do you get flashing lights before the headache?", "My headaches come every week."),
    ],
)
def test_when_a_quality_of_the_subject_is_asked_and_not_said_then_it_is_no_answer(question, fact):
    assert asks_another_quality(question, fact)


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        # the fact states the quality, by the same or a linked term
        ("Is the rash itchy?", "The rash itches most at night."),
        ("Does the headache make you feel sick?", "With the headaches I feel sick."),
        ("Is the lump tender?", "The lump hurts if I press on it."),
        # the term both name is asked, not a subject: either may answer
        ("Any cough or fever?", "I've had a cough for three weeks."),
        # no new quality is asked of the subject
        ("Is the pain bad?", "The pain is in my lower back."),
        # a second question joined on may be what the fact answers
        ("Does he have a rash, or does the noise bother him?", "The noise makes him cry."),
        # a word the question only shares after "your" is what it asks about
        ("Any fever or problems with your hearing?", "My hearing has gone muffled."),
    ],
)
def test_when_the_fact_states_the_quality_or_the_term_is_asked_then_it_answers(question, fact):
    assert not asks_another_quality(question, fact)


COMPLAINT = "I've had a sharp pain in my right knee for a week."


@pytest.mark.parametrize(
    ("question", "fact", "off"),
    [
        # a fact describing the complaint that names no site is about the complaint's site
        ("Any pain in your wrist?", _fact("It's a sharp pain.", C.HPC_CHARACTER), True),
        ("Any pain in your knee?", _fact("It's a sharp pain.", C.HPC_CHARACTER), False),
        # a fact pointing back to the complaint is about it too
        ("Any pain in your ankle?", _fact("I've not had pain like this before."), True),
        # sites joined inside one question are all asked
        ("Any hip or ankle pain?", _fact("My knee aches on the stairs.", C.HPC_SITE), True),
        ("Any hip or knee pain?", _fact("My knee aches on the stairs.", C.HPC_SITE), False),
        # a second question joined on: the site check stands aside
        ("Any wrist pain, or does anything help?", _fact("Rest helps.", C.HPC_SITE), False),
        # what makes it better or worse names activities, not where it is
        (
            "Is it worse when you open your bowels?",
            _fact("It's worse when I climb stairs.", C.HPC_EXACERBATING_RELIEVING),
            False,
        ),
    ],
)
def test_when_the_question_names_a_site_then_a_fact_about_another_is_no_answer(question, fact, off):
    assert at_another_site(question, fact, COMPLAINT) is off


@pytest.mark.parametrize(
    ("question", "fact", "off"),
    [
        ("Does the pain move into your groin?", _fact("It's in my left flank.", C.HPC_SITE), True),
        ("Does it spread to your jaw?", _fact("It's a crushing pain.", C.HPC_CHARACTER), True),
        ("Does it spread to your jaw?", _fact("It goes up into my jaw.", C.HPC_RADIATION), False),
        ("Does it go to your back?", _fact("It stays where it is.", C.HPC_RADIATION), False),
        ("Does the pain go anywhere?", _fact("It's in my left flank.", C.HPC_SITE), False),
    ],
)
def test_when_asked_where_the_complaint_goes_then_a_fact_naming_no_site_there_is_no_answer(
    question, fact, off
):
    assert goes_elsewhere(question, fact) is off


@pytest.mark.parametrize(
    ("question", "fact", "off"),
    [
        ("Have you ever had a kidney stone yourself?", "My dad gets kidney stones.", True),
        ("Any thyroid trouble?", "My sister has an overactive thyroid.", True),
        ("Does anything run in your family?", "My sister has an overactive thyroid.", False),
        ("Is your brother well?", "My brother has diabetes.", False),
        # filed as family history, but about the patient
        ("Have you been forgetful?", "My wife says I've been forgetful since May.", False),
    ],
)
def test_when_a_family_fact_meets_a_question_about_the_patient_then_it_is_no_answer(
    question, fact, off
):
    assert about_a_relative(question, _fact(fact, C.FAMILY)) is off


@pytest.mark.parametrize(
    ("question", "fact", "off"),
    [
        ("Do you take any heroin?", "I smoke roll-ups, about ten a day.", True),
        ("Do you vape?", "I have a glass of wine on Fridays.", True),
        ("Do you drink at all?", "I don't smoke or drink.", False),
        ("Any smoking or drinking?", "I have a glass of wine on Fridays.", False),
        ("Do you use any drugs?", "I work as a plumber.", False),
        ("Have you had any operations?", "My last cervical screening was clear.", True),
        ("Are your jabs up to date?", "I had my gallbladder removed in 2019.", True),
        ("Any operations or scans?", "I had my gallbladder removed in 2019.", False),
        ("Have you had any operations?", "I had my appendix out as a boy.", False),
    ],
)
def test_when_a_habit_or_procedure_is_asked_then_a_fact_about_another_kind_is_no_answer(
    question, fact, off
):
    assert other_kind(question, fact) is off


@pytest.mark.parametrize(
    ("question", "fact", "off"),
    [
        ("Any wheezing?", _fact("I'm allergic to plasters.", C.ALLERGIES), True),
        ("Any fits?", _fact("I haven't had any serious illness.", C.PAST_HISTORY), True),
        ("Any fits?", _fact("I have epilepsy.", C.PAST_HISTORY), False),
        ("Any wheezing?", _fact("I wheeze when I run.", C.HPC_ASSOCIATED), False),
        ("Any operations?", _fact("I've never been in hospital.", C.PAST_HISTORY), False),
    ],
)
def test_when_a_symptom_is_asked_then_a_history_fact_naming_none_is_no_answer(question, fact, off):
    assert symptom_from_history(question, fact) is off


@pytest.mark.parametrize(
    ("question", "fact", "answer"),
    [
        ("When did the phlegm turn green?", "I've had the cough a month.", None),
        ("Any green sputum?", "I've had the cough a month.", None),
    ],
)
def test_when_a_rule_reads_the_question_or_no_class_applies_then_nothing_is_ruled_out(
    question, fact, answer
):
    assert fails_to_answer(question, _fact(fact), "", bool(question_categories(question))) == answer


def test_when_an_allergy_question_says_ever_had_then_it_asks_no_past_history():
    asked = question_categories("Have you ever had a bad reaction to a tablet?")
    assert C.ALLERGIES in asked and C.PAST_HISTORY not in asked
    joined = question_categories("Any allergies, and have you ever had an operation?")
    assert C.ALLERGIES in joined and C.PAST_HISTORY in joined


@pytest.mark.parametrize(
    ("question", "fact", "off"),
    [
        # the affected one told for a question about the other one of the pair
        ("What about your other knee, any pain there?", _fact("My knee started hurting."), True),
        ("Any sores on your other leg?", _fact("I've had a sore on my right leg."), True),
        # a complaint fact naming no site is about the complaint's
        ("Any sores on your other leg?", _fact("It began as a red spot.", C.HPC_ONSET), True),
        # the fact is about the other one, or both
        ("Any problems with your other foot?", _fact("My other foot is fine."), False),
        ("What about your other knee?", _fact("Both knees ache in the morning."), False),
        # another site altogether is the site class's business; "any other" is not a pair
        ("Any pain in your other knee?", _fact("I get headaches."), False),
        ("Have you had pain in any other joints?", _fact("My knee started hurting."), False),
    ],
)
def test_when_the_other_one_of_a_pair_is_asked_then_a_fact_about_the_affected_one_is_no_answer(
    question, fact, off
):
    complaint = "I've had a sore on my right leg for a month."
    assert about_the_other_one(question, fact, complaint) is off
