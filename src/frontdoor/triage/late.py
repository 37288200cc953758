"""High notifications received after today's agenda cut-off: the ISCO adds each to today's meeting or sends it
straight to a strategy discussion, with the reason (issue 15).

A high incident cannot wait for tomorrow's meeting. Until the ISCO chooses, it is listed on the ISCO's pages as
needing the choice; either way the choice, the reason, who and when are kept, and the notification's access log
records it. Sent to a strategy discussion, the incident still waits for a meeting to record the single outcome
(seed 001), which then finds the discussion already requested.
"""
from django.db import IntegrityError, transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from frontdoor.governance.models import AccessLogEntry
from frontdoor.governance.services import access_log_record
from frontdoor.triage.errors import NotificationConflict
from frontdoor.triage.meetings import (
    MeetingInvalid,
    agenda_cutoff,
    meeting_for_day,
    meeting_may_open,
    meeting_on,
    strategy_discussion_request,
)
from frontdoor.triage.models import Grade, LateNotificationRoute, PoliceNotification
from frontdoor.triage.selectors import notifications_visible_to

Route = LateNotificationRoute.Route


def todays_cutoff():
    """Today's agenda cut-off: the meeting's own once it is open, else the configured time."""
    today = timezone.localdate()
    meeting = meeting_on(day=today)
    return meeting.agenda_cutoff if meeting is not None else agenda_cutoff(today)


def _late_high() -> Q:
    """High (by a person's grade, else by the suggestion), received after today's cut-off, not decided by a
    meeting and not yet routed by the ISCO."""
    high = Q(grade=Grade.HIGH) | Q(grade="", suggested_grade=Grade.HIGH)
    return high & Q(received_at__gte=todays_cutoff(), outcome__isnull=True, late_route__isnull=True)


def late_high_notifications(*, user) -> QuerySet[PoliceNotification]:
    """The late high notifications needing the ISCO's choice, oldest first (the caller logs what it shows)."""
    return notifications_visible_to(user=user).filter(_late_high()).order_by("received_at").prefetch_related("children")


def needs_late_route(*, notification: PoliceNotification) -> bool:
    return PoliceNotification.objects.filter(_late_high(), pk=notification.pk).exists()


def late_route_for(*, notification: PoliceNotification) -> LateNotificationRoute | None:
    return (LateNotificationRoute.objects.filter(notification=notification)
            .select_related("meeting", "strategy_discussion", "decided_by").first())


@transaction.atomic
def late_notification_route(*, user, notification: PoliceNotification, route: str, reason: str,
                            version: int) -> LateNotificationRoute:
    """Add a late high notification to today's meeting, or send it straight to a strategy discussion.

    `version` is the notification's version the page showed: a second ISCO choosing at the same moment, or a
    grade given meanwhile, gets a conflict and nothing of this choice is stored.
    """
    reason = reason.strip()
    if route not in Route.values:
        raise MeetingInvalid("Select whether to add the notification to today's meeting or send it to a "
                             "strategy discussion", field="route")
    if not reason:
        raise MeetingInvalid("Enter why you chose this for the notification", field="reason")
    if not needs_late_route(notification=notification):
        raise NotificationConflict("This notification no longer needs a choice: it is not a high notification "
                                   "received after today's cut-off, or someone has already chosen. Reload the page.")
    today = timezone.localdate()
    if route == Route.TODAYS_MEETING and not meeting_may_open(today):
        raise MeetingInvalid("There is no triage meeting today: send the notification to a strategy discussion "
                             "instead", field="route")
    if not PoliceNotification.objects.filter(pk=notification.pk, version=version).update(version=F("version") + 1):
        raise NotificationConflict("Someone else changed this notification while you were looking at it. Reload "
                                   "the page to see what they did; your reason has not been saved.")
    notification.version = version + 1
    meeting = meeting_for_day(today) if route == Route.TODAYS_MEETING else None
    if meeting is not None and meeting.closed_at is not None:
        raise MeetingInvalid("Today's meeting has closed: send the notification to a strategy discussion instead",
                             field="route")
    discussion = None if meeting is not None else strategy_discussion_request(
        notification=notification,
        reason=(f"High notification after the agenda cut-off, sent by the ISCO: police reference "
                f"{notification.police_reference}. Reason: {reason}"),
    )
    try:
        with transaction.atomic():
            chosen = LateNotificationRoute.objects.create(
                notification_id=notification.pk, route=route, meeting=meeting, strategy_discussion=discussion,
                reason=reason, decided_by=user)
    except IntegrityError:
        raise NotificationConflict("Someone else has already chosen for this notification. Reload the page.") from None
    access_log_record(user=user, target=notification, action=AccessLogEntry.Action.UPDATE,
                      reason=f"Late high notification: {Route(route).label.lower()}")
    return chosen
