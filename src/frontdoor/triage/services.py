"""Writes on police notifications: a person's grade beside the tool's suggestion (DESIGN: the software informs)."""
from django.db import transaction
from django.db.models import F

from frontdoor.governance.models import AccessLogEntry
from frontdoor.governance.services import access_log_record
from frontdoor.triage.errors import NotificationConflict, NotificationInvalid
from frontdoor.triage.models import (
    Grade,
    GradeDecision,
    PoliceNotification,
    TriageMeeting,
)
from frontdoor.triage.schools import school_notifications_send


@transaction.atomic
def notification_grade(
    *, user, notification: PoliceNotification, grade: str, rationale: str, version: int,
    meeting: TriageMeeting | None = None,
) -> GradeDecision:
    """Confirm or change the suggested grade. Standard goes to the school for information now;
    medium and high wait for the daily triage meeting (seed 001, letter to head teachers).

    The notification given is updated in place (grade, status, version); nothing else on it changes.
    """
    rationale = rationale.strip()
    _check_grade(notification, grade, rationale)
    status = (notification.status if notification.status == PoliceNotification.Status.OUTCOME_RECORDED
              else PoliceNotification.Status.GRADED)
    updated = PoliceNotification.objects.filter(pk=notification.pk, version=version).update(
        grade=grade, status=status, version=F("version") + 1
    )
    if not updated:
        raise NotificationConflict("Someone else graded this notification while you were looking at it. "
                                   "Reload the page to see their grade; your rationale has not been saved.")
    # What the update stored, without reading the row back: the compare-and-set matched `version`.
    notification.grade, notification.status, notification.version = grade, status, version + 1
    decision = GradeDecision.objects.create(
        notification=notification, suggested_grade=notification.suggested_grade, grade=grade, rationale=rationale,
        tool_id=notification.tool_id, tool_version=notification.tool_version, decided_by=user, at_meeting=meeting,
    )
    access_log_record(user=user, target=notification, reason=f"Graded the notification {grade}",
                      action=AccessLogEntry.Action.UPDATE)
    if grade == Grade.STANDARD:
        school_notifications_send(notification=notification)
    return decision


def _check_grade(notification: PoliceNotification, grade: str, rationale: str) -> None:
    if grade not in Grade.values:
        raise NotificationInvalid("Choose a grade: standard, medium or high")
    if grade != notification.suggested_grade and not rationale:
        raise NotificationInvalid("Enter why you are changing the suggested grade")
