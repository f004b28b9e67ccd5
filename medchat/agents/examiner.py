"""The examiner: reports a case's examination findings and test results on request.

Answers come only from the case: a listed system or test is "found"; an examination the case does
not list is "normal" (cases list what is abnormal or relevant); a test it does not list is "not
available", never an invented result. Alias rules catch the usual shorthands (FBC, U&E, CXR, BP);
MiniLM embeddings catch the rest ("acetylcholine receptor antibody test"). The alias, system and
site tables are `medchat.clinical.exams`, shared with the OSCE checklist matcher.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

import numpy as np

from medchat.clinical.encoder import Encoder, embed, get_encoder
from medchat.clinical.exams import EXAM_SYSTEMS, SITES, SPECIMENS, TEST_ALIASES, TEST_WORDS, VITALS
from medchat.personas.schema import ExamSystem, Persona


@dataclass(frozen=True)
class ExaminerResult:
    """One answer: `name` is the exam system or test, `finding` the text to show the doctor."""

    kind: Literal["exam", "test"]
    name: str
    finding: str
    status: Literal["found", "normal", "not_available"]


def _norm(text: str) -> str:
    return " " + re.sub(r"[^a-z0-9&]+", " ", text.lower()).strip() + " "


def _shorthands(text: str) -> list[tuple[str, int]]:
    """(canonical test, length of the alias found) for each shorthand in `text`, longest first."""
    norm = _norm(text)
    hits = []
    for canonical, aliases in TEST_ALIASES.items():
        found = [len(alias) for alias in aliases if _norm(alias) in norm]
        if found:
            hits.append((canonical, max(found)))
    return sorted(hits, key=lambda hit: (-hit[1], hit[0]))


def _canonical_tests(text: str) -> list[str]:
    """Canonical test names whose aliases occur in `text`, most specific first."""
    return [canonical for canonical, _ in _shorthands(text)]


def _site_ok(request: str, test_text: str) -> bool:
    """False when the request names a specimen the test lacks, or a site it contradicts."""
    asked, have = request.lower(), test_text.lower()
    if any(re.search(sp, asked) and not re.search(sp, have) for sp in SPECIMENS):
        return False
    names_a_site = any(re.search(site, have) for site in SITES)
    return not any(
        re.search(site, asked) and not re.search(site, have) and names_a_site for site in SITES
    )


def _exam_systems(text: str) -> list[ExamSystem]:
    lowered = text.lower()
    return [system for pattern, system in EXAM_SYSTEMS if re.search(pattern, lowered)]


class Examiner:
    """Map a free-text examination or test request to the case's finding."""

    def __init__(self, encoder: Encoder | None = None, min_score: float = 0.65):
        self._encoder = encoder
        self.min_score = min_score
        self._cache: dict[tuple[str, ...], np.ndarray] = {}

    @property
    def encoder(self) -> Encoder:
        if self._encoder is None:
            self._encoder = get_encoder()
        return self._encoder

    def respond(self, persona: Persona, request: str) -> ExaminerResult:
        """The case's answer to one request; never a finding the case does not hold."""
        shorthands = _shorthands(request)
        wanted = [canonical for canonical, _ in shorthands]
        test = self._match_test(persona, request, shorthands)
        if test is not None:
            return ExaminerResult("test", test, persona.tests[test].result, "found")
        systems = [] if wanted else _exam_systems(request)
        if systems:
            return self._exam(persona, request, systems)
        best = self._nearest(persona, request, shorthand=bool(wanted))
        if best is not None:
            kind, name = best
            if kind == "test":
                return ExaminerResult("test", name, persona.tests[name].result, "found")
            return self._exam(persona, request, [ExamSystem(name)])
        if wanted or re.search(TEST_WORDS, request.lower()):
            name = wanted[0] if wanted else request.strip()
            finding = "Not available for this case."  # shown after the name, as every finding
            return ExaminerResult("test", name, finding, "not_available")
        return ExaminerResult("exam", request.strip(), "No abnormality detected.", "normal")

    def respond_all(self, persona: Persona, request: str) -> list[ExaminerResult]:
        """Answer a list request ("FBC, U&E and CRP please") item by item, without repeats."""
        parts = [p.strip() for p in re.split(r",|;|\band\b|\bplus\b|\n", request) if p.strip()]
        results: list[ExaminerResult] = []
        for part in parts or [request]:
            result = self.respond(persona, part)
            if result not in results:
                results.append(result)
        return results

    def _match_test(
        self, persona: Persona, request: str, shorthands: list[tuple[str, int]]
    ) -> str | None:
        """A listed test named in the request, by its own name, an alias, or the shorthand."""
        norm = _norm(request)
        wanted, wanted_len = shorthands[0] if shorthands else (None, 0)
        tests = [
            (name, result)
            for name, result in persona.tests.items()
            if _site_ok(request, " ".join([name, *result.aliases, result.result]))
        ]
        # 1. the doctor used the case's own name or alias ("MSU" -> the urine culture), as long
        #    as it is at least as specific as their shorthand ("CT head" is not a case's "CT")
        for name, result in tests:
            if any(
                _norm(label) in norm and len(label) >= wanted_len
                for label in (name, *result.aliases)
            ):
                return name
        # 2. the same shorthand as the test's own name; not its aliases: "protein creatinine
        #    ratio" must not turn a urinalysis into U&E
        for name, _result in tests:
            if wanted and wanted in _canonical_tests(name)[:1]:
                return name
        return None

    def _nearest(
        self, persona: Persona, request: str, shorthand: bool = False
    ) -> tuple[str, str] | None:
        """The closest listed test or system by embedding, if close enough.

        When the request used a known shorthand (`shorthand`), only tests without one compete:
        the ones with a shorthand were already compared exactly, and an embedding would happily
        map "CT head" onto an abdominal "CT".
        """
        options: list[tuple[str, str, str]] = []
        for name, result in persona.tests.items():
            labels = (name, *result.aliases)
            if shorthand and any(_canonical_tests(label) for label in labels):
                continue
            if not _site_ok(request, " ".join([*labels, result.result])):
                continue
            options += [("test", name, label) for label in labels]
        for system in [] if shorthand else persona.examination:
            options.append(("exam", system.value, f"examine the {system.value.replace('_', ' ')}"))
        if not options:
            return None
        labels = tuple(label for _, _, label in options)
        if labels not in self._cache:  # once per case and kind of request
            self._cache[labels] = embed(self.encoder, list(labels))
        scores = self._cache[labels] @ embed(self.encoder, [request])[0]
        best = int(scores.argmax())
        if scores[best] < self.min_score:
            return None
        return options[best][0], options[best][1]

    def _exam(self, persona: Persona, request: str, systems: list[ExamSystem]) -> ExaminerResult:
        for system in systems:
            finding = persona.examination.get(system)
            if finding is not None:
                if system == ExamSystem.VITAL_SIGNS:
                    finding = _pick_vital(request, finding)
                return ExaminerResult("exam", system.value, finding, "found")
        system = systems[0]
        what = "ENT" if system == ExamSystem.ENT else system.value.replace("_", " ").capitalize()
        finding = f"{what}: no abnormality detected."
        return ExaminerResult("exam", system.value, finding, "normal")


def _pick_vital(request: str, vitals: str) -> str:
    """'check her blood pressure' -> just the BP part of the vital signs, when it is there."""
    lowered = request.lower()
    parts = [p.strip() for p in re.split(r"[;,]\s*", vitals) if p.strip()]
    for pattern, label in VITALS:
        if re.search(pattern, lowered):
            picked = [p for p in parts if re.search(label, p.lower())]
            if picked:
                return "; ".join(picked)
    return vitals
