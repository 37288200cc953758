"""The school's side of Operation Encompass, and the ISCO's watch over it.

Seed 001's letter to head teachers: the school reviews each notification against what it knows of
the child; if it thinks the grade is wrong it follows the Family Front Door referral procedure,
so a challenge here opens a Front Door contact. The ISCO sees which schools have not acknowledged
and which notifications missed the start of the next school day.
"""
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.db.models import Count, Exists, F, Min, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from frontdoor.agencies.models import Agency, Membership
from frontdoor.governance.models import AccessLogEntry
from frontdoor.governance.services import access_log_record, access_log_record_many
from frontdoor.intake.models import Contact
from frontdoor.intake.services import ChildDraft, ContactDraft, contact_submit
from frontdoor.triage.errors import NotificationConflict, NotificationInvalid
from frontdoor.triage.models import SchoolNotification, SchoolNotificationUpdate, TriageAction
from frontdoor.triage.selectors import notifications_hidden_from
from frontdoor.triage.schools import incident_actions, school_actions, update_changes

OPEN_STATUSES = (SchoolNotification.Status.QUEUED, SchoolNotification.Status.SENT)
CHALLENGE_CONSENT_REASON = "Challenge of a police domestic abuse notification grade"


def school_notifications_visible_to(*, user) -> QuerySet[SchoolNotification]:
    """The one place that says who sees schools' notifications: a DSL their school's, the ISCO all but those
    of an incident naming a restricted person. The school keeps its own: it was told of its pupil, as
    Operation Encompass requires, and the restriction seals the record from the council's staff."""
    membership = getattr(user, "membership", None) if user.is_authenticated else None
    if membership is None:
        return SchoolNotification.objects.none()
    if membership.is_school_dsl:
        return SchoolNotification.objects.filter(school_id=membership.agency_id)
    if membership.role == Membership.Role.ISCO:
        return SchoolNotification.objects.exclude(notification__in=notifications_hidden_from(user=user))
    return SchoolNotification.objects.none()


def _with_update_to_acknowledge(notifications: QuerySet[SchoolNotification]) -> QuerySet[SchoolNotification]:
    """`update_to_acknowledge`: the school has been sent an update its DSL has not acknowledged yet."""
    return notifications.annotate(update_to_acknowledge=Exists(
        SchoolNotificationUpdate.objects.filter(school_notification=OuterRef("pk"), acknowledged_at__isnull=True)))


def school_notifications_for(*, user) -> QuerySet[SchoolNotification]:
    """The school's list, newest first."""
    return _with_update_to_acknowledge(
        school_notifications_visible_to(user=user)
        .select_related("notification", "child", "school")
        .order_by("-created_at")
    )


def school_notification_get_for(*, user, school_notification_id, reason: str) -> SchoolNotification:
    """One notification if this user may see it, otherwise 404 whether or not it exists; logs the view."""
    school_notification = (
        _with_update_to_acknowledge(school_notifications_visible_to(user=user))
        .select_related("notification", "child", "school", "challenge_contact")
        .filter(pk=school_notification_id)
        .first()
    )
    if school_notification is None:
        raise Http404
    access_log_record(user=user, target=school_notification, reason=reason)
    return school_notification


def school_notification_awaits_acknowledgement(school_notification: SchoolNotification) -> bool:
    """Not acknowledged yet: the notification itself, or an update the school was sent after it
    (for a notification read with `school_notification_get_for`)."""
    return school_notification.status in OPEN_STATUSES or school_notification.update_to_acknowledge


def school_notification_updates(*, school_notification: SchoolNotification) -> list[SchoolNotificationUpdate]:
    """The updates the school was sent, newest first, each with `changes` in words."""
    updates = list(school_notification.updates.select_related("acknowledged_by").order_by("-created_at", "-pk"))
    for update in updates:
        update.changes = update_changes(update)
    return updates


def school_notification_actions(*, school_notification: SchoolNotification) -> list[TriageAction]:
    """The triage actions the school is told of (`school_actions`), soonest due first."""
    return school_actions(grade=school_notification.grade, school_id=school_notification.school_id,
                          actions=incident_actions(notification=school_notification.notification))


def school_action_get_for(*, user, school_notification: SchoolNotification, action_id) -> TriageAction:
    """An action of this notification's outcome owned by the user's own school; any other is 'not found'."""
    membership = getattr(user, "membership", None)
    own_school = membership is not None and membership.is_school_dsl and (
        membership.agency_id == school_notification.school_id)
    action = TriageAction.objects.filter(
        pk=action_id, outcome__notification_id=school_notification.notification_id,
        owner_agency_id=school_notification.school_id,
    ).first() if own_school else None
    if action is None:
        raise Http404
    return action


@transaction.atomic
def school_action_complete(*, user, school_notification: SchoolNotification, action: TriageAction,
                           version: int) -> None:
    """The school has done its action: who and when, for the meeting's record of the outcome."""
    if action.completed_at is not None:
        raise NotificationConflict("This action has already been marked as done.")
    updated = TriageAction.objects.filter(pk=action.pk, version=version, completed_at__isnull=True).update(
        completed_at=timezone.now(), completed_by=user, version=F("version") + 1
    )
    if not updated:
        raise NotificationConflict("This action has been changed since you opened the page. "
                                   "Reload the page to see the changes.")
    access_log_record(user=user, target=school_notification, reason="School marked its triage action done",
                      action=AccessLogEntry.Action.UPDATE)


@transaction.atomic
def school_notification_acknowledge(*, user, school_notification: SchoolNotification, version: int) -> None:
    """The DSL has read the notification as it is now: the notification and any update not yet acknowledged."""
    first_time = school_notification.status in OPEN_STATUSES
    if not (first_time or school_notification.updates.filter(acknowledged_at__isnull=True).exists()):
        raise NotificationConflict("This notification has already been acknowledged or challenged.")
    now = timezone.now()
    changes = {"status": SchoolNotification.Status.ACKNOWLEDGED, "acknowledged_at": now,
               "acknowledged_by": user} if first_time else {}
    _compare_and_set(school_notification, version, **changes)
    _updates_acknowledge(school_notification, user, now)
    access_log_record(user=user, target=school_notification, reason="School acknowledged a DA notification",
                      action=AccessLogEntry.Action.UPDATE)


def _updates_acknowledge(school_notification: SchoolNotification, user, now: datetime) -> None:
    school_notification.updates.filter(acknowledged_at__isnull=True).update(acknowledged_at=now, acknowledged_by=user)


@transaction.atomic
def school_notification_challenge(*, user, school_notification: SchoolNotification, reason: str,
                                  version: int) -> Contact:
    """Challenge the grade: opens a Front Door contact from the DSL about the child, linked to the notification."""
    reason = reason.strip()
    if not reason:
        raise NotificationInvalid("Enter why you think the grade is wrong")
    if school_notification.status == SchoolNotification.Status.CHALLENGED:
        raise NotificationConflict("This notification's grade has already been challenged.")
    contact = contact_submit(submitted_by=user, draft=_challenge_draft(user, school_notification, reason))
    child = school_notification.child
    if child.person_id:
        contact.children.update(person_id=child.person_id)
    now = timezone.now()
    _compare_and_set(
        school_notification, version, status=SchoolNotification.Status.CHALLENGED, challenge_reason=reason,
        challenge_contact=contact, acknowledged_at=school_notification.acknowledged_at or now,
        acknowledged_by=school_notification.acknowledged_by or user,
    )
    _updates_acknowledge(school_notification, user, now)  # a challenge of the grade as it is now reads it
    return contact


def _compare_and_set(school_notification: SchoolNotification, version: int, **changes) -> None:
    updated = SchoolNotification.objects.filter(pk=school_notification.pk, version=version).update(
        **changes, version=F("version") + 1
    )
    if not updated:
        # Someone else at the school, or a correction from the triage meeting.
        raise NotificationConflict("This notification has changed since you opened it. Reload the page to see the changes.")


def _challenge_draft(user, school_notification: SchoolNotification, reason: str) -> ContactDraft:
    membership, notification, child = user.membership, school_notification.notification, school_notification.child
    return ContactDraft(
        referrer_agency_id=str(school_notification.school_id),
        referrer_name=user.get_full_name() or user.email,
        referrer_role=membership.job_title,
        referrer_phone=membership.phone,
        referrer_email=user.email,
        channel=Contact.Channel.ONLINE,
        welfare_concern=True,
        concern_now=(
            f"The school challenges the grade of police domestic abuse notification {notification.police_reference} "
            f"({notification.force}), graded {school_notification.get_grade_display().lower()}. "
            f"The school's reason: {reason}"
        ),
        incident_at=notification.occurred_at,
        consent=Contact.Consent.NOT_SOUGHT,
        consent_reason=CHALLENGE_CONSENT_REASON,
        children=(ChildDraft(given_name=child.given_name, family_name=child.family_name,
                             date_of_birth=child.date_of_birth, sex=child.sex,
                             school_name=school_notification.school.name),),
    )


# --- The ISCO's monitoring ------------------------------------------------------------------------


@dataclass(frozen=True)
class LateNotification:
    """A notification, or an update to one (`update`), not sent or not acknowledged by its deadline."""

    school_notification: SchoolNotification
    reasons: tuple[str, ...]
    update: SchoolNotificationUpdate | None = None

    @property
    def deadline(self) -> datetime:
        return (self.update or self.school_notification).deadline


@dataclass(frozen=True)
class SchoolsMonitoring:
    schools_awaiting: list[dict]
    late: list[LateNotification]


def schools_monitoring(*, user, now: datetime | None = None) -> SchoolsMonitoring:
    """Schools with notifications or updates not yet acknowledged, and those late by their next-school-day deadline.

    A school's update counts on its own: the first notification keeps its own deadline and acknowledgement.
    """
    now = now or timezone.now()
    visible = school_notifications_visible_to(user=user)
    updates = SchoolNotificationUpdate.objects.filter(school_notification__in=visible)
    late = [_late(sn) for sn in _late_notifications(visible, now)]
    late += [_late(update.school_notification, update) for update in _late_notifications(updates, now)]
    late.sort(key=lambda item: item.deadline, reverse=True)
    access_log_record_many(user=user, targets=[item.school_notification for item in late],
                           reason="ISCO monitored late school notifications")
    awaiting = _schools_awaiting(visible, updates)
    _add_chasing_details(user=user, schools=awaiting, visible=visible, updates=updates)
    return SchoolsMonitoring(schools_awaiting=awaiting, late=late)


def _add_chasing_details(*, user, schools: list[dict], visible: QuerySet[SchoolNotification],
                         updates: QuerySet[SchoolNotificationUpdate]) -> None:
    """What the ISCO needs to chase each school: its phone, email and designated safeguarding leads, and the
    notifications (or updates) it has not acknowledged, each to open (`notifications`, oldest deadline first)."""
    ids = [school["school_id"] for school in schools]
    agencies = Agency.objects.in_bulk(ids)
    leads: dict = {}
    for membership in (Membership.objects.filter(agency_id__in=ids, role=Membership.Role.REFERRER, user__is_active=True)
                       .select_related("user").order_by("user__last_name", "user__first_name")):
        leads.setdefault(membership.agency_id, []).append(membership)
    waiting = list(visible.filter(status__in=OPEN_STATUSES, school_id__in=ids).select_related("notification"))
    waiting += [update.school_notification for update in updates.filter(acknowledged_at__isnull=True)
                .filter(school_notification__school_id__in=ids).select_related("school_notification__notification")]
    access_log_record_many(user=user, targets={sn.pk: sn for sn in waiting}.values(),
                           reason="ISCO monitored schools' acknowledgements")
    by_school: dict = {}
    for school_notification in sorted(waiting, key=lambda sn: sn.deadline):
        listed = by_school.setdefault(school_notification.school_id, {})
        listed.setdefault(school_notification.notification_id, school_notification.notification)
    for school in schools:
        agency = agencies.get(school["school_id"])
        school.update(phone=agency.phone if agency else "", email=agency.email if agency else "",
                      leads=leads.get(school["school_id"], []),
                      notifications=list(by_school.get(school["school_id"], {}).values()))


def _schools_awaiting(visible: QuerySet[SchoolNotification], updates: QuerySet[SchoolNotificationUpdate]) -> list[dict]:
    """Per school: notifications and updates not acknowledged (`unacknowledged`), of which `updates`, and the
    oldest deadline among them."""
    schools: dict = {}
    awaiting = (
        visible.filter(status__in=OPEN_STATUSES).values("school_id", "school__name")
        .annotate(unacknowledged=Count("id"), oldest_deadline=Min("deadline")),
        updates.filter(acknowledged_at__isnull=True)
        .values(school_id=F("school_notification__school_id"), school__name=F("school_notification__school__name"))
        .annotate(unacknowledged=Count("id"), oldest_deadline=Min("deadline")),
    )
    for kind, rows in zip(("notifications", "updates"), awaiting, strict=True):
        for row in rows:
            school = schools.setdefault(row["school_id"], {
                "school_id": row["school_id"], "school__name": row["school__name"], "unacknowledged": 0,
                "updates": 0, "oldest_deadline": row["oldest_deadline"]})
            school["unacknowledged"] += row["unacknowledged"]
            school["updates"] += row["unacknowledged"] if kind == "updates" else 0
            school["oldest_deadline"] = min(school["oldest_deadline"], row["oldest_deadline"])
    return sorted(schools.values(), key=lambda school: (school["oldest_deadline"], school["school__name"]))


def _late_notifications(told: QuerySet, now: datetime) -> QuerySet:
    """Notifications, or updates, whose deadline has passed without their email sent or their
    acknowledgement made in time: both kinds have a deadline, an outbox message and an acknowledgement."""
    not_sent_in_time = Q(outbox_message__isnull=True) | Q(outbox_message__sent_at__isnull=True) | Q(
        outbox_message__sent_at__gt=F("deadline"))
    not_acknowledged_in_time = Q(acknowledged_at__isnull=True) | Q(acknowledged_at__gt=F("deadline"))
    related = ("notification", "child", "school") if told.model is SchoolNotification else (
        "school_notification__notification", "school_notification__child", "school_notification__school")
    return (
        told.filter(not_sent_in_time | not_acknowledged_in_time, deadline__lt=now)
        .select_related(*related, "outbox_message")
        .order_by("-deadline")
    )


def _late(school_notification: SchoolNotification, update: SchoolNotificationUpdate | None = None) -> LateNotification:
    told = update or school_notification
    deadline, message = told.deadline, told.outbox_message
    reasons = []
    if message is None or message.sent_at is None or message.sent_at > deadline:
        reasons.append("Not sent by the deadline")
    acknowledged_at = told.acknowledged_at
    if acknowledged_at is None or acknowledged_at > deadline:
        reasons.append("Not acknowledged by the deadline")
    return LateNotification(school_notification=school_notification, reasons=tuple(reasons), update=update)
