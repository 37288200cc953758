"""The person index as the matcher's records (plain dicts, people/matching/features.py).

The whole index is read in two queries (persons with their school; every residence with its
address), whatever its size: the resolver is rebuilt from it, and a query per person would make
that take minutes at a few thousand people.
"""
from collections import defaultdict
from collections.abc import Iterable

from django.db.models import QuerySet

from frontdoor.intake.models import ContactChild
from frontdoor.people.models import Address, Person, Residence

_PERSON_COLUMNS = ("id", "given_name", "family_name", "date_of_birth", "sex", "nhs_number", "school__name")
_ADDRESS_COLUMNS = ("person_id", "to_date", "address__line1", "address__line2", "address__town", "address__postcode")


def indexed_persons() -> QuerySet[Person]:
    """Everyone in the index; a record merged into another is that other person now."""
    return Person.objects.filter(merged_into__isnull=True)


def index_records(persons: QuerySet[Person] | None = None) -> list[dict]:
    persons = indexed_persons() if persons is None else persons
    homes = _homes_by_person(Residence.objects.filter(person__in=persons.values("pk")))
    return [_record(row, homes.get(row["id"], [])) for row in persons.order_by().values(*_PERSON_COLUMNS)]


def person_record(person: Person) -> dict:
    return index_records(Person.objects.filter(pk=person.pk))[0]


def new_person_record(person: Person, address: Address | None) -> dict:
    """A person just created, with no school and at most one address, as index_records would read
    them back (without reading them back)."""
    row = {"id": person.pk, "given_name": person.given_name, "family_name": person.family_name,
           "date_of_birth": person.date_of_birth, "sex": person.sex, "nhs_number": person.nhs_number,
           "school__name": None}
    homes = [] if address is None else [{"address__line1": address.line1, "address__line2": address.line2,
                                         "address__town": address.town, "address__postcode": address.postcode}]
    return _record(row, homes)


def _homes_by_person(residences: QuerySet[Residence]) -> dict:
    """Each person's addresses, the current one (no end date) first, then the latest first."""
    homes = defaultdict(list)
    for row in residences.order_by("person_id", "-to_date", "-from_date").values(*_ADDRESS_COLUMNS):
        homes[row["person_id"]].append(row)
    for rows in homes.values():
        rows.sort(key=lambda r: r["to_date"] is not None)
    return homes


def _address(row: dict) -> dict:
    line = ", ".join(p for p in (row["address__line1"], row["address__line2"], row["address__town"]) if p)
    return {"address": line, "postcode": row["address__postcode"]}


def _record(row: dict, homes: list[dict]) -> dict:
    current = _address(homes[0]) if homes else {"address": "", "postcode": ""}
    return {
        "id": str(row["id"]),
        "given_name": row["given_name"],
        "family_name": row["family_name"],
        "dob": row["date_of_birth"],
        "sex": row["sex"],
        "nhs_number": row["nhs_number"],
        "school": row["school__name"] or "",
        **current,
        "address_history": [_address(home) for home in homes[1:]],
    }


def described_record(*, record_id: str, given_name: str = "", family_name: str = "", date_of_birth=None,
                     sex: str = "", address: str = "", postcode: str = "", nhs_number: str = "",
                     school: str = "") -> dict:
    """A person as someone described them (a referrer, the police, a partner list)."""
    return {"id": record_id, "given_name": given_name, "family_name": family_name, "dob": date_of_birth,
            "sex": sex, "address": address, "postcode": postcode, "nhs_number": nhs_number, "school": school}


def contact_child_record(child: ContactChild) -> dict:
    return described_record(
        record_id=f"contact-child:{child.pk}", given_name=child.given_name, family_name=child.family_name,
        date_of_birth=child.date_of_birth, sex=child.sex, address=child.address, postcode=child.postcode,
        nhs_number=child.nhs_number, school=child.school_name,
    )


def described_records() -> Iterable[dict]:
    """How referrers described children: the same people as the index, written differently, which is
    what the model learns from (the index alone holds each person once)."""
    return (contact_child_record(child) for child in ContactChild.objects.order_by().iterator(chunk_size=2000))


def described_sharing_an_nhs_number() -> int:
    """Described children whose NHS number someone in the index has: what the model learns from."""
    numbers = indexed_persons().exclude(nhs_number="").values("nhs_number")
    return ContactChild.objects.filter(nhs_number__in=numbers).count()
