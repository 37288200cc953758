"""Every write to a private fostering arrangement: the notification, visits, the assessment and the end."""
from datetime import date

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from frontdoor.fostering import clocks
from frontdoor.fostering.errors import FosteringConflict, FosteringInvalid
from frontdoor.fostering.models import Arrangement, Relationship, Source, Visit
from frontdoor.governance.models import AccessLogEntry
from frontdoor.governance.services import access_log_record
from frontdoor.people.models import Person

CONFLICT = "Someone else changed this arrangement. Reload the page to see their changes."


def _not_future(day: date, label: str) -> None:
    if day > timezone.localdate():
        raise FosteringInvalid(f"{label} must be today or in the past")


def _still_open(arrangement: Arrangement) -> None:
    if arrangement.ended_on is not None:
        raise FosteringInvalid("This arrangement has ended; it cannot be changed")


def _claim(*, user, arrangement: Arrangement, version: int, reason: str, **fields) -> None:
    """Compare and set: the change is made only if the arrangement is as the page showed it."""
    if arrangement.ended_on is not None and "ended_on" not in fields:
        raise FosteringInvalid("This arrangement has ended; it cannot be changed")
    updated = Arrangement.objects.filter(pk=arrangement.pk, version=version).update(**fields, version=F("version") + 1)
    if not updated:
        raise FosteringConflict(CONFLICT)
    access_log_record(user=user, target=arrangement, reason=reason, action=AccessLogEntry.Action.UPDATE)


@transaction.atomic
def arrangement_notify(*, user, child_given_name: str, child_family_name: str, child_date_of_birth: date,
                       child_disabled: bool, carer_name: str, carer_address: str, carer_relationship: str,
                       source: str, notified_on: date, began_on: date, intended_days: int) -> Arrangement:
    """Record a notification of a private fostering arrangement, if it is one (clocks explains why not)."""
    for label, value in (("the child's first name", child_given_name), ("the child's last name", child_family_name),
                         ("the carer's name", carer_name), ("the carer's address", carer_address)):
        if not (value or "").strip():
            raise FosteringInvalid(f"Enter {label}")
    if carer_relationship not in Relationship.values:
        raise FosteringInvalid("Select the carer's relationship to the child")
    if source not in Source.values:
        raise FosteringInvalid("Select who told us")
    _not_future(notified_on, "The date of the notification")
    if child_date_of_birth > began_on:
        raise FosteringInvalid("The child's date of birth must be before the arrangement began")
    reasons = clocks.why_not_private_fostering(date_of_birth=child_date_of_birth, disabled=child_disabled,
                                               carer_relationship=carer_relationship, intended_days=intended_days,
                                               began_on=began_on)
    if reasons:
        raise FosteringInvalid("This is not a private fostering arrangement. " + " ".join(f"{r}." for r in reasons))
    matches = list(Person.objects.filter(kind=Person.Kind.CHILD, given_name__iexact=child_given_name.strip(),
                                         family_name__iexact=child_family_name.strip(),
                                         date_of_birth=child_date_of_birth)[:2])
    arrangement = Arrangement.objects.create(
        child_given_name=child_given_name.strip(), child_family_name=child_family_name.strip(),
        child_date_of_birth=child_date_of_birth, child_disabled=child_disabled,
        child=matches[0] if len(matches) == 1 else None, carer_name=carer_name.strip(),
        carer_address=carer_address.strip(), carer_relationship=carer_relationship, source=source,
        notified_on=notified_on, began_on=began_on, intended_days=intended_days, notified_by=user)
    access_log_record(user=user, target=arrangement, reason="Recorded a private fostering notification",
                      action=AccessLogEntry.Action.UPDATE)
    return arrangement


@transaction.atomic
def visit_record(*, user, arrangement: Arrangement, version: int, visited_on: date, seen_alone: bool,
                 notes: str = "") -> Visit:
    """A statutory visit: on or after the notification, and whether the child was seen alone."""
    _still_open(arrangement)
    _not_future(visited_on, "The date of the visit")
    if visited_on < arrangement.notified_on:
        raise FosteringInvalid("The visit must be on or after the date of the notification")
    if not seen_alone and not notes.strip():
        raise FosteringInvalid("Enter why the child was not seen alone")
    if arrangement.visits.filter(visited_on=visited_on).exists():
        raise FosteringInvalid("A visit on that date is already recorded")
    _claim(user=user, arrangement=arrangement, version=version, reason="Recorded a private fostering visit")
    return Visit.objects.create(arrangement=arrangement, visited_on=visited_on, seen_alone=seen_alone,
                                notes=notes.strip(), recorded_by=user)


@transaction.atomic
def arrangement_assess(*, user, arrangement: Arrangement, version: int, assessment: str, assessed_on: date,
                       notes: str) -> None:
    """Whether the arrangement is suitable, after at least one visit."""
    _still_open(arrangement)
    if assessment not in Arrangement.Assessment.values:
        raise FosteringInvalid("Select whether the arrangement is suitable")
    if not arrangement.visits.exists():
        raise FosteringInvalid("Record a visit to the child before the assessment")
    if arrangement.assessment:
        raise FosteringConflict("The assessment is already recorded. Reload the page to see it.")
    _not_future(assessed_on, "The date of the assessment")
    if assessed_on < arrangement.notified_on:
        raise FosteringInvalid("The assessment must be on or after the date of the notification")
    if not notes.strip():
        raise FosteringInvalid("Enter the reasons for the assessment")
    _claim(user=user, arrangement=arrangement, version=version, reason="Recorded a private fostering assessment",
           assessment=assessment, assessed_on=assessed_on, assessment_notes=notes.strip())


@transaction.atomic
def arrangement_end(*, user, arrangement: Arrangement, version: int, ended_on: date, reason: str) -> None:
    if arrangement.ended_on is not None:
        raise FosteringConflict("The arrangement has already ended. Reload the page to see it.")
    _not_future(ended_on, "The date the arrangement ended")
    if ended_on < arrangement.began_on:
        raise FosteringInvalid("The arrangement must end after it began")
    if not reason.strip():
        raise FosteringInvalid("Enter why the arrangement ended")
    _claim(user=user, arrangement=arrangement, version=version, reason="Ended a private fostering arrangement",
           ended_on=ended_on, end_reason=reason.strip())
