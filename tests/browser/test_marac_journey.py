"""The MARAC coordinator schedules a meeting, adds a case referred by housing with the child in the household
and the lawful basis, records attendance and an action; the child's school DSL sees the case and the action.
At a meeting already on the list, the coordinator records attendance, adds an action and marks it completed;
the child's allocated social worker sees it done. A housing officer refers a victim (errors first); the coordinator
lists the referral at a meeting and the housing officer sees it heard."""
import re
from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from frontdoor.casework.models import Episode
from frontdoor.marac import services
from frontdoor.people.models import Person, Relationship
from tests import factories
from tests.browser.axe import blocking_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordinator_runs_a_marac_case_that_the_school_dsl_then_sees(page, sign_in):
    school = factories.agency(name="Oakfield Primary")
    factories.agency(kind="housing", name="Fictional Homes")
    mum = Person.objects.create(kind=Person.Kind.ADULT, given_name="Dawn", family_name="Hartley")
    ruby = factories.person()
    Person.objects.filter(pk=ruby.pk).update(school=school)
    Relationship.objects.create(person=mum, relative=ruby, kind=Relationship.Kind.PARENT)
    dsl = factories.user(agency_=school, first="Chris", last="Taylor")
    today = timezone.localdate()

    sign_in(factories.user(role="marac_coordinator"))
    page.get_by_role("link", name="MARAC", exact=True).click()
    page.get_by_label("Day").fill(str(today.day))
    page.get_by_label("Month").fill(str(today.month))
    page.get_by_label("Year").fill(str(today.year))
    page.get_by_role("button", name="Schedule the meeting").click()
    page.get_by_role("link", name="Add a case").click()
    page.get_by_label("Victim's family name").fill("Hartley")
    page.get_by_label("Victim's given name (optional)").fill("Dawn")
    page.get_by_role("button", name="Find the victim").click()
    page.get_by_label("Ruby Hartley").check()
    page.get_by_role("button", name="Add the case").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select the lawful basis for sharing the case")
    assert blocking_violations(page) == []
    page.get_by_label("Ruby Hartley").check()
    page.get_by_label("UK GDPR Article 6(1)(e) public task", exact=False).check()
    page.get_by_label("Referring agency").select_option(label="Fictional Homes")
    page.get_by_role("button", name="Add the case").click()
    expect(page.locator("main")).to_contain_text("Referred by Fictional Homes")

    page.get_by_label("Action", exact=True).fill("School to offer Ruby a trusted adult")
    page.get_by_label("Agency responsible").select_option(label="Oakfield Primary")
    page.get_by_label("Person responsible").fill("Chris Taylor")
    form = page.locator("#main-form")
    form.get_by_label("Day").fill(str(today.day))
    form.get_by_label("Month").fill(str(today.month))
    form.get_by_label("Year").fill(str(today.year))
    page.get_by_role("button", name="Add the action").click()
    page.get_by_label("Agency", exact=True).select_option(label="Oakfield Primary")
    page.get_by_label("Who attended").fill("Chris Taylor")
    page.get_by_role("button", name="Record attendance").click()
    expect(page.locator("#attendance")).to_contain_text("Chris Taylor")
    expect(page.locator("main")).to_contain_text("Chris Taylor, Oakfield Primary")
    assert blocking_violations(page) == []

    sign_in(dsl)
    page.get_by_role("link", name="MARAC cases").click()
    expect(page.locator("main")).to_contain_text("School to offer Ruby a trusted adult")
    expect(page.locator("main")).to_contain_text("Lawful basis: UK GDPR Article 6(1)(e)")
    assert blocking_violations(page) == []


def test_coordinator_records_attendance_and_completes_an_action_that_the_social_worker_sees(page, sign_in):
    police = factories.agency(kind="police", name="Fictional Shire Police")
    mum = Person.objects.create(kind=Person.Kind.ADULT, given_name="Dawn", family_name="Hartley")
    ruby = factories.person()
    social_worker = factories.user(role="social_worker", first="Kim", last="Oduya")
    Episode.objects.create(person=ruby, referral_date=date(2026, 9, 1), source="1A", allocated_to=social_worker)
    coordinator = factories.user(role="marac_coordinator")
    today = timezone.localdate()
    meeting = services.meeting_schedule(user=coordinator, held_on=today)
    services.case_add(user=coordinator, meeting=meeting, victim=mum, referring_agency=police,
                      lawful_basis="crime_disorder", children=[ruby])
    due = today + timedelta(days=14)

    sign_in(coordinator)
    page.get_by_role("link", name="MARAC", exact=True).click()
    page.get_by_role("link", name=f"{today:%-d %B %Y}").click()
    page.get_by_label("Agency", exact=True).select_option(label="Fictional Shire Police")
    page.get_by_role("button", name="Record attendance").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter who attended for the agency")
    page.get_by_label("Agency", exact=True).select_option(label="Fictional Shire Police")
    page.get_by_label("Who attended").fill("DS Kate Wilson")
    page.get_by_role("button", name="Record attendance").click()
    expect(page.locator("#attendance")).to_contain_text("DS Kate Wilson")

    page.get_by_label("Action", exact=True).fill("Police to flag the address for an urgent response")
    page.get_by_label("Agency responsible").select_option(label="Fictional Shire Police")
    page.get_by_label("Person responsible").fill("DS Kate Wilson")
    form = page.locator("#main-form")
    form.get_by_label("Day").fill(str(due.day))
    form.get_by_label("Month").fill(str(due.month))
    form.get_by_label("Year").fill(str(due.year))
    page.get_by_role("button", name="Add the action").click()
    expect(page.locator("main")).to_contain_text("DS Kate Wilson, Fictional Shire Police")
    expect(page.locator("main")).to_contain_text(f"{due:%-d %b %Y}")
    page.get_by_role("button", name=re.compile("Mark completed.*Police to flag the address")).click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The action is marked completed")
    expect(page.locator("main")).to_contain_text(f"Completed {today:%-d %b %Y}")
    assert blocking_violations(page) == []

    sign_in(social_worker)
    page.get_by_role("link", name="MARAC cases").click()
    card = page.locator(".govuk-summary-card")
    expect(card).to_contain_text("Police to flag the address for an urgent response")
    expect(card).to_contain_text(f"{today:%-d %b %Y}")
    expect(card).to_contain_text("Lawful basis: Crime and Disorder Act 1998 section 115")
    assert blocking_violations(page) == []


def test_a_housing_officer_refers_and_the_coordinator_lists_the_referral_at_a_meeting(page, sign_in):
    housing = factories.agency(kind="housing", name="Fictional Homes")
    officer = factories.user(agency_=housing, first="Pat", last="Jones")
    Person.objects.create(kind=Person.Kind.ADULT, given_name="Dawn", family_name="Hartley")
    coordinator = factories.user(role="marac_coordinator")
    today = timezone.localdate()
    meeting = services.meeting_schedule(user=coordinator, held_on=today)

    sign_in(officer)
    page.get_by_role("link", name="MARAC referrals").click()
    page.get_by_role("link", name="Refer a victim to the MARAC").click()
    page.get_by_label("Victim's given name").fill("Dawn")
    page.get_by_label("Victim's family name").fill("Hartley")
    page.get_by_label("Visible high risk", exact=False).check()
    page.get_by_label("\"Yes\" answers on the SafeLives Dash checklist (optional)").fill("9")
    page.get_by_label("What are you worried about?").fill("Threats to kill; he knows her new address")
    page.get_by_label("The victim's consent").check()
    page.get_by_role("button", name="Send to the MARAC").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Visible high risk needs 14 or more")
    assert blocking_violations(page) == []
    page.get_by_label("Professional judgement").check()
    page.get_by_role("button", name="Send to the MARAC").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Your referral has been sent")
    expect(page.locator("main")).to_contain_text("Waiting to be listed at a meeting")

    sign_in(coordinator)
    page.get_by_role("link", name="MARAC", exact=True).click()
    expect(page.locator("#waiting")).to_contain_text("Threats to kill")
    page.get_by_role("link", name=f"{today:%-d %B %Y}").click()
    page.get_by_role("link", name="Add a case").click()
    page.get_by_role("button", name=re.compile("Add this referral")).click()
    expect(page.locator(".govuk-inset-text")).to_contain_text("Fictional Homes")
    page.get_by_label("Dawn Hartley").check()
    expect(page.get_by_label("The victim's consent")).to_be_checked()
    assert blocking_violations(page) == []
    page.get_by_role("button", name="Add the case").click()
    expect(page.locator("main")).to_contain_text("Referred by Fictional Homes")

    sign_in(officer)
    page.get_by_role("link", name="MARAC referrals").click()
    expect(page.locator("main")).to_contain_text(f"Heard at the MARAC of {meeting.held_on:%-d %B %Y}")
