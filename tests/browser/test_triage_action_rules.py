"""An action agreed at triage: its owner is offered only from the agencies at the meeting and the child's
school, and a due date in the past gets a plain message."""
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from frontdoor.agencies.models import Agency
from frontdoor.triage import meetings
from frontdoor.triage.models import MeetingOutcome
from tests import factories
from tests.browser.axe import blocking_violations
from tests.triage import factories_triage as ft

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_owner_is_at_the_meeting_or_the_childs_school_and_the_due_date_is_not_past(page, live_server, sign_in):
    police = factories.agency(kind=Agency.Kind.POLICE, name="West Mercia Police")
    factories.agency(kind=Agency.Kind.PROBATION, name="Fictionshire Probation")  # not at the meeting
    today = timezone.localdate()
    meeting = meetings.meeting_for_day(today)
    meetings.meeting_attendance_record(meeting=meeting, agency=police, attendee_name="DS Pat Khan")
    notification = ft.police_notification(reference="WMP-RULES-1", received_at=ft.at(today, 6))
    ft.child(notification, school_=ft.school("Oakfield Primary"))
    ft.school("Elm High")

    sign_in(factories.user(role="triage_member", agency_=police))
    page.goto(f"{live_server.url}/triage/meetings/{today.isoformat()}/incidents/{notification.pk}")
    action = page.get_by_role("group", name="Action 1")
    owners = action.get_by_label("Owner agency").locator("option").all_inner_texts()
    assert [o for o in owners if o != "Select an agency"] == ["Oakfield Primary", "West Mercia Police"]

    page.get_by_label("Medium", exact=True).check()
    page.get_by_label("Early help offer").check()
    yesterday = today - timezone.timedelta(days=1)
    action.get_by_label("Action", exact=True).fill("Police to check bail conditions")
    action.get_by_label("Owner agency").select_option(label="West Mercia Police")
    action.get_by_label("Day").fill(str(yesterday.day))
    action.get_by_label("Month").fill(str(yesterday.month))
    action.get_by_label("Year").fill(str(yesterday.year))
    page.get_by_role("button", name="Record the outcome").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The due date must be today or in the future")
    assert not MeetingOutcome.objects.exists()
    assert blocking_violations(page) == []
