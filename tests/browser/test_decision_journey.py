"""Practitioner identifies the child and decides; manager authorises; the referrer sees the outcome and letter."""
import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from frontdoor.intake.models import Contact
from frontdoor.messaging.services import outbox_dispatch_pending
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_contact_to_authorised_outcome_letter(page, live_server, sign_in):
    school = factories.agency(name="Oakfield Primary")
    teacher = factories.user(agency_=school, first="Chris", last="Taylor")
    practitioner = factories.user(role="practitioner", first="Sam", last="Patel")
    manager = factories.user(role="manager", agency_=practitioner.membership.agency, first="Alex", last="Morgan")
    ruby = factories.person(nhs_number="9434765919")
    factories.person(given_name="Rose", date_of_birth=ruby.date_of_birth.replace(year=2015))  # sister: same surname, address
    contact = factories.contact(submitted_by=teacher)

    sign_in(practitioner)
    page.get_by_role("link", name="Contacts queue").click()
    page.get_by_role("link", name=contact.reference).click()
    page.get_by_role("link", name="Find Ruby Hartley in the person index").click()
    results = page.locator(".govuk-summary-card")
    expect(results).to_have_count(1)
    expect(results.first).to_contain_text("9434765919")
    page.get_by_role("button", name="This is Ruby Hartley: link").click()
    expect(page.locator(".govuk-summary-card").get_by_text("Linked to Ruby Hartley")).to_be_visible()

    page.get_by_label("Level 3 Threshold – Children with complex needs").check()
    page.get_by_label("Social work assessment (child in need)").first.check()
    page.get_by_role("button", name="Send for authorisation").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the rationale for the decision")
    page.get_by_label("Rationale").fill("Ruby witnessed domestic abuse and is frightened to go home: assess.")
    page.get_by_role("button", name="Send for authorisation").click()
    expect(page.get_by_text("sent for authorisation")).to_be_visible()

    sign_in(manager)
    page.get_by_role("link", name="Decisions to authorise").click()
    page.get_by_role("link", name=contact.reference).click()
    page.get_by_role("button", name="Authorise and send the letter").click()
    expect(page.get_by_text("authorised; the outcome letter is on its way")).to_be_visible()
    assert outbox_dispatch_pending() >= 1

    sign_in(teacher)
    page.get_by_role("link", name="Your contacts").click()
    page.get_by_role("link", name=contact.reference).click()
    expect(page.locator("#outcome-level")).to_contain_text("Level 3 Threshold")
    link = page.get_by_role("link", name="Download the Referral Outcome Notification (PDF)")
    response = page.request.get(f"{live_server.url}{link.get_attribute('href')}")
    assert response.headers["content-type"] == "application/pdf"
    pdf = PdfReader(io.BytesIO(response.body()))
    text = "\n".join(p.extract_text() for p in pdf.pages)
    assert "Level 3 Threshold" in text and "Ruby Hartley" in text and "Chris Taylor" in text and "Sam Patel" in text
    assert Contact.objects.get(pk=contact.pk).status == Contact.Status.AUTHORISED


def test_referrer_cannot_reach_another_agencys_contact(page, live_server, sign_in):
    other_school_contact = factories.contact(submitted_by=factories.user(agency_=factories.agency(name="Elm High")))
    teacher = factories.user(agency_=factories.agency(name="Oakfield Primary"))

    sign_in(teacher)
    for path in (f"/my-contacts/{other_school_contact.pk}", f"/front-door/contacts/{other_school_contact.pk}",
                 f"/contacts/{other_school_contact.pk}/outcome-letter.pdf"):
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 404
        expect(page.locator("body")).not_to_contain_text("Ruby")
