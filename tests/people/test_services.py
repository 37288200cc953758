"""Person index services: a merge fills the kept record's gaps from the merged one and records
exactly what it copied, refuses two different NHS numbers, and an undo restores both records."""
from datetime import date

import pytest
from django.forms.models import model_to_dict

from frontdoor.agencies.models import Agency
from frontdoor.casework.models import Case
from frontdoor.governance.models import AccessLogEntry
from frontdoor.intake.models import ContactChild
from frontdoor.people.errors import MergeNotAllowed
from frontdoor.intake import services as intake_services
from frontdoor.people.errors import FamilyMemberNotAdded
from frontdoor.people.models import Address, Household, Person, PersonMerge, Relationship, Residence
from frontdoor.people.selectors import survivor_of
from frontdoor.people.errors import LinkNotAllowed
from frontdoor.people.services import (
    contact_child_link,
    family_member_add_to_index,
    person_create_from_contact_child,
    person_merge,
    person_merge_undo,
)
from tests import factories

pytestmark = pytest.mark.django_db

RUBY_NHS = "9434765919"
OTHER_NHS = "9434765870"


@pytest.fixture
def practitioner():
    return factories.user(role="practitioner")


def _sparse(**fields) -> Person:
    """A record made from a phone call: a family name and little else."""
    return Person.objects.create(**{"kind": Person.Kind.CHILD, "family_name": "Hartley", **fields})


def _full(**fields) -> Person:
    school = factories.agency(name="Oakfield Primary")
    person = Person.objects.create(**{
        "kind": Person.Kind.CHILD, "given_name": "Ruby", "family_name": "Hartley", "date_of_birth": date(2017, 3, 14),
        "sex": Person.Sex.FEMALE, "nhs_number": RUBY_NHS, "school": school, **fields})
    Residence.objects.create(person=person, address=Address.objects.create(line1="12 Orchard Way", postcode="FD1 2AB"),
                             from_date=date(2019, 6, 1))
    return person


def _snapshot(person: Person) -> dict:
    person = Person.objects.get(pk=person.pk)
    return {
        "fields": model_to_dict(person, exclude=["version"]),  # a merge and its undo each add one
        "residences": set(person.residences.values_list("pk", flat=True)),
        "relationships": set(Relationship.objects.filter(person=person).values_list("pk", flat=True))
        | set(Relationship.objects.filter(relative=person).values_list("pk", flat=True)),
        "contacts": set(ContactChild.objects.filter(person=person).values_list("pk", flat=True)),
        "cases": set(person.cases.values_list("pk", flat=True)),
    }


def test_merge_fills_what_the_kept_record_lacks_and_records_each_value(practitioner):
    kept, merged = _sparse(), _full()
    merge = person_merge(user=practitioner, survivor=kept, merged=merged, reason="Same child: GP confirms")

    kept.refresh_from_db()
    assert (kept.given_name, kept.date_of_birth, kept.sex, kept.nhs_number, kept.school) == (
        "Ruby", date(2017, 3, 14), Person.Sex.FEMALE, RUBY_NHS, merged.school)
    assert merge.copied == [
        {"field": "given_name", "before": "", "after": "Ruby"},
        {"field": "date_of_birth", "before": None, "after": "2017-03-14"},
        {"field": "sex", "before": "unknown", "after": "female"},
        {"field": "nhs_number", "before": "", "after": RUBY_NHS},
        {"field": "school", "before": None, "after": str(merged.school_id)},
    ]
    assert PersonMerge.objects.get().copied == merge.copied  # stored, not only returned
    # The merged record's own details stay as they were: copied, not moved.
    merged.refresh_from_db()
    assert (merged.given_name, merged.nhs_number, merged.merged_into) == ("Ruby", RUBY_NHS, kept)


def test_merge_keeps_the_kept_records_own_values(practitioner):
    kept = _sparse(given_name="Rubi", date_of_birth=date(2017, 3, 15), sex=Person.Sex.FEMALE)
    merged = _full(sex=Person.Sex.MALE)
    merge = person_merge(user=practitioner, survivor=kept, merged=merged, reason="Same child")
    kept.refresh_from_db()
    assert (kept.given_name, kept.date_of_birth, kept.sex) == ("Rubi", date(2017, 3, 15), Person.Sex.FEMALE)
    assert [entry["field"] for entry in merge.copied] == ["nhs_number", "school"]


def test_addresses_and_relationships_come_over_from_the_merged_record(practitioner):
    kept, merged = _sparse(), _full()
    mother = Person.objects.create(kind=Person.Kind.ADULT, given_name="Lisa", family_name="Hartley")
    Relationship.objects.create(person=mother, relative=merged, kind=Relationship.Kind.PARENT)
    person_merge(user=practitioner, survivor=kept, merged=merged, reason="Same child")
    assert kept.current_address.line1 == "12 Orchard Way"
    assert Relationship.objects.get(person=mother).relative == kept


def test_two_different_nhs_numbers_are_never_merged(practitioner):
    kept, merged = _full(), _full(nhs_number=OTHER_NHS, given_name="")
    before = (_snapshot(kept), _snapshot(merged))
    with pytest.raises(MergeNotAllowed) as refused:
        person_merge(user=practitioner, survivor=kept, merged=merged, reason="Looks like the same child")
    assert f"different NHS numbers ({RUBY_NHS} and {OTHER_NHS})" in str(refused.value)
    assert "almost certainly different people" in str(refused.value)
    assert (_snapshot(kept), _snapshot(merged)) == before
    assert not PersonMerge.objects.exists()
    assert not AccessLogEntry.objects.filter(action=AccessLogEntry.Action.UPDATE).exists()


def test_the_same_nhs_number_or_one_missing_or_invalid_does_not_stop_a_merge(practitioner):
    assert person_merge(user=practitioner, survivor=_full(), merged=_full(), reason="Same NHS number")
    assert person_merge(user=practitioner, survivor=_full(), merged=_full(nhs_number=""), reason="Same child")
    # A number that fails its check digit is a typing error, not evidence of another person.
    assert person_merge(user=practitioner, survivor=_full(), merged=_full(nhs_number="1234567890"), reason="Typo")


def test_undo_restores_both_records_exactly_as_they_were(practitioner):
    kept, merged = _sparse(), _full()
    Residence.objects.create(person=kept, address=Address.objects.create(line1="Flat 2", postcode="FD9 9ZZ"))
    contact = factories.contact()
    ContactChild.objects.filter(contact=contact).update(person=merged)
    Case.objects.create(person=merged, kind=Case.Kind.EARLY_HELP, opened_on=date(2024, 1, 5))
    mother = Person.objects.create(kind=Person.Kind.ADULT, given_name="Lisa", family_name="Hartley")
    Relationship.objects.create(person=mother, relative=merged, kind=Relationship.Kind.PARENT)
    before = {"kept": _snapshot(kept), "merged": _snapshot(merged)}

    merge = person_merge(user=practitioner, survivor=kept, merged=merged, reason="Same child")
    assert _snapshot(kept)["fields"]["nhs_number"] == RUBY_NHS
    person_merge_undo(user=practitioner, merge=merge, reason="Different children after all")

    assert {"kept": _snapshot(kept), "merged": _snapshot(merged)} == before
    assert PersonMerge.objects.get().copied == merge.copied  # the record of the merge stays whole
    # A form opened on either record before the merge, or between merge and undo, is stale.
    assert list(Person.objects.filter(pk__in=[kept.pk, merged.pk]).values_list("version", flat=True)) == [3, 3]


def test_undo_keeps_a_value_someone_changed_after_the_merge(practitioner):
    kept, merged = _sparse(), _full()
    merge = person_merge(user=practitioner, survivor=kept, merged=merged, reason="Same child")
    Person.objects.filter(pk=kept.pk).update(date_of_birth=date(2017, 4, 14))  # corrected since

    undone = person_merge_undo(user=practitioner, merge=merge, reason="Not the same")
    kept.refresh_from_db()
    assert kept.date_of_birth == date(2017, 4, 14)
    assert (kept.given_name, kept.nhs_number, kept.sex) == ("", "", Person.Sex.UNKNOWN)
    assert undone.kept_since == ["date_of_birth"]
    assert AccessLogEntry.objects.filter(
        target_id=str(kept.pk), reason="Merge undone (kept the date of birth changed since): Not the same").exists()


def test_a_merged_record_cannot_be_the_kept_one_of_another_merge(practitioner):
    first, second, third = _sparse(), _full(), _sparse(given_name="Ruby")
    person_merge(user=practitioner, survivor=first, merged=second, reason="Same child")
    with pytest.raises(MergeNotAllowed, match="already been merged"):
        person_merge(user=practitioner, survivor=second, merged=third, reason="Same child")


def test_a_merged_record_is_never_linked_to_a_contact(practitioner):
    contact = factories.contact()
    child = contact.children.get()
    kept, merged = _full(), _sparse(given_name="Rubie")
    person_merge(user=practitioner, survivor=kept, merged=merged, reason="Same child")
    with pytest.raises(LinkNotAllowed, match=r"has been merged into Ruby Hartley's record since the page was shown"):
        contact_child_link(user=practitioner, contact_child=child, person=merged)
    child.refresh_from_db()
    assert child.person is None
    assert not AccessLogEntry.objects.filter(target_id=str(merged.pk), reason__startswith="Linked").exists()


def test_a_record_merged_twice_names_the_last_survivor(practitioner):
    first, second, third = _sparse(given_name="Rubie"), _sparse(given_name="Ruby"), _full(given_name="Ruby-Mae")
    person_merge(user=practitioner, survivor=second, merged=first, reason="Same child")
    person_merge(user=practitioner, survivor=third, merged=second, reason="Same child")
    assert survivor_of(Person.objects.get(pk=first.pk)) == third


def test_a_new_person_from_a_contact_keeps_the_school_the_referrer_named(practitioner):
    school = factories.agency(kind=Agency.Kind.SCHOOL, name="Nettlecombe Vale Primary")
    contact = factories.contact()
    child = contact.children.get()
    child.school_name = "  nettlecombe vale   primary "
    child.save()

    person = person_create_from_contact_child(user=practitioner, contact_child=child)

    assert person.school == school


def test_a_school_name_no_school_has_leaves_the_school_blank(practitioner):
    contact = factories.contact()
    child = contact.children.get()
    child.school_name = "A school not in the area"
    child.save()

    assert person_create_from_contact_child(user=practitioner, contact_child=child).school is None


def _contact_with_mother(practitioner, *, linked=True):
    contact = factories.contact(family_members=(
        intake_services.FamilyMemberDraft(name="Dawn Hartley", relationship="Mother", date_of_birth=date(1990, 5, 1)),
        intake_services.FamilyMemberDraft(name="Lee Brown", relationship="Mum's partner", address="4 Mill Lane"),
    ))
    if linked:
        contact_child_link(user=practitioner, contact_child=contact.children.get(), person=factories.person())
    return contact


def test_a_family_member_is_added_to_the_index_the_household_and_as_the_childs_parent(practitioner):
    contact = _contact_with_mother(practitioner)
    ruby = contact.children.get().person
    mother = family_member_add_to_index(user=practitioner, family_member=contact.family_members.get(name="Dawn Hartley"))

    assert (mother.kind, mother.given_name, mother.family_name, mother.date_of_birth) == (
        Person.Kind.ADULT, "Dawn", "Hartley", date(1990, 5, 1))
    assert Relationship.objects.get(person=mother, relative=ruby).kind == Relationship.Kind.PARENT
    household = Household.objects.get(members=mother)
    assert set(household.members.all()) == {mother, ruby}
    assert AccessLogEntry.objects.filter(target_id=str(mother.pk), action=AccessLogEntry.Action.CREATE).exists()
    with pytest.raises(FamilyMemberNotAdded, match="already in the person index"):
        family_member_add_to_index(user=practitioner, family_member=contact.family_members.get(name="Dawn Hartley"))


def test_a_partner_elsewhere_is_related_but_not_in_the_childs_household(practitioner):
    contact = _contact_with_mother(practitioner)
    partner = family_member_add_to_index(user=practitioner, family_member=contact.family_members.get(name="Lee Brown"))
    assert Relationship.objects.get(person=partner).kind == Relationship.Kind.OTHER
    assert not Household.objects.filter(members=partner).exists()
    assert partner.residences.get().address.line1 == "4 Mill Lane"


def test_a_family_member_waits_until_the_child_is_identified(practitioner):
    contact = _contact_with_mother(practitioner, linked=False)
    with pytest.raises(FamilyMemberNotAdded, match="Find the child in the person index before adding Dawn Hartley"):
        family_member_add_to_index(user=practitioner, family_member=contact.family_members.get(name="Dawn Hartley"))
    assert not Person.objects.filter(kind=Person.Kind.ADULT).exists()
