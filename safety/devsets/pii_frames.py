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

FRESH2_FRAMES: tuple[str, ...] = (
    "voicemail for {first}: your {drug} is ready to collect, we close at 6",
    "Patient: {name}. D.O.B. {dob}. Address: {address}. Referred for {clin}.",
    "sorry {first} i wont make it on {date}, the {epo} is playing up",
    "this is {last} calling about my husband, he took {dose} of {drug} last night",
    "send the letter to {street}, {postcode} {city} not the old one",
    "hi its {first} {last}, the pharmacy on {street} has no {drug} left",
    "my date of birth is {dob} and my postcode is {postcode}",
    "{name} rang on {date} re {clin}, please call back on {phone}",
    "grandad {first} lives at {address} and keeps forgetting his {drug}",
    "the scan on {date} showed {clin}, {last} wants a second opinion",
    "forms signed by {name}, {city}, {date}",
    "she was born on {dob} in {city} and has had {epo} since childhood",
    "thanks dr {last}! the {dose} of {drug} helped a lot",
    "we moved to {postcode} last spring, can you update my records, {first}",
    "next of kin: {name}, tel {phone}",
    "dear {first}, your appointment on {date} is confirmed. {clin} follow up.",
    "my neighbour {first} found me on the floor at {street} and called 999",
    "ref {last}/{dob}: {epo}, on {drug}",
    "{first} {last} here from {city}, is {dose} too much {drug} for a child?",
    "posted the sample from {city} on {date}, name on the tube is {name}",
)

# Written on 2026-12-05 before the fourth round of rule changes, in shapes none of the sets above
# use: sign-offs, forms with the surname first, messages to reception, run-ons without commas.
FRESH3_FRAMES: tuple[str, ...] = (
    "thats all for now, the {dose} of {drug} is still working. cheers, {first} {last}",
    "Name: {last}, {first} | DOB {dob} | Addr {address}",
    "to reception - pls move my appt from {date} to later in the week, {clin}. {name}",
    "my mums {name} shes 80 odd born {dob} lives at {street} {city} on her own and her {epo} "
    "is worse",
    "Surname: {last} Forename: {first} Date of birth: {dob}",
    "re: {name} dob {dob} - {clin}, started on {drug} {dose}",
    "i was at the out of hours in {city} on {date} and they said it was {epo}",
    "could the letter go to {street} {city} {postcode} i moved in the summer",
    "{postcode} is my postcode and {phone} is my mobile, {first}",
    "from {first} at {street}: is {drug} {dose} twice a day ok?",
    "please note change of address for {name}: {address}",
    "birthday {dob}, {clin}, gp is dr {last} in {city}",
    "this message is for dr {last} from {name} tel {phone}",
    "{last} {first}, {dob}, {clin}",
    "yes its me {first}, same address {street}, still on the {drug}",
    "the home visit is at {address} on {date}, her {epo} means she cant get out",
    "kind regards {name} ({dob})",
    "my little one {first} was born {dob} and has {clin}, we live in {city}",
    "hi, {name} again - the chemist in {city} says the {drug} is out of stock till {date}",
    "my carer {first} {last} can answer questions, ring her on {phone}",
)

# Written on 2026-12-05 after the fourth round's last rule change and measured once, to give
# that code a held-out figure: shapes none of the sets above use.
FRESH4_FRAMES: tuple[str, ...] = (
    "quick one - whats the earliest slot? {clin} again. ta, {first}",
    "Ms {last} asked me to pass on that her {drug} dose is {dose}",
    "emergency contact {name} ({phone})",
    "my girlfriend {first} thinks its {epo} but i'm not sure",
    "we've been at {address} since {date}",
    "update pls: dob {dob}, not the one on file",
    "got the letter for {name} at {street} but she moved to {city}",
    "to whom it may concern, {name} has {epo} and takes {drug}",
    "dob:{dob} pc:{postcode}",
    "{first}'s mum here, shes had {clin} all week",
    "the locum, dr {last}, gave me {drug} {dose} on {date}",
    "is this {first}? its the surgery, your bloods from {date} are back",
    "home address {street} {postcode} {city} phone {phone}",
    "they wrote {dob} as my birthday on the form which is right",
    "{name} - {clin} - seen by nurse",
    "my ex {first} {last} is not allowed any information please",
    "sorry wrong date, i was born {dob} not {date}",
    "i'm at my daughter's in {city} till {date}, the {epo} is bad",
    "collecting for {name}, {street}, the {drug}",
    "reminder: {first} {last}, {date}, bring your {drug}",
)

# Written on 2026-12-05 before the fifth round of rule changes and measured once with the rules as
# they were: messages from relatives, forms, chat typos, names inside sentences, addresses in
# running text, notes with dates in several shapes. No rule was written from these shapes.
FRESH5_FRAMES: tuple[str, ...] = (
    "hello im writing on behalf of my father {name} who has {epo}, he cant use the phone",
    "me and {first} went to the walk in at {city} and they sent us home with {drug}",
    "Full name ....... {name}   D.o.B ....... {dob}   Post code ....... {postcode}",
    "plz can sum1 call {first} back abt the {drug} thx",
    "i told {first} {last} at the front desk that my {clin} was worse but nobody rang",
    "we live just off {street} in {city}, the second house on the left",
    "Note {date}: spoke to daughter ({name}) re {epo}. Next review {date}.",
    "hiya doc its {first}s wife, hes still got {clin}",
    "the address on my prescription is wrong it should be {street} {postcode}",
    "Relative: {first} {last} (son). Contact: {phone}.",
    "my aunt {first} in {city} has the same {epo} as me",
    "DOB - {dob} / seen {date} / {clin}",
    "{first} and i are both on {drug} now, is that ok",
    "sent from my phone. {name}, {street}, {city}",
    "our {first} has been off school since {date} with {clin}",
    "the taxi will pick me up from {street} at 9, my friend {first} is coming too",
    "{last} family here, we moved from {city} to {postcode} in the spring",
    "birth date {dob} ; gp surgery in {city} ; allergic to {drug}",
    "Can {first} {last} have a repeat of {drug} {dose} please",
    "i was in hospital in {city} from {date} to {date} with {epo}",
    "asking for my husband {first} who was born on {dob}, his {clin} is back",
    "lost my letter, i think it said {date}? my name is {last}, first name {first}",
    "hi {first} here again!! the {drug} is making me sick",
    "parcel for {name} c/o {street}, {postcode} {city}",
)

# Written on 2026-12-06 before the sixth round of rule changes and measured once with the rules as
# they were: referral letters, an SMS to the surgery, forms with "Surname:" and "Forename:" on
# their own lines, voicemail transcripts, a relative giving details on the phone, e-mail headers,
# and (in the builder) dates in more written shapes than the other sets ("14/10", "Oct 14th",
# "the fourteenth"...). No rule was written from these shapes.
FRESH6_FRAMES: tuple[str, ...] = (
    "Dear Dr {last}, re: {name}, DOB {dob}, of {street}, {city}. "
    "Thank you for seeing her with {epo}.",
    "Hi its {first} {last} dob {dob} can i get my {drug} sent to the chemist pls",
    "Surname: {last}\nForename: {first}\nDate of birth: {dob}\nReason: {clin}",
    "voicemail: hi um this is {first} calling about my mum um {name} she's been on {drug} {dose} "
    "since {date} can you ring me on {phone}",
    "Caller is the patient's daughter, {first}. Patient {name}, born {dob}, "
    "lives at {street}, {postcode}.",
    "appt moved to {date} for {name} re {clin}",
    "I am {last}, {first}, and I was born on the {dob}",
    "the consultant, dr {last}, said to come back on {date}",
    "Next of kin: {name} / tel {phone} / address as patient",
    "Pt seen with wife {first}. {epo} stable. R/V {date}.",
    "he was born {dob} and his name is {first}, he has {clin}",
    "sorry for texting so late, its {first} from {street}, still {clin}",
    "Referred from {city} by Dr {name} on {date} with {epo}",
    "my son {first} was born {dob}, they think its {epo}",
    "Address for correspondence: {address}",
    "I'm ringing for {first} {last}, I'm her carer, she can't remember if she took her {drug}",
    "Patient: {last} {first}, d.o.b. {dob}, {city}",
    "can {first} pick up the prescription on {date}? its {drug} {dose}",
    "{first}!! the clinic on {date} got cancelled, call me back on {phone}",
    "mum ({name}) is staying with us at {address} until {date}",
    "We are going to {city} on {date}, will I need more {drug}",
    "From: {name}\nSent: {date}\nSubject: {epo} follow-up",
    "the system has my birthday as {date} but its actually {dob}",
    "The patient, {first} {last}, attended with {clin}; lives with partner in {city}.",
)

# Written on 2026-12-06 before the seventh round of rule changes and measured once with the rules
# as they were: discharge summaries, pharmacy labels, a school nurse note, insurance and ID forms,
# chat-app messages with a time stamp, clinic-letter CC lists, ward handover notes, "about me"
# lines and dictated notes with the punctuation spoken. No rule was written from these shapes.
FRESH7_FRAMES: tuple[str, ...] = (
    "DISCHARGE SUMMARY\nName: {name}    DOB: {dob}\nAdmitted: {date}    Discharged: {date}\n"
    "Diagnosis: {epo}. TTO: {drug} {dose}.",
    "{drug} {dose} - take ONE at night - {name} - dispensed {date}",
    "School nurse note: {first} {last} was sent home on {date} with {clin}, collected by nan",
    "Policyholder: {name} | Date of Birth: {dob} | Home address: {address} | Tel: {phone}",
    "[{date}, 21:14] {first}: sorry doc its late but the {drug} is making me itchy",
    "cc: {name}, {street}, {city}\ncc: GP practice\nre: {epo}",
    "Handover - bed 12 - {last}, {first}, {dob}, {epo}, for review by dr {last} in the morning",
    "about me: i'm {first}, i love gardening and i live in {city} with my two cats",
    "dictated not read. seen today mr {last} date of birth {dob} comma presents with {clin} "
    "full stop",
    "per telephone {first} {last}s son rang wanting an update, number is {phone}",
    "To: {name}\nYour prescription for {drug} is ready to collect from {street}.",
    "Emergency contact name: {name}  Relationship: sister  Phone: {phone}",
    "kindly referred by Dr {last} of {city}, this lady, {first} {last}, has {epo}",
    "wa msg from {first} - cant make {date}, stuck in {city}, {clin} no better",
    "please deliver to {address} for {name}, {drug} x 28",
    "Dear {first}, thank you for coming in on {date}. Your {epo} review is due on {date}.",
    "Pt {first} {last} DOB {dob} NKDA. PMH {epo}. Rx {drug} {dose}.",
    "{last}, {first} ({dob}) - did not attend {date} - {clin}",
    "our {first} started at the school in {city} and the nurse thinks its {epo}",
    "Signed: {name}    Date: {date}    Witness: {name}",
    "please change my postcode to {postcode}, and my surname is {last} now since the wedding",
    "i live with my partner {first} at {street}, {city}, we've been together since {date}",
    "came in via A&E on {date}, {first} {last} (born {dob}), {epo} flare, {drug} held",
    "letter to {name}, {address}, copy to GP, {clin} discussed",
)

# Written on 2026-12-06 before the eighth round of rule changes and measured once with the rules
# as they were: envelope-style addresses on their own lines, transport bookings, fit notes,
# vaccination records, consent forms, out-of-hours call logs, app repeat requests, travel letters,
# e-mail signatures, bereavement letters, continental form labels (Nom/Prénom, Geb.-Datum,
# Geboortedatum), slash-separated contact lines and "Town/City:" forms; eight locales (en_US and
# de_AT added). No rule was written from these shapes.
FRESH8_FRAMES: tuple[str, ...] = (
    "{name}\n{street}\n{city}\n{postcode}\n\nDear {first}, your {epo} clinic is on {date}.",
    "Transport booked: collect {name} from {address} at 08:30 on {date}, walks with a frame",
    "Fit note: {first} {last} not fit for work from {date} to {date} because of {epo}",
    "Vaccine: flu | Given: {date} | Name: {last}, {first} | Batch: FX2291 | {clin}",
    "I, {name}, agree to the procedure explained to me on {date} by dr {last}",
    "OOH log 02:14 - caller {first} re her father {name}, {clin}, advised 111",
    "Repeat request via app from {name} ({dob}): {drug} {dose} x56",
    "This is to confirm that {name}, date of birth {dob}, needs to carry {drug} on the flight "
    "on {date}.",
    "Best wishes,\n{name}\nPractice Manager\n{phone}",
    "Dear Sir or Madam, I am writing about my late husband {name}, who died on {date} "
    "after years of {epo}.",
    "Nom: {last}  Prénom: {first}  Né(e) le: {dob}  Motif: {clin}",
    "Name: {name}, Geb.-Datum: {dob}, Anschrift: {street}, {postcode} {city}",
    "Geboortedatum {dob} - patiënt {name} - {epo}",
    "{first} {last} / {street} / {postcode} {city} / {phone}",
    "Town/City: {city}   Postcode: {postcode}   Date of birth: {dob}",
    "my stepdaughter {first} lives over in {city} and she has {epo} too",
    "the dentist on {street} sent me here, {clin} since {date}",
    "admitted {date}, discharged {date}, home to {city} with daughter {first}, {drug} {dose} od",
    "i'd like to register my baby {first}, born {dob}, we live at {address}",
    "if i dont answer try {first} on {phone}, she lives round the corner",
    "{date} 14:05 - spoke to {first} (wife) - {clin} - will bring him in",
    "hi doc, me again ({first}), dob {dob}, still on {dose} of {drug}",
    "my godson {first} {last} is coming from {city} on {date} and has {epo}",
    "Patient moved: old address {street}, {city}; new address {address}",
    "Spoke with pharmacist {first} at the {city} branch re {drug} shortage",
    "Baby {first} born {dob}, mum {name}, {clin} at birth, weight fine",
    "anyone else get headaches on {drug}?? {first} x",
    "she's {name}, birthday {dob}, and she's been on {drug} since {date}",
    "Invoice to: {name}, {address}. Service date {date}.",
    "complaint re dr {last} who saw my son {first} on {date} and missed his {epo}",
)

# Written on 2026-12-06 before the ninth round of rule changes and measured once with the rules as
# they were: lab request forms, school and jury excuse letters, booking confirmations, an
# ambulance record, blue-badge and gym-referral forms, letters opening in German, French and Dutch
# ("Sehr geehrte Frau", "Madame ..., demeurant", "wonende te"), calendar entries, a visitor log, a
# medical bracelet, a questionnaire answer, a triage script, a safeguarding note, a property list,
# forum posts and voice notes; nine locales (nl_BE added). No rule was written from these shapes.
FRESH9_FRAMES: tuple[str, ...] = (
    "Specimen: MSU | Patient: {name} | DOB: {dob} | Requested by: Dr {last} | {clin}",
    "Please excuse {first} {last} from PE until {date}, she has {epo} and gets breathless",
    "Booking 7734 confirmed for {name} on {date} at 10:40. Reply N to cancel.",
    "ePCR: pt {first} {last} found at {address} by neighbour, {clin}, conveyed",
    "Blue badge application - applicant {name}, {address}, date of birth {dob}",
    "Sehr geehrte Frau {last}, Ihr Termin am {date} muss leider verschoben werden.",
    "Madame {name}, demeurant {street}, {postcode} {city}, née le {dob}, présente un {epo}",
    "Mevrouw {name}, wonende te {street}, {postcode} {city}, geboren {dob}",
    "Thu {date} - physio with {first} @ {street} - bring {drug}",
    "Visitor: {name} - relation: niece - signed in {date} 15:20",
    "{name} · {epo} · ICE {phone}",
    "Q3. Who lives with you? A: my grandson {first} and his girlfriend, in {city}",
    "Caller name: {name} / Call-back number: {phone} / Postcode: {postcode}",
    "Safeguarding: {first} (aged 6) lives with grandmother {name} at {street}, {city}",
    "Property of {name}: glasses, phone, {drug} {dose}, house keys",
    "anyone know a good physio near {city}? had {epo} since {date} and nothing works",
    "voice note from {first}: yeah so basically the {drug} made her sick again, ring {phone}",
    "I am writing to ask that {first} {last} be excused from jury service on {date} due to {epo}.",
    "Exercise referral: {name}, born {dob}, {clin}, first session {date}",
    "EDD {date}, booked with midwife {first} {last}, lives at {address}",
    "Interpreter needed for {name} (speaks Arabic) at the {date} appointment",
    "Yours faithfully\n\n{name}\n{street}\n{postcode} {city}",
    "Pharmacist called {name} at home on {phone}, advised to hold {drug} until {date}",
    "omg {first} just texted me from {city}, she's got {epo} as well!!",
    "Accepted onto waiting list: {last}, {first} ({dob}) from {date}",
    "Deceased: {name}, died {date} at {address}, cause {epo}",
    "Donor: {last} {first} - born {dob} - group O neg - deferred, {clin}",
    "my other half {first} is dropping the sample at the surgery on {street} tomorrow",
    "Re: your letter dated {date} about my father {first} {last}, he now lives in {city}",
    "Rolling over to {date}: {name} still waiting for {drug} {dose}, {clin}",
)

# Written on 2026-12-06 (night) before the tenth round of rule changes and measured once with the
# rules as they were: a dispensing label, a discharge-summary header, a dental recall card, a
# school nurse's note, a care-home handover, a GMS1 registration form, a vaccination record, a
# fit-to-fly letter, a parking permit, a French ordonnance, a German Überweisung, a Dutch
# verwijsbrief, an Irish-language greeting, a Scots text, a wristband, a hospital taxi booking,
# lost property, an e-mail signature, a next-of-kin field, a CSV export line, an audiology note,
# a notes-transfer request, German and French emergency-contact fields; ten locales (fr_CH and
# de_CH added). No rule was written from these shapes.
FRESH10_FRAMES: tuple[str, ...] = (
    "Rx label: {drug} {dose} - take one daily - for {name} - dispensed {date}",
    "Discharge summary | {last}, {first} | born {dob} | admitted {date} with {clin}",
    "dental recall card: {first} {last}, next check-up {date}, ring {phone} to change",
    "School nurse: {first} in year 4 had an {epo} flare today, mum is {name}, {phone}",
    "Handover - room 12 {name} ({dob}) {clin}, family visiting {date}",
    "GMS1 section 2: surname {last}; first names {first}; previous address {address}",
    "Vaccination record - {name} - booster given {date} - {clin}",
    "I confirm that {name} of {address} was fit to fly on {date} despite {epo}.",
    "Hospital parking permit issued to {first} {last}, {street}, valid until {date}",
    "Ordonnance pour M. {name}, né le {dob}, domicilié {street}, {postcode} {city} : {drug} {dose}",
    "Überweisung für Herrn {name}, geb. {dob}, wohnhaft {street}, {postcode} {city}, wegen {epo}",
    "Verwijsbrief voor dhr. {name} (geb. {dob}), {street}, {postcode} {city} - {clin}",
    "dia duit, is mise {name}, i've had {epo} since {date}, my number is {phone}",
    "the wee one {first} has been up aw night wi {clin}, can ye see her the day? we're in {city}",
    "Wristband: {last} {first} {dob} - allergy {drug}",
    "taxi booked for {name} from {address} to outpatients at 9 on {date}",
    "Lost property: handbag belonging to {name} handed in {date}, contains {drug}",
    "--\n{name}\nPractice Nurse\n{phone}",
    "Next of kin: {name} (son), {phone}, lives in {city}",
    "{last},{first},{dob},{postcode},{clin}",
    "Audiology: {name} seen {date}, hearing aids fitted, {clin}",
    "just out of clinic in {city}, they think its {epo}, {first} is driving me home x",
    "Re {first} {last} DOB {dob}: moved from {address}, please transfer the notes",
    "her neighbour {first} found her on the floor on {date}, {clin}, she lives alone at {street}",
    "Kontaktperson: {name}, Tel. {phone}, Adresse {street}, {postcode} {city}",
    "Personne à prévenir : {name} ({phone}), {clin}, rendez-vous le {date}",
    "hello its {first} {last} again, born {dob}, can u resend the form to {street} {postcode}",
)

# Written on 2026-12-07 before the eleventh round of rule changes and measured once with the
# rules as they were: a pharmacy delivery note, an insurance claim, a police statement header, a
# school absence e-mail, a care-agency rota, a controlled-drug register line, a birthday card, an
# obituary notice, a sports-club injury report, a housing support letter, a trial screening log, a
# chat message with an emoji, a forwarded chat line with a time stamp, a collection slip, a DNACPR
# form, a travel-insurance declaration, a carer's sign-off, a voice-assistant command, a German
# Arztbrief with the "*" birth sign, a French certificat médical, a Dutch SMS, Italian and Spanish
# kin words in English text ("my nonna", "mi abuela"), an Eircode given first, a support ticket, a
# portal message header, a shift swap, a parish newsletter, a gym waiver and a hotel/guest form;
# nine locales (it_IT and es_ES added, with names from their own providers and addresses and
# phones from en_GB, as patients living in the UK). No rule was written from these shapes.
FRESH11_FRAMES: tuple[str, ...] = (
    "Home delivery - {name}, {address} - {drug} {dose} x 28 - if out leave with no. 4",
    "Claim ref 55190: policyholder {name}, DOB {dob}, admitted {date} with {epo}",
    "Statement of {name} (date of birth {dob}) of {street}, {city}, taken {date}",
    "Dear Mrs {last}, {first} was marked absent on {date}. Please phone {phone} to explain.",
    "ROTA Tue 07:30 {first} {last} - {street} - prompt {drug} {dose}, {clin}",
    "CD register {date} | supplied to {name} | {drug} {dose} | collected by son {first}",
    "Happy 80th birthday {first}!! hope the {epo} behaves, love from all at {street} xx",
    "{name} of {city}, peacefully at home on {date}, after a long illness with {epo}.",
    "Injury report - player {name} (U16s), {clin} at training {date}, parent contact {phone}",
    "I support the housing application of {name} of {address}: her {epo} makes stairs unsafe.",
    "Screening log: {last}, {first} | DOB {dob} | eligible | {clin}",
    "{first} 🙏 thank u so much for sorting the {drug} yesterday x",
    "[{date}, 21:14] {name}: mum's {clin} is back, shall I ring 111?",
    "Collected by: {name} (neighbour) on {date}, signed for {drug}",
    "DNACPR discussed with daughter {first} {last} on {date}; patient lives at {street}, {city}",
    "Traveller 2: {name}, date of birth {dob}, pre-existing conditions: {epo}, {clin}",
    "kind regards, {first} (carer for Mrs {last}, {street})",
    "alexa remind {first} to take {dose} {drug} at eight",
    "Wir berichten über Ihre Patientin {name}, * {dob}, {street}, {postcode} {city}.",
    "Je soussigné Dr {last}, certifie avoir examiné {name} le {date}, {clin}.",
    "Hoi {first}, je afspraak bij de huisarts is verzet naar {date}. Groet, de praktijk",
    "my nonna {first} is staying with us at {address} while her {epo} settles",
    "mi abuela {name} has {epo} and her {drug} ran out on {date}",
    "Eircode {postcode} for the ambulance please, house is {street}, {city}",
    "Ticket #4471 opened by {name} ({phone}): can't see my {clin} results",
    "From: {name} | Sent: {date} | Subject: {epo} flare",
    "swapped my shift with {first} so I can get to the appt on {date}, {clin}",
    "Prayers please for {name} of {street}, home from hospital after {epo}",
    "Gym waiver signed by {name}, emergency contact {first} {phone}, declares {clin}",
    "Guest: {last}/{first} - arr. {date} - needs ground floor ({epo})",
)

# Written on 2026-12-07 before the twelfth round of rule changes and measured once with the
# rules as they were: an e-mail reply quote ("On <date>, X wrote:"), a lasting power of attorney,
# a dosette-box label, a chaplaincy request, a solicitor's letter, a social-media shout-out, a
# forum "throwaway" post, an occupational-health referral, a custody healthcare note, an
# ambulance dispatch line, a visa medical, a student support note, a care-unit birthday board, a
# staff welcome in a newsletter, a parking-fine appeal, a food-bank voucher, a smartwatch fall
# alert, a family-history line with "b.", a signature with post-nominals, a hospital radio
# request, a parkrun result, a birth announcement, a relative's phone message, a repeat-dispensing
# batch, a ward visitors' chat, a medical-alert engraving, a tenancy reference, a swimming-lesson
# form, patient feedback with a postcode and an exemption certificate; nine locales (pl_PL, pt_PT
# and yo_NG added, names from their own providers, addresses and phones from en_GB, as patients
# living in the UK). No rule was written from these shapes.
FRESH12_FRAMES: tuple[str, ...] = (
    "On {date}, {name} wrote:\n> the {drug} is making me dizzy, is that normal?",
    "Lasting power of attorney (health): donor {name}, attorney {first} {last}, registered {date}",
    "Dosette box wk 3 | {last} {first} | {street} | {drug} {dose} mane",
    "Chaplaincy: {name} asked for a visit for her husband on ward 9, {epo}",
    "Our client {name}, of {address}, instructs us about the treatment she received on {date}.",
    "shoutout to nurse {first} on the {city} ward who sorted my {clin} #nhs",
    "throwaway acc. 34F from {city}, diagnosed with {epo} on {date}, anyone else??",
    "OH referral - employee {name}, payroll 88213, born {dob}, off since {date} with {epo}",
    "Custody healthcare: detainee {last} {first}, dob {dob}, requests his {drug}",
    "Job 2231 - {street}, {city} - {clin} - caller is granddaughter {first} on {phone}",
    "Visa medical: applicant {name}, born {dob}, chest x-ray clear, {clin}",
    "Student {name} (ID 2231147) has {epo} and may need rest breaks in exams",
    "Birthdays this week on Rowan unit: {first} {last} ({date}), cake at 3!",
    "Please welcome {name}, our new practice nurse, who joins us from {city}",
    "I am appealing PCN 88120 issued {date} on {street}: I was inside with my son {first}, {clin}",
    "Food bank voucher for {name}, {address}, 3 in household, {epo} so no gluten",
    "Fall detected · {first}'s Watch · {date} 03:12 · near {street}",
    "{first} {last} (b. {dob}, {city}) - family history of {epo}",
    "{name} RGN, Community Matron, {phone}",
    "Hospital radio request for {first} on ward 4 from her grandson {first}, get well soon",
    "parkrun result: {name} finished 212th, first run since the {epo} op!",
    "Welcome to the world {first} {last}! Born {dob}, 7lb 2oz, mum and baby doing well",
    "Ms {last}'s daughter phoned. Mum confused since {date}, {clin}. "
    "Lives at {street}, {postcode}.",
    "Repeat dispensing batch ends {date} for {last}, {first} - {drug} {dose}",
    "Hi all, {first} here (bed 3's wife) - can visiting on {date} be after 6?",
    "MedicAlert engraving: {name} / {epo} / on {drug} / call {phone}",
    "Tenancy reference: {name} has lived at {address} since {date} and has {epo}",
    "Swimming lesson form - child {first}, parent {name}, medical: {clin}",
    "Feedback from {name} ({postcode}): the nurse explained my {drug} really well",
    "Prescription exemption certificate for {name}, expires {date}, {clin}",
)

# Written on 2026-12-07 before the thirteenth round of rule changes and measured once with the
# rules as they were: a pharmacy owing slip, a memorial line with two dates, a blood-donor card, a
# voice-note transcript, a tenant's repair request, a dental reminder SMS, a German home-care
# round, a French attestation, a Dutch results message, an Irish medical-card line, a parents'
# group question with a possessive without its apostrophe, an aesthetics consent form, a
# marathon medical-tent log, a forwarded text from a landline, a wedding RSVP, a housebound
# library round, a pharmacy ready-to-collect text, a two-week-wait referral, a fridge note, a
# neighbourhood missing-person post, a German get-well card, a birth plan, a visitor sign-in, a
# cycling accident note, an interpreter booking, a French mutual-insurance card, a German chat
# request, a complaint log, a home-oxygen order and a sick-day-rules card; eleven locales (da_DK,
# cs_CZ, hu_HU, ro_RO and tr_TR added, names from their own providers, addresses from the issue's
# countries). No rule was written from these shapes.
FRESH13_FRAMES: tuple[str, ...] = (
    "Owing slip: {drug} {dose} owed to {last} {first} - ring {phone} when it's in",
    "Remembering {first} {last}, {dob} to {date}, who lived with {epo} with such grace",
    "Donor card · {last}, {first} · DOB {dob} · deferred while on {drug}",
    "voice note from {first}: hiya its me, the {drug} ran out, can u ring me back on {phone}",
    "Repair request from tenant {name}, {address}: the damp is making her {epo} worse",
    "Reminder: {first}, your appointment at Harbour Dental is on {date}. Reply Y to confirm.",
    "Pflegedienst Tour 3: Hausbesuch bei {name}, {street}, {postcode} {city} - {drug} {dose} geben",
    "Attestation pour {name}, {street}, {postcode} {city} : arrêt de travail à compter du {date}",
    "Beste {first}, de uitslag van je bloedonderzoek van {date} is binnen, bel ons op {phone}",
    "Medical card holder {name}, {address}, GMS 40915T, {clin}",
    "anyone know a good physio near {city}? {first}s {clin} is no better after 6 weeks",
    "Client: {name} / DOB {dob} / taking {drug}? yes / patch test done {date}",
    "Medical tent 11:42, bib 2231, {name}, {clin}, walked out fine",
    "msg from {phone}: this is {first}, mums fallen at {street}, pls come",
    "RSVP: {name} + 1, coeliac, please note she carries {drug}",
    "Housebound library round: {name}, {street}, {city} - large print, has {epo}",
    "{first}, your {drug} is ready to collect from {city} Pharmacy. Open 9-6.",
    "2WW referral: {last}, {first} ({dob}) - {clin}, weight loss",
    "{first} - dont forget ur {drug} at 6!! love mum x",
    "has anyone seen {name}? she has {epo} and walked out of {street} this morning",
    "Liebe {first}, gute Besserung mit deinem {epo}! Dein Team aus {city}",
    "Birth partner: {name}, mobile {phone}; planning a water birth, {clin}",
    "Visitor sign-in 10:05 - {name} visiting {first} {last}, bay 2",
    "Cyclist {name} came off his bike on {street}, {city} on {date}: {clin}",
    "Interpreter booked for {name} (born {dob}) at the {epo} clinic on {date}",
    "Carte de mutuelle : {name}, né(e) le {dob}, adhérent n° 7712093",
    "Hallo {first}, kannst du mir bis {date} das Rezept für {drug} schicken? LG",
    "Complaint logged {date}: {name} says the {drug} {dose} was the wrong strength",
    "Home oxygen order: {name}, {address}, {clin}, concentrator to be fitted {date}",
    "Sick day rules card given to {name} on {date}; {clin}; hold {drug} if vomiting",
)

# Written on 2026-12-07 (evening) before the fourteenth round of rule changes and measured once
# with the rules as they were: a syringe-driver chart, a spectacle voucher, a nursery medicine
# consent, a smoking quit-date card, a German sick note (AU), a French feuille de soins, a Dutch
# pharmacy label, an Irish drugs-payment-scheme card, a school-trip consent, a critical-result
# phone log, a benefits assessment letter, a key-safe note, an EHIC line, a DVLA medical, an
# organ-donor confirmation, a tab-separated export, a foster-care medical, a podiatry visit list,
# a patch-test record, a locum's timesheet, a hospital-at-home text, a care-home diet card, a
# patient-transport driver's note, a pharmacy minor-ailment record, a hearing-aid battery order,
# a Dutch home-visit note, a German pharmacy delivery slip, a French school-nurse note, an Irish
# home-help roster and a "message left with" slip; eleven locales (sk_SK, sv_SE, fi_FI, hr_HR and
# en_IN names added, living in the countries). No rule was written from these shapes.
FRESH14_FRAMES: tuple[str, ...] = (
    "Syringe driver chart - {name} - DOB {dob} - started {date} - {drug} {dose} over 24h",
    "Spectacle voucher GOS3 for {first} {last}, {address}, child under 16, {clin}",
    "I give permission for nursery staff to give {first} {drug} {dose} at lunch. Parent: {name}",
    "Quit date card: {name} stops smoking on {date}, patches {dose}, ring {phone} if stuck",
    "AU-Bescheinigung für {name}, geb. {dob}, arbeitsunfähig seit {date}, Diagnose {epo}",
    "Feuille de soins - assuré : {name}, né le {dob}, {street}, {postcode} {city}",
    "Apotheek label: {drug} {dose}, 1x daags. Voor: {name}, geb. {dob}",
    "Drugs Payment Scheme card holder {name}, {address}, card valid from {date}",
    "Trip consent form: {first} {last} (class 5B), needs {drug} for {epo}, parent mobile {phone}",
    "Critical result phoned {date} 16:40 to {first} at the {city} surgery: {clin}, pt {name}",
    "Your assessment for {name} at {address} will take place on {date}. Bring your {drug}.",
    "Key safe at {street} - code given to carer {first} {last} only, {epo}",
    "EHIC holder {last} {first}, born {dob}, treated {date} for {clin}",
    "DVLA medical enquiry: licence holder {name}, {street}, {city} {postcode}, has {epo}",
    "Thank you, {first}: your organ donor decision was recorded on {date}.",
    "{last}\t{first}\t{dob}\t{postcode}\t{clin}",
    "Foster carer {name} brought {first} (dob {dob}) for the initial health assessment, {clin}",
    "Podiatry round {date}: {name}, {street}, {city} - nails cut, {epo}",
    "Patch test read {date} for {first} {last}: positive to nickel, on {drug}",
    "Locum timesheet: Dr {name}, {city} practice, sessions on {date} and {date}",
    "hospital at home team here, we'll see {first} at {street} around 10 on {date}, {clin}",
    "Diet card room 7: {name}, soft diet, {epo}, no grapefruit with {drug}",
    "pickup {first} {last} at {address} 07:45, wheelchair, dialysis unit, {clin}",
    "Minor ailment consult: {name}, DOB {dob}, sold {drug} {dose}, advised GP if no better",
    "hearing aid batteries size 13 please for {name}, {street}, {postcode}",
    "Huisbezoek {date}: mevrouw {name}, {street}, {postcode} {city}, {clin}",
    "Lieferschein Apotheke: {name}, {street}, {postcode} {city} - {drug} {dose} - bezahlt",
    "Mot de l'infirmière : {first} {last} a eu {clin} en classe le {date}, merci de rappeler",
    "Home help roster wk {date}: {first} {last} to {street}, {city}, shopping and {drug}",
    "Message left with {first} (daughter-in-law) for {name}, ring {phone} re {epo}",
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

# Clinical content for fresh14 only (the sets above keep the lists before, so their golden files
# do not change): brands, eponyms, abbreviations and readings not used by the earlier frames.
FRESH14_DRUGS: tuple[str, ...] = (
    "Saxenda",
    "Forxiga",
    "Lixiana",
    "eplerenone",
    "mirabegron",
    "Cosmocol",
    "Dermol 500",
    "finerenone",
    "Rinvoq",
    "solifenacin",
    "Nexplanon",
    "Sytron",
)
FRESH14_DOSES: tuple[str, ...] = (
    "1.25 mg",
    "20mg od",
    "500 mg bd",
    "2 puffs prn",
    "62.5 micrograms",
    "7.5mg weekly",
    "30/500",
)
FRESH14_CLINICAL_LOOKALIKES: tuple[str, ...] = (
    "SpO2 91% on RA",
    "NEWS2 5",
    "RR 24",
    "HR 112",
    "K+ 6.1",
    "INR 4.7",
    "Na 128",
    "PEFR 250",
    "MoCA 19/30",
    "FEV1 1.9L",
)
FRESH14_EPONYMS: tuple[str, ...] = (
    "Peyronie's disease",
    "Kienböck's disease",
    "Sever's disease",
    "Dercum's disease",
    "Madelung's deformity",
    "Lown-Ganong-Levine",
    "Brugada syndrome",
    "Ludwig's angina",
    "Bartholin's cyst",
    "Bowen's disease",
    "Pancoast tumour",
    "Zollinger-Ellison",
)

# Written on 2026-12-07 (evening) before the fifteenth round's rule changes: 30 frames in document
# types no earlier set has (an allergy band, a travel clinic entry, an exercise referral, lost
# property, a bereavement call, an exemption certificate, a blue badge renewal, a choir group
# message, a taxi booking, a research consent, a German hospital referral (Einweisung), a French
# prescription (ordonnance), a Dutch referral letter (verwijsbrief), an Irish GMS review, a pet
# sitter's plea, a phlebotomy slip, a club injury form, a food bank voucher, a prayer list, a
# fit-to-fly letter, an insulin pump download, a court attendance note, a neighbour's note, a
# hospice referral, a wheelchair loan, an annual review SMS, a birth notification, a German
# vaccination record (Impfpass), an emergency wallet card and a dentist's recall postcard).
FRESH15_FRAMES: tuple[str, ...] = (
    "ALLERGY BAND | {last}, {first} | {dob} | allergic to {drug}",
    "Travel clinic {date}: {name} (dob {dob}) off to Kenya in March, {drug} {dose}, {clin}",
    "Exercise on referral - {first} {last}, {street}, {postcode} {city} - reason: {epo}",
    "lost property at reception: reading glasses belonging to {name}, ward rang {phone}",
    "bereavement call to {first} {last} re her husband who died on {date}, she has {clin}",
    "Maternity exemption certificate issued to {name}, {address}, valid until {date}",
    "blue badge renewal - applicant {name}, born {dob}, {epo}, lives at {street}",
    "choir group: {first} cant make thursday, shes started {drug} {dose} for her {clin}",
    "Taxi booked for {date} 08:10 from {address} for {name} to the renal unit",
    "Research consent: participant {first} {last}, dob {dob}, consented on {date}, {epo}",
    "Einweisung ins Krankenhaus: {name}, geb. {dob}, {street}, {postcode} {city}, V.a. {epo}",
    "Ordonnance du {date} pour {name}, née le {dob} : {drug} {dose} matin et soir",
    "Verwijsbrief fysiotherapie voor {name}, geboren {dob}, klachten: {clin}",
    "GMS medical card review: {first} {last}, {address}, tel {phone}",
    "can anyone feed the cat? {name} is in {city} general with {epo}, key is at {street}",
    "Phlebotomy request - {last}, {first} - DOB {dob} - FBC, U&E - {clin}",
    "Club injury form: player {name}, U14s, hurt on {date}, {clin}, parent {first} {phone}",
    "Food bank voucher for {name}, {street}, {postcode}, referred by the surgery",
    "Please keep in your prayers {first} {last} of {city}, recovering from {epo}",
    "To whom it may concern: {name} (born {dob}) is fit to fly after {clin}.",
    "Pump download {date}: {first} {last}, {drug} basal {dose}, {clin}",
    "Fitness to attend court: {name}, {street}, {city}, unable on {date} due to {epo}",
    "hi its {first} from next door, your {drug} was left with me, text {phone}",
    "Hospice referral: {name}, {address}, next of kin {first} {last} {phone}, {epo}",
    "Wheelchair loan: borrower {name}, {street}, {city} {postcode}, return by {date}",
    "Dear {first}, it's time for the yearly review of your {drug}. Book online or ring {phone}",
    "Birth notification: twins born to {name} at {city} maternity unit on {date}",
    "Impfpass: {name}, geb. {dob}, Grippeimpfung am {date}, Vorerkrankung {epo}",
    "IN CASE OF EMERGENCY ring {first} {last} on {phone}. I have {epo} and take {drug} {dose}.",
    "Dentist recall: {name}, {street}, {postcode} {city} - check-up due {date}, on {drug}",
)

# Clinical content for fresh15 only (checked with `value_overlap` against every earlier set).
FRESH15_DRUGS: tuple[str, ...] = (
    "ivabradine",
    "Shortec",
    "Timodine",
    "Relvar Ellipta",
    "tamsulosin",
    "Prostap",
    "Accrete D3",
    "Dulcoease",
    "linaclotide",
    "Salamol",
    "Humalog",
    "Arcoxia",
)
FRESH15_DOSES: tuple[str, ...] = (
    "100 mg nocte",
    "0.4 mg",
    "12.5mg",
    "2 tabs tds",
    "1 sachet bd",
    "75 mcg",
    "0.8 units/hr",
)
FRESH15_CLINICAL_LOOKALIKES: tuple[str, ...] = (
    "CRT < 2s",
    "Wells score 4",
    "QRISK3 14%",
    "PHQ-9 18",
    "CURB-65 2",
    "ABPI 0.7",
    "Bristol type 6",
    "APGAR 9/10",
    "FeNO 52",
    "BMI 41",
)
FRESH15_EPONYMS: tuple[str, ...] = (
    "Tay-Sachs",
    "Kikuchi disease",
    "Legg-Calvé-Perthes",
    "Reiter's syndrome",
    "Plummer-Vinson",
    "Alport syndrome",
    "Castleman disease",
    "Charcot foot",
    "Kimura disease",
    "Romano-Ward",
    "Kallmann syndrome",
    "Kaposi sarcoma",
)

# fresh16 (written on 2026-12-07, night, before the sixteenth round): 30 document types no earlier
# set has (a bay handover sheet, a voicemail transcript, a carer's parking permit, a school nurse
# note, an interpreter booking, a home oxygen order, a delivery manifest, a German practice
# registration, a French certificate, a Dutch repeat-prescription request, an Irish medical card
# application, a death certificate draft, a gym waiver, a complaint letter, a safeguarding
# referral, a next-of-kin form, an ambulance handover...).
FRESH16_FRAMES: tuple[str, ...] = (
    "Bay 4 bed 2 | {name} | {dob} | {epo} | for {drug} {dose}",
    "voicemail transcript: hi um it's {first} {last} calling about my mum's {drug}, "
    "ring me back on {phone}",
    "Carer parking permit: {name}, vehicle kept at {street}, {postcode}, valid to {date}",
    "School nurse note - {first} ({dob}) had {clin} at PE on {date}, mum informed",
    "Interpreter booked for {name} on {date} at 10:20, Azerbaijani, clinic room 3",
    "Home oxygen order form: {name}, {address}, {clin}, supplier to phone {phone}",
    "DELIVERY | {last} {first} | {street} | {postcode} | {drug} x56",
    "Anmeldung Hausarztpraxis: {name}, geboren am {dob}, {street}, {postcode} {city}, Tel. {phone}",
    "Certificat médical : je soussigné certifie avoir examiné {name} le {date}, atteint de {epo}.",
    "Herhaalrecept aanvraag: {name}, geb. {dob}, {drug} {dose}, ophalen in {city}",
    "Medical card application - applicant {first} {last}, {address}, date of application {date}",
    "Death certificate draft: {name}, born {dob}, died {date}, 1a {epo}",
    "gym waiver signed by {first} {last} dob {dob}, declares {clin}",
    "I am writing on behalf of my father {name} of {address} about his care on {date}.",
    "Safeguarding referral: child {first} {last}, dob {dob}, lives at {street}, {city}",
    "Occ health review for {name}, {epo}, next review {date}, no restrictions",
    "Portal message from {name}: new number {phone}, we moved to {address}",
    "repeat bloods for {first} {last} on {date} - {clin} - fasting please",
    "Home visits today: 1) {name}, {street}, {postcode} - {epo}",
    "Next of kin: {first} {last} (daughter), {phone}, {street}, {city}",
    "Hearing aid fitting on {date} for {name} (born {dob}), bring the {drug} list",
    "dear dr, i saw {name} in eye clinic today, {clin}, on {drug} {dose}",
    "yoga sign-up: {first} {last} / {phone} / {clin}",
    "Vaccination card: {name}, {dob}, MMR dose 2 given {date}",
    "Ambulance handover: {first} {last}, approx dob {dob}, found at {street}, {city}, hx {epo}",
    "funeral director asked for the GP letter for {name}, date of death {date}",
    "SMS: {first}, your {drug} review is on {date} at the {city} health centre. "
    "Reply STOP to opt out",
    "Key safe code request for {name}, {street}, {postcode} {city}, carers from {date}",
    "Pharmacist note: {last}, {first} - {drug} {dose} started, {clin}, counselled",
    "Bereavement support group list: {name} ({city}), {first} {last} ({phone})",
)

# Clinical content for fresh16 only (checked with `value_overlap` against every earlier set).
FRESH16_DRUGS: tuple[str, ...] = (
    "Trelegy Ellipta",
    "sacubitril",
    "Utrogestan",
    "Tegretol Retard",
    "Dymista",
    "Fultium-D3",
    "Vagifem",
    "Prolia",
    "Xaggitin",
    "Ozurdex",
    "ranolazine",
    "empagliflozin",
)
FRESH16_DOSES: tuple[str, ...] = (
    "250 mg tds",
    "5 mg mane",
    "1 puff bd",
    "40 mg od",
    "62.5 mcg",
    "3 drops qds",
    "120 mg nocte",
)
FRESH16_CLINICAL_LOOKALIKES: tuple[str, ...] = (
    "NEWS2 score 6",
    "SpO2 89%",
    "MUST score 2",
    "Rockall 5",
    "Epworth 17",
    "peak flow 210",
    "CHA2DS2-VASc 4",
    "HAS-BLED 3",
)
FRESH16_EPONYMS: tuple[str, ...] = (
    "Sjögren's syndrome",
    "Takayasu arteritis",
    "Ménière's disease",
    "Hashimoto's thyroiditis",
    "Bornholm disease",
    "Peutz-Jeghers",
    "Lesch-Nyhan",
    "Budd-Chiari",
    "Fanconi anaemia",
    "Dressler syndrome",
    "Waldenström macroglobulinaemia",
)

# fresh17 (written on 2026-12-08, before the seventeenth round): 30 document types no earlier set
# has (a dental recall card, a physiotherapy exercise sheet, a blood donor session slip, a travel
# vaccination form, a care home admission, a district nurse wound log, a podiatry referral, a
# sleep study booking, patient transport, a prescription collection slip, an insurance claim, a
# school absence note, a German Überweisung, a French ordonnance, a Dutch huisartsenpost triage
# note, an Irish GP visit card, a hospice referral, a chaplaincy request, a carers' group chat,
# a midwife booking, a blister pack label, a 111 triage log, a photography consent, a research
# screening log, a lasting power of attorney certificate, a baby clinic card, a discharge
# summary header, a housing priority form, a lost property slip and a taxi account).
FRESH17_FRAMES: tuple[str, ...] = (
    "Dental recall card - {name} - last seen {date} - please call {phone} to book",
    "physio exercises for {first} {last}: 3x10 heel raises daily, review {date}, {epo}",
    "Blood donor session slip: donor {last}, {first}; DOB {dob}; deferred ({clin})",
    "Travel vaccination form - traveller {name}, {dob}, {street}, {city} {postcode}",
    "Admitted to care home on {date}: {name} (DOB {dob}), from {address}, {epo}",
    "wound log - {first} {last} - dressing changed {date} - on {drug} {dose}",
    "Podiatry referral: {name}, {street}, {postcode}, {clin}, diabetic foot check",
    "Sleep study booked for {first} {last} ({dob}) on {date}, {clin}, bring {drug}",
    "Patient transport: collect {name} from {address} at 08:15 on {date}",
    "Rx collection slip | {last} {first} | {street} | {drug} {dose}",
    "Insurance claim for {name}, policyholder since {date}, diagnosis {epo}",
    "please excuse {first} from school on {date}, she had {clin}. mum {phone}",
    "Überweisung an Orthopädie: {name}, geb. {dob}, {street}, {postcode} {city}, Dx {epo}",
    "Ordonnance du {date} pour {name}, {street}, {postcode} {city} : {drug} {dose}",
    "Huisartsenpost triage: {name} ({dob}) belde om 02:40 vanaf {phone}, {clin}",
    "GP visit card holder {first} {last}, {address}, card valid from {date}",
    "Hospice referral - {name}, {dob}, lives with daughter at {street}, {city}, {epo}",
    "chaplaincy visit requested by {first} {last} for her husband, ward 9, ring {phone}",
    "carers group: {first} says {last} family moved to {street}, {city}, new no {phone}",
    "Booking appointment with midwife for {name}, born {dob}, EDD {date}, {drug} {dose}",
    "BLISTER PACK | {name} | {dob} | {drug} {dose} | {street}, {postcode}",
    "111 call log: caller {name}, {phone}, symptoms since {date}, {clin}",
    "I, {name}, consent to medical photography on {date} for {epo}.",
    "Screening log: {last}, {first} / DOB {dob} / {clin} / eligible",
    "LPA certificate: I saw {first} {last} of {address} on {date} and they understood it",
    "Baby clinic card: {first} {last}, born {dob}, weighed {date}, mum's number {phone}",
    "DISCHARGE SUMMARY  Patient: {name}  DOB: {dob}  Address: {address}  Dx: {epo}",
    "Housing medical priority form for {name} at {street}, {postcode} {city}: {clin}",
    "lost property: a {drug} box with {first} {last}'s name on it, handed in {date}",
    "Taxi account: pick up {name}, {street}, {city}, dialysis {date}, mobile {phone}",
)

# Clinical content for fresh17 only (checked against every earlier set and source file).
FRESH17_DRUGS: tuple[str, ...] = (
    "Toujeo",
    "Tresiba",
    "Spiolto Respimat",
    "Dovobet",
    "Kwells",
    "Mucodyne",
    "Colofac",
    "Oilatum",
    "lercanidipine",
    "dapagliflozin",
    "Betmiga",
    "Decapeptyl",
)
FRESH17_DOSES: tuple[str, ...] = (
    "250 mg bd",
    "7.5 mg weekly",
    "10 units nocte",
    "0.5 mg stat",
    "15 ml tds",
    "1 sachet od",
    "20 mg on",
)
FRESH17_CLINICAL_LOOKALIKES: tuple[str, ...] = (
    "qSOFA 2",
    "Wells score 5",
    "ABCD2 4",
    "PHQ-9 14",
    "GAD-7 11",
    "Braden 12",
    "FeNO 45 ppb",
    "IPSS 19",
)
FRESH17_EPONYMS: tuple[str, ...] = (
    "Osgood-Schlatter disease",
    "Wernicke encephalopathy",
    "Hirschsprung disease",
    "de Quervain's tenosynovitis",
    "Ramsay Hunt syndrome",
    "Gilbert's syndrome",
    "Bartter syndrome",
    "Whipple's disease",
    "Monteggia fracture",
    "Kartagener syndrome",
    "Eisenmenger syndrome",
)
