"""A Front Door practitioner screens a child named in a contact for exploitation: is told what is unanswered,
sees the suggested level with the answer that moved it, decides, and the screening goes to the exploitation
team; the screening is on the list with the cohort figures."""
import pytest
from playwright.sync_api import expect

from frontdoor.exploitation.models import CseScreening
from frontdoor.messaging.models import OutboxMessage
from frontdoor.screening.tools import load_tool
from tests import factories
from tests.browser.axe import blocking_violations
from tests.exploitation.helpers import contact_with_child

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_practitioner_screens_a_child_from_a_contact_and_refers_them(page, sign_in, live_server):
    practitioner = factories.user(role="practitioner", first="Priya", last="Shah")
    contact, _ = contact_with_child()

    sign_in(practitioner)
    page.goto(f"{live_server.url}/front-door/contacts/{contact.pk}")
    page.get_by_role("link", name="Complete an exploitation screening").click()
    expect(page.locator(".govuk-warning-text")).to_contain_text("This is an EXAMPLE screening tool")
    page.get_by_role("button", name="Suggest a level").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select whether the child has special educational needs")
    assert blocking_violations(page) == []

    page.get_by_label("Ruby Hartley").check()
    for question in load_tool("cse_example").indicators:
        group = page.get_by_role("group", name=question.text)
        group.get_by_label("Yes" if question.id == "example_disclosure" else "No").check()
    page.get_by_label("SEN support").check()
    page.get_by_role("button", name="Suggest a level").click()
    expect(page.locator("#suggestion")).to_have_text("Suggested level: Medium (the exploitation team advises)")
    expect(page.get_by_text("example_disclosure answered yes")).to_be_visible()
    assert blocking_violations(page) == []

    page.get_by_label("Reason for your decision").fill("Ruby named the man who gives her lifts.")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("and sent to the exploitation team")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Ruby named the man who gives her lifts.")
    assert blocking_violations(page) == []

    page.get_by_role("link", name="Back to exploitation screenings").click()
    expect(page.get_by_role("row", name="Ruby Hartley")).to_contain_text("Sent")
    expect(page.locator("main")).to_contain_text("1 screening tool completed, 1 sent to the exploitation team")
    assert blocking_violations(page) == []
    assert CseScreening.objects.get().decided_level == "medium"
    assert OutboxMessage.objects.filter(kind="cse_referral").count() == 1
