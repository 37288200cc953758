"""The daily triage meeting: attendance, an incident graded above the EVODA suggestion with a rationale, actions;
the outcome is readable afterwards by an agency that attended and by no other."""
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from frontdoor.agencies.models import Agency
from frontdoor.casework.calendar import is_working_day
from frontdoor.triage.meetings import meeting_for_day
from frontdoor.triage.models import GradeDecision, MeetingOutcome
from tests import factories
from tests.triage import factories_triage as ft

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fill_action(page, number, description, owner, due):
    action = page.get_by_role("group", name=f"Action {number}")
    action.get_by_label("Action", exact=True).fill(description)
    action.get_by_label("Owner agency").select_option(label=owner)
    action.get_by_label("Day").fill(str(due.day))
    action.get_by_label("Month").fill(str(due.month))
    action.get_by_label("Year").fill(str(due.year))


def _open_todays_meeting(page, today):
    expect(page.get_by_text("Agenda preview")).to_be_visible()
    if is_working_day(today):
        page.get_by_role("button", name="Open today's meeting").click()
        expect(page.get_by_text("Today's meeting is open")).to_be_visible()
    else:  # meetings open on working days only: at a weekend the rest of the journey still runs
        meeting_for_day(today)
        page.reload()


def test_meeting_grades_an_incident_with_actions_and_attending_agencies_read_it(page, live_server, sign_in):
    police = factories.agency(kind=Agency.Kind.POLICE, name="West Mercia Police")
    health = factories.agency(kind=Agency.Kind.HEALTH_TRUST, name="Fictionshire Health")
    probation = factories.agency(kind=Agency.Kind.PROBATION, name="Fictionshire Probation")
    chair = factories.user(role="triage_member", agency_=police, first="Pat", last="Khan")
    nurse = factories.user(role="triage_member", agency_=health, first="Lee", last="Nurse")
    absent = factories.user(role="triage_member", agency_=probation)
    today = timezone.localdate()
    notification = ft.police_notification(reference="WMP-TRIAGE-1", received_at=ft.at(today, 6))
    ft.child(notification, school_=ft.school())
    due = today + timezone.timedelta(days=7)

    sign_in(chair)
    page.get_by_role("link", name="Triage meeting", exact=True).click()
    _open_todays_meeting(page, today)
    for agency, name in (("West Mercia Police", "DS Pat Khan"), ("Fictionshire Health", "Lee Nurse")):
        page.get_by_label("Agency", exact=True).select_option(label=agency)
        page.get_by_label("Name of the person attending").fill(name)
        page.get_by_role("button", name="Record attendance").click()
        expect(page.locator("#attendance")).to_contain_text(name)

    page.locator("#agenda").get_by_role("link", name="WMP-TRIAGE-1").click()
    expect(page.locator("#suggestion")).to_contain_text("Medium")
    expect(page.get_by_text("“pushed her”")).to_be_visible()
    page.get_by_label("High", exact=True).check()
    page.get_by_label("Social work assessment").check()
    page.get_by_label("Notes of the discussion").fill("Third call-out this year; Ruby heard the assault.")
    _fill_action(page, 1, "Social worker to visit Ruby and her mother", "Fictionshire Health", due)
    page.get_by_role("button", name="Add another action").click()
    _fill_action(page, 2, "Police to check bail conditions", "West Mercia Police", due)
    page.get_by_role("button", name="Record the outcome").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter why the meeting graded this incident high when EVODA suggested medium")
    expect(page.get_by_label("Notes of the discussion")).to_have_value("Third call-out this year; Ruby heard the assault.")

    page.get_by_label("Rationale for the grade").fill("Escalating frequency and the child heard the assault")
    page.get_by_role("button", name="Record the outcome").click()
    expect(page.get_by_text("Outcome recorded for WMP-TRIAGE-1")).to_be_visible()
    decision = GradeDecision.objects.get(notification=notification)
    assert decision.is_override and decision.at_meeting.date == today
    assert MeetingOutcome.objects.get(notification=notification).actions.count() == 2

    sign_in(nurse)
    page.get_by_role("link", name="Past triage meetings").click()
    outcome = page.locator("#outcome-wmp-triage-1")
    expect(outcome).to_contain_text("High (EVODA suggested medium)")
    expect(outcome).to_contain_text("Social worker to visit Ruby and her mother")
    expect(outcome).to_contain_text("Police to check bail conditions")

    sign_in(absent)
    page.get_by_role("link", name="Past triage meetings").click()
    expect(page.get_by_text("No meeting outcomes to show.")).to_be_visible()
    response = page.goto(f"{live_server.url}/triage/meetings/{today.isoformat()}/incidents/{notification.pk}")
    assert response.status == 404
