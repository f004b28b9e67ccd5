"""The safety policy: a validated YAML file, loaded strictly.

A broken policy is a hard error (`PolicyError`) naming the file and the problem; there is no
silent fallback to defaults. The packaged default lives in `safety/data/policy.yaml` and is
overridden by path: MedChat passes its `MEDCHAT_SAFETY_POLICY` setting in (`safety` reads no
environment).
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from safety.errors import PolicyError
from safety.types import Action as Action  # re-exported: the policy's action names
from safety.types import Mode


@functools.lru_cache(maxsize=4096)
def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile` with a cache that holds every rule pattern: the default policy has over
    1,100 distinct patterns (validated plain, then compiled case-insensitive), more than `re`'s
    own cache of 512, so each `SafetyFilter()` compiled every one of them again (most of its
    construction time). Compiled patterns are immutable, so sharing one is the same as
    compiling it anew; a bad pattern raises `re.error` as before and is not cached."""
    return re.compile(pattern, flags)


POLICY_MODES = frozenset(m.policy_mode for m in Mode)
"""The modes a policy file configures (autoplay is checked as selfplay)."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RegionMessages(_Strict):
    """Fixed texts shown at once on escalation, per region (numbers differ by country)."""

    emergency: str = Field(min_length=20)
    crisis: str = Field(min_length=20)


class ModePolicy(_Strict):
    """Per-mode switches: practice treats screening questions to the patient as history taking."""

    screening_questions_allowed: bool = False
    check_harmful_asks: bool = True


class Rule(_Strict):
    """One lexicon rule: every `all` group must match (un-negated); any `none` pattern vetoes."""

    id: str
    category: str
    action: Literal["escalate", "block"]
    all: list[str] = Field(min_length=1)
    none: list[str] = []
    personal: bool = False
    directions: list[Literal["input", "output"]] = ["input"]
    negation: Literal["all_groups", "first_group", "none"] = "all_groups"
    """`first_group`: only the first group (the act asked for) must be un-negated; the later
    groups name who or what it concerns, and a "don't" in the ask itself ("chemists that don't
    ask questions ... paracetamol") does not negate them. `none`: no group is checked for
    negation (round 8: a plan stated after a negated clause, "I don't see a way forward and
    I've worked out how I'd do it")."""

    @field_validator("all", "none")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for p in patterns:
            try:
                compile_pattern(p)
            except re.error as exc:
                raise ValueError(f"bad regex {p!r}: {exc}") from None
        return patterns


class ClassifierPolicy(_Strict):
    enabled: bool = True
    kind: Literal["embedding", "encoder"] = "embedding"
    """`embedding`: logistic regression on frozen MiniLM embeddings and word n-grams
    (`classifier.npz`); `encoder`: MiniLM with its last layer fine-tuned (`encoder.npz`).
    The thresholds below belong to the kind: each was chosen by cross-validation for its own."""
    weights: str = "classifier.npz"
    block_threshold: float = Field(0.9, gt=0, le=1)
    block_threshold_with_marker: float = Field(0.4, gt=0, le=1)
    escalate_threshold: float = Field(0.8, gt=0, le=1)
    intent_markers: list[str] = []
    intent_reversals: list[str] = []
    """Phrases that name a harm to prevent ("avoid discriminating", "reduce billing errors"):
    removed before the marker search, so they do not lower the block threshold."""

    @field_validator("intent_markers", "intent_reversals")
    @classmethod
    def _markers_compile(cls, patterns: list[str]) -> list[str]:
        return Rule._compiles(patterns)


class EscalationHeadPolicy(_Strict):
    """The semantic escalation head (`safety/policy/escalation.py`): it escalates a message the
    rules and the classifier allowed when p(emergency) or p(self_harm) reaches its threshold and
    no denial cue matches. Thresholds chosen by leave-one-source-out scoring on dev sources."""

    enabled: bool = True
    weights: str = "escalation.npz"
    emergency_threshold: float = Field(0.9, gt=0, le=1)
    self_harm_threshold: float = Field(0.95, gt=0, le=1)
    neighbours: int = Field(5, ge=1)
    min_escalating_neighbours: int = Field(0, ge=0)
    """Agreement from the training rows: the head escalates only when at least this many of the
    `neighbours` training rows nearest to the message (cosine) are escalations. It keeps the
    logistic head from extrapolating to text unlike anything it was trained on."""
    modes: list[Mode] = [Mode.CONSULT]
    """Where the head runs. Consult only by default: there a person describes their own
    situation; in practice mode the input is a student's questions to a simulated patient, and
    in selfplay another model's turn, which its training data does not cover."""
    denial_cues: list[str] = []

    @field_validator("denial_cues")
    @classmethod
    def _denials_compile(cls, patterns: list[str]) -> list[str]:
        return Rule._compiles(patterns)


class GuardPolicy(_Strict):
    """Where a guard model decides: classifier scores inside these half-open bands
    [low, high). Outside them the classifier's own decision stands without a model call."""

    block_band: tuple[float, float] = (0.1, 0.9)
    escalate_band: tuple[float, float] = (0.2, 0.95)

    @field_validator("block_band", "escalate_band")
    @classmethod
    def _ordered(cls, band: tuple[float, float]) -> tuple[float, float]:
        low, high = band
        if not 0 <= low <= high <= 1:
            raise ValueError(f"band {list(band)} must satisfy 0 <= low <= high <= 1")
        return band


class Policy(_Strict):
    version: Literal[1]
    region: str
    regions: dict[str, RegionMessages]
    modes: dict[Mode, ModePolicy]
    classifier: ClassifierPolicy = ClassifierPolicy()
    escalation_head: EscalationHeadPolicy | None = None
    """Absent: no head (the behaviour before round 7)."""
    guard: GuardPolicy = GuardPolicy()
    escalation_phrases: list[str] = Field(min_length=1)
    negation_cues: list[str] = Field(min_length=1)
    general_question_cues: list[str] = []
    self_directed_cues: list[str] = []
    """Words that aim a harm at the writer ("myself"): with one of them a self-harm escalation
    wins over any block rule, so a person at risk gets the crisis message, not a refusal."""
    rules: list[Rule] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Policy:
        if self.region not in self.regions:
            raise ValueError(
                f"region {self.region!r} has no messages; defined regions: "
                f"{', '.join(sorted(self.regions))}"
            )
        missing = POLICY_MODES - set(self.modes)
        if missing:
            raise ValueError(f"modes missing: {', '.join(sorted(missing))}")
        extra = set(self.modes) - POLICY_MODES
        if extra:
            raise ValueError(
                f"modes {', '.join(sorted(extra))} are checked as selfplay; remove them"
            )
        ids = [r.id for r in self.rules]
        dupes = {i for i in ids if ids.count(i) > 1}
        if dupes:
            raise ValueError(f"duplicate rule ids: {', '.join(sorted(dupes))}")
        return self

    def messages(self, region: str | None = None) -> RegionMessages:
        return self.regions[region or self.region]


def default_policy_path() -> Path:
    """The packaged policy."""
    return Path(str(resources.files("safety.data").joinpath("policy.yaml")))


def load_policy(path: str | Path | None = None) -> Policy:
    """Load and validate a policy file; any problem raises PolicyError naming the file."""
    path = Path(path) if path is not None else default_policy_path()
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise PolicyError(f"{path}: cannot read policy file ({exc.strerror}).") from None
    except yaml.YAMLError as exc:
        raise PolicyError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(raw, dict):
        raise PolicyError(f"{path}: expected a mapping at top level, got {type(raw).__name__}.")
    try:
        return Policy.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '<root>'}: {err['msg']}"
            for err in exc.errors()
        )
        raise PolicyError(f"{path}: invalid policy: {problems}") from None
