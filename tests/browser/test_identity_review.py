"""A practitioner reviews a possible match with its evidence, links and unlinks it; then merges a
duplicate pair from the queue and undoes the merge."""
from datetime import date

import pytest
from playwright.sync_api import expect

from frontdoor.intake.models import ContactChild
from frontdoor.people import identity
from frontdoor.people.models import Person, PersonMerge
from frontdoor.people.resolution import PersonDescription, person_resolve_or_create
from tests import factories
from tests.people.index import load_index, population, trained_model

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

THOMAS = {
    "id": "thomas", "given_name": "Thomas", "family_name": "Okafor", "dob": "2014-03-09", "sex": "M",
    "address": "12 Hawthorn Close, Worcester", "postcode": "WR5 2JB", "nhs_number": "9434765919", "school": "",
}
SISTER = {**THOMAS, "id": "grace", "given_name": "Grace", "sex": "F", "dob": "2016-07-01", "nhs_number": "9434765897"}
OTHER_NHS_NUMBER = "9434765951"


@pytest.fixture
def area():
    identity.index_forget()
    identity.match_model_store(model=trained_model())
    yield load_index(population().index[:300] + [THOMAS, SISTER])
    identity.index_forget()


def test_practitioner_reviews_the_evidence_links_and_unlinks(page, sign_in, area):
    practitioner = factories.user(role="practitioner", first="Sam", last="Patel")
    child = factories.child_draft(given_name="Thomas", family_name="Okafor", date_of_birth=date(2014, 3, 9),
                                  address="12 Hawthorn Close, Worcester", postcode="WR5 2JB",
                                  nhs_number=OTHER_NHS_NUMBER)
    contact = factories.contact(children=(child,))

    sign_in(practitioner)
    page.get_by_role("link", name="Contacts queue").click()
    page.get_by_role("link", name=contact.reference).click()
    page.get_by_role("link", name="Find Thomas Okafor in the person index").click()
    expect(page.locator("#recommendation")).to_contain_text("Possible match: check the evidence")
    best = page.locator(".govuk-summary-card").first
    expect(best).to_contain_text("Match probability")
    nhs_row = best.get_by_role("row", name="NHS number")
    expect(nhs_row).to_contain_text(OTHER_NHS_NUMBER)
    expect(nhs_row).to_contain_text("9434765919")
    expect(nhs_row).to_contain_text("disagrees")
    expect(best.get_by_role("row", name="Date of birth")).to_contain_text("agrees")
    # The referrer gave no sex: the row says so in words, not the matcher's "missing sex missing".
    sex_row = best.get_by_role("row", name="Sex")
    expect(sex_row).to_contain_text("Sex is not recorded on one record.")
    expect(sex_row).not_to_contain_text("missing")

    best.get_by_role("button", name="This is Thomas Okafor: link").click()
    expect(page.locator(".govuk-summary-card").get_by_text("Linked to Thomas Okafor")).to_be_visible()
    assert ContactChild.objects.get(contact=contact).person == area["thomas"]

    page.get_by_role("button", name="Unlink Thomas Okafor").click()
    expect(page.get_by_text("Thomas Okafor is no longer linked")).to_be_visible()
    expect(page.get_by_role("link", name="Find Thomas Okafor in the person index")).to_be_visible()
    assert ContactChild.objects.get(contact=contact).person is None


def test_practitioner_merges_a_duplicate_pair_and_undoes_it(page, sign_in, area):
    copy, created = person_resolve_or_create(PersonDescription(
        given_name="Thomas", family_name="Okafor", date_of_birth=date(2014, 3, 9), sex="male",
        address="12 Hawthorn Close, Worcester", postcode="WR5 2JB", nhs_number=OTHER_NHS_NUMBER))
    assert created
    # The GP confirmed the copy's NHS number was mistyped: it is removed before the merge (two
    # different valid NHS numbers are never merged).
    Person.objects.filter(pk=copy.pk).update(nhs_number="")
    practitioner = factories.user(role="practitioner", first="Sam", last="Patel")

    sign_in(practitioner)
    page.get_by_role("link", name="Possible duplicates").click()
    pair = page.locator(".govuk-summary-card", has_text="Thomas Okafor and Thomas Okafor")
    expect(pair.get_by_role("row", name="NHS number")).to_contain_text("disagrees")
    pair.get_by_role("button", name="Merge: same person").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter why these records are the same person")
    pair = page.locator(".govuk-summary-card", has_text="Thomas Okafor and Thomas Okafor")
    pair.get_by_label("Why are they the same person?").fill("GP confirms one child; the NHS number was mistyped")
    pair.get_by_role("button", name="Merge: same person").click()
    expect(page.get_by_role("alert")).to_contain_text("Thomas Okafor merged into Thomas Okafor")
    expect(page.locator(".govuk-summary-card")).to_contain_text("1 residence")
    assert Person.objects.get(pk=copy.pk).merged_into == area["thomas"]

    page.get_by_label("Why undo this merge?").fill("The GP had the wrong child")
    page.get_by_role("button", name="Undo this merge").click()
    expect(page.get_by_role("alert")).to_contain_text("Merge undone")
    expect(page.locator(".govuk-summary-card")).to_contain_text("Undone")
    assert Person.objects.get(pk=copy.pk).merged_into is None
    assert PersonMerge.objects.get().undone_by == practitioner
