"""The ISCO chases a school that has not acknowledged: its contact details are on the monitoring list, and
each of its notifications opens from there."""
import pytest
from playwright.sync_api import expect

from frontdoor.agencies.models import Agency
from tests import factories
from tests.browser.axe import blocking_violations
from tests.triage import factories_triage as ft

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_isco_sees_whom_to_call_and_opens_the_schools_notification(page, live_server, sign_in):
    school = ft.school("Oakfield Primary")
    Agency.objects.filter(pk=school.pk).update(phone="01632 960123")
    factories.user(agency_=school, first="Chris", last="Taylor", email="c.taylor@oakfield.example")
    told = ft.school_notification(school_=school, reference="WMP-CHASE")
    ft.school_notification(school_=ft.school("Elm High", email="dsl@elm.example"), reference="WMP-ELM")

    sign_in(factories.user(role="isco"))
    page.get_by_role("link", name="Schools' acknowledgements").click()
    row = page.locator("#schools-awaiting").get_by_role("row", name="Oakfield Primary")
    expect(row).to_contain_text("01632 960123")
    expect(row.get_by_role("link", name="safeguarding@school.example")).to_have_attribute(
        "href", "mailto:safeguarding@school.example")
    expect(row).to_contain_text("Chris Taylor")
    expect(row.get_by_role("link", name="c.taylor@oakfield.example")).to_be_visible()
    expect(row).not_to_contain_text("WMP-ELM")
    assert blocking_violations(page) == []

    row.get_by_role("link", name="WMP-CHASE").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("WMP-CHASE")
    assert str(told.notification.pk) in page.url
