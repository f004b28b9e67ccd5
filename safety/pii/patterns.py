"""Regex building blocks shared by the recognizers, kept apart so each recognizer reads as a table.

Street suffixes follow the USPS and Royal Mail conventions; they are general vocabularies, not
lists fitted to any dev sentence.
"""

from __future__ import annotations

# Letters beyond ASCII (fadas, umlauts, accents, Latin Extended-A) so "Siobhán" and "Müller"
# match as wholes. Extended-A mixes cases, so it sits in both classes.
UP = "A-ZÀ-ÖØ-ÞĀ-ſ"
LOW = "a-zß-öø-ÿĀ-ſ"
NAME = rf"(?:[{UP}][{LOW}]+(?:['’-](?!s\b)[{UP}]?[{LOW}]+)?|[OD]['’])[{UP}{LOW}]*"
# Surname particles: Irish Ó/Ní/Nic/Mac/Uí, Scottish Mc, Dutch van der, French de la, German von.
PARTICLE = (
    r"(?:Ó|Ní|Nic|Mac|Mc|Mhic|Uí|Ua|[Vv]an|[Vv]on|[Dd]e|[Dd]u|[Ll]e|[Ll]a|[Dd]a|[Dd]i|[Dd]er|"
    r"[Dd]en|[Tt]er|[Tt]en|[Dd]el)"
)
PNAME = rf"(?:{PARTICLE}\s+){{0,2}}{NAME}"
TITLE = r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sister|Nurse|(?i:doctor|professor|nurse))\.?"
INTRO = (
    r"(?i:\bmy name is|\bmy name's|\bname's|\bI'm called|\bI am called|\bcall me|\bthis is|"
    r"\bspeaking to|\bi'm|\bi am|\bit's|\bit is|\bsigned|\bregards,|\bthanks,|\bname:|"
    r"\bpatient:|\bpatient is)"
)
# "my mum", "our grandad", or a kin word for a grandparent opening the message.
RELATION = (
    r"(?i:(?:\b(?:my|our|her|his|by)\s+(?:late\s+)?|^(?=(?:grand|gran|nan)))(?:wife|husband|son|daughter|"
    r"mother|mum|mom|father|dad|partner|grandad|granddad|granny|little\s+one|"
    r"sister|brother|friend|girlfriend|boyfriend|grandson|granddaughter|grandmother|grandfather|"
    r"gran|nan|grandma|grandpa|aunt|uncle|cousin|carer|caregiver|neighbour|neighbor|GP|doctor|"
    r"consultant|nurse|colleague|boss|flatmate|roommate|fiancée?|niece|nephew|child|baby|"
    r"stepson|stepdaughter|landlord|therapist|midwife|dentist|pharmacist|ex|ex-wife|"
    r"ex-husband|ex-partner|stepmother|stepfather|stepmum|stepdad|godmother|godfather|godson|"
    r"goddaughter|godchild)"
    r"(?:[- ]in[- ]law)?)"
)

# A capitalised place of up to three words, joined by a connector or not ("Neustadt am
# Rübenberge", "Stratford-upon-Avon", "Bad Langensalza").
PLACE = (
    rf"[{UP}][{LOW}]+(?:(?:[- ](?:upon|on|under|in|le|la|les|by|de|sur|sous|am|an|der|aan|den)"
    rf")?[ -][{UP}][{LOW}]+){{0,2}}"
)

KIN_SUBJECT = (
    r"(?i:\b(?:she|he|i|mum|mom|mother|dad|father|grandma|grandad|granddad|grandpa|gran|granny|"
    r"nan|nana|husband|wife|aunt|auntie|uncle|patient|neighbour|neighbor|grandmother|"
    r"grandfather|who)(?:\s+is|\s+was|'s|\s+turned|\s+turns|\s+will be)"
    r"(?:\s+(?:nearly|almost|now|just|over|about))?)"
)

ID_JOIN = r"(?i:\s+(?:is|was|=))?\s*[:#]?\s*(?i:number\s+|no\.?\s+)?"
ID_VALUE = r"[A-Z0-9][A-Z0-9-]{3,19}[A-Z0-9]|\d(?:[ -]?\d){4,15}"
MRN_CUE = (
    r"(?i:\bMRN|\bmedical record(?:s)?(?:\s+(?:number|no\.?|#|id))?|\bhospital\s+(?:number|no\.?|"
    r"id|#)|\bpatient\s+(?:id|number|no\.?|#|identifier)|\bunit\s+(?:number|no\.?)|"
    r"\brecord\s+(?:number|no\.?)|\bchart\s+(?:number|no\.?)|\bcase\s+(?:number|no\.?)|"
    r"\bCHI(?:\s+number)?|\bhosp(?:ital)?\s*#|\b(?:file|registration|reference|ref|notes|"
    r"wristband|clinic|hospital|patient)\s+(?:number|no\.?|#|id|ref))"
)
INSURANCE_CUE = (
    r"(?i:\b(?:insurance|policy|member|membership|subscriber|medicare|medicaid|health plan|"
    r"group|plan|BUPA|Aetna|Cigna|Humana|Kaiser|AXA|Vitality|Blue Cross)"
    r"(?:\s+(?:card|policy|member|plan))?\s*(?:id|number|no\.?|#)"
    r"|\bpolicy|\bmember\s+id)"
)
LICENCE_CUE = (
    r"(?i:\b(?:driver'?s?|driving|drivers)\s+licen[cs]e(?:\s+(?:number|no\.?|#|id))?|"
    r"\blicen[cs]e\s+(?:number|no\.?|#)|\bDL\s*(?:number|no\.?|#))"
)
DOB_CUE = (
    r"(?i:\bdate of birth|\bD\.?O\.?B\.?(?:'s)?|\bborn|\bbirthday(?:'s)?|\bbirth date|"
    r"\bgeboren(?:\s+am)?|\bgeb(?:urts)?\.?-?\s?datum|\bgeboortedatum|\bgeb\.|"
    r"\bn[ée]e?\s+le|\bn[ée]\(e\)\s+le|\bdate\s+de\s+naissance)"
    r"(?i:\s*(?:[:\s]|\.{2,})\s*(?:is|was|on|=|as)?)?"
)

# English month names and abbreviations, and the French, German and Dutch month names that
# differ from them ("12 avril 1980", "3. März", "5 mei").
_NORTH_EAST = (
    r"desember|jaanuar|veebruar|m[äa]rts|aprill|juuni|juuli|oktoober|detsember|"
    r"janv[āa]r[īi]|febru[āa]r[īi]|mart[āa]|apr[īi]l[īi]|maij[āa]|j[ūu]nij[āa]|j[ūu]lij[āa]|"
    r"august[āa]|septembr[īi]|oktobr[īi]|novembr[īi]|decembr[īi]|"
    # Icelandic, Indonesian, Azerbaijani and Zulu month names that differ from the others ("5.
    # júní 2017", "29 Agustus 2002", "28 noyabr 2022", "10 uNhlangulana 2024"; seventeenth
    # round, from fresh16)
    r"jan[úu]ar|febr[úu]ar|apr[íi]l|ma[íi]|j[úu]n[íi]|j[úu]l[íi]|[áa]g[úu]st|okt[óo]ber|"
    r"n[óo]vember|maret|agustus|yanvar|fevral|mart|aprel|iyun|iyul|avqust|sentyabr|oktyabr|"
    r"noyabr|dekabr|umasingana|unhlolanja|undasa|umbasa|unhlaba|unhlangulana|untulikazi|"
    r"uncwaba|umandulo|umfumfu|ulwezi|uzibandlela"
)
_LITHUANIAN = (
    r"sausio|vasario|kovo|baland[žz]io|gegu[žz][ėe]s|bir[žz]elio|liepos|rugpj[ūu][čc]io|"
    r"rugs[ėe]jo|spalio|lapkri[čc]io|gruod[žz]io"
)
MONTH = (
    r"(?i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|"
    r"janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|"
    r"d[ée]cembre|januar|februar|m[äa]rz|juni|juli|oktober|dezember|januari|februari|maart|mei|"
    r"augustus|"
    # Spanish, Italian, Portuguese and Polish (genitive, as after a day) month names ("14 de
    # julio de 1970", "3 giugno 1948", "14 lipca 1970")
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|se?ptiembre|octubre|noviembre|diciembre|"
    r"gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|"
    r"janeiro|fevereiro|mar[çc]o|maio|junho|julho|setembro|outubro|novembro|dezembro|"
    r"stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|wrze[śs]nia|"
    r"pa[źz]dziernika|listopada|grudnia|"
    # the abbreviations that differ from the English ones ("17 Okt. 1972", "3 févr.", "8 mrt")
    r"okt|dez|m[äa]r|janv|f[ée]vr|avr|juil|d[ée]c|mrt|"
    # Irish month names, as in letters and forms written in Irish ("8 Feabhra 1950", "5 Deireadh
    # Fómhair"); Samhain and Nollaig are also a festival and Christmas, so only after a day
    r"ean[áa]ir|feabhra|m[áa]rta|aibre[áa]n|bealtaine|meitheamh|i[úu]il|l[úu]nasa|"
    r"me[áa]n\s+f[óo]mhair|deireadh\s+f[óo]mhair|(?<=\d\s)(?:samhain|nollaig)|"
    # Slovak, Finnish and Croatian month names as written after a day ("17. apríla 1997", "4.
    # elokuuta 2017", "9. studenoga 1988."; fifteenth round, from fresh14)
    r"janu[áa]ra|febru[áa]ra|apr[íi]la|m[áa]ja|j[úu]na|j[úu]la|augusta|septembra|okt[óo]bra|"
    r"novembra|decembra|tammikuuta|helmikuuta|maaliskuuta|huhtikuuta|toukokuuta|kes[äa]kuuta|"
    r"hein[äa]kuuta|elokuuta|syyskuuta|lokakuuta|marraskuuta|joulukuuta|sije[čc]nja|velja[čc]e|"
    r"o[žz]ujka|travnja|svibnja|lipnja|srpnja|kolovoza|rujna|studenoga|prosinca|"
    # Norwegian, Estonian and Latvian month names that differ from the others ("11. desember
    # 2021", "13. juuni 2020", "24. jūlijā"; sixteenth round, from fresh15)
    rf"{_NORTH_EAST}|"
    # Lithuanian month names (genitive, before the day: "2007 m. lapkričio 25 d.")
    rf"{_LITHUANIAN})\.?"
)
# The same names in lower case, which may follow a day's dot as the German ones do.
_CENTRAL_NORTH_LOWER = (
    r"(?:janu[áa]ra|febru[áa]ra|apr[íi]la|m[áa]ja|j[úu]na|j[úu]la|augusta|septembra|okt[óo]bra|"
    r"novembra|decembra|[a-zäö]+kuuta|sije[čc]nja|velja[čc]e|o[žz]ujka|travnja|svibnja|lipnja|"
    r"srpnja|kolovoza|rujna|listopada|studenoga|prosinca|"
    rf"{_NORTH_EAST})\b"
)
# Day numbers, and ordinals written as words ("the twenty-second of May").
_UNITS = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
DAY_WORD = (
    rf"(?i:(?:twenty|thirty)[- ](?:{_UNITS})|tenth|eleventh|twelfth|thirteenth|fourteenth|"
    rf"fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|{_UNITS})"
)
# (and the French first of the month, "1er mai"; sixteenth round)
DAY = r"(?:1er|(?:[12]\d|3[01]|0?[1-9])(?i:st|nd|rd|th)?)"
# A weekday's name, and a weekday written before a date ("wed 17th june", "Monday, 3 March").
WEEKDAY_NAME = (
    r"(?i:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:s|nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|"
    r"sat(?:urday)?|sun(?:day)?|"
    # the French, German and Dutch weekdays ("lundi 4 nov.", "Dienstag, 3. März"; fourteenth
    # round)
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|"
    r"freitag|samstag|sonntag|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|"
    # the Indonesian weekdays ("Kamis, 29 Agustus 2002"; seventeenth round, from fresh16)
    r"senin|selasa|rabu|kamis|jumat|sabtu|minggu)"
)
WEEKDAY = rf"{WEEKDAY_NAME}\.?,?\s+(?i:the\s+)?"
# Months in Roman numerals, as many continental Europeans write them ("21.III.1958").
ROMAN_MONTH = r"(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)"
YEAR = r"(?:19|20)\d{2}"
# English three-letter month abbreviations, any case.
_MONTH3 = r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
# English month names, full or short (the year first: "2024 march 24"; fifteenth round).
_MONTH_EN = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
NUMERIC_DATE = (
    rf"(?:0?[1-9]|[12]\d|3[01])[/.-](?:0?[1-9]|1[0-2]|[12]\d|3[01])[/.-](?:{YEAR}|\d{{2}})|"
    rf"{YEAR}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])|"
    # with spaces round the separators and a full year ("23 / 06 / 1959")
    rf"(?:0?[1-9]|[12]\d|3[01]) [/.-] (?:0?[1-9]|1[0-2]) [/.-] {YEAR}|"
    rf"(?:0?[1-9]|[12]\d|3[01])[./ -]{ROMAN_MONTH}[./ -](?:{YEAR}|\d{{2}})|"
    # a lower-case Roman month only between dots and before a full year ("23.iii.2025")
    rf"(?:0?[1-9]|[12]\d|3[01])\.(?i:xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i)\.{YEAR}|"
    # or between hyphens ("7-ix-1972"; thirteenth round)
    rf"(?:0?[1-9]|[12]\d|3[01])-(?i:xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i)-{YEAR}|"
    # the year first before a month's name and the day, with spaces ("2022 may 29", "1949 Feb
    # 2"; thirteenth round)
    # (also before a colon that closes a heading: "Pump download 2021 December 27: ..."; not
    # before a clock time)
    rf"\b{YEAR}\s+{_MONTH_EN}\s+(?:0?[1-9]|[12]\d|3[01])(?![\d{LOW}]|:\d)|"
    # the month first with hyphens ("Apr-07-2020", "jan-02-22")
    rf"\b{_MONTH3}-(?:0?[1-9]|[12]\d|3[01])-(?:{YEAR}|\d{{2}})(?![\d-])|"
    # day, month and year run together, as on forms and wristbands ("15oct1982", "02FEB1949")
    rf"\b(?:0?[1-9]|[12]\d|3[01]){_MONTH3}(?:{YEAR}|\d{{2}})\b|"
    # fourteenth round, from fresh13 and hand-written 11: the Hungarian year first with a dot
    # after each part ("1958. 04. 12.", "2022.09.21."), the Czech and Slovak day and month with
    # a space after each dot ("3. 5. 1947"), a short month between dots or hyphens, day first or
    # year first ("27.Jan.1977", "18.may.2021", "1949-Aug-11")
    rf"\b{YEAR}\.\s?(?:0?[1-9]|1[0-2])\.\s?(?:0?[1-9]|[12]\d|3[01])\.(?!\d)|"
    rf"\b(?:0?[1-9]|[12]\d|3[01])\.\s(?:0?[1-9]|1[0-2])\.\s{YEAR}(?!\d)|"
    rf"\b(?:0?[1-9]|[12]\d|3[01])\.{_MONTH3}\.(?:{YEAR}|\d{{2}})(?!\d)|"
    rf"\b{YEAR}-{_MONTH3}-(?:0?[1-9]|[12]\d|3[01])(?![\d-])|"
    # fifteenth round, from fresh14: a lower-case Roman month between spaces before a full year
    # ("27 vii 1966"), and a padded month and a full year with no day ("07/2025")
    rf"\b(?:0?[1-9]|[12]\d|3[01])\s(?i:xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i)\s{YEAR}(?!\d)|"
    rf"(?<![\d/.])\b(?:0[1-9]|1[0-2])/{YEAR}(?![\d/])|"
    # and the German "mai" after a day's dot when a year follows ("29. mai 1971")
    rf"\b(?:[12]\d|3[01]|0?[1-9])\.\s?(?i:mai)\s+{YEAR}(?!\d)|"
    # sixteenth round, from fresh15 and hand-written 13: the Lithuanian "2007 m. lapkričio 25 d."
    # and Latvian "1995. gada 24. jūlijā" (the year first), a lower-case Roman month between
    # slashes ("8/vi/1935", "5/ix/58"), and a two-digit year after an apostrophe ("3-4-'52")
    rf"\b{YEAR}\s?m\.\s+(?i:{_LITHUANIAN})\s+(?:[12]\d|3[01]|0?[1-9])(?:\s?d\.)?(?!\d)|"
    rf"\b{YEAR}\.\s+(?i:gada)\s+(?:[12]\d|3[01]|0?[1-9])\.\s+(?i:{_NORTH_EAST})|"
    rf"\b(?:0?[1-9]|[12]\d|3[01])/(?i:xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i)/(?:{YEAR}|\d{{2}})"
    rf"(?![\d/])|"
    rf"\b(?:0?[1-9]|[12]\d|3[01])[-/.](?:0?[1-9]|1[0-2])[-/.]['’]\d{{2}}(?!\d)|"
    # the Chinese and Japanese "1991年7月22日" (seventeenth round, from fresh16)
    rf"{YEAR}年(?:1[0-2]|0?[1-9])月(?:[12]\d|3[01]|0?[1-9])日"
)
# A German month written in lower case after the day's dot ("9. dezember 2021"; twelfth round);
# "mai" stays out, as the other months do not need it to be told from "2. May I".
_GERMAN_LOWER = (
    r"(?:januar|februar|m[äa]rz|april|juni|juli|august|september|oktober|november|dezember)\b|"
    # and its short forms with their dot ("8. dez. 2025"; fourteenth round)
    r"(?:jan|feb|m[äa]r|apr|aug|sept?|okt|nov|dez)\."
)
# "3 March", "3rd of March", "02-Feb"; "March 3rd", "Oct 1"
# (a German day is written with a full stop: "2. März 1950"; not before "May", as in "2. May I")
DAY_MONTH = (
    rf"(?:{DAY}(?:\s+(?i:(?:day\s+)?of\s+|de\s+)?|\s?-\s?|/)|{DAY_WORD}\s+(?i:of)\s+|"
    rf"(?:[12]\d|3[01]|0?[1-9])\.\s?(?!May\b)(?=[{UP}]|{_GERMAN_LOWER}|{_CENTRAL_NORTH_LOWER}))"
    rf"{MONTH}(?![{LOW}])"
)
MONTH_DAY = rf"\b{MONTH}\s+(?i:the\s+)?{DAY}(?![\d{LOW}])"
# A weekday in brackets after a full date ("16 Nov 1970 (Mon)"; seventeenth round, from fresh16)
_WEEKDAY_AFTER = r"(?:\s\((?i:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?\))?"
FULL_DATE = (
    rf"(?:(?:{DAY_MONTH}(?:,?\s+|\s?-\s?|/|\s+(?i:de)\s+)(?:{YEAR}|'?\d{{2}}(?!\d|:\d))|"
    rf"{MONTH_DAY},?\s+(?:{YEAR}|['’]\d{{2}}(?!\d|:\d))|{NUMERIC_DATE}){_WEEKDAY_AFTER})"
)
# A month with a year and no day ("since march 2019", "born May 1950").
MONTH_YEAR = rf"\b{MONTH},?\s+{YEAR}(?!\d)"
# Any written calendar date: with a year, or a day and a month name without one, or a month and
# a year, optionally after a weekday. Numeric day and month without a year stay out: "3/7"
# (three days), "5/10" (a pain score), "14/15" (GCS).
DATE_ANY = rf"(?:(?:{WEEKDAY})?(?:{FULL_DATE}|{DAY_MONTH}|{MONTH_DAY})|{MONTH_YEAR})"
# A weekday and an ordinal day with no month ("fri 9th", "Tuesday the 14th").
WEEKDAY_ORDINAL = (
    rf"(?:{WEEKDAY}(?:[12]\d|3[01]|0?[1-9])(?i:st|nd|rd|th)(?![{LOW}\d])|"
    # a French, German or Dutch weekday before the bare day's number ("le vendredi 9 pour",
    # "Dienstag 4"; sixteenth round, from hand-written 13): the day is written without a suffix
    rf"(?i:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|"
    rf"donnerstag|freitag|samstag|sonntag|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|"
    rf"zondag)\s+(?:[12]\d|3[01]|0?[1-9])(?![{LOW}\d]|[:.,]\d))"
)
# A day and a month in figures with no year after a word that introduces a date ("next appt
# 14/10", "seen on 3/11"); alone they stay ("3/7" three days, "5/10" a score), and the
# clinical spans ("6/12", "2/52") veto the soft DATE type.
DATE_CUE = (
    r"(?i:\b(?:on|appt|appointment|seen|review(?:ed)?|booked(?:\s+for)?|since|until|till|"
    r"dated|date|from|next|due|r/v|(?:moved|changed|rebooked|postponed)\s+to|admitted|"
    r"discharged|dispensed|issued|attended|collected|given|check-?up|handed\s+in|visiting|"
    # a booking carried over to another day ("Rolling over to 26/11:", "pushed back to")
    r"(?:moved|rolling|rolled|carried|pushed|put|brought)\s+(?:back\s+|forward\s+|over\s+)?to)\s*:?\s+)"
)
# Day, month and year in figures separated by single spaces ("24 2 2000"), taken only after a
# birth or date cue: alone, three numbers are as often a count or a score.
SPACED_DATE = rf"(?:[12]\d|3[01]|0?[1-9]) (?:1[0-2]|0?[1-9]) {YEAR}(?![\w/.,:]?\d)"
# The same with a two-digit year, every part of two digits ("13 09 21"; fourteenth round), also
# only after a cue.
SPACED_DATE_SHORT = r"(?:[12]\d|3[01]|0[1-9]) (?:1[0-2]|0[1-9]) \d{2}(?![\w/.,:]?\d)"
DAY_MONTH_NUMERIC = r"(?:[12]\d|3[01]|0?[1-9])/(?:0?[1-9]|1[0-2])(?![\d/]|\.\d)"
# The German day and month with a closing dot and no year ("am 21.07.", "von 03.04. bis 09.04."),
# taken only after a date or birth cue or as the end of a range.
# Both parts have two digits, as on German forms: "from 2.5. to 5." is a dose.
DOT_DAY_MONTH = r"(?:[12]\d|3[01]|0[1-9])\.(?:0[1-9]|1[0-2])\.(?![\d])"
# A weekday before a day and a month in figures ("Mon 25/11", "thu 15/4"): the weekday settles it.
WEEKDAY_DAY_MONTH = (
    r"(?i:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:s|nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|"
    r"sat(?:urday)?|sun(?:day)?)\.?,?\s+"
    r"(?:[12]\d|3[01]|0?[1-9])/(?:0?[1-9]|1[0-2])(?![\d/]|\.\d)"
)
# "the 2nd" or "the twentieth" after a preposition of time, closing the clause or before a time
# ("on the 2nd, given ...", "ring after the twentieth"); "on the 2nd floor" stays.
# The same after a move of an appointment, a review or a header field ("moved to the sixth for
# X", "R/V the third.", "Sent: the twenty-second"), and before what closes a date in a clause
# ("on the twenty-seventh got cancelled", "... for X re ...").
DAY_ORDINAL = rf"(?i:the)\s+(?:{DAY_WORD}|(?:[12]\d|3[01]|0?[1-9])(?i:st|nd|rd|th))"
DAY_CLOSES = (
    r"(?=\s*(?:[,.;!?)\n]|$)|\s+(?i:at|and|to|till|until|then|or|for|got|with|but|because|when|"
    r"re|was|is|by|about|appointment|appt)\b|\s*[|/])"
)
DAY_ALONE = (
    rf"(?i:\b(?:on|since|until|till|from|by|before|after|r/v|sent|dated|given|admitted|"
    rf"discharged|dispensed|visiting|check-?up|date|(?:moved|changed|rebooked|postponed)\s+to)"
    rf"\s*:?\s+)"
    rf"(?P<v>{DAY_ORDINAL}){DAY_CLOSES}"
)
AGE90 = r"(?:9\d|1[01]\d)"

UK_POSTCODE = r"(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})"
US_STATE = (
    r"AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|"
    r"NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR|Alabama|Alaska|Arizona|"
    r"Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|"
    r"Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|"
    r"Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|"
    r"North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|"
    r"South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|"
    r"Wyoming"
)
UK_PHONE = (
    r"(?P<v>(?:\+44\s?\(?0?\)?\s?|\(?0)(?:7\d{3}\)?\s?\d{3}\s?\d{3}|\d{2,4}\)?[\s-]?\d{3,4}"
    r"[\s-]?\d{3,4}))"
)
US_PHONE = (
    r"(?P<v>(?:(?:\+|00)?1[\s.-]?)?\(?[2-9]\d{2}\)?[\s.-]?\d{3}[\s.-]?\d{4}"
    r"(?:\s?(?:x|ext\.?)\s?\d{1,5})?)"
)

# Any number written with an international prefix (+353 86 ..., 0049 30 ..., +33 (0)6 ...).
INTL_PHONE = (
    r"(?P<v>(?:\+|00)[1-9]\d{0,2}[\s.-]?(?:\(0\)\s?)?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}"
    r"(?:\s?(?:x|ext\.?)\s?\d{1,5})?)"
)
# French numbers: ten digits in pairs, the first 0 then 1-9 ("06 12 34 56 78").
FR_PHONE = r"(?P<v>0[1-9](?:[\s.-]?\d{2}){4})"
# Swiss and Belgian numbers grouped 3-3-2-2 or 2-3-2-2 with single spaces ("075 022 44 32",
# "01 399 07 99"; a Belgian landline has nine digits).
CH_BE_PHONE = r"(?P<v>0\d{1,2} \d{3} \d{2} \d{2})"
# German landlines: a 0 and a three- to five-digit area code, bracketed or not, then the number
# in one group of four to eight digits ("(09399) 44639", "05893 06698").
DE_PHONE = r"(?P<v>\(0[1-9]\d{2,4}\)[\s/-]?\d{4,8}|0[1-9]\d{2,4}[\s/-]\d{4,8})"

STREET_SUFFIX = (
    r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Court|Ct|Way|Boulevard|Blvd|Place|"
    r"Pl|Terrace|Crescent|Cres|Gardens|Gdns|Grove|Hill|Square|Sq|Parkway|Pkwy|Circle|Cir|Row|"
    r"Mews|Walk|View|Park|Rise|Green|Vale|Parade|Highway|Hwy|Trail|Trl|Path|Pike|Loop|Alley|"
    r"Aly|Bend|Bluff|Bluffs|Branch|Bridge|Brook|Brooks|Burg|Bypass|Camp|Canyon|Cape|Causeway|"
    r"Center|Centre|Circles|Cliff|Cliffs|Club|Common|Commons|Corner|Corners|Course|Courts|Cove|"
    r"Coves|Creek|Crest|Crossing|Crossroad|Curve|Dale|Dam|Divide|Drives|Estate|Estates|"
    r"Expressway|Extension|Falls|Ferry|Field|Fields|Flat|Flats|Ford|Fords|Forest|Forge|Forges|"
    r"Fork|Forks|Fort|Freeway|Garden|Gateway|Glen|Glens|Greens|Harbor|Harbors|Haven|Heights|"
    r"Hills|Hollow|Inlet|Island|Islands|Isle|Junction|Junctions|Key|Keys|Knoll|Knolls|Lake|Lakes|"
    r"Landing|Light|Lights|Lock|Locks|Lodge|Manor|Manors|Meadow|Meadows|Mill|Mills|Mission|"
    r"Motorway|Mount|Mountain|Mountains|Neck|Orchard|Oval|Overpass|Parks|Parkways|Pass|Passage|"
    r"Pine|Pines|Plain|Plains|Plaza|Point|Points|Port|Ports|Prairie|Radial|Ramp|Ranch|Rapid|"
    r"Rapids|Rest|Ridge|Ridges|River|Roads|Route|Shoal|Shoals|Shore|Shores|Skyway|Spring|"
    r"Springs|Spur|Spurs|Squares|Station|Stravenue|Stream|Streets|Summit|Throughway|Trace|Track|"
    r"Trafficway|Tunnel|Turnpike|Underpass|Union|Unions|Valley|Valleys|Via|Viaduct|Views|"
    r"Village|Villages|Ville|Vista|Walks|Wall|Ways|Well|Wells|Wharf|Yard|Yards|Approach|Broadway|"
    r"Embankment|Wynd|Chase|Croft|Fold|Gate|Hey|Leys|Side|Extension|Grove|Center|Light|Burg|"
    # Irish and British estate and street words (thirteenth round: "3 Ashgrove Lawn")
    r"Lawn|Lawns|Downs|Drove|Grange|Paddock|Brae|Loan|Vennel|Woods|Demesne|Heath|"
    # USPS also lists these ("Studio 8, Janet Rue", "Bethany Fall")
    r"Fall|Rue)s?\b\.?"
)
STREET = (
    rf"(?:(?:{NAME}|St\.?|Saint|Old|New|North|South|East|West|[NSEW]\.?)\s+){{1,3}}" + STREET_SUFFIX
)
UNIT_WORD = r"(?i:flat|apartment|apt\.?|unit|suite|ste\.?|studio|room|floor|#)"
UNIT = rf"(?:{UNIT_WORD}\s*\d+[A-Za-z]?,?\s+)"
UNIT_TAIL = rf"{UNIT_WORD}\s*\d+[A-Za-z]?"
HOSPITAL_WORD = (
    r"(?:General|Hospital|Infirmary|Royal|Memorial|Medical Cent(?:re|er)|Health Cent(?:re|er)|"
    r"Clinic|Surgery|Community Hospital|University Hospital)"
)

# A month named alone after a preposition of time ("since june", "in March", "till august");
# "may" in lower case is a verb as often as a month, so only "May" counts. Full names only:
# "in mar" or "by dec" are rare and "mar" is a word.
_MONTH_FULL = (
    r"(?i:january|february|march|april|june|july|august|september|sept|october|november|"
    r"december)|May"
)
MONTH_ALONE = (
    r"(?i:\b(?:in|since|until|till|til|from|by|during|last|next|early|late|mid|end\s+of|"
    r"beginning\s+of|start\s+of)[ -])"
    rf"(?P<v>{_MONTH_FULL})(?![\w'’-])(?!\s*(?:\d|(?i:the\s+)?{DAY_WORD}\b))"
)
# A part of a month with its qualifier ("until mid-September", "since early March"): the
# qualifier is a third of the span, so it is reported with the month.
MONTH_PART = (
    r"(?i:\b(?:in|since|until|till|til|from|by|during|before|after)\s+)"
    rf"(?P<v>(?i:mid|early|late)[ -]{_MONTH_FULL})(?![\w'’-])(?!\s*\d)"
)

# Two days and months written with a dot, as a range after "from" ("off work from 5.11 to
# 19.11"): alone "5.11" reads as a decimal, and a range of two lab values has a unit or a test
# name the cue "from ... to" does not.
_DM_DOT = r"(?:[12]\d|3[01]|0?[1-9])\.(?:1[0-2]|0?[1-9])"
DOTTED_RANGE = (
    rf"(?i:\bfrom)\s+(?P<a>{_DM_DOT})(?![\d.]?\d)\s*(?i:to|until|till|-|–)\s*(?P<b>{_DM_DOT})"
    r"(?![\d.]?\d|\s*(?i:mmol|mg|g/l|kg|%|ng|iu|u/l|mm|cm|l\b))"
)
