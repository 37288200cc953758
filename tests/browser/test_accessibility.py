"""axe-core (shipped inside axe-playwright-python) on the pages of the concern-to-outcome journey."""
import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.axe import blocking_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]



def test_referrer_pages_have_no_serious_accessibility_violations(page, live_server, sign_in):
    teacher = factories.user(agency_=factories.agency(name="Oakfield Primary"))
    factories.contact(submitted_by=teacher)
    page.goto(f"{live_server.url}/sign-in")
    assert blocking_violations(page) == []
    sign_in(teacher)
    for path in ("/", "/concern/start", "/my-contacts"):
        assert page.goto(f"{live_server.url}{path}").status == 200, path
        assert blocking_violations(page) == [], path
    page.goto(f"{live_server.url}/concern/start")
    page.get_by_role("button", name="Continue").click()  # the error summary state
    assert blocking_violations(page) == []


def test_front_door_pages_have_no_serious_accessibility_violations(page, live_server, sign_in):
    contact = factories.contact()
    factories.person()
    sign_in(factories.user(role="practitioner"))
    child = contact.children.get()
    for path in ("/front-door/queue", f"/front-door/contacts/{contact.pk}",
                 f"/front-door/contacts/{contact.pk}/children/{child.pk}/find", "/front-door/record-contact"):
        assert page.goto(f"{live_server.url}{path}").status == 200, path
        assert blocking_violations(page) == [], path


def test_triage_pages_have_no_serious_accessibility_violations(page, live_server, sign_in):
    from frontdoor.agencies.models import Membership
    from frontdoor.triage.meetings import meeting_for_day
    from tests.triage import factories_triage as triage

    school = triage.school()
    notification = triage.police_notification()
    triage.child(notification, school_=school)
    sent = triage.school_notification(school_=school, reference="WMP-A11Y")
    day = meeting_for_day(notification.received_at.date()).date
    sign_in(factories.user(role=Membership.Role.ISCO))
    for path in ("/notifications/", f"/notifications/{notification.pk}", "/notifications/import",
                 "/notifications/quarantine", "/triage/schools/monitoring", "/triage/meeting",
                 f"/triage/meetings/{day:%Y-%m-%d}/incidents/{notification.pk}",
                 f"/triage/notifications/{notification.pk}/marac", "/figures/domestic-abuse"):
        assert page.goto(f"{live_server.url}{path}").status == 200, path
        assert blocking_violations(page) == [], path
    sign_in(factories.user(agency_=school))
    for path in ("/school/da-notifications", f"/school/da-notifications/{sent.pk}"):
        assert page.goto(f"{live_server.url}{path}").status == 200, path
        assert blocking_violations(page) == [], path


def test_identity_pages_have_no_serious_accessibility_violations(page, live_server, sign_in):
    sign_in(factories.user(role="practitioner"))
    for path in ("/front-door/possible-duplicates",):
        assert page.goto(f"{live_server.url}{path}").status == 200, path
        assert blocking_violations(page) == [], path


def test_the_header_is_a_banner_landmark_and_nothing_sits_outside_a_landmark(page, live_server, sign_in):
    # axe's `region` rule counts in blocking_violations (tests/browser/axe.py), on every page the tests check.
    page.goto(f"{live_server.url}/sign-in")
    expect(page.get_by_role("banner")).to_contain_text("Front Door")
    # The footer gives the area's number (settings.FRONTDOOR_AREA, the demo's by default).
    expect(page.get_by_role("contentinfo")).to_contain_text("call 01632 960666")
    assert blocking_violations(page) == []
    sign_in(factories.user(role="practitioner"))
    expect(page.get_by_role("banner")).to_contain_text("Front Door")
    assert [v for v in blocking_violations(page) if v.startswith("region")] == []
