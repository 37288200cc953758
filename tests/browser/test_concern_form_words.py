"""The concern form reads like GOV.UK: a message per unanswered question, postcode and phone checked,
every answer on check-your-answers with a change link back to its question, an urgent sent page without
the one-working-day promise, and the contact page naming flags and agency questions in words."""
import pytest
from playwright.sync_api import expect

from frontdoor.agencies.models import Agency
from frontdoor.intake.models import Contact
from tests import factories
from tests.browser.axe import blocking_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _answer(page, *, urgent: bool):
    groups = page.locator("fieldset.govuk-fieldset")
    for index in range(groups.count()):
        answer = "Yes" if (urgent and index == 0) or index == 3 else "No"
        groups.nth(index).get_by_label(answer, exact=True).check()
    page.get_by_role("button", name="Continue").click()


def _fill_details(page, *, postcode="FD1 2AB", phone="01632 960001"):
    page.get_by_label("First name").fill("Ruby")
    page.get_by_label("Last name").first.fill("Hartley")
    page.get_by_label("Postcode").fill(postcode)
    page.get_by_label("Phone number we can reach you on").fill(phone)
    page.get_by_label("What is happening now?").fill(
        "This morning at 08:45 Ruby told her teacher that her mum's boyfriend threw a plate at her mum last night.")
    page.get_by_label("What has your agency already done?").fill("Her teacher listened and wrote down her words.")
    page.get_by_label("How did this concern come to your attention").fill("Ruby told her class teacher")
    page.get_by_label("Consent not sought").check()
    page.get_by_label("If consent was not sought, why not?").fill("Asking would put Ruby at risk of harm")


def test_a_referrer_meets_plain_messages_and_checks_every_answer(page, live_server, sign_in):
    sign_in(factories.user(agency_=factories.agency(kind=Agency.Kind.SCHOOL, name="Oakfield Primary")))
    page.get_by_role("link", name="Tell us about a concern").click()
    page.get_by_role("button", name="Continue").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Select yes if a child is in danger right now, or will be if nothing is done today")
    expect(summary).not_to_contain_text("Select yes if is a")
    _answer(page, urgent=False)

    _fill_details(page, postcode="FD1", phone="12345")
    page.get_by_role("button", name="Add a family or household member").click()
    page.locator("#id_family-0-name").fill("Dawn Hartley")
    page.get_by_label("Relationship to the child").fill("Mother")
    page.get_by_role("button", name="Continue").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter a real UK postcode, like WR1 2AB")
    expect(summary).to_contain_text("Enter a UK phone number, like 01632 960 001")
    expect(page.locator("body")).not_to_contain_text("ManagementForm")
    page.get_by_label("Postcode").fill("fd1 2ab")
    page.get_by_label("Phone number we can reach you on").fill("01632 960001")
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", name="Check your answers before sending")).to_be_visible()
    main = page.locator("main")
    expect(main).to_contain_text("Dawn Hartley (Mother)")
    expect(main).to_contain_text("How did this concern come to your attention")
    expect(main).to_contain_text("Ruby told her class teacher")
    expect(main).to_contain_text("Consent not sought: Asking would put Ruby at risk of harm")
    expect(main).not_to_contain_text("not_sought")
    assert blocking_violations(page) == []

    page.get_by_role("link", name="Change family or household member 1").click()
    expect(page).to_have_url(f"{live_server.url}/concern/details#id_family-0-name")
    expect(page.locator("#id_family-0-name")).to_have_value("Dawn Hartley")
    page.locator("#id_family-0-name").fill("Dawn Louise Hartley")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("main")).to_contain_text("Dawn Louise Hartley (Mother)")
    page.get_by_role("button", name="Send to the Family Front Door").click()

    expect(page.get_by_role("heading", name="Contact sent")).to_be_visible()
    expect(page.locator("#next-steps")).to_contain_text("within one working day")
    contact = Contact.objects.get()
    assert contact.children.get().postcode == "FD1 2AB"
    assert contact.family_members.get().name == "Dawn Louise Hartley"


def test_the_urgent_route_does_not_promise_a_decision_in_a_working_day(page, live_server, sign_in):
    sign_in(factories.user(agency_=factories.agency(kind=Agency.Kind.SCHOOL, name="Oakfield Primary")))
    page.get_by_role("link", name="Tell us about a concern").click()
    _answer(page, urgent=True)
    page.get_by_role("link", name="I have phoned – continue to the form").click()
    _fill_details(page)
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="Send to the Family Front Door").click()

    expect(page.get_by_role("heading", name="Contact sent")).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("within one working day")
    expect(page.locator("#next-steps")).to_contain_text("top of the urgent queue")


def test_the_contact_page_names_agency_questions_and_flags_in_words(page, live_server, sign_in):
    school = factories.agency(kind=Agency.Kind.SCHOOL, name="Oakfield Primary")
    contact = factories.contact(submitted_by=factories.user(agency_=school), concern_past="", agency_answers={
        "education_aware_at": "Monday 08:45"})
    assert any("_" in flag["code"] for flag in contact.quality_flags), "a flag whose code has two words"
    sign_in(factories.user(role="practitioner"))
    page.goto(f"{live_server.url}/front-door/contacts/{contact.pk}")
    main = page.locator("main")
    expect(main).to_contain_text("What time and date were you made aware of this concern (if a specific incident)")
    expect(main).not_to_contain_text("education_aware_at")
    tags = main.locator(".fd-flag .govuk-tag").all_inner_texts()
    assert tags and all(" " in tag or tag in {"Jargon", "Acronym"} for tag in tags), tags
