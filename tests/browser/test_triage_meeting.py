"""The daily triage meeting: opened for the day, attendance, an incident graded above the EVODA suggestion with a
rationale, actions (one owned by the child's school); the meeting corrects the outcome with a reason, the school's
DSL marks its action done, and the outcome is readable afterwards by an agency that attended and by no other."""
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from frontdoor.agencies.models import Agency
from frontdoor.casework.calendar import is_working_day
from frontdoor.triage.meetings import meeting_for_day
from frontdoor.casework.models import StrategyDiscussion
from frontdoor.triage.models import GradeDecision, MeetingOutcome, OutcomeVersion
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


def _correct_the_outcome(page):
    """The meeting learns the police action is already done and a strategy discussion is needed."""
    page.locator("#outcome-wmp-triage-1").get_by_role("link", name="WMP-TRIAGE-1").click()
    page.get_by_role("link", name="Correct this outcome").click()
    page.get_by_label("Strategy discussion").check()
    page.get_by_role("group", name="Action 2").get_by_label("Remove this action").check()
    page.get_by_role("button", name="Save the correction").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter why you are correcting the outcome")
    page.get_by_label("Why are you correcting this outcome?").fill(
        "Bail conditions were checked before the meeting; Ruby's disclosure needs a strategy discussion.")
    page.get_by_role("button", name="Save the correction").click()
    expect(page.get_by_text("Outcome corrected for WMP-TRIAGE-1")).to_be_visible()
    earlier = page.locator("#outcome-version-1")
    expect(earlier).to_contain_text("Social work assessment")
    expect(earlier).to_contain_text("Police to check bail conditions")
    expect(earlier).to_contain_text("Ruby's disclosure needs a strategy discussion")


def _school_marks_its_action_done(page):
    page.get_by_role("link", name="Domestic abuse notifications").click()
    expect(page.get_by_role("row", name="WMP-TRIAGE-1")).to_contain_text("Updated")
    page.get_by_role("link", name="WMP-TRIAGE-1").click()
    expect(page.locator("#updated")).to_contain_text("the triage meeting corrected the grade or the actions")
    expect(page.locator("#actions")).not_to_contain_text("Police to check bail conditions")
    actions = page.locator("#school-actions")
    expect(actions).to_contain_text("Key adult to check in with Ruby each morning")
    actions.get_by_role("button", name="Mark as done").click()
    expect(page.get_by_text("You have marked the action done")).to_be_visible()
    expect(page.locator("#school-actions")).to_contain_text("Done")


def test_meeting_grades_and_corrects_an_outcome_the_school_does_its_action_and_attending_agencies_read_it(page, live_server, sign_in):
    police = factories.agency(kind=Agency.Kind.POLICE, name="West Mercia Police")
    health = factories.agency(kind=Agency.Kind.HEALTH_TRUST, name="Fictionshire Health")
    probation = factories.agency(kind=Agency.Kind.PROBATION, name="Fictionshire Probation")
    chair = factories.user(role="triage_member", agency_=police, first="Pat", last="Khan")
    nurse = factories.user(role="triage_member", agency_=health, first="Lee", last="Nurse")
    absent = factories.user(role="triage_member", agency_=probation)
    today = timezone.localdate()
    notification = ft.police_notification(reference="WMP-TRIAGE-1", received_at=ft.at(today, 6))
    school = ft.school("Oakfield Primary")
    ft.child(notification, school_=school)
    dsl = factories.user(agency_=school, first="Chris", last="Taylor")
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
    page.get_by_role("button", name="Add another action").click()
    _fill_action(page, 3, "Key adult to check in with Ruby each morning", "Oakfield Primary", due)
    page.get_by_role("button", name="Record the outcome").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter why the meeting graded this incident high when EVODA suggested medium")
    expect(page.get_by_label("Notes of the discussion")).to_have_value("Third call-out this year; Ruby heard the assault.")

    page.get_by_label("Rationale for the grade").fill("Escalating frequency and the child heard the assault")
    page.get_by_role("button", name="Record the outcome").click()
    expect(page.get_by_text("Outcome recorded for WMP-TRIAGE-1")).to_be_visible()
    decision = GradeDecision.objects.get(notification=notification)
    assert decision.is_override and decision.at_meeting.date == today
    assert MeetingOutcome.objects.get(notification=notification).actions.count() == 3

    _correct_the_outcome(page)
    assert OutcomeVersion.objects.get().corrected_by == chair
    assert StrategyDiscussion.objects.filter(source_notification=notification).count() == 1

    sign_in(dsl)
    _school_marks_its_action_done(page)

    sign_in(nurse)
    page.get_by_role("link", name="Past triage meetings").click()
    outcome = page.locator("#outcome-wmp-triage-1")
    expect(outcome).to_contain_text("High (EVODA suggested medium)")
    expect(outcome).to_contain_text("Strategy discussion (corrected)")
    expect(outcome).to_contain_text("Social worker to visit Ruby and her mother")
    expect(outcome).not_to_contain_text("Police to check bail conditions")
    expect(outcome.get_by_role("row", name="Key adult to check in with Ruby each morning")).to_contain_text(
        "Done")

    sign_in(absent)
    page.get_by_role("link", name="Past triage meetings").click()
    expect(page.get_by_text("No meeting outcomes to show.")).to_be_visible()
    response = page.goto(f"{live_server.url}/triage/meetings/{today.isoformat()}/incidents/{notification.pk}")
    assert response.status == 404
