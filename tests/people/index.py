"""A person index in the database from the matching generator's records, and a model trained once."""
from datetime import date
from functools import cache

from frontdoor.people.matching.generator import generate_population
from frontdoor.people.matching.model import MatchModel, train_model
from frontdoor.people.models import Address, Person, Residence

SEX = {"M": Person.Sex.MALE, "F": Person.Sex.FEMALE}


@cache
def population(persons: int = 1500):
    return generate_population(persons=persons, difficulty="hard", seed=11)


@cache
def trained_model() -> MatchModel:
    """Trained on generated records (index and partner copies), as `frontdoor train-matcher` would
    on an area's index and contacts; once per test session."""
    return train_model(population().index + population().queries, version="test-model")


def load_index(records) -> dict[str, Person]:
    """Persons, addresses and residences (the current one open-ended) for matcher records."""
    persons = {r["id"]: _person(r) for r in records}
    Person.objects.bulk_create(persons.values())
    homes = [(persons[r["id"]], home, previous) for r in records for home, previous in _homes(r)]
    addresses = Address.objects.bulk_create([Address(line1=h["address"], postcode=h["postcode"]) for _, h, _ in homes])
    Residence.objects.bulk_create([
        Residence(person=person, address=address, to_date=previous)
        for (person, _, previous), address in zip(homes, addresses)
    ])
    return persons


def _person(record) -> Person:
    return Person(kind=Person.Kind.CHILD, given_name=record["given_name"], family_name=record["family_name"],
                  date_of_birth=record["dob"] or None, sex=SEX.get(record["sex"], Person.Sex.UNKNOWN),
                  nhs_number=record["nhs_number"])


def _homes(record):
    yield {"address": record["address"], "postcode": record["postcode"]}, None
    for n, home in enumerate(record.get("address_history") or ()):
        yield home, date(2020 - n, 1, 1)
