"""An action agreed at triage is owned by an agency at the meeting or a child's school, and is not due
before the meeting; an action already recorded and left alone is kept on a correction."""
from datetime import date

import pytest

from frontdoor.agencies.models import Agency
from frontdoor.triage import meetings
from frontdoor.triage.models import Grade, MeetingOutcome, TriageAction
from tests import factories
from tests.triage import factories_triage as ft

pytestmark = pytest.mark.django_db

DAY = date(2026, 3, 4)


@pytest.fixture
def police():
    return factories.agency(kind=Agency.Kind.POLICE, name="West Mercia Police")


@pytest.fixture
def member(police):
    return factories.user(role="triage_member", agency_=police, first="Pat", last="Officer")


def _record(member, meeting, notification, actions):
    return meetings.meeting_outcome_record(
        user=member, meeting=meeting, notification=notification, final_grade=Grade.MEDIUM,
        decision=MeetingOutcome.Decision.EARLY_HELP_OFFER, notes="", actions=actions, rationale="",
        version=notification.version,
    )


def test_an_agency_not_at_the_meeting_cannot_own_an_action(member, police):
    meeting = meetings.meeting_for_day(DAY)
    meetings.meeting_attendance_record(meeting=meeting, agency=police, attendee_name="DS Khan")
    absent = factories.agency(kind=Agency.Kind.HEALTH_TRUST, name="Absent Health")
    notification = ft.police_notification(received_at=ft.at(DAY, 6))
    ft.child(notification, school_=ft.school("Oakfield Primary"))
    action = meetings.ActionDraft(description="Health visitor to visit", owner_agency=absent, due_date=date(2026, 3, 6))

    with pytest.raises(meetings.MeetingInvalid, match="'Health visitor to visit' must be an agency at the meeting"):
        _record(member, meeting, notification, [action])
    assert not MeetingOutcome.objects.exists()


def test_the_childs_school_owns_an_action_though_it_did_not_attend(member, police):
    meeting = meetings.meeting_for_day(DAY)
    meetings.meeting_attendance_record(meeting=meeting, agency=police, attendee_name="DS Khan")
    school = ft.school("Oakfield Primary")
    notification = ft.police_notification(received_at=ft.at(DAY, 6))
    ft.child(notification, school_=school)
    action = meetings.ActionDraft(description="Key adult check-in", owner_agency=school, due_date=DAY)

    outcome = _record(member, meeting, notification, [action])

    assert [(a.owner_agency, a.due_date) for a in outcome.actions.all()] == [(school, DAY)]


def test_an_action_due_before_the_meeting_is_refused(member, police):
    meeting = meetings.meeting_for_day(DAY)
    meetings.meeting_attendance_record(meeting=meeting, agency=police, attendee_name="DS Khan")
    notification = ft.police_notification(received_at=ft.at(DAY, 6))
    action = meetings.ActionDraft(description="Check bail", owner_agency=police, due_date=date(2026, 3, 3))

    with pytest.raises(meetings.MeetingInvalid, match="due date of 'Check bail' must be on or after the day"):
        _record(member, meeting, notification, [action])
    assert not TriageAction.objects.exists()


def test_a_correction_keeps_an_action_recorded_before_its_owner_left_the_attendance(member, police):
    meeting = meetings.meeting_for_day(DAY)
    meetings.meeting_attendance_record(meeting=meeting, agency=police, attendee_name="DS Khan")
    notification = ft.police_notification(received_at=ft.at(DAY, 6))
    outcome = _record(member, meeting, notification, [
        meetings.ActionDraft(description="Check bail", owner_agency=police, due_date=date(2026, 3, 5))])
    meeting.attendance.all().delete()  # an attendance corrected after the outcome
    kept = [meetings.ActionDraft(description=a.description, owner_agency=a.owner_agency, due_date=a.due_date,
                                 action_id=a.pk) for a in outcome.actions.all()]

    corrected = meetings.meeting_outcome_correct(
        user=member, outcome=outcome, final_grade=Grade.MEDIUM, decision=outcome.decision, notes="Corrected",
        actions=kept, reason="Notes corrected", version=outcome.version)

    assert [a.description for a in corrected.actions.all()] == ["Check bail"]
    changed = [meetings.ActionDraft(description="Check bail", owner_agency=police, due_date=date(2026, 3, 6),
                                    action_id=kept[0].action_id)]
    with pytest.raises(meetings.MeetingInvalid, match="must be an agency at the meeting"):
        meetings.meeting_outcome_correct(
            user=member, outcome=corrected, final_grade=Grade.MEDIUM, decision=outcome.decision, notes="Again",
            actions=changed, reason="Date moved", version=corrected.version)
