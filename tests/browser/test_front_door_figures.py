"""The Front Door manager reads the front door's own figures, changes the period (a period that ends
before it starts is refused with a GOV.UK error) and downloads the figures as a spreadsheet."""
import csv
import io
from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from frontdoor.agencies.models import Agency, Membership
from frontdoor.intake.models import Contact
from tests import factories
from tests.browser.axe import blocking_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fill_date(page, legend: str, day: date) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def _row(page, table: str, heading: str):
    return page.locator(f"#{table} tbody tr").filter(has=page.get_by_role("rowheader", name=heading, exact=True))


def test_the_manager_reads_the_figures_changes_the_period_and_downloads_them(page, sign_in):
    police_call = factories.contact(agency_=factories.agency(kind=Agency.Kind.POLICE))
    Contact.objects.filter(pk=police_call.pk).update(channel=Contact.Channel.PHONE)
    long_ago = timezone.now() - timedelta(days=400)
    Contact.objects.filter(pk=factories.contact().pk).update(received_at=long_ago)

    sign_in(factories.user(role=Membership.Role.MANAGER))
    page.get_by_role("link", name="Front Door figures").click()
    expect(page.get_by_role("heading", name="Front Door figures", level=1)).to_be_visible()
    expect(_row(page, "by-source", "Police")).to_contain_text("1")
    expect(_row(page, "by-source", "School")).to_contain_text("0")
    expect(_row(page, "by-channel", "Phone")).to_contain_text("1")
    expect(page.locator("#by-month tbody tr")).to_have_count(12)
    assert "Ruby" not in page.content() and police_call.reference not in page.content()
    assert blocking_violations(page) == []

    then = timezone.localdate(long_ago)
    _fill_date(page, "Start date", then)
    _fill_date(page, "End date", then - timedelta(days=1))
    page.get_by_role("button", name="Show the figures").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("The end date must be the same as or after the start date")
    assert blocking_violations(page) == []

    _fill_date(page, "End date", then + timedelta(days=10))
    page.get_by_role("button", name="Show the figures").click()
    expect(page.get_by_role("heading", name=f"{then:%-d %B %Y} to")).to_be_visible()
    expect(_row(page, "by-source", "School")).to_contain_text("1")
    expect(_row(page, "by-source", "Police")).to_contain_text("0")

    with page.expect_download() as download:
        page.get_by_role("link", name="Download these figures (CSV)").click()
    assert download.value.suggested_filename == f"front-door-figures-{then:%Y-%m-%d}-to-{then + timedelta(days=10):%Y-%m-%d}.csv"
    rows = list(csv.reader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))
    assert ["contacts by source", "School", "1"] in rows and ["contacts by source", "Police", "0"] in rows
