"""Shared steps of every importer: demographics, specialty, checklist, leak guard, writing files.

Importers only parse their own format into facts, findings and results; everything a persona needs
beyond that is derived here the same way for every source, so imported cases look alike.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import yaml

from medchat.personas.schema import ChecklistCategory as K
from medchat.personas.schema import FactCategory as C
from medchat.personas.schema import Specialty
from medchat.personas.variation import variant_name

_SPECIALTY_RULES: list[tuple[Specialty, str]] = [
    (
        Specialty.OBSTETRICS_GYNAECOLOGY,
        r"pregnan|gestation|gravida|placent|ectopic|abortion|"
        r"labou?r|uter|ovar|endometr|vagin|cervic|menopaus|dysmenorr|bartholin|pelvic inflam|"
        r"hyperemesis|eclampsia|molar|genitopelvic|breast engorg|mastitis|galactocele|sheehan|"
        r"meigs|adenomyosis|menorrhag|fat necrosis|fibroadenoma",
    ),
    (
        Specialty.PSYCHIATRY,
        r"schizo|depress|anxiety|bipolar|personality disorder|psych|"
        r"akathisia|intoxication|neuroleptic|oppositional|nightmare|suicid|normal behavio",
    ),
    (
        Specialty.CARDIOLOGY,
        r"angina|myocard|cardi|heart|aort|atrial|coarctation|valv|stenosis of|"
        r"mitral|pericard|endocarditis|hypertension|hypotension|syncope|tamponade|venous thromb|"
        r"thrombophlebitis|venous insufficiency|vascular",
    ),
    (
        Specialty.RESPIRATORY,
        r"asthma|pneumon|lung|bronch|copd|obstructive pulmonary|emphysema|"
        r"pleur|pneumothorax|pulmonary|respiratory|cystic fibrosis|sleep apnea|aspiration|croup",
    ),
    (
        Specialty.HAEMATOLOGY_ONCOLOGY,
        r"leuk|lymphoma|myeloma|an(a)?emia|thromb(o)?cyt|haemophil|"
        r"hemophil|thalass|sickle|polycythemia|macroglobulin|cancer|carcinoma|tumou?r|melanoma|"
        r"g6pd|erythropoietin|hemoglobinuria|glanzmann|phyllodes",
    ),
    (
        Specialty.GASTROENTEROLOGY,
        r"bowel|colitis|crohn|hepat|liver|pancrea|gastr|esophag|"
        r"oesophag|duoden|hirschsprung|cholang|cholecyst|cholelith|appendic|diverticul|celiac|"
        r"coeliac|hemorrhoid|fissure|peptic|dyspepsia|achalasia|dumping|mesenteric|boerhaave|"
        r"peritonitis|hernia|polyps|lactose|angiodysplasia|cholera|food poisoning|jaundice",
    ),
    (
        Specialty.NEUROLOGY,
        r"myasthenia|seizure|epilep|stroke|encephal|parkinson|huntington|"
        r"dementia|migraine|headache|neuralgia|multiple sclerosis|syring|atrophy|sciatica|"
        r"neuropathy|intraventricular|narcolepsy|brain|meningitis",
    ),
    (
        Specialty.RENAL_UROLOGY,
        r"nephr|kidney|renal|cystitis|bladder|prostat|urethr|incontinence|"
        r"testicular|epididym|hydrocele|varicocele|urinary|pyelo|fistula",
    ),
    (
        Specialty.ENDOCRINOLOGY,
        r"diabet|thyro|adrenal|cushing|acromegaly|pituitary|parathyroid|"
        r"aromatase|ovarian failure|ovarian insufficiency|polycystic ovar",
    ),
    (
        Specialty.ENT_EYE,
        r"vertigo|bppv|labyrinth|meniere|ear|otitis|sinus|rhinitis|tonsil|"
        r"laryng|epiglott|retin|glaucoma|cataract|conjunctiv|blephar|chalazion|stye|macular|"
        r"dry eye|nasolacrimal|pharyngitis|cold",
    ),
    (
        Specialty.DERMATOLOGY,
        r"dermat|eczem|psoria|pemphig|pyoderma|keratosis|bowen|molluscum|"
        r"rosacea|urticaria|impetigo|scabies|tinea|onychomycosis|sunburn|acanthosis|cyst|"
        r"erythema|bed bug|johnson|cellulitis|leprosy|warts|herpetic",
    ),
    (
        Specialty.INFECTIOUS_DISEASE,
        r"infect|tubercul|malaria|dengue|brucell|lyme|hiv|covid|"
        r"measles|mumps|rubella|varicella|shingles|listeri|gonococ|chlamydia|chancroid|"
        r"herpes|mononucleosis|cat scratch|trichomon|syphilis|roseola|sepsis|abscess",
    ),
    (
        Specialty.MUSCULOSKELETAL,
        r"arthrit|bursitis|tendon|tendin|capsulitis|disc|fracture|"
        r"dislocation|osteo|gout|spondyl|perthes|rotator|epicondyl|fibromyalgia|back pain|"
        r"polymyalgia|patellofemoral|costochondritis|rhabdo|lupus|sclerosis|carpal|quervain|myalgia",
    ),
]
_PREGNANT = re.compile(r"pregnan|gestation|gravida|weeks' gestation", re.I)


def infer_specialty(diagnosis: str, complaint: str, age: int, context: str = "") -> Specialty:
    """Keyword rules: children go to paediatrics, pregnancy to obstetrics, else by diagnosis."""
    if _PREGNANT.search(context):
        return Specialty.OBSTETRICS_GYNAECOLOGY
    if age < 16:
        return Specialty.PAEDIATRICS
    for text in (diagnosis, complaint):
        for specialty, pattern in _SPECIALTY_RULES:
            if re.search(pattern, text, re.I):
                return specialty
    return Specialty.GENERAL


def describe_person(age: int, age_text: str | None, sex: str) -> str:
    """'a 35-year-old woman', 'an 8-month-old boy', 'a newborn girl', for titles."""
    young = age_text is not None or age < 18
    noun = (
        ("girl" if sex == "female" else "boy") if young else ("woman" if sex == "female" else "man")
    )
    if age_text and (m := re.match(r"(\d+) (\w+?)s?$", age_text)):
        words = f"{m.group(1)}-{m.group(2)}-old"
    else:
        words = age_text or f"{age}-year-old"
    article = "an" if re.match(r"(8|11|18|80|8\d)\b|[aeiou]", words) else "a"
    return f"{article} {words} {noun}"


def title(items: list[str], who: str, terms: list[str]) -> str:
    """'Painful open sore on the right leg in a 54-year-old woman': lay complaint, then who.

    Up to two complaints, without durations; "Feeling unwell" if they would name the diagnosis.
    """
    cut = (
        r"\s+(?:for (?:the past )?\S+ (?:day|week|month|year)s?|daily|relieved by|that|which)\b.*$"
    )
    kept = [re.sub(cut, "", i) for i in items]
    lead = " and ".join(kept[:2]) if kept else ""
    if not lead or leaks(lead, terms):
        lead = "feeling unwell"
    return f"{lead[0].upper()}{lead[1:]} in {who}"


class FactList(list):
    """Facts in the order found: no empty, duplicate or diagnosis-naming text gets in."""

    def __init__(self, terms: list[str]):
        super().__init__()
        self.terms = terms

    def add(self, text: str | None, category: C, volunteered: bool = False) -> bool:
        if not text or leaks(text, self.terms) or any(f["text"] == text for f in self):
            return False
        fact = {"id": f"f{len(self) + 1:02d}", "text": text, "category": category.value}
        self.append({**fact, "volunteered": volunteered})
        return True

    def add_opening(self, text: str | None, category: C) -> bool:
        """A fact from the presenting story; the first one (not a habit) is volunteered."""
        first = not self.any_volunteered and category != C.SOCIAL
        return self.add(text, category, volunteered=first)

    def ensure_volunteered(self) -> None:
        """A case whose story gave no symptom volunteers its first fact instead."""
        if self and not self.any_volunteered:
            self[0]["volunteered"] = True

    @property
    def any_volunteered(self) -> bool:
        return any(f["volunteered"] for f in self)


def parse_demographics(text: str, hint: str = "") -> tuple[int, str | None, str]:
    """'35-year-old female' -> (35, None, 'female'); '8-month-old boy' -> (0, '8 months', ...)."""
    lowered = text.lower()
    age, age_text = 30, None
    if m := re.search(r"(\d+)[- ]years?[- ]old", lowered):
        age = int(m.group(1))
    elif m := re.search(r"(\d+)[- ](month|week|day)s?[- ]old", lowered):
        age, age_text = 0, f"{m.group(1)} {m.group(2)}s"
    elif re.search(r"newborn|neonate|infant|baby", lowered):
        age, age_text = 0, "newborn"
    words = f"{lowered} {hint.lower()}"
    if re.search(r"\b(female|woman|girl|she|her|mother of)\b", lowered):
        sex = "female"
    elif re.search(r"\b(male|man|boy|he|his)\b", lowered):
        sex = "male"
    else:
        female = len(re.findall(r"\b(she|her)\b", words))
        sex = "female" if female > len(re.findall(r"\b(he|his|him)\b", words)) else "male"
    return age, age_text, sex


def child_word(age: int, sex: str) -> str | None:
    """'son' / 'daughter' when a parent speaks for the patient (under 12), else None."""
    if age >= 12:
        return None
    return "daughter" if sex == "female" else "son"


def age_range(age: int, age_text: str | None) -> list[int] | None:
    """Adults may vary by five years either way; children's ages are part of the case."""
    if age_text is not None or age < 18:
        return None
    return [max(18, age - 5), min(100, age + 5)]


def fictional_name(sex: str, key: str) -> str:
    """A stable fictional name for an imported case (the sources name no one)."""
    return variant_name(sex, int.from_bytes(hashlib.sha256(key.encode()).digest()[:4], "big"))


def leak_terms(diagnosis: str, synonyms: list[str]) -> list[str]:
    """Words that would give the diagnosis away if a fact contained them."""
    terms = [diagnosis, *synonyms]
    core = re.sub(r"\(.*?\)", "", diagnosis).strip()
    terms.append(core)
    return [t.lower() for t in terms if len(t) > 3]


def leaks(text: str, terms: list[str]) -> bool:
    """True when `text` names any of `terms` as whole words (case-insensitive)."""
    lowered = text.lower()
    return any(re.search(rf"(?<!\w){re.escape(term)}(?!\w)", lowered) for term in terms)


def synonyms_of(diagnosis: str) -> list[str]:
    """Parenthesised abbreviations and the name without them: 'BPPV', 'Benign ... vertigo'."""
    found = [m.strip() for m in re.findall(r"\(([^)]+)\)", diagnosis)]
    bare = re.sub(r"\s*\([^)]*\)", "", diagnosis).strip()
    if bare != diagnosis:
        found.append(bare)
    return [s for s in dict.fromkeys(found) if s]


_HISTORY_TEXT = {
    C.HPC_SITE: "Asks where the symptom is",
    C.HPC_ONSET: "Asks when and how it started",
    C.HPC_CHARACTER: "Asks what the symptom is like",
    C.HPC_RADIATION: "Asks whether it spreads",
    C.HPC_TIMING: "Asks about timing and pattern",
    C.HPC_EXACERBATING_RELIEVING: "Asks what makes it better or worse",
    C.HPC_SEVERITY: "Asks how severe it is",
    C.HPC_ASSOCIATED: "Asks about associated symptoms",
    C.PAST_HISTORY: "Takes a past medical history",
    C.MEDICATIONS: "Takes a medication history",
    C.ALLERGIES: "Asks about allergies",
    C.FAMILY: "Takes a family history",
    C.SOCIAL: "Takes a social history (smoking, alcohol, work, home)",
    C.SYSTEMS_REVIEW: "Performs a relevant systems review",
    C.IDEAS: "Explores the patient's ideas",
    C.CONCERNS: "Explores the patient's concerns",
    C.EXPECTATIONS: "Explores the patient's expectations",
}


def derive_checklist(facts: list[dict], exam: dict, tests: dict, diagnosis: str) -> list[dict]:
    """One history item per fact category present, then exam, tests, diagnosis, communication."""
    items: list[dict] = [
        {
            "id": "intro",
            "text": "Introduces self and confirms the patient's identity",
            "category": K.COMMUNICATION.value,
            "weight": 1.0,
        },
    ]
    by_category: dict[str, list[str]] = {}
    for fact in facts:
        by_category.setdefault(fact["category"], []).append(fact["id"])
    for category in C:
        ids = by_category.get(category.value)
        if ids and category in _HISTORY_TEXT:
            weight = 2.0 if category.value.startswith("hpc_") else 1.0
            items.append(
                {
                    "id": f"hx_{category.value}",
                    "text": _HISTORY_TEXT[category],
                    "category": K.HISTORY.value,
                    "weight": weight,
                    "fact_ids": ids,
                }
            )
    for system in list(exam)[:4]:
        if system != "vital_signs":
            what = system.replace("_", " ")
            items.append(
                {
                    "id": f"ex_{system}",
                    "text": f"Performs a {what} examination",
                    "category": K.EXAMINATION.value,
                    "weight": 1.0,
                }
            )
    for index, name in enumerate(list(tests)[:4]):
        items.append(
            {
                "id": f"inv_{index + 1}",
                "text": f"Requests {name}",
                "category": K.INVESTIGATION.value,
                "weight": 1.0,
                "keywords": [name],
            }
        )
    items.append(
        {
            "id": "dx",
            "text": f"States the most likely diagnosis: {diagnosis}",
            "category": K.DIAGNOSIS.value,
            "weight": 3.0,
            "critical": True,
        }
    )
    items.append(
        {
            "id": "summary",
            "text": "Summarises back to the patient and checks accuracy",
            "category": K.COMMUNICATION.value,
            "weight": 1.0,
        }
    )
    return items


def write_persona(persona_dict: dict, out_dir: Path) -> Path:
    """Write one persona as YAML, keys in schema order, to `out_dir/<id>.yaml`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    demo = persona_dict.get("demographics", {})
    demo = {k: v for k, v in demo.items() if v is not None}
    persona_dict = {**persona_dict, "demographics": demo}
    path = out_dir / f"{persona_dict['id']}.yaml"
    text = yaml.safe_dump(persona_dict, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(text, encoding="utf-8")
    return path
