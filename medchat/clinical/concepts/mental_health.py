"""Suicidal thoughts and self-harm, low mood and protective factors, recognised by wording.

MiniLM similarity puts "Do you ever feel life isn't worth living?" at cosine 0.39 from "I've been
thinking about ending my life", no closer than "I feel like a failure": the words differ and the
encoder sees two unrelated sentences. A patient given nothing for such a question says no, and a
patient who denies the suicidal thoughts its case holds teaches a student the most dangerous
lesson the simulator can teach. For the few topics where that denial is worst, the question side
and the fact side are each recognised by their own patterns, and a fact about a concept the
question asks about is selected whatever its cosine.

The question patterns follow how screening instruments and clinicians ask: PHQ-9 item 9
("thoughts that you would be better off dead, or of hurting yourself"), the Columbia Suicide
Severity Rating Scale's screen ("wished you were dead or wished you could go to sleep and not
wake up", "thoughts of killing yourself"), PHQ-2 ("feeling down, depressed or hopeless", "little
interest or pleasure in doing things") and the plain-English forms of these. The fact patterns
follow how a patient or an informant says it in the first or third person. Each side is checked
on every persona fact and on look-alikes (`tests/agents/test_concepts.py`).
"""

from __future__ import annotations

from medchat.clinical.concepts.base import Concept, Facet, pattern

_SELF = r"(?:my|him|her|them)sel(?:f|ves)"
_YOURSELF = r"(?:your|him|her|them)sel(?:f|ves)"
_POSS = r"(?:my|his|her|their)"
_WHO = r"(?:i|he|she|they|you)"
_SOMEWHAT = r"(?: (?:a bit|a little|a lot|really|very|quite|so|pretty|rather|more|at all|"
_SOMEWHAT += r"particularly|especially|generally|kind of|sort of|extremely|terribly|awfully))?"
"""At most one softener or intensifier between "feeling" and "low": a free gap of words reads
"been lying down" as low mood."""


# The Columbia Suicide Severity Rating Scale asks past behaviour, method (plan), intent and
# preparation as separate questions, and a student learns from each answer: asked "have you
# decided when?", the case's "I haven't set a date" answers, not its "I've been thinking about
# ending my life" that the encoder puts closer.
PAST_ATTEMPT = Facet(
    name="past_attempt",
    asked=pattern(
        r"\b(?:ever|before|previously|in the past)\b(?: \w+){0,6} (?:tried|attempt|overdos|"
        r"harm|hurt|cut|taken an overdose)",
        r"\b(?:tried|attempted|overdosed|harmed|hurt|cut|taken an overdose)\b(?: \w+){0,5} "
        r"(?:before|previously|in the past)\b",
        r"\bprevious (?:attempts?|overdoses?)\b|\bfirst time (?:you'?ve|you have) (?:tried|done)",
    ),
    stated=pattern(
        r"\b(?:once |twice |a few times )?before\b",
        r"\bwhen (?:i|he|she) was (?:\d+|\w+teen|a teenager|younger|at school)\b",
        r"\b(?:years|months) ago\b|\bin the past\b|\bprevious(?:ly)?\b",
        r"\bsince (?:i|he|she) was\b",
        r"\bnever (?:tried|attempted|done|harmed|hurt|taken|cut)\b",
    ),
)
INTENT = Facet(
    name="intent",
    asked=pattern(
        r"\bact(?:ed|ing)? on\b|\bgo through with\b|\bintend|\bintention",
        r"\b(?:decided|thought about|worked out|planned|know) when\b",
        r"\b(?:set|picked|chosen|fixed|decided on) a (?:date|day|time)\b",
        r"\bwhen (?:you|he|she)?(?: would| will| might|'d| plan to| are going to) (?:do it|act)",
        r"\b(?:try|do) (?:it |that |this )?again\b|\bhow likely\b",
        r"\bstill (?:want|wanting|feel(?:ing)? like|thinking|having thoughts|have thoughts)",
        r"\bsafe (?:tonight|at home|if you go home)\b",
    ),
    stated=pattern(
        r"\b(?:set|picked|chosen|decided on) a (?:date|day|time)\b",
        r"\b(?:haven'?t|not|hasn'?t) (?:decided|set|planned|picked) (?:when|a date|a day)",
        r"\b(?:tonight|tomorrow|this weekend)\b",
        r"\b(?:try|do) (?:it |that )?again\b|\bmean(?:t)? it\b",
        r"\b(?:going to|gonna|will|would|wouldn'?t|won'?t|couldn'?t|never) (?:actually )?"
        r"(?:do it|act on|go through with)",
        r"\bact on\b|\bintend|\bintention",
        r"\bif (?:i|he|she) (?:went|go|goes) home\b",
    ),
)
PLAN = Facet(
    name="plan",
    asked=pattern(
        r"\bplans?\b|\bplann|\bmethod|\bmeans\b|\baccess to\b",
        r"\bhow (?:you |he |she )?(?:would|might|could|'d) (?:do it|end|go about)",
        r"\b(?:saved|saving|stockpil|hoard|kept|keeping)\b",
        r"\b(?:notes?|letters?|goodbyes?)\b|\bgiv(?:en|ing) (?:things|stuff|possessions) away",
    ),
    stated=pattern(
        r"\bplan(?:s|ned)?\b|\bworked out how\b",
        r"\b(?:saved|saving|stockpil\w*|hoard\w*)\b",
        r"\b(?:tablets|pills|paracetamol|rope|bridge|gun|car park|railway|train line)\b",
        r"\b(?:letter|note|goodbyes?)\b",
    ),
)


SUICIDE_SELF_HARM = Concept(
    name="suicide_self_harm",
    asked=pattern(
        r"suicid",
        rf"\bkill(?:ing)? {_YOURSELF}",
        r"\bend(?:ing)? (?:your|his|her|their) (?:own )?life",
        r"\bend(?:ing)? (?:it all|things|everything)\b",
        r"\btak(?:e|ing) (?:your|his|her|their) (?:own )?life",
        r"(?:life|living|things|it|going on)(?: just| really)? (?:is|are|was|were)(?:n't| not)"
        r"(?: just| really| even)? "
        r"worth",
        r"\b(?:weren'?t|wasn'?t|were not|was not) (?:around|here|alive) any ?more",
        r"\bact(?:ed|ing)? on (?:these|those|the|your|his|her|such) (?:thoughts|feelings|urges)",
        r"\b(?:how|when|where) (?:you|he|she)?(?: might| would| could| will|'d| plan to) "
        r"(?:do it|end it|go about it)\b",
        r"\b(?:how|when|where) (?:might|would|could|will) (?:you|he|she) (?:do it|end it|go about "
        r"it)\b",
        r"\bnot worth (?:living|going on|carrying on|it any ?more)",
        r"\bbetter off (?:dead|without (?:you|him|her|them)|gone|"
        r"(?:with (?:you|him|her) )?not (?:being )?(?:here|around|alive))",
        r"\bjump(?:ing)? (?:off|from|in front)|\bstep(?:ping)? (?:out )?in front of|"
        r"\bin front of (?:a |the )?(?:train|traffic|bus|car|lorry|truck)",
        rf"\b(?:hang|hanging|drown|drowning|poison|poisoning|shoot|shooting) {_YOURSELF}",
        r"\bwish(?:ed|ing)? (?:you|he|she|they) (?:were|was|could be) dead",
        r"\b(?:want|wanted|wanting|wish|wished|wishing) (?:to die|to be dead|you were dead)",
        r"\bnot (?:want|wanting|wanted) to (?:be here|be around|live|go on|carry on|wake up)",
        r"\bdon'?t want to (?:be here|be around|live|go on|carry on|wake up)",
        r"\b(?:go|going|went) to sleep and (?:not|never) wak",
        r"\bnot (?:to )?wake up\b|n'?t wake up\b|\bnever wake up\b",
        r"\b(?:harm|harming|hurt|hurting|cut|cutting|injur(?:e|ing)) "
        + _YOURSELF
        + r"(?! (?:when|while|in|at|on the|playing|doing|falling))",
        r"\bself[- ]?(?:harm|injur)",
        r"\boverdos",
        r"\bgive up on (?:life|living|everything)",
        r"\bthoughts? (?:of|about) (?:dying|death|being dead|not being here)",
        r"\bcan'?t (?:go on|carry on)\b",
        r"\b(?:dark|morbid) thoughts",
        r"\brather (?:be dead|not be (?:here|alive|around)|not wake up|not exist|not be)\b",
        r"\bkeep(?:ing)? (?:yourself|himself|herself|themselves) safe",
        r"\bfeel(?:ing)? safe (?:in|from|with) (?:yourself|himself|herself)",
        r"\b(?:so|that) bad (?:that )?(?:you|he|she)(?:'ve| have| has)? "
        r"(?:thought|felt|wanted|wished)",
    ),
    stated=pattern(
        r"suicid",
        rf"\bkill(?:ing)? {_SELF}",
        rf"\bend(?:ing)? {_POSS} (?:own )?life",
        r"\bend(?:ing)? it(?: all)?\b",
        rf"\btak(?:e|ing) {_POSS} (?:own )?life",
        r"\bnot (?:want|wanting|wanted) to (?:be here|be around|live|go on|carry on|wake up)",
        r"\b(?:don'?t|doesn'?t|didn'?t) want to (?:be here|be around|live|go on|carry on|wake up)",
        r"\b(?:go|going|went) to sleep and (?:not|never) wak",
        r"\bnot wake up\b",
        r"\bbetter off (?:dead|without (?:me|him|her|them)|gone)",
        rf"\bwish(?:ed|es)? {_WHO} (?:was|were) dead",
        r"\b(?:want|wants|wanted|wanting) to die\b",
        r"\bno (?:point|reason) (?:in )?(?:living|going on|carrying on|to live|being alive)",
        # "I didn't hurt myself" in a fall says nothing about self-harm: only a wish, an
        # attempt or a deliberate act does.
        rf"\b(?:tried|try|trying|tries|thought|thinking|thoughts|want|wanted|wanting|urges?|"
        rf"going|planned|planning) (?:about |of |to )?(?:harm|harming|hurt|hurting|cut|cutting|"
        rf"injure|injuring) {_SELF}",
        rf"\b(?:harm|harmed|hurt|cut|injured) {_SELF} (?:on purpose|deliberately)",
        r"\bself[- ]?(?:harm|injur)",
        rf"\bcut(?:s|ting)? {_POSS} (?:arms?|wrists?|legs?|thighs?|skin)",
        r"\boverdos",
        r"\btook (?:some|a load of|a lot of|loads of|a bunch of|all (?:my|the|of my|of the)) "
        r"(?:tablets|pills)\b(?: \w+){0,2} (?:once before|before|when (?:i|he|she) was)",
        r"\btablets? (?:i|he|she)(?:'ve| have| has)? (?:saved|been saving|stockpiled|hoarded)",
        # Passive wishes, as patients put them.
        r"\bwouldn'?t (?:mind|care) if (?:i|he|she) (?:didn'?t wake|never woke|died|wasn'?t here|"
        r"weren'?t here|was gone|got hit)",
        r"\beasier (?:for everyone )?(?:if (?:i|he|she) (?:wasn'?t|weren'?t) (?:here|around)|"
        r"not to be here|to not be here|if (?:i|he|she) (?:was|were) gone)",
        r"\bwhat'?s the point (?:in|of) (?:going on|living|carrying on|it all|anything)",
        r"\b(?:want|wants|wanted) to (?:disappear|vanish|not exist|stop existing)",
        r"\bnot (?:be|being) (?:here|around) any ?more",
        r"\brather (?:be dead|not be (?:here|alive|around)|not wake up|not exist)",
        r"\bthoughts? (?:of|about) (?:dying|death|ending it|not being here)",
        r"\bcan'?t (?:go on|carry on)\b(?! (?:with|at|working|walking|standing))",
        r"\b(?:thought|think|thinking|thoughts) (?:about |of )?(?:jumping (?:off|from|in front)|"
        r"stepping (?:out )?in front of)",
        rf"\b(?:hang|hanging|drown|drowning|poison|poisoning|shoot|shooting) {_SELF}",
        r"\b(?:try|do) (?:it|that) again\b",
        r"(?:'ll|\bwill|\bmight|\bcould|\bwould)(?: probably| just| definitely)? try again\b",
        r"\bwish(?:es|ed)? it had worked",
        r"\b(?:if|hop(?:e|ed|ing)|wish(?:ed)?|maybe|that) (?:i|he|she)(?: just| simply)? "
        r"(?:didn'?t|don'?t|wouldn'?t|won'?t|never|could not|couldn'?t) wake up",
        r"\beasier if (?:i|he|she)(?: just| simply)? (?:didn'?t|wasn'?t|weren'?t|never|died)",
        r"\bbetter off (?:not (?:here|around|being here|alive))",
        r"\b(?:see|is|any|the) (?:no )?point (?:in|of) (?:going on|living|carrying on|being here|"
        r"being alive)",
        r"\bwish(?:ed|es)? (?:i|he|she) could(?: just)? (?:disappear|vanish|not exist|"
        r"sleep forever|go to sleep and)",
        r"\b(?:life|living)(?: just| really)?(?:'s| is| was)?(?:n'?t| not)(?: just| really| even)? "
        r"worth (?:living|it)",
        r"\bend(?:ing)? (?:things|everything)\b",
        # Preparations, as the Columbia scale's screen asks them.
        r"\b(?:set|picked|chosen) a (?:date|day|time)\b",
        r"\b(?:written|wrote|left) (?:a |an )?(?:sort of |kind of )?(?:goodbye )?(?:letter|note|"
        r"message)\b(?: on (?:my|his|her) phone)? (?:to|for) (?:my|his|her)",
        r"\bsaid (?:my )?goodbyes?\b|\bgiv(?:en|ing|e) (?:my |his |her )?(?:things|stuff) away",
        r"\b(?:thought|think|thinking|considered|considering|tempted|wanted|want|urge) "
        r"(?:about |of |to )?tak(?:e|ing) (?:all|every one of) (?:my|the|his|her) "
        r"(?:tablets|pills|meds|medication)",
    ),
    facets=(PAST_ATTEMPT, INTENT, PLAN),
)

LOW_MOOD = Concept(
    name="low_mood",
    asked=pattern(
        r"\bmoods?\b",
        r"\b(?:your|his|her|their) spirits\b",
        r"\b(?:feel|feeling|felt|been|are you|is (?:he|she))" + _SOMEWHAT + " "
        r"(?:low|down|depressed|blue|fed up|hopeless|miserable|tearful|flat|empty)\b",
        r"\bgetting (?:you|him|her|them) down",
        r"\bdepress",
        r"\btearful|\bhopeless|\birritable\b|\bmoody\b|\bmood swings?\b",
        r"\blow in (?:yourself|himself|herself|themselves)\b",
        r"\benjoy(?:ing)? (?:things|anything|life|yourself|himself|herself|stuff|doing|the things)",
        r"\b(?:stopped|no longer|not) enjoying|\blost (?:interest|enjoyment)",
        r"\b(?:interest|pleasure) in (?:things|anything|life|doing)",
    ),
    stated=pattern(
        r"\b(?:feel|feels|feeling|felt|been|i'm|i am|he's|she's|he is|she is)" + _SOMEWHAT + " "
        r"(?:low|down|depressed|flat|empty|hopeless|miserable|tearful|fed up|wretched)\b"
        r"(?! (?:the|to|there|here|towards|into|on|at(?! all)|in|my|his|her|from|with|and up))",
        r"\blow (?:in )?mood\b|\bmood(?:'s| is| has been) (?:low|down|awful|terrible|rubbish)",
        r"\bdepress(?:ed|ion)\b",
        r"\bno point (?:to|in) anything",
        r"\b(?:can'?t|don'?t|doesn'?t|didn'?t|not|no longer|stopped) enjoy",
        r"\blost (?:all )?interest",
        r"\btearful|\bcry(?:ing)? (?:a lot|all the time|every day|most days|for no reason)",
        r"\bhopeless|\bworthless|\ba failure\b|\ba burden\b",
        r"\bmoody\b|\birritable\b|\bmood swings?\b|\bemotionally (?:up and down|all over)",
    ),
)

PROTECTIVE = Concept(
    name="protective_factors",
    asked=pattern(
        r"\breasons?\b(?: \w+){0,4} "
        r"(?:for living|to live|to keep going|to go on|to carry on|to stay)",
        r"\b(?:stop|stops|stopped|stopping|kept|keeps|keeping|holds?|held) (?:you|him|her) "
        r"(?:from |back|going|hanging on|safe|alive|acting|doing)",
        r"\b(?:want|wanting|reason) to (?:stay safe|keep going|stay alive|live)",
        r"\bworth (?:living|staying|going on) for\b",
        r"\b(?:things|something|anything|much|a lot|lots) to live for\b",
        r"\bprotective factors?",
    ),
    stated=pattern(
        r"\b(?:only thing|what'?s|what is|that'?s what'?s) (?:stopping|stops|keeping|keeps|"
        r"holding) (?:me|him|her)",
        r"\b(?:stopping|stops|stopped|keeps?|keeping) (?:me|him|her) (?:from |going|alive|safe|"
        r"here|back)",
        r"\b(?:couldn'?t|wouldn'?t|don'?t want to|can'?t) do (?:it|that) to (?:them|him|her|my)",
        r"\breasons? to (?:live|keep going|stay)",
    ),
)
