"""The Front Door manager reads the partnership's figures for last year: a chart and the table beside
it, drills into the initial conferences not held within 15 working days, opens the child, and
downloads the figures as CSV."""
import csv
from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from frontdoor.casework.calendar import add_working_days
from frontdoor.casework.models import ChildProtectionPlan, Episode, InitialChildProtectionConference, Section47Enquiry
from frontdoor.people.models import Person
from frontdoor.reporting.cin_census import census_reference_date
from tests.browser.axe import blocking_violations
from tests.reporting.journeys import Staff, protection_plan_child

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _conference_after(plan: ChildProtectionPlan, s47_start: date, working_days: int, name: str) -> None:
    """The recorded journey moved to last June: its conference `working_days` after the strategy discussion."""
    held = add_working_days(s47_start, working_days)
    Episode.objects.filter(pk=plan.episode_id).update(referral_date=s47_start - timedelta(days=3))
    Section47Enquiry.objects.filter(episode_id=plan.episode_id).update(started_on=s47_start, completed_on=s47_start)
    InitialChildProtectionConference.objects.filter(episode_id=plan.episode_id).update(held_on=held)
    ChildProtectionPlan.objects.filter(pk=plan.pk).update(started_on=held, ended_on=None, end_reason="")
    plan.reviews.update(held_on=None)
    Person.objects.filter(pk=plan.episode.person_id).update(given_name=name)


def _row(page, table: str, heading: str):
    return page.locator(f"#{table} tbody tr").filter(has=page.get_by_role("rowheader", name=heading, exact=True))


def test_the_manager_reads_a_chart_drills_into_late_conferences_opens_the_child_and_downloads(page, sign_in):
    staff = Staff.make()
    last_year_end = census_reference_date(timezone.localdate()).replace(year=census_reference_date(
        timezone.localdate()).year - 1)
    june = date(last_year_end.year - 1, 6, 1)
    s47_start = june + timedelta(days=(7 - june.weekday()) % 7)  # the first Monday in June
    _conference_after(protection_plan_child(staff), s47_start, 15, "Priya")
    _conference_after(protection_plan_child(staff), s47_start, 16, "Lola")

    sign_in(staff.manager)
    page.get_by_role("link", name="Partnership figures").click()
    group = page.get_by_role("group", name="Year ending")
    group.get_by_label("Day").fill(str(last_year_end.day))
    group.get_by_label("Month").fill(str(last_year_end.month))
    group.get_by_label("Year").fill(str(last_year_end.year))
    page.get_by_role("button", name="Show the figures").click()
    expect(page.get_by_role("heading", name=f"1 April {june.year} to 31 March {last_year_end.year}")).to_be_visible()

    month = f"{june:%B %Y}"
    expect(page.locator('[data-chart="icpc_held"]')).to_contain_text(f"{month}: 2")
    expect(_row(page, "month-icpc_held", month)).to_contain_text("2")
    expect(_row(page, "month-icpc_within_15wd_pct", month)).to_contain_text("50.0%")
    expect(page.locator("#measure-icpc_within_15wd_pct")).to_contain_text("69.0%")  # England, beside it
    assert "Priya" not in page.content() and "Lola" not in page.content()
    assert blocking_violations(page) == []

    page.get_by_role("link", name="ICPCs not within 15 working days (1)").click()
    expect(page.get_by_role("heading", name="ICPCs not within 15 working days", level=1)).to_be_visible()
    expect(page.locator("#children")).not_to_contain_text("Priya")
    assert blocking_violations(page) == []
    page.get_by_role("link", name="Lola Census").click()
    expect(page.get_by_role("heading", name="Lola Census")).to_be_visible()

    page.go_back()
    page.get_by_role("link", name="Back to the partnership figures").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download these figures (CSV)").click()
    with open(download.value.path(), encoding="utf-8") as stream:
        rows = {row["measure"]: row for row in csv.DictReader(stream)}
    assert (rows["icpc_held"]["value"], rows["icpc_within_15wd_pct"]["value"]) == ("2", "50.0")
