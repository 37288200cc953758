"""The ISCO imports a night's police notifications, fixes a quarantined row, and grades one against the suggestion."""
import pytest
from playwright.sync_api import expect

from frontdoor.agencies.models import Membership
from frontdoor.triage.models import GradeDecision
from tests import factories
from tests.triage.records import jsonl, record

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_isco_imports_fixes_and_grades(page, live_server, sign_in, tmp_path):
    isco = factories.user(role=Membership.Role.ISCO, first="Pat", last="Isco")
    bad = record("WMP-2", victim={"given_name": "Jo", "family_name": "Bloggs", "dob": "01/02/1990"})
    night = tmp_path / "night.jsonl"
    night.write_text(jsonl(record("WMP-1"), bad))

    sign_in(isco)
    page.get_by_role("link", name="Police notifications").click()
    page.get_by_role("link", name="Import a file").click()
    page.get_by_label("Police notifications file").set_input_files(str(night))
    page.get_by_role("button", name="Import").click()
    expect(page.locator("#count-stored")).to_have_text("1")
    expect(page.locator("#count-quarantined")).to_have_text("1")
    expect(page.get_by_text("Enter the victim's date of birth as YYYY-MM-DD")).to_be_visible()

    page.get_by_role("link", name="Correct line 2").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("victim.dob")
    page.get_by_label("victim.dob").fill("1990-02-01")
    page.get_by_role("button", name="Import corrected row").click()
    expect(page.get_by_text("Notification WMP-2 imported")).to_be_visible()

    expect(page.locator("mark[data-factor]").first).to_be_visible()
    expect(page.get_by_role("heading", name="Suggested grade: High")).to_be_visible()
    page.get_by_label("Standard").check()
    page.get_by_role("button", name="Save grade").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter why you are changing the suggested grade")
    page.get_by_label("Rationale").fill("Children were asleep upstairs; police confirm they saw nothing.")
    page.get_by_role("button", name="Save grade").click()
    expect(page.get_by_text("Notification WMP-2 graded")).to_be_visible()
    expect(page.locator("#current-grade")).to_contain_text("Standard")
    decision = GradeDecision.objects.get()
    assert decision.is_override and decision.decided_by == isco and decision.suggested_grade == "high"
