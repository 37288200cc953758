"""A Front Door manager places a legal hold on a child's records (told what is missing first), sees
it on the retention page and in a dry run's result, then lifts it with why. With axe-core."""
import pytest
from playwright.sync_api import expect

from frontdoor.governance.models import LegalHold
from tests import factories
from tests.browser.axe import blocking_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_manager_places_sees_and_lifts_a_legal_hold(page, live_server, sign_in):
    ruby = factories.person()
    sign_in(factories.user(role="manager", first="Alex", last="Morgan"))
    page.goto(f"{live_server.url}/front-door/people/{ruby.pk}")
    page.get_by_role("link", name="Legal holds on Ruby Hartley's records").click()
    page.get_by_role("button", name="Place the hold").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter why the records must be kept")
    assert blocking_violations(page) == []

    page.get_by_label("Why must these records be kept?").fill("Care proceedings, case FD25C00123")
    page.get_by_role("button", name="Place the hold").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Legal hold placed")
    expect(page.locator(".govuk-summary-card")).to_contain_text("Hold in force")
    assert blocking_violations(page) == []

    page.get_by_role("link", name="Retention").first.click()
    holds = page.get_by_role("table", name="Legal holds in force")
    expect(holds.get_by_role("row", name="Ruby Hartley")).to_contain_text("Care proceedings, case FD25C00123")
    page.get_by_role("button", name="Run a dry run now").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Dry run done: nothing was deleted")
    expect(page.locator("#run-1 caption")).to_contain_text("1 legal hold in force")
    assert blocking_violations(page) == []

    holds.get_by_role("link", name="Ruby Hartley").click()
    page.get_by_label("Why is the hold being lifted?").fill("The proceedings have ended")
    page.get_by_role("button", name="Lift the hold").click()
    expect(page.locator(".govuk-summary-card")).to_contain_text("Lifted hold")
    expect(page.locator(".govuk-summary-card")).to_contain_text("The proceedings have ended")
    assert LegalHold.objects.get().lifted_at is not None
