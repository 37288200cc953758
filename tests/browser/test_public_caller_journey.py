"""A neighbour phones the Front Door; consent refused on a support outcome; a community social worker's advice."""
import pytest
from playwright.sync_api import expect

from frontdoor.intake.models import Contact
from frontdoor.messaging.models import OutboxMessage
from tests import factories
from tests.browser.axe import blocking_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_neighbours_call_is_recorded_with_its_source_and_what_may_be_told(page, live_server, sign_in):
    practitioner = factories.user(role="practitioner", first="Sam", last="Patel")

    sign_in(practitioner)
    page.get_by_role("link", name="Record a phone or email contact").click()
    page.get_by_label("Acquaintance, such as a neighbour or a child minder").check()
    expect(page.locator("#what-to-tell-the-caller")).to_contain_text("only that the contact was received")
    assert blocking_violations(page) == []
    page.get_by_role("radio", name="Phone").check()
    page.get_by_role("group", name="Is a child at immediate risk of harm?").get_by_label("No").check()
    page.get_by_label("Referrer's full name").fill("Dev Shah")
    page.get_by_label("Referrer's email address (for the outcome letter)").fill("dev@example.org")
    page.get_by_label("First name").fill("Ruby")
    page.get_by_label("School or nursery").fill("Oakfield Primary")
    page.get_by_label("What is happening now?").fill("Neighbour heard Ruby crying alone in the flat all evening.")
    page.get_by_label("Consent not sought").check()
    page.get_by_label("If consent was not sought, why not?").fill("A neighbour's call")
    page.get_by_role("button", name="Save contact").click()

    expect(page.get_by_text("Phone from Acquaintance, such as a neighbour or a child minder")).to_be_visible()
    expect(page.locator("#disclosure")).to_contain_text("Only that the contact was received")
    assert blocking_violations(page) == []
    contact = Contact.objects.get()
    assert (contact.caller_source, contact.referrer_agency_id) == ("1B", None)
    assert "we cannot tell you what we decide" in OutboxMessage.objects.get(kind="contact_acknowledgement").body


def test_a_support_outcome_after_a_refusal_asks_for_the_lawful_basis(page, live_server, sign_in):
    practitioner = factories.user(role="practitioner", first="Sam", last="Patel")
    contact = factories.contact(consent="refused", consent_reason="", early_help_advice=True)
    adviser = factories.user(role="early_help_lead", first="Lee", last="Fox")

    sign_in(practitioner)
    page.goto(f"{live_server.url}/front-door/contacts/{contact.pk}")
    expect(page.locator("#consent-guidance")).to_contain_text(
        "might place the child or another person at immediate risk of harm")
    page.get_by_label("Level 2 Threshold – Children in Need of Early Help").check()
    page.get_by_label("An offer of early help needs to be made in the first instance").check()
    page.get_by_label("Rationale").fill("Ruby's needs can be met by early help.")
    page.get_by_label("why can the decision not wait?").fill("Ruby is not yet in the person index")
    page.get_by_role("button", name="Send for authorisation").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("enter the lawful basis for going ahead without it")
    page.get_by_label("what is the lawful basis for going ahead without it?").fill(
        "Ruby's safety may be at risk: shared under the Data Protection Act 2018")
    page.get_by_role("button", name="Send for authorisation").click()
    expect(page.get_by_text("sent for authorisation")).to_be_visible()
    expect(page.locator("#consent-basis")).to_contain_text("Ruby's safety may be at risk")

    sign_in(adviser)
    page.get_by_role("link", name="Early help advice requests").click()
    page.get_by_role("link", name=contact.reference).click()
    page.get_by_role("button", name="Send the advice").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your advice for the referrer")
    assert blocking_violations(page) == []
    page.get_by_label("Your advice for the referrer").fill("Start an Early Help Assessment with mum's agreement.")
    page.get_by_role("button", name="Send the advice").click()
    expect(page.get_by_text("Advice sent to Chris Taylor")).to_be_visible()
    expect(page.locator("#advice-requests")).to_contain_text("Advice given")
    assert blocking_violations(page) == []
