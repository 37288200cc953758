"""Every write to an escalation: raising it (a disagreement from the referrer, a service's non-engagement
from the Front Door), and each stage's outcome; the person who raised it is told each time (outbox)."""
from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from frontdoor.agencies.models import Membership
from frontdoor.decisions.models import Decision
from frontdoor.escalations import stages
from frontdoor.escalations.errors import EscalationConflict, EscalationInvalid
from frontdoor.escalations.models import Escalation, StageRecord
from frontdoor.governance.models import AccessLogEntry
from frontdoor.governance.services import access_log_record
from frontdoor.messaging.services import outbox_enqueue

OUTCOMES = {
    Escalation.Kind.DISAGREEMENT: (StageRecord.Outcome.UPHELD, StageRecord.Outcome.CHANGED,
                                   StageRecord.Outcome.ESCALATED),
    Escalation.Kind.NON_ENGAGEMENT: (StageRecord.Outcome.ENGAGED, StageRecord.Outcome.ESCALATED),
}


def route(kind: str) -> list[dict]:
    return settings.FRONTDOOR_ESCALATION_STAGES[kind]


@transaction.atomic
def disagreement_raise(*, user, contact, reason: str, level_sought: int | None) -> Escalation:
    """A referrer disagrees with the Front Door's decision on their contact: the first stage starts now."""
    decision = Decision.objects.filter(contact=contact, status=Decision.Status.AUTHORISED).first()
    if decision is None:
        raise EscalationInvalid("You can raise a disagreement once the decision on your contact has been made")
    if Escalation.objects.filter(contact=contact, raised_by=user, kind=Escalation.Kind.DISAGREEMENT,
                                 result=Escalation.Result.OPEN).exists():
        raise EscalationConflict("You have already raised a disagreement about this contact. It is still open.")
    return _raise(user=user, contact=contact, kind=Escalation.Kind.DISAGREEMENT, reason=reason,
                  level_sought=level_sought)


@transaction.atomic
def non_engagement_raise(*, user, contact, service: str, reason: str) -> Escalation:
    """The Front Door escalates a service that is not engaging in the child's risk management (seed 002)."""
    return _raise(user=user, contact=contact, kind=Escalation.Kind.NON_ENGAGEMENT, reason=reason, service=service)


def _raise(*, user, contact, kind: str, reason: str, **fields) -> Escalation:
    now = timezone.now()
    escalation = Escalation.objects.create(kind=kind, contact=contact, raised_by=user, reason=reason, raised_at=now,
                                           raised_by_agency=user.membership.agency.name, **fields)
    first = _stage_start(escalation, number=1)
    access_log_record(user=user, target=contact, reason=f"Raised: {escalation.get_kind_display().lower()}",
                      action=AccessLogEntry.Action.UPDATE)
    _tell_raiser(escalation, key="raised", text=f"It has been received and starts at the first stage: "
                 f"{first.stage_name}, due by {first.due_on:%-d %B %Y}.")
    return escalation


def _stage_start(escalation: Escalation, *, number: int) -> StageRecord:
    stage = route(escalation.kind)[number - 1]
    now = timezone.now()
    return StageRecord.objects.create(
        escalation=escalation, number=number, stage_key=stage["key"], stage_name=stage["name"], started_at=now,
        due_on=stages.stage_due_on(stage, started_on=timezone.localdate(now)))


def _may_record(user, stage: dict) -> bool:
    role = getattr(getattr(user, "membership", None), "role", None)
    return role == Membership.Role.MANAGER or (stage["recorded_by"] == "practitioner"
                                               and role == Membership.Role.PRACTITIONER)


@transaction.atomic
def stage_outcome_record(*, user, escalation: Escalation, version: int, outcome: str, notes: str,
                         level_agreed: int | None = None) -> StageRecord:
    """The current stage's outcome: resolved ends the escalation; not resolved starts the next stage, or
    past the last ends it unresolved. The person who raised it is told."""
    current = escalation.stages.filter(outcome="").order_by("number").first()
    if escalation.result != Escalation.Result.OPEN or current is None:
        raise EscalationConflict("This escalation is closed. Reload the page to see its outcome.")
    if not _may_record(user, route(escalation.kind)[current.number - 1]):
        raise EscalationInvalid(f"A Front Door manager records the outcome at the {current.stage_name} stage")
    if outcome not in OUTCOMES[escalation.kind]:
        raise EscalationInvalid("Select an outcome")
    if outcome == StageRecord.Outcome.CHANGED and level_agreed is None:
        raise EscalationInvalid("Select the level of need agreed")
    result = stages.result_after(route(escalation.kind), number=current.number, outcome=outcome)
    now = timezone.now()
    updated = Escalation.objects.filter(pk=escalation.pk, version=version).update(
        version=F("version") + 1, result=result, closed_at=None if result == stages.OPEN else now)
    if not updated:
        raise EscalationConflict("Someone else changed this escalation. Reload the page to see their changes.")
    StageRecord.objects.filter(pk=current.pk).update(outcome=outcome, notes=notes, level_agreed=level_agreed,
                                                     recorded_by=user, recorded_at=now)
    access_log_record(user=user, target=escalation.contact, reason="Recorded an escalation stage's outcome",
                      action=AccessLogEntry.Action.UPDATE)
    escalation.refresh_from_db()
    text = f"The {current.stage_name} stage's outcome: {StageRecord.Outcome(outcome).label}."
    if result == stages.OPEN:
        following = _stage_start(escalation, number=current.number + 1)
        text += f" It goes to the next stage: {following.stage_name}, due by {following.due_on:%-d %B %Y}."
    elif result == stages.NOT_RESOLVED:
        text += " It was not resolved at the last stage and is reported to the safeguarding partnership."
    _tell_raiser(escalation, key=f"stage-{current.number}", text=text)
    current.refresh_from_db()
    return current


def _tell_raiser(escalation: Escalation, *, key: str, text: str) -> None:
    # The contact's reference, not the child's name: the message says where to look.
    address = escalation.raised_by.email
    if not address:
        return
    about = f"{escalation.get_kind_display().lower()} about contact {escalation.contact.reference}"
    outbox_enqueue(kind="escalation_update", idempotency_key=f"escalation-{escalation.pk}-{key}", to_address=address,
                   about=escalation.contact, subject=f"Your {about}",
                   body=f"Your {about}.\n{text}\nSee it: {reverse('escalations:escalation', args=[escalation.pk])}")
