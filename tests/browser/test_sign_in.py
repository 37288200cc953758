"""A new member of staff signs in for the first time: password, then setting up their authenticator app."""
import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests import factories
from tests.browser.axe import blocking_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_first_sign_in_sets_up_the_authenticator_app(page, live_server, settings):
    settings.FRONTDOOR_SECOND_FACTOR = True
    practitioner = factories.user(role="practitioner")
    page.goto(f"{live_server.url}/sign-in")
    page.get_by_label("Email address").fill(practitioner.username)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("heading", name="Set up your authenticator app")).to_be_visible()
    expect(page.get_by_role("img", name="QR code to add Front Door to your authenticator app")).to_be_visible()
    assert blocking_violations(page) == []
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the 6-digit code from your authenticator app")

    device = TOTPDevice.objects.get(user=practitioner)
    page.get_by_label("Code from your authenticator app").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/front-door/queue")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert "/sign-in" not in page.url
