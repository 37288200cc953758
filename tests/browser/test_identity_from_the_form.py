"""Identity from the form: a child added to the index keeps the school the referrer gave; a decision on a
contact whose child is unidentified needs the practitioner's reason, which the authorising manager sees."""
import pytest
from playwright.sync_api import expect

from frontdoor.agencies.models import Agency
from frontdoor.decisions.models import Decision
from tests import factories
from tests.browser.axe import blocking_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_decision_on_an_unidentified_child_needs_a_reason_the_manager_sees(page, live_server, sign_in):
    practitioner = factories.user(role="practitioner", first="Sam", last="Patel")
    manager = factories.user(role="manager", agency_=practitioner.membership.agency, first="Alex", last="Morgan")
    contact = factories.contact()

    sign_in(practitioner)
    page.goto(f"{live_server.url}/front-door/contacts/{contact.pk}")
    page.get_by_label("Level 1 Threshold - Universal").check()
    page.get_by_label("Level 1: No further action will be taken", exact=False).check()
    page.get_by_label("Rationale").fill("Information only: the school is supporting Ruby.")
    page.get_by_role("button", name="Send for authorisation").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Find Ruby Hartley in the person index, or enter why the decision cannot wait")
    assert not Decision.objects.exists()
    assert blocking_violations(page) == []
    page.get_by_label("If a child on this contact is not yet identified, why can the decision not wait?").fill(
        "No match in the index and the school is closed until Monday")
    page.get_by_role("button", name="Send for authorisation").click()
    expect(page.get_by_text("sent for authorisation")).to_be_visible()

    sign_in(manager)
    page.goto(f"{live_server.url}/front-door/contacts/{contact.pk}")
    expect(page.locator("#unidentified-reason")).to_contain_text(
        "No match in the index and the school is closed until Monday")


def test_a_child_added_to_the_index_from_a_contact_keeps_their_school(page, live_server, sign_in):
    school = factories.agency(kind=Agency.Kind.SCHOOL, name="Nettlecombe Vale Primary")
    contact = factories.contact(submitted_by=factories.user(agency_=school))
    child = contact.children.get()
    child.school_name = "Nettlecombe Vale Primary"
    child.save()

    sign_in(factories.user(role="practitioner"))
    page.goto(f"{live_server.url}/front-door/contacts/{contact.pk}")
    page.get_by_role("link", name="Find Ruby Hartley in the person index").click()
    page.get_by_role("button", name="None of these: add Ruby Hartley as a new person").click()
    child.refresh_from_db()
    page.goto(f"{live_server.url}/front-door/people/{child.person_id}")
    expect(page.locator("main")).to_contain_text("Nettlecombe Vale Primary")


def test_a_family_member_on_the_contact_is_added_to_the_index_and_the_household(page, live_server, sign_in):
    from datetime import date

    from frontdoor.intake.services import FamilyMemberDraft
    from frontdoor.people.models import Household, Person

    contact = factories.contact(family_members=(
        FamilyMemberDraft(name="Dawn Hartley", relationship="Mother", date_of_birth=date(1990, 5, 1)),))
    ruby = factories.person()

    sign_in(factories.user(role="practitioner"))
    page.goto(f"{live_server.url}/front-door/contacts/{contact.pk}")
    expect(page.locator("main")).to_contain_text("Find the child in the person index to add family members")
    page.get_by_role("link", name="Find Ruby Hartley in the person index").click()
    page.get_by_role("button", name="This is Ruby Hartley: link").click()
    page.get_by_role("button", name="Add Dawn Hartley to the person index and household").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Dawn Hartley added to the person index and the household")
    dawn = Person.objects.get(kind=Person.Kind.ADULT)
    assert set(Household.objects.get(members=dawn).members.all()) == {dawn, ruby}

    page.get_by_role("button", name="Add Dawn Hartley to the person index and household").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Dawn Hartley is already in the person index")
    assert blocking_violations(page) == []
