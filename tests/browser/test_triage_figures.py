"""The ISCO overrides a suggested grade on the notification's page; a Front Door manager then reads
the override in the week's triage figures and downloads them as a spreadsheet."""
import csv
import io

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from frontdoor.agencies.models import Membership
from frontdoor.triage.models import Grade
from tests import factories
from tests.browser.axe import blocking_violations
from tests.triage import factories_triage as ft

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_override_reaches_the_weeks_figures_and_their_spreadsheet(page, live_server, sign_in):
    notification = ft.police_notification(reference="WMP-FIG", suggested_grade=Grade.MEDIUM,
                                           received_at=timezone.now())  # this week, even on a Monday morning
    sign_in(factories.user(role=Membership.Role.ISCO))
    page.goto(f"{live_server.url}/notifications/{notification.pk}")
    page.get_by_label("High").check()
    page.get_by_label("Rationale").fill("The children were in the room when he threatened to kill her.")
    page.get_by_role("button", name="Save grade").click()
    expect(page.get_by_text("Notification WMP-FIG graded")).to_be_visible()

    sign_in(factories.user(role=Membership.Role.MANAGER))
    page.get_by_role("link", name="Triage figures").click()
    expect(page.get_by_role("heading", name="Domestic abuse triage figures")).to_be_visible()
    this_week = page.locator("#grades tbody tr").first
    expect(this_week).to_contain_text("0 / 1 / 0")   # suggested standard / medium / high
    expect(this_week).to_contain_text("0 / 0 / 1")   # graded
    expect(this_week).to_contain_text("100%")
    expect(page.locator("#overrides")).to_contain_text("EVODA version 1")
    assert "WMP-FIG" not in page.content()
    assert blocking_violations(page) == []

    with page.expect_download() as download:
        page.get_by_role("link", name="Download the weekly figures (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))
    assert (rows[-1]["received"], rows[-1]["suggested_medium"], rows[-1]["graded_high"], rows[-1]["raised"]) == (
        "1", "1", "1", "1")
