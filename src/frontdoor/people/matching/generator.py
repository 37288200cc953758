"""Labelled, deterministic UK-style populations for testing and benchmarking identity resolution.

A population is households at addresses with real-shaped postcodes; each person has a true
`cluster_id`. The index holds one record per known person (with address history); the query set
holds records as partners send them, with the hazards that make matching hard: nicknames,
typing slips, swapped names, changed and double-barrelled family names, swapped and near dates
of birth, moves, untidy postcodes, missing NHS numbers; and families in which twins, siblings
and a father and son of the same name share a surname and an address.
"""

import csv
import random
import string
import zlib
from bisect import bisect
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path

from .names import variant_groups

BOYS = (
    "Oliver George Harry Noah Jack Leo Arthur Muhammad Oscar Charlie Jacob Thomas Henry William "
    "Freddie Alfie Theodore Archie Joshua James Alexander Isaac Edward Lucas Samuel Joseph Max "
    "Logan Daniel Mohammed Ibrahim Yusuf Ali Omar Hussain Ahmed Adam Benjamin Michael David "
    "Christopher Matthew Andrew Robert Richard Stephen Peter John Nicholas Jayden Kayden Ethan "
    "Mason Riley Tyler Dylan Callum Connor Kieran Reece Bradley Jakub Filip Kacper Evan Harvey "
    "Dominic Patrick Zachary Frederick Nathaniel Jonathan Anthony Francis Philip Timothy"
).split()
GIRLS = (
    "Olivia Amelia Isla Ava Mia Ivy Lily Isabella Rosie Sophia Grace Freya Florence Willow Evie "
    "Ella Charlotte Poppy Emily Elizabeth Margaret Catherine Sarah Rebecca Jessica Hannah Lucy "
    "Victoria Aisha Fatima Maryam Zainab Khadija Amira Layla Jasmine Chloe Megan Leah Holly "
    "Courtney Jade Kayleigh Shannon Paige Zofia Maja Harper Maya Lola Faye Ruby Ellie Leila "
    "Abigail Alexandra Eleanor Georgia Jennifer Nicola Samantha Susan Deborah Frances Bethany"
).split()
SIMILAR_TWIN_NAMES = (
    ("Jayden", "Kayden"), ("Ethan", "Evan"), ("Harvey", "Harry"), ("Mia", "Maya"),
    ("Ella", "Ellie"), ("Lily", "Lola"), ("Freya", "Faye"), ("Ruby", "Rosie"), ("Layla", "Leila"),
)
SURNAMES = (
    "Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Khan Patel Roberts "
    "Robinson Thompson Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke Jackson "
    "Wood Turner Martin Cooper Hill Ward Morris Moore Clark Lee King Baker Harrison Morgan Allen "
    "James Scott Phillips Watson Davis Parker Price Bennett Young Griffiths Mitchell Kelly Cook "
    "Carter Richardson Bailey Collins Bell Shaw Murphy Miller Cox Richards Marshall Anderson "
    "Simpson Ellis Adams Singh Begum Wilkinson Foster Chapman Powell Webb Rogers Gray Mason Ali "
    "Hunt Hussain Campbell Matthews Owen Palmer Holmes Mills Barnes Knight Lloyd Butler Russell "
    "Barker Fisher Stevens Jenkins Murray Dixon Harvey Graham Pearson Ahmed Fletcher Walsh Kaur "
    "Gibson Howard Andrews Stewart Elliott Reynolds Saunders Payne Fox Ford Pearce Day Brooks "
    "West Lawrence Cole Atkinson Bradley Spencer Gill Dawson Ball Burton O'Brien Watts Rose Booth "
    "Perry Ryan Grant Wells Armstrong Francis Rees Hayes Hart Hudson Newman Barrett Webster "
    "Hunter Gregory Carr Lowe Page Marsh Riley Dunn Woods Parsons Berry Stone Reid Holland "
    "Hawkins Harding Porter Robertson Newton Oliver Reed Kennedy Williamson Bird Gardner Shah "
    "Dean Lane Cooke Bates Henderson Parry Burgess Bishop Walton Burns Nicholson Shepherd Ross "
    "Cross Long Freeman Warren Nicholls Hamilton Byrne Sutton McDonald Yates Hodgson Robson "
    "Curtis Hopkins O'Connor Coleman Watkins Moss McCarthy Chambers O'Neill Griffin Sharp Hardy "
    "Wheeler Potter Osborne Johnston Gordon Doyle Wallace Jordan Hutchinson Rahman Mahmood Iqbal "
    "Kowalski Nowak Wisniewski Mensah Okafor Adeyemi Nguyen Chen Wong Popescu Silva Santos"
).split()
STREETS = (
    "High Church Station Mill School Park Victoria Green Manor Kings Queens New Grange Orchard "
    "Chapel Windsor Albert Springfield Meadow Farm York Oak Elm Beech Ash Willow Cedar Birch "
    "Hawthorn Holly Maple Rowan Chestnut Lime Sycamore Poplar Hazel Alder Laurel Juniper Heath "
    "Moor Brook River Bridge Canal Castle Abbey Priory Market Cross North South East West"
).split()
STREET_KINDS = ("Road", "Street", "Lane", "Close", "Avenue", "Drive", "Way", "Crescent", "Gardens")
AREAS = ("WR", "DY", "B", "HR", "GL", "CV")
TOWNS = ("Worcester", "Kidderminster", "Redditch", "Malvern", "Evesham", "Bromsgrove")
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
TODAY = date(2025, 1, 1)


@dataclass(frozen=True)
class Difficulty:
    name: str
    surname_skew: float        # Zipf exponent: higher means more people share common surnames
    twins: float               # chance that a birth is twins
    junior: float              # chance a household's first son takes his father's given name
    nickname: float
    given_typo: float
    family_typo: float
    names_swapped: float
    family_changed: float
    dob_swapped: float
    dob_near: float
    dob_missing: float
    moved: float
    untidy_postcode: float
    nhs_missing_in_index: float
    nhs_missing_in_query: float
    sex_missing: float


DIFFICULTIES = {
    "easy": Difficulty("easy", 0.8, 0.01, 0.01, 0.05, 0.03, 0.02, 0.005, 0.01, 0.01, 0.01, 0.0,
                       0.05, 0.2, 0.1, 0.3, 0.02),
    "normal": Difficulty("normal", 1.0, 0.02, 0.02, 0.15, 0.08, 0.05, 0.01, 0.03, 0.02, 0.03, 0.01,
                         0.15, 0.4, 0.2, 0.5, 0.05),
    "hard": Difficulty("hard", 1.2, 0.04, 0.04, 0.25, 0.15, 0.1, 0.03, 0.06, 0.04, 0.05, 0.03,
                       0.25, 0.5, 0.3, 0.7, 0.1),
}


@dataclass
class Person:
    cluster_id: str
    given_name: str
    family_name: str
    dob: date
    sex: str
    nhs_number: str
    home: tuple[str, str]
    previous_homes: list[tuple[str, str]]
    school: str | None
    other_family_name: str     # the other parent's family name: a child may come to use it


@dataclass
class Population:
    index: list[dict]
    queries: list[dict]
    truth: dict[str, str] = field(default_factory=dict)   # record id -> cluster_id
    persons: list[Person] = field(default_factory=list)


def nhs_number(rng: random.Random) -> str:
    """A valid (modulus-11) NHS number from the 9xx range kept for synthetic test patients, so
    generated data can never name a real patient."""
    while True:
        digits = [9] + [rng.randrange(10) for _ in range(8)]
        check = 11 - sum(d * (10 - i) for i, d in enumerate(digits)) % 11
        if check == 11:
            check = 0
        if check != 10:
            return "".join(map(str, digits)) + str(check)


class _Draw:
    """Weighted choice from a fixed list in O(log n), much faster than rng.choices per call."""

    def __init__(self, items, weights):
        self.items = list(items)
        self.cumulative = list(accumulate(weights))

    def __call__(self, rng: random.Random):
        return self.items[bisect(self.cumulative, rng.random() * self.cumulative[-1])]


def _zipf(items, skew: float) -> _Draw:
    return _Draw(items, [1 / (rank ** skew) for rank in range(1, len(items) + 1)])


class _Area:
    """Streets with house numbers and postcodes; each street lies in one postcode unit."""

    def __init__(self, rng: random.Random, households: int):
        self.rng = rng
        self.streets = [self._street(n) for n in range(max(10, households // 12))]
        self.schools = {}

    def _street(self, n: int) -> tuple[str, str, str]:
        rng = self.rng
        area_index = rng.randrange(len(AREAS))
        district = f"{AREAS[area_index]}{rng.randint(1, 15)}"
        unit = f"{rng.randint(0, 9)}{rng.choice(INWARD_LETTERS)}{rng.choice(INWARD_LETTERS)}"
        name = f"{STREETS[n % len(STREETS)]} {STREET_KINDS[(n // len(STREETS)) % len(STREET_KINDS)]}"
        return name, TOWNS[area_index], f"{district} {unit}"

    def home(self) -> tuple[str, str]:
        street, town, postcode = self.rng.choice(self.streets)
        return f"{self.rng.randint(1, 60)} {street}, {town}", postcode

    def school_for(self, postcode: str, age: int) -> str:
        district = postcode.split(" ")[0]
        phase = "Primary School" if age < 11 else "Academy"
        return f"{district} {STREETS[zlib.crc32(district.encode()) % len(STREETS)]} {phase}"


class _Households:
    def __init__(self, rng: random.Random, difficulty: Difficulty, area: _Area):
        self.rng, self.difficulty, self.area = rng, difficulty, area
        self.surname = _zipf(SURNAMES, difficulty.surname_skew)
        self.boy = _zipf(BOYS, difficulty.surname_skew * 0.7)
        self.girl = _zipf(GIRLS, difficulty.surname_skew * 0.7)
        self.count = 0

    def build(self) -> list[Person]:
        rng = self.rng
        home = self.area.home()
        previous = [self.area.home() for _ in range(rng.choice((0, 0, 0, 1, 2)))]
        father_name, mother_name = self.surname(rng), self.surname(rng)
        if rng.random() < 0.6:
            mother_name = father_name
        adults = self._adults(father_name, mother_name, home, previous)
        if rng.random() < 0.25:
            return adults
        return adults + self._children(adults, father_name, mother_name, home, previous)

    def _adults(self, father_name, mother_name, home, previous) -> list[Person]:
        rng = self.rng
        mother_dob = TODAY - timedelta(days=rng.randint(19 * 365, 60 * 365))
        father_dob = mother_dob - timedelta(days=rng.randint(-3 * 365, 8 * 365))
        shape = rng.random()
        adults = []
        if shape < 0.85:
            adults.append(self._person(self.girl(rng), mother_name, mother_dob, "F", home,
                                       previous, father_name))
        if shape > 0.3:
            adults.append(self._person(self.boy(rng), father_name, father_dob, "M", home,
                                       previous, mother_name))
        return adults

    def _children(self, adults, father_name, mother_name, home, previous) -> list[Person]:
        rng = self.rng
        eldest_parent_dob = max(adult.dob for adult in adults)
        family = self._child_family_name(father_name, mother_name)
        birth = eldest_parent_dob + timedelta(days=rng.randint(18 * 365, 30 * 365))
        father = next((adult for adult in adults if adult.sex == "M"), None)
        children: list[Person] = []
        for _ in range(rng.choice((1, 1, 2, 2, 3, 4))):
            if birth >= TODAY:
                break
            children += self._birth(birth, family, home, previous, father, children)
            birth += timedelta(days=rng.randint(320, 4 * 365))
        return children

    def _child_family_name(self, father_name: str, mother_name: str) -> str:
        if father_name != mother_name and self.rng.random() < 0.15:
            return f"{father_name}-{mother_name}"
        return father_name

    def _birth(self, dob, family, home, previous, father, siblings) -> list[Person]:
        rng = self.rng
        twins = rng.random() < self.difficulty.twins
        names = self._twin_names() if twins else [self._child_given(father, siblings)]
        born = []
        for given, sex in names:
            born.append(self._person(given, family, dob, sex, home, previous, family))
        return born

    def _twin_names(self) -> list[tuple[str, str]]:
        rng = self.rng
        if rng.random() < 0.3:
            pair = rng.choice(SIMILAR_TWIN_NAMES)
            sex = "M" if pair[0] in BOYS else "F"
            return [(pair[0], sex), (pair[1], sex)]
        sexes = [rng.choice("MF"), rng.choice("MF")]
        names = [self.boy(rng) if s == "M" else self.girl(rng) for s in sexes]
        while names[1] == names[0]:
            names[1] = self.boy(rng) if sexes[1] == "M" else self.girl(rng)
        return list(zip(names, sexes))

    def _child_given(self, father, siblings) -> tuple[str, str]:
        rng = self.rng
        sex = rng.choice("MF")
        first_son = sex == "M" and not any(s.sex == "M" for s in siblings)
        if father and first_son and rng.random() < self.difficulty.junior:
            return father.given_name, sex
        taken = {s.given_name for s in siblings}
        name = self.boy(rng) if sex == "M" else self.girl(rng)
        while name in taken:
            name = self.boy(rng) if sex == "M" else self.girl(rng)
        return name, sex

    def _person(self, given, family, dob, sex, home, previous, other_family) -> Person:
        self.count += 1
        age = (TODAY - dob).days // 365
        school = self.area.school_for(home[1], age) if 4 <= age <= 16 else None
        return Person(
            cluster_id=f"P{self.count:07d}", given_name=given, family_name=family, dob=dob,
            sex=sex, nhs_number=nhs_number(self.rng), home=home, previous_homes=previous,
            school=school, other_family_name=other_family,
        )


def generate_persons(*, persons: int, difficulty: str = "normal", seed: int = 0) -> list[Person]:
    rng = random.Random(f"persons-{seed}-{difficulty}")
    area = _Area(rng, persons // 2)
    households = _Households(rng, DIFFICULTIES[difficulty], area)
    people: list[Person] = []
    while len(people) < persons:
        people += households.build()
    return people[:persons]


def index_record(person: Person, record_id: str, rng: random.Random, difficulty: Difficulty) -> dict:
    address, postcode = person.home
    return {
        "id": record_id,
        "given_name": person.given_name,
        "family_name": person.family_name,
        "dob": person.dob.isoformat(),
        "sex": person.sex,
        "address": address,
        "postcode": postcode,
        "nhs_number": "" if rng.random() < difficulty.nhs_missing_in_index else person.nhs_number,
        "school": person.school or "",
        "address_history": [{"address": a, "postcode": p} for a, p in person.previous_homes],
    }


class _Observer:
    """Writes a person down the way a partner agency might: with the difficulty's hazards."""

    def __init__(self, rng: random.Random, difficulty: Difficulty, area_home):
        self.rng, self.d, self.area_home = rng, difficulty, area_home
        self.variants = self._variants_by_name()

    @staticmethod
    def _variants_by_name() -> dict[str, list[str]]:
        variants: dict[str, set[str]] = {}
        for group in variant_groups():
            for name in group:
                variants.setdefault(name, set()).update(n for n in group if n != name)
        return {name: sorted(others) for name, others in variants.items()}

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def observe(self, person: Person, record_id: str) -> dict:
        given, family = self._names(person)
        address, postcode = self._home(person)
        return {
            "id": record_id,
            "given_name": given,
            "family_name": family,
            "dob": self._dob(person.dob),
            "sex": "" if self.chance(self.d.sex_missing) else person.sex,
            "address": address,
            "postcode": self._untidy(postcode),
            "nhs_number": "" if self.chance(self.d.nhs_missing_in_query) else person.nhs_number,
            "school": (person.school or "") if self.chance(0.5) else "",
        }

    def _names(self, person: Person) -> tuple[str, str]:
        given, family = person.given_name, person.family_name
        if self.chance(self.d.nickname):
            given = self._variant(given)
        if self.chance(self.d.given_typo):
            given = self._typo(given)
        if self.chance(self.d.family_changed):
            family = self._changed_family(family, person.other_family_name)
        if self.chance(self.d.family_typo):
            family = self._typo(family)
        if self.chance(self.d.names_swapped):
            given, family = family, given
        return given, family

    def _variant(self, given: str) -> str:
        others = self.variants.get(given.upper())
        return self.rng.choice(others).title() if others else given

    def _typo(self, name: str) -> str:
        rng = self.rng
        if len(name) < 3:
            return name
        i = rng.randrange(1, len(name) - 1)
        kind = rng.randrange(4)
        letter = rng.choice(string.ascii_lowercase)
        if kind == 0:
            return name[:i] + letter + name[i + 1:]
        if kind == 1:
            return name[:i] + name[i + 1:]
        if kind == 2:
            return name[:i] + letter + name[i:]
        return name[:i] + name[i + 1] + name[i] + name[i + 2:]

    def _changed_family(self, family: str, other: str) -> str:
        if "-" in family:
            return family.split("-")[self.rng.randrange(2)]
        if other != family and self.chance(0.5):
            return other
        return f"{family}-{other}" if other != family else family

    def _dob(self, dob: date) -> str:
        if self.chance(self.d.dob_missing):
            return ""
        if self.chance(self.d.dob_swapped) and dob.day <= 12 and dob.day != dob.month:
            return date(dob.year, dob.day, dob.month).isoformat()
        if self.chance(self.d.dob_near):
            return self._near(dob).isoformat()
        return dob.isoformat() if self.chance(0.7) else dob.strftime("%d/%m/%Y")

    def _near(self, dob: date) -> date:
        if self.chance(0.5):
            return dob + timedelta(days=self.rng.choice((-3, -2, -1, 1, 2, 3)))
        try:
            return dob.replace(year=dob.year + self.rng.choice((-1, 1)))
        except ValueError:
            return dob + timedelta(days=1)

    def _home(self, person: Person) -> tuple[str, str]:
        if not self.chance(self.d.moved):
            return person.home
        if person.previous_homes and self.chance(0.5):
            return self.rng.choice(person.previous_homes)
        return self.area_home()

    def _untidy(self, postcode: str) -> str:
        if not self.chance(self.d.untidy_postcode):
            return postcode
        return self.rng.choice((postcode.replace(" ", ""), postcode.lower(), f" {postcode} "))


def generate_population(
    *,
    persons: int,
    queries: int | None = None,
    difficulty: str = "normal",
    seed: int = 0,
    share_not_in_index: float = 0.1,
) -> Population:
    """`persons` indexed people, and `queries` records to resolve (default a fifth of persons),
    of which about `share_not_in_index` are of people the index does not hold (new babies,
    newcomers, the twin nobody has met yet)."""
    settings = DIFFICULTIES[difficulty]
    extra = int(persons * share_not_in_index * 0.5) + 1
    people = generate_persons(persons=persons + extra, difficulty=difficulty, seed=seed)
    rng = random.Random(f"records-{seed}-{difficulty}")
    unindexed_positions = set(rng.sample(range(len(people)), extra))
    indexed = [p for i, p in enumerate(people) if i not in unindexed_positions]
    unindexed = [people[i] for i in sorted(unindexed_positions)]
    population = Population(index=[], queries=[], persons=people)
    for n, person in enumerate(indexed, start=1):
        record = index_record(person, f"I{n:07d}", rng, settings)
        population.index.append(record)
        population.truth[record["id"]] = person.cluster_id
    area = _Area(random.Random(f"moves-{seed}"), max(persons // 2, 20))
    observer = _Observer(rng, settings, area.home)
    for n, person in enumerate(_query_subjects(rng, indexed, unindexed, queries or persons // 5,
                                               share_not_in_index), start=1):
        record = observer.observe(person, f"Q{n:07d}")
        population.queries.append(record)
        population.truth[record["id"]] = person.cluster_id
    return population


def _query_subjects(rng, indexed, unindexed, count, share_not_in_index) -> list[Person]:
    outsiders = min(len(unindexed), int(count * share_not_in_index))
    return rng.sample(indexed, count - outsiders) + rng.sample(unindexed, outsiders)


CSV_COLUMNS = ("id", "given_name", "family_name", "dob", "sex", "address", "postcode",
               "nhs_number", "school")


def write_csv(records, path: str | Path) -> None:
    """The partner-list CSV; address history is not part of that format and is left out."""
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(records)
