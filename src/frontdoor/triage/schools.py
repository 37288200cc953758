"""Operation Encompass: each child's school told of a domestic-abuse notification before the next school day.

The ISCO shares "the detail for the incident, the assessed grade and for high and medium incidents
... information on actions agreed at triage" (seed 001, letter to head teachers), and only that:
the school needs to know the child may be affected, not the adults' story (DOMAIN.md section 6).
"""
from collections.abc import Iterable
from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from frontdoor.casework.calendar import SchoolTerms, next_school_day_start
from frontdoor.messaging.models import OutboxMessage
from frontdoor.messaging.services import outbox_enqueue
from frontdoor.triage.errors import NotificationInvalid
from frontdoor.triage.models import (
    Grade,
    NotificationChild,
    PoliceNotification,
    SchoolNotification,
    TriageAction,
)


def school_terms() -> SchoolTerms | None:
    """Configured term dates, or None: then only weekends and bank holidays are not school days."""
    entries = getattr(settings, "FRONTDOOR_SCHOOL_TERMS", None)
    return SchoolTerms.from_config(entries) if entries else None


def school_notification_deadline(received_at: datetime) -> datetime:
    return next_school_day_start(received_at, school_terms())


def incident_actions(*, notification: PoliceNotification) -> QuerySet[TriageAction]:
    """The actions agreed at triage for an incident, soonest due first."""
    return (TriageAction.objects.filter(outcome__notification_id=notification.pk)
            .select_related("owner_agency", "completed_by").order_by("due_date", "pk"))


def school_actions(*, grade: str, actions: Iterable[TriageAction], school_id) -> list[TriageAction]:
    """The actions a school is told of: all of them for medium and high (seed 001), and its own whatever the grade."""
    return [action for action in actions if grade != Grade.STANDARD or action.owner_agency_id == school_id]


@transaction.atomic
def school_notifications_send(*, notification: PoliceNotification) -> list[SchoolNotification]:
    """Queue one notification per child whose school is known, with the triage actions recorded so far.

    Sending again changes nothing.
    """
    if not notification.grade:
        raise NotificationInvalid("Grade the notification before telling the school")
    actions = list(incident_actions(notification=notification))
    children = notification.children.filter(school__isnull=False).select_related("school")
    return [_notify_school(notification, child, actions) for child in children]


def _notify_school(
    notification: PoliceNotification, child: NotificationChild, actions: list[TriageAction]
) -> SchoolNotification:
    school_notification, created = SchoolNotification.objects.get_or_create(
        child=child,
        defaults={
            "notification": notification,
            "school": child.school,
            "grade": notification.grade,
            "deadline": school_notification_deadline(notification.received_at),
        },
    )
    if created:
        messages = _enqueue_emails(school_notification, actions)
        if messages:
            school_notification.outbox_message = messages[0]
            school_notification.save(update_fields=["outbox_message"])
    return school_notification


def _enqueue_emails(school_notification: SchoolNotification, actions: list[TriageAction]) -> list[OutboxMessage]:
    notification, child = school_notification.notification, school_notification.child
    subject = f"Domestic abuse notification for a pupil: police reference {notification.police_reference}"
    body = school_email_body(notification, child, school_actions(grade=notification.grade, actions=actions,
                                                                  school_id=child.school_id))
    return [
        outbox_enqueue(
            kind="school_da_notification",
            idempotency_key=key,
            to_address=address,
            subject=subject,
            body=body,
            about=school_notification,
        )
        for key, address in _recipients(child)
    ]


def _recipients(child: NotificationChild) -> list[tuple[str, str]]:
    """The school's safeguarding inbox; without one, every active user at the school (its DSLs)."""
    key = f"school-da-{child.pk}"
    if child.school.email:
        return [(key, child.school.email)]
    users = get_user_model().objects.filter(
        is_active=True, membership__agency=child.school
    ).exclude(email="").order_by("pk")
    return [(f"{key}-{user.pk}", user.email) for user in users]


def school_email_body(
    notification: PoliceNotification, child: NotificationChild, actions: list[TriageAction]
) -> str:
    occurred = timezone.localtime(notification.occurred_at)
    lines = [
        f"Dear designated safeguarding lead at {child.school.name},",
        "",
        "The police have told the Family Front Door about a domestic abuse incident that may affect a pupil at your school.",
        "",
        f"Child: {child.given_name} {child.family_name}".rstrip(),
        f"Date of birth: {child.date_of_birth:%d %B %Y}" if child.date_of_birth else "Date of birth: not known",
        f"Police reference: {notification.police_reference}",
        f"Date and time of the incident: {occurred:%d %B %Y at %H:%M}",
        f"Place: {notification.location or 'not given'}",
        f"Was the child present: {'yes' if child.present else 'no'}",
        f"Relationship of the adults involved: {notification.get_relationship_display()}",
        f"Grade: {notification.get_grade_display()}",
        "",
        *_actions_lines(notification.grade, actions),
        (
            "Please review this against what you know of the child and the family. If you think the grade is wrong, "
            "sign in to Front Door to challenge it. If a child is at immediate risk, phone the Family Front Door on "
            f"{settings.FRONTDOOR_AREA['front_door_phone']}."
        ),
        "",
        "Family Front Door",
    ]
    return "\n".join(lines)


def _actions_lines(grade: str, actions: list[TriageAction]) -> list[str]:
    if not actions and grade == Grade.STANDARD:
        return ["This notification is for your records: no triage meeting is held for standard incidents.", ""]
    if not actions:
        return ["Actions agreed at the triage meeting: none.", ""]
    return [
        "Actions agreed at the triage meeting:",
        *(f"- {a.description} (owner: {a.owner_agency.name}; due {a.due_date:%d %B %Y})" for a in actions),
        "",
    ]
