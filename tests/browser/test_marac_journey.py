"""The MARAC coordinator schedules a meeting, adds a case referred by housing with the child in the household
and the lawful basis, records attendance and an action; the child's school DSL sees the case and the action."""
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from frontdoor.people.models import Person, Relationship
from tests import factories
from tests.browser.axe import blocking_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordinator_runs_a_marac_case_that_the_school_dsl_then_sees(page, sign_in):
    school = factories.agency(name="Oakfield Primary")
    factories.agency(kind="housing", name="Fictional Homes")
    mum = Person.objects.create(kind=Person.Kind.ADULT, given_name="Dawn", family_name="Hartley")
    ruby = factories.person()
    Person.objects.filter(pk=ruby.pk).update(school=school)
    Relationship.objects.create(person=mum, relative=ruby, kind=Relationship.Kind.PARENT)
    dsl = factories.user(agency_=school, first="Chris", last="Taylor")
    today = timezone.localdate()

    sign_in(factories.user(role="manager"))
    page.get_by_role("link", name="MARAC").first.click()
    page.get_by_label("Day").fill(str(today.day))
    page.get_by_label("Month").fill(str(today.month))
    page.get_by_label("Year").fill(str(today.year))
    page.get_by_role("button", name="Schedule the meeting").click()
    page.get_by_role("link", name="Add a case").click()
    page.get_by_label("Victim's family name").fill("Hartley")
    page.get_by_label("Victim's given name (optional)").fill("Dawn")
    page.get_by_role("button", name="Find the victim").click()
    page.get_by_label("Ruby Hartley").check()
    page.get_by_role("button", name="Add the case").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select the lawful basis for sharing the case")
    assert blocking_violations(page) == []
    page.get_by_label("Ruby Hartley").check()
    page.get_by_label("UK GDPR Article 6(1)(e) public task", exact=False).check()
    page.get_by_label("Referring agency").select_option(label="Fictional Homes")
    page.get_by_role("button", name="Add the case").click()
    expect(page.locator("main")).to_contain_text("Referred by Fictional Homes")

    page.get_by_label("Action", exact=True).fill("School to offer Ruby a trusted adult")
    page.get_by_label("Agency responsible").select_option(label="Oakfield Primary")
    page.get_by_label("Person responsible").fill("Chris Taylor")
    form = page.locator("#main-form")
    form.get_by_label("Day").fill(str(today.day))
    form.get_by_label("Month").fill(str(today.month))
    form.get_by_label("Year").fill(str(today.year))
    page.get_by_role("button", name="Add the action").click()
    page.get_by_label("Agency", exact=True).select_option(label="Oakfield Primary")
    page.get_by_label("Who attended").fill("Chris Taylor")
    page.get_by_role("button", name="Record attendance").click()
    expect(page.locator("#attendance")).to_contain_text("Chris Taylor")
    expect(page.locator("main")).to_contain_text("Chris Taylor, Oakfield Primary")
    assert blocking_violations(page) == []

    sign_in(dsl)
    page.get_by_role("link", name="MARAC cases").click()
    expect(page.locator("main")).to_contain_text("School to offer Ruby a trusted adult")
    expect(page.locator("main")).to_contain_text("Lawful basis: UK GDPR Article 6(1)(e)")
    assert blocking_violations(page) == []
