"""Restricted (sealed) records: seen only by the people a manager names; to everyone else the person,
and every contact naming them, is a missing record, and each attempt is in the access log."""
import re
import uuid
from datetime import date

import pytest
from django.test import Client
from django.utils import timezone

from frontdoor.api.models import ApiToken
from frontdoor.governance.models import AccessLogEntry
from frontdoor.intake.models import ContactChild
from frontdoor.people import identity
from frontdoor.people.errors import RestrictionConflict, RestrictionInvalid
from frontdoor.people.models import Person, PersonRestriction, Relationship
from frontdoor.people.selectors import person_find, person_search, persons_visible_to
from frontdoor.people.services import person_restrict, person_restriction_lift
from frontdoor.people.records import index_records
from tests import factories
from tests.people.index import load_index, population, trained_model

pytestmark = pytest.mark.django_db


@pytest.fixture
def sealed():
    """Ruby, a staff member's child, restricted by a manager to one named practitioner; a contact
    about her sent by a school through its partner system."""
    manager = factories.user(role="manager", first="Mo", last="Grant")
    named = factories.user(role="practitioner", first="Nia", last="Ward")
    other = factories.user(role="practitioner", first="Olly", last="Fenn")
    ruby = factories.person(nhs_number="9434765919")
    school_user = factories.user(role="referrer")
    contact = factories.contact(submitted_by=school_user)
    ContactChild.objects.filter(contact=contact).update(person=ruby)
    person_restrict(manager=manager, person=ruby, reason="The child of a member of staff",
                    permitted_ids=[named.pk], version=None)
    return {"manager": manager, "named": named, "other": other, "ruby": ruby, "contact": contact,
            "school_user": school_user}


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _without_nonces(response) -> str:
    """The page as a reader sees it: the per-response script nonce and CSRF token aside."""
    return re.sub(r'(nonce|value)="[^"]*"', "", response.content.decode())


def _refusals(user, person) -> list[str]:
    return list(AccessLogEntry.objects.filter(user=user, target_id=str(person.pk), action=AccessLogEntry.Action.REFUSED)
                .values_list("reason", flat=True))


def test_an_unnamed_practitioner_gets_the_missing_records_404_and_the_attempt_is_logged(sealed):
    client = _client(sealed["other"])
    restricted = client.get(f"/front-door/people/{sealed['ruby'].pk}")
    missing = client.get(f"/front-door/people/{uuid.uuid4()}")

    assert restricted.status_code == missing.status_code == 404
    assert _without_nonces(restricted) == _without_nonces(missing)
    assert _refusals(sealed["other"], sealed["ruby"]) == ["Viewed the person's record"]


def test_the_named_practitioner_and_the_manager_see_the_record_marked_restricted(sealed):
    for user in (sealed["named"], sealed["manager"]):
        page = _client(user).get(f"/front-door/people/{sealed['ruby'].pk}").content.decode()
        assert "Ruby Hartley" in page and "Restricted record: only 2 named people can see it" in page
    assert _refusals(sealed["named"], sealed["ruby"]) == []


def test_searches_leave_the_record_out_for_everyone_else_and_log_that_it_matched(sealed):
    ruby, other = sealed["ruby"], sealed["other"]
    assert person_search(user=other, family_name="Hartley") == []
    assert person_search(user=other, nhs_number="9434765919") == []
    assert person_find(user=other, today=date(2026, 12, 4), given_name="Ruby") == []
    assert _refusals(other, ruby) == ["Matched a person search"] * 3
    assert person_find(user=sealed["named"], today=date(2026, 12, 4), given_name="Ruby") == [ruby]


def test_the_search_page_does_not_show_the_record(sealed):
    page = _client(sealed["other"]).post("/front-door/people/search", {"given_name": "Ruby"}).content.decode()
    assert "Hartley" not in page
    assert "Ruby Hartley" in _client(sealed["named"]).post("/front-door/people/search",
                                                           {"given_name": "Ruby"}).content.decode()


def test_chronology_and_subject_access_are_missing_for_everyone_else(sealed):
    ruby = sealed["ruby"]
    client = _client(sealed["other"])
    assert client.get(f"/front-door/people/{ruby.pk}/chronology").status_code == 404
    assert _client(factories.user(role="manager")).get(f"/governance/people/{ruby.pk}/subject-access").status_code == 404
    assert _client(sealed["manager"]).get(f"/governance/people/{ruby.pk}/subject-access").status_code == 200
    assert _client(sealed["named"]).get(f"/front-door/people/{ruby.pk}/chronology").status_code == 200
    assert "Viewed the child's chronology" in _refusals(sealed["other"], ruby)


def test_the_contact_naming_the_child_is_missing_from_the_queue_and_its_page(sealed):
    contact, other = sealed["contact"], sealed["other"]
    client = _client(other)
    assert contact.reference not in client.get("/front-door/queue").content.decode()
    assert client.get(f"/front-door/contacts/{contact.pk}").status_code == 404
    assert _refusals(other, sealed["ruby"]) != []
    named = _client(sealed["named"])
    assert contact.reference in named.get("/front-door/queue").content.decode()
    assert named.get(f"/front-door/contacts/{contact.pk}").status_code == 200


def test_the_api_answers_404_and_leaves_the_contact_out_of_the_list(sealed):
    token = ApiToken.issue(user=sealed["school_user"], name="partner system")
    api = Client(headers={"Authorization": f"Bearer {token}"})
    assert api.get(f"/api/v1/contacts/{sealed['contact'].pk}").status_code == 404
    assert str(sealed["contact"].pk) not in api.get("/api/v1/contacts").content.decode()


def test_a_relative_s_page_does_not_name_the_restricted_child(sealed):
    lisa = Person.objects.create(kind=Person.Kind.ADULT, given_name="Lisa", family_name="Hartley")
    Relationship.objects.create(person=lisa, relative=sealed["ruby"], kind=Relationship.Kind.PARENT)
    assert "Ruby" not in _client(sealed["other"]).get(f"/front-door/people/{lisa.pk}").content.decode()
    assert "Ruby Hartley" in _client(sealed["named"]).get(f"/front-door/people/{lisa.pk}").content.decode()


def test_the_manager_restricts_through_the_page_and_is_always_named():
    manager = factories.user(role="manager")
    practitioner = factories.user(role="practitioner", first="Nia", last="Ward")
    ruby = factories.person()
    client = _client(manager)
    form = client.get(f"/front-door/people/{ruby.pk}/restriction").content.decode()
    assert "Nia Ward (Front Door practitioner" in form

    response = client.post(f"/front-door/people/{ruby.pk}/restriction",
                           {"reason": "Adopted child", "permitted": [str(practitioner.pk)], "version": ""})

    assert response.status_code == 302
    restriction = PersonRestriction.objects.get(person=ruby)
    assert set(restriction.permitted.all()) == {manager, practitioner} and restriction.placed_by == manager
    assert AccessLogEntry.objects.filter(user=manager, target_id=str(ruby.pk), action=AccessLogEntry.Action.UPDATE,
                                         reason="Record restricted to a named list").exists()


@pytest.mark.parametrize(("data", "message"), [
    ({"reason": "", "permitted": ["NAMED"]}, "Enter why this record is restricted"),
    ({"reason": "x" * 301, "permitted": ["NAMED"]}, "The reason must be 300 characters or fewer"),
    ({"reason": "Adopted child"}, "Choose at least one person who may see it"),
    ({"reason": "Adopted child", "permitted": ["REFERRER"]}, "Choose people from the list"),
])
def test_bad_input_is_refused_with_a_message_and_nothing_is_restricted(data, message):
    manager = factories.user(role="manager")
    named = {"NAMED": str(factories.user(role="practitioner").pk), "REFERRER": str(factories.user().pk)}
    ruby = factories.person()
    data = {**data, "permitted": [named[key] for key in data.get("permitted", [])]}

    response = _client(manager).post(f"/front-door/people/{ruby.pk}/restriction", data)

    assert response.status_code == 400
    assert "There is a problem" in response.content.decode() and message in response.content.decode()
    assert not PersonRestriction.objects.exists()


def test_the_service_refuses_a_user_a_restriction_cannot_name():
    manager = factories.user(role="manager")
    with pytest.raises(RestrictionInvalid, match="Choose people from the list"):
        person_restrict(manager=manager, person=factories.person(), reason="Staff child",
                        permitted_ids=[factories.user(role="referrer").pk], version=None)


@pytest.mark.parametrize("role", ["practitioner", "referrer", "administrator"])
def test_only_a_manager_opens_the_restriction_page(role):
    ruby = factories.person()
    assert _client(factories.user(role=role)).get(f"/front-door/people/{ruby.pk}/restriction").status_code == 404


def test_a_second_manager_working_from_an_old_page_gets_a_conflict(sealed):
    restriction = PersonRestriction.objects.get()
    person_restrict(manager=sealed["manager"], person=sealed["ruby"], reason="Staff child (changed)",
                    permitted_ids=[sealed["named"].pk, sealed["other"].pk], version=restriction.version)
    with pytest.raises(RestrictionConflict):
        person_restriction_lift(manager=sealed["manager"], restriction=restriction, version=restriction.version,
                                reason="No longer needed")
    with pytest.raises(RestrictionConflict):
        person_restrict(manager=sealed["manager"], person=sealed["ruby"], reason="Again", permitted_ids=[],
                        version=None)
    assert persons_visible_to(user=sealed["other"]).filter(pk=sealed["ruby"].pk).exists()


def test_lifting_is_audited_kept_in_the_history_and_opens_the_record_again(sealed):
    ruby, manager = sealed["ruby"], sealed["manager"]
    client = _client(manager)
    restriction = PersonRestriction.objects.get()

    refused = client.post(f"/front-door/people/{ruby.pk}/restriction/lift", {"lift_reason": "",
                                                                            "version": restriction.version})
    assert refused.status_code == 400 and "Enter why the restriction is being lifted" in refused.content.decode()

    lifted = client.post(f"/front-door/people/{ruby.pk}/restriction/lift",
                         {"lift_reason": "The member of staff has left", "version": restriction.version})

    assert lifted.status_code == 302
    restriction.refresh_from_db()
    assert restriction.lifted_by == manager and restriction.lifted_at <= timezone.now()
    assert AccessLogEntry.objects.filter(user=manager, target_id=str(ruby.pk), reason="Restriction lifted",
                                         action=AccessLogEntry.Action.UPDATE).exists()
    assert _client(sealed["other"]).get(f"/front-door/people/{ruby.pk}").status_code == 200
    history = client.get(f"/front-door/people/{ruby.pk}/restriction").content.decode()
    assert "Earlier restrictions" in history and "The member of staff has left" in history


@pytest.fixture
def indexed_area():
    identity.index_forget()
    identity.match_model_store(model=trained_model())
    persons = load_index(population().index[:200])
    yield persons
    identity.index_forget()


def test_the_resolver_does_not_offer_a_restricted_person_as_a_candidate(indexed_area):
    manager, other = factories.user(role="manager"), factories.user(role="practitioner")
    person = indexed_area["I0000003"]
    person_restrict(manager=manager, person=person, reason="Adopted child", permitted_ids=[], version=None)
    record = {**index_records(Person.objects.filter(pk=person.pk))[0], "id": "a contact's child"}
    resolver = identity.app_resolver()

    offered_to_manager = identity.rank(record, resolver=resolver, shown=persons_visible_to(user=manager))
    offered_to_other = identity.rank(record, resolver=resolver, shown=persons_visible_to(user=other))

    assert person in [p for p, _ in offered_to_manager.candidates]
    assert person not in [p for p, _ in offered_to_other.candidates]
    assert offered_to_other.decision != "link"
