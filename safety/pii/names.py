"""Names typed in lower case, and names with Irish, Scottish or continental particles.

Capitalisation is what the cue patterns in `recognizers` and spaCy rely on; patients often
skip it ("my name is siobhan kelly"). A lower-case word is taken for a name only when the
context says so, and how much evidence it needs depends on the cue:

- strong cues ("my name is", "call me", "patient:", "this is ... speaking", "... here" opening
  a clause, a relative followed by a verb): any word that is not common English or clinical;
- weak cues ("i'm", "it's", "my wife" with nothing after): the first word must be a known given
  name (`given_names.txt`, CC0, not Faker) or carry a non-English letter (fada, umlaut, accent).
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from importlib import resources
from typing import ClassVar

from spacy.lang.en.stop_words import STOP_WORDS

from safety.pii import patterns as P
from safety.pii.base import RegexRecognizer
from safety.pii.clinical import is_allow_listed, load_allow_list

# Surname particles (Irish Ó/Ní/Mac, Scottish Mac/Mc, Dutch van der, French de la...); they
# count as part of a name only when a name word follows them.
_PARTICLES = (
    "ó ní nic mac mc mhic uí ua van von de du le la da di der den ter ten del della des dos das "
    "a' a’"
)
PARTICLES = frozenset(_PARTICLES.split())
_IRISH_INNER = frozenset({"ó", "ní", "nic", "uí", "mhic", "ua"})
_MAC = frozenset({"mac", "nic", "mhic"})

# Common English words that follow these cues but are not names: states ("i'm tired"), verbs
# ("my son has"), time words ("call me back"), symptoms ("it's sore here"). General English,
# added to spaCy's stop words; not collected from any evaluation sentence. The last line holds
# the French and German words of an introduction ("mon nom est", "geboren am"), which the NER
# model takes for a name.
# (seventeenth round, from fresh16 and hand-written 14: a ward's bay and bed, a transcript, the
# German registration heading, a colleague addressed in German and Dutch, "upstairs", and the
# languages an interpreter is booked for)
_COMMON = """
    back later soon today tonight tomorrow yesterday now asap anytime again please thanks thank
    ok okay fine good well better worse bad ill sick poorly unwell tired exhausted worried scared
    anxious sore tender swollen itchy numb dizzy nauseous breathless achy stiff weak hot cold
    pregnant diabetic asthmatic epileptic allergic struggling desperate confused sorry sure
    afraid glad happy sad upset fed up free bound awake asleep alone home here there away out
    still just
    only also really very quite bit little lot doctor doc nurse dr sir madam mum mam dad mom
    patient gp pain ache rash lump cough fever headache swelling bleeding itch going coming
    calling ringing phoning texting writing asking wondering trying having getting feeling
    taking looking waiting hoping has had says said thinks thought does did keeps kept noticed
    found told wants needs rang called brought drove took gets got came went made makes saw
    sees heard knows knew asked insisted reckons helps looks lives works goes used uses always
    never usually sometimes often normally recently lately finally actually probably basically
    literally honestly obviously certainly definitely totally completely nearly mostly mainly
    cant can't wont won't early likely hardly barely badly slightly suddenly gradually
    constantly currently
    apparently mr mrs ms miss yes no yeah nope hi hello hey hiya morning evening afternoon night
    on in at about with from for of to by up off over under after before since until while
    monday tuesday wednesday thursday friday saturday sunday mate team guys folks everyone all
    name names surname forename dob addr address tel phone mobile email ref re nok kin date birth
    urgent important serious emergency quick late till christmas xmas easter weekend
    voicemail message text sms letter note reminder full nmae
    help correspondence enquiries attention reference information details appointment appt
    wow ouch ugh argh oops yay omg hmm phew
    geboren mon nom est habite wohnt woont au aux chez
    pmh psh dh sh fh hpc rx tto nkda nka dx hx tx mx ix sx copy seen noted
    great brilliant lovely perfect cool awesome excellent amazing wonderful fab fantastic news
    adresse adres anschrift ma mes mein meine mijn
    bye byee ta xx xxx
    reception receptionist admin office surgery practice team staff secretary manager
    ihr sehr geehrte geehrter termin muss leider présente un une relation cause jury service
    bring brings born fr
    ye wi aw valid wegen domicilié domiciliée demeurant mevr dhr typo bitte befund schicken
    je huisarts praktijk afspraak groet gym waiver traveller traveler arr prompt peacefully
    eircode soussigné soussignée carer diary nonna nonno abuela abuelo
    dosette community matron caller engraving parkrun box wk hosp vis joindre pouvez
    pls plz come card donor reply rsvp
    apotheek apotheke apotheker pharmacie lieferschein feuille soins assuré assurée infirmière
    infirmier huisbezoek nails chart stuck
    allergy band reason recovering check matin soir krankenhaus verwijsbrief fysiotherapie
    contact impfung grippeimpfung rücken bauch kopf knie hals schulter nacken hüfte bein
    montag dienstag mittwoch donnerstag freitag samstag sonntag lundi mardi mercredi jeudi
    vendredi samedi dimanche maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
    bay bed transcript anmeldung hausarztpraxis frau kollegin kollege collega upstairs downstairs
    number interpreter azerbaijani albanian amharic arabic bengali bulgarian cantonese dari farsi
    kurdish mandarin pashto punjabi romanian somali tigrinya turkish ukrainian urdu
"""
COMMON_WORDS = frozenset(_COMMON.split())


@lru_cache(maxsize=2)
def _lexicon(filename: str) -> frozenset[str]:
    raw = resources.files("safety.pii").joinpath(filename).read_text("utf-8")
    names = {ln.strip() for ln in raw.splitlines() if ln.strip() and not ln.startswith("#")}
    if len(names) < 500:
        raise ValueError(f"safety/pii/{filename} is missing or truncated")
    return frozenset(names - STOP_WORDS - COMMON_WORDS)


def given_names() -> frozenset[str]:
    """The packaged given-name list, minus words that are also common English."""
    return _lexicon("given_names.txt")


def surnames() -> frozenset[str]:
    """The packaged surname list, minus words that are also common English."""
    return _lexicon("surnames.txt")


# German, French and Dutch function words that the English NER model reads as part of a name in
# continental text ("besserung mit", "van je", "das Rezept für X"; fourteenth round). Pronouns,
# possessives, articles, prepositions and verbs of the commonest kind, written by hand: spaCy's
# German, French and Dutch stop lists also hold "tel", "sent", "lange", "bas" and "sur", which
# are parts of names and places ("Marlies Lange", "Maury-sur-Grenier"), and the particles ("van",
# "de", "von und zu") stay out.
_CONTINENTAL_FUNCTION = """
    mit für fur dein deine deinem deinen deiner dich dir mich mir ich du wir ist sind bin bist
    hat habe haben kannst kann können nicht auch noch schon sehr gute gut bei nach zum zur vom
    beim ein eine einen einem einer dem dies diese dieser
    tu il elle nous vous avec pour dans est sont suis ton ta tes sa ses notre votre vos leur
    une et ou mais pas très merci
    je jij jou jouw mij ik het een voor met bij naar ons onze uw wij niet ook wel nog maar
"""
CONTINENTAL_FUNCTION = frozenset(_CONTINENTAL_FUNCTION.split())


def is_common(word: str) -> bool:
    """An everyday English word, never a name on its own."""
    w = word.lower().replace("’", "'").strip("'")
    # contractions of common words, with or without the apostrophe: "we're", "hasn't", "isnt"
    head = w.split("'")[0]
    bare = w[:-3] if w.endswith("n't") else w[:-2] if w.endswith("nt") else w
    return any(x in STOP_WORDS or x in COMMON_WORDS for x in (w, head, bare)) or len(w) < 2


def _non_english(word: str) -> bool:
    return any(ch.isalpha() and not ch.isascii() for ch in word)


# Endings of English adjectives and verb forms ("menopausal", "intolerant", "exhausted").
_ENGLISH_ENDING = re.compile(r"(?:ed|ing|al|ous|ive|ful|less|able|ible|ic|ish|ary|ory|ant)$")


POSSESSIVE = ("'s", "’s")
_GAELIC_PREFIX = re.compile(r"^(?:mc|mac|o['’]|ní|nic|ó)[^\W\d_]{2,}")


def name_prefix(value: str, evidence: str) -> str:
    """The words of `value` that make a name, or "" when they cannot.

    Particles are kept only when a name word follows. `evidence` is what the cue leaves to the
    words themselves:

    - "cue": nothing; the name is the leading run of uncommon, non-clinical words;
    - "tail": the same, but the run that ends the match ("its niamh" before "here");
    - "whole": the whole match must be uncommon words, the first without an English adjective
      or verb ending (nor a final -s), unless the words are "known" (below);
    - "known": a word carries a non-English letter, or the first is a known given name;
    - "titled": as "known", or a word is a known surname or has a Gaelic prefix ("mcconnon").
    """
    allow = load_allow_list()
    runs: list[list[re.Match[str]]] = [[]]
    for tok in re.finditer(r"[^\s]+", value):
        word = tok.group().lower()
        # "an" inside an Irish surname after Mac/Nic/Mhic ("Mac an tSionnaigh", "mac giolla an
        # átha"), where it is no English article
        gaelic_an = word == "an" and any(t.group().lower() in _MAC for t in runs[-1])
        if word in PARTICLES or gaelic_an:
            runs[-1].append(tok)
        elif is_common(word) or is_allow_listed(word, allow):
            runs.append([])
        else:
            runs[-1].append(tok)
    run = runs[-1] if evidence == "tail" else runs[0]
    while run and run[-1].group().lower() in PARTICLES:
        run.pop()
    words = [t.group().lower() for t in run if t.group().lower() not in PARTICLES]
    if not words:
        return ""
    found = value[run[0].start() : run[-1].end()]
    if evidence in ("cue", "tail"):
        return found
    known = words[0] in given_names() or any(_non_english(w) for w in words)
    # an Irish particle inside the name ("Miceal Ó Leidhin")
    known = known or any(t.group().lower() in _IRISH_INNER for t in run)
    if evidence == "titled":
        known = known or any(w in surnames() or _GAELIC_PREFIX.match(w) for w in words)
        # a surname particle before a name word ("dr van hulten", "dr de Hoog")
        known = known or run[0].group().lower() in PARTICLES
        if known:
            return found
        # "dr Lombard": a capital after a title, and only the capitalised words ("Dr. Smith's
        # office" is "Smith's")
        caps = list(itertools.takewhile(lambda t: t.group()[:1].isupper(), run))
        if not caps:
            return ""
        end = caps[-1].end() - (
            2 if value[caps[-1].end() - 2 : caps[-1].end()] in POSSESSIVE else 0
        )
        return value[caps[0].start() : end]
    if evidence == "whole":  # "talks" in "my friend talks about" is a verb, not a name
        plain = not _ENGLISH_ENDING.search(words[0]) and not words[0].endswith("s")
        return found if found == value and (known or plain) else ""
    return found if known else ""


# a word, with an inner apostrophe ("o'neill"), or the Scottish Gaelic "a'" ("mac a' phearsain")
def name_like(value: str) -> str:
    """As `name_prefix(value, "whole")`, and also a first word ending in -us, -is or -os
    ("marcus", "Julius", "lewis"): plural nouns ("kids", "nurses") end otherwise."""
    whole = name_prefix(value, "whole")
    if whole:
        return whole
    found = name_prefix(value, "cue")
    if not found or found != value.strip():
        return ""
    first = found.lower().split()[0]
    plural = first.endswith("s") and not first.endswith(("us", "is", "os"))
    return "" if _ENGLISH_ENDING.search(first) or plural else found


TOK = r"(?:\b[aA]['’](?=\s)|[^\W\d_]+(?:['’][^\W\d_]+)?)"
TOKS = rf"{TOK}(?:[ -]{TOK}){{0,3}}"
STRONG_CUE = (
    r"(?i:\bmy\s+name\s+is|\bmy\s+name'?s|\bname'?s|\bname\s+is|\bi'?m\s+called|"
    r"\bi\s+am\s+called|\bcall\s+me|\bpatient(?:'s)?(?:\s+name)?\s*:|\bname\s*:|\bpt\s*:|"
    r"\bit['’]?s\s+me,?|\bit\s+is\s+me,?|\bn(?:mae|aem|ame)\s+(?:is|iz)|\bnmaes?|"
    # "my surname is X now", "her maiden name was X"
    r"\b(?:sur|maiden\s+|family\s+|last\s+|first\s+|middle\s+|given\s+)name\s+(?:is|was|now\s+is))"
)
OPENING = r"(?:^|[.!?,;:]\s*|(?i:\b(?:hi|hiya|hello|hey|morning|evening|afternoon|its|it's))\s+)"
# What follows a relative's name in a sentence ("my son ruairidh has...", "my mum, ann, is").
AFTER_NAME = (
    r"(?=\s*(?:[,.;!?()]|$)|\s+(?i:on|in|at|after|about|for|to|with|from|but|"
    r"is|was|has|had|says|said|thinks|thought|does|did|can|cant|re|"
    r"can't|could|will|wont|won't|would|keeps|kept|noticed|found|told|wants|needs|rang|called|"
    r"shes|hes|she's|he's|she|he|"
    r"brought|drove|took|gets|got|and|who|also|just|made|makes|saw|heard|knows|came|went|asked|"
    r"isn't|isnt|wasn't|doesn't|didn't|hasn't|goes|lives|works|looks|pick|picks|picked|bring|"
    r"collect|collects|drive|drives|come|comes|ring|rings|phone|phones|help|helps|helped|take|"
    r"takes|stay|stays|stayed|sign|signs|signed|visit|visits|visited|look|live|work|are|were|"
    r"started|starts|stopped|fell|loves|feels|felt|woke|seems|seemed|"
    r"c/o)\b)"
)


class CuedLowerNameRecognizer(RegexRecognizer):
    """Names of any case after strong cues; trimmed at the first common or clinical word."""

    ENTITY = "PERSON"
    EVIDENCE: ClassVar[str] = "cue"
    PATTERNS = (
        (rf"{STRONG_CUE}\s+(?P<v>{TOKS})", 0.85),
        (rf"\bthis\s+is\s+(?P<v>{TOKS})\s+(?i:speaking|calling|here)\b", 0.85),
    )

    def refine(self, value: str) -> str:
        return name_prefix(value, self.EVIDENCE)


class HereNameRecognizer(CuedLowerNameRecognizer):
    """A name opening a clause before "here" ("hiya, its cormac here"), also with where the
    writer is from ("Marika from Konstanz here")."""

    EVIDENCE = "tail"
    PATTERNS = (
        (rf"{OPENING}(?P<v>{TOKS})\s+(?i:here)\b", 0.85),  # not "trouble speaking"
        (
            rf"{OPENING}(?P<v>{TOK}(?:[ -]{TOK}){{0,2}})\s+(?i:from)\s+{TOK}(?:[ -]{TOK}){{0,3}}"
            rf"\s+(?i:here)\b",
            0.85,
        ),
    )


class TitledActorNameRecognizer(CuedLowerNameRecognizer):
    """A name of any case after "dr" and before what a doctor does ("dr collet said", "thanks
    dr steckel!" is not taken: "dr appointment!" has the same shape)."""

    EVIDENCE = "cue"
    PATTERNS = (
        (
            rf"(?i:\b(?:dr|doctor))\.?\s+(?P<v>{TOK}(?:[ -]{TOK}){{0,2}}?)\s+(?i:said|says|told|"
            rf"thinks|thought|wants|wanted|asked|gave|prescribed|referred|rang|called|phoned|"
            rf"explained|reckons|suggested|recommended|examined|saw|sees|who)\b",
            0.85,
        ),
    )

    def refine(self, value: str) -> str:
        found = name_prefix(value, "cue")
        return found if found == value.strip() else ""


class TitledNameRecognizer(CuedLowerNameRecognizer):
    """A lower-case name after a lower-case title ("dr geisler", "mrs ó dálaigh"), when it is a
    known name, has a Gaelic prefix or a non-English letter; "dr appointment" stays."""

    EVIDENCE = "titled"
    PATTERNS = (
        (rf"(?i:\b(?:dr|mr|mrs|ms|mx|prof|doctor|nurse|sister))\.?\s+(?P<v>{TOKS})", 0.85),
        # French, German and Dutch titles ("m. thibault", "mme", "herr", "frau", "dhr.", "mevr.")
        (rf"(?i:\bm\.|\b(?:mme|mlle|herr|frau|dhr|mevr|mevrouw)\b\.?)\s+(?P<v>{TOKS})", 0.85),
        # the German title's accusative, Spanish, Portuguese and Italian titles, and a priest's
        # or a German "Frau" shortened with its dot ("über Herrn X Y", "Sra. X Y", "fr. x y";
        # seventeenth round, from hand-written 14)
        (
            rf"(?i:\b(?:herrn|sra|srta|sr|dña|dona|sig\.ra|sig)\b\.?|\bfr\.)\s+(?P<v>{TOKS})",
            0.85,
        ),
    )


_NOT_AFTER_DETERMINER = "".join(
    rf"(?<!\b{w}\s)"
    for w in ("my", "her", "his", "your", "the", "with", "has", "have", "of", "for")
)


class GreetingItsNameRecognizer(CuedLowerNameRecognizer):
    """A name after a greeting and "its", closed by punctuation ("hiya its joep, the ...")."""

    EVIDENCE = "whole"
    PATTERNS = (
        (
            rf"(?i:\b(?:hi|hiya|hello|hey|morning|evening|afternoon)\s*,?\s+(?:its|it['’]s|"
            rf"it\s+is))\s+(?P<v>{TOK}(?:[ -]{TOK})?)(?=\s*[,.!])",
            0.85,
        ),
    )


class HonorificNameRecognizer(CuedLowerNameRecognizer):
    """A name of any case after "mr", "mrs", "ms" or "mx" ("ms coulon asked"): unlike "dr" or
    "nurse", these titles are never followed by anything but a name."""

    EVIDENCE = "cue"
    PATTERNS = (
        (rf"(?i:\b(?:mr|mrs|mx))\.?\s+(?P<v>{TOKS})", 0.85),
        # "ms" is also multiple sclerosis ("my ms flared"): not after a determiner or a verb
        # of having, and the word must be followed by what follows a name
        (
            rf"(?i:{_NOT_AFTER_DETERMINER}\bms)\.?\s+(?P<v>{TOK}(?:[ -]{TOK})?){AFTER_NAME}",
            0.85,
        ),
    )


class RelativeNameRecognizer(CuedLowerNameRecognizer):
    """A relative's name between "my son" and a verb ("my son ruairidh has..."); the words must
    all look like a name, so "my wife collapsed and" stays; a name ending in -us, -is or -os
    ("my wife vitus is") is one (`name_like`)."""

    EVIDENCE = "whole"
    PATTERNS = ((rf"{P.RELATION},?\s+(?P<v>{TOKS}?){AFTER_NAME}", 0.85),)

    def refine(self, value: str) -> str:
        return name_like(value)


class SignOffNameRecognizer(CuedLowerNameRecognizer):
    """A known given name (or one with a non-English letter) after a request or a sign-off
    ("ask for michelle", "signed peter mac cuilleáin", "regards, anna") or after a comma that
    ends the message ("can i rebook, charlotte weylant")."""

    EVIDENCE = "known"
    PATTERNS = (
        (
            rf"(?i:\bask\s+for|\bspeak\s+(?:to|with)|\bsigned|\bregards|\bcheers|\bthanks|"
            rf"\bthank\s+you|\blove|\byours|\bbest\s+wishes)\s*,?\s+(?P<v>{TOKS})",
            0.8,
        ),
        (rf",\s+(?P<v>{TOK}(?:\s{TOK}){{0,2}})\s*[.!]?\s*$", 0.8),
    )


class CapitalAfterLowerCueRecognizer(CuedLowerNameRecognizer):
    """A capitalised word after a cue typed in lower case ("its Brigitte again", "im Elly"):
    someone who does not capitalise "its" capitalises a name."""

    EVIDENCE = "cue"
    PATTERNS = (
        (
            rf"\b(?:im|i'm|its|it's|this\s+is)\s+"
            rf"(?P<v>[{P.UP}][{P.LOW}]+(?:[ -][{P.UP}][{P.LOW}]+)?)(?![{P.LOW}])",
            0.8,
        ),
        (rf"\bis\s+(?:this|that)\s+(?P<v>[{P.UP}][{P.LOW}]+)\s*\?", 0.8),  # "is this Iain?"
    )


class LexiconNameRecognizer(CuedLowerNameRecognizer):
    """After "i'm", "it's", "this is" or a bare relative, only a known or non-English given
    name: without a dictionary of English, "i'm heavy smoker" looks like "i'm dara mulcahy"."""

    EVIDENCE = "known"
    PATTERNS = (
        (rf"(?i:\bi'?m|\bi\s+am|\bits|\bit['’]s|\bit\s+is|\bthis\s+is)\s+(?P<v>{TOKS})", 0.8),
        (rf"{P.RELATION},?\s+(?P<v>{TOKS})", 0.8),
    )
