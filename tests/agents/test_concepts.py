"""Suicidal thoughts and low mood, recognised in a question and in a case fact by wording, so a
patient whose case holds them is never left to deny them because the encoder saw no likeness.
Sentences here are written for this test, not taken from any probe set or case."""

import pytest

from medchat.clinical.concepts import LOW_MOOD, SUICIDE_SELF_HARM, asked_concepts, states


@pytest.mark.parametrize(
    "question",
    [
        "Have you had any thoughts of suicide?",
        "Have things ever felt so bad that you thought about ending your life?",
        "Do you sometimes feel life isn't worth living?",
        "Do you ever feel your family would be better off without you?",
        "Have you wished you were dead?",
        "Some people say they'd like to go to sleep and not wake up. Do you ever feel like that?",
        "Do you ever wish you wouldn't wake up?",
        "Have you had thoughts of not wanting to be here any more?",
        "Have you ever hurt yourself on purpose?",
        "any thoughts of self harm?",
        "Has she ever taken an overdose?",
        "Have you felt like you can't go on?",
        "Are you able to keep yourself safe tonight?",
        "Would you rather not be alive?",
        "Have you thought about jumping off a bridge or in front of a train?",
        "Do you ever think they'd be better off with you not being around?",
    ],
)
def test_a_question_about_suicide_or_self_harm_is_recognised(question):
    assert SUICIDE_SELF_HARM in asked_concepts(question)


@pytest.mark.parametrize(
    "question",
    [
        "Did you hurt yourself when you fell?",
        "Have you ever cut yourself while cooking?",
        "Does it wake you up at night?",
        "Is the pain worth mentioning to the nurse?",
        "Are you sleeping through the night?",
        "Have you taken anything for the pain?",
    ],
)
def test_look_alike_questions_are_not_about_suicide(question):
    assert SUICIDE_SELF_HARM not in asked_concepts(question)


@pytest.mark.parametrize(
    "fact",
    [
        "I've been thinking about ending my life for a month or so.",
        "I keep thinking everyone would be better off without me.",
        "Some nights I go to bed hoping I won't wake up, that I'll just not wake up.",
        "I wouldn't mind if I didn't wake up, to be honest.",
        "He said he wanted to die.",
        "I've been cutting my thighs since last summer.",
        "I've thought about harming myself but I haven't done it.",
        "I've got tablets I've been saving in a drawer.",
        "I've never tried to hurt myself.",
        "If I'm sent home I'll probably try again.",
        "What's the point of going on like this?",
        # passive wishes in a patient's words
        "Some nights it would be easier if I just didn't wake up.",
        "I sometimes think they'd be better off not having me around, better off not here.",
        "I can't see the point in going on.",
        "I wish I could just disappear.",
        "Life's not really worth living at the moment, is it.",
        "I've thought about ending things.",
        "I did think about taking all my tablets at once.",
        "I just can't go on like this any more.",
        "I've had thoughts about stepping in front of a bus.",
    ],
)
def test_a_fact_about_suicide_or_self_harm_is_recognised_either_way(fact):
    assert states(SUICIDE_SELF_HARM, fact)


@pytest.mark.parametrize(
    "fact",
    [
        "I didn't hurt myself when I fell off the ladder.",
        "I cut my finger on a tin last week.",
        "The pain wakes me up at night.",
        "I took two paracetamol for the headache.",
        "My dad died of a heart attack at sixty.",
        "I haven't been ill or hurt myself recently.",
        "I didn't wake up until ten this morning.",
        "The tablets make it easier to sleep.",
        "I take all my tablets in the morning with breakfast.",
        "I can't carry on working with this knee.",
    ],
)
def test_look_alike_facts_are_not_about_suicide(fact):
    assert not states(SUICIDE_SELF_HARM, fact)


@pytest.mark.parametrize(
    "question",
    [
        "How has your mood been lately?",
        "Have you been feeling down or depressed?",
        "Has anything been getting you down?",
        "Have you been feeling a bit low?",
        "Do you still enjoy doing things you used to?",
        "Have you lost interest in things?",
        "Do you feel hopeless about the future?",
        "Has she been more irritable than usual?",
        "Are you feeling low in yourself?",
    ],
)
def test_a_question_about_mood_is_recognised(question):
    assert LOW_MOOD in asked_concepts(question)


@pytest.mark.parametrize(
    "question",
    [
        "Does the pain go down your leg?",
        "Have you been lying down more?",
        "Does he cry when you touch his tummy?",
        "Is the pain low down in your belly?",
        "Did you enjoy the holiday before this started?",
    ],
)
def test_look_alike_questions_are_not_about_mood(question):
    assert LOW_MOOD not in asked_concepts(question)


@pytest.mark.parametrize(
    "fact",
    [
        "I've been feeling really down since the baby was born.",
        "She's been low for weeks and cries a lot.",
        "I don't enjoy my allotment any more.",
        "I feel like a burden to my kids.",
        "My mood has been low since Christmas.",
    ],
)
def test_a_fact_about_low_mood_is_recognised(fact):
    assert states(LOW_MOOD, fact)


@pytest.mark.parametrize(
    "fact",
    [
        "The pain goes down the back of my leg.",
        "My feet feel numb at night.",
        "The ache is low down on the right.",
        "I've been feeling down the pub with my mates most nights.",
        "My blood sugar was low this morning.",
    ],
)
def test_look_alike_facts_are_not_about_low_mood(fact):
    assert not states(LOW_MOOD, fact)


def test_a_question_about_passive_suicidal_thoughts_selects_the_case_fact_the_encoder_misses():
    """The selector's cosine floor alone picked nothing for these wordings of a question the
    low-mood case answers ("I've been thinking about ending my life"), so the patient said no."""
    from medchat.agents.grounding import FactSelector
    from medchat.personas.loader import get_persona

    selector, persona = FactSelector(), get_persona("low-mood-29m")
    for question in (
        "Do you ever feel life isn't worth living?",
        "Have you had thoughts of not wanting to be here?",
        "Do you sometimes wish you wouldn't wake up in the morning?",
    ):
        assert "si_thoughts" in [f.id for f in selector.select(persona, question)], question


def test_a_case_without_such_facts_still_gets_nothing():
    """The concepts add facts that tell about them; they never invent a fact for a case that
    has none, so a patient without low mood still says no."""
    from medchat.agents.grounding import FactSelector
    from medchat.personas.loader import get_persona

    selector, persona = FactSelector(), get_persona("chest-pain-58m")
    assert selector.select(persona, "Have you had any thoughts of ending your life?") == []
    assert selector.select(persona, "Have you been feeling down or depressed?") == []


def test_asked_about_a_concept_its_case_never_states_only_a_close_fact_answers():
    """Before the concepts, "Do you ever think about hurting yourself?" got the abdominal-pain
    case's testicle fact (the nearest words), which a small model may turn into a yes."""
    from medchat.agents.grounding import FactSelector
    from medchat.personas.loader import get_persona

    selector, persona = FactSelector(), get_persona("abdominal-pain-19m")
    assert selector.select(persona, "Do you ever think about hurting yourself?") == []


def test_a_question_about_someone_elses_history_is_not_the_patients_concept():
    assert asked_concepts("Has anyone in your family had depression?") == ()
    assert asked_concepts("Did your dad ever try to take his own life?") == ()
    assert SUICIDE_SELF_HARM in asked_concepts(
        "Do you think your family would be better off without you?"
    )


def test_a_question_pointing_back_takes_the_concept_of_the_sentence_before_it():
    turn = "Some people feel they'd rather not wake up in the morning. Have you felt like that?"
    assert SUICIDE_SELF_HARM in asked_concepts("Have you felt like that?", turn)
    assert asked_concepts("Have you felt like that?") == ()


def test_a_compound_question_gets_a_fact_of_each_concept_first():
    from medchat.agents.grounding import FactSelector
    from medchat.personas.loader import get_persona

    selector, persona = FactSelector(), get_persona("low-mood-29m")
    picked = selector.select(
        persona, "How is your mood, and do you ever think of killing yourself?"
    )
    ids = [f.id for f in picked]
    assert "si_thoughts" in ids[:2] or "si_plan" in ids[:2]
    assert any(i in ids[:2] for i in ("mood", "guilt", "anhedonia"))


def test_a_question_about_suicide_worded_like_an_open_one_does_not_get_the_volunteered_facts():
    """ "Have you been feeling like you can't go on?" matched the open-question rule ("been
    feeling"), so a case with no such thoughts answered with its opening facts and a model said
    "Yes, I've been feeling like I can't go on"."""
    from medchat.agents.grounding import FactSelector
    from medchat.personas.loader import get_persona

    selector, persona = FactSelector(), get_persona("changing-mole-52f")
    assert selector.select(persona, "Have you been feeling like you can't go on?") == []
