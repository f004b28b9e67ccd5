"""Sentence frames for the Faker-locale PII source, written apart from `pii_templates`.

Patients typing as they do: lowercase, missing apostrophes, run-on sentences, the odd typo.
Identifier slots: {name} {first} {last} {dob} {date} {address} {street} {postcode} {city}
{phone}; clinical slots that must survive: {drug} {dose} {clin} {epo}. The two frame sets are
disjoint: DEV_FRAMES may be read while changing the recognizers, TEST_FRAMES only measured.
"""

from __future__ import annotations

DEV_FRAMES: tuple[str, ...] = (
    "hi there my name is {name}, ive had {epo} for years and the {drug} isnt helping",
    "{first} here, sorry to bother you, my dob is {dob}",
    "its about my mum, {name}, born {dob}, shes been confused since {date}",
    "can you post the letter to {address} please, thats my new place",
    "were at {address} now, my husband {first} does the driving",
    "dob {dob} and i take {dose} of {drug} at night",
    "my son {first} is poorly, {clin}, and he wont eat",
    "this is {name} speaking, i had the bloods done on {date}",
    "patient: {name} / dob: {dob} / {clin}",
    "my address is {street}, {postcode} {city} but im staying with my sister",
    "i was born on {dob} and i've had {epo} since i was a teenager",
    "call me {first}, everyone does. the {drug} {dose} makes me dizzy",
    "Hello, I'm {name}. My GP in {city} referred me about my {epo}.",
    "the appointment letter says {date} but i cant make it, {clin} anyway",
    "my wife {first} is worried, i keep forgetting things and my {clin}",
    "sorry for typos. nmae is {name}, live at {street}, {city}",
    "postcode is {postcode} if that helps the ambulance find us",
    "Date of Birth: {dob}. Allergies: none. Meds: {drug} {dose}.",
    "i'm {first} {last} and my daughter made me ring about the {epo}",
    "it was {date}, i remember because it was my sisters birthday, {clin} since then",
)

TEST_FRAMES: tuple[str, ...] = (
    "morning doctor, {name} here, i've been on {drug} since {date} and still no better",
    "my name's {first} and my birthday is {dob}, i think you have me down wrong",
    "could someone ring my daughter {first} on {phone}, she knows my meds",
    "we moved to {address} last month so my notes might be at the old surgery",
    "the district nurse comes to {street} on mondays, {city} {postcode}",
    "dob is {dob}, name {name}, {clin} per the walk in centre",
    "I'm {name}, I have {epo} and they put me on {dose} of {drug}",
    "{name}, born {dob}, lives at {address}",
    "hiya its {first}, the {drug} ran out on {date} and i couldnt get more",
    "my dad {first} {last} has {clin} and is not himself",
    "send results to {street}, {postcode} {city} not the old address pls",
    "I was born {dob}. My mother had {epo} too.",
    "this is {first} calling for my husband, he's had {clin}",
    "brought in by son {first} after a fall on {date}, {clin}",
    "please update: {address}, tel {phone}",
    "my partner {name} says i stop breathing at night, {drug} {dose} didnt help",
    "i live in {city} near {postcode}, is there a clinic closer than the hospital",
    "last seen in clinic on {date} with {epo}, {clin}",
    "my names {name} and my date of birth is {dob}",
    "the referral from Dr {last} in {city} says {clin}",
)

# Written after the first measurement on TEST_FRAMES, before the rules were changed again, so
# the second round of changes has a set that no rule was written against.
FRESH_FRAMES: tuple[str, ...] = (
    "ok so its {first} again, the {drug} gave me a rash on {date}",
    "hello my name is {name} i am ringing for my results from {date}",
    "i think my notes say {dob} but my real birthday is different",
    "we are staying at {address} till the end of the month",
    "{name} (dob {dob}) attended with {clin}",
    "can my brother {first} pick up the {drug} for me",
    "new address is {street}, {postcode}, {city}. phone {phone}",
    "my daughter-in-law {name} will bring me in, i cant drive with my {epo}",
    "is it ok to take {dose} of {drug}? signed {name}",
    "please ring {phone} and ask for {first}",
    "I moved from {city} to {address} after my {epo} diagnosis",
    "appt on {date} was cancelled, can i rebook, {name}",
    "dr {last} said {clin} is fine for now",
    "im {name} and my dob is {dob}, i have {epo}",
    "the ambulance came to {street}, {city} at 3am",
    "born {dob}, {clin}, lives alone at {street}",
    "my mum {name} has {epo}, shes on {dose} of {drug}",
    "regarding {name}, {address}, seen {date}",
    "{first} from {city} here, the {drug} is not working",
    "last period was {date}, {clin}, my GP is Dr {last}",
)

# Clinical content, chosen for this source only (not the lists in `pii_templates`).
DRUGS: tuple[str, ...] = (
    "apixaban",
    "Xarelto",
    "sitagliptin",
    "lansoprazole",
    "Symbicort",
    "mebeverine",
    "carbimazole",
    "hydroxychloroquine",
    "allopurinol",
    "Movicol",
    "colchicine",
    "Buscopan",
    "nitrofurantoin",
    "Gaviscon",
    "budesonide",
    "Fortisip",
    "doxycycline",
    "mesalazine",
)
DOSES: tuple[str, ...] = (
    "5 mg",
    "2.5mg",
    "10mg",
    "1 g",
    "40 mg",
    "200 micrograms",
    "0.5mg",
    "15 mg",
    "250mg",
    "3 puffs",
)
CLINICAL_LOOKALIKES: tuple[str, ...] = (
    "3/7 history",
    "2/52 of diarrhoea",
    "6/12 of weight loss",
    "BP 120/80",
    "BP 145/95",
    "GCS 14/15",
    "GCS 15/15",
    "pain 7/10",
    "T2DM",
    "T1DM",
    "HbA1c 53",
    "sats 94%",
    "eGFR 45",
    "temp 38.4",
    "CRP 112",
    "Hb 98",
)
EPONYMS: tuple[str, ...] = (
    "Crohn's",
    "Bell's palsy",
    "Addison's",
    "Hodgkin's lymphoma",
    "Sjögren's",
    "Ménière's",
    "Raynaud's",
    "Dupuytren's",
    "Paget's disease",
    "Graves' disease",
    "Cushing's",
    "Wilson's disease",
    "Behçet's",
    "Horner's syndrome",
    "Baker's cyst",
    "Morton's neuroma",
    "Osgood-Schlatter",
    "Ehlers-Danlos",
    "Guillain-Barré",
    "Tietze syndrome",
)
