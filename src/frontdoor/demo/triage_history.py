"""Two weeks of triage before today, so the demo's meetings, school notifications and
acknowledgements have a past: what the ISCO and the daily meeting would have done with the
police notifications that arrived before this morning's cut-off.
"""
import random
from datetime import date, datetime, timedelta

from django.contrib.auth import get_user_model
from django.db.models import F

from frontdoor.agencies.models import Agency
from frontdoor.casework.calendar import add_working_days, is_working_day, to_london
from frontdoor.triage.meetings import (
    ActionDraft,
    agenda_cutoff,
    meeting_attendance_record,
    meeting_for_day,
    meeting_outcome_record,
)
from frontdoor.triage.models import (
    Grade,
    MeetingOutcome,
    PoliceNotification,
    SchoolNotification,
)
from frontdoor.triage.services import notification_grade

ATTENDEES = {
    Agency.Kind.POLICE: "DS Mark Bennett",
    Agency.Kind.HEALTH_TRUST: "Helen Ward",
    Agency.Kind.PROBATION: "Ian Foster",
    Agency.Kind.LOCAL_AUTHORITY: "Sam Patel",
}
SENT_AFTER_REPORT = timedelta(minutes=20)
DECISIONS = {
    Grade.HIGH: [MeetingOutcome.Decision.STRATEGY_DISCUSSION, MeetingOutcome.Decision.SOCIAL_WORK_ASSESSMENT,
                 MeetingOutcome.Decision.MARAC_REFERRAL],
    Grade.MEDIUM: [MeetingOutcome.Decision.EARLY_HELP_OFFER, MeetingOutcome.Decision.INFORMATION_ONLY],
}


def load_demo_triage_history(*, seed: int, today: date) -> None:
    rng = random.Random(seed)
    # The police sent each notification soon after reporting it: receipt is backdated to then.
    PoliceNotification.objects.update(received_at=F("reported_at") + SENT_AFTER_REPORT)
    users = get_user_model().objects
    isco, chair = users.get(username="isco@demo.test"), users.get(username="police.triage@demo.test")
    agencies = {kind: Agency.objects.filter(kind=kind).order_by("name").first() for kind in ATTENDEES}
    for notification in PoliceNotification.objects.order_by("received_at"):
        day = meeting_day(notification.received_at)
        if day >= today:
            continue  # still waiting: on today's agenda or the ISCO's list
        if notification.suggested_grade == Grade.STANDARD:
            notification_grade(user=isco, notification=notification, grade=Grade.STANDARD,
                               rationale="Agreed with the suggested grade.", version=notification.version)
        else:
            _record_outcome(rng, notification, day, chair, agencies)
    _acknowledge_older(rng, today)


def meeting_day(received_at: datetime) -> date:
    """The first meeting whose cut-off comes after a notification arrived."""
    received = to_london(received_at)
    day = received.date()
    if not is_working_day(day) or received >= agenda_cutoff(day):
        day = add_working_days(day, 1)
    return day


def _record_outcome(rng, notification, day, chair, agencies) -> None:
    meeting = meeting_for_day(day)
    if not meeting.attendance.exists():
        for kind, name in ATTENDEES.items():
            meeting_attendance_record(meeting=meeting, agency=agencies[kind], attendee_name=name)
    final_grade = notification.suggested_grade
    rationale = ""
    if rng.random() < 0.12:  # the meeting disagrees with the tool now and then, and says why
        final_grade = Grade.MEDIUM if final_grade == Grade.HIGH else Grade.HIGH
        rationale = "Information shared at the meeting changes the picture: see notes."
    actions = [ActionDraft(description="Social worker to contact the victim and speak to the children",
                           owner_agency=agencies[Agency.Kind.LOCAL_AUTHORITY], due_date=add_working_days(day, 2))]
    if final_grade == Grade.HIGH:
        actions.append(ActionDraft(description="Police to check bail conditions and share the DASH",
                                   owner_agency=agencies[Agency.Kind.POLICE], due_date=add_working_days(day, 1)))
    school = next((child.school for child in notification.children.all() if child.school_id), None)
    if school is not None:
        actions.append(ActionDraft(description="Designated safeguarding lead to check in with the child this week",
                                   owner_agency=school, due_date=add_working_days(day, 3)))
    meeting_outcome_record(
        user=chair, meeting=meeting, notification=notification, final_grade=final_grade,
        decision=rng.choice(DECISIONS[final_grade]), notes="Discussed with police, health and probation.",
        actions=actions, rationale=rationale, version=notification.version,
    )


def _acknowledge_older(rng, today: date) -> None:
    """Most schools acknowledge within a day; a few never do (the ISCO's monitoring shows them)."""
    two_days_ago = add_working_days(today, -2)
    for school_notification in SchoolNotification.objects.filter(deadline__date__lt=two_days_ago):
        if rng.random() < 0.85:
            SchoolNotification.objects.filter(pk=school_notification.pk).update(
                status=SchoolNotification.Status.ACKNOWLEDGED,
                acknowledged_at=school_notification.deadline - timedelta(minutes=rng.randint(10, 600)),
            )
