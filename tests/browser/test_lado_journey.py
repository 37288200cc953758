"""A school's designated safeguarding lead refers an allegation against a teaching assistant to the LADO;
the LADO finds it due on their list, considers it, records the allegations management meeting and the
outcome; the referrer sees only the status."""
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from frontdoor.lado.models import LadoReferral
from tests import factories
from tests.browser.axe import blocking_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_refer_consider_meeting_outcome(page, sign_in):
    teacher = factories.user(role="referrer", first="Chris", last="Taylor")
    lado = factories.user(role="lado", first="Sam", last="Reid")

    sign_in(teacher)
    page.get_by_role("link", name="LADO referrals").first.click()
    page.get_by_role("link", name="Refer an allegation to the LADO").click()
    page.get_by_role("button", name="Send to the LADO").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter the name of the adult")
    expect(summary).to_contain_text("Select the type of setting")
    assert blocking_violations(page) == []
    page.get_by_label("Name of the adult the allegation is about").fill("Jon Example")
    page.get_by_label("Their role").fill("Teaching assistant")
    page.get_by_label("Their employer or setting").fill("Oakfield Primary")
    page.get_by_label("Type of setting").select_option("school")
    page.get_by_label("What is alleged").fill("Pushed a Year 4 pupil against a wall")
    page.get_by_label("No").check()
    page.get_by_role("button", name="Send to the LADO").click()
    expect(page.locator("#status")).to_contain_text("Received")

    sign_in(lado)
    page.get_by_role("link", name="LADO referrals").first.click()
    row = page.locator("#waiting").get_by_role("row", name="Jon Example")
    expect(row).to_contain_text("Due")
    assert blocking_violations(page) == []
    row.get_by_role("link", name="Jon Example").click()
    page.get_by_role("button", name="Record the consideration").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select the LADO's decision")
    page.get_by_label("Threshold met: hold an allegations management meeting").check()
    page.get_by_label("Reasons for the decision").fill("Alleged physical harm to a child")
    page.get_by_role("button", name="Record the consideration").click()
    expect(page.locator("#consideration")).to_contain_text("Alleged physical harm")

    today = timezone.localdate()
    form = page.locator("#meeting-form")
    form.get_by_label("Day").fill(str(today.day))
    form.get_by_label("Month").fill(str(today.month))
    form.get_by_label("Year").fill(str(today.year))
    form.get_by_label("Who attended").fill("LADO, head teacher, police")
    form.get_by_label("What the meeting decided").fill("Suspend pending police enquiry")
    page.get_by_role("button", name="Record the meeting").click()
    expect(page.locator(".meeting")).to_contain_text("Suspend pending police enquiry")
    assert blocking_violations(page) == []

    page.get_by_label("Unsubstantiated").check()
    page.get_by_label("Actions agreed").fill("Return to work with a risk assessment")
    page.get_by_role("button", name="Record the outcome").click()
    expect(page.locator("#outcome")).to_contain_text("Unsubstantiated")
    assert LadoReferral.objects.get().outcome == "unsubstantiated"

    sign_in(teacher)
    page.get_by_role("link", name="LADO referrals").first.click()
    page.get_by_role("link", name="Jon Example").click()
    expect(page.locator("#status")).to_contain_text("Closed")
    expect(page.locator("body")).not_to_contain_text("Unsubstantiated")
