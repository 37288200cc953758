"""Restricted (sealed) person records: the one rule every read of a person, or of a record that
shows one, applies on top of its own role rule. A restricted person is seen only by the users the
restriction names; to anyone else the record, and any contact naming it, does not exist (the same
404 as a missing record), and each refused attempt is written to the access log."""
from collections.abc import Iterable

from django.db.models import QuerySet
from django.http import Http404

from frontdoor.governance.models import AccessLogEntry
from frontdoor.governance.services import access_log_record, access_log_record_many
from frontdoor.people.models import Person, PersonRestriction


def restrictions_in_force() -> QuerySet[PersonRestriction]:
    return PersonRestriction.objects.filter(lifted_at__isnull=True)


def persons_hidden_from(*, user) -> QuerySet:
    """The ids of the restricted people this user is not named on (a subquery: filter or exclude with it)."""
    restrictions = restrictions_in_force()
    if getattr(user, "is_authenticated", False):
        restrictions = restrictions.exclude(permitted=user)
    return restrictions.values("person_id")


def may_see_person(*, user, person: Person) -> bool:
    return not persons_hidden_from(user=user).filter(person_id=person.pk).exists()


def refused_attempts_record(*, user, person_ids: Iterable, reason: str) -> None:
    """Log, against each restricted person among these, that this user asked for them and was refused."""
    refused = Person.objects.filter(pk__in=persons_hidden_from(user=user)).filter(pk__in=list(person_ids))
    access_log_record_many(user=user, targets=list(refused), reason=reason, action=AccessLogEntry.Action.REFUSED)


def person_get_or_404(*, user, people: QuerySet[Person], person_id, reason: str) -> Person:
    """One person from `people` (the reader's role's people less those hidden from them), the read
    logged; otherwise 404, missing and out of reach alike, an attempt on a restricted record logged."""
    person = people.exclude(pk__in=persons_hidden_from(user=user)).filter(pk=person_id).first()
    if person is None:
        refused_attempts_record(user=user, person_ids=[person_id], reason=reason)
        raise Http404
    access_log_record(user=user, target=person, reason=reason)
    return person
