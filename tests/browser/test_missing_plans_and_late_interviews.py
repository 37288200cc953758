"""A missing children coordinator finds a repeat missing child with no risk management plan, is told what
the plan form is missing, records the MARAMP and an action, and sees the review due; a return interview past
its 72 hours shows its responsible team, is escalated once, and the Front Door manager finds it on their list."""
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from frontdoor.messaging.models import OutboxMessage
from frontdoor.missing import services
from frontdoor.missing.models import RiskPlan
from tests import factories
from tests.browser.axe import blocking_violations
from tests.missing.episodes import episodes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fill_date(page, group, day):
    fieldset = page.get_by_role("group", name=group)
    fieldset.get_by_label("Day").fill(str(day.day))
    fieldset.get_by_label("Month").fill(str(day.month))
    fieldset.get_by_label("Year").fill(str(day.year))


def test_coordinator_records_a_plan_and_the_manager_sees_the_late_interview(page, sign_in):
    coordinator = factories.user(role="missing_coordinator", first="Dana", last="Brooks")
    manager = factories.user(role="manager", first="Alex", last="Morgan", email="alex@example.test")
    episodes(factories.person(), 3)
    episodes(factories.person(given_name="Amir", family_name="Khan"), 1, returned_hours_ago=80)

    sign_in(coordinator)
    page.get_by_role("link", name="Missing children").first.click()
    row = page.locator("#plans").get_by_role("row", name="Ruby Hartley")
    expect(row).to_contain_text("No plan")
    row.get_by_role("link", name="Ruby Hartley").click()
    page.get_by_role("button", name="Record the plan").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select the agencies who took part")

    today = timezone.localdate()
    _fill_date(page, "Date of the risk assessment meeting", today)
    page.get_by_label("Police", exact=True).check()
    page.get_by_label("Exploitation team").check()
    page.get_by_label("Risks identified").fill("Seen with older males in a car")
    page.get_by_role("button", name="Record the plan").click()
    expect(page.locator("#plan")).to_contain_text("Police, Exploitation team")
    expect(page.get_by_text(f"Review due {(today + timedelta(days=42)).strftime('%-d %b %Y')}")).to_be_visible()

    page.get_by_label("Action", exact=True).fill("Disruption visit")
    page.get_by_label("Who owns it (name and agency)").fill("PC Shah, police")
    _fill_date(page, "Date the action is due", today + timedelta(days=5))
    page.get_by_role("button", name="Add the action").click()
    expect(page.locator("#actions")).to_contain_text("PC Shah, police")
    page.locator("#actions").get_by_role("button", name="Mark done").click()
    expect(page.locator("#actions")).to_contain_text(today.strftime("%-d %b %Y"))
    assert blocking_violations(page) == []
    assert RiskPlan.objects.get().actions.get().done_on == today

    page.get_by_role("link", name="Back to missing children").click()
    late = page.locator("#interviews").get_by_role("row", name="Amir Khan")
    expect(late).to_contain_text("Missing children team")
    expect(late).to_contain_text("Overdue")
    services.late_interviews_escalate()
    services.late_interviews_escalate()
    assert OutboxMessage.objects.filter(kind="missing_late_interview", to_address=manager.email).count() == 1

    sign_in(manager)
    page.get_by_role("link", name="Late return interviews").click()
    row = page.get_by_role("row", name="Amir Khan")
    expect(row).to_contain_text("Missing children team")
    expect(row).to_contain_text("hours overdue")
    assert blocking_violations(page) == []
