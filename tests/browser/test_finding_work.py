"""Finding and sharing out work at the front door: the queue's search, filters and assigning; the person search;
the decisions to authorise with their urgency and children."""
from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from frontdoor.agencies.models import Agency
from frontdoor.decisions.models import Decision
from frontdoor.governance.models import AccessLogEntry
from frontdoor.intake.models import Contact
from frontdoor.intake.services import contact_assign
from frontdoor.people.models import Person
from tests import factories
from tests.browser.axe import blocking_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _team():
    practitioner = factories.user(role="practitioner", first="Sam", last="Patel")
    colleague = factories.user(role="practitioner", agency_=practitioner.membership.agency, first="Jo", last="Khan")
    return practitioner, colleague


def test_queue_search_is_posted_and_filters_narrow_the_list(page, live_server, sign_in):
    practitioner, _ = _team()
    ruby = factories.contact(submitted_by=factories.user(agency_=factories.agency(name="Oakfield Primary")))
    tyler = factories.contact(
        submitted_by=factories.user(agency_=factories.agency(kind=Agency.Kind.GP, name="Riverside Surgery")),
        referrer_name="Dr Jo Brown", children=(factories.child_draft(given_name="Tyler", family_name="Brooks"),))
    Contact.objects.filter(pk=tyler.pk).update(is_urgent=True, decision_due_at=timezone.now() - timedelta(hours=2))

    sign_in(practitioner)
    page.get_by_role("link", name="Contacts queue").click()
    rows = page.locator("#queue tbody tr")
    expect(rows).to_have_count(2)
    page.get_by_label("Search by child, reference, referrer or agency").fill("Tyler")
    page.get_by_role("button", name="Search").click()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(tyler.reference)
    expect(page.locator("#queue-count")).to_contain_text("1 contact found")
    assert "Tyler" not in page.url and "q=" not in page.url
    assert blocking_violations(page) == []

    page.get_by_label("Search by child, reference, referrer or agency").fill("Oakfield")
    page.get_by_role("button", name="Search").click()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(ruby.reference)

    page.goto(f"{live_server.url}/front-door/queue?overdue=1")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(tyler.reference)
    page.goto(f"{live_server.url}/front-door/queue?agency_kind=school")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(ruby.reference)
    page.goto(f"{live_server.url}/front-door/queue?q=Ruby")  # a name in the address is ignored
    expect(rows).to_have_count(2)

    page.goto(f"{live_server.url}/front-door/queue")
    page.get_by_text("Filters").click()
    page.get_by_label("Urgent only").check()
    page.get_by_role("button", name="Search").click()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Urgent")
    expect(rows.first).to_contain_text(tyler.reference)


def test_assign_to_me_from_the_queue_and_to_a_colleague_from_the_contact(page, live_server, sign_in):
    practitioner, colleague = _team()
    contact = factories.contact()

    sign_in(practitioner)
    page.get_by_role("link", name="Contacts queue").click()
    row = page.locator("#queue tbody tr").first
    expect(row).to_contain_text("Not assigned")
    row.get_by_role("button", name=f"Assign to me {contact.reference}").click()
    expect(page.get_by_text(f"Contact {contact.reference} assigned to you")).to_be_visible()
    expect(page.locator("#queue tbody tr").first).to_contain_text("Sam Patel")

    page.get_by_role("link", name=contact.reference).click()
    expect(page.locator("#assignment")).to_contain_text("Assigned to Sam Patel")
    page.get_by_label("Assign to a colleague").select_option(label="Jo Khan")
    page.get_by_role("button", name="Assign", exact=True).click()
    expect(page.get_by_text(f"Contact {contact.reference} assigned to Jo Khan")).to_be_visible()
    expect(page.locator("#assignment")).to_contain_text("Assigned to Jo Khan")
    assert blocking_violations(page) == []
    assert AccessLogEntry.objects.filter(user=practitioner, action="update", target_id=str(contact.pk)).count() == 2

    # Someone else takes it while this page is open: the stale form gets the conflict message.
    taken = Contact.objects.get(pk=contact.pk)
    contact_assign(contact=taken, user=colleague, version=taken.version, assignee=practitioner)
    page.get_by_label("Assign to a colleague").select_option(label="Jo Khan")
    page.get_by_role("button", name="Assign", exact=True).click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Someone else changed this contact")
    page.get_by_role("button", name="Assign", exact=True).click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Someone else changed this contact")


def test_assign_without_choosing_a_colleague_gets_an_error(page, live_server, sign_in):
    practitioner, _ = _team()
    contact = factories.contact()

    sign_in(practitioner)
    page.goto(f"{live_server.url}/front-door/contacts/{contact.pk}")
    page.get_by_role("button", name="Assign", exact=True).click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select who to assign the contact to")


def test_find_tyler_at_nettlecombe_vale_without_a_surname(page, live_server, sign_in):
    practitioner, _ = _team()
    school = factories.agency(name="Nettlecombe Vale Primary School")
    tyler = factories.person(given_name="Tyler", family_name="Brooks", date_of_birth=date(2017, 6, 1))
    Person.objects.filter(pk=tyler.pk).update(school=school)
    factories.person(given_name="Tyler", family_name="Hughes", date_of_birth=date(2012, 1, 5))

    sign_in(practitioner)
    page.get_by_role("link", name="Find a person").click()
    page.get_by_role("button", name="Search").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter a name, date of birth, age, school, postcode or NHS number to search")
    page.get_by_label("First name").fill("Tyler")
    page.get_by_label("School").fill("Nettlecombe Vale")
    page.get_by_role("button", name="Search").click()
    rows = page.locator("#results tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Nettlecombe Vale Primary School")
    assert "Tyler" not in page.url
    assert blocking_violations(page) == []
    assert AccessLogEntry.objects.filter(user=practitioner, reason="Shown in a person search",
                                         target_id=str(tyler.pk)).exists()

    page.get_by_label("NHS number").fill("9434765918")
    page.get_by_role("button", name="Search").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("is not valid")
    page.get_by_label("NHS number").fill("")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="Tyler Brooks").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Tyler Brooks")


def test_referrer_cannot_use_the_person_search(page, live_server, sign_in):
    sign_in(factories.user())
    response = page.goto(f"{live_server.url}/front-door/people/search")
    assert response.status in (403, 404)


def test_authorisations_show_urgency_and_the_children(page, live_server, sign_in):
    manager = factories.user(role="manager", first="Alex", last="Morgan")
    urgent = factories.contact(children=(factories.child_draft(given_name="Tyler", family_name="Brooks"),))
    routine = factories.contact()
    Contact.objects.filter(pk=urgent.pk).update(is_urgent=True)
    for contact in (urgent, routine):
        Decision.objects.create(contact=contact, level=3, rationale="Assess.", decided_by=manager, tool_id="test",
                                tool_version="1", decided_at=timezone.now(), status=Decision.Status.AWAITING_AUTHORISATION, social_worker_name="Sam Patel")
    sign_in(manager)
    page.get_by_role("link", name="Decisions to authorise").click()
    rows = page.locator("tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("Urgent")
    expect(rows.first).to_contain_text("Tyler Brooks")
    expect(rows.nth(1)).to_contain_text("Ruby Hartley")
    expect(rows.nth(1)).not_to_contain_text("Urgent")
    assert blocking_violations(page) == []
