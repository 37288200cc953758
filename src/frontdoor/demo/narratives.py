"""Concern narratives for synthetic contacts, composed from templates.

Most read like the good referrals in seed 004 (present and past separated, dates and times, what the
agency did, the consent position); about one in eight is written the way poor referrals are
(acronyms, no dates, past and present run together), so the referral-quality coach has work to do.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from .synthetic import Synth

CATEGORIES_BY_AGENCY = {
    "police": {"domestic_abuse": 60, "neglect": 15, "substance_misuse": 10, "injury": 10, "emotional_wellbeing": 5},
    "school": {"attendance": 20, "neglect": 20, "emotional_wellbeing": 20, "injury": 20, "domestic_abuse": 15,
               "parental_mental_health": 5},
    "gp": {"parental_mental_health": 35, "neglect": 20, "injury": 15, "substance_misuse": 15,
           "emotional_wellbeing": 15},
    "health_trust": {"injury": 25, "neglect": 25, "parental_mental_health": 20, "substance_misuse": 15,
                     "domestic_abuse": 15},
    "camhs": {"emotional_wellbeing": 70, "parental_mental_health": 15, "domestic_abuse": 15},
    "probation": {"domestic_abuse": 50, "substance_misuse": 50},
    "housing": {"neglect": 60, "domestic_abuse": 20, "substance_misuse": 20},
    "voluntary": {"domestic_abuse": 50, "emotional_wellbeing": 25, "parental_mental_health": 25},
    "local_authority": {"neglect": 30, "emotional_wellbeing": 20, "attendance": 20, "domestic_abuse": 15,
                        "substance_misuse": 15},
}

# Who is speaking: the same worry reads differently from a police log, a DSL and a health visitor.
VOICES = {"police": "police", "school": "school", "gp": "health", "health_trust": "health", "camhs": "health",
          "probation": "home", "housing": "home", "voluntary": "home", "local_authority": "home"}
# When each voice's incidents usually happen, in minutes after midnight (beyond 1440: after midnight).
INCIDENT_WINDOWS = {"police": (18 * 60, 27 * 60), "school": (8 * 60 + 45, 15 * 60 + 15),
                    "health": (8 * 60 + 30, 18 * 60), "home": (9 * 60 + 30, 17 * 60)}

NOW = {
    "domestic_abuse": [
        ({"police"}, "{When} police were called to the family home by a neighbour who heard shouting and banging. "
         "{mother} told officers that {partner} had pushed her against the kitchen door and taken her phone. "
         "{children} {were} in the house; {child} was awake and told the officer \"{quote}\". {partner} had left "
         "before officers arrived. {mother} had a red mark on her upper arm and declined medical attention."),
        ({"police"}, "{When} {mother} rang 999 saying {partner} was drunk and threatening her. Officers found a "
         "glass table broken in the living room. {mother} said {children} {were} asleep, but {child} was seen at the "
         "top of the stairs, crying. {partner} was arrested for criminal damage and released under investigation "
         "with a condition not to contact {mother}."),
        ({"school"}, "{When} {child} told me that there had been \"a big fight\" at home the night before and that "
         "Mum was crying. {He} said {partner} \"threw the remote at Mum\" and that {he} went to {his} room and put "
         "{his} headphones on. {He} was tired and quiet in lessons afterwards."),
        ({"health", "home"}, "{When} {mother} told me that {partner} had put his hands around her neck during an "
         "argument at the weekend, while {children} {were} in the next room. She has not reported it to the police. "
         "I saw faint marks on her neck. She said she is frightened of what he will do if he finds out she told "
         "anyone."),
    ],
    "neglect": [
        ({"home", "health"}, "{When} I visited the home. There was a strong smell of dog faeces, no food in the "
         "fridge apart from milk, and {child}'s mattress had no sheet and was stained with urine. {mother} said "
         "money had run out and the electricity meter was on emergency credit."),
        ({"school"}, "{When} {child} arrived in the same clothes for the fourth day running, with a strong smell of "
         "urine. {He} asked staff for toast twice before 10am and said there was \"no breakfast stuff\" at home. "
         "{His} head lice have not been treated despite two letters home."),
        ({"police"}, "{When} officers found {child} alone in the street outside the flat, wearing pyjamas and no "
         "shoes. {He} said {mother} was asleep and {he} could not wake her. Officers took {him} home and found "
         "{mother} asleep on the sofa with empty cans of cider beside her."),
    ],
    "emotional_wellbeing": [
        ({"school", "health"}, "{When} {child} told me that {he} has been cutting {his} arms \"to make the bad "
         "feelings go away\". I saw several fresh superficial cuts on {his} left forearm. {He} said {he} sometimes "
         "thinks everyone would be better off without {him} but has no plan to end {his} life."),
        ({"school", "home"}, "{When} {child} became very distressed and said {he} did not want to go home because "
         "{partner} \"shouts at me all the time and calls me stupid\". {He} is withdrawn, has stopped eating lunch "
         "and has lost weight over the last two months."),
        ({"police"}, "{When} officers were called by a member of the public who saw {child} sitting on the wall of "
         "the railway bridge. {He} was brought home safely and said {he} had argued with {mother} and \"just "
         "wanted it all to stop\"."),
    ],
    "injury": [
        ({"school"}, "{When} {child} arrived with a bruise about 3cm across on {his} left cheek and finger-shaped "
         "marks on {his} upper arm. {He} said \"I fell off my bike\", then later said \"{partner} grabbed me\". "
         "{He} did not want us to tell anyone."),
        ({"health"}, "{When} {child} (aged {age}) was brought to the emergency department with a spiral fracture of "
         "the right forearm. {mother} said {he} fell from the sofa; the injury is not consistent with that account. "
         "There was a delay of about 20 hours before {he} was brought in."),
        ({"police", "home"}, "{When} I noticed a fresh bruise under {child}'s left eye. {mother} said {child} fell "
         "in the park; {child} looked at {partner} and would not say how it happened."),
    ],
    "attendance": [
        ({"school"}, "{child}'s attendance this term is 71%, with 19 sessions unauthorised. {When} {he} came in for "
         "the first time in eight school days and said {he} had been \"looking after Mum\". {mother} has not "
         "answered calls or letters from the attendance officer."),
        ({"school"}, "{child} has missed 14 of the last 20 days. {When} our attendance officer's home visit got no "
         "answer although the television was on. {His} younger sibling's nursery also reports poor attendance."),
        ({"home"}, "{When} I visited on a school day and {child} answered the door. {He} said {he} had not been to "
         "school all week because {mother} is unwell and {he} has been looking after {his} brother and sister."),
    ],
    "parental_mental_health": [
        ({"health"}, "{When} {mother} came to the appointment with {child} and said she had stopped taking her "
         "antidepressants. She said she \"can't see the point\" and has been staying in bed most days while "
         "{child} gets {him}self to school. She denied any plan to harm herself or {child}."),
        ({"police", "health"}, "{When} {mother} was detained under section 136 of the Mental Health Act after being "
         "found on the railway bridge. {children} {were} at home with {partner}, who told the crisis team he works "
         "nights and cannot care for them this week."),
        ({"home"}, "{When} {mother} told me she was hearing voices again and had not slept for three nights. "
         "{children} {were} at home with her; the curtains were closed and there was little food in the house."),
        ({"school"}, "{When} {child} told me that Mum \"stays in bed all day and cries\" and that {he} has been "
         "making {his} own tea and getting {him}self up for school."),
    ],
    "substance_misuse": [
        ({"police"}, "{When} officers attending a reported disturbance found cannabis and a small quantity of what "
         "appeared to be cocaine on the kitchen table, within reach of {child}. {partner} appeared intoxicated and "
         "was unsteady on his feet. {mother} was not at home."),
        ({"health"}, "{When} {mother} attended the appointment smelling strongly of alcohol and slurring her words; "
         "she had driven with {child} in the car. She told me she drinks \"a couple of bottles of wine\" most "
         "evenings."),
        ({"school"}, "{When} {mother} arrived to collect {child}, slurring her words and unsteady on her feet; staff "
         "could smell alcohol. She drove away with {child} in the car before we could stop her."),
        ({"home"}, "{When} I visited and found used needles in a carrier bag on the living room floor, within reach "
         "of {child}. {partner} said they belonged to a friend."),
    ],
}

PAST = {
    "domestic_abuse": [
        "Police have attended this address twice before: {earlier} (verbal argument, graded standard) and about "
        "six months ago (criminal damage). {mother} has previously told her GP that {partner} checks her phone "
        "and controls the money.",
        "{Earlier} {child} told {his} teacher that {partner} \"hits Mum sometimes\". The school recorded this and "
        "spoke to {mother}, who said it was a one-off argument.",
    ],
    "neglect": [
        "{Earlier} the health visitor raised concerns about missed immunisations and the home conditions; the "
        "family worked with early help for three months and the case was closed.",
        "Low-level concerns about {child}'s hygiene and hunger have been recorded since {earlier_month}.",
    ],
    "emotional_wellbeing": [
        "{Earlier} {child} was referred to CAMHS by the GP for low mood; {he} was on the waiting list and was "
        "discharged after missing two appointments.",
        "There were friendship difficulties and some online bullying {earlier}, which were dealt with in school.",
    ],
    "injury": [
        "{Earlier} {child} had a bruise to {his} forehead; {mother} said {he} had walked into a door, and it was "
        "recorded.",
        "There are no previous injuries recorded by this agency.",
    ],
    "attendance": [
        "Attendance last year was 88%. A fixed penalty notice was considered {earlier} but not issued after "
        "{mother} said she was unwell.",
    ],
    "parental_mental_health": [
        "{mother} had postnatal depression after {child} was born and was under the community mental health team "
        "until {earlier_month}.",
    ],
    "substance_misuse": [
        "{partner} completed a community order with a drug rehabilitation requirement {earlier}.",
        "Police recorded a drink-driving offence for {mother} {earlier}.",
    ],
}

# What the referrer's agency has done: by agency kind, with a category-specific text where one fits better.
ACTIONS = {
    "police": {"domestic_abuse": "Officers completed a DASH risk assessment with {mother}, graded {grade}. "
                                 "Safeguarding advice was given and a crime report raised. The school will be "
                                 "told through Operation Encompass.",
               "*": "Officers made sure the children were safe and spoke to {mother}. A crime report has been "
                    "raised and the children's details checked on police systems."},
    "school": {"*": "I have recorded this on our safeguarding system and told the head teacher. {parents}"},
    "gp": {"*": "I have discussed my concerns with the practice safeguarding lead, arranged a review next week "
                "and given {mother} the crisis line number."},
    "health_trust": {"injury": "{child} has been examined by the paediatric registrar and a skeletal survey "
                               "requested. {He} will stay on the ward overnight; the ward sister is aware.",
                     "*": "I have discussed this with our named nurse for safeguarding and booked a follow-up "
                          "visit within two weeks; the GP has been told."},
    "camhs": {"*": "We have completed a risk assessment and safety plan with {child}, and offered an appointment "
                   "within 7 days. {mother} has been given advice on keeping medicines locked away."},
    "probation": {"*": "I have discussed this with him at supervision, reminded him of his licence conditions and "
                       "made a referral to the drug and alcohol service."},
    "housing": {"*": "Our tenancy officer has recorded the condition of the property and arranged repairs. We "
                     "have signposted {mother} to the food bank."},
    "voluntary": {"domestic_abuse": "Our IDVA has completed a safety plan with {mother} and is supporting her with a "
                                    "non-molestation order application.",
                  "*": "I have offered {mother} weekly support sessions and will visit again next week."},
    "local_authority": {"*": "I have offered {mother} support through the family hub and will visit again next week."},
}

POOR = {
    "domestic_abuse": "DV incident at address, CYP present. Mum reports ongoing issues with ex. NFA by police. "
                      "Refer for info.",
    "neglect": "Concerns re {child}. Hygiene issues, always hungry. Mum not engaging. Pls advise.",
    "emotional_wellbeing": "{child} presenting as low, ?SH. Needs CAMHS. Pls advise.",
    "injury": "{child} has a bruise. Mum says fell over. Has happened before. Concerned.",
    "attendance": "PA. Attendance poor, mum not engaging with EWO. Refer for info.",
    "parental_mental_health": "Mum has MH issues and is struggling. Child ok but worried. Referring as per protocol.",
    "substance_misuse": "Parental SM suspected. CYP in home. Pls advise.",
}

PRONOUNS = {"female": ("she", "her", "her"), "male": ("he", "his", "him")}
QUOTES = ["I hid under the stairs", "I heard the shouting and went upstairs", "I was scared for Mum",
          "it happens when he's been drinking"]
CONSENT_REASONS = {
    "refused": ["{mother} said she did not want children's services involved; we are referring because we "
                "believe {child} is at risk of harm.", "{mother} refused consent and ended the conversation."],
    "not_sought": ["Seeking consent would place {child} at risk: the person we are worried about lives in the "
                   "home.", "A criminal investigation is under way and telling the family could prejudice it.",
                   "Seeking consent could increase the risk to {mother} from {partner}."],
}


@dataclass(frozen=True)
class Story:
    category: str
    concern_now: str
    concern_past: str
    agency_actions: str
    incident_at: datetime | None
    disclosure_at: datetime | None
    consent: str
    consent_reason: str


@dataclass(frozen=True)
class Cast:
    """Who the story is about, in the words the referrer would use."""

    child: str
    children: str
    sex: str
    age: int
    mother: str
    partner: str


def compose(synth: Synth, *, agency_kind: str, cast: Cast, received_at: datetime) -> Story:
    category = synth.weighted(CATEGORIES_BY_AGENCY[agency_kind])
    voice = VOICES[agency_kind]
    incident_at = _incident_time(synth, voice, received_at)
    words = _words(synth, cast, incident_at)
    consent, reason = _consent(synth, words)
    if synth.chance(0.12):
        return Story(category, POOR[category].format(**words), "", "", None, None, consent, reason)
    actions = ACTIONS[agency_kind]
    past = synth.pick(PAST[category]).format(**words) if synth.chance(0.8) else ""
    return Story(
        category=category,
        concern_now=_in_voice(synth, NOW[category], voice).format(**words),
        concern_past=past,
        agency_actions=actions.get(category, actions["*"]).format(**words),
        incident_at=incident_at,
        disclosure_at=incident_at if voice == "school" else None,
        consent=consent,
        consent_reason=reason,
    )


def _in_voice(synth: Synth, templates: list[tuple[set[str], str]], voice: str) -> str:
    return synth.pick([text for voices, text in templates if voice in voices] or [text for _, text in templates])


def _incident_time(synth: Synth, voice: str, received_at: datetime) -> datetime:
    start, end = INCIDENT_WINDOWS[voice]
    midnight = received_at.replace(hour=0, minute=0, second=0, microsecond=0)
    incident = midnight + timedelta(minutes=synth.between(start, end)) - timedelta(days=synth.between(0, 2))
    while incident >= received_at:
        incident -= timedelta(days=1)
    return incident


def _words(synth: Synth, cast: Cast, incident_at: datetime) -> dict[str, str]:
    he, his, him = PRONOUNS.get(cast.sex, ("they", "their", "them"))
    when = f"On {incident_at:%A} {incident_at.day} {incident_at:%B} at about {_clock(incident_at)}"
    earlier = incident_at - timedelta(days=synth.between(60, 400))
    return {
        "child": cast.child, "children": cast.children, "were": "were" if " and " in cast.children else "was",
        "age": str(cast.age), "mother": cast.mother,
        "partner": cast.partner, "he": he, "He": he.capitalize(), "his": his, "His": his.capitalize(), "him": him,
        "When": when, "earlier": f"in {earlier:%B %Y}", "Earlier": f"In {earlier:%B %Y}",
        "earlier_month": f"{earlier:%B %Y}", "quote": synth.pick(QUOTES),
        "grade": synth.weighted({"standard": 50, "medium": 35, "high": 15}),
        "parents": synth.pick([f"I phoned {cast.mother} at 3:20pm and told her I was contacting the Front Door.",
                               "I have not spoken to the parents because of what the child told me."]),
    }


def _clock(moment: datetime) -> str:
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d}{'am' if moment.hour < 12 else 'pm'}"


def _consent(synth: Synth, words: dict[str, str]) -> tuple[str, str]:
    consent = synth.weighted({"given": 55, "refused": 15, "not_sought": 30})
    if consent == "given":
        return consent, ""
    return consent, synth.pick(CONSENT_REASONS[consent]).format(**words)
