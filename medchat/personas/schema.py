"""The persona (simulated patient case) schema.

Every field is closed (`extra="forbid"`) and categorical fields are enums, so a typo in a case file
is a load error rather than a silently ignored key. `personas/README.md` documents each field.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=80)]
Text = Annotated[str, Field(min_length=1)]


class Specialty(StrEnum):
    CARDIOLOGY = "cardiology"
    RESPIRATORY = "respiratory"
    GASTROENTEROLOGY = "gastroenterology"
    NEUROLOGY = "neurology"
    PSYCHIATRY = "psychiatry"
    PAEDIATRICS = "paediatrics"
    OBSTETRICS_GYNAECOLOGY = "obstetrics_gynaecology"
    ENDOCRINOLOGY = "endocrinology"
    RENAL_UROLOGY = "renal_urology"
    MUSCULOSKELETAL = "musculoskeletal"
    INFECTIOUS_DISEASE = "infectious_disease"
    DERMATOLOGY = "dermatology"
    ENT_EYE = "ent_eye"
    HAEMATOLOGY_ONCOLOGY = "haematology_oncology"
    GENERAL = "general"


class Difficulty(StrEnum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


class Setting(StrEnum):
    PRIMARY_CARE = "primary_care"
    EMERGENCY = "emergency"
    OUTPATIENT = "outpatient"
    INPATIENT = "inpatient"
    ANTENATAL = "antenatal"
    TELEPHONE = "telephone"


class FactCategory(StrEnum):
    """SOCRATES elements of the presenting complaint, then the rest of a standard history."""

    HPC_SITE = "hpc_site"
    HPC_ONSET = "hpc_onset"
    HPC_CHARACTER = "hpc_character"
    HPC_RADIATION = "hpc_radiation"
    HPC_ASSOCIATED = "hpc_associated"
    HPC_TIMING = "hpc_timing"
    HPC_EXACERBATING_RELIEVING = "hpc_exacerbating_relieving"
    HPC_SEVERITY = "hpc_severity"
    PAST_HISTORY = "past_history"
    MEDICATIONS = "medications"
    ALLERGIES = "allergies"
    FAMILY = "family"
    SOCIAL = "social"
    SYSTEMS_REVIEW = "systems_review"
    IDEAS = "ideas"
    CONCERNS = "concerns"
    EXPECTATIONS = "expectations"


class ExamSystem(StrEnum):
    """Examination systems the examiner agent knows how to ask for."""

    GENERAL = "general"
    VITAL_SIGNS = "vital_signs"
    CARDIOVASCULAR = "cardiovascular"
    RESPIRATORY = "respiratory"
    ABDOMINAL = "abdominal"
    NEUROLOGICAL = "neurological"
    MUSCULOSKELETAL = "musculoskeletal"
    SKIN = "skin"
    HEAD_NECK = "head_neck"
    ENT = "ent"
    EYES = "eyes"
    MENTAL_STATE = "mental_state"
    BREAST = "breast"
    OBSTETRIC = "obstetric"
    GYNAECOLOGICAL = "gynaecological"
    GENITOURINARY = "genitourinary"
    RECTAL = "rectal"
    PERIPHERAL_VASCULAR = "peripheral_vascular"
    LYMPH_NODES = "lymph_nodes"


class ChecklistCategory(StrEnum):
    HISTORY = "history"
    EXAMINATION = "examination"
    INVESTIGATION = "investigation"
    COMMUNICATION = "communication"
    DIAGNOSIS = "diagnosis"
    MANAGEMENT = "management"


class Personality(StrEnum):
    COOPERATIVE = "cooperative"
    ANXIOUS = "anxious"
    STOIC = "stoic"
    TALKATIVE = "talkative"
    IRRITABLE = "irritable"
    GUARDED = "guarded"


class Level(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class LanguageProficiency(StrEnum):
    NATIVE = "native"
    FLUENT = "fluent"
    LIMITED = "limited"


class Recall(StrEnum):
    GOOD = "good"
    FAIR = "fair"
    POOR = "poor"


class EmotionalState(StrEnum):
    CALM = "calm"
    WORRIED = "worried"
    DISTRESSED = "distressed"
    LOW_MOOD = "low_mood"
    ANGRY = "angry"
    EMBARRASSED = "embarrassed"


class Confusion(StrEnum):
    NONE = "none"
    MILD = "mild"
    MODERATE = "moderate"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


class Demographics(_Model):
    name: Text = Field(description="Fictional full name.")
    age: int = Field(ge=0, le=110, description="Age in whole years (0 for babies).")
    age_text: str | None = Field(None, description='Spoken age for babies, e.g. "8 months".')
    age_range: tuple[int, int] | None = Field(None, description="Ages a variant may take.")
    sex: Literal["female", "male"]
    occupation: str | None = None
    informant: str | None = Field(
        None, description='Who answers when the patient cannot, e.g. "mother".'
    )

    @model_validator(mode="after")
    def _age_in_range(self) -> Demographics:
        if self.age_range is not None:
            low, high = self.age_range
            if not low <= self.age <= high:
                raise ValueError(f"age {self.age} is outside age_range [{low}, {high}]")
        return self


class Fact(_Model):
    """One atomic thing the patient can say, in their own words."""

    id: Id
    text: Text
    category: FactCategory
    volunteered: bool = False


class TestResult(_Model):
    result: Text
    aliases: list[str] = Field(default_factory=list)


class Diagnosis(_Model):
    name: Text
    synonyms: list[str] = Field(default_factory=list)
    differentials: list[str] = Field(default_factory=list)

    @field_validator("name")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("diagnosis name is blank")
        return value

    @property
    def terms(self) -> list[str]:
        """The name and its synonyms: words a patient turn must never contain."""
        return [self.name, *self.synonyms]


class RedFlag(_Model):
    text: Text
    present: bool


class ChecklistItem(_Model):
    id: Id
    text: Text
    category: ChecklistCategory
    weight: float = Field(1.0, gt=0, le=5)
    critical: bool = False
    keywords: list[str] = Field(default_factory=list, description="Phrases that show the item.")
    fact_ids: list[str] = Field(default_factory=list, description="Facts this item elicits.")


class Style(_Model):
    personality: Personality = Personality.COOPERATIVE
    health_literacy: Level = Level.MEDIUM
    language_proficiency: LanguageProficiency = LanguageProficiency.NATIVE
    recall: Recall = Recall.GOOD
    emotional_state: EmotionalState = EmotionalState.CALM
    confusion: Confusion = Confusion.NONE


def _unique_ids(items: list, what: str) -> list:
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        if item.id in seen:
            raise ValueError(f"duplicate {what} id {item.id!r} (items {seen[item.id]} and {index})")
        seen[item.id] = index
    return items


class Persona(_Model):
    """A simulated patient case: who they are, what they can say, and what a good doctor does."""

    id: Id
    title: Text = Field(description="What the student sees; must not name the diagnosis.")
    specialty: Specialty
    difficulty: Difficulty
    setting: Setting
    demographics: Demographics
    opening_statement: Text
    facts: list[Fact] = Field(min_length=1)
    examination: dict[ExamSystem, Text] = Field(default_factory=dict)
    tests: dict[str, TestResult] = Field(default_factory=dict)
    diagnosis: Diagnosis
    red_flags: list[RedFlag] = Field(default_factory=list)
    checklist: list[ChecklistItem] = Field(min_length=1)
    style: Style = Field(default_factory=Style)
    source: Text
    license: Text
    variant: int = Field(0, ge=0, description="0 = as written; set by variation.make_variant.")

    @field_validator("tests", mode="before")
    @classmethod
    def _tests_shorthand(cls, value: object) -> object:
        """Allow `ECG: "sinus rhythm"` as shorthand for `ECG: {result: "sinus rhythm"}`."""
        if isinstance(value, dict):
            return {k: {"result": v} if isinstance(v, str) else v for k, v in value.items()}
        return value

    @field_validator("facts")
    @classmethod
    def _unique_fact_ids(cls, facts: list[Fact]) -> list[Fact]:
        return _unique_ids(facts, "fact")

    @field_validator("checklist")
    @classmethod
    def _unique_checklist_ids(cls, items: list[ChecklistItem]) -> list[ChecklistItem]:
        return _unique_ids(items, "checklist")

    @model_validator(mode="after")
    def _checklist_facts_exist(self) -> Persona:
        known = {fact.id for fact in self.facts}
        for index, item in enumerate(self.checklist):
            missing = [fid for fid in item.fact_ids if fid not in known]
            if missing:
                raise ValueError(f"checklist[{index}].fact_ids: unknown fact id(s) {missing}")
        return self

    def facts_in(self, *categories: FactCategory) -> list[Fact]:
        """Facts whose category is one of `categories`, in file order."""
        return [fact for fact in self.facts if fact.category in categories]

    @property
    def volunteered_facts(self) -> list[Fact]:
        return [fact for fact in self.facts if fact.volunteered]

    @property
    def is_authored(self) -> bool:
        """Hand-written for MedChat (as opposed to imported from a public dataset)."""
        return self.source == AUTHORED_SOURCE


AUTHORED_SOURCE = "medchat"


def schema_field_names() -> set[str]:
    """Every key a persona file may use, for did-you-mean hints on unknown keys."""
    models = (Persona, Demographics, Fact, TestResult, Diagnosis, RedFlag, ChecklistItem, Style)
    return {name for model in models for name in model.model_fields}
