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
from django.db.models import F, QuerySet
from django.utils import timezone

from frontdoor.agencies.models import Agency
from frontdoor.casework.calendar import SchoolTerms, next_school_day_start
from frontdoor.messaging.services import OutboxDraft, outbox_enqueue_many
from frontdoor.triage.errors import NotificationInvalid
from frontdoor.triage.models import (
    Grade,
    MeetingOutcome,
    NotificationChild,
    PoliceNotification,
    SchoolNotification,
    SchoolNotificationUpdate,
    TriageAction,
)
from frontdoor.triage.school_words import SCHOOL_LAWFUL_BASIS, contribution_request, incident_circumstances


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
    """The actions a school is told of: for medium and high, those of the agencies at triage (seed 001) and its
    own; for standard, its own. Another school's action is never among them: siblings at different schools
    share an incident, but one school is not told what another was asked to do (information sharing)."""
    def told(action: TriageAction) -> bool:
        if action.owner_agency_id == school_id:
            return True
        return grade != Grade.STANDARD and action.owner_agency.kind != Agency.Kind.SCHOOL
    return [action for action in actions if told(action)]


@transaction.atomic(savepoint=False)
def school_notifications_send(*, notification: PoliceNotification) -> list[SchoolNotification]:
    """Queue one notification per child whose school is known, with the triage actions recorded so far.

    Sending again changes nothing. However many children, this reads the children with their schools
    (and whether each was told), the actions and, only for a school without a safeguarding inbox, its
    users, then stores the messages and the notifications in a few statements. The caller's
    compare-and-set (the notification's grade, or the outcome's version) keeps two transactions from
    telling the same child at once; if that ever failed, the child's one notification refuses the second.
    """
    if not notification.grade:
        raise NotificationInvalid("Grade the notification before telling the school")
    children = list(notification.children.filter(school__isnull=False).select_related("school", "school_notification"))
    untold = [child for child in children if not hasattr(child, "school_notification")]
    if untold:
        _notify_schools(notification, untold)
    return [child.school_notification for child in children]


def triage_decision(*, notification: PoliceNotification) -> str:
    """What the triage meeting decided for the incident as stored now, or "" before (or without) a meeting."""
    return MeetingOutcome.objects.filter(notification_id=notification.pk).values_list("decision", flat=True).first() or ""


def school_circumstances(*, notification: PoliceNotification, child: NotificationChild) -> str:
    return incident_circumstances(relationship=notification.relationship, offences=notification.offences or [],
                                  child_present=child.present, dash_answers=notification.dash_answers or {})


def _notify_schools(notification: PoliceNotification, children: list[NotificationChild]) -> None:
    actions = list(incident_actions(notification=notification))
    deadline = school_notification_deadline(notification.received_at)
    recipients = _recipients(children)
    decision = triage_decision(notification=notification)
    told = []
    for child in children:
        school_notification = SchoolNotification(notification=notification, child=child, school=child.school,
                                                 grade=notification.grade, deadline=deadline,
                                                 lawful_basis=SCHOOL_LAWFUL_BASIS)
        child.school_notification = school_notification
        told.append((school_notification, _drafts(
            school_notification, recipients[child.pk], key=f"school-da-{child.pk}",
            subject=f"Domestic abuse notification for a pupil: police reference {notification.police_reference}",
            body=school_email_body(notification, child, _told_actions(school_notification, actions), decision=decision),
        )))
    messages = iter(outbox_enqueue_many(drafts=[draft for _, drafts in told for draft in drafts]))
    for school_notification, drafts in told:
        sent = [next(messages) for _ in drafts]
        school_notification.outbox_message = sent[0] if sent else None
    SchoolNotification.objects.bulk_create([school_notification for school_notification, _ in told])


def _told_actions(school_notification: SchoolNotification, actions: Iterable[TriageAction]) -> list[TriageAction]:
    return school_actions(grade=school_notification.grade, actions=actions, school_id=school_notification.school_id)


def schools_told(*, notification: PoliceNotification) -> dict:
    """What each school told of this incident has been told so far: the grade, each action's what, who and when,
    and what it was asked to contribute to."""
    actions = list(incident_actions(notification=notification))
    decision = triage_decision(notification=notification)
    return {sn.pk: _what_school_knows(sn, actions, decision) for sn in notification.school_notifications.all()}


def _what_school_knows(school_notification: SchoolNotification, actions: Iterable[TriageAction],
                       decision: str) -> tuple:
    told = _told_actions(school_notification, actions)
    return (school_notification.grade, [(a.description, a.owner_agency_id, a.due_date) for a in told],
            contribution_request(decision))


@transaction.atomic
def school_notifications_update(*, notification: PoliceNotification, told: dict,
                                correction: int) -> list[SchoolNotificationUpdate]:
    """After the meeting corrected its outcome, tell each school again whose grade or actions changed,
    and ask its DSL to acknowledge the update before the start of the next school day.

    `told` is `schools_told` before the correction; `correction` is the outcome's new version, so
    one correction is sent once however often this runs. Children not yet told are told now.
    """
    actions = list(incident_actions(notification=notification))
    decision = triage_decision(notification=notification)
    updates = []
    for school_notification in notification.school_notifications.filter(pk__in=told).select_related(
            "notification", "child__school"):
        school_notification.grade = notification.grade  # what the school would be told now
        now_told = _what_school_knows(school_notification, actions, decision)
        if now_told != told[school_notification.pk]:
            update = _send_update(school_notification, actions, correction, before=told[school_notification.pk],
                                  after=now_told)
            if update is not None:
                updates.append(update)
    school_notifications_send(notification=notification)
    return updates


def _send_update(school_notification: SchoolNotification, actions: list[TriageAction], correction: int, *,
                 before: tuple, after: tuple) -> SchoolNotificationUpdate | None:
    if school_notification.updates.filter(correction=correction).exists():
        return None
    notification, child = school_notification.notification, school_notification.child
    now = timezone.now()
    update = SchoolNotificationUpdate(
        school_notification=school_notification, correction=correction, grade_before=before[0], grade=after[0],
        actions_changed=before[1] != after[1], contribution_asked=bool(after[2]) and before[2] != after[2],
        deadline=school_notification_deadline(now),
    )
    messages = outbox_enqueue_many(drafts=_drafts(
        school_notification, _recipients([child])[child.pk], key=f"school-da-{child.pk}-correction-{correction}",
        subject=f"Updated domestic abuse notification for a pupil: police reference {notification.police_reference}",
        body=school_update_body(notification, child, _told_actions(school_notification, actions), update,
                                contribution=after[2]),
    ))
    update.outbox_message = messages[0] if messages else None
    update.save()
    # A page opened before the update can no longer acknowledge it unseen (compare and set on version).
    SchoolNotification.objects.filter(pk=school_notification.pk).update(
        grade=notification.grade, updated_at=now, version=F("version") + 1
    )
    return update


def _drafts(school_notification: SchoolNotification, recipients: list[tuple[str, str]], *, key: str,
            subject: str, body: str) -> list[OutboxDraft]:
    return [
        OutboxDraft(kind="school_da_notification", idempotency_key=f"{key}{suffix}", to_address=address,
                    subject=subject, body=body, about=school_notification)
        for suffix, address in recipients
    ]


def _recipients(children: Iterable[NotificationChild]) -> dict:
    """For each child, (key suffix, address) for their school: its safeguarding inbox; without one, every
    active user at the school (its DSLs), read for all such schools at once."""
    without_inbox = {child.school_id for child in children if not child.school.email}
    users: dict = {}
    if without_inbox:
        for user in get_user_model().objects.filter(
            is_active=True, membership__agency_id__in=without_inbox
        ).exclude(email="").annotate(school_id=F("membership__agency_id")).order_by("pk"):
            users.setdefault(user.school_id, []).append((f"-{user.pk}", user.email))
    return {child.pk: [("", child.school.email)] if child.school.email else users.get(child.school_id, [])
            for child in children}


def school_email_body(
    notification: PoliceNotification, child: NotificationChild, actions: list[TriageAction], *, decision: str = ""
) -> str:
    """The notification as a school reads it (seed 001): the brief circumstances, the grade, the actions and,
    after an assessment or strategy discussion is decided, the request to contribute."""
    occurred = timezone.localtime(notification.occurred_at)
    return "\n".join([
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
        f"What happened: {school_circumstances(notification=notification, child=child)}",
        "",
        *_actions_lines(notification.grade, actions),
        *_contribution_lines(contribution_request(decision)),
        *_closing_lines(),
    ])


def school_update_body(
    notification: PoliceNotification, child: NotificationChild, actions: list[TriageAction],
    update: SchoolNotificationUpdate, *, contribution: str = "",
) -> str:
    """A correction: only what changed for the school, the grade and the actions, beside what identifies the child."""
    return "\n".join([
        f"Dear designated safeguarding lead at {child.school.name},",
        "",
        "The triage meeting has corrected its outcome for a domestic abuse notification we sent you about a pupil "
        "at your school. This replaces the grade and the actions we sent before.",
        "",
        f"Child: {child.given_name} {child.family_name}".rstrip(),
        f"Police reference: {notification.police_reference}",
        f"Grade: {notification.get_grade_display()}",
        *([f"What changed: {line}" for line in update_changes(update)]),
        "",
        *_actions_lines(notification.grade, actions),
        *_contribution_lines(contribution),
        "Please sign in to Front Door to acknowledge this update before the start of the next school day.",
        "",
        *_closing_lines(),
    ])


def update_changes(update: SchoolNotificationUpdate) -> list[str]:
    """What an update changed for the school, in words for its email and its page."""
    changes = []
    if update.grade_changed:
        changes.append(f"the grade, from {update.get_grade_before_display().lower()} "
                       f"to {update.get_grade_display().lower()}")
    if update.actions_changed:
        changes.append("the actions agreed at the triage meeting")
    if update.contribution_asked:
        changes.append("you are asked to contribute to what the triage meeting decided")
    return changes


def _contribution_lines(request: str) -> list[str]:
    return [request, ""] if request else []


def _closing_lines() -> list[str]:
    return [
        f"Why we can share this: {SCHOOL_LAWFUL_BASIS}",
        "",
        (
            "Please review this against what you know of the child and the family. If you think the grade is wrong, "
            "sign in to Front Door to challenge it. If a child is at immediate risk, phone the Family Front Door on "
            f"{settings.FRONTDOOR_AREA['front_door_phone']}."
        ),
        "",
        "Family Front Door",
    ]


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
