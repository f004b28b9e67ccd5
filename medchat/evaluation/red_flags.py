"""Red-flag screening: did the student ask about, or examine for, each of the case's red flags?

A red flag ("Sweating, nausea and breathlessness with chest pain") is split into its parts; it
counts as screened when a closed question (or a part of one) is close to a part in MiniLM space
(cosine >= `RED_FLAG_MIN`); parts in clinical words are also tried in lay words (`LAY_TERMS`),
which MiniLM matches to students' questions far better. Parts that merely restate the presenting
complaint ("chest pain" in a chest pain case) are dropped first, or any question about the pain
would screen every flag.
Flags about the circulation (hypotension, tachycardia, shock) are screened by asking the
examiner for the vital signs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from medchat.clinical.encoder import Encoder, embed
from medchat.clinical.questions import is_open_question
from medchat.evaluation.checklist_match import canonical_tests, clauses, exam_systems
from medchat.evaluation.communication import is_question
from medchat.personas.schema import ExamSystem, Persona

RED_FLAG_MIN = 0.55
COMPLAINT_MAX = 0.55
"""A part at least this close to the title and opening statement is the presenting complaint."""
VITALS_FLAG = re.compile(
    r"haemodynamic|hemodynamic|hypotens|tachycard|shock|postural|blood pressure|instability"
)
_PARTS = re.compile(r",|;|\(|\)|\bor\b|\band\b|\bwith\b")
_PIECES = re.compile(r",|;|\bor\b")
# Case files name red flags in clinical words; MiniLM and students use lay ones.
LAY_TERMS: dict[str, str] = {
    r"haemoptysis|hemoptysis": "coughing up blood",
    r"haematemesis|hematemesis": "vomiting blood",
    r"melaena|melena": "black tarry stools",
    r"syncope": "fainting or blacking out",
    r"tachycardia": "fast heartbeat",
    r"hypotension": "low blood pressure",
    r"breathlessness|dyspnoea|dyspnea": "short of breath",
    r"saddle anaesthesia|saddle anesthesia": "numbness between the legs and around the bottom",
    r"pyrexia|fever": "high temperature",
    r"diplopia": "double vision",
    r"photophobia": "light hurting the eyes",
    r"meningism": "stiff neck",
    r"lymphadenopathy": "lumps or swollen glands",
    r"sciatica": "pain shooting down the legs",
    r"focal neurology": "weakness, numbness or speech problems",
    r"atrial fibrillation": "irregular heartbeat or palpitations",
    r"sweating": "sweaty or clammy",
    r"nausea": "feeling sick",
}


@dataclass(frozen=True)
class RedFlagResult:
    text: str
    present: bool
    """The case has it (True) or it is one to rule out (False)."""
    asked: bool
    evidence: str = ""


def parts(text: str) -> list[str]:
    """'Sweating, nausea and breathlessness with chest pain' -> its four parts, each also in
    lay words when it has clinical ones ("breathlessness" -> "short of breath")."""
    out = []
    for part in [p.strip() for p in _PARTS.split(text) if len(p.strip()) > 3] or [text]:
        out.append(part)
        lay = part.lower()
        for pattern, words in LAY_TERMS.items():
            lay = re.sub(pattern, words, lay)
        if lay != part.lower():
            out.append(lay)
    return out


def pieces(question: str) -> list[str]:
    """A question and its comma- or "or"-separated asks ("clammy, sick or out of breath")."""
    bits = [b.strip(" ?") for b in _PIECES.split(question) if len(b.strip(" ?")) > 3]
    return [question, *bits] if len(bits) > 1 else [question]


def screen(
    persona: Persona, questions: Sequence[str], requests: Sequence[str], encoder: Encoder
) -> list[RedFlagResult]:
    """One result per red flag of the case, in file order."""
    asked = [c for q in questions if is_question(q) and not is_open_question(q) for c in clauses(q)]
    exams = [r for r in requests if not canonical_tests(r)]
    vitals = next((r for r in exams if ExamSystem.VITAL_SIGNS in exam_systems(r)), "")
    candidates = [*asked, *exams]
    complaint = embed(encoder, [f"{persona.title}. {persona.opening_statement}"])[0]
    vectors = embed(encoder, candidates) if candidates else None
    out = []
    for flag in persona.red_flags:
        if vitals and VITALS_FLAG.search(flag.text.lower()):
            out.append(RedFlagResult(flag.text, flag.present, True, vitals))
            continue
        pieces = parts(flag.text)
        piece_vectors = embed(encoder, pieces)
        keep = piece_vectors @ complaint < COMPLAINT_MAX
        if keep.any():
            piece_vectors = piece_vectors[keep]
        evidence = ""
        if vectors is not None:
            scores = (piece_vectors @ vectors.T).max(axis=0)
            best = int(scores.argmax())
            evidence = candidates[best] if scores[best] >= RED_FLAG_MIN else ""
        out.append(RedFlagResult(flag.text, flag.present, bool(evidence), evidence))
    return out
