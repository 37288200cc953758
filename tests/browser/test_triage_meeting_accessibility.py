"""axe-core on the triage pages added for issue 3: a day without a meeting, an outcome's correction (and its error
summary), an incident with earlier versions of its outcome, and a school's updated notification with its own action."""
from datetime import date

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from frontdoor.agencies.models import Agency
from frontdoor.triage import meetings
from frontdoor.triage.models import Grade, MeetingOutcome, SchoolNotification
from tests import factories
from tests.browser.axe import blocking_violations
from tests.triage import factories_triage as ft

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DAY = date(2026, 3, 4)


def _corrected_outcome(school) -> MeetingOutcome:
    police = factories.agency(kind=Agency.Kind.POLICE, name="West Mercia Police")
    notification = ft.police_notification(received_at=ft.at(DAY, 6), reference="WMP-A11Y-CORRECT")
    ft.child(notification, school_=school)
    meetings.meeting_attendance_record(meeting=meetings.meeting_for_day(DAY), agency=police, attendee_name="DS Khan")
    outcome = meetings.meeting_outcome_record(
        user=factories.user(role="practitioner"), meeting=meetings.meeting_for_day(DAY), notification=notification,
        final_grade=Grade.MEDIUM, decision=MeetingOutcome.Decision.EARLY_HELP_OFFER, notes="First notes",
        rationale="", version=notification.version,
        actions=[meetings.ActionDraft(description="Check bail conditions", owner_agency=police, due_date=DAY)],
    )
    school_action = meetings.ActionDraft(description="Key adult to check in", owner_agency=school, due_date=DAY)
    return meetings.meeting_outcome_correct(
        user=factories.user(role="practitioner"), outcome=outcome, final_grade=Grade.HIGH,
        decision=outcome.decision, notes="Second notes", reason="New information from the police",
        version=outcome.version, actions=[school_action],
    )


def test_new_triage_pages_have_no_serious_accessibility_violations(page, live_server, sign_in):
    school = ft.school("Oakfield Primary")
    outcome = _corrected_outcome(school)
    sign_in(factories.user(role="isco"))
    yesterday_without_meeting = timezone.localdate() - timezone.timedelta(days=1)
    for path in ("/triage/meeting", f"/triage/meetings/{yesterday_without_meeting:%Y-%m-%d}",
                 f"/triage/meetings/{DAY:%Y-%m-%d}/incidents/{outcome.notification_id}",
                 f"/triage/incidents/{outcome.notification_id}/correct"):
        assert page.goto(f"{live_server.url}{path}").status == 200, path
        assert blocking_violations(page) == [], path
    page.get_by_label("Why are you correcting this outcome?").fill("")
    page.get_by_role("button", name="Save the correction").click()  # the error summary state
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert blocking_violations(page) == []

    sign_in(factories.user(agency_=school))
    told = SchoolNotification.objects.get(notification_id=outcome.notification_id)
    for path in ("/school/da-notifications", f"/school/da-notifications/{told.pk}"):
        assert page.goto(f"{live_server.url}{path}").status == 200, path
        assert blocking_violations(page) == [], path
