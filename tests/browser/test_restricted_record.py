"""A Front Door manager restricts a staff member's child to one named practitioner: another
practitioner's search finds nothing and the record's address answers 'Page not found'; the manager
reads the refused attempt in the record's access log, then lifts the restriction; the ISCO does not find
the child's police notification either. With axe-core."""
import pytest
from playwright.sync_api import expect

from frontdoor.agencies.models import Agency
from frontdoor.intake.models import ContactChild
from frontdoor.people.services import person_restrict
from tests import factories
from tests.triage import factories_triage as ft
from tests.browser.axe import blocking_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_manager_restricts_a_record_and_another_practitioner_cannot_find_it(page, live_server, sign_in):
    front_door = factories.agency(kind=Agency.Kind.LOCAL_AUTHORITY, name="Fictionshire Family Front Door")
    manager = factories.user(role="manager", first="Alex", last="Morgan", agency_=front_door)
    factories.user(role="practitioner", first="Nia", last="Ward", agency_=front_door)
    other = factories.user(role="practitioner", first="Olly", last="Fenn", agency_=front_door)
    ruby = factories.person()
    contact = factories.contact()
    ContactChild.objects.filter(contact=contact).update(person=ruby)

    sign_in(manager)
    page.goto(f"{live_server.url}/front-door/people/{ruby.pk}")
    page.get_by_role("link", name="Restrict this record").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Restrict this record")
    page.get_by_role("button", name="Restrict the record").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter why this record is restricted")
    expect(summary).to_contain_text("Choose at least one person who may see it")
    assert blocking_violations(page) == []

    page.get_by_label("Why is this record restricted?").fill("The child of a member of Front Door staff")
    page.get_by_label("Nia Ward (Front Door practitioner, Fictionshire Family Front Door)").check()
    page.get_by_role("button", name="Restrict the record").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ruby Hartley")
    expect(page.locator("#restricted-record")).to_contain_text("only 2 named people can see it")
    assert blocking_violations(page) == []

    sign_in(other)
    page.get_by_role("link", name="Find a person").click()
    page.get_by_label("First name").fill("Ruby")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_text("No one in the index matches")).to_be_visible()
    page.goto(f"{live_server.url}/front-door/people/{ruby.pk}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    page.goto(f"{live_server.url}/front-door/queue")
    expect(page.get_by_role("link", name=contact.reference)).to_have_count(0)

    sign_in(manager)
    page.goto(f"{live_server.url}/front-door/people/{ruby.pk}")
    page.get_by_role("link", name="Who has viewed this record").click()
    refused = page.locator("#access-log tbody tr").filter(has_text="Olly Fenn")
    expect(refused.filter(has_text="Refused: restricted record").filter(has_text="Matched a person search")
           ).to_have_count(1)
    expect(refused.filter(has_text="Viewed the person's record")).to_have_count(1)

    page.get_by_role("link", name=f"Back to {ruby.full_name}").click()
    page.get_by_role("link", name="Change or lift the restriction").click()
    page.get_by_role("button", name="Lift the restriction").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter why the restriction is being lifted")
    page.get_by_label("Why is the restriction being lifted?").fill("The member of staff has left the council")
    page.get_by_role("button", name="Lift the restriction").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The restriction on Ruby Hartley's record is lifted")
    expect(page.locator("#restricted-record")).to_have_count(0)


def test_the_isco_does_not_find_a_restricted_childs_police_notification_and_the_manager_reads_the_attempt(
        page, live_server, sign_in):
    front_door = factories.agency(kind=Agency.Kind.LOCAL_AUTHORITY, name="Fictionshire Family Front Door")
    manager = factories.user(role="manager", first="Alex", last="Morgan", agency_=front_door)
    named = factories.user(role="practitioner", first="Nia", last="Ward", agency_=front_door)
    isco = factories.user(role="isco", first="Dana", last="Price", agency_=front_door)
    ruby = factories.person()
    person_restrict(manager=manager, person=ruby, reason="The child of a member of Front Door staff",
                    permitted_ids=[str(named.pk)], version=None)
    sealed = ft.police_notification(reference="WMP-SEALED-1")
    ft.child(sealed, person=ruby)
    ft.police_notification(reference="WMP-OPEN-2")

    sign_in(isco)
    page.goto(f"{live_server.url}/notifications/")
    expect(page.get_by_role("link", name="WMP-OPEN-2")).to_be_visible()
    expect(page.get_by_role("link", name="WMP-SEALED-1")).to_have_count(0)
    assert blocking_violations(page) == []
    page.goto(f"{live_server.url}/notifications/{sealed.pk}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")

    sign_in(named)
    page.goto(f"{live_server.url}/notifications/")
    page.get_by_role("link", name="WMP-SEALED-1").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Notification WMP-SEALED-1")

    sign_in(manager)
    page.goto(f"{live_server.url}/front-door/people/{ruby.pk}")
    page.get_by_role("link", name="Who has viewed this record").click()
    refused = page.locator("#access-log tbody tr").filter(has_text="Dana Price")
    expect(refused.filter(has_text="Refused: restricted record").filter(has_text="Opened the notification to grade it")
           ).to_have_count(1)
