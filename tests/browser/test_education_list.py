"""A school's designated safeguarding lead puts a child on a reduced timetable on the list (told first that
the hours are missing), the Front Door practitioner sees the child on the list and on the person page, and
the DSL ends the entry."""
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from frontdoor.missing.models import EducationAbsence
from tests import factories
from tests.browser.axe import blocking_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fill_date(page, group, day):
    fieldset = page.get_by_role("group", name=group)
    fieldset.get_by_label("Day").fill(str(day.day))
    fieldset.get_by_label("Month").fill(str(day.month))
    fieldset.get_by_label("Year").fill(str(day.year))


def test_dsl_adds_and_ends_an_entry_and_the_front_door_sees_it(page, sign_in):
    school = factories.agency(name="Thistlecombe Primary School")
    dsl = factories.user(role="referrer", agency_=school, first="Chris", last="Taylor")
    practitioner = factories.user(role="practitioner", first="Sam", last="Patel")
    ruby = factories.person()

    sign_in(dsl)
    page.get_by_role("link", name="Missing education and reduced timetables").click()
    page.get_by_role("link", name="Add a child").click()
    page.get_by_label("Child's first name").fill("Ruby")
    page.get_by_label("Child's last name").fill("Hartley")
    _fill_date(page, "Child's date of birth", ruby.date_of_birth)
    page.get_by_role("radio", name="Reduced timetable").check()
    _fill_date(page, "Date it started", timezone.localdate() - timedelta(days=14))
    page.get_by_role("button", name="Add to the list").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the hours a week the child is in school")
    page.get_by_label("Hours a week in school (reduced timetable only)").fill("12.5")
    page.get_by_role("button", name="Add to the list").click()
    expect(page.locator("#entry")).to_contain_text("12.5")
    assert blocking_violations(page) == []
    assert EducationAbsence.objects.get().child == ruby

    sign_in(practitioner)
    page.get_by_role("link", name="Missing education and reduced timetables").click()
    expect(page.get_by_role("row", name="Ruby Hartley")).to_contain_text("Thistlecombe Primary School")
    page.get_by_role("link", name="Ruby Hartley").click()
    expect(page.get_by_role("button", name="End the entry")).to_have_count(0)
    page.get_by_role("link", name="Ruby Hartley's page").click()
    expect(page.locator("#education ~ ul")).to_contain_text("Reduced timetable at Thistlecombe Primary School")

    sign_in(dsl)
    page.get_by_role("link", name="Missing education and reduced timetables").click()
    page.get_by_role("link", name="Ruby Hartley").click()
    _fill_date(page, "Date it ended", timezone.localdate())
    page.get_by_role("button", name="End the entry").click()
    expect(page.locator("#entry")).to_contain_text(timezone.localdate().strftime("%-d %b %Y"))
    assert EducationAbsence.objects.get().ended_on == timezone.localdate()
