"""Identity resolution on the database: the index as records, the stored model, the three answers,
merges that can be undone, and who may see what."""
from datetime import date

import pytest
from django.test import Client

from frontdoor.casework.models import Case
from frontdoor.cli import main
from frontdoor.governance.models import AccessLogEntry
from frontdoor.intake.models import ContactChild
from frontdoor.people import identity
from frontdoor.people.errors import MergeNotAllowed
from frontdoor.people.matching.features import parse_dob
from frontdoor.people.models import (
    Address, Household, MatchModelVersion, Person, PersonMerge, PossibleMatch, Relationship, Residence,
)
from frontdoor.people.records import index_records
from frontdoor.people.resolution import PersonDescription, person_resolve_or_create
from frontdoor.people.services import person_merge, person_merge_undo, possible_duplicates_record
from tests import factories
from tests.people.index import load_index, population, trained_model

pytestmark = pytest.mark.django_db

CHILD = {
    "id": "child", "given_name": "Thomas", "family_name": "Okafor", "dob": "2014-03-09", "sex": "M",
    "address": "12 Hawthorn Close, Worcester", "postcode": "WR5 2JB", "nhs_number": "9434765919", "school": "",
    "address_history": [{"address": "4 Mill Lane, Malvern", "postcode": "HR7 3AT"}],
}
TWIN = {**CHILD, "id": "twin", "given_name": "Samuel", "nhs_number": "9434765870"}
SISTER = {**CHILD, "id": "sister", "given_name": "Grace", "sex": "F", "dob": "2016-07-01", "nhs_number": "9434765897"}


def description(record, **overrides) -> PersonDescription:
    fields = {"given_name": record["given_name"], "family_name": record["family_name"],
              "date_of_birth": date.fromisoformat(record["dob"]), "sex": {"M": "male", "F": "female"}[record["sex"]],
              "address": record["address"], "postcode": record["postcode"], "nhs_number": record["nhs_number"]}
    return PersonDescription(**{**fields, **overrides})


@pytest.fixture
def area():
    """A trained, active model and an index of 400 generated people plus one household."""
    identity.index_forget()
    identity.match_model_store(model=trained_model())
    persons = load_index(population().index[:400] + [CHILD, SISTER])
    yield persons
    identity.index_forget()


def test_index_records_read_the_whole_index_in_two_queries(django_assert_num_queries):
    school = factories.agency(name="Oakfield Primary")
    ruby = factories.person(nhs_number="9434765919")
    ruby.school = school
    ruby.save()
    old_home = Address.objects.create(line1="3 Mill Lane", town="Malvern", postcode="HR7 3AT")
    Residence.objects.create(person=ruby, address=old_home, to_date=date(2022, 5, 1))
    factories.person(given_name="Rose")
    with django_assert_num_queries(2):
        records = index_records()
    record = next(r for r in records if r["id"] == str(ruby.pk))
    assert record["school"] == "Oakfield Primary"
    assert (record["address"], record["postcode"]) == ("12 Orchard Way", "FD1 2AB")
    assert record["address_history"] == [{"address": "3 Mill Lane, Malvern", "postcode": "HR7 3AT"}]
    assert (record["dob"], record["sex"], record["nhs_number"]) == (date(2017, 3, 14), "female", "9434765919")


def test_merged_records_leave_the_index():
    ruby, copy = factories.person(), factories.person()
    person_merge(user=factories.user(role="practitioner"), survivor=ruby, merged=copy, reason="Same child")
    assert [r["id"] for r in index_records()] == [str(ruby.pk)]


def test_each_training_is_a_new_version_and_only_the_latest_is_active():
    contact = factories.contact()
    load_index(population().index[:600])
    ContactChild.objects.bulk_create(
        ContactChild(contact=contact, given_name=q["given_name"], family_name=q["family_name"],
                     date_of_birth=parse_dob(q["dob"]),
                     postcode=q["postcode"], address=q["address"], nhs_number=q["nhs_number"])
        for q in population().queries[:300]
    )
    first = identity.match_model_train()
    second = identity.match_model_store(model=trained_model())
    assert first.record_count == 600 + 300 + 1  # the index, the 300 described children, the factory's Ruby
    assert list(MatchModelVersion.objects.filter(is_active=True)) == [second]
    assert identity.active_match_model().version == "test-model"
    assert MatchModelVersion.objects.count() == 2


def test_exact_description_links_to_the_existing_child(area):
    person, created = person_resolve_or_create(description(CHILD, nhs_number=""))
    assert (person, created) == (area["child"], False)
    assert not PossibleMatch.objects.exists()


def test_the_twin_nobody_has_met_is_never_linked_to_his_brother(area):
    twin, created = person_resolve_or_create(description(TWIN, nhs_number=""))
    assert created and twin not in area.values()
    for possible in PossibleMatch.objects.all():  # a person decides; nothing was guessed
        assert possible.person == twin and possible.status == PossibleMatch.Status.OPEN


def test_a_conflicting_nhs_number_creates_the_person_and_a_possible_match_with_the_evidence(area):
    person, created = person_resolve_or_create(description(CHILD, nhs_number="9434765951"))
    assert created
    possible = PossibleMatch.objects.get(person=person)
    assert possible.candidate == area["child"]
    assert possible.source == PossibleMatch.Source.RESOLUTION and possible.match_probability >= 0.01
    nhs = next(e for e in possible.evidence if e["field"] == "nhs_number")
    assert (nhs["agreement"], nhs["query_value"], nhs["candidate_value"]) == ("disagrees", "9434765951", "9434765919")


def test_someone_unknown_is_new_with_nothing_to_review(area):
    person, created = person_resolve_or_create(PersonDescription(
        given_name="Zebedee", family_name="Quillfeather", date_of_birth=date(2019, 1, 2), postcode="ZZ9 9ZZ"))
    assert created and person.current_address.postcode == "ZZ9 9ZZ"
    assert not PossibleMatch.objects.exists()


def test_a_person_created_in_this_process_is_found_at_once(area, django_capture_on_commit_callbacks):
    identity.app_resolver()
    with django_capture_on_commit_callbacks(execute=True):
        newcomer, created = person_resolve_or_create(description(TWIN))
    assert created
    again, created = person_resolve_or_create(description(TWIN))
    assert (again, created) == (newcomer, False)


def test_a_changed_person_replaces_their_old_record_and_can_still_be_linked(area, django_capture_on_commit_callbacks):
    identity.app_resolver()
    child = area["child"]
    Residence.objects.filter(person=child, to_date__isnull=True).update(to_date=date(2025, 1, 1))
    Residence.objects.create(person=child, address=Address.objects.create(line1="9 New Road", postcode="WR2 4AA"))
    with django_capture_on_commit_callbacks(execute=True):
        identity.index_note(child, created=False)
    moved = {**CHILD, "address": "9 New Road", "postcode": "WR2 4AA"}
    assert person_resolve_or_create(description(moved)) == (child, False)


@pytest.fixture
def duplicate():
    """Ruby recorded twice, each record with its own history."""
    ruby, copy = factories.person(nhs_number="9434765919"), factories.person()
    contact = factories.contact()
    ContactChild.objects.filter(contact=contact).update(person=copy)
    Case.objects.create(person=copy, kind=Case.Kind.EARLY_HELP, opened_on=date(2024, 1, 5))
    mother = Person.objects.create(kind=Person.Kind.ADULT, given_name="Lisa", family_name="Hartley")
    Relationship.objects.create(person=mother, relative=copy, kind=Relationship.Kind.PARENT)
    Relationship.objects.create(person=mother, relative=ruby, kind=Relationship.Kind.PARENT)  # clashes on merge
    household = Household.objects.create(address=copy.current_address)
    household.members.add(copy, mother)
    return ruby, copy, mother


def _history(person):
    return {
        "contacts": set(ContactChild.objects.filter(person=person).values_list("pk", flat=True)),
        "cases": set(person.cases.values_list("pk", flat=True)),
        "residences": set(person.residences.values_list("pk", flat=True)),
        "relationships_to": set(person.relationships_to.values_list("pk", flat=True)),
        "households": set(person.households.values_list("pk", flat=True)),
    }


def test_merge_moves_the_history_and_undo_restores_exactly_what_moved(duplicate):
    ruby, copy, _ = duplicate
    practitioner = factories.user(role="practitioner")
    before = {ruby.pk: _history(ruby), copy.pk: _history(copy)}

    merge = person_merge(user=practitioner, survivor=ruby, merged=copy, reason="Same NHS number on the GP record")
    copy.refresh_from_db()
    assert copy.merged_into == ruby
    after = _history(ruby)
    for part in ("contacts", "cases", "residences", "households"):
        assert after[part] == before[ruby.pk][part] | before[copy.pk][part]
    # The mother's duplicate "parent of" row would clash with the one Ruby has: it stays with the copy.
    assert _history(copy)["relationships_to"] == before[copy.pk]["relationships_to"]
    assert {entry["model"] for entry in merge.moved} >= {"intake.contactchild", "casework.case", "people.residence"}

    person_merge_undo(user=practitioner, merge=merge, reason="Wrong child: twins")
    copy.refresh_from_db()
    assert copy.merged_into is None
    assert {ruby.pk: _history(ruby), copy.pk: _history(copy)} == before
    merge.refresh_from_db()
    assert merge.undone_by == practitioner and merge.undo_reason == "Wrong child: twins"


def test_merge_and_undo_are_audited_for_both_people(duplicate):
    ruby, copy, _ = duplicate
    practitioner = factories.user(role="practitioner")
    merge = person_merge(user=practitioner, survivor=ruby, merged=copy, reason="Same child")
    person_merge_undo(user=practitioner, merge=merge, reason="Not the same")
    rows = AccessLogEntry.objects.filter(user=practitioner, action=AccessLogEntry.Action.UPDATE)
    assert {(r.target_id, r.reason) for r in rows} == {
        (str(ruby.pk), "Kept in a merge: Same child"), (str(copy.pk), "Merged into Ruby Hartley: Same child"),
        (str(ruby.pk), "Merge undone: Not the same"), (str(copy.pk), "Merge undone: Not the same"),
    }


def test_a_merged_record_cannot_be_merged_again_and_undo_happens_once(duplicate):
    ruby, copy, mother = duplicate
    practitioner = factories.user(role="practitioner")
    merge = person_merge(user=practitioner, survivor=ruby, merged=copy, reason="Same child")
    with pytest.raises(MergeNotAllowed):
        person_merge(user=practitioner, survivor=mother, merged=copy, reason="Oops")
    person_merge_undo(user=practitioner, merge=merge, reason="Undo")
    with pytest.raises(MergeNotAllowed):
        person_merge_undo(user=practitioner, merge=merge, reason="Again")


def test_dedupe_records_pairs_once_for_the_queue(area):
    load_index([{**CHILD, "id": "copy", "given_name": "Tom", "address_history": []}])
    pairs = identity.index_duplicates(identity.active_match_model())
    assert any({p.person_id, p.candidate_id} >= {area["child"].pk} for p in pairs)
    added = possible_duplicates_record(pairs=pairs)
    assert added == len(pairs) == PossibleMatch.objects.filter(source=PossibleMatch.Source.DEDUPE).count()
    assert possible_duplicates_record(pairs=pairs) == 0


def test_dedupe_command_prints_the_pairs_and_records_them(area, capsys):
    copy = load_index([{**CHILD, "id": "copy", "given_name": "Tom", "address_history": []}])["copy"]
    main(["dedupe", "--record"])
    out, err = capsys.readouterr()
    pair_line = next(line for line in out.splitlines() if str(copy.pk) in line)
    assert "Tom Okafor" in pair_line and "Thomas Okafor" in pair_line
    assert "new pairs added to the possible duplicates queue" in err
    assert PossibleMatch.objects.filter(source=PossibleMatch.Source.DEDUPE, status=PossibleMatch.Status.OPEN).exists()


def _signed_in(role):
    client = Client()
    user = factories.user(role=role)
    client.force_login(user)
    return client, user


def test_queue_merge_and_undo_through_the_pages(duplicate):
    ruby, copy, _ = duplicate
    pair = PossibleMatch.objects.create(person=copy, candidate=ruby, match_probability=0.9, evidence=[],
                                        source=PossibleMatch.Source.DEDUPE)
    client, practitioner = _signed_in("practitioner")
    page = client.get("/front-door/possible-duplicates")
    assert "Ruby Hartley and Ruby Hartley" in page.content.decode()
    assert AccessLogEntry.objects.filter(user=practitioner, reason="Shown in the possible duplicates queue").count() == 2

    no_reason = client.post(f"/front-door/possible-duplicates/{pair.pk}/merge", {"reason": ""})
    assert no_reason.status_code == 400 and "Enter why these records are the same person" in no_reason.content.decode()
    response = client.post(f"/front-door/possible-duplicates/{pair.pk}/merge", {"reason": "Same child"}, follow=True)
    assert "Ruby Hartley merged into Ruby Hartley" in response.content.decode()
    merge = PersonMerge.objects.get()
    assert (merge.survivor, merge.merged, merge.merged_by) == (ruby, copy, practitioner)
    assert PossibleMatch.objects.get().status == PossibleMatch.Status.LINKED

    client.post(f"/front-door/merges/{merge.pk}/undo", {"reason": "Different children"})
    assert PersonMerge.objects.get().undone_at is not None
    assert PossibleMatch.objects.get().status == PossibleMatch.Status.OPEN


def test_not_the_same_person_dismisses_the_pair(duplicate):
    ruby, copy, _ = duplicate
    pair = PossibleMatch.objects.create(person=copy, candidate=ruby, match_probability=0.9, evidence=[],
                                        source=PossibleMatch.Source.DEDUPE)
    client, practitioner = _signed_in("manager")
    client.post(f"/front-door/possible-duplicates/{pair.pk}/dismiss", {"reason": ""})
    pair.refresh_from_db()
    assert (pair.status, pair.decided_by, pair.reason) == (PossibleMatch.Status.DISMISSED, practitioner, "Not the same person")


@pytest.mark.parametrize("role", ["referrer", "administrator"])
def test_only_the_front_door_reaches_the_identity_pages(duplicate, role):
    ruby, copy, _ = duplicate
    pair = PossibleMatch.objects.create(person=copy, candidate=ruby, match_probability=0.9, evidence=[],
                                        source=PossibleMatch.Source.DEDUPE)
    merge = person_merge(user=factories.user(role="practitioner"), survivor=ruby, merged=copy, reason="Same")
    client, _ = _signed_in(role)
    for method, path in (("get", "/front-door/possible-duplicates"), ("get", f"/front-door/people/{ruby.pk}/merges"),
                         ("post", f"/front-door/possible-duplicates/{pair.pk}/dismiss"),
                         ("post", f"/front-door/merges/{merge.pk}/undo")):
        assert getattr(client, method)(path, {"reason": "x"}).status_code == 404
    assert PersonMerge.objects.get().undone_at is None
