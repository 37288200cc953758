"""At 390 px wide (a phone) the main list pages' tables reflow into stacked rows, each cell headed by its
column, instead of pushing the page sideways."""
import pytest
from playwright.sync_api import expect

from frontdoor.agencies.models import Membership
from frontdoor.decisions.services import decision_record
from tests import factories
from tests.triage import factories_triage as triage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def _fits(page) -> tuple[int, int]:
    return page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")


def _assert_reflows(page, url):
    assert page.goto(url).status == 200, url
    table = page.locator("main table.govuk-table").first
    expect(table).to_be_visible()
    scroll_width, viewport = _fits(page)
    assert scroll_width <= viewport, f"{url}: the page is {scroll_width}px wide at {viewport}px"
    # Each cell is headed by its column's heading, shown before its value.
    cell = table.locator("tbody td[data-label]").first
    label = cell.get_attribute("data-label")
    assert label
    before = cell.evaluate("cell => getComputedStyle(cell, '::before').content")
    assert label in before, url
    # The table's parts keep their roles for screen readers.
    expect(page.get_by_role("table").first).to_be_visible()


@pytest.fixture
def phone(page):
    page.set_viewport_size(PHONE)
    return page


def test_front_door_lists_reflow_on_a_phone(phone, live_server, sign_in):
    practitioner = factories.user(role=Membership.Role.PRACTITIONER, first="Sam", last="Patel")
    manager = factories.user(role=Membership.Role.MANAGER, agency_=practitioner.membership.agency)
    referrer = factories.user(first="Chris", last="Taylor")
    for _ in range(2):
        contact = factories.contact(submitted_by=referrer)
    decision_record(user=practitioner, contact=contact, contact_version=contact.version, level=3,
                    outcome_codes=["L3.2"], rationale="Needs assessment.", social_worker_name="Sam Patel",
                    unidentified_reason="Child not yet in the person index")

    sign_in(practitioner)
    _assert_reflows(phone, f"{live_server.url}/front-door/queue")
    sign_in(manager)
    _assert_reflows(phone, f"{live_server.url}/front-door/authorisations")
    sign_in(referrer)
    _assert_reflows(phone, f"{live_server.url}/my-contacts")
    sign_in(factories.user(role=Membership.Role.ADMINISTRATOR))
    _assert_reflows(phone, f"{live_server.url}/admin/outbox")


def test_police_notification_lists_reflow_on_a_phone(phone, live_server, sign_in):
    school = triage.school()
    notification = triage.police_notification()
    triage.child(notification, school_=school)
    triage.school_notification(school_=school, reference="WMP-NARROW")

    sign_in(factories.user(role=Membership.Role.ISCO))
    _assert_reflows(phone, f"{live_server.url}/notifications/")
    _assert_reflows(phone, f"{live_server.url}/triage/schools/monitoring")
    sign_in(factories.user(agency_=school))
    _assert_reflows(phone, f"{live_server.url}/school/da-notifications")


def test_an_empty_lists_message_is_not_headed_by_the_first_column(phone, live_server, sign_in):
    sign_in(factories.user(role=Membership.Role.ISCO))
    phone.goto(f"{live_server.url}/triage/schools/monitoring")
    empty = phone.locator("#schools-awaiting td", has_text="Every school has acknowledged")
    expect(empty).to_be_visible()
    assert empty.get_attribute("data-label") is None
    assert _fits(phone)[0] <= PHONE["width"]
