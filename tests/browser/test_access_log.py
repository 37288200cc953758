"""A Front Door manager opens a child's page and sees who has viewed her record, and the contacts
naming her, newest first; her own look is the first row. A practitioner is not offered the page and
gets 'Page not found' at its address. With axe-core, as tests/browser/test_accessibility.py."""
import pytest
from playwright.sync_api import expect

from frontdoor.agencies.models import Agency
from frontdoor.intake.models import ContactChild
from tests import factories
from tests.browser.axe import blocking_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_manager_sees_who_has_viewed_a_childs_record(page, live_server, sign_in):
    ruby = factories.person()
    contact = factories.contact()
    ContactChild.objects.filter(contact=contact).update(person=ruby)
    front_door = factories.agency(kind=Agency.Kind.LOCAL_AUTHORITY, name="Fictionshire Family Front Door")
    practitioner = factories.user(role="practitioner", first="Sam", last="Patel", agency_=front_door)
    manager = factories.user(role="manager", first="Alex", last="Morgan", agency_=front_door)

    sign_in(practitioner)
    page.goto(f"{live_server.url}/front-door/contacts/{contact.pk}")
    page.goto(f"{live_server.url}/front-door/people/{ruby.pk}")
    expect(page.get_by_role("link", name="Who has viewed this record")).to_have_count(0)

    sign_in(manager)
    page.goto(f"{live_server.url}/front-door/people/{ruby.pk}")
    page.get_by_role("link", name="Who has viewed this record").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Who has viewed this record")
    log = page.get_by_role("table", name="Views and changes of records about Ruby Hartley, newest first")
    rows = log.locator("tbody tr")
    expect(rows.first).to_contain_text("Alex Morgan")
    expect(rows.first).to_contain_text("Viewed who has viewed this record")
    viewed = rows.filter(has_text="Sam Patel").filter(has_text="Viewed the person's record")
    expect(viewed).to_contain_text("Fictionshire Family Front Door")  # the manager's own visit is another row
    expect(log.get_by_role("row", name="Front Door worked on the contact")).to_contain_text("Contact")
    assert blocking_violations(page) == []

    sign_in(practitioner)
    page.goto(f"{live_server.url}/front-door/people/{ruby.pk}/access-log")
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
