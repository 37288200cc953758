"""The social worker records that the police took the child into protection, on the section 47
enquiry's own page: an empty form is sent back with the error summary, a date in the future is
refused, and the episode page then shows the protection beside the enquiry (for Annex A list 7)."""
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from frontdoor.casework.models import Episode, Section47Enquiry
from tests.browser.axe import blocking_violations
from tests.browser.test_child_protection_journey import _fill_date
from tests.casework.journey import enquiry_opened, team_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_social_worker_records_police_protection_on_the_enquirys_page(page, sign_in, live_server):
    staff = team_staff()
    *_, team_manager, worker = staff
    enquiry = enquiry_opened(staff)
    protected_on = timezone.localdate() - timedelta(days=40)
    Episode.objects.filter(pk=enquiry.episode_id).update(referral_date=protected_on - timedelta(days=1),
                                                         allocated_to=worker)

    sign_in(worker)
    page.goto(f"{live_server.url}/social-care/episodes/{enquiry.episode_id}")
    expect(page.locator("dl", has_text="Emergency protection")).to_contain_text("None recorded")
    page.get_by_role("link", name="Record an emergency protection order or police protection").click()
    page.get_by_role("button", name="Record emergency protection").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Choose an emergency protection order or police protection")
    expect(summary).to_contain_text("Enter the date the order was made or the police took the child into protection")
    assert blocking_violations(page) == []
    page.get_by_label("Police protection (Children Act 1989, section 46)").check()
    _fill_date(page, timezone.localdate() + timedelta(days=2))
    page.get_by_role("button", name="Record emergency protection").click()
    expect(summary).to_contain_text("must be today or in the past")
    _fill_date(page, protected_on)
    page.get_by_role("button", name="Record emergency protection").click()

    expect(page.get_by_text("Emergency protection recorded", exact=True)).to_be_visible()
    expect(page.locator("dl", has_text="Emergency protection")).to_contain_text(
        f"Police protection (Children Act 1989, section 46), {protected_on:%-d %B %Y}")
    assert Section47Enquiry.objects.get().emergency_protection_on == protected_on
