from datetime import date

from django.db.models import Q, QuerySet
from django.http import Http404

from frontdoor.agencies.models import Membership
from frontdoor.governance.services import access_log_record
from frontdoor.intake.models import ContactChild
from frontdoor.people.models import Person

FRONT_DOOR_ROLES = (Membership.Role.PRACTITIONER, Membership.Role.MANAGER)


def persons_visible_to(*, user) -> QuerySet[Person]:
    """Only Front Door staff may search or read the person index."""
    membership = getattr(user, "membership", None)
    if membership is None or membership.role not in FRONT_DOOR_ROLES:
        return Person.objects.none()
    return Person.objects.all()


def person_search(
    *, user, given_name: str = "", family_name: str = "", date_of_birth: date | None = None,
    postcode: str = "", nhs_number: str = "", limit: int = 20,
) -> list[Person]:
    """Find people by name, date of birth, postcode or NHS number.

    An NHS number match is shown first; otherwise any person matching the family name (or its
    start) plus any of the other details given. Identity resolution (issue 4) will rank these.
    """
    people = persons_visible_to(user=user).prefetch_related("residences__address", "cases")
    if nhs_number:
        exact = list(people.filter(nhs_number=nhs_number.replace(" ", ""))[:limit])
        if exact:
            return exact
    query = Q()
    if family_name:
        query &= Q(family_name__istartswith=family_name.strip())
    if given_name:
        query &= Q(given_name__istartswith=given_name.strip()[:3])
    if date_of_birth:
        query &= Q(date_of_birth=date_of_birth)
    if postcode:
        compact = postcode.replace(" ", "").upper()
        query &= Q(residences__address__postcode__iexact=postcode.strip()) | Q(
            residences__address__postcode__iexact=f"{compact[:-3]} {compact[-3:]}"
        )
    if not query:
        return []
    return list(people.filter(query).distinct().order_by("family_name", "given_name", "date_of_birth")[:limit])


def person_get_for(*, user, person_id, reason: str) -> Person:
    person = persons_visible_to(user=user).filter(pk=person_id).first()
    if person is None:
        raise Http404
    access_log_record(user=user, target=person, reason=reason)
    return person


def person_history(*, person: Person) -> dict:
    """What the Front Door knows about a child: previous contacts and decisions, open and closed cases."""
    mentions = (
        ContactChild.objects.filter(person=person)
        .select_related("contact", "contact__referrer_agency", "contact__decision")
        .order_by("-contact__received_at")
    )
    return {
        "contacts": [m.contact for m in mentions],
        "open_cases": [c for c in person.cases.all() if c.is_open],
        "closed_cases": [c for c in person.cases.all() if not c.is_open],
    }


def log_search_result(*, user, person: Person) -> None:
    """A search result shows a person's details and history, so it is a view of that person."""
    access_log_record(user=user, target=person, reason="Shown in a person index search")
