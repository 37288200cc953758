"""Level 2 -> early help -> step up: an authorised Level 2 decision offers early help; the lead
professional records the family's consent, the Early Help Assessment and a team around the child
meeting, sees what is due next on My early help families, and steps the child up to social care."""
from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from frontdoor.casework.calendar import add_working_days
from frontdoor.casework.clocks import EHA_DUE_WORKING_DAYS, TAC_REVIEW_WEEKS
from frontdoor.casework.models import EarlyHelpOffer, Episode, Team
from tests import factories
from tests.browser.axe import blocking_violations
from tests.casework.journey import decided

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fill_date(page, legend: str, day: date) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def test_lead_professional_takes_on_an_offer_records_the_work_and_steps_the_child_up(page, sign_in):
    practitioner = factories.user(role="practitioner")
    manager = factories.user(role="manager", agency_=practitioner.membership.agency)
    Team.objects.create(name="Assessment team", receives_referrals=True)
    decided((practitioner, manager), level=2, codes=["L2.2"])
    lead = factories.user(role="early_help_lead", first="Lee", last="Fox")
    today = timezone.localdate()

    sign_in(lead)
    page.get_by_role("link", name="My early help families", exact=True).click()
    expect(page.get_by_role("table", name="Offers waiting for a lead professional")).to_contain_text("Ruby Hartley")
    assert blocking_violations(page) == []
    page.get_by_role("link", name="Ruby Hartley").click()
    page.get_by_role("link", name="Record the family's answer").click()
    page.get_by_role("button", name="Record the family's answer").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose whether the family agreed to early help")
    page.get_by_label("Yes, they agreed").check()
    _fill_date(page, "Date the family answered", today)
    page.get_by_label("Lead professional (when they agreed)").select_option(label="Lee Fox")
    page.get_by_role("button", name="Record the family's answer").click()
    expect(page.get_by_text("The family's answer is recorded")).to_be_visible()
    eha_due = add_working_days(today, EHA_DUE_WORKING_DAYS)
    expect(page.get_by_text(f"Early help assessment by {eha_due:%A %-d %B %Y}")).to_be_visible()

    page.get_by_role("link", name="My early help families", exact=True).click()
    expect(page.get_by_role("row", name="Ruby Hartley")).to_contain_text(f"Early help assessment by {eha_due:%-d %b %Y}")
    page.get_by_role("link", name="Ruby Hartley").click()
    page.get_by_role("link", name="Record the early help assessment").click()
    _fill_date(page, "Date the early help assessment started", today)
    _fill_date(page, "Date the early help assessment was completed (optional)", today)
    page.get_by_role("button", name="Record the early help assessment").click()
    page.get_by_role("link", name="Record a team around the child meeting").click()
    _fill_date(page, "Date the meeting was held", today)
    page.get_by_label("School").check()
    page.get_by_label("Health").check()
    page.get_by_role("button", name="Record a team around the child meeting").click()
    tac_due = today + timedelta(weeks=TAC_REVIEW_WEEKS)
    expect(page.get_by_text(f"Team around the child meeting by {tac_due:%A %-d %B %Y}")).to_be_visible()
    expect(page.get_by_text("School, Health")).to_be_visible()

    page.get_by_role("link", name="Close early help").click()
    _fill_date(page, "Date early help ended", today)
    page.get_by_label("Stepped up to social care").check()
    page.get_by_role("button", name="Close early help").click()
    expect(page.get_by_text("Stepped up to social care")).to_be_visible()
    offer = EarlyHelpOffer.objects.get()
    assert offer.stepped_up_to == Episode.objects.get(source=Episode.Source.LA_EARLY_HELP)
