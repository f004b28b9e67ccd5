"""The mode-aware safety filter: rules first, then the embedding classifier, then an optional
guard model. Every verdict says which layer decided and why.

Input side (what the person typed): emergencies and self-harm escalate, harmful asks block,
and in practice mode a student's screening questions ("have you thought of harming yourself?")
are history taking, not risk. Output side: the doctor model's text is checked for harmful
instructions and for a missing escalation after red flags; the patient model's for diagnosis
leakage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from safety.errors import SafetyError, UnknownNameError
from safety.policy.classifier import EmbeddingClassifier, Scores
from safety.policy.config import Policy, load_policy
from safety.policy.encoder import EncoderClassifier
from safety.policy.escalation import EscalationHead, compile_denials
from safety.policy.leakage import find_term
from safety.policy.rules import RuleSet
from safety.types import ALLOW as ALLOW  # re-exported with Verdict for the filter's callers
from safety.types import Action, Mode
from safety.types import Verdict as Verdict

SCREENING = re.compile(
    r"^\s*(?:have|has|do|does|did|are|is|were|was|when|how|what|any|ever|could|would|can)\b.*"
    r"\byou(?:r|rself|'ve|'re)?\b|\byou(?:r|rself)?\b.*\?\s*$",
    re.IGNORECASE | re.DOTALL,
)
ESCALATE_CATEGORIES = ("emergency", "self_harm")
CLASSIFIERS = {"embedding": EmbeddingClassifier, "encoder": EncoderClassifier}
"""The policy's `classifier.kind` -> the class that loads its weights (both have `score`)."""


@dataclass(frozen=True)
class OutputContext:
    """What the output check needs to know about the conversation so far.

    `speaker` defaults from the mode (consult: doctor, practice: patient) and is required in
    selfplay. `red_flags` are the categories escalated earlier in the conversation.
    """

    speaker: str | None = None
    red_flags: frozenset[str] = field(default_factory=frozenset)
    hidden_diagnosis: str | None = None
    diagnosis_synonyms: tuple[str, ...] = ()
    instructions: str | None = None
    """The speaker's own system prompt: a reply quoting a run of it is a disclosure."""


QUOTE_WORDS = 7
"""Consecutive words shared with the instructions that count as quoting them; shorter runs
("I'd like to examine your chest") are ordinary speech."""
_WORDS = re.compile(r"<[A-Z][A-Z_]*_\d+>|[A-Za-z0-9']+")


def _tokens(text: str) -> list[str]:
    """Lower-cased words; a scrubber tag (`<PERSON_1>`) becomes `*`, which matches any word, so
    a recited "Dr. Reed" scrubbed to "Dr. <PERSON_1>" still counts as recited."""
    return ["*" if w.startswith("<") else w.lower() for w in _WORDS.findall(text)]


@lru_cache(maxsize=8)
def _source_windows(source: str, run: int) -> tuple[tuple[tuple[str, ...], ...], frozenset]:
    """The instructions' word windows, built once: the stream re-checks every sentence against
    the same system prompt."""
    words = [w for w in _tokens(source) if w != "*"]
    windows = tuple(tuple(words[i : i + run]) for i in range(len(words) - run + 1))
    return windows, frozenset(windows)


def quotes(text: str, source: str, run: int = QUOTE_WORDS) -> bool:
    """True when `text` repeats `run` consecutive words of `source` (case and punctuation
    ignored), the way a model recites its prompt when asked to "repeat everything above"."""
    windows, grams = _source_windows(source, run)
    said = _tokens(text)
    for i in range(len(said) - run + 1):
        window = tuple(said[i : i + run])
        if "*" not in window:
            if window in grams:
                return True
        elif window.count("*") <= 2 and any(
            all(a in ("*", b) for a, b in zip(window, g, strict=True)) for g in windows
        ):  # at most two replaced words, so a row of tags alone never matches
            return True
    return False


class GuardModel:
    """Hook for a guard model: one method. With the classifier on, the filter consults it only
    for scores inside the policy's `guard` bands, and its answer (an allow included) decides
    there; with the classifier off, after the rules allow. `safety.policy.guard.ModelGuard`
    asks any chat model."""

    def check(self, text: str, mode: Mode, direction: str) -> Verdict | None:
        """A verdict (an allow means "safe", and clears a classifier block inside the band), or
        None for no opinion, which leaves the rules' and classifier's decision in place."""
        raise NotImplementedError


def parse_mode(mode: str | Mode) -> Mode:
    """The policy Mode for a mode or its name (autoplay is checked as selfplay); the error lists
    the valid names."""
    try:
        return Mode(mode).policy_mode
    except ValueError:
        raise UnknownNameError(
            f"unknown mode {mode!r}; valid modes: {', '.join(m.value for m in Mode)}"
        ) from None


class SafetyFilter:
    """Checks input and output turns against a policy; cheap rules first, then the classifier."""

    def __init__(
        self,
        policy: Policy | str | Path | None = None,
        classifier: EmbeddingClassifier | EncoderClassifier | bool | None = None,
        guard: GuardModel | None = None,
        region: str | None = None,
        escalation_head: EscalationHead | bool | None = None,
    ) -> None:
        self.policy = policy if isinstance(policy, Policy) else load_policy(policy)
        self.rules = RuleSet(self.policy)
        if classifier is None or classifier is True:
            cfg = self.policy.classifier
            classifier = CLASSIFIERS[cfg.kind].load(cfg.weights) if cfg.enabled else None
        self.classifier = classifier or None
        head_cfg = self.policy.escalation_head
        if escalation_head is None or escalation_head is True:
            enabled = head_cfg is not None and head_cfg.enabled and self.classifier is not None
            escalation_head = EscalationHead.load(head_cfg.weights) if enabled else None
        self.escalation_head = escalation_head or None
        self._denial = compile_denials(head_cfg.denial_cues) if head_cfg else None
        self.guard = guard
        if region is not None and region not in self.policy.regions:
            valid = ", ".join(sorted(self.policy.regions))
            raise UnknownNameError(f"unknown region {region!r}; valid regions: {valid}")
        self.messages = self.policy.messages(region)
        self._escalation = re.compile("|".join(self.policy.escalation_phrases), re.IGNORECASE)
        cues = self.policy.self_directed_cues or [r"(?!)"]
        self._self_directed = re.compile("|".join(cues), re.IGNORECASE)
        markers = self.policy.classifier.intent_markers
        self._intent = re.compile("|".join(markers), re.IGNORECASE) if markers else None
        reversals = self.policy.classifier.intent_reversals
        self._reversal = re.compile("|".join(reversals), re.IGNORECASE) if reversals else None

    def _escalate(self, category: str, reason: str, layer: str) -> Verdict:
        text = self.messages.crisis if category == "self_harm" else self.messages.emergency
        return Verdict(Action.ESCALATE, category, reason, text, layer)

    def check_input(self, text: str, mode: str | Mode = Mode.CONSULT) -> Verdict:
        """Verdict on what the person (or the other agent, in selfplay) just said."""
        mode = parse_mode(mode)
        screening = self.policy.modes[mode].screening_questions_allowed and bool(
            SCREENING.search(text)
        )
        hits = self.rules.hits(text, "input")
        if not screening and self._self_directed.search(text):
            for hit in hits:
                if hit.action == "escalate" and hit.category == "self_harm":
                    return self._escalate(hit.category, f"rule {hit.rule_id}", "rules")
        for hit in hits:
            if hit.action == "block" and self.policy.modes[mode].check_harmful_asks:
                return Verdict(Action.BLOCK, hit.category, f"rule {hit.rule_id}", "", "rules")
        for hit in hits:
            if hit.action == "escalate" and not screening:
                return self._escalate(hit.category, f"rule {hit.rule_id}", "rules")
        if self.classifier is None:
            return self._ask_guard(text, mode, "input")
        embedding = None
        head = self._head_runs(mode, screening)
        if head and isinstance(self.classifier, EmbeddingClassifier):
            embedding = self.classifier.embedder([text])[0]
            scores = self.classifier.score_embedding(text, embedding)
        else:
            scores = self.classifier.score(text)
        verdict = self._classify(text, mode, screening, scores)
        if verdict is None and head:
            verdict = self._head_escalation(text, embedding)
        if self.guard is not None and self._unsure(scores):
            guarded = self._guarded(text, mode, screening, scores)
            if guarded is not None:
                return guarded
        return verdict or ALLOW

    def _unsure(self, s: Scores) -> bool:
        """The classifier's scores fall in a band where the guard model decides."""
        (b_low, b_high), (e_low, e_high) = (
            self.policy.guard.block_band,
            self.policy.guard.escalate_band,
        )
        return b_low <= s.block < b_high or e_low <= s.escalate < e_high

    def _guarded(self, text: str, mode: Mode, screening: bool, s: Scores) -> Verdict | None:
        """The guard's answer as this mode's verdict; None when it gave none."""
        answer = self.guard.check(text, mode, "input")
        if answer is None:
            return None
        scores = f"classifier p(block)={s.block:.2f} p(escalate)={s.escalate:.2f}"
        if answer.action is Action.BLOCK and self.policy.modes[mode].check_harmful_asks:
            why = f"{answer.reason}; {scores}"
            return Verdict(Action.BLOCK, answer.category, why, "", "guard")
        if answer.action is Action.ESCALATE and not screening:
            return self._escalate(answer.category, f"{answer.reason}; {scores}", "guard")
        return Verdict(Action.ALLOW, "none", f"guard model: safe; {scores}", "", "guard")

    def _classify(self, text: str, mode: Mode, screening: bool, s: Scores) -> Verdict | None:
        cfg = self.policy.classifier
        marked = self._marked(text)
        threshold = cfg.block_threshold_with_marker if marked else cfg.block_threshold
        if s.block >= threshold and self.policy.modes[mode].check_harmful_asks:
            why = " with harmful-intent wording" if marked else ""
            return Verdict(
                Action.BLOCK,
                "harmful_request",
                f"classifier p(block)={s.block:.2f}{why}",
                "",
                "classifier",
            )
        negated = self.rules.negation.search(text) is not None
        if s.escalate >= cfg.escalate_threshold and not screening and not negated:
            category = "self_harm" if s.self_harm > s.emergency else "emergency"
            if category == "self_harm" and self._denial is not None and self._denial.search(text):
                return None  # risk denied or safety stated (the head's denial cues, round 8)
            return self._escalate(
                category,
                f"classifier p({category})={max(s.self_harm, s.emergency):.2f}",
                "classifier",
            )
        return None

    def _head_runs(self, mode: Mode, screening: bool) -> bool:
        cfg = self.policy.escalation_head
        return self.escalation_head is not None and not screening and mode in cfg.modes

    def _head_escalation(self, text: str, embedding) -> Verdict | None:
        """The semantic escalation head's verdict on a message everything else allowed."""
        cfg = self.policy.escalation_head
        if cfg is None or (self._denial is not None and self._denial.search(text)):
            return None  # before embedding: the encoder classifier computes none to share
        if embedding is None:
            from safety.policy.embeddings import embed

            embedding = embed([text])[0]
        found = self.escalation_head.decide(text, embedding, cfg, denial=None)  # checked above
        if found is None:
            return None
        category, p = found
        return self._escalate(category, f"escalation head p({category})={p:.2f}", "escalation_head")

    def _marked(self, text: str) -> bool:
        """Harmful-intent wording outside any phrase about preventing a harm."""
        if self._intent is None:
            return False
        if self._reversal is not None:
            text = self._reversal.sub(" ", text)
        return self._intent.search(text) is not None

    def _ask_guard(self, text: str, mode: Mode, direction: str) -> Verdict:
        if self.guard is not None:
            verdict = self.guard.check(text, mode, direction)
            if verdict is not None:
                return verdict
        return ALLOW

    def check_output(
        self, text: str, mode: str | Mode = Mode.CONSULT, context: OutputContext | None = None
    ) -> Verdict:
        """Verdict on a model's reply before anyone sees it."""
        mode = parse_mode(mode)
        context = context or OutputContext()
        speaker = context.speaker or {Mode.CONSULT: "doctor", Mode.PRACTICE: "patient"}.get(mode)
        if speaker not in ("doctor", "patient"):
            raise SafetyError(
                "check_output in selfplay needs OutputContext(speaker='doctor' or 'patient')."
            )
        for hit in self.rules.hits(text, "output"):
            if hit.action == "block":
                return Verdict(Action.BLOCK, hit.category, f"rule {hit.rule_id}", "", "rules")
        if context.instructions and quotes(text, context.instructions):
            return Verdict(
                Action.BLOCK,
                "prompt_disclosure",
                f"the reply repeats {QUOTE_WORDS}+ consecutive words of the {speaker}'s "
                "instructions",
                "",
                "context",
            )
        if speaker == "patient":
            if find_term(text, (context.hidden_diagnosis, *context.diagnosis_synonyms)):
                return Verdict(
                    Action.BLOCK,
                    "diagnosis_leakage",
                    "the simulated patient named its hidden diagnosis",
                    None,
                    "context",
                )
        elif context.red_flags and not self._escalation.search(text):
            flag = "self_harm" if "self_harm" in context.red_flags else "emergency"
            return self._escalate(
                flag,
                f"red flags ({', '.join(sorted(context.red_flags))}) raised but the reply "
                "gives no emergency or crisis advice; showing the fixed message",
                "context",
            )
        return self._ask_guard(text, mode, "output")
