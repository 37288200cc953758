"""Person index pages: merges refused for different NHS numbers, what a merge copied, and the
link action refusing a record that is no longer in the index."""
import pytest
from django.test import Client

from frontdoor.people.models import Person, PersonMerge, PossibleMatch
from frontdoor.people.services import person_merge
from tests import factories

pytestmark = pytest.mark.django_db


def _signed_in(role="practitioner"):
    client = Client()
    user = factories.user(role=role)
    client.force_login(user)
    return client, user


def _pair(first: Person, second: Person) -> PossibleMatch:
    return PossibleMatch.objects.create(person=first, candidate=second, match_probability=0.9, evidence=[],
                                        source=PossibleMatch.Source.DEDUPE)


def test_the_queue_says_a_pair_with_two_nhs_numbers_cannot_be_merged_and_the_merge_is_refused():
    ruby, other = factories.person(nhs_number="9434765919"), factories.person(nhs_number="9434765870")
    pair = _pair(ruby, other)
    client, _ = _signed_in()
    page = client.get("/front-door/possible-duplicates").content.decode()
    assert "These records have different NHS numbers" in page
    assert f'href="/front-door/people/{ruby.pk}/details">change the first record' in page
    assert f'href="/front-door/people/{other.pk}/details">change the second record' in page
    assert "Merge: same person" not in page and "Not the same person" in page

    refused = client.post(f"/front-door/possible-duplicates/{pair.pk}/merge", {"reason": "Looks the same"})
    assert refused.status_code == 400
    assert "different NHS numbers (9434765919 and 9434765870)" in refused.content.decode()
    assert not PersonMerge.objects.exists()
    assert PossibleMatch.objects.get().status == PossibleMatch.Status.OPEN


def test_the_merge_history_says_what_was_copied_and_undo_says_what_it_kept():
    kept = Person.objects.create(kind=Person.Kind.CHILD, family_name="Hartley")
    merged = factories.person(nhs_number="9434765919")
    client, user = _signed_in()
    merge = person_merge(user=user, survivor=kept, merged=merged, reason="Same child")
    page = client.get(f"/front-door/people/{kept.pk}/merges").content.decode()
    assert "Copied to the kept record" in page
    assert "First name: Ruby; Date of birth: 14 March 2017; Sex: Female; NHS number: 9434765919" in page

    Person.objects.filter(pk=kept.pk).update(nhs_number="9434765870")
    response = client.post(f"/front-door/merges/{merge.pk}/undo", {"reason": "Twins"}, follow=True)
    assert ("The NHS number of Ruby Hartley changed after the merge and keep their newer values."
            in response.content.decode())
    kept.refresh_from_db()
    assert (kept.given_name, kept.date_of_birth, kept.nhs_number) == ("", None, "9434765870")


@pytest.fixture
def contact_and_child():
    contact = factories.contact()
    return contact, contact.children.get()


def _link(client, contact, child, person_id):
    return client.post(f"/front-door/contacts/{contact.pk}/children/{child.pk}/link",
                       {"person_id": person_id, "basis": "search"})


def test_linking_a_record_merged_since_the_page_was_shown_is_refused_with_the_survivor_named(contact_and_child):
    contact, child = contact_and_child
    kept, merged = factories.person(given_name="Ruby"), factories.person(given_name="Rubie")
    client, user = _signed_in()
    person_merge(user=user, survivor=kept, merged=merged, reason="Same child")

    response = _link(client, contact, child, merged.pk)
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page
    assert ("Ruby Hartley was not linked: the record you chose (Rubie Hartley) has been merged into Ruby Hartley&#x27;s "
            "record since the page was shown.") in page
    assert "Find Ruby Hartley in the person index" in page  # still on the Find the child page
    child.refresh_from_db()
    assert child.person is None


@pytest.mark.parametrize("person_id", ["7c1bc0a8-5f3c-4f59-9a4e-0d1a7f3e2b11", "not-a-uuid", ""])
def test_linking_an_id_that_is_no_ones_is_refused(contact_and_child, person_id):
    contact, child = contact_and_child
    factories.person()
    client, _ = _signed_in()
    response = _link(client, contact, child, person_id)
    assert response.status_code == 400
    assert "the record you chose is not in the person index" in response.content.decode()
    child.refresh_from_db()
    assert child.person is None


def test_linking_a_current_record_still_links(contact_and_child):
    contact, child = contact_and_child
    ruby = factories.person()
    client, _ = _signed_in()
    response = _link(client, contact, child, ruby.pk)
    assert response.status_code == 302
    child.refresh_from_db()
    assert child.person == ruby
