"""Stressors, work and household, recognised by wording in a question and in a case fact.

"Is anything stressing you out at the moment?" and "I've got exams next week and I'm worried
about missing them" share no word the encoder weighs, nor do "Have you got much support around
you?" and "I live on my own since my husband died, but my daughter lives nearby". A patient
given nothing says "not really", the vague answer without the case's specifics that a student
learns nothing from. The question patterns follow the psychosocial part of a history as taught
(the HEADSSS and Calgary-Cambridge social history: work or school, home, relationships, money,
losses and changes, who is around to help); the fact patterns follow how a patient names a
stressor, their work or their household. Checked on look-alikes ("blood pressure", "chest
pressure", "a stress test", "the tablets don't work") in `tests/agents/test_psychosocial.py`.
"""

from __future__ import annotations

from medchat.clinical.concepts.base import Concept, Facet, pattern

_NOT_CLINICAL = r"(?! (?:test|echo|incontinence|fracture|ulcer|response|hormone))"
""""Stress" as a clinical word: a stress test, stress incontinence, a stress fracture."""
_PLACES = r"(?:work|school|college|uni|university|home|the job|your job|the office)"
_KIN = (
    r"(?:partner|wife|husband|boyfriend|girlfriend|fianc\w*|mum|mom|mother|dad|father|son|"
    r"daughter|brother|sister|baby|friend|grand\w+)"
)
_NOT_TREATMENT = r"(?<!n't )(?<!not )(?<!never )(?<!that )(?<!it )(?<!they )"
""""The tablets don't work", "nothing seems to work": a treatment failing, not a job."""
_WORK = (
    _NOT_TREATMENT + r"\bwork(?:s|ed|ing)?\b(?! (?:out|up|for (?:me|him|her|the)))|\bjobs?\b|"
    r"\bclass(?:room|es)?\b|\bteach(?:er|ing)\b|\bbusiness\b|\bself-employed\b|\bretired\b|"
    r"\bcolleagues?\b|\bboss\b|\bshifts?\b|\bthe office\b"
)
_SCHOOL = r"\bexams?\b|\bschool\b|\bcollege\b|\buni(?:versity)?\b|\bstudies\b|\bcoursework\b"

_RELATIONSHIP_STATED = (
    rf"\b(?:my|his|her) {_KIN} (?:has |had |just )?(?:left|walked out|moved out|finished "
    r"with|dumped|split|broke up|cheated)",
    r"\b(?:broke|split|splitting|breaking) up\b|\bbreak-?up\b|\bdivorc|\bseparated\b",
    r"\b(?:arguing|arguments|rows|fighting) (?:with|at home|a lot)|\bnot getting on with\b",
)
_LOSS_STATED = (
    rf"\b(?:since|after) (?:my|his|her) {_KIN} (?:died|passed)",
    rf"\b(?:lost|losing) (?:my|his|her) {_KIN}\b",
    rf"\b(?:my|his|her) {_KIN} (?:died|passed away) (?:last|this|recently|a few|\w+ "
    r"(?:weeks|months) ago)",
)
_CARING_STATED = (
    # Not a school run ("I take my grandson to school every day"): asked "have you been under
    # any strain?", a patient answered "Yes, I've been driving and taking my grandson to school".
    r"\b(?:caring|care|carer) for (?:my|his|her)\b|\blook(?:ing)? after (?:my|his|her)\b",
)

MONEY = Facet(
    name="money",
    asked=pattern(r"\bmoney\b|\bfinanc|\bafford\b|\bbills\b|\bdebts?\b|\brent\b|\bmortgage\b"),
    stated=pattern(
        r"\bmoney\b|\bdebts?\b|\bcan'?t afford\b|\bbills\b|\b(?:the|my) (?:rent|mortgage)\b|"
        r"\b(?:don'?t|won'?t|doesn'?t) get paid\b|\bbenefits\b"
    ),
)
WORK_SCHOOL = Facet(
    name="work_school", asked=pattern(_WORK, _SCHOOL), stated=pattern(_WORK, _SCHOOL)
)
RELATIONSHIPS = Facet(
    name="relationships",
    asked=pattern(
        r"\brelationships?\b|\bmarriage\b|\bbreak-?ups?\b|\bsplit|\bdivorc|\bseparat|"
        r"\bargu(?:e|ing|ments?)\b|\bgetting on\b|\bpartner\b|\bboyfriend\b|\bgirlfriend\b|"
        r"\bhusband\b|\bwife\b"
    ),
    stated=pattern(*_RELATIONSHIP_STATED),
)
LOSS = Facet(
    name="loss",
    asked=pattern(r"\bbereave|\blos(?:s|ses|t)\b|\bdied\b|\bpass(?:ed)? away\b|\bdeaths?\b"),
    stated=pattern(*_LOSS_STATED),
)
CARING = Facet(
    name="caring",
    asked=pattern(r"\bcar(?:er|ing) for\b|\blook(?:ing)? after\b"),
    stated=pattern(*_CARING_STATED),
)

STRESS = Concept(
    name="stress",
    asked=pattern(
        rf"\bstress(?:ed|es|ful|ing)?\b{_NOT_CLINICAL}",
        r"\bunder (?:a lot of |much |any |some |a bit of |so much |a great deal of )?"
        r"(?:pressure|strain)\b",
        rf"\bpressures?\b (?:at|from|of|in) (?:{_PLACES}|life|family|your \w+)",
        rf"\b(?:problems|difficulties|troubles?|issues|worries|things) (?:at|with) {_PLACES}\b",
        rf"\bhow(?:'s|s| is| are| has| have|'re)? (?:things )?(?:at |with |going at )?"
        rf"(?:{_PLACES}|money|your (?:work|studies|relationship|marriage|finances))\b",
        rf"\bgoing on (?:at {_PLACES}|in your life|for you|with you at)\b",
        r"\b(?:managing|coping|getting by|fixed) (?:for|with) money|\bmoney (?:worries|problems|"
        r"trouble)|\bworr\w* about money\b|\bfinanc(?:es|ial|ially)\b|\bafford\b|\bbills\b|"
        r"\bdebts?\b|\bmoney\b",
        r"\b(?:your|any|in your) relationships?\b(?! (?:to|with|between) (?:food|meals|eating))|"
        r"\brelationship (?:troubles?|problems|difficulties|issues)\b",
        r"\bbreak-?ups?\b|\b(?:broken|broke|split|splitting) up\b|\bdivorc|\bseparat(?:ed|ion)\b",
        r"\bbereave|\blosses\b|\bloss of (?:a|someone|anyone|your)\b|\blost (?:anyone|someone|a "
        r"loved|your)\b|\b(?:anyone|someone) (?:close to you )?(?:died|pass(?:ed)? away)",
        r"\b(?:big |major |significant )?(?:changes?|events?) in your life\b|\blife events?\b",
        r"\b(?:anything|what'?s) (?:big |major |significant )?(?:changed|happened|been happening|"
        r"going on|different) (?:in your life|at home|at work|for you)",
        rf"\b(?:affect|affecting|affected|impact|impacting|(?:get|got|getting) in the way of)"
        rf"(?: on)? (?:you )?(?:at {_PLACES}|your (?:work|job|studies|life|daily life|family|day))",
        r"\b(?:keep(?:ing)? up|keep on top of (?:things|it)) (?:with (?:things )?)?(?:at|in) "
        r"(?:work|school|the classroom|the office)",
        r"\btime off (?:work|school)\b|\boff (?:work|sick)\b|\bsigned off\b",
        r"\b(?:coping|managing) (?:in general|generally|at home|day to day|with everything|"
        r"with things|with life)\b|\bhow (?:are|'re) you (?:coping|managing)\?",
        r"\bdeadlines?\b|\b(?:your|any|school|uni|university|"
        r"college|final) exams\b|\bjob (?:safe|secure)\b",
        r"\bcar(?:er|ing) for\b|\blook(?:ing)? after (?:anyone|someone|your|grand\w+|children)",
    ),
    stated=pattern(
        # "I thought it was stress" is the patient's idea of the cause, not a stressor.
        rf"(?<!it was )(?<!it's )(?<!it is )(?<!due to )(?<!just )\bstress(?:ed|ful|ing)?\b"
        rf"{_NOT_CLINICAL}",
        r"\bunder (?:a lot of |so much |loads of )?pressure\b",
        r"\bexams\b|\b(?:final|school|uni|university|college) exams?\b|\bdeadlines?\b|"
        r"\bcoursework\b|\bdissertation\b",
        r"\bmoney(?:'s| is| has been)? (?:getting )?(?:tight|short|a worry|"
        r"a problem)|\bdebts?\b|"
        r"\bcan'?t afford\b|\b(?:pay(?:ing)?|behind (?:on|with)) (?:the |my )?(?:bills|rent|"
        r"mortgage)\b|\bbills\b|\b(?:don'?t|won'?t|doesn'?t) get paid\b",
        r"\b(?:lost|losing|lose) (?:my|his|her) job|\bredundan|\bunemployed\b|\bsacked\b|"
        r"\blaid off\b|\bsigned off\b|\boff (?:work|sick|school)\b|\btime off (?:work|school)\b",
        r"\b(?:worried|worry|worrying|worries|anxious|stressed) (?:about|that) (?:i'?ll |i will "
        r")?(?:my |the |his |her |our )?(?:job|work|business|money|bills|rent|exams?|kids|"
        r"children|family|mum|dad|wife|husband|partner|marriage|who'?ll|lose)",
        *_RELATIONSHIP_STATED,
        *_LOSS_STATED,
        *_CARING_STATED,
        r"\baffect(?:ing|s|ed)? (?:my|his|her) (?:work|job|studies|school|marriage|relationship)|"
        r"\bstruggling (?:at|with) (?:work|school|college|uni|money)|\bbehind (?:at|with) "
        r"(?:work|school|my studies)|\bcan'?t (?:finish|do|keep up with) (?:my|his|her) work",
        r"\bbull(?:ied|ying)\b|\bkeeping to (?:my|him|her)self\b|\bprison\b",
        r"\b(?:new baby|just had a baby|moved house|new job|started (?:a new job|uni|university|"
        r"college|secondary school))",
    ),
    facets=(MONEY, WORK_SCHOOL, RELATIONSHIPS, LOSS, CARING),
    own_history=False,
    narrow=True,
)

WORK = Concept(
    name="work",
    asked=pattern(
        r"\b(?:are you|you) (?:working|employed|retired|at work|in work)\b|\bdo you work\b",
        r"\bwhat (?:do|did) you do (?:for (?:a living|work)|in your job)\b|\boccupation\b|"
        r"\byour (?:job|work|line of work)\b|\bwhat'?s your job\b",
        r"\b(?:off|time off|back to|at|in) (?:work|school|college|uni|the classroom)\?",
        r"\b(?:off|time off|back to) (?:work|school)\b",
        rf"\b(?:affect|affecting|affected|impact|impacting|get in the way of|got in the way of)"
        rf"(?: on)? (?:you )?(?:at {_PLACES}|your (?:work|job|studies))",
    ),
    stated=pattern(
        r"\bi(?:'m| am) (?:a|an) (?:\w+ ){0,2}(?:teacher|nurse|driver|builder|cleaner|accountant|"
        r"designer|engineer|student|labourer|farmer|chef|carer|mechanic|electrician|plumber|"
        r"lawyer|manager|secretary|programmer|developer|shop assistant|waiter|waitress|soldier|"
        r"officer|hairdresser|receptionist|researcher|postman|postwoman|pharmacist|doctor)\b",
        r"\bi (?:work|worked) (?:as|in|at|for|on|from)\b|\bi(?:'m| am) (?:retired|self-employed|"
        r"unemployed|off work|a student)\b|\bmy (?:job|work|boss|colleagues|shifts?)\b",
        r"\b(?:at|from|off|after|before) work\b|\b(?:go|goes|going|went|get|got|back|drive|"
        r"drove|walk|cycle) to work\b|\bworking day\b|\bcomputer work\b|"
        r"\b(?:my|his|her) (?:own )?business\b|\bclass(?:room)?\b",
        r"\b(?:affect|affecting|affects|affected) (?:my|his|her) (?:work|job|studies)\b|"
        r"\bcan'?t (?:finish|do|keep up with) (?:my|his|her) work\b",
    ),
    own_history=False,
)

_CHILDREN = (
    r"\b(?:kids|children|little ones|sons?|daughters?|grand(?:children|sons?|daughters?|kids)|"
    r"brothers?|sisters?|siblings?|baby|babies)\b"
)
CHILDREN = Facet(name="children", asked=pattern(_CHILDREN), stated=pattern(_CHILDREN))
_PARTNER = (
    r"\b(?:married|partner|girlfriend|boyfriend|husband|wife|fianc\w*|spouse|seeing anyone)\b"
)
PARTNER = Facet(name="partner", asked=pattern(_PARTNER), stated=pattern(_PARTNER))

HOUSEHOLD = Concept(
    name="household",
    asked=pattern(
        r"\bsupport(?:ed|ive)?\b(?! (?:stockings|bandage|brace|belt|tights|groups? for))",
        r"\b(?:who|where) (?:do|are|is) (?:you|she|he) (?:live|living)\b|\bwho (?:lives|is at "
        r"home|'s at home|else is at home|is around)\b|\bwho'?s at home\b",
        r"\bliv(?:e|es|ing) (?:alone|on (?:your|her|his) own|by (?:your|him|her)self|with|in "
        r"(?:a|an|the|halls))\b",
        r"\b(?:anyone|someone|somebody|anybody) (?:at home|around|nearby|to help|you can "
        r"(?:talk|turn|lean) (?:to|on)|to talk to)\b",
        r"\bwho (?:can|could|do) you (?:talk|turn) to\b|\bwho (?:helps|looks after) (?:you|her|"
        r"him)\b|\bcarers? (?:going in|coming in|visit)",
        r"\b(?:family|friends|relatives) (?:nearby|around|close by|you can)\b",
        r"\bhome (?:life|situation)\b|\b(?:life|situation|set-?up) at home\b|\bat home with "
        r"(?:you|her|him)\b|\bon (?:your|her|his) own\b",
        r"\b(?:any|got|have you got|do you have) (?:any )?(?:kids|children|little ones|brothers|"
        r"sisters|siblings|grandchildren)\b|\bare you married\b|\bseeing anyone\b",
    ),
    stated=pattern(
        r"\blive(?:s|d)? (?:on (?:my|his|her) own|alone|by (?:my|him|her)self|with(?! (?:the|"
        r"it|this|that|pain|my (?:pain|condition|asthma|diabetes))\b)|in (?:halls|a shared|a "
        r"flat|a house|a bungalow|sheltered))",
        r"\bshare (?:a|the) (?:flat|house|home)\b|\b(?:room|flat|house)mates?\b",
        r"\b(?:lives|living|moved) (?:nearby|close by|round the corner|down the road|not far|"
        r"an hour away|abroad|away)\b",
        r"\b(?:is|are|has been|have been) (?:really |very )?(?:supportive|a great help|helping)",
        r"\bno(?: ?one|body) (?:to talk to|around|to help|i can talk to)\b|\bno carers\b",
        rf"\b(?:{_KIN}|kids|children|people|family|us|me) (?:at home|in the house)\b",
        r"\bi(?:'m| am) married\b|\b(?:got|have) a (?:girlfriend|boyfriend|partner|husband|wife)\b|"
        r"\b(?:have|had|got) (?:\w+ )?(?:children|kids|sons|daughters|grandchildren)\b",
    ),
    # Asked "do you have children?", a case that says only "I live with my wife" answers
    # nothing: given the household fact, a patient said "Yes, I have two children".
    facets=(CHILDREN, PARTNER),
    narrow=True,
    own_history=False,
)
"""Who the patient lives with and has around them: household, partner, children, family
nearby, carers."""
