"""The symptom and body-site anchor of fact selection: a fact about another symptom or another
part of the body does not answer a question, and the lists never rule out what they do not know.
Sentences here are written for this test, not taken from any probe set or case."""

import pytest

from medchat.clinical.lexicon import named_sites, named_symptoms, names_other_complaint, off_topic


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("Any pain in your knee?", "My wrist has been aching for a fortnight."),
        ("Have you had a cough?", "I've had a rash on my arms since Sunday."),
        ("Any trouble with your eyes?", "My left ear has been ringing."),
        ("Do you get headaches?", "I get heartburn after big meals."),
        ("Any swelling in your ankles?", "My throat has been sore."),
        ("Have you been feeling dizzy?", "I've got constipation most weeks."),
        # terms added 2026-12-08 (symptoms a patient names in other words)
        ("Has your skin turned yellow?", "My wee is dark, like tea."),
        ("Any floaters in your vision?", "Everything looks blurry in the mornings."),
        ("Can you still taste your food?", "I can't smell coffee any more."),
        ("Are your feet puffy by the evening?", "I get out of breath on the stairs."),
        ("Do you ever get skipped beats?", "I've been so tired I nap daily."),
        ("Does he go blue when he cries?", "He has a rash on his cheeks."),
        ("Have you passed any gravel in your urine?", "I need to wee every hour."),
        ("Any numbness in your hands?", "I've felt clumsy, dropping cups."),
    ],
)
def test_when_the_fact_names_another_symptom_or_site_then_it_is_off_topic(question, fact):
    assert off_topic(question, fact)


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        # the same symptom, a plural, a variant spelling
        ("Any headaches lately?", "The headache is worst first thing."),
        ("Any fevers?", "I've been running a temperature at night."),
        # linked terms ("feeling sick" may answer "being sick"; chills go with fever)
        ("Have you been sick at all?", "I've been feeling sick after meals."),
        ("Any fever?", "I've had chills and shivering every evening."),
        # a general word and a specific one
        ("Where is the pain?", "The chest pain goes into my left arm."),
        ("Any bleeding?", "There was blood in my urine on Tuesday."),
        ("Any visual disturbance?", "I keep seeing flashing lights at the edge."),
        ("Any loss of taste or smell?", "I lost my sense of smell last week."),
        # a wider body site covers a narrower one
        ("Any problems with your leg?", "My knee has been swollen since the fall."),
        ("Anything wrong with your hand?", "Two fingers go white in the cold."),
        # a fact naming nothing the lists know is left to similarity
        ("Any pain in your knee?", "It started after I moved house."),
        ("Have you had a cough?", "I smoke ten a day."),
        # a question joining two things may be answered by either site
        ("Does it go to your neck, or to your arm?", "It goes down my arm."),
    ],
)
def test_when_the_fact_is_about_what_was_asked_or_names_nothing_then_it_is_kept(question, fact):
    assert not off_topic(question, fact)


@pytest.mark.parametrize(
    ("text", "symptoms", "sites"),
    [
        ("My chest pain spreads to my jaw.", {"chest pain"}, {"chest", "jaw"}),
        ("I came back from holiday with diarrhoea.", {"diarrhoea"}, set()),
        ("My back has ached since Friday.", {"pain"}, {"lower back"}),
        ("no fevers, no night sweats", {"fever", "night sweats"}, set()),
    ],
)
def test_when_a_text_is_read_then_longer_terms_win_and_back_needs_an_owner(text, symptoms, sites):
    assert named_symptoms(text) == symptoms
    assert named_sites(text) == sites


COMPLAINT = "I've had a throbbing headache for three days. It's worst in the mornings."


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("Do you feel sick with the headaches?", "The headaches started three days ago."),
        ("Is the headache made worse by coughing?", "My headache is at the back of my head."),
    ],
)
def test_when_a_question_asks_a_new_symptom_of_the_complaint_then_the_complaint_alone_is_off_topic(
    question, fact
):
    """Asking about nausea with the headache is not answered by the headache's timing."""
    assert off_topic(question, fact, COMPLAINT)
    assert not off_topic(question, fact)  # without the complaint, as before


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("Do you feel sick with the headaches?", "I've been feeling sick with it, not vomiting."),
        # joined questions may be answered by either part
        ("Any fever, or headaches in the night?", "The headaches wake me at 4 am."),
        # nothing new asked: the complaint's own facts answer
        ("Is the headache worse in the morning?", "The headache is worst when I get up."),
    ],
)
def test_when_the_fact_names_the_new_symptom_or_nothing_new_is_asked_then_it_stays(question, fact):
    assert not off_topic(question, fact, COMPLAINT)


@pytest.mark.parametrize(
    ("question", "other"),
    [
        ("Has your cough changed at all?", True),
        ("Any tingling in your feet at night?", True),
        ("Has the headache changed at all?", False),
        ("Is it getting worse?", False),
        ("Has the pain changed?", False),  # pain is the general word for a headache
        ("Any fever, or has the headache changed?", False),
    ],
)
def test_names_other_complaint_tells_questions_about_another_symptom(question, other):
    assert names_other_complaint(question, COMPLAINT) is other


def test_when_a_question_names_another_complaint_then_the_course_rules_take_no_fact_for_it():
    """ "Has X changed?" matches the timing rule, which takes any timing fact of the presenting
    complaint; asked of a symptom the case's complaint is not, it needs a close fact instead."""
    from medchat.agents.grounding import FactSelector
    from medchat.personas.loader import get_persona

    selector, mole = FactSelector(), get_persona("changing-mole-52f")
    assert "timing" in [f.id for f in selector.select(mole, "Has it changed at all?")]
    assert selector.select(mole, "Has your cough changed at all?") == []
