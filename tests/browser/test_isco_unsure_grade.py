"""The ISCO opens a notification the tool is unsure about, reads both grades and why, and grades it."""
import pytest
from playwright.sync_api import expect

from frontdoor.agencies.models import Membership
from frontdoor.triage.models import GradeDecision
from tests import factories
from tests.triage.records import jsonl, record

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_isco_sees_the_tool_unsure_between_two_grades_and_grades_it(page, live_server, sign_in, tmp_path):
    isco = factories.user(role=Membership.Role.ISCO, first="Pat", last="Isco")
    unsure = record("WMP-U1", dash_answers={}, children=[],
                    victim={"given_name": "Jo", "family_name": "Bloggs", "dob": "1990-02-01", "pregnant": True},
                    narrative="Sam shoved Jo against the wardrobe when she asked for the car keys.")
    night = tmp_path / "night.jsonl"
    night.write_text(jsonl(unsure))

    sign_in(isco)
    page.get_by_role("link", name="Police notifications").click()
    page.get_by_role("link", name="Import a file").click()
    page.get_by_label("Police notifications file").set_input_files(str(night))
    page.get_by_role("button", name="Import").click()
    page.get_by_role("link", name="WMP-U1").click()

    expect(page.get_by_role("heading", name="Suggested grade: High")).to_be_visible()
    unsure_box = page.locator("#uncertain-between")
    expect(unsure_box.get_by_role("heading", name="Unsure between medium and high")).to_be_visible()
    expect(unsure_box).to_contain_text("Victim is pregnant")
    expect(unsure_box).to_contain_text("a risk factor the matrix lists in its high column")
    expect(page.locator("mark[data-factor=intimidation]")).to_have_text("shoved")

    page.get_by_label("Medium").check()
    page.get_by_role("button", name="Save grade").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter why you are changing the suggested grade")
    page.get_by_label("Rationale").fill("One push, no injury; the midwife is already involved.")
    page.get_by_role("button", name="Save grade").click()
    expect(page.get_by_text("Notification WMP-U1 graded")).to_be_visible()
    decision = GradeDecision.objects.get()
    assert decision.grade == "medium" and decision.suggested_grade == "high" and decision.is_override
