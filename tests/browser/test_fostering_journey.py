"""A private fostering worker records a notification (first told it is not private fostering, and why),
finds the first visit due on the list, records the visit, the assessment and the end."""
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from frontdoor.fostering.models import Arrangement
from tests import factories
from tests.browser.axe import blocking_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _date(scope, day):
    scope.get_by_label("Day").fill(str(day.day))
    scope.get_by_label("Month").fill(str(day.month))
    scope.get_by_label("Year").fill(str(day.year))


def test_notify_visit_assess_end(page, sign_in):
    worker = factories.user(role="fostering_worker", first="Jo", last="Patel")
    today = timezone.localdate()
    sign_in(worker)
    page.get_by_role("link", name="Private fostering").first.click()
    page.get_by_role("link", name="Record a private fostering notification").click()
    form = page.locator("#main-form")
    form.get_by_label("Child's first name").fill("Ruby")
    form.get_by_label("Child's last name").fill("Hartley")
    _date(form.locator("fieldset", has_text="Child's date of birth"), today.replace(year=today.year - 9))
    form.locator("fieldset", has_text="Is the child disabled?").get_by_label("No").check()
    form.get_by_label("Carer's name").fill("Ann Friend")
    form.get_by_label("Carer's address").fill("3 Mill Lane, Fictionton")
    form.get_by_label("Carer's relationship to the child").select_option("grandparent")
    form.get_by_label("Who told us").select_option("school")
    _date(form.locator("fieldset", has_text="Date of the notification"), today)
    _date(form.locator("fieldset", has_text="Date the arrangement began"), today - timedelta(days=2))
    form.get_by_label("How many days the child is to be cared for").fill("90")
    page.get_by_role("button", name="Record the notification").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "The carer is a grandparent: care by a parent or a close relative is not private fostering")
    assert blocking_violations(page) == []

    page.locator("#main-form").get_by_label("Carer's relationship to the child").select_option("family_friend")
    page.get_by_role("button", name="Record the notification").click()
    expect(page.locator("#arrangement")).to_contain_text("Ann Friend (Family friend)")

    page.get_by_role("link", name="Back to private fostering").click()
    row = page.locator("#arrangements").get_by_role("row", name="Ruby Hartley")
    expect(row).to_contain_text("Visit due")
    assert blocking_violations(page) == []
    row.get_by_role("link", name="Ruby Hartley").click()

    visit = page.locator("#visit-form")
    _date(visit, today)
    visit.get_by_role("radio", name="No", exact=True).check()
    page.get_by_role("button", name="Record the visit").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter why the child was not seen alone")
    visit = page.locator("#visit-form")
    visit.get_by_role("radio", name="Yes", exact=True).check()
    page.get_by_role("button", name="Record the visit").click()
    expect(page.locator("#visits")).to_contain_text("Yes")
    assert blocking_violations(page) == []
    expect(page.locator("#next-visit")).to_contain_text((today + timedelta(weeks=6)).strftime("%-d %b %Y"))

    assess = page.locator("#assess-form")
    assess.get_by_label("Suitable", exact=True).check()
    _date(assess, today)
    assess.get_by_label("Reasons").fill("Warm home; the child is settled at school")
    page.get_by_role("button", name="Record the assessment").click()
    expect(page.locator("#assessment")).to_contain_text("Suitable")

    end = page.locator("#end-form")
    _date(end, today)
    end.get_by_label("Why it ended").fill("Returned to her mother")
    page.get_by_role("button", name="End the arrangement").click()
    expect(page.locator("#ended")).to_contain_text("Returned to her mother")
    assert Arrangement.objects.get().ended_on == today
