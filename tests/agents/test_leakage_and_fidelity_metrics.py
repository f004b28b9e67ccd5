"""The leakage detector and the fidelity metrics, on table-driven examples."""

from __future__ import annotations

import pytest

from medchat.clinical.conveyance import conveyed, invented_symptoms
from medchat.clinical.leakage import find_leak, strip_leaks
from medchat.personas.loader import get_persona

TERMS = ("Myasthenia gravis", "migraine", "NSTEMI", "heart attack", "MI")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I think it might be myasthenia gravis.", "Myasthenia gravis"),
        ("Could it be Myasthenia-gravis?", "Myasthenia gravis"),
        ("I get migraines sometimes.", "migraine"),
        ("Was it an NSTEMI?", "NSTEMI"),
        ("My dad had a heart attack.", "heart attack"),
        ("I have heartburn after meals.", None),
        ("Was it an MI, doctor?", "MI"),
        ("Ms Jones said mi casa.", None),
        ("The pain is in my chest.", None),
        ("", None),
    ],
)
def test_when_text_names_a_diagnosis_term_then_it_is_found(text, expected):
    assert find_leak(text, terms=TERMS) == expected


def test_when_leaking_sentences_are_stripped_then_the_rest_remains():
    text = "It hurts a lot. I read it could be a heart attack. It started at noon."
    assert strip_leaks(text, TERMS) == "It hurts a lot. It started at noon."


@pytest.fixture(scope="module")
def chest():
    return get_persona("chest-pain-58m")


@pytest.mark.parametrize(
    ("answer", "invented"),
    [
        ("I've had a rash on my legs.", ["rash"]),
        ("No rash, no hearing loss.", []),
        ("I haven't noticed any hair loss.", []),
        ("I've been losing my hair and I have a rash.", ["rash"]),
        ("The pain is in my chest.", []),
        # a negation governs its whole clause, however long the list after it
        ("No, I didn't feel dizzy or have any ringing in my ears or a rash at all.", []),
        # "but" and "and I" start a new clause that asserts
        ("I haven't had a fever, but I've got a rash.", ["rash"]),
        ("I don't smoke and I get a rash in summer.", ["rash"]),
    ],
)
def test_when_answer_asserts_symptoms_not_in_case_then_they_count_as_invented(
    chest, answer, invented
):
    assert invented_symptoms(answer, chest) == invented


def test_when_answer_paraphrases_a_fact_then_it_counts_as_conveyed(chest):
    from medchat.clinical.encoder import embed, get_encoder

    facts = [f.text for f in chest.facts]
    vecs = embed(get_encoder(), facts)
    radiation = next(i for i, f in enumerate(chest.facts) if f.category.value == "hpc_radiation")
    hits = conveyed(chest.facts[radiation].text.lower(), facts, vecs)
    assert hits[radiation]
    unrelated = conveyed("I like gardening on Sundays.", facts, vecs)
    assert not any(unrelated)


def test_when_a_fact_told_earlier_is_selected_again_then_slot_recall_does_not_count_it_twice():
    """Slot recall asks only for facts not yet told; facts selected again are counted apart."""
    from medchat.agents.simulator import Answer
    from medchat.evaluation.fidelity import STANDARD, score_persona

    persona = get_persona("chest-pain-58m")
    radiation = next(f for f in persona.facts if f.id == "radiation")
    answers = [
        Answer(STANDARD[1], radiation.text, ["radiation"], raw=radiation.text),
        Answer(STANDARD[4], "Yes, like I said.", ["radiation", "sweaty"], raw="Yes."),
    ]
    result = score_persona(persona, answers)
    assert (result.selected, result.recalled, result.retold) == (2, 1, 1)


def test_when_off_case_questions_are_scored_then_only_a_plain_no_counts():
    """Off-case questions are the persona's own labelled absent questions, not a fixed pair
    (one case has hearing loss, so "any hearing problems?" is not off-case for it)."""
    from medchat.agents.simulator import Answer
    from medchat.evaluation.fidelity import off_case_questions, score_persona, script_for
    from medchat.personas.loader import default_registry

    registry = default_registry()
    assert all(len(off_case_questions(p)) >= 2 for p in registry)
    persona = get_persona("chest-pain-58m")
    absent = off_case_questions(persona)
    assert script_for(persona, "off-case") == ["Hello, what brings you in today?", *absent]
    assert set(absent) <= set(script_for(persona))
    answers = [
        Answer(absent[0], "No, nothing like that.", [], raw="My knee hurts."),
        Answer(absent[1], "My hearing is fine but my knee hurts.", [], raw="No."),
    ]
    result = score_persona(persona, answers, absent)
    assert (result.off_case, result.off_case_plain, result.off_case_plain_raw) == (2, 1, 1)


def test_when_an_absent_question_gets_a_yes_then_it_is_counted_shown_and_raw():
    """A yes to what the case lacks affirms a finding, whatever follows it; "Yes" said only in
    the model's raw reply counts on the raw side."""
    from medchat.agents.simulator import Answer
    from medchat.evaluation.fidelity import off_case_questions, score_persona

    persona = get_persona("chest-pain-58m")
    absent = off_case_questions(persona)
    answers = [
        Answer(absent[0], "Yes, I've had that too.", [], raw="Yes, I've had that too."),
        Answer(absent[1], "My urine looks darker.", [], raw="Yeah, my urine looks darker."),
    ]
    result = score_persona(persona, answers, absent)
    assert (result.off_case_yes, result.off_case_yes_raw) == (1, 2)


@pytest.mark.parametrize("source", ["fresh_2511", "fresh_2611"])
def test_when_off_case_sources_are_named_then_only_their_absent_questions_are_asked(source):
    from medchat.evaluation.fidelity import off_case_questions, off_case_sources, script_for
    from medchat.evaluation.selection import load_probes

    assert {"fresh_2511", "fresh_2611"} <= off_case_sources()
    persona = get_persona("chest-pain-58m")
    labelled = [
        p.question
        for p in load_probes()
        if p.persona_id == persona.id and p.source == source and p.style == "negative"
    ]
    assert labelled and off_case_questions(persona, [source]) == labelled
    assert script_for(persona, "off-case", [source]) == [
        "Hello, what brings you in today?",
        *labelled,
    ]


def test_when_an_unknown_off_case_source_is_named_then_the_command_lists_the_valid_ones():
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "medchat", "eval", "fidelity", "--off-case-source", "nope"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert "nope" in proc.stderr and "fresh_2511" in proc.stderr


def test_when_the_present_script_is_chosen_then_the_labelled_questions_about_case_facts_are_asked():
    from medchat.evaluation.fidelity import present_questions, script_for
    from medchat.evaluation.selection import load_probes

    persona = get_persona("chest-pain-58m")
    labelled = {
        p.question: list(p.expected)
        for p in load_probes()
        if p.persona_id == persona.id
        and p.source == "fresh_2611"
        and p.expected
        and p.style != "open"
    }
    assert labelled and present_questions(persona, ["fresh_2611"]) == labelled
    assert script_for(persona, "present", ["fresh_2611"]) == [
        "Hello, what brings you in today?",
        *labelled,
    ]


def test_when_a_present_fact_probe_is_answered_no_then_it_is_a_denial_whatever_was_selected():
    """The selector picked nothing, so the live review cannot see the denial; the label can."""
    from medchat.agents.simulator import Answer
    from medchat.evaluation.fidelity import score_persona

    persona = get_persona("chest-pain-58m")
    sweat = next(f for f in persona.facts if "sweat" in f.text.lower())
    asked = "Did you break out in a sweat with it?"
    told = "Did you get clammy at all?"
    answers = [
        Answer(asked, "No, nothing like that.", [], raw="No, nothing like that."),
        Answer(told, f"Yes. {sweat.text}", [sweat.id], raw="No."),
    ]
    result = score_persona(persona, answers, present={asked: [sweat.id], told: [sweat.id]})
    # the first answer denies it, so the fact is still due at the second, which says it
    assert (result.probed_denied, result.probed_denied_raw) == (1, 2)
    assert result.probed == 2 and result.probed_conveyed == 1 and result.probed_conveyed_raw == 0


def test_when_a_no_shares_words_with_a_probed_fact_counted_as_said_then_it_is_counted():
    """The denial count excuses a fact the answer says. A no before the fact passes it, so it
    is counted apart (`probed_contradicted`); a no merely close to the fact by similarity ("No,
    I didn't come out in a cold sweat") does not say the fact and is a denial. Both kinds were
    given by the default model under a 'say no to what the facts do not mention' note
    (2026-12-07). An echoed fact worded with a negation counts as neither."""
    from medchat.agents.simulator import Answer
    from medchat.evaluation.fidelity import score_persona

    persona = get_persona("chest-pain-58m")
    facts = {f.id: f.text for f in persona.facts}
    sweat, radiation, relieve = "Any sweating?", "Does it go to your arm?", "Did resting help?"
    no_then_fact = f"No, it doesn't go down my arm. {facts['radiation']}"
    answers = [
        Answer(sweat, "No, I didn't come out in a cold sweat.", ["sweaty"], raw="No."),
        Answer(radiation, no_then_fact, ["radiation"], raw=no_then_fact),
        Answer(relieve, facts["relieve"], ["relieve"], raw=facts["relieve"]),
    ]
    present = {sweat: ["sweaty"], radiation: ["radiation"], relieve: ["relieve"]}
    result = score_persona(persona, answers, present=present)
    assert (result.probed_contradicted, result.probed_contradicted_raw) == (1, 1)
    assert (result.probed_denied, result.probed_denied_raw) == (1, 1)
    assert result.probed_conveyed == 2  # the fact after the no, and the one said plainly
