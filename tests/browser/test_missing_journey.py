"""A missing children coordinator imports the police's report, finds the child's return interview due,
is told what is missing from the interview form, records it, and sees it on the episode."""
import json
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from frontdoor.missing.models import ReturnInterview
from tests import factories
from tests.missing.reports import report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordinator_imports_a_report_and_records_the_return_interview(page, sign_in, tmp_path):
    coordinator = factories.user(role="missing_coordinator", first="Dana", last="Brooks")
    now = timezone.now()
    returned = now - timedelta(hours=5)
    path = tmp_path / "daily.jsonl"
    path.write_text("\n".join([
        json.dumps(report(missing_from=(now - timedelta(days=1)).isoformat(),
                          reported_at=(now - timedelta(hours=23)).isoformat(), returned_at=returned.isoformat())),
        json.dumps(report(police_reference="MP-BAD", missing_from="yesterday")),
    ]))

    sign_in(coordinator)
    page.get_by_role("link", name="Missing children").first.click()
    page.get_by_role("link", name="Import missing-person reports").click()
    page.get_by_label("Missing-person reports file").set_input_files(str(path))
    page.get_by_role("button", name="Import").click()
    expect(page.locator("#summary")).to_contain_text("1 stored, 0 updated, 0 already stored, 1 quarantined")
    expect(page.locator("#quarantined")).to_contain_text("missing_from")

    page.get_by_role("link", name="Back to missing children").click()
    row = page.get_by_role("row", name="Ruby Hartley")
    expect(row).to_contain_text("Due")
    row.get_by_role("link", name="Ruby Hartley").click()
    page.get_by_role("button", name="Record the return interview").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the date the interview was held or declined")

    held = timezone.localtime(now - timedelta(hours=1))
    page.get_by_label("Day").fill(str(held.day))
    page.get_by_label("Month").fill(str(held.month))
    page.get_by_label("Year").fill(str(held.year))
    page.get_by_label("Time the interview was held or declined").fill(held.strftime("%H:%M"))
    page.get_by_label("Who held or offered it").fill("Dana Brooks")
    page.get_by_label("No").check()
    page.get_by_label("Why the child went missing").fill("Arguments at home")
    page.get_by_role("button", name="Record the return interview").click()
    expect(page.locator("#interview")).to_contain_text("Arguments at home")
    expect(page.get_by_text("Within 72 hours")).to_be_visible()
    assert ReturnInterview.objects.get().held_by == "Dana Brooks"
