"""Who has viewed a child's record: for Front Door managers, every read and change of the person and of
the contacts and notifications naming them, newest first; opening it is logged; anyone else gets 404."""
import pytest
from django.test import Client

from frontdoor.agencies.models import Agency, Membership
from frontdoor.governance.models import AccessLogEntry
from frontdoor.intake.models import ContactChild
from frontdoor.lado import selectors as lado_selectors
from frontdoor.lado import services as lado_services
from frontdoor.triage.models import NotificationChild, PoliceNotification
from tests import factories
from tests.lado.test_services import refer
from tests.triage import factories_triage as triage

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _log_page(client, person, page=1):
    return client.get(f"/front-door/people/{person.pk}/access-log?page={page}")


@pytest.fixture
def ruby():
    """Ruby, named in a contact and (as a child) in a police notification; and another child's contact."""
    ruby = factories.person()
    contact = factories.contact()
    ContactChild.objects.filter(contact=contact).update(person=ruby)
    notification = triage.police_notification(reference="WMP-RUBY")
    triage.child(notification, person=ruby)
    other = factories.contact(children=(factories.child_draft(given_name="Leo", family_name="Okafor"),))
    return {"person": ruby, "contact": contact, "notification": notification, "other": other}


@pytest.fixture
def manager():
    return factories.user(role="manager", first="Alex", last="Morgan",
                          agency_=factories.agency(kind=Agency.Kind.LOCAL_AUTHORITY, name="Fictionshire Council"))


def test_a_manager_sees_who_viewed_the_child_her_contacts_and_notifications_newest_first(ruby, manager):
    practitioner = factories.user(role="practitioner", first="Sam", last="Patel",
                                  agency_=factories.agency(kind=Agency.Kind.LOCAL_AUTHORITY, name="Front Door team"))
    isco = factories.user(role="isco", first="Dana", last="Price")
    staff = _client(practitioner)
    staff.get(f"/front-door/contacts/{ruby['contact'].pk}")
    staff.get(f"/front-door/contacts/{ruby['other'].pk}")
    staff.get(f"/front-door/people/{ruby['person'].pk}")
    _client(isco).get(f"/notifications/{ruby['notification'].pk}")

    page = _log_page(_client(manager), ruby["person"]).content.decode()

    rows = page.split('<tr class="govuk-table__row">')[2:]  # after the heading row
    reference = ruby["contact"].reference
    expected = [  # who, their agency, action, record, reason
        ("Alex Morgan", "Fictionshire Council", "Viewed", "Person", "Viewed who has viewed this record"),
        ("Dana Price", "", "Viewed", "Police notification", "Opened the notification to grade it"),
        ("Sam Patel", "Front Door team", "Viewed", "Person", "Viewed the person&#x27;s record"),
        ("Sam Patel", "Front Door team", "Viewed", "Person", f"Shown on contact {reference}"),
        ("Sam Patel", "Front Door team", "Viewed", "Contact", "Front Door worked on the contact"),
        ("", "", "Created", "Contact", "Submitted a contact"),
    ]
    assert len(rows) == len(expected)  # the other child's contact, read and submitted, is not here
    for row, cells in zip(rows, expected, strict=True):
        assert all(f">{cell}" in row for cell in cells if cell), row
    entry = AccessLogEntry.objects.filter(user=manager).get()
    assert (entry.target_id, entry.reason) == (str(ruby["person"].pk), "Viewed who has viewed this record")


def test_the_log_is_paginated(ruby, manager):
    AccessLogEntry.objects.bulk_create(
        AccessLogEntry(user=manager, action="view", target_type="people.person", target_id=str(ruby["person"].pk),
                       reason=f"Reading {i}") for i in range(60))
    client = _client(manager)
    assert "Page 1 of 2" in _log_page(client, ruby["person"]).content.decode()
    assert "Page 2 of 2" in _log_page(client, ruby["person"], page=2).content.decode()


def test_the_person_page_links_to_it_for_managers_only(ruby, manager):
    link = f'href="/front-door/people/{ruby["person"].pk}/access-log">Who has viewed this record</a>'
    assert link in _client(manager).get(f"/front-door/people/{ruby['person'].pk}").content.decode()
    practitioner = _client(factories.user(role="practitioner"))
    assert link not in practitioner.get(f"/front-door/people/{ruby['person'].pk}").content.decode()


@pytest.mark.parametrize("role", [Membership.Role.PRACTITIONER, Membership.Role.ISCO, Membership.Role.TEAM_MANAGER,
                                  Membership.Role.TRIAGE_MEMBER, Membership.Role.REFERRER,
                                  Membership.Role.ADMINISTRATOR])
def test_anyone_but_a_manager_gets_the_404_of_a_missing_record_and_nothing_is_logged(ruby, manager, role):
    user = factories.user(role=role)
    refused = _log_page(_client(user), ruby["person"])
    missing = _client(manager).get("/front-door/people/7c1bc0a8-5f3c-4f59-9a4e-0d1a7f3e2b11/access-log")
    assert refused.status_code == missing.status_code == 404
    assert "Page not found" in refused.content.decode() and "Ruby" not in refused.content.decode()
    assert not AccessLogEntry.objects.filter(user=user).exists()


def test_what_her_school_read_and_a_notification_naming_her_mother_are_in_their_logs(manager):
    ruby, mother = factories.person(), triage.adult()
    school = triage.school()
    told = triage.school_notification(school_=school)
    NotificationChild.objects.filter(pk=told.child_id).update(person=ruby)
    PoliceNotification.objects.filter(pk=told.notification_id).update(victim=mother)
    dsl = factories.user(agency_=school, first="Chris", last="Taylor")
    _client(dsl).get(f"/school/da-notifications/{told.pk}")
    _client(factories.user(role="isco", first="Dana", last="Price")).get(f"/notifications/{told.notification_id}")
    client = _client(manager)

    rubys = _log_page(client, ruby).content.decode()
    mothers = _log_page(client, mother).content.decode()

    assert "School read a DA notification" in rubys and "Chris Taylor" in rubys and "School notification" in rubys
    assert "Opened the notification to grade it" in rubys and "Opened the notification to grade it" in mothers
    assert "School read a DA notification" not in mothers


def test_a_lados_reads_of_the_child_are_not_shown_to_a_manager_so_no_allegation_is_revealed(ruby, manager):
    lado = factories.user(role=Membership.Role.LADO, first="Lee", last="Adair")
    referral = refer()
    person = ruby["person"]
    lado_services.lado_child_link(user=lado, referral=referral, version=1, given_name=person.given_name,
                                  family_name=person.family_name, date_of_birth=person.date_of_birth)
    lado_selectors.referral_children(user=lado, referral=referral)
    _client(factories.user(role="practitioner", first="Sam", last="Patel")).get(f"/front-door/people/{person.pk}")

    page = _log_page(_client(manager), person).content.decode()

    assert "Sam Patel" in page and "Viewed the person&#x27;s record" in page
    assert "Lee Adair" not in page and "LADO" not in page
    assert AccessLogEntry.objects.filter(user=lado, target_id=str(person.pk)).count() == 2  # still in the log
