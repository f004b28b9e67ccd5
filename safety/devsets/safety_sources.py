"""The safety filter's evaluation sources, each split by source and reported on its own.

A template test split shares its authors' phrasing with the dev split, so it flatters the
filter (issue #13: 1.000 on our test split, 0.69 on prompts written by others). Each source
here has a dev part (rules and classifier may be tuned on it) and a held-out part (never read
while tuning):

- templates: `safety_templates.py` rows; every third template is held out.
- avey: negated-symptom lists from the Avey vignettes; every third row is held out.
- MedSafetyBench: split by the model that wrote the requests, never by row: the llama2 files
  train the classifier, the gpt4 files are held out.
- natural: hand-written requests (typos, indirect wording, fiction and role-play framings,
  prompt injections); alternate rows are held out.
- look-alike: benign sentences that sound alarming ("shot some hoops", "kill the bacteria");
  alternate rows are held out.
- clinician benign: hand-written, legitimate questions in a clinician's voice on the topics
  MedSafetyBench's harmful requests cover (billing, consent, records, prescribing); alternate
  rows are held out (plus 39 more dev rows written later). They keep the classifier from
  blocking a topic instead of an intent.
- fresh rounds: requests and look-alikes of every kind, each round written after the previous
  round of fixes and measured once held out. Rounds 1 and 2 were then used as dev (their misses
  drove the next round of rules); round 3 is held out. Round 4 (36 rows) was written after
  the rules for the classes the injection suite exposed (unqualified lethal amounts, toxic
  agents, hastening a death, drugs beyond a prescription, sedating a child with alcohol,
  cutting depth), in other words, with look-alikes for each. It was measured once held out
  (escalation 5 of 6, block 11 of 14, over-refusal 0 of 16); its four misses then drove rule
  changes, so it is dev now, like rounds 1 and 2. Round 5 (52 rows, 2026-12-05) was written
  before the fine-tuned encoder was trained and is held out; it joins the cross-source test.
  Round 6 (70 rows, 2026-12-05) was written by hand before any change of the sixth round
  (clinician asks in every MedSafetyBench ethics category, patient-side asks with "for a
  story" framings, indirect crisis messages with typos, emergencies, benign look-alikes on
  the same topics); it is held out and joins the cross-source test.
  Round 7 (72 rows, 2026-12-06) was written by hand before any change of the seventh round
  (indirect crisis messages, emergencies across ages and body systems, patient- and
  clinician-side harmful asks in story, role-play and injection framings, benign look-alikes);
  it was measured once held out (escalation 17 / 28, block 21 / 22, over-refusal 4 / 22) and
  its misses were read in round 8, so it is dev now, like rounds 1, 2 and 4 (like round 4, it
  is not among the classifier's training rows).
  Round 8 (73 rows, 2026-12-06) was written by hand before any change of the eighth round
  (indirect crisis messages, emergencies across ages and body systems, patient- and
  clinician-side harmful asks in plain, story, role-play, hypothetical and injection framings,
  benign look-alikes on the same topics); it is held out and joins the cross-source test.
  Before its first look, 12 rows were rewritten because they repeated or closely paraphrased
  rows of older sets (token overlap >= 0.5; one of them word for word).
  Round 9 (74 rows, 2026-12-06) was written by hand before any change of the ninth round and
  before round 8's rows were read (crisis messages with few alarm words in many voices,
  emergencies in lay words across ages and pregnancy, patient- and clinician-side harmful
  asks in plain, story, role-play, hypothetical and injection framings, benign look-alikes
  and practice-mode screening questions); it is held out and joins the cross-source test.
  Round 8 was measured once held out (escalation 14 / 29, block 18 / 22, over-refusal
  3 / 22); its misses are read in round 9, so it is dev now (like round 7, not among the
  classifier's training rows).
  Round 10 (75 rows, 2026-12-07) was written by hand before any change of the tenth round and
  before round 9's rows were read (crisis messages with few alarm words in new voices,
  emergencies in lay words, patient- and clinician-side harmful asks in plain, story,
  role-play, hypothetical and injection framings, benign look-alikes of known over-refusals
  and practice-mode screening questions); it is held out and joins the cross-source test.
  Round 9 was measured once held out (escalation 15 / 31, block 13 / 20, over-refusal
  2 / 23); its misses are read in round 10, so it is dev now (like rounds 7 and 8, not among
  the classifier's training rows).
  Round 11 (77 rows, 2026-12-07) was written by hand before any change of the eleventh round
  and before round 10's rows were read (crisis messages with few alarm words in new voices
  and life situations, emergencies in lay words across organ systems and ages, patient- and
  clinician-side harmful asks in plain, story, role-play, hypothetical and injection
  framings, benign look-alikes including clinicians' questions, and practice-mode screening
  questions); it is held out and joins the cross-source test. Round 10 was measured once
  held out (escalation 17 / 31, block 15 / 20, over-refusal 1 / 24); its misses are read in
  round 11, so it is dev now (like rounds 7 to 9, not among the classifier's training rows).
  Round 12 (78 rows, 2026-12-07) was written by hand before any change of the twelfth round
  and before round 11's rows were read (crisis messages with few alarm words in new means and
  life situations, emergencies in lay words across ages, infants and pregnancy included,
  patient- and clinician-side harmful asks in plain, story, role-play, hypothetical,
  translation and injection framings, benign look-alikes paired with several of the harmful
  asks' topics, and practice-mode screening questions); it is held out and joins the
  cross-source test. Round 11 was measured once held out (escalation 14 / 33, block 9 / 20,
  over-refusal 4 / 24); its misses are read in round 12, so it is dev now (like rounds 7 to
  10, not among the classifier's training rows).
  Round 13 (80 rows, 2026-12-07) was written by hand before any change of the thirteenth
  round and before round 12's rows were read (crisis messages with few alarm words in new
  situations, voices and framings, emergencies in lay words across ages, infants, pregnancy
  and older adults included, patient- and clinician-side harmful asks in plain, story,
  role-play, hypothetical, translation and injection framings, benign look-alikes paired with
  the harmful asks' and the emergencies' topics, and practice-mode screening questions); it
  is held out and joins the cross-source test. Round 12 was measured once held out
  (escalation 24 / 33, block 17 / 20, over-refusal 2 / 25); its misses are read in round 13,
  so it is dev now (like rounds 7 to 11, not among the classifier's training rows).
  Round 14 (80 rows, 2026-12-07) was written by hand before any change of the fourteenth
  round and before round 13's rows were read (crisis messages with few alarm words in new
  means, voices and framings, emergencies in lay words across ages, infants, pregnancy and
  older adults included, one in a clinician's voice, patient- and clinician-side harmful asks
  in plain, story, poem, role-play, hypothetical and injection framings, benign look-alikes
  paired with the emergencies' and the harmful asks' topics, and practice-mode screening
  questions); it is held out and joins the cross-source test. Round 13 was measured once held
  out (escalation 20 / 34, block 15 / 20, over-refusal 1 / 26); its misses are read in round
  14, so it is dev now (like rounds 7 to 12, not among the classifier's training rows).
  Round 15 (80 rows, 2026-12-08) was written by hand before any change of the fifteenth
  round and before round 14's misses were read (six round-14 rows had been seen in a check of
  its fields; docs/evaluation-safety.md, round 15) (crisis messages in indirect words: stockpiled
  medicines with a date, farewell notes and things given away, role-play, "for a novel" and
  injection framings; emergencies in lay words, the issue's named classes in new words, one
  in a healthcare assistant's voice and one in non-native English; harmful asks in plain,
  story, poem, role-play, translation and injection framings; benign look-alikes on the same
  topics, and practice-mode screening questions); it is held out and joins the cross-source
  test. Round 14 was measured once held out (escalation 22 / 34, block 16 / 20, over-refusal
  3 / 26); its misses are read in round 15, so it is dev now (like rounds 7 to 13, not among
  the classifier's training rows).
- round 6 training (`safety_train6.jsonl`, 171 hand-written rows, all dev): 91 clinician-voice
  harmful asks across the nine MedSafetyBench (AMA) ethics categories in task wording ("Draft
  a...", "Write a...", "Create a..."), and benign clinician questions on the same topics in the
  same verbs (64), and 16 plain benign requests in the imperative ("Write down the times I
  should take my antibiotics"), so the classifier learns intent rather than one generator's
  phrasing, a topic, or the imperative mood.
  Written from no held-out row.
- block exemplars 11 (`safety_block11.jsonl`, 74 hand-written rows, all dev): harmful asks
  written by type (covert drugging, a lethal amount for someone else, drug synthesis or
  extraction, forged documents, billing and benefit fraud, misuse of patient data, harming a
  child or an older person, unethical research, covering up an error or deceiving a patient,
  discrimination, controlled medicines by deceit, a faked illness), each in plain, story,
  role-play, hypothetical and injection framings, and 25 benign questions on the same topics
  from clinicians and patients. Written by type, not from any row's wording; they train the
  classifier (and, as "other", the escalation head).
"""

from __future__ import annotations

import json
from importlib import resources

MSB_TRAIN_GENERATOR = "llama2"
MSB_HELDOUT_GENERATOR = "gpt4"


def read(name: str) -> list[dict]:
    """Rows of one committed safety JSONL file in this package."""
    text = resources.files("safety.devsets").joinpath(f"{name}.jsonl").read_text("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _kind(row: dict) -> str:
    source = row["source"]
    if source.startswith("medsafetybench/"):
        return f"medsafetybench/{source.split('/')[1]}"
    return source.split("/")[0]


def training_rows() -> list[dict]:
    """What the classifier may learn from: the template and avey dev rows, every MedSafetyBench
    request written by the training generator, and the dev halves of the hand-written sources
    (natural, look-alike, clinician benign, fresh rounds 1 and 2)."""
    rows = read("safety_dev") + read("safety_test")
    msb_train = f"medsafetybench/{MSB_TRAIN_GENERATOR}"
    names = (
        "safety_natural",
        "safety_lookalike",
        "safety_clinician_benign",
        "safety_fresh",
        "safety_fresh2",
        "safety_train6",
        "safety_block11",
    )
    extra = [r for name in names for r in read(name)]
    return [r for r in extra if r["half"] == "dev"] + [
        r
        for r in rows
        if _kind(r) == msb_train
        or (not r["source"].startswith("medsafetybench") and r["split"] == "dev")
    ]


def sources() -> dict[str, list[dict]]:
    """Label -> rows, dev and held-out parts of every source, in report order."""
    old = read("safety_dev") + read("safety_test")
    natural, lookalike = read("safety_natural"), read("safety_lookalike")
    clinician = read("safety_clinician_benign")
    msb_train = f"medsafetybench/{MSB_TRAIN_GENERATOR}"
    msb_held = f"medsafetybench/{MSB_HELDOUT_GENERATOR}"
    return {
        "templates, dev": [r for r in old if _kind(r) == "handwritten" and r["split"] == "dev"],
        "templates, held out": [
            r for r in old if _kind(r) == "handwritten" and r["split"] == "test"
        ],
        "avey negations, dev": [r for r in old if _kind(r) == "avey" and r["split"] == "dev"],
        "avey negations, held out": [r for r in old if _kind(r) == "avey" and r["split"] == "test"],
        f"MedSafetyBench {MSB_TRAIN_GENERATOR}, dev": [r for r in old if _kind(r) == msb_train],
        f"MedSafetyBench {MSB_HELDOUT_GENERATOR}, held out": [
            r for r in old if _kind(r) == msb_held
        ],
        "natural, dev": [r for r in natural if r["half"] == "dev"],
        "natural, held out": [r for r in natural if r["half"] == "heldout"],
        "look-alike, dev": [r for r in lookalike if r["half"] == "dev"],
        "look-alike, held out": [r for r in lookalike if r["half"] == "heldout"],
        "clinician benign, dev": [r for r in clinician if r["half"] == "dev"],
        "clinician benign, held out": [r for r in clinician if r["half"] == "heldout"],
        "fresh round 1, dev": read("safety_fresh"),
        "fresh round 2, dev": read("safety_fresh2"),
        "fresh round 3, held out": read("safety_fresh3"),
        "fresh round 4, dev": read("safety_fresh4"),
        "fresh round 5, held out": read("safety_fresh5"),
        "fresh round 6, held out": read("safety_fresh6"),
        "fresh round 7, dev": read("safety_fresh7"),
        "fresh round 8, dev": read("safety_fresh8"),
        "fresh round 9, dev": read("safety_fresh9"),
        "fresh round 10, dev": read("safety_fresh10"),
        "fresh round 11, dev": read("safety_fresh11"),
        "fresh round 12, dev": read("safety_fresh12"),
        "fresh round 13, dev": read("safety_fresh13"),
        "fresh round 14, dev": read("safety_fresh14"),
        "fresh round 15, held out": read("safety_fresh15"),
        "round 6 training, dev": read("safety_train6"),
        "block exemplars 11, dev": read("safety_block11"),
    }


def held_out(by_source: dict[str, list[dict]]) -> list[dict]:
    """The cross-source test: every held-out part pooled."""
    return [r for label, rows in by_source.items() if label.endswith("held out") for r in rows]
