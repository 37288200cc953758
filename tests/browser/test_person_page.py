"""A practitioner opens a child's page in the person index from a contact and reads her history
across contacts, police notifications and cases; a merged record's page opens its survivor.
With axe-core, as tests/browser/test_accessibility.py, on both states of the page."""
from datetime import date, datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from frontdoor.casework.models import Case
from frontdoor.decisions.services import decision_record
from frontdoor.governance.models import AccessLogEntry
from frontdoor.intake.models import ContactChild
from frontdoor.people.models import Person, Relationship
from frontdoor.people.services import person_merge
from frontdoor.triage.models import Grade, MeetingOutcome, TriageMeeting
from tests import factories
from tests.browser.axe import blocking_violations
from tests.triage import factories_triage as triage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]



@pytest.fixture
def ruby():
    """Ruby, linked to today's contact, with an earlier decided contact, a police notification
    discussed at triage, an open case and her mother."""
    ruby = factories.person(nhs_number="9434765919")
    mother = Person.objects.create(kind=Person.Kind.ADULT, given_name="Lisa", family_name="Hartley")
    Relationship.objects.create(person=mother, relative=ruby, kind=Relationship.Kind.PARENT)
    earlier = factories.contact()
    ContactChild.objects.filter(contact=earlier).update(person=ruby)
    decision_record(user=factories.user(role="practitioner"), contact=earlier, contact_version=earlier.version,
                    level=2, outcome_codes=["L2.2"], rationale="Early help", social_worker_name="Sam Patel")
    today = factories.contact()
    ContactChild.objects.filter(contact=today).update(person=ruby)
    notification = triage.police_notification(reference="WMP-20417", grade=Grade.MEDIUM, victim=mother)
    triage.child(notification, person=ruby)
    meeting = TriageMeeting.objects.create(date=date(2025, 3, 4),
                                           agenda_cutoff=timezone.make_aware(datetime(2025, 3, 4, 9)))
    MeetingOutcome.objects.create(notification=notification, meeting=meeting, final_grade=Grade.MEDIUM,
                                  decision=MeetingOutcome.Decision.EARLY_HELP_OFFER,
                                  recorded_by=factories.user(role="isco"))
    Case.objects.create(person=ruby, kind=Case.Kind.EARLY_HELP, opened_on=date(2025, 3, 10), lead_worker="Jo Bloggs")
    return {"ruby": ruby, "mother": mother, "earlier": earlier, "today": today}


def test_practitioner_opens_a_childs_page_from_a_contact_and_reads_her_history(page, live_server, sign_in, ruby):
    practitioner = factories.user(role="practitioner", first="Sam", last="Patel")
    sign_in(practitioner)
    page.get_by_role("link", name="Contacts queue").click()
    page.get_by_role("link", name=ruby["today"].reference).click()
    page.locator(".govuk-summary-card").get_by_role("link", name="Ruby Hartley").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Ruby Hartley")
    expect(page.locator(".govuk-summary-list__row", has_text="NHS number")).to_contain_text("9434765919")
    contacts = page.get_by_role("table", name="Contacts naming Ruby Hartley, newest first")
    expect(contacts.get_by_role("row")).to_have_count(3)  # the heading row and two contacts
    expect(contacts.get_by_role("row", name=ruby["earlier"].reference)).to_contain_text("Level 2")
    notifications = page.get_by_role("table", name="Police notifications naming Ruby Hartley, newest incident first")
    expect(notifications.get_by_role("row", name="WMP-20417")).to_contain_text("Early help offer")
    expect(page.get_by_text("Open: Early help")).to_be_visible()
    expect(page.get_by_role("table", name="Relationships").get_by_role("row", name="Lisa Hartley")).to_contain_text(
        "Parent")
    assert AccessLogEntry.objects.filter(user=practitioner, target_id=str(ruby["ruby"].pk),
                                         reason="Viewed the person's record").exists()
    assert blocking_violations(page) == []

    page.get_by_role("link", name="Lisa Hartley").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lisa Hartley")
    expect(page.get_by_role("row", name="WMP-20417")).to_contain_text("Victim")


def test_a_merged_records_page_opens_the_record_it_was_merged_into(page, live_server, sign_in, ruby):
    practitioner = factories.user(role="practitioner", first="Sam", last="Patel")
    copy = factories.person(given_name="Rubie")
    person_merge(user=practitioner, survivor=ruby["ruby"], merged=copy, reason="Same child: GP confirms")
    sign_in(practitioner)
    page.goto(f"{live_server.url}/front-door/people/{copy.pk}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ruby Hartley")
    expect(page.locator("#merged-notice")).to_contain_text(
        "The record you opened, Rubie Hartley, was merged into this one")
    assert page.url == f"{live_server.url}/front-door/people/{ruby['ruby'].pk}"
    assert blocking_violations(page) == []


def test_practitioner_corrects_a_childs_nhs_number_and_sees_the_change_listed(page, live_server, sign_in, ruby):
    """The merge refused two different NHS numbers: the wrong one is corrected here, with why."""
    Person.objects.filter(pk=ruby["ruby"].pk).update(nhs_number="9434765870")
    practitioner = factories.user(role="practitioner", first="Sam", last="Patel")
    sign_in(practitioner)
    page.goto(f"{live_server.url}/front-door/people/{ruby['ruby'].pk}")
    page.get_by_role("link", name="Change details of Ruby Hartley").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Change details")
    expect(page.get_by_label("NHS number")).to_have_value("9434765870")
    assert blocking_violations(page) == []

    page.get_by_label("NHS number").fill("943 476 5918")  # a slip of the last digit
    page.get_by_role("button", name="Save changes").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter why you are changing these details")
    expect(summary).to_contain_text("The NHS number 9434765918 is not valid")
    assert blocking_violations(page) == []  # the error state too

    page.get_by_label("NHS number").fill("943 476 5919")
    page.get_by_label("Why are you changing these details?").fill("GP surgery confirmed her NHS number")
    page.get_by_role("button", name="Save changes").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Ruby Hartley")
    expect(page.locator(".govuk-summary-list__row", has_text="NHS number")).to_contain_text("9434765919")
    changes = page.get_by_role("table", name="Changes to Ruby Hartley's details and addresses, newest first")
    row = changes.get_by_role("row", name="Sam Patel")
    expect(row).to_contain_text("NHS number: 9434765870 to 9434765919")
    expect(row).to_contain_text("GP surgery confirmed her NHS number")
    assert AccessLogEntry.objects.filter(user=practitioner, target_id=str(ruby["ruby"].pk),
                                         reason="Opened the form to change details").exists()
