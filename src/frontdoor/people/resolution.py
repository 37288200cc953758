"""Resolve a described person (from a police notification, a partner list) to the person index.

This is the deterministic first step: an NHS number match, or a single exact match on name and
date of birth; otherwise a new person. Probabilistic resolution with review (issue 4) replaces
the matching inside `person_resolve_or_create`, keeping its signature.
"""
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from nhs_number import is_valid as nhs_number_is_valid

from frontdoor.people.models import Address, Person, Residence


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


def find_match(description: PersonDescription) -> Person | None:
    if description.nhs_number and nhs_number_is_valid(description.nhs_number):
        match = Person.objects.filter(nhs_number=description.nhs_number).first()
        if match is not None:
            return match
    if not (description.given_name and description.date_of_birth):
        return None
    matches = list(
        Person.objects.filter(
            family_name__iexact=description.family_name.strip(),
            given_name__iexact=description.given_name.strip(),
            date_of_birth=description.date_of_birth,
        )[:2]
    )
    return matches[0] if len(matches) == 1 else None


@transaction.atomic
def person_resolve_or_create(description: PersonDescription) -> tuple[Person, bool]:
    """The matching person, or a new one made from the description; the flag says whether it is new."""
    match = find_match(description)
    if match is not None:
        return match, False
    person = Person.objects.create(
        kind=description.kind,
        given_name=description.given_name,
        family_name=description.family_name,
        date_of_birth=description.date_of_birth,
        sex=description.sex if description.sex in Person.Sex.values else Person.Sex.UNKNOWN,
        nhs_number=description.nhs_number if nhs_number_is_valid(description.nhs_number or "0") else "",
    )
    if description.address or description.postcode:
        address = Address.objects.create(line1=description.address or "Not given", postcode=description.postcode)
        Residence.objects.create(person=person, address=address)
    return person, True
