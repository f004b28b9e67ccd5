"""The patient agent's grounding (what the model is told) and the `patient` CLI end to end."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from medchat.agents.patient import FALLBACK, PatientAgent
from medchat.agents.simulator import PatientSimulator
from medchat.clinical.concepts import HOUSEHOLD, states
from medchat.clinical.leakage import find_leak
from medchat.models.fake import ScriptedChatModel
from medchat.personas.loader import get_persona
from medchat.types import Role, Turn
from tests.conftest import ROOT, SMALL_MODEL, TEST_HOME


@pytest.fixture(scope="module")
def persona():
    return get_persona("chest-pain-58m")


def prompt_for(agent: PatientAgent, question: str, earlier: list[Turn] = ()) -> str:
    turns = [*earlier, Turn(role=Role.DOCTOR, text=question, author="t")]
    return "\n".join(str(m.content) for m in agent.messages(turns))


def test_when_the_dialogue_grows_then_earlier_messages_stay_an_unchanged_prefix(persona):
    """A server's prompt cache reuses a prefix only if every earlier token is unchanged."""
    agent = PatientAgent(ScriptedChatModel(), persona)
    turns: list[Turn] = []
    previous = None
    exchanges = [
        ("What brings you in today?", "Chest pain."),
        ("When did it start?", "Two hours ago."),
        ("Does the pain go anywhere else?", "Down my left arm."),
        ("Any allergies?", "No."),
    ]
    for question, answer in exchanges:
        turns.append(Turn(role=Role.DOCTOR, text=question, author="t"))
        messages = [(m.type, str(m.content)) for m in agent.messages(turns)]
        if previous is not None:
            assert messages[0] == previous[0], "the system prompt changed between turns"
            assert messages[: len(previous) - 1] == previous[:-1]
        assert question in messages[-1][1]
        previous = messages
        turns.append(Turn(role=Role.PATIENT, text=answer, author="t"))


@pytest.mark.parametrize(
    ("question", "category"),
    [
        ("Do you have any allergies?", "allergies"),
        ("Does the pain go anywhere else?", "hpc_radiation"),
        ("Does anyone in your family have heart problems?", "family"),
        ("Are you on any regular medication?", "medications"),
    ],
)
def test_when_doctor_asks_then_prompt_holds_only_matching_facts(persona, question, category):
    agent = PatientAgent(ScriptedChatModel(), persona)
    prompt = prompt_for(agent, question)
    assert agent.last_facts and {f.category.value for f in agent.last_facts} == {category}
    others = [f for f in persona.facts if f not in agent.last_facts and not f.volunteered]
    assert not any(f.text in prompt for f in others)


def test_when_question_is_not_covered_then_prompt_says_no_and_lists_no_facts(persona):
    agent = PatientAgent(ScriptedChatModel(), persona)
    earlier = [Turn(role=Role.PATIENT, text="Hello.", author="t")]
    prompt = prompt_for(agent, "Have you travelled to Brazil recently?", earlier)
    assert agent.last_facts == []
    assert "say no, or that you are not sure" in prompt


def test_when_any_prompt_is_built_then_the_diagnosis_is_never_in_it(persona):
    agent = PatientAgent(ScriptedChatModel(), persona)
    for question in ("What brings you in?", "What do you think it is?", "Tell me your diagnosis"):
        assert find_leak(prompt_for(agent, question), persona) is None


def test_when_model_names_the_diagnosis_twice_then_reply_is_repaired(persona):
    leaky = ScriptedChatModel(script=["I think it's a heart attack.", "It must be an NSTEMI."])
    answer = PatientSimulator(PatientAgent(leaky, persona)).ask("What do you think it is?")
    assert answer.leaked_raw
    assert answer.answer == FALLBACK


def test_when_patient_cli_reads_questions_then_it_writes_jsonl_with_fact_ids():
    env = {
        **os.environ,
        "MEDCHAT_HOME": str(TEST_HOME),
        "MEDCHAT_MODEL": SMALL_MODEL,
        "MEDCHAT_DTYPE": "float32",
        "MEDCHAT_MAX_NEW_TOKENS": "8",
        "MEDCHAT_LOG_LEVEL": "WARNING",
    }
    questions = 'Do you have any allergies?\n{"text": "Does the pain spread?"}\n\n'
    proc = subprocess.run(
        [sys.executable, "-m", "medchat", "patient", "--persona", "chest-pain-58m"],
        input=questions,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["question"] for r in rows] == ["Do you have any allergies?", "Does the pain spread?"]
    assert rows[0]["facts"] == ["allergies"] and rows[1]["facts"] == ["radiation"]
    assert all(isinstance(r["answer"], str) and r["answer"] for r in rows)


def test_when_patient_cli_gets_bad_json_then_error_names_the_line():
    proc = subprocess.run(
        [sys.executable, "-m", "medchat", "patient", "--persona", "chest-pain-58m"],
        input='{"text": 3}\n',
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        env={**os.environ, "MEDCHAT_HOME": str(TEST_HOME), "MEDCHAT_MODEL": SMALL_MODEL},
    )
    assert proc.returncode == 2
    assert "line 1" in proc.stderr


def test_when_model_times_out_then_answer_is_marked_and_transcript_skips_it(persona):
    from medchat.errors import ModelTimeoutError

    class TimingOut(ScriptedChatModel):
        """Failure injection: a backend that times out on its first call only."""

        def _stream(self, messages, stop=None, run_manager=None, **kwargs):
            if not self.calls:
                self.calls.append(messages)
                raise ModelTimeoutError("timed out")
            return super()._stream(messages, stop, run_manager, **kwargs)

    simulator = PatientSimulator(PatientAgent(TimingOut(script=["Two hours ago."]), persona))
    failed = simulator.ask("When did it start?")
    assert failed.error == "timed out" and failed.answer == ""
    assert simulator.turns == []
    assert simulator.ask("When did it start?").answer.startswith("Two hours ago.")


def _after_opening(persona, question: str) -> list[Turn]:
    """The consultation after its opening exchange, ending with the doctor's `question`."""
    return [
        Turn(role=Role.DOCTOR, text="What brings you in today?", author="t"),
        Turn(role=Role.PATIENT, text=persona.opening_statement, author="t"),
        Turn(role=Role.DOCTOR, text=question, author="t"),
    ]


def _patient_finish(persona, turns: list[Turn], reply: str, retry: str):
    from medchat.agents import repair

    agent = PatientAgent(ScriptedChatModel(), persona)
    agent.messages(turns)  # as the engine does: facts are selected before the reply
    return repair.finish(agent, turns, reply, lambda messages: retry)


def test_when_the_patient_says_its_opening_again_then_it_is_asked_again(persona):
    """The self-play loop seen on the default model: a follow-up answered with the opening
    statement word for word."""
    turns = _after_opening(persona, "Does the pain go anywhere?")
    retry = "It goes up into my jaw and down my left arm."
    result = _patient_finish(persona, turns, persona.opening_statement, retry)
    assert "repeat" in {p.kind for p in result.found}
    assert result.repairs == 1 and not result.fallback and result.text == retry


def test_when_the_patient_repeats_itself_twice_then_it_says_so_in_its_case_words(persona):
    """Asked the same thing again, the fallback says "like I said" instead of reciting the
    earlier turn a second time."""
    radiation = next(f for f in persona.facts if f.id == "radiation").text
    question = "Does the pain go anywhere?"
    turns = [
        Turn(role=Role.DOCTOR, text="What brings you in today?", author="t"),
        Turn(role=Role.PATIENT, text=persona.opening_statement, author="t"),
        Turn(role=Role.DOCTOR, text=question, author="t"),
        Turn(role=Role.PATIENT, text=radiation, author="t"),
        Turn(role=Role.DOCTOR, text=question, author="t"),
    ]
    result = _patient_finish(persona, turns, radiation, radiation)
    assert result.fallback and result.text.startswith("Like I said, ")
    assert "jaw" in result.text


def test_when_a_fact_was_told_before_then_a_short_answer_is_kept_without_it(persona):
    """Seen in self-play: the onset told for "what brings you in?" was appended again to "It
    started about five days ago.", making the turn say the earlier one again."""
    onset = next(f for f in persona.facts if f.id == "onset").text
    turns = [
        Turn(role=Role.DOCTOR, text="What brings you in today?", author="t"),
        Turn(role=Role.PATIENT, text=onset, author="t", meta={"facts": ["onset"]}),
        Turn(role=Role.DOCTOR, text="When did it start?", author="t"),
    ]
    result = _patient_finish(persona, turns, "About two hours ago.", retry="")
    assert result.text == "About two hours ago." and "onset" not in result.appended


def test_when_the_doctor_asks_for_an_examination_then_the_patient_goes_along_with_it(persona):
    """Seen in self-play: asked nothing, the model replied "I'm sorry, but I'm not sure what
    you're asking." after the examiner had reported the findings."""
    agent = PatientAgent(ScriptedChatModel(), persona)
    turns = [
        Turn(role=Role.DOCTOR, text="What brings you in today?", author="t"),
        Turn(role=Role.PATIENT, text=persona.opening_statement, author="t"),
        Turn(role=Role.DOCTOR, text="I'd like to examine your chest.", author="t"),
        Turn(role=Role.EXAMINER, text="Chest clear.", author="examiner"),
    ]
    agent.messages(turns)
    assert agent.scripted_reply(turns) == "Okay, go ahead." and agent.last_facts == []
    asked = [*turns[:2], Turn(role=Role.DOCTOR, text="May I examine your chest?", author="t")]
    agent.messages(asked)
    assert agent.scripted_reply(asked) is None  # a question gets the model's answer


def test_when_the_patient_says_the_doctors_line_back_then_it_is_a_repeat(persona):
    turns = _after_opening(persona, "I'm sorry, but I'm not sure what you're asking.")
    result = _patient_finish(persona, turns, turns[-1].text, retry="I'm not sure, doctor.")
    assert "repeat" in {p.kind for p in result.found} and result.text == "I'm not sure, doctor."


@pytest.mark.parametrize(
    ("persona_id", "question", "wrong", "retry", "kind", "gone"),
    [
        # seen in self-play: "paracetamol isn't touching it" in the case, "better when I'm ...
        # taking paracetamol" in the reply
        (
            "headache-pregnant-31f",
            "What makes the headache better or worse?",
            "The headache gets better when I'm lying down in the dark and taking paracetamol.",
            "Nothing really helps it.",
            "contradiction",
            "taking paracetamol",
        ),
        # seen in self-play: "about a month" for an eye the case says went red last night
        (
            "loin-pain-41m",
            "How long has this been going on?",
            "It's been grumbling on for about two weeks now.",
            "It came on about three hours ago.",
            "invented_timing",
            "two weeks",
        ),
        # seen in a fidelity run: a day set for the act by a case that says it has none
        (
            "low-mood-29m",
            "Have you decided when you would do it?",
            "I've decided to do it tomorrow.",
            "No, I haven't set a date.",
            "invented_risk",
            "tomorrow",
        ),
    ],
)
def test_when_a_reply_breaks_with_its_case_then_it_is_regenerated(
    persona_id, question, wrong, retry, kind, gone
):
    """The gates that rejected such dialogues run live too."""
    persona = get_persona(persona_id)
    turns = _after_opening(persona, question)
    result = _patient_finish(persona, turns, wrong, retry=retry)
    assert kind in {p.kind for p in result.found}
    assert result.repairs == 1 and gone not in result.text


def test_when_an_informant_answers_then_their_label_is_said_once_per_turn():
    """Seen in self-play: "Daughter: A. Daughter: B." when a left-out fact was appended."""
    confused = get_persona("confused-84f")
    agent = PatientAgent(ScriptedChatModel(), confused)
    turns = _after_opening(confused, "Has she been eating and drinking?")
    agent.messages(turns)
    assert agent.last_facts and agent.last_facts[0].text.startswith("Daughter: ")
    from medchat.clinical.review import Problem

    missing = [Problem("missing", f.id) for f in agent.last_facts]
    text, added = agent.complete("Daughter: Not much, no.", missing)
    assert added and text.count("Daughter:") == 1


def test_when_an_informant_is_asked_again_then_their_label_comes_first():
    confused = get_persona("confused-84f")
    fact = next(f for f in confused.facts if f.id == "eating")
    question = "Has she been eating and drinking?"
    turns = [
        Turn(role=Role.DOCTOR, text="What brings you in today?", author="t"),
        Turn(role=Role.PATIENT, text=confused.opening_statement, author="t"),
        Turn(role=Role.DOCTOR, text=question, author="t"),
        Turn(role=Role.PATIENT, text=fact.text, author="t"),
        Turn(role=Role.DOCTOR, text=question, author="t"),
    ]
    result = _patient_finish(confused, turns, fact.text, fact.text)
    assert result.fallback and result.text.startswith("Daughter: Like I said, she")


def test_when_a_question_its_case_does_not_cover_gets_more_than_a_no_then_it_is_repaired(persona):
    """Nothing in the case answers it, so a plain no is due; "My hearing's fine, but my knee
    has been sore" is how a small model drifts into symptoms the case lacks."""
    turns = _after_opening(persona, "Have you had any trouble with your hearing?")
    drift = "My hearing's fine, but my knee has been sore lately."
    result = _patient_finish(persona, turns, drift, retry="It's about the same as ever.")
    assert "not_a_plain_no" in {p.kind for p in result.found}
    assert result.fallback and result.text == "No, I haven't noticed anything like that."
    kept = _patient_finish(persona, turns, "No, my hearing's fine.", retry="")
    assert kept.found == [] and kept.text == "No, my hearing's fine."


def test_when_a_plain_no_is_near_only_the_case_denials_then_it_stands():
    """The default model's right no on the read blind set fresh_0712b: near "I haven't had any
    fever" in shape, it was flagged as telling unasked facts and mended into "I've noticed a
    small bump on my groin", a lump the case lacks. A reply telling a stated fact still is."""
    case = get_persona("avey-398")
    turns = _after_opening(case, "Noticed any lumps in your groin?")
    no = "No, I haven't noticed any lumps in my groin."
    kept = _patient_finish(case, turns, no, retry="I've noticed a small bump on my groin.")
    assert kept.found == [] and kept.text == no
    told = _patient_finish(case, turns, "My left leg has been swollen for 3 months.", retry="")
    assert "unasked" in {p.kind for p in told.found}


def test_when_the_doctor_asks_permission_then_a_yes_is_not_taken_for_a_wrong_answer(persona):
    """A request is not a question about the patient: "Yes, of course" must stand."""
    turns = _after_opening(persona, "Is it okay if I have a listen to your chest?")
    result = _patient_finish(persona, turns, "Yes, of course.", retry="")
    assert "not_a_plain_no" not in {p.kind for p in result.found}
    assert result.text == "Yes, of course."


def test_when_the_selector_misses_and_the_reply_denies_a_case_topic_then_the_case_answers():
    """Nothing was picked for a question worded unlike any fact, and the reply denied the
    suicidal thoughts the case holds: the retry is told those facts, and when it still denies
    them the case's words are said."""
    low_mood = get_persona("low-mood-29m")
    turns = _after_opening(low_mood, "Have you been having any dark moments?")
    denial = "No, I've never thought about ending my life."
    result = _patient_finish(low_mood, turns, denial, retry="No, not at all.")
    assert ("denial", "si_thoughts") in {(p.kind, p.detail) for p in result.found}
    thoughts = next(f.text for f in low_mood.facts if f.id == "si_thoughts")
    assert result.fallback and thoughts in result.text
    agrees = "No, I've never tried to hurt myself."  # the case says so too: no denial
    kept = _patient_finish(low_mood, turns, agrees, retry="")
    assert "denial" not in {p.kind for p in kept.found}


def test_when_a_reply_says_a_picked_fact_only_inside_a_no_then_the_denial_is_repaired():
    """The default model's reply (2026-12-07) to a question its case answers: similarity
    counted "No, I haven't had a clot in my leg" as saying the clot, so the denial passed. Now
    the retry is asked for, and when it denies again the case's words are said."""
    dvt = get_persona("agentclinic-094")
    turns = _after_opening(dvt, "ever had a clot in youre leg?")
    denial = "No, I haven't had a clot in my leg."
    result = _patient_finish(dvt, turns, denial, retry=denial)
    assert "denial" in {p.kind for p in result.found}
    assert result.repairs == 1 and result.fallback and "blood clot" in result.text
    told = "Yes, I had a blood clot, a DVT, in my right leg 5 years ago."
    kept = _patient_finish(dvt, turns, told, retry="")
    assert not kept.found and kept.text == told


def test_when_a_case_says_nothing_of_home_then_an_invented_household_is_repaired():
    """Seen in a fidelity run: "Who lives at home with you?" answered "I live with my husband"
    by a case that says nothing of its household."""
    from medchat.personas.loader import default_registry

    persona = next(
        p
        for p in default_registry()
        if not any(states(HOUSEHOLD, f.text) for f in p.facts) and p.id.startswith("agentclinic")
    )
    turns = _after_opening(persona, "And who's at home with you these days?")
    result = _patient_finish(
        persona, turns, "I live with my two sons.", retry="I live with my wife."
    )
    assert "invented_social" in {p.kind for p in result.found}
    assert result.fallback and "sons" not in result.text and "wife" not in result.text
    kept = _patient_finish(persona, turns, "I'd rather not go into that.", retry="")
    assert "invented_social" not in {p.kind for p in kept.found}


def test_when_a_yes_only_repeats_the_question_then_it_is_said_as_not_sure():
    """The default model's first reply (2026-12-05, a read probe set) to a question its case
    does not cover, with a nearby fact picked: the question taken for the answer. The yes is
    said as "not sure" in place (no regeneration); the rest of the reply stays."""
    lump = get_persona("neck-lump-24m")
    turns = _after_opening(lump, "Does the lump move up when you swallow?")
    reply = (
        "Yes, the lump moves up when I swallow. I noticed it about six weeks ago when I was "
        "shaving."
    )
    result = _patient_finish(lump, turns, reply, retry="")
    assert "unsupported_yes" in {p.kind for p in result.found}
    assert result.repairs == 0 and not result.fallback
    assert result.text.startswith("I'm not sure about that.") and "moves up" not in result.text
    assert "six weeks ago" in result.text


@pytest.mark.parametrize(
    ("persona_id", "question", "reply"),
    [
        # The default model's first replies (2026-12-07, evening, a read probe set's absent
        # questions): the echo is the sentence that invents the finding or its timing.
        (
            "avey-001",
            "Have you had any swelling in your ankles?",
            "Yes, I've had swelling in my ankles.",
        ),
        (
            "loin-pain-41m",
            "Has your left testicle gone swollen or tender to touch?",
            "Yes, it's swollen and tender to touch.",
        ),
        (
            "agentclinic-053",
            "Do the dizzy spells go on for more than a minute or so?",
            "Yes, they can last for more than a minute or so.",
        ),
    ],
)
def test_when_an_echoed_yes_is_also_what_invents_then_it_is_mended_not_regenerated(
    persona_id, question, reply
):
    """The echo sentence holds the invented symptom or timing too: said as "not sure", the rest
    of the reply has nothing wrong, so nothing is regenerated and the picked facts follow."""
    persona = get_persona(persona_id)
    turns = _after_opening(persona, question)
    result = _patient_finish(persona, turns, reply, retry="Yes, and it's been going on for years.")
    kinds = {p.kind for p in result.found}
    assert "unsupported_yes" in kinds and kinds & {"invented", "invented_timing"}
    assert result.repairs == 0 and not result.fallback
    assert result.text.startswith("I'm not sure about that.")
    assert result.appended and reply not in result.text


def test_when_the_rest_of_an_echoed_yes_is_wrong_too_then_the_reply_is_still_regenerated():
    """The mend covers only the echo: a diagnosis claimed after it still sends the reply back."""
    lump = get_persona("neck-lump-24m")
    turns = _after_opening(lump, "Does the lump move up when you swallow?")
    reply = "Yes, the lump moves up when I swallow. The doctor said it's a thyroid cancer."
    retry = "I noticed it about six weeks ago when I was shaving."
    result = _patient_finish(lump, turns, reply, retry=retry)
    assert {"unsupported_yes", "claim"} <= {p.kind for p in result.found}
    assert result.repairs == 1 and result.text.startswith(retry)


def test_when_a_yes_goes_on_to_another_finding_then_the_yes_is_dropped_in_place():
    """The shape of the default model's reply to an absent question (2026-12-07, evening: "Have
    your eyes or skin gone yellow?" -> "Yes, my urine looks darker than usual."; the selector no
    longer picks that fact since the symptom list knows both findings): the nearby fact is kept,
    the yes that affirmed a finding the case lacks is not; nothing is regenerated."""
    baby = get_persona("wheezy-baby-8mo")
    turns = _after_opening(baby, "Any gunk coming out of his ears?")
    picked = [f.text for f in _picked(baby, turns)]
    assert picked[0] == "There's a whistling noise when he breathes out."  # as the selector picks
    result = _patient_finish(baby, turns, f"Yes, t{picked[0][1:]}", retry="Yes, lots of it.")
    assert "yes_beside" in {p.kind for p in result.found}
    assert result.repairs == 0 and result.text == picked[0]


def test_when_eyes_or_skin_are_asked_yellow_then_dark_urine_is_not_picked():
    traveller = get_persona("fever-traveller-36m")
    turns = _after_opening(traveller, "Have your eyes or skin gone yellow at all?")
    assert "urine" not in {f.id for f in _picked(traveller, turns)}


def _picked(persona, turns: list[Turn]):
    agent = PatientAgent(ScriptedChatModel(), persona)
    agent.messages(turns)
    return agent.last_facts


def test_when_a_misspelt_question_gets_a_right_yes_then_the_yes_stays():
    """ "Are you seeing halos round lihgts?" shares no word with "Yes, I do see coloured rings
    around lights." until its spelling is mended (the selector's own mend): the yes is about
    what was asked (the default model's reply, 2026-12-07, evening)."""
    eye = get_persona("red-eye-66f")
    turns = _after_opening(eye, "Are you seeing halos round lihgts?")
    reply = "Yes, I do see coloured rings around lights."
    assert "haloes" in {f.id for f in _picked(eye, turns)}
    result = _patient_finish(eye, turns, reply, retry="")
    assert "yes_beside" not in {p.kind for p in result.found}
    assert result.text == reply
