"""Synthetic police domestic-abuse notifications for the demo and the import benchmark.

Records are in the exchange format (docs/police-notifications.md) and go in through the import
service, so they are resolved, screened and (a few deliberately bad ones) quarantined exactly as
a police file would be. Couples repeat, so history-based evidence appears; some children are
already in the demo person index; a few incidents are between teenage partners (seed 002).
"""
import random
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from frontdoor.agencies.models import Agency
# UK name pools: with a handful of names, a bench-sized file meets dozens of same-named strangers
# in every lookup, which no real area does.
from frontdoor.people.matching.generator import BOYS, GIRLS, SURNAMES
from frontdoor.people.models import Person
from frontdoor.triage.imports import notifications_import_records

LONDON = ZoneInfo("Europe/London")
FORCE = "Fictional Shire Police"
STREETS = ["Mill Street", "Orchard Way", "Elm Road", "Station Road", "Church Lane", "Brook Close"]
NARRATIVES = [
    "Verbal argument between IP and DP about money. No injuries. No weapons were used.",
    "DP pushed IP into a door during an argument. The children were asleep upstairs.",
    "IP states DP grabbed her by the throat and threatened to kill her. The children were present in the lounge.",
    "Neighbour (informant) heard shouting. IP says she is not frightened of him. DP denies making threats.",
    "DP has been sending IP abusive messages on Facebook and turning up outside her work since they separated.",
    "IP has a cut to her lip. DP smashed the TV and kicked the dog. Child was crying and tried to pull DP away.",
    "DP checks IP's phone, controls the money and stops her seeing her family. IP is pregnant.",
    "The children were staying with their grandmother. Argument over child contact; DP breached his bail conditions.",
]
OFFENCES = [[], ["Common assault"], ["Assault occasioning actual bodily harm"], ["Criminal damage"],
            ["Harassment"], ["Controlling or coercive behaviour"], ["Breach of bail conditions"]]
# Most police call-outs are verbal arguments or low-level incidents; the weights keep the demo's mix
# of suggested grades near a real week (many standard, 80-100 medium and high a week in a county).
NARRATIVE_WEIGHTS = [9, 4, 1, 5, 2, 1, 1, 2]
OFFENCE_WEIGHTS = [8, 4, 1, 2, 1, 1, 1]


class NotificationFaker:
    """Deterministic records for one seed: couples drawn from a fixed pool, so some repeat."""

    def __init__(self, seed: int, *, couples: int, schools: list[Agency], known_children: list[Person]):
        self.rng = random.Random(seed)
        self.schools, self.known_children = schools, known_children
        self.couples = [self._couple(n) for n in range(couples)]

    def _couple(self, n: int) -> dict:
        rng = self.rng
        family = rng.choice(SURNAMES)
        teen = n % 25 == 0  # peer-on-peer: young people in a relationship (seed 002)
        born = (lambda: date(2009, 1, 1) + timedelta(days=rng.randint(0, 500))) if teen else (
            lambda: date(1975, 1, 1) + timedelta(days=rng.randint(0, 9000)))
        address = f"{rng.randint(1, 120)} {rng.choice(STREETS)}, Fictionton"
        victim = {"given_name": rng.choice(GIRLS), "family_name": family, "dob": born().isoformat(), "sex": "female",
                  "address": address, "postcode": f"FD{rng.randint(1, 9)} {rng.randint(1, 9)}AB"}
        perpetrator = {"given_name": rng.choice(BOYS), "family_name": rng.choice(SURNAMES),
                       "dob": born().isoformat(), "sex": "male"}
        return {"victim": victim, "perpetrator": perpetrator, "teen": teen,
                "relationship": "young_people_partners" if teen else rng.choice(["partner", "partner", "ex_partner"]),
                "children": [] if teen else [self._child(family) for _ in range(rng.choice([0, 1, 1, 2, 3]))]}

    def _child(self, family: str) -> dict:
        rng = self.rng
        if self.known_children and rng.random() < 0.5:
            person = rng.choice(self.known_children)
            child = {"given_name": person.given_name, "family_name": person.family_name,
                     "dob": person.date_of_birth.isoformat() if person.date_of_birth else None}
        else:
            child = {"given_name": rng.choice(GIRLS + BOYS), "family_name": family,
                     "dob": (date(2010, 1, 1) + timedelta(days=rng.randint(0, 5400))).isoformat()}
        if self.schools and rng.random() < 0.8:
            child["school_urn"] = rng.choice(self.schools).urn
        return {key: value for key, value in child.items() if value is not None}

    def record(self, number: int, occurred_at: datetime) -> dict:
        rng = self.rng
        couple = rng.choice(self.couples)
        children = [{**child, "present": rng.random() < 0.2, "disability": rng.random() < 0.05,
                     "injured": rng.random() < 0.02} for child in couple["children"]]
        return {
            "force": FORCE, "police_reference": f"FSP-{occurred_at:%Y%m%d}-{number:06d}",
            "occurred_at": occurred_at.isoformat(),
            "reported_at": (occurred_at + timedelta(minutes=rng.randint(5, 240))).isoformat(),
            "location": "Home address", "relationship": couple["relationship"],
            "victim": {**couple["victim"], "pregnant": rng.random() < 0.05},
            "perpetrator": couple["perpetrator"], "children": children,
            "dash_level": rng.choice(["standard", "standard", "medium", "high"]),
            "offences": rng.choices(OFFENCES, OFFENCE_WEIGHTS)[0],
            "narrative": rng.choices(NARRATIVES, NARRATIVE_WEIGHTS)[0],
        }

    def records(self, count: int, *, end: datetime, days: int) -> list[dict]:
        moments = sorted(end - timedelta(minutes=self.rng.randint(0, days * 24 * 60)) for _ in range(count))
        return [self.record(number, moment) for number, moment in enumerate(moments, start=1)]


def broken(record: dict, how: int) -> dict:
    """A row a force might really send wrong, for the quarantine to show."""
    if how % 3 == 0:
        return {**record, "occurred_at": record["occurred_at"][:16].replace("T", " ")}  # no offset
    if how % 3 == 1:
        return {**record, "victim": {**record["victim"], "dob": "31/02/1990"}}
    return {**record, "dash_level": "very high"}


def load_demo_notifications(*, seed: int, today: date, count: int = 300, bad: int = 6) -> None:
    """About 300 notifications over the 14 days before today, a few of them quarantined."""
    schools = list(Agency.objects.filter(kind=Agency.Kind.SCHOOL).exclude(urn="").order_by("urn"))
    known = list(Person.objects.filter(kind=Person.Kind.CHILD).order_by("family_name", "given_name", "pk")[:200])
    faker = NotificationFaker(seed, couples=max(20, count), schools=schools, known_children=known)
    end = datetime.combine(today, datetime.min.time(), tzinfo=LONDON) + timedelta(hours=7)
    records = faker.records(count, end=end, days=14)
    for position in range(bad):
        index = (position * 47) % len(records)
        records[index] = broken(records[index], position)
    notifications_import_records(records=enumerate(records, start=1), source="demo: Fictional Shire Police overnight file")
