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

NOW = {
    "domestic_abuse": [
        "{When} police were called to the family home by a neighbour who heard shouting and banging. {mother} "
        "told officers that {partner} had pushed her against the kitchen door and taken her phone. {children} "
        "were in the house; {child} was awake and told the officer \"{quote}\". {partner} had left before "
        "officers arrived. {mother} had a red mark on her upper arm and declined medical attention.",
        "{When} {mother} rang 999 saying {partner} was drunk and threatening her. Officers found a glass table "
        "broken in the living room. {mother} said {children} were asleep, but {child} was seen at the top of the "
        "stairs, crying. {partner} was arrested for criminal damage and released under investigation with a "
        "condition not to contact {mother}.",
        "{When} {child} told me that there had been \"a big fight\" at home the night before and that Mum was "
        "crying. {He} said {partner} \"threw the remote at Mum\" and that {he} went to {his} room and put {his} "
        "headphones on. {He} was tired and quiet in lessons afterwards.",
    ],
    "neglect": [
        "{When} I visited the home. There was a strong smell of dog faeces, no food in the fridge apart from "
        "milk, and {child}'s mattress had no sheet and was stained with urine. {mother} said money had run out "
        "and the electricity meter was on emergency credit.",
        "{When} {child} arrived in the same clothes for the fourth day running, with a strong smell of urine. "
        "{He} asked staff for toast twice before 10am and said there was \"no breakfast stuff\" at home. "
        "{His} head lice have not been treated despite two letters home.",
        "{When} {child} was seen in the street outside the flat, alone, at 9:30pm, wearing pyjamas and no "
        "shoes. {He} said {mother} was asleep and {he} could not wake her. A neighbour took {him} home.",
    ],
    "emotional_wellbeing": [
        "{When} {child} told a member of staff that {he} has been cutting {his} arms \"to make the bad feelings "
        "go away\". We saw several fresh superficial cuts on {his} left forearm. {He} said {he} sometimes "
        "thinks everyone would be better off without {him} but has no plan to end {his} life.",
        "{When} {child} became very distressed and said {he} did not want to go home because {partner} "
        "\"shouts at me all the time and calls me stupid\". {He} is withdrawn, has stopped eating lunch and "
        "has lost weight this term.",
    ],
    "injury": [
        "{When} {child} arrived with a bruise about 3cm across on {his} left cheek and finger-shaped marks on "
        "{his} upper arm. {He} said \"I fell off my bike\", then later said \"{partner} grabbed me\". {He} did "
        "not want us to tell anyone.",
        "{When} {child} (aged {age}) was brought to the emergency department with a spiral fracture of the "
        "right forearm. {mother} said {he} fell from the sofa; the injury is not consistent with that "
        "account. There was a delay of about 20 hours before {he} was brought in.",
    ],
    "attendance": [
        "{child}'s attendance this term is 71%, with 19 sessions unauthorised. {When} {he} came in for the "
        "first time in eight school days and said {he} had been \"looking after Mum\". {mother} has not "
        "answered calls or letters from the attendance officer.",
        "{child} has missed 14 of the last 20 days. {When} a home visit by the family support worker got no "
        "answer although the television was on. {His} younger sibling's nursery also reports poor attendance.",
    ],
    "parental_mental_health": [
        "{When} {mother} came to the appointment with {child} and said she had stopped taking her "
        "antidepressants. She said she \"can't see the point\" and has been staying in bed most days while "
        "{child} gets {him}self to school. She denied any plan to harm herself or {child}.",
        "{When} {mother} was taken to hospital under section 136 after being found on the railway bridge. "
        "{children} were at home with {partner}, who told the crisis team he works nights and cannot care for "
        "them this week.",
    ],
    "substance_misuse": [
        "{When} officers attending a reported disturbance found cannabis and a small quantity of what "
        "appeared to be cocaine on the kitchen table, within reach of {child}. {partner} appeared "
        "intoxicated and was unsteady on his feet. {mother} was not at home.",
        "{When} {mother} attended the appointment smelling strongly of alcohol and slurring her words; she "
        "had driven with {child} in the car. She told me she drinks \"a couple of bottles of wine\" most "
        "evenings since the relationship with {partner} ended.",
    ],
}

PAST = {
    "domestic_abuse": [
        "Police have attended this address twice before: {earlier} (verbal argument, graded standard) and "
        "about six months ago (criminal damage). {mother} has previously told her GP that {partner} checks "
        "her phone and controls the money.",
        "{earlier} {child} told {his} teacher that {partner} \"hits Mum sometimes\". The school recorded this "
        "and spoke to {mother}, who said it was a one-off argument.",
    ],
    "neglect": [
        "{earlier} the health visitor raised concerns about missed immunisations and the home conditions; the "
        "family worked with early help for three months and the case closed in the summer.",
        "The school has recorded low-level concerns about {child}'s hygiene and hunger since {earlier}.",
    ],
    "emotional_wellbeing": [
        "{earlier} {child} was referred to CAMHS by the GP for low mood; {he} was on the waiting list and "
        "was discharged after missing two appointments.",
        "There were friendship difficulties and some online bullying reported {earlier}, which were dealt "
        "with in school.",
    ],
    "injury": [
        "{earlier} {child} had a bruise to {his} forehead; {mother} said {he} had walked into a door, and it "
        "was recorded in school.",
        "There are no previous injuries recorded by this agency.",
    ],
    "attendance": [
        "Attendance last year was 88%. A fixed penalty notice was considered {earlier} but not issued after "
        "{mother} said she was unwell.",
    ],
    "parental_mental_health": [
        "{mother} has a history of postnatal depression after {child} was born and was under the community "
        "mental health team until {earlier}.",
    ],
    "substance_misuse": [
        "{partner} completed a community order with a drug rehabilitation requirement {earlier}.",
        "Police recorded a drink-driving offence for {mother} {earlier}.",
    ],
}

ACTIONS = {
    "police": "Officers completed a DASH risk assessment with {mother}, graded {grade}. Safeguarding advice was "
              "given and a crime report raised. Operation Encompass notification to follow for the school.",
    "school": "I spoke with {child} using open questions and wrote down {his} words straight afterwards. I "
              "have informed our designated safeguarding lead and logged the concern on our system. {parents}",
    "gp": "I have discussed {mother}'s medication and arranged a review next week; I gave her the crisis line "
          "number. I have not shared this with anyone else yet.",
    "health_trust": "The child has been examined by the paediatric registrar and a skeletal survey requested. "
                    "{child} will stay on the ward overnight; the ward sister is aware.",
    "camhs": "We have completed a risk assessment and safety plan with {child}, and offered an appointment "
             "within 7 days. {mother} has been given advice on keeping medicines locked away.",
    "probation": "I have reminded him of his licence conditions and made a referral to the drug and alcohol "
                 "service. I will be seeing him again on Friday.",
    "housing": "Our tenancy officer has logged the condition of the property and arranged for repairs. We have "
               "signposted {mother} to the food bank.",
    "voluntary": "Our IDVA has completed a safety plan with {mother} and is supporting her with a non-molestation "
                 "order application.",
    "local_authority": "I have offered {mother} support through the family hub and will visit again next week.",
}

POOR = [
    "DV incident at address, CYP present. Mum reports ongoing issues with ex. NFA by police. Refer for info.",
    "Concerns re {child}. Presenting as low in school, hygiene issues. Mum not engaging. Pls advise.",
    "Pt's mum has MH issues and is struggling. Child ok but worried. Referring as per protocol.",
    "{child} has a bruise. Mum says fell over. Has happened before. Concerned.",
]

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
    incident_at = _incident_time(synth, agency_kind, received_at)
    words = _words(synth, cast, incident_at)
    consent, reason = _consent(synth, words)
    if synth.chance(0.12):
        return Story(category, synth.pick(POOR).format(**words), "", "", None, None, consent, reason)
    past = synth.pick(PAST[category]).format(**words) if synth.chance(0.8) else ""
    return Story(
        category=category,
        concern_now=synth.pick(NOW[category]).format(**words),
        concern_past=past,
        agency_actions=ACTIONS[agency_kind].format(**words),
        incident_at=incident_at,
        disclosure_at=incident_at if agency_kind in ("school", "camhs") else None,
        consent=consent,
        consent_reason=reason,
    )


def _incident_time(synth: Synth, agency_kind: str, received_at: datetime) -> datetime:
    if agency_kind == "police":  # usually last night's call-out, sent in the morning
        return received_at - timedelta(hours=synth.between(6, 40), minutes=synth.between(0, 59))
    return received_at - timedelta(minutes=synth.between(20, 60 * 26))


def _words(synth: Synth, cast: Cast, incident_at: datetime) -> dict[str, str]:
    he, his, him = {"female": ("she", "her", "her"), "male": ("he", "his", "him")}.get(cast.sex, ("they", "their", "them"))
    when = f"On {incident_at:%A} {incident_at.day} {incident_at:%B} at about {_clock(incident_at)}"
    earlier = incident_at - timedelta(days=synth.between(60, 400))
    return {
        "child": cast.child, "children": cast.children, "age": str(cast.age), "mother": cast.mother,
        "partner": cast.partner, "he": he, "He": he.capitalize(), "his": his, "His": his.capitalize(), "him": him,
        "When": when, "earlier": f"in {earlier:%B %Y}", "quote": synth.pick(QUOTES),
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
