"""The names of examinations and tests: what a doctor may call each, and the body sites.

The examiner maps a request to a case's finding with these tables ("FBC" -> "Full blood count",
"listen to the chest" -> respiratory), and the OSCE checklist matcher uses the same tables to
decide which checklist item an examination request covers, so the two agree on names.
"""

from __future__ import annotations

from medchat.personas.schema import ExamSystem

S = ExamSystem

# canonical test -> phrases a doctor may use for it (matched as whole words, case-insensitive)
TEST_ALIASES: dict[str, list[str]] = {
    "ECG": ["ecg", "ekg", "electrocardiogram", "12 lead", "heart tracing"],
    "Full blood count": [
        "fbc",
        "cbc",
        "full blood count",
        "complete blood count",
        "blood count",
        "haemoglobin",
        "hemoglobin",
        "white cell count",
        "wcc",
        "wbc",
        "platelets",
        "hb",
    ],
    "Urea and electrolytes": [
        "u&e",
        "u&es",
        "u and e",
        "ues",
        "urea",
        "electrolytes",
        "renal function",
        "kidney function",
        "creatinine",
        "egfr",
        "potassium",
        "sodium",
        "renal profile",
        "bmp",
        "chem 7",
    ],
    "Liver function tests": [
        "lft",
        "lfts",
        "liver function",
        "bilirubin",
        "alt",
        "ast",
        "alp",
        "liver enzymes",
        "liver tests",
    ],
    "CRP": ["crp", "c reactive protein", "inflammatory markers", "esr"],
    "Troponin": ["troponin", "trop", "cardiac enzymes"],
    "Chest X-ray": ["cxr", "chest x ray", "chest xray", "chest radiograph", "chest film"],
    "Urinalysis": [
        "urinalysis",
        "urine dip",
        "urine dipstick",
        "dipstick",
        "urine test",
        "msu",
        "urine sample",
        "urine culture",
        "urine microscopy",
    ],
    "Pregnancy test": ["pregnancy test", "beta hcg", "bhcg", "b hcg", "hcg", "urine hcg"],
    "Blood glucose": [
        "blood glucose",
        "glucose",
        "blood sugar",
        "capillary glucose",
        "bm",
        "finger prick",
        "cbg",
    ],
    "HbA1c": ["hba1c", "a1c", "glycated haemoglobin"],
    "Thyroid function tests": ["tft", "tfts", "thyroid function", "tsh", "free t4", "t4", "t3"],
    "D-dimer": ["d dimer", "ddimer"],
    "Blood gas": ["abg", "vbg", "blood gas", "arterial gas", "venous gas"],
    "Ketones": ["ketones", "ketone", "beta hydroxybutyrate"],
    "CT head": ["ct head", "head ct", "ct brain", "brain ct", "ct of the head"],
    "CT": ["ct", "ct scan", "computed tomography", "ctpa", "ct kub"],
    "MRI": ["mri", "magnetic resonance"],
    "Ultrasound": ["ultrasound", "uss", "sonogram", "scan of the pelvis", "transvaginal"],
    "Echocardiogram": ["echo", "echocardiogram", "echocardiography"],
    "Blood cultures": ["blood culture", "blood cultures"],
    "Lumbar puncture": ["lumbar puncture", "lp", "csf", "spinal tap"],
    "Coagulation screen": ["clotting", "coag", "coagulation", "inr", "aptt", "prothrombin"],
    "Peak flow": ["peak flow", "pefr", "peak expiratory"],
    "Spirometry": ["spirometry", "lung function tests", "pfts", "fev1"],
    "Lactate": ["lactate"],
    "Amylase": ["amylase", "lipase"],
    "Iron studies": ["ferritin", "iron studies", "iron levels", "transferrin"],
    "B12 and folate": ["b12", "folate"],
    "Lipids": ["lipids", "cholesterol", "lipid profile"],
    "Paracetamol and salicylate levels": [
        "paracetamol level",
        "salicylate",
        "acetaminophen",
        "drug levels",
    ],
    "Toxicology screen": ["tox screen", "toxicology", "drug screen", "urine drugs"],
    "Malaria film": [
        "malaria film",
        "malaria screen",
        "thick and thin",
        "blood film",
        "malaria rdt",
        "rapid diagnostic test",
    ],
    "Swab": ["swab", "throat swab", "nose swab", "high vaginal swab", "covid test"],
    "Stool sample": [
        "stool sample",
        "stool culture",
        "faecal",
        "fecal",
        "fit test",
        "calprotectin",
    ],
    "Sputum culture": ["sputum"],
    "X-ray": ["x ray", "xray", "radiograph"],
    "Biopsy": ["biopsy", "histology"],
    "Endoscopy": ["endoscopy", "ogd", "gastroscopy", "colonoscopy", "sigmoidoscopy"],
    "Dermoscopy": ["dermoscopy", "dermatoscopy"],
    "Tonometry": ["tonometry", "intraocular pressure", "iop", "eye pressure"],
    "CTG": ["ctg", "cardiotocograph", "fetal monitoring"],
    "Bone profile": ["calcium", "bone profile", "phosphate"],
    "Urate": ["urate", "uric acid"],
    "Monospot": ["monospot", "ebv", "glandular fever test"],
    "PSA": ["psa", "prostate specific antigen"],
}

TEST_WORDS = (
    r"\b(order|send|test|tests|scan|x-?ray|bloods?|level|levels|culture|swab|"
    r"biopsy|ultrasound|ct|mri|screen|panel|assay|serology|antibod|count|pcr|doppler)\b"
)

# (pattern on the request, system) in priority order; the first listed in the case is used.
EXAM_SYSTEMS: list[tuple[str, S]] = [
    (
        r"blood pressure|\bbp\b|pulse|heart rate|temperature|\btemp\b|resp(iratory)? rate|"
        r"\bsats\b|saturation|oxygen|vitals|vital signs|\bobs\b|observations|\brr\b|\bhr\b",
        S.VITAL_SIGNS,
    ),
    (r"mental state|\bmse\b|mood|affect|cognit|orientation|suicid", S.MENTAL_STATE),
    (r"breast", S.BREAST),
    (r"fundal height|obstetric|fetal|foetal|baby'?s heart|pregnant (abdomen|belly)", S.OBSTETRIC),
    (r"pelvic|speculum|vaginal|bimanual|cervix|gynae", S.GYNAECOLOGICAL),
    (r"testes|testic|scrotum|scrotal|genital|penis|renal angle|loin|kidneys?", S.GENITOURINARY),
    (r"rectal|\bpr\b|\bdre\b|prostate|back passage", S.RECTAL),
    (r"pupil|fundus|fundoscopy|visual acuity|vision|ophthalm|\beyes?\b|red reflex", S.EYES),
    (r"\bears?\b|otoscop|throat|tonsil|\bnose\b|\bmouth\b|\bent\b", S.ENT),
    (r"lymph|glands|\bnodes\b", S.LYMPH_NODES),
    (r"thyroid|\bneck\b", S.HEAD_NECK),
    (r"heart|cardio|cardiac|pr[a]?ecordium|murmur|\bjvp\b|\bcvs\b", S.CARDIOVASCULAR),
    (r"chest|lungs?|breath sounds|respiratory|breathing", S.RESPIRATORY),
    (r"chest", S.CARDIOVASCULAR),
    (r"abdom|tummy|belly|stomach|liver|spleen", S.ABDOMINAL),
    (
        r"neuro|cranial nerves|reflexes|\bpower\b|\btone\b|sensation|coordination|\bgait\b|"
        r"neck stiffness|kernig|meningism|limbs",
        S.NEUROLOGICAL,
    ),
    (
        r"peripheral pulses|pulses in|\bcalf\b|calves|varicose|peripheral vascular|\blegs?\b|"
        r"ankle swelling",
        S.PERIPHERAL_VASCULAR,
    ),
    (
        r"joint|knee|\bhip\b|shoulder|\bback\b|spine|elbow|wrist|ankle|\bhand\b|\bfoot\b|\bfeet\b|"
        r"\bmsk\b|musculoskeletal|\blegs?\b|\barms?\b",
        S.MUSCULOSKELETAL,
    ),
    (r"skin|rash|lesion|mole|\bspot\b|wound|ulcer", S.SKIN),
    (
        r"general|appearance|look at (him|her|the patient|the baby|the child)|inspect|hydration|"
        r"capillary refill|pallor|jaundice|examine (him|her|the patient|the baby|the child)$",
        S.GENERAL,
    ),
]

# Body sites: a request naming one ("carotid ultrasound") does not match a test that names a
# different site (a pelvic scan). Specimens are stricter: "urine PCR" needs a test on urine.
SITES = [
    r"\b(head|brain|cranial)\b",
    r"\b(chest|thorax|thoracic|lungs?|pulmonary)\b",
    r"\b(abdomen|abdominal|tummy|append\w*|bowel)\b",
    r"\b(pelvis|pelvic|transvaginal|uterus|uterine|ovar\w*|adnex\w*|fetal|liquor|umbilical)\b",
    r"\b(legs?|calf|popliteal|femoral|dvt)\b",
    r"\bcarotid\b",
    r"\b(neck|thyroid)\b",
    r"\b(spine|spinal|lumbar)\b",
    r"\b(knee|hand|wrist|hip|shoulder|ankle)\b",
    r"\b(kidneys?|renal|kub|bladder|ureter\w*|vesicoureteric)\b",
    r"\b(liver|gallbladder|biliary)\b",
]
SPECIMENS = [
    r"\b(urine|urinary|urinalysis|msu)\b",
    r"\b(stool|faecal|fecal)\b",
    r"\b(throat|nose|nasal|nasopharyn\w*)\b",
    r"\b(csf|lumbar puncture)\b",
]

# (pattern on the request, pattern on a vital-signs segment)
VITALS: list[tuple[str, str]] = [
    (r"blood pressure|\bbp\b", r"blood pressure|\bbp\b|mmhg"),
    (r"pulse|heart rate|\bhr\b", r"pulse|heart rate|\bhr\b|bpm"),
    (r"temperature|\btemp\b", r"temp|°c"),
    (r"resp(iratory)? rate|\brr\b", r"resp|breaths"),
    (r"\bsats\b|saturation|oxygen", r"sat|spo2|o2"),
]
