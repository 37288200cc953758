"""Households of children and the adults who care for them, with addresses, schools and relationships.

The families carry the hazards a person index meets in real life: twins, siblings with near-identical
names, a father and son with the same name, half-siblings with different surnames, people who
moved, children missing NHS numbers, common names repeated across the county.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from frontdoor.agencies.models import Agency
from frontdoor.people.models import Address, Household, Person, Relationship, Residence

from .area import Area
from .synthetic import Synth, age_on, data_file

FEMALE, MALE, UNKNOWN = Person.Sex.FEMALE, Person.Sex.MALE, Person.Sex.UNKNOWN
CHILDREN_PER_FAMILY = {1: 28, 2: 35, 3: 22, 4: 10, 5: 4, 6: 1}
STRUCTURES = {"couple": 50, "single_mother": 29, "mother_and_partner": 11, "single_father": 4,
              "two_mothers": 1, "grandparent_carer": 5}
NHS_NUMBER_KNOWN = 0.9
SCHOOL_AGE_NOT_AT_SCHOOL = 0.03  # electively home educated
SIXTH_FORM_AT_SCHOOL = 0.6


@dataclass
class Family:
    household: Household
    town: dict
    carers: list[tuple[Person, str]]  # each resident adult with what they are to the children
    children: list[Person]  # oldest first, an unborn baby last
    gp: Agency
    main_age: int  # the mother's age (or, for grandparent carers, the absent mother's): bounds the children's
    absent_father: Person | None = None
    schools: dict[str, Agency] = field(default_factory=dict)  # phase -> the school the children go to

    @property
    def born_children(self) -> list[Person]:
        return [c for c in self.children if c.kind == Person.Kind.CHILD]


@dataclass
class Population:
    people: list[Person] = field(default_factory=list)
    addresses: list[Address] = field(default_factory=list)
    residences: list[Residence] = field(default_factory=list)
    households: list[Household] = field(default_factory=list)
    household_members: list = field(default_factory=list)
    relationships: list[Relationship] = field(default_factory=list)
    families: list[Family] = field(default_factory=list)


class PopulationBuilder:
    def __init__(self, synth: Synth, area: Area, today: date) -> None:
        self.synth, self.area, self.today = synth, area, today
        self.names = data_file("names.json")
        self.places = data_file("places.json")
        self.similar = {a: b for a, b in self.names["similar_pairs"]} | {b: a for a, b in self.names["similar_pairs"]}
        self.streets: dict[str, list[dict]] = {t["name"]: [] for t in self.places["towns"]}
        self.used_addresses: set[tuple[str, str]] = set()
        self.population = Population()
        academic_year = today.year if today.month >= 9 else today.year - 1
        self.last_31_august = date(academic_year, 8, 31)

    def build(self, *, households: int) -> Population:
        for _ in range(households):
            self.population.families.append(self._family())
        self._add_namesakes()
        return self.population

    # Families

    def _family(self) -> Family:
        town = self.synth.rng.choices(self.places["towns"], weights=[t["weight"] for t in self.places["towns"]])[0]
        structure = self.synth.weighted(STRUCTURES)
        group = self.synth.name_group()
        family = self._carers(structure, group, town)
        self._add_children(family, structure, group)
        self._house(family)
        return family

    def _other_group(self, group: dict) -> dict:
        # About one family in fifteen has parents from different backgrounds.
        return self.synth.name_group() if self.synth.chance(0.07) else group

    def _carers(self, structure: str, group: dict, town: dict) -> Family:
        main_age = self.synth.between(19, 48)
        gp = self.synth.pick(self.area.gps[town["name"]] or [p for ps in self.area.gps.values() for p in ps])
        family = Family(household=Household(id=self.synth.uuid()), town=town, carers=[], children=[], gp=gp,
                        main_age=main_age)
        if structure == "grandparent_carer":
            family.carers.append((self._adult(group, FEMALE, self.synth.between(50, 68)), "Grandmother"))
            return family
        if structure == "single_father":
            family.carers.append((self._adult(group, MALE, main_age), "Father"))
            return family
        mother = self._adult(group, FEMALE, main_age)
        family.carers.append((mother, "Mother"))
        partner_age = max(18, main_age + self.synth.between(-3, 8))
        if structure == "couple":
            father = self._adult(self._other_group(group), MALE, partner_age)
            if self.synth.chance(0.75):
                mother.family_name = father.family_name
            family.carers.append((father, "Father"))
        elif structure == "mother_and_partner":
            family.carers.append((self._adult(self._other_group(group), MALE, partner_age), "Mother's partner"))
        elif structure == "two_mothers":
            family.carers.append((self._adult(group, FEMALE, partner_age), "Mother"))
        if structure in ("single_mother", "mother_and_partner") and self.synth.chance(0.5):
            family.absent_father = self._adult(self._other_group(group), MALE, partner_age)
            self._relate(mother, family.absent_father, Relationship.Kind.EX_PARTNER)
            self._live_alone(family.absent_father, town)
        if len(family.carers) == 2:
            self._relate(family.carers[0][0], family.carers[1][0], Relationship.Kind.PARTNER)
        return family

    def _adult(self, group: dict, sex: str, age: int) -> Person:
        given = self.synth.pick(group["women"] if sex == FEMALE else group["men"])
        return self._person(Person.Kind.ADULT, given, self.synth.pick(group["family"]), sex,
                            born=self.synth.birth_date(age=age, today=self.today))

    def _person(self, kind: str, given: str, family_name: str, sex: str, *, born: date | None) -> Person:
        person = Person(id=self.synth.uuid(), kind=kind, given_name=given, family_name=family_name, sex=sex,
                        date_of_birth=born,
                        nhs_number=self.synth.nhs_number() if born and self.synth.chance(NHS_NUMBER_KNOWN) else "")
        self.population.people.append(person)
        return person

    # Children

    def _add_children(self, family: Family, structure: str, group: dict) -> None:
        count = self.synth.weighted(CHILDREN_PER_FAMILY)
        oldest_possible = max(0, min(17, family.main_age - 17))
        ages = sorted(self.synth.rng.sample(range(oldest_possible + 1), min(count, oldest_possible + 1)), reverse=True)
        births = self._spaced([self.synth.birth_date(age=age, today=self.today) for age in ages])
        if len(births) >= 2 and self.synth.chance(0.04):
            births[-1] = births[-2]  # twins
        surname = self._children_surname(family, structure)
        used: list[str] = []  # a list, not a set: its order feeds the random choices
        for born in births:
            child = self._child(group, surname, born, used, family)
            used.append(child.given_name)
            family.children.append(child)
        self._maybe_half_sibling(family, structure)
        if family.main_age <= 42 and structure != "grandparent_carer" and self.synth.chance(0.03):
            family.children.append(self._unborn(surname))
        self._relate_children(family)

    def _spaced(self, births: list[date]) -> list[date]:
        """Births, oldest first, at least ten months apart; one that would fall after today is dropped."""
        spaced = births[:1]
        for born in births[1:]:
            if (born - spaced[-1]).days < 300:
                born = spaced[-1] + timedelta(days=self.synth.between(300, 500))
            if born <= self.today:
                spaced.append(born)
        return spaced

    def _children_surname(self, family: Family, structure: str) -> str:
        first_carer = family.carers[0][0]
        if structure == "couple":
            return family.carers[1][0].family_name
        if family.absent_father and self.synth.chance(0.4):
            return family.absent_father.family_name
        return first_carer.family_name if structure != "grandparent_carer" else self.synth.pick(
            [first_carer.family_name, self.synth.pick(self.synth.name_group()["family"])])

    def _child(self, group: dict, surname: str, born: date, used: list[str], family: Family) -> Person:
        sex = self.synth.pick([FEMALE, MALE])
        given = self._child_given_name(group, sex, used, family)
        child = self._person(Person.Kind.CHILD, given, surname, sex, born=born)
        child.school = self._school(family, born)
        return child

    def _child_given_name(self, group: dict, sex: str, used: list[str], family: Family) -> str:
        father = next((p for p, role in family.carers if role == "Father"), None)
        if sex == MALE and father and not used and self.synth.chance(0.06):
            return father.given_name  # named after his father: a junior with the same name
        pool = group["girls"] if sex == FEMALE else group["boys"]
        similar = [self.similar[n] for n in used if self.similar.get(n) in pool and self.similar[n] not in used]
        if similar and self.synth.chance(0.15):
            return similar[0]
        given = self.synth.pick(pool)
        while given in used:
            given = self.synth.pick(pool)
        return given

    def _maybe_half_sibling(self, family: Family, structure: str) -> None:
        # The youngest is the mother's partner's child: same home, different surname from the others.
        if structure == "mother_and_partner" and len(family.children) >= 2 and self.synth.chance(0.5):
            family.children[-1].family_name = family.carers[1][0].family_name

    def _unborn(self, surname: str) -> Person:
        unborn = self._person(Person.Kind.UNBORN, "", surname, UNKNOWN, born=None)
        unborn.expected_date = self.today + timedelta(days=self.synth.between(7, 180))
        return unborn

    def _school(self, family: Family, born: date) -> Agency | None:
        age = age_on(born, self.last_31_august)  # school year follows age on 31 August
        if age < 4 or age > 17 or self.synth.chance(SCHOOL_AGE_NOT_AT_SCHOOL):
            return None
        if age >= 16 and not self.synth.chance(SIXTH_FORM_AT_SCHOOL):
            return None
        phase = "primary" if age <= 10 else "secondary"
        if phase not in family.schools:
            local = self.area.schools[family.town["name"]][phase] or self.area.all_schools(phase)
            family.schools[phase] = self.synth.pick(local)
        return family.schools[phase]

    def _relate_children(self, family: Family) -> None:
        partner_is_father_of_youngest = (
            len(family.carers) == 2 and family.carers[1][1] == "Mother's partner"
            and family.children[-1].family_name == family.carers[1][0].family_name
        )
        for i, child in enumerate(family.children):
            for carer, role in family.carers:
                kind = {"Grandmother": Relationship.Kind.GRANDPARENT,
                        "Mother's partner": Relationship.Kind.STEP_PARENT}.get(role, Relationship.Kind.PARENT)
                if role == "Mother's partner" and partner_is_father_of_youngest and i == len(family.children) - 1:
                    kind = Relationship.Kind.PARENT
                self._relate(carer, child, kind)
            if family.absent_father and not (partner_is_father_of_youngest and i == len(family.children) - 1):
                self._relate(family.absent_father, child, Relationship.Kind.PARENT)
            for younger in family.children[i + 1:]:
                self._relate(child, younger, Relationship.Kind.SIBLING)

    def _relate(self, person: Person, relative: Person, kind: str) -> None:
        self.population.relationships.append(Relationship(person=person, relative=relative, kind=kind))

    # Homes

    def _house(self, family: Family) -> None:
        members = [carer for carer, _ in family.carers] + family.children
        address = self._address(family.town)
        family.household.address = address
        self.population.households.append(family.household)
        self.population.household_members += [
            Household.members.through(household_id=family.household.id, person_id=p.id) for p in members
        ]
        moved_in = self.today - timedelta(days=self.synth.between(60, 12 * 365))
        previous = self._address(self._nearby_town(family.town)) if self.synth.chance(0.15) else None
        for person in members:
            if person.kind != Person.Kind.UNBORN:
                self._residences(person, address, moved_in, previous)

    def _residences(self, person: Person, address: Address, moved_in: date, previous: Address | None) -> None:
        born = person.date_of_birth
        self.population.residences.append(Residence(person=person, address=address, from_date=max(moved_in, born)))
        if previous and born < moved_in:
            earlier = max(born, moved_in - timedelta(days=self.synth.between(365, 6 * 365)))
            self.population.residences.append(
                Residence(person=person, address=previous, from_date=earlier, to_date=moved_in - timedelta(days=1))
            )

    def _live_alone(self, person: Person, town: dict) -> None:
        address = self._address(self._nearby_town(town))
        since = self.today - timedelta(days=self.synth.between(30, 5 * 365))
        self.population.residences.append(Residence(person=person, address=address, from_date=since))

    def _nearby_town(self, town: dict) -> dict:
        return town if self.synth.chance(0.8) else self.synth.pick(self.places["towns"])

    def _address(self, town: dict) -> Address:
        while True:
            street = self._street(town)
            if self.synth.chance(0.2):
                line1, line2 = f"Flat {self.synth.between(1, 24)}, {street['building']}", street["name"]
            else:
                line1, line2 = f"{self.synth.between(1, 160)} {street['name']}", ""
            if (line1, street["name"]) not in self.used_addresses:
                break
        self.used_addresses.add((line1, street["name"]))
        address = Address(id=self.synth.uuid(), line1=line1, line2=line2, town=town["name"],
                          postcode=street["postcode"])
        self.population.addresses.append(address)
        return address

    def _street(self, town: dict) -> dict:
        streets = self.streets[town["name"]]
        if len(streets) < 3 or self.synth.chance(0.08):
            names = {s["name"] for s in streets}
            name = self._street_name()
            while name in names:
                name = self._street_name()
            streets.append({"name": name, "postcode": self.synth.postcode(self.synth.pick(town["districts"])),
                            "building": self.synth.pick(self.places["building_names"])})
        return self.synth.pick(streets)

    def _street_name(self) -> str:
        return f"{self.synth.pick(self.places['street_stems'])} {self.synth.pick(self.places['street_suffixes'])}"

    # Namesakes

    def _add_namesakes(self) -> None:
        """Give a few children in different families the same name and date of birth as another child.

        The hardest case for matching: only the address, school or NHS number tells them apart.
        """
        seen: dict[tuple, tuple[Person, Family]] = {}
        made = 0
        for family in self.population.families:
            for child in family.born_children:
                key = (child.family_name, child.sex, age_on(child.date_of_birth, self.today))
                other, other_family = seen.setdefault(key, (child, family))
                if made < 3 and other_family is not family and other.given_name not in _given_names(family):
                    child.given_name, child.date_of_birth = other.given_name, other.date_of_birth
                    made += 1


def _given_names(family: Family) -> set[str]:
    return {child.given_name for child in family.children}
