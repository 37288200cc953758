"""Synthetic police domestic-abuse notifications for the demo and the import benchmark.

Records are in the exchange format (docs/police-notifications.md) and go in through the import
service, so they are resolved, screened and (a few deliberately bad ones) quarantined exactly as
a police file would be. Couples repeat, so history-based evidence appears; some children are
already in the demo person index; a few incidents are between teenage partners (seed 002); and
a couple of families' children go to the demo DSL's primary school, so that teacher@demo.test has
notifications the triage meeting discussed (and later corrected, see corrections.py).
"""
import random
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from frontdoor.agencies.models import Agency
from frontdoor.casework.calendar import add_working_days
# UK name pools: with a handful of names, a bench-sized file meets dozens of same-named strangers
# in every lookup, which no real area does.
from frontdoor.people.matching.generator import BOYS, GIRLS, SURNAMES
from frontdoor.people.models import Person
from frontdoor.triage.imports import notifications_import_records

from .area import DEMO_PRIMARY
from .triage_history import SENT_AFTER_REPORT, meeting_day

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
# Narratives EVODA always grades medium or high (children asleep upstairs or present, injuries, control):
# an incident like this goes to the triage meeting.
MEETING_NARRATIVES = frozenset(NARRATIVES[i] for i in (1, 2, 5, 6))
# Families whose children go to the demo DSL's school (DEMO_PRIMARY), in incidents the meeting discussed.
DSL_SCHOOL_FAMILIES = 2
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


def to_school(records: list[dict], school: Agency, *, today: date, families: int, skip: set[int]) -> None:
    """Send a primary-age child of a few families to `school`, in every record about that family.

    The families are those of the latest incidents a meeting before today discussed, as far as the
    record tells: first those whose narrative EVODA always grades medium or high and whose school
    has had a few days to acknowledge, then (in a small area short of them) any discussed. No random
    numbers are drawn, so the rest of the seed's records stay as they were.
    """
    acknowledged_by = add_working_days(today, -3)
    met = {index: meeting_day(datetime.fromisoformat(record["reported_at"]) + SENT_AFTER_REPORT)
           for index, record in enumerate(records) if index not in skip}
    tiers = [
        lambda record, day: record["narrative"] in MEETING_NARRATIVES and day < acknowledged_by,
        lambda record, day: record["narrative"] in MEETING_NARRATIVES and day < today,
        lambda record, day: day < today,
    ]
    chosen: dict[tuple, int] = {}  # family -> the position of its child who goes to the school
    for tier in tiers:
        for index in sorted(met, reverse=True):
            record, family = records[index], _family(records[index])
            if len(chosen) == families or family in chosen or not tier(record, met[index]):
                continue
            primary_age = [position for position, child in enumerate(record["children"])
                           if "dob" in child and 4 <= _age(date.fromisoformat(child["dob"]), today) <= 11]
            if primary_age:
                chosen[family] = primary_age[0]
    for record in records:
        position = chosen.get(_family(record))
        if position is not None:
            record["children"][position] = {**record["children"][position], "school_urn": school.urn}


def _family(record: dict) -> tuple:
    victim, perpetrator = record["victim"], record["perpetrator"]
    return (victim["given_name"], victim["family_name"], victim["dob"],
            perpetrator["given_name"], perpetrator["family_name"], perpetrator["dob"])


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def load_demo_notifications(*, seed: int, today: date, count: int = 300, bad: int = 6) -> None:
    """About 300 notifications over the 14 days before today, a few of them quarantined."""
    schools = list(Agency.objects.filter(kind=Agency.Kind.SCHOOL).exclude(urn="").order_by("urn"))
    known = list(Person.objects.filter(kind=Person.Kind.CHILD).order_by("family_name", "given_name", "pk")[:200])
    faker = NotificationFaker(seed, couples=max(20, count), schools=schools, known_children=known)
    end = datetime.combine(today, datetime.min.time(), tzinfo=LONDON) + timedelta(hours=7)
    records = faker.records(count, end=end, days=14)
    bad_indexes = {(position * 47) % len(records) for position in range(bad)}
    dsl_school = next((school for school in schools if school.name == DEMO_PRIMARY), None)
    if dsl_school is not None:
        to_school(records, dsl_school, today=today, families=DSL_SCHOOL_FAMILIES, skip=bad_indexes)
    for position in range(bad):
        index = (position * 47) % len(records)
        records[index] = broken(records[index], position)
    notifications_import_records(records=enumerate(records, start=1), source="demo: Fictional Shire Police overnight file")
