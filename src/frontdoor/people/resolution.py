"""Resolve a described person (from a police notification, a partner list) to the person index.

Three answers, never a silent guess: `link` returns the existing person; `new` creates one;
`review` creates one too and records a PossibleMatch against each plausible candidate, so that a
person decides on the "Possible duplicates" page whether to merge them. Until an area has a trained
model (people/identity.py says who trains it), a deterministic rule decides: an NHS number match,
or a single exact match on name and date of birth.
"""
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from nhs_number import is_valid as nhs_number_is_valid

from frontdoor.people import identity
from frontdoor.people.models import Address, Person, PossibleMatch, Residence
from frontdoor.people.records import described_record, new_person_record


@dataclass(frozen=True)
class PersonDescription:
    family_name: str
    kind: str = Person.Kind.CHILD
    given_name: str = ""
    date_of_birth: date | None = None
    sex: str = Person.Sex.UNKNOWN
    address: str = ""
    postcode: str = ""
    nhs_number: str = ""


class _Known(threading.local):
    """Per thread, inside resolution_batch(): the people born on each date it read, by date."""
    born_on: dict[date, list[Person]] | None = None


_known = _Known()


@contextmanager
def resolution_batch(*, born_on: Iterable[date | None] = ()) -> Iterator[None]:
    """identity.index_batch() for descriptions with these dates of birth (an import's chunk of
    rows). Until an area has a model, the people born on them are read in one query for the
    deterministic rule, rather than a query per person. Nested (a row's savepoint), it reads
    nothing more; if it rolls back, what was read is dropped (it may hold people it created)."""
    reads = _known.born_on is None  # the outermost batch, or a row's after a rollback dropped what was read
    try:
        with identity.index_batch():
            if reads and identity.app_resolver() is None:
                _known.born_on = _people_born_on({day for day in born_on if day is not None})
            yield
    except BaseException:
        _known.born_on = None
        raise
    finally:
        if reads:
            _known.born_on = None


def _people_born_on(days: set[date]) -> dict[date, list[Person]]:
    people = {day: [] for day in days}
    for person in Person.objects.filter(date_of_birth__in=days).order_by():
        people[person.date_of_birth].append(person)
    return people


def find_match(description: PersonDescription) -> Person | None:
    if description.nhs_number and nhs_number_is_valid(description.nhs_number):
        match = Person.objects.filter(nhs_number=description.nhs_number).first()
        if match is not None:
            return match
    if not (description.given_name and description.date_of_birth):
        return None
    given, family = description.given_name.strip().casefold(), description.family_name.strip().casefold()
    matches = [person for person in _born_on(description.date_of_birth)
               if person.given_name.casefold() == given and person.family_name.casefold() == family]
    return matches[0] if len(matches) == 1 else None


def _born_on(day: date) -> list[Person]:
    known = _known.born_on
    if known is not None and day in known:
        return known[day]
    return list(Person.objects.filter(date_of_birth=day).order_by())


def description_record(description: PersonDescription) -> dict:
    return described_record(
        record_id="description", given_name=description.given_name, family_name=description.family_name,
        date_of_birth=description.date_of_birth, sex=description.sex, address=description.address,
        postcode=description.postcode, nhs_number=description.nhs_number,
    )


@transaction.atomic(savepoint=False)  # joins the caller's transaction: no savepoint per person
def person_resolve_or_create(description: PersonDescription) -> tuple[Person, bool]:
    """The matching person, or a new one made from the description, saved now; the flag says
    whether it is new. A plan of one: an import resolves a whole chunk's people with one plan."""
    plan = ResolutionPlan()
    person_id, created = plan.resolve(description)
    plan.save()
    return plan.persons[person_id], created


class IndexChanged(Exception):
    """A person the resolver named has been merged or removed since it read the index."""


class ResolutionPlan:
    """Many descriptions resolved one after another (an import's chunk of rows), their writes made
    together by save(): the people created, their addresses and their possible matches in a
    statement each, and the existing people the resolver named read and checked in one query,
    rather than several statements a person. Use it inside resolution_batch(), which also undoes
    what the resolver learnt if save() fails. It trusts the resolver's index until save() checks
    it: when a person the resolver named has since been merged or removed, save() raises
    IndexChanged, the rollback makes the process read the index again, and the caller resolves the
    same descriptions again."""

    def __init__(self) -> None:
        self.persons: dict[Any, Person] = {}   # by id: the people created, and after save() those found
        self._unread: set = set()              # ids of existing people the resolver named
        self._created: list[Person] = []
        self._homes: list[tuple[Address, Residence]] = []
        self._possible_matches: list[PossibleMatch] = []

    def resolve(self, description: PersonDescription) -> tuple[Any, bool]:
        """The id of the matching person, or of a new one made from the description, and whether it is new."""
        resolver = identity.app_resolver()
        if resolver is None:
            match = find_match(description)
            if match is not None:
                self.persons[match.pk] = match
                return match.pk, False
            return self._create(description).pk, True
        resolution = resolver.resolve(description_record(description))
        plausible = identity.plausible_candidates(resolution, resolver=resolver)
        if resolution.decision == "link":
            return self._named(plausible[0].record_id), False
        person = self._create(description)
        self._possible_matches += [_possible_match(person, self._named(c.record_id), c) for c in plausible]
        return person.pk, True

    def save(self) -> None:
        found = Person.objects.filter(pk__in=self._unread, merged_into__isnull=True).in_bulk()
        if len(found) != len(self._unread):
            raise IndexChanged("A person the resolver named has been merged or removed since it read the index")
        self.persons.update(found)
        Person.objects.bulk_create(self._created)
        Address.objects.bulk_create(address for address, _ in self._homes)
        Residence.objects.bulk_create(residence for _, residence in self._homes)
        PossibleMatch.objects.bulk_create(self._possible_matches)

    def _named(self, record_id: str) -> Any:
        person_id = identity.person_id(record_id)
        if person_id not in self.persons:
            self._unread.add(person_id)
        return person_id

    def _create(self, description: PersonDescription) -> Person:
        person, home = _new_person(description)
        _known_from_now(person, home)
        self._created.append(person)
        if home is not None:
            self._homes.append(home)
        self.persons[person.pk] = person
        return person


def _new_person(description: PersonDescription) -> tuple[Person, tuple[Address, Residence] | None]:
    """A person (and their home) made from a description, not yet saved."""
    person = Person(
        kind=description.kind,
        given_name=description.given_name,
        family_name=description.family_name,
        date_of_birth=description.date_of_birth,
        sex=description.sex if description.sex in Person.Sex.values else Person.Sex.UNKNOWN,
        nhs_number=description.nhs_number if nhs_number_is_valid(description.nhs_number or "0") else "",
    )
    home = None
    if description.address or description.postcode:
        address = Address(line1=description.address or "Not given", postcode=description.postcode)
        home = (address, Residence(person=person, address=address))
    return person, home


def _known_from_now(person: Person, home: tuple[Address, Residence] | None) -> None:
    """A new person is known at once to the resolver and to this batch's deterministic rule, so
    that a later lookup in the same transaction finds them (the same couple twice in one file)."""
    identity.index_note(person, created=True, record=new_person_record(person, home and home[0]))
    if _known.born_on is not None and person.date_of_birth in _known.born_on:
        _known.born_on[person.date_of_birth].append(person)


def _possible_match(person: Person, candidate_id: Any, candidate) -> PossibleMatch:
    return PossibleMatch(person=person, candidate_id=candidate_id, match_probability=candidate.match_probability,
                         evidence=identity.evidence_json(candidate), source=PossibleMatch.Source.RESOLUTION)
