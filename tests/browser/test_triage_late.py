"""Triage on the day (issue 15 item 6): high notifications received after today's agenda cut-off are shown to
the ISCO as needing a choice; one is sent straight to a strategy discussion and the other added to today's
meeting, each with its reason; siblings at two schools: each school's DSL sees only its own action; and the Dash
checklist reads with the perpetrator's name."""
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from frontdoor.agencies.models import Agency
from frontdoor.casework.calendar import is_working_day
from frontdoor.casework.models import StrategyDiscussion
from frontdoor.triage import meetings
from frontdoor.triage.models import Grade, LateNotificationRoute, MeetingOutcome, SchoolNotification
from tests import factories
from tests.browser.axe import blocking_violations
from tests.triage import factories_triage as ft

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_isco_routes_late_high_notifications_with_a_reason(page, live_server, sign_in):
    today = timezone.localdate()
    after_cutoff = meetings.agenda_cutoff(today) + timedelta(minutes=30)
    isco = factories.user(role="isco", first="Isla", last="Cole")
    first = ft.police_notification(reference="WMP-LATE-1", received_at=after_cutoff, suggested_grade=Grade.HIGH)
    ft.child(first, person=ft.young_person("Ruby", today.replace(year=today.year - 8)))
    second = ft.police_notification(reference="WMP-LATE-2", received_at=after_cutoff + timedelta(minutes=5),
                                    suggested_grade=Grade.HIGH)
    ft.police_notification(reference="WMP-EARLY", received_at=after_cutoff - timedelta(hours=2),
                           suggested_grade=Grade.HIGH)

    sign_in(isco)
    page.get_by_role("link", name="Police notifications").click()
    banner = page.locator("#late-high")
    expect(banner).to_contain_text("2 high notifications were received after today's agenda cut-off")
    expect(banner).not_to_contain_text("WMP-EARLY")
    assert blocking_violations(page) == []

    banner.get_by_role("link", name="WMP-LATE-1").click()
    expect(page.locator("#late-high")).to_contain_text("It needs your choice today")
    page.get_by_label("Sent straight to a strategy discussion").check()
    page.get_by_role("button", name="Save the choice").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter why you chose this for the notification")
    page.get_by_label("Why").fill("Threat to kill with a knife; Ruby saw it")
    page.get_by_role("button", name="Save the choice").click()
    expect(page.locator("#late-route")).to_contain_text("Sent straight to a strategy discussion")
    expect(page.locator("#late-route")).to_contain_text("Threat to kill with a knife; Ruby saw it")
    assert blocking_violations(page) == []
    discussion = StrategyDiscussion.objects.get(source_notification=first)
    assert [child.given_name for child in discussion.children.all()] == ["Ruby"]

    page.get_by_role("link", name="Police notifications").click()
    expect(page.locator("#late-high")).to_contain_text("1 high notification was received")
    page.locator("#late-high").get_by_role("link", name="WMP-LATE-2").click()
    if is_working_day(today):
        page.get_by_label("Added to today's triage meeting").check()
        page.get_by_label("Why").fill("Baby in the house; cannot wait for tomorrow")
        page.get_by_role("button", name="Save the choice").click()
        expect(page.locator("#late-route")).to_contain_text("Added to today's triage meeting")
        page.get_by_role("link", name="Triage meeting", exact=True).click()
        row = page.locator("#agenda").get_by_role("row", name="WMP-LATE-2")
        expect(row).to_contain_text("Added after the cut-off")
        assert LateNotificationRoute.objects.get(notification=second).meeting.date == today
    else:  # no meeting at a weekend: the page says so and the choice is not stored
        page.get_by_label("Added to today's triage meeting").check()
        page.get_by_label("Why").fill("Baby in the house")
        page.get_by_role("button", name="Save the choice").click()
        expect(page.locator(".govuk-error-summary")).to_contain_text("There is no triage meeting today")
        assert not LateNotificationRoute.objects.filter(notification=second).exists()



def test_siblings_at_two_schools_each_school_sees_only_its_own_action(page, live_server, sign_in):
    today = timezone.localdate()
    police = factories.agency(kind=Agency.Kind.POLICE, name="West Mercia Police")
    oakfield, elm = ft.school("Oakfield Primary"), ft.school("Elm High")
    oakfield_dsl = factories.user(agency_=oakfield, first="Chris", last="Taylor")
    elm_dsl = factories.user(agency_=elm, first="Sam", last="Lee")
    notification = ft.police_notification(reference="WMP-SIBLINGS", received_at=ft.at(today, 6))
    ft.child(notification, school_=oakfield, given_name="Ruby")
    ft.child(notification, school_=elm, given_name="Sam")
    due = today + timedelta(days=3)
    meetings.meeting_attendance_record(meeting=meetings.meeting_for_day(today), agency=police, attendee_name="DS Khan")
    meetings.meeting_outcome_record(
        user=factories.user(role="triage_member", agency_=police), meeting=meetings.meeting_for_day(today),
        notification=notification, final_grade=Grade.MEDIUM, decision=MeetingOutcome.Decision.EARLY_HELP_OFFER,
        notes="", rationale="", version=notification.version, actions=[
            meetings.ActionDraft(description="Key adult to check in with Ruby", owner_agency=oakfield, due_date=due),
            meetings.ActionDraft(description="Mentor to talk to Sam about his exclusion", owner_agency=elm,
                                 due_date=due),
            meetings.ActionDraft(description="Police to check bail conditions", owner_agency=police, due_date=due),
        ])
    assert SchoolNotification.objects.filter(notification=notification).count() == 2

    for dsl, own, others in ((oakfield_dsl, "Key adult to check in with Ruby", "Mentor to talk to Sam"),
                             (elm_dsl, "Mentor to talk to Sam about his exclusion", "Key adult to check in")):
        sign_in(dsl)
        page.get_by_role("link", name="Domestic abuse notifications").click()
        page.get_by_role("link", name="WMP-SIBLINGS").click()
        main = page.locator("main")
        expect(page.locator("#school-actions")).to_contain_text(own)
        expect(page.locator("#actions")).to_contain_text("Police to check bail conditions")
        expect(main).not_to_contain_text(others)
        assert blocking_violations(page) == []


def test_the_dash_checklist_names_the_perpetrator(page, live_server, sign_in):
    isco = factories.user(role="isco")
    notification = ft.police_notification(reference="WMP-DASH", victim=ft.adult(),
                                          perpetrator=ft.adult("Mark", "Stone"))
    sign_in(isco)
    page.goto(f"{live_server.url}/triage/notifications/{notification.pk}/marac")
    expect(page.get_by_label("14. Has Mark Stone ever threatened to kill you or someone else and you believed them?")
           ).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("(……)")
