"""A teacher tells the Front Door about a worry: validation, the urgent path, check your answers, reference."""
import pytest
from playwright.sync_api import expect

from frontdoor.intake.models import Contact
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _answer_questions(page, *, urgent: bool):
    page.get_by_role("link", name="Tell us about a concern").click()
    groups = page.locator("fieldset.govuk-fieldset")
    for index in range(groups.count()):
        answer = "Yes" if urgent and index == 0 else "No"
        if index == 3:
            answer = "Yes"
        groups.nth(index).get_by_label(answer, exact=True).check()
    page.get_by_role("button", name="Continue").click()


def _fill_details(page):
    page.get_by_label("First name").fill("Ruby")
    page.get_by_label("Last name").first.fill("Hartley")
    dob = page.locator("#id_child-0-date_of_birth")
    dob.get_by_label("Day").fill("14")
    dob.get_by_label("Month").fill("3")
    dob.get_by_label("Year").fill("2017")
    page.get_by_label("Postcode").fill("fd1 2ab")
    page.get_by_label("What is happening now?").fill(
        "This morning at 08:45 Ruby told her teacher that her mum's boyfriend threw a plate at her mum last night "
        "and she hid under her bed. She was tearful and said she did not want to go home today.")
    page.get_by_label("What has your agency already done?").fill("Her teacher listened and wrote down her words.")
    page.get_by_label("Consent not sought").check()


def test_referrer_sees_errors_then_sends_a_concern_and_gets_a_reference(page, live_server, sign_in):
    teacher = factories.user(agency_=factories.agency(name="Oakfield Primary"), first="Chris", last="Taylor",
                             email="chris@oakfield.example")
    sign_in(teacher)
    _answer_questions(page, urgent=False)

    page.get_by_label("What is happening now?").fill("")
    page.get_by_role("button", name="Continue").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_contain_text("Enter what is happening now")
    expect(summary).to_contain_text("Enter the child's name, or what you know about them")

    _fill_details(page)
    page.get_by_role("button", name="Continue").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter why consent was not sought")
    page.get_by_label("If consent was not sought, why not?").fill("Asking would put Ruby at risk of harm")
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", name="Check your answers before sending")).to_be_visible()
    expect(page.get_by_text("Ruby Hartley")).to_be_visible()
    page.get_by_role("button", name="Send to the Family Front Door").click()

    expect(page.get_by_role("heading", name="Contact sent")).to_be_visible()
    reference = page.locator("#reference").inner_text()
    contact = Contact.objects.get(reference=reference)
    assert not contact.is_urgent
    assert contact.children.get().postcode == "FD1 2AB"
    assert "Ruby" not in page.url


def test_a_yes_to_immediate_safety_shows_the_phone_number_and_goes_to_the_top_of_the_queue(page, live_server, sign_in):
    teacher = factories.user(agency_=factories.agency(name="Oakfield Primary"))
    sign_in(teacher)
    _answer_questions(page, urgent=True)

    expect(page.get_by_role("heading", name="Call the Family Front Door now")).to_be_visible()
    expect(page.locator(".govuk-panel")).to_contain_text("01632 960666")  # the demo area's number (settings.FRONTDOOR_AREA)
    page.get_by_role("link", name="I have phoned – continue to the form").click()
    _fill_details(page)
    page.get_by_label("If consent was not sought, why not?").fill("Asking would put Ruby at risk of harm")
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="Send to the Family Front Door").click()

    expect(page.get_by_role("heading", name="Contact sent")).to_be_visible()
    contact = Contact.objects.get()
    assert contact.is_urgent
    sign_in(factories.user(role="practitioner"))
    page.get_by_role("link", name="Contacts queue").click()
    first_row = page.locator("#queue tbody tr").first
    expect(first_row).to_contain_text("Urgent")
    expect(first_row).to_contain_text(contact.reference)
