"""The reply review: out-of-role phrasing, claimed diagnoses, denials, loops, prompt echoes.

Rows marked "real" are replies the bundled models gave in this project's runs (Qwen2.5 1.5B or
SmolLM2 135M); the rest were written for the classes the review names. Each class has in-role
look-alikes that must pass, so the rules are held to precision as well as recall.
"""

from __future__ import annotations

import pytest

from medchat.clinical.review import (
    answers_back,
    claimed_diagnoses,
    denials,
    echoes,
    is_negative,
    is_plain_no,
    is_stock_answer,
    repetition,
    role_breaks,
    same_turn,
    strip_labels,
)

OUT_OF_ROLE = [
    "I'm here to help you with your chest pain.",  # real (reported on the default model)
    "I'm sorry to hear that you're experiencing chest pain. Could you tell me more about it?",
    "You're welcome! If you have any other questions, feel free to ask.",  # real
    "As an AI, I don't have a body, but chest pain can be serious.",
    "I am an AI language model and cannot experience symptoms.",
    "How can I assist you today?",
    "Could you describe the pain for me?",
    "How long have you had these symptoms?",
    "The patient reports a heavy pain in the chest.",
    "The doctor's last question was: on a scale of one to ten.",  # real (135M)
    "She denies any fever.",
    "Patient: It hurts here.\nDoctor: Since when?",
    "Let me know if there's anything else.",
    "I'm sorry, but I can't assist with that.",  # real (1.5B, eval fidelity)
    "I'm sorry, but I don't have enough information to answer your question.",  # real (1.5B)
    "I'm sorry, but I don't have enough information to examine your legs.",  # real (self-play)
    "I'm unable to provide a diagnosis over this chat.",
]
IN_ROLE = [
    "It's right in the middle of my chest, behind the breastbone.",
    "No, I haven't noticed anything like that.",
    "Is it something serious, doctor?",
    "Do you think it's my heart?",
    "My dad had a heart attack when he was 60, so I'm scared.",
    "Sorry, I didn't catch that. Could you say it again?",
    "My husband says I've been snoring a lot.",
    "I've been feeling sick, but I haven't actually been sick.",
    "I'm worried about who will look after my mum while I'm in here.",
    "Thank you, doctor.",
    "I can't help it, I keep scratching at it.",
    "I don't know, I couldn't answer that.",
    "I can't give you the details of the tablets, I left the box at home.",
    "I'm unable to walk far without stopping.",
]


@pytest.mark.parametrize("reply", OUT_OF_ROLE)
def test_when_a_patient_reply_speaks_out_of_role_then_the_review_finds_it(reply):
    assert role_breaks(reply, "patient"), reply


@pytest.mark.parametrize("reply", IN_ROLE)
def test_when_a_patient_reply_is_in_role_then_the_review_finds_nothing(reply):
    assert role_breaks(reply, "patient") == [], reply


@pytest.mark.parametrize(
    ("reply", "doctor_ok"),
    [
        ("Hello! How can I assist you today?", False),  # real (reported)
        ("As an AI language model I cannot examine you.", False),
        ("When did the pain start?", True),
        ("Could you describe the pain for me?", True),  # a doctor may interview
        ("I'm sorry to hear that. Does it spread anywhere?", True),
        ("I don't have enough information to make a diagnosis yet.", True),  # said in role
    ],
)
def test_when_the_doctor_interviews_then_only_assistant_voice_is_a_break(reply, doctor_ok):
    assert (role_breaks(reply, "doctor") == []) is doctor_ok


CASE = (
    "I've got high blood pressure. My dad had a heart attack. I was diagnosed with asthma as a boy."
)


@pytest.mark.parametrize(
    ("reply", "claimed"),
    [
        ("I've been diagnosed with pneumonia.", True),  # the reported failure class
        ("The doctor said it's a chest infection, so I came back.", True),
        ("My GP told me I have angina.", True),
        ("It turned out to be gallstones last time.", True),
        ("I think I have a stomach ulcer.", True),
        ("I was diagnosed with asthma as a boy.", False),  # in the case: past history
        ("The doctor said my blood pressure was high.", False),
        ("I've had a bad headache since Monday.", False),
        ("I don't know what it is, doctor.", False),
    ],
)
def test_when_a_patient_claims_a_diagnosis_its_case_lacks_then_it_is_found(reply, claimed):
    assert bool(claimed_diagnoses(reply, CASE)) is claimed


FACTS = {
    "sweaty": "I came out in a cold sweat when it started.",
    "thoughts": "Some days I think everyone would be better off without me.",
    "no_cough": "I haven't had a cough or a fever.",
}


@pytest.mark.parametrize(
    ("reply", "said", "denied"),
    [
        ("No.", set(), ["sweaty", "thoughts"]),
        ("No, nothing like that.", set(), ["sweaty", "thoughts"]),
        ("I haven't been sweating at all.", set(), ["sweaty"]),
        (
            "No, I've never thought about anything like that, everyone is better off with me.",
            set(),
            ["thoughts"],
        ),
        ("No cough, but I did come out in a cold sweat.", {"sweaty"}, []),
        ("I'm not sure, doctor.", set(), []),  # evasive, not a denial (reviewed separately)
        ("No, I haven't had a cough.", set(), []),  # agrees with the negative fact
        # a blanket no denies everything asked about
        ("I have no symptoms.", set(), ["sweaty", "thoughts"]),
        ("Honestly I don't have any other symptoms.", set(), ["sweaty", "thoughts"]),
        # a negation governs its own clause only
        ("I was drenched in a cold sweat and I haven't eaten since.", set(), []),
        ("I came over all sweaty, I couldn't stop shaking.", set(), []),
        ("It's all cold and sweaty and I haven't been sweating less.", set(), ["sweaty"]),
        # a negated improvement says the complaint goes on ("better" is in the thoughts fact)
        ("It's not getting any better, if anything it's worse.", set(), []),
        ("The sweating hasn't gone away.", set(), []),
        # "not just" says more than what follows
        ("It's worse than that, not just a cold sweat, I was soaked.", set(), []),
    ],
)
def test_when_a_reply_says_no_to_a_fact_its_case_has_then_it_is_a_denial(reply, said, denied):
    facts = dict(FACTS)
    if reply.startswith("No, I haven't had a cough"):
        facts = {"no_cough": FACTS["no_cough"]}
    assert denials(reply, facts, said) == denied


@pytest.mark.parametrize(
    ("fact", "negative"),
    [
        ("I haven't been sick.", True),
        ("My daughter hasn't had a temperature.", True),
        ("Son: He doesn't get out of breath.", True),
        ("There hasn't been any swelling in her ankles.", True),
        ("The tablets didn't help.", True),
        ("It never spreads anywhere.", True),
        # a positive finding with a negation later on stays positive: a no would deny it
        ("He came early, at 35 weeks, but he didn't need the special care baby unit.", False),
        ("My wedding ring is too tight, it won't come off.", False),
        # findings worded as negations: a no to them denies the case
        ("He can't keep anything down, not even water.", False),
        ("My trousers don't do up any more.", False),
        ("Dad: He no longer knows which day it is.", False),
        ("She failed to pass the eye check at school.", False),
        ("The baby hasn't had a wet nappy in about ten hours.", False),
        ("I haven't had my period for four months now.", False),
        ("Grandad hasn't opened his bowels for a week.", False),
        ("The throbbing hasn't let up for a second.", False),
        ("She hasn't felt like eating since the weekend.", False),
        ("My daughter hasn't started her periods yet.", False),
        # ... and their look-alikes stay denials
        ("I haven't smoked for twenty years.", True),
        ("I haven't been abroad in the last two years.", True),
        ("I haven't had a drink since new year.", True),
        ("She didn't pass out, she just went pale.", True),
    ],
)
def test_when_a_case_fact_opens_with_a_negated_verb_then_it_is_negative(fact, negative):
    assert is_negative(fact) is negative


def test_when_a_no_agrees_with_a_negative_fact_in_another_voice_then_it_denies_nothing():
    facts = {"no_temp": "My daughter hasn't had a temperature.", "rash": "She's got a rash."}
    assert denials("No, she hasn't had a temperature.", facts, set()) == []
    assert denials("No, no rash.", facts, set()) == ["rash"]


def test_when_a_no_meets_a_finding_worded_as_a_negation_then_it_is_a_denial():
    facts = {"bowels": "Nan hasn't opened her bowels for four days, which isn't like her."}
    assert denials("No, her bowels are fine.", facts, set()) == ["bowels"]
    assert denials("No, the ache has eased off.", {"a": "The ache hasn't let up."}, set()) == ["a"]


@pytest.mark.parametrize(
    "fact",
    [
        "The ache hasn't let up since Sunday.",
        "He can't keep anything down, not even water.",
        "Grandad hasn't opened his bowels for a week.",
        "I didn't pass out, but everything went grey for a moment.",
    ],
)
def test_when_a_bare_no_meets_a_fact_worded_as_a_negation_then_it_is_not_called_a_denial(fact):
    # "Has it eased?" "No." agrees; "Is it constant?" "No." denies: without the question a bare
    # no is ambiguous, and calling it a denial would replace right answers with the case's words
    assert denials("No.", {"f": fact}, set()) == []


def test_when_a_no_meets_a_plainly_stated_fact_then_it_is_still_a_denial():
    assert denials("No.", {"f": "I've been coughing up green phlegm."}, set()) == ["f"]
    assert denials("No.", {"f": "I've lost a stone without trying."}, set()) == ["f"]


@pytest.mark.parametrize(
    ("reply", "fact", "denied"),
    [
        # a no that agrees with the fact's denial clause denies nothing
        (
            "No, light is fine.",
            "Noise bothers me but I have no trouble with light.",
            False,
        ),
        (
            "No, I haven't booked anything.",
            "I haven't booked a date, but I've packed a bag.",
            False,
        ),
        ("No, I don't drink.", "I don't drink, I smoke five a day.", False),
        # a no to the finding beside the denial denies it, even when the fact opens with a denial
        ("No, noise is fine.", "Noise bothers me but I have no trouble with light.", True),
        ("No, I haven't packed anything.", "I haven't booked a date, but I've packed a bag.", True),
        ("No, I don't smoke.", "I don't drink, I smoke five a day.", True),
    ],
)
def test_when_a_fact_is_mixed_then_only_its_stating_clauses_can_be_denied(reply, fact, denied):
    assert denials(reply, {"f": fact}, set()) == (["f"] if denied else [])


@pytest.mark.parametrize(
    ("reply", "loops"),
    [
        ("I'm not sure, I'm not sure. I'm not sure.", True),  # real (135M)
        ("It spreads everywhere. It spreads everywhere. It spreads everywhere.", True),  # real
        ("It started two hours ago. It hasn't stopped since.", False),
        ("No. No.", False),  # too short to call a loop
    ],
)
def test_when_a_reply_repeats_itself_then_it_is_a_loop(reply, loops):
    assert repetition(reply) is loops


def test_when_a_reply_reads_out_its_instructions_then_it_echoes_the_prompt():
    prompt = 'You came for help, you do not offer it, and you do not ask. Say "I came in".'
    assert echoes("You came for help, you do not offer it, and", prompt)  # real (135M)
    assert not echoes("I came in for help with this pain.", prompt)
    assert not echoes(
        "Well, I came in because of it, that is all.",
        'Say "well, I came in because of it, that is all".',
    )


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Patient: It hurts here.", "It hurts here."),
        ('"It hurts here."', "It hurts here."),
        ("It hurts here.\nDoctor: Since when?", "It hurts here."),
        ("**Patient:** Since Monday.", "Since Monday."),
    ],
)
def test_when_a_transcript_continuation_has_labels_then_they_are_stripped(raw, clean):
    assert strip_labels(raw) == clean


@pytest.mark.parametrize(
    ("text", "earlier", "same"),
    [
        ("Can you describe the pain, please?", "Can you describe the pain?", True),
        ("Can you describe the pain?", "can you describe the pain", True),
        (
            "I've had this awful pain in my chest since this morning and it won't go away.",
            "I've had this awful pain in my chest this morning and it won't go away, doctor.",
            True,
        ),
        ("Where is the pain?", "When did the pain start?", False),
        ("It goes up into my jaw.", "It goes down my left arm.", False),
        (
            "It came on two hours ago while I was carrying bags up a ladder.",
            "It's like a heavy weight pressing on my chest, a tight squeezing feeling.",
            False,
        ),
    ],
)
def test_when_a_turn_says_an_earlier_one_again_then_it_is_the_same_turn(text, earlier, same):
    assert same_turn(text, earlier) is same


@pytest.mark.parametrize(
    ("answer", "question", "answered"),
    [
        # a yes or no first, then the question in the patient's words: an answer
        ("No, I haven't had any night sweats.", "Have you had any night sweats?", True),
        ("Yes, it wakes me up at night.", "Does it wake you up at night?", True),
        ("Son: No, he hasn't been scratching his ears.", "Has he been scratching his ears?", True),
        # no yes or no: the question said back
        ("Have you had any night sweats?", "Have you had any night sweats?", False),
        ("I have had night sweats.", "Have you had any night sweats?", False),
        # not a yes/no question about the patient: a no is no answer to it
        ("No, what brings you in today?", "What brings you in today?", False),
        ("No, can I examine your tummy?", "Can I examine your tummy?", False),
    ],
)
def test_when_a_yes_or_no_restates_the_question_then_it_answers_back(answer, question, answered):
    assert answers_back(answer, question) is answered


def test_when_a_long_no_restates_the_question_then_it_is_an_answer_not_an_echo():
    """Same content words as the question, so the echo checks alone would call it a loop."""
    question = "Has there been any blood or dark sticky stuff in her stools this week?"
    answer = "No, there hasn't been any blood or dark sticky stuff in her stools this week."
    assert same_turn(answer, question) and answers_back(answer, question)


@pytest.mark.parametrize(
    ("text", "stock"),
    [
        ("No.", True),
        ("No, I haven't noticed anything like that.", True),
        ("I'm not sure, doctor.", True),
        ("It goes up into my jaw and down my left arm.", False),
        ("Like I said, the black stools started two days ago.", True),  # real (self-play)
        ("I said it started two days ago and it's got worse.", False),
    ],
)
def test_when_an_answer_is_a_plain_no_or_not_sure_then_it_is_stock(text, stock):
    assert is_stock_answer(text) is stock


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("No.", True),
        ("Nope, nothing like that.", True),
        ("Not that I've noticed.", True),
        ("I haven't, no.", True),
        ("I've never had any trouble with that.", True),
        ("I'm not sure, doctor.", True),
        ("Daughter: No, she hasn't.", True),
        ("She hasn't mentioned anything.", True),
        ("My hearing is fine, but my knee hurts.", False),
        ("Yes, a little.", False),
        ("Sometimes, when I stand up.", False),
    ],
)
def test_when_an_answer_starts_with_a_no_or_not_sure_then_it_is_plain(text, plain):
    from medchat.clinical.review import is_plain_no

    assert is_plain_no(text) is plain


@pytest.mark.parametrize(
    ("question", "about_patient"),
    [
        ("Any trouble with your teeth?", True),
        ("Have you noticed any hair loss?", True),
        ("Do you ever get nosebleeds?", True),
        ("So, has your voice changed at all?", True),
        ("Can I examine your tummy?", False),
        ("Is that okay with you?", False),
        ("Do you have any questions for me?", False),
        ("Does that make sense?", False),
        ("What about your sleep?", False),
    ],
)
def test_when_a_question_asks_yes_or_no_about_the_patient_then_it_is_told_apart(
    question, about_patient
):
    from medchat.clinical.review import asks_about_patient

    assert asks_about_patient(question) is about_patient


ADJUNCT_CASE = (
    "I've had a rash on my forearm for a week. It started after a walk in the woods. "
    "My knee has been swelling up since Tuesday. I had an operation on my knee years ago."
)
"""A case of its own for the adjunct rule: a rash, a walk, a swollen knee, an old operation."""


@pytest.mark.parametrize(
    ("reply", "fact"),
    [
        # What is negated (a blister, a bite, a crack, a discharge) is named nowhere in the case;
        # the words shared with the fact are only where or when.
        ("No, there are no blisters on the rash.", "I've had a rash on my forearm for a week."),
        ("No, I didn't get any stings in the woods.", "It started after a walk in the woods."),
        ("No, I didn't hear any crack in my knee.", "My knee has been swelling up since Tuesday."),
        ("No, there's no discharge from the rash.", "I've had a rash on my forearm for a week."),
    ],
)
def test_when_a_no_denies_only_what_its_case_never_names_then_the_adjunct_denies_nothing(
    reply, fact
):
    assert denials(reply, {"f": fact}, set(), ADJUNCT_CASE) == []
    assert denials(reply, {"f": fact}, set()) == ["f"]  # without the case, as before


@pytest.mark.parametrize(
    ("reply", "fact"),
    [
        # The shared word is what is negated.
        ("No, there's no rash on my arm.", "I've had a rash on my forearm for a week."),
        ("No, my knee isn't swollen at all.", "My knee has been swelling up since Tuesday."),
        # A broad head: the adjunct is what is denied.
        ("No, I haven't had any trouble in my knee.", "My knee has been swelling since Tuesday."),
        ("No, I've never had surgery on my knee.", "I had an operation on my knee years ago."),
        ("No, nothing unusual on my forearm.", "I've had a rash on my forearm for a week."),
        # What is negated is not named: "runs in the family" denies the family history.
        ("No, nothing like that runs in the family.", "Diabetes runs in my family."),
        # What is negated is in the case, in another fact: the no contradicts the case.
        ("No, there's no swelling after the walk.", "It started after a walk in the woods."),
    ],
)
def test_when_a_no_negates_what_the_fact_or_the_case_says_then_it_is_still_a_denial(reply, fact):
    assert denials(reply, {"f": fact}, set(), ADJUNCT_CASE) == ["f"]


HEAD_CASE = (
    "His diarrhoea started 20 hours ago, and there's been more and more of it. He has no fever. "
    "I haven't seen any blood. His tummy aches on and off."
)
"""A case that names blood and fever only to deny them, and has words ("there's", "been")
that a reply may put before what it negates."""


@pytest.mark.parametrize(
    ("reply", "denied"),
    [
        # The words before the named object are not what is negated (the default model's reply
        # to "Any blood in his diarrhoea?", 2026-12-07, evening: "there's" was taken for it).
        ("No, there's no blood in his diarrhoea.", False),
        ("No, there's been no mucus in his diarrhoea.", False),
        # Named by the case only inside a no: the case does not have it.
        ("No, I've seen no blood in the diarrhoea.", False),
        ("No, he's had no fever from the diarrhoea.", False),
        # Pain in other words stays a denial: "aches" cannot be matched to a head.
        ("No, there's no ache in his tummy.", True),
        # The shared word is what is negated.
        ("No, there's no diarrhoea in the night.", True),
    ],
)
def test_when_a_no_names_its_object_then_only_that_object_is_read_as_denied(reply, denied):
    facts = {
        "d": "His diarrhoea started 20 hours ago, and there's been more and more of it.",
        "t": "His tummy aches on and off.",
    }
    assert bool(denials(reply, facts, set(), HEAD_CASE)) is denied


@pytest.mark.parametrize(
    ("reply", "fact", "denied"),
    [
        # unsure of nothing named: the words "sure" and "know" in a fact are not its finding
        ("I'm not sure about that. It started on Monday.", "I'm sure it's my heart.", False),
        ("I don't know, doctor.", "I know the pain comes when I climb stairs.", False),
        # unsure of something the fact states is still read against it
        ("I'm not sure I've had a rash.", "I've had a rash on my arms.", True),
    ],
)
def test_when_a_clause_says_only_that_the_patient_is_unsure_then_it_denies_nothing(
    reply, fact, denied
):
    assert bool(denials(reply, {"f": fact}, set())) is denied


@pytest.mark.parametrize(
    ("reply", "plain"),
    [
        ("I've not noticed anything like that.", True),
        ("Daughter: No, she hasn't.", True),
        ("Never.", True),
        # A word that merely begins like a no is not one.
        ("I've noticed a lump in my left breast.", False),
        ("I've noticed some dark velvety patches on my neck.", False),
        ("Nonetheless it hurts when I walk.", False),
    ],
)
def test_when_a_reply_begins_like_a_no_then_only_whole_words_make_it_plain(reply, plain):
    assert is_plain_no(reply) is plain


QUALIFIED_CASE = (
    "I've had knee pain since yesterday. The dizzy spells knock me off my feet. "
    "My wee looked pinkish the last time I went. Standing up brings the dizziness on."
)
"""A case of its own for a no framed by the case's words: the other knee, a trigger it lacks,
a turn to what is there ("just ...")."""


@pytest.mark.parametrize(
    ("reply", "fact"),
    [
        # replies of the default model on the read blind set fresh_0712b, each a right no
        ("No, the other knee doesn't have any pain.", "I've had knee pain since yesterday."),
        (
            "No, salt or caffeine do not seem to bring the spells on.",
            "The dizzy spells knock me off my feet.",
        ),
        (
            "No gravel or stones, just a little bit of pinkish pee.",
            "My wee looked pinkish the last time I went.",
        ),
    ],
)
def test_when_a_no_is_framed_by_the_case_words_then_it_denies_nothing(reply, fact):
    assert denials(reply, {"f": fact}, set(), QUALIFIED_CASE) == []


@pytest.mark.parametrize(
    ("reply", "fact"),
    [
        # the case's own knee, the spells themselves, a trigger the case names
        ("No, my knee doesn't have any pain.", "I've had knee pain since yesterday."),
        ("No, I don't get dizzy spells.", "The dizzy spells knock me off my feet."),
        ("No, nothing seems to bring the spells on.", "The dizzy spells knock me off my feet."),
        (
            "No, standing up doesn't bring the dizziness on.",
            "Standing up brings the dizziness on.",
        ),
        # "other" in the fact: the other one is what it says
        ("No, the other knee is fine.", "Both knees ache, the other knee too."),
    ],
)
def test_when_a_framed_no_negates_the_case_itself_then_it_is_still_a_denial(reply, fact):
    assert denials(reply, {"f": fact}, set(), QUALIFIED_CASE) == ["f"]
