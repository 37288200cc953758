"""The administrator adds an agency and a user in it, is told what to fix on the way, changes the
user's role and deactivates the account. With axe-core, as tests/browser/test_accessibility.py."""
import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from frontdoor.agencies.models import Agency, Membership
from tests import factories
from tests.browser.axe import blocking_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_administrator_adds_an_agency_and_a_user_then_changes_the_role_and_deactivates(page, live_server, sign_in):
    council = factories.agency(kind=Agency.Kind.LOCAL_AUTHORITY, name="Fictionshire County Council")
    sign_in(factories.user(role=Membership.Role.ADMINISTRATOR, first="Robin", last="Shaw", agency_=council))

    page.get_by_role("link", name="Agencies").click()
    page.get_by_role("link", name="Add an agency").click()
    page.get_by_label("Name").fill("Oakfield Primary School")
    page.get_by_label("Kind of agency").select_option(label="School")
    page.get_by_label("DfE URN (schools only, optional)").fill("11682")
    page.get_by_role("button", name="Add the agency").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the school's URN as 6 to 8 digits")
    assert blocking_violations(page) == []
    page.get_by_label("DfE URN (schools only, optional)").fill("116821")
    page.get_by_role("button", name="Add the agency").click()
    expect(page.get_by_role("table", name="Partner organisations, by name")
           .get_by_role("row", name="Oakfield Primary School")).to_contain_text("116821")

    page.get_by_role("link", name="Users").click()
    page.get_by_role("link", name="Add a user").click()
    page.get_by_label("First name").fill("Chris")
    page.get_by_label("Last name").fill("Taylor")
    page.get_by_label("Email address").fill("chris.taylor@oakfield")
    page.get_by_label("Role").select_option(label="Referrer")
    page.get_by_label("Agency").select_option(label="Oakfield Primary School (School)")
    page.get_by_role("button", name="Add the user").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter an email address in the correct format")
    assert blocking_violations(page) == []
    page.get_by_label("Email address").fill("chris.taylor@oakfield.example")
    page.get_by_role("button", name="Add the user").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Account made for Chris Taylor")
    assert blocking_violations(page) == []

    page.get_by_role("link", name="Chris Taylor").click()
    page.get_by_label("Role").select_option(label="Early help lead professional")
    page.get_by_role("button", name="Save the role").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Chris Taylor is now Early help lead professional, Oakfield Primary School")
    page.get_by_role("button", name="Deactivate Chris Taylor").click()
    expect(page.locator("#account-status")).to_have_text("Deactivated: cannot sign in")
    assert blocking_violations(page) == []
    assert not User.objects.get(email="chris.taylor@oakfield.example").is_active


def test_administrator_corrects_an_agency_and_deactivates_it(page, live_server, sign_in):
    council = factories.agency(kind=Agency.Kind.LOCAL_AUTHORITY, name="Fictionshire County Council")
    factories.agency(kind=Agency.Kind.SCHOOL, name="Oakfield Primary School", urn="116821")
    sign_in(factories.user(role=Membership.Role.ADMINISTRATOR, first="Robin", last="Shaw", agency_=council))

    page.get_by_role("link", name="Agencies").click()
    page.get_by_role("link", name="Oakfield Primary School").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Oakfield Primary School")
    page.get_by_label("Email address (optional)").fill("dsl at oakfield")
    page.get_by_role("button", name="Save the agency").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter an email address in the correct format")
    assert blocking_violations(page) == []
    page.get_by_label("Email address (optional)").fill("dsl@oakfield.example")
    page.get_by_label("Name").fill("Oakfield Primary Academy")
    page.get_by_role("button", name="Save the agency").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Oakfield Primary Academy saved")

    page.get_by_role("button", name="Deactivate Oakfield Primary Academy").click()
    expect(page.locator("#agency-status")).to_have_text("Deactivated: offered for no new user or contact")
    assert blocking_violations(page) == []
    page.get_by_role("link", name="Back to agencies").click()
    expect(page.get_by_role("row", name="Oakfield Primary Academy")).to_contain_text("Deactivated")
    page.get_by_role("link", name="Users").click()
    page.get_by_role("link", name="Add a user").click()
    expect(page.get_by_label("Agency").locator("option", has_text="Oakfield")).to_have_count(0)
    agency = Agency.objects.get(urn="116821")
    assert (agency.name, agency.email, agency.is_active) == ("Oakfield Primary Academy", "dsl@oakfield.example", False)
