"""Every write to a LADO referral: the referral, the LADO's consideration, meetings, outcome, children."""
from datetime import date, datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from frontdoor.governance.models import AccessLogEntry
from frontdoor.governance.services import access_log_record
from frontdoor.lado.errors import LadoConflict, LadoInvalid
from frontdoor.lado.models import AllegationMeeting, LadoReferral, Outcome, SettingType
from frontdoor.people.models import Person

CONFLICT = "Someone else changed this referral. Reload the page to see their changes."


def _required(**values) -> None:
    for label, value in values.items():
        if not (value or "").strip():
            raise LadoInvalid(f"Enter {label.replace('_', ' ')}")


def _claim(*, user, referral: LadoReferral, version: int, reason: str, **fields) -> None:
    """Compare and set: the change is made only if the referral is as the page showed it."""
    updated = LadoReferral.objects.filter(pk=referral.pk, version=version).update(**fields, version=F("version") + 1)
    if not updated:
        raise LadoConflict(CONFLICT)
    access_log_record(user=user, target=referral, reason=reason, action=AccessLogEntry.Action.UPDATE)


@transaction.atomic
def lado_referral_submit(*, referrer, adult_name: str, adult_role: str, employer: str, setting_type: str,
                         allegation: str, children_description: str = "", historical: bool = False,
                         received_at: datetime | None = None) -> LadoReferral:
    """A professional from any agency tells the LADO about an allegation against an adult."""
    membership = getattr(referrer, "membership", None)
    if membership is None:
        raise LadoInvalid("Only a professional with an agency can make a referral to the LADO")
    _required(the_name_of_the_adult=adult_name, the_adults_role=adult_role, the_employer_or_setting=employer,
              what_is_alleged=allegation)
    if setting_type not in SettingType.values:
        raise LadoInvalid("Select the type of setting")
    received_at = received_at or timezone.now()
    if received_at > timezone.now():
        raise LadoInvalid("The time the referral was received must be now or in the past")
    referral = LadoReferral.objects.create(
        referrer=referrer, source_agency=membership.agency, source_kind=membership.agency.kind,
        received_at=received_at, adult_name=adult_name.strip(), adult_role=adult_role.strip(),
        employer=employer.strip(), setting_type=setting_type, allegation=allegation.strip(),
        children_description=children_description.strip(), historical=historical)
    access_log_record(user=referrer, target=referral, reason="Made a LADO referral",
                      action=AccessLogEntry.Action.UPDATE)
    return referral


@transaction.atomic
def lado_referral_consider(*, user, referral: LadoReferral, version: int, consideration: str, notes: str,
                           considered_at: datetime | None = None) -> None:
    """The LADO's initial consideration: does the allegation meet the threshold for a meeting?"""
    if referral.considered_at is not None:
        raise LadoConflict("The initial consideration is already recorded. Reload the page to see it.")
    if consideration not in LadoReferral.Consideration.values:
        raise LadoInvalid("Select the LADO's decision")
    _required(the_reasons_for_the_decision=notes)
    considered_at = considered_at or timezone.now()
    if considered_at < referral.received_at:
        raise LadoInvalid("The consideration must be after the referral was received")
    _claim(user=user, referral=referral, version=version, reason="Recorded the LADO's initial consideration",
           considered_at=considered_at, considered_by=user, consideration=consideration,
           consideration_notes=notes.strip())


@transaction.atomic
def allegation_meeting_record(*, user, referral: LadoReferral, version: int, held_on: date, attendees: str,
                              decisions: str) -> AllegationMeeting:
    """An allegations management meeting, after the consideration decided one was needed."""
    if referral.consideration != LadoReferral.Consideration.MEETING:
        raise LadoInvalid("Record the initial consideration deciding on a meeting before a meeting")
    if referral.outcome:
        raise LadoInvalid("The outcome is already recorded: no further meetings can be added")
    if held_on > timezone.localdate():
        raise LadoInvalid("The date of the meeting must be today or in the past")
    if held_on < timezone.localtime(referral.received_at).date():
        raise LadoInvalid("The meeting must be on or after the day the referral was received")
    _required(who_attended=attendees, what_the_meeting_decided=decisions)
    _claim(user=user, referral=referral, version=version, reason="Recorded an allegations management meeting")
    return AllegationMeeting.objects.create(referral=referral, held_on=held_on, attendees=attendees.strip(),
                                            decisions=decisions.strip(), recorded_by=user)


@transaction.atomic
def lado_outcome_record(*, user, referral: LadoReferral, version: int, outcome: str, actions: str) -> None:
    """The allegation's outcome and the actions that follow (training, dismissal, DBS referral, ...)."""
    if referral.consideration != LadoReferral.Consideration.MEETING:
        raise LadoInvalid("An outcome follows an allegations management meeting; record the consideration first")
    if not referral.meetings.exists():
        raise LadoInvalid("Record at least one allegations management meeting before the outcome")
    if referral.outcome:
        raise LadoConflict("The outcome is already recorded. Reload the page to see it.")
    if outcome not in Outcome.values:
        raise LadoInvalid("Select the outcome")
    _required(the_actions_agreed=actions)
    _claim(user=user, referral=referral, version=version, reason="Recorded a LADO outcome", outcome=outcome,
           outcome_actions=actions.strip(), outcome_at=timezone.now())


@transaction.atomic
def lado_child_link(*, user, referral: LadoReferral, version: int, given_name: str, family_name: str,
                    date_of_birth: date) -> Person:
    """Link a child on the index to the referral, found by exact name and date of birth."""
    matches = list(Person.objects.filter(kind=Person.Kind.CHILD, given_name__iexact=given_name.strip(),
                                         family_name__iexact=family_name.strip(), date_of_birth=date_of_birth)[:2])
    if not matches:
        raise LadoInvalid("No child on the index has that name and date of birth")
    if len(matches) > 1:
        raise LadoInvalid("More than one child on the index has that name and date of birth; ask the Front Door")
    [child] = matches
    if referral.children.filter(pk=child.pk).exists():
        raise LadoInvalid(f"{child.full_name} is already linked to this referral")
    _claim(user=user, referral=referral, version=version, reason="Linked a child to a LADO referral")
    referral.children.add(child)
    access_log_record(user=user, target=child, reason="Linked to a LADO referral", action=AccessLogEntry.Action.UPDATE)
    return child
