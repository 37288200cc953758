"""The LADO opens the chronology of a child linked to an allegation from the referral's page and
reads the allegation in it; a Front Door practitioner reading the same child's chronology sees the
child's private fostering but nothing of the allegation."""
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from frontdoor.fostering import services as fostering_services
from frontdoor.lado import services as lado_services
from tests import factories
from tests.browser.axe import blocking_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_lado_reads_the_allegation_in_the_childs_chronology_and_the_front_door_does_not(page, sign_in,
                                                                                           live_server):
    lado = factories.user(role="lado", first="Sam", last="Reid")
    child = factories.person()
    referral = lado_services.lado_referral_submit(
        referrer=factories.user(), adult_name="Jon Example", adult_role="Teaching assistant",
        employer="Oakfield Primary", setting_type="school", allegation="Grabbed a pupil's arm hard", historical=False)
    lado_services.lado_child_link(user=lado, referral=referral, version=referral.version, given_name=child.given_name,
                                  family_name=child.family_name, date_of_birth=child.date_of_birth)
    today = timezone.localdate()
    fostering_services.arrangement_notify(
        user=factories.user(role="fostering_worker"), child_given_name=child.given_name,
        child_family_name=child.family_name, child_date_of_birth=child.date_of_birth, child_disabled=False,
        carer_name="Ann Friend", carer_address="3 Mill Lane, Fictionton", carer_relationship="family_friend",
        source="school", notified_on=today, began_on=today, intended_days=90)

    sign_in(lado)
    page.get_by_role("link", name="LADO referrals").first.click()
    page.get_by_role("link", name="Jon Example").first.click()
    page.locator("#children").get_by_role("link", name=child.full_name).click()
    entries = page.get_by_role("table")
    expect(entries).to_contain_text("Allegation against Jon Example, Teaching assistant at Oakfield Primary")
    expect(entries).to_contain_text("Private fostering notified by school")
    page.get_by_label("Show").select_option("lado")
    page.get_by_role("button", name="Show").click()
    expect(entries).not_to_contain_text("Private fostering")
    assert blocking_violations(page) == []

    sign_in(factories.user(role="practitioner"))
    page.goto(f"{live_server.url}/front-door/people/{child.pk}/chronology")
    expect(page.get_by_role("table")).to_contain_text("Private fostering notified by school")
    expect(page.locator("main")).not_to_contain_text("Oakfield")
    expect(page.locator("main")).not_to_contain_text("LADO")
