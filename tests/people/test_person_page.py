"""The person page: everything the Front Door holds about one person, for practitioners and
managers only; every view logged; a merged record shows its survivor; a fixed number of queries."""
from datetime import date, datetime, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from frontdoor.agencies.models import Membership
from frontdoor.casework.models import Case, StrategyDiscussion
from frontdoor.decisions.services import decision_record
from frontdoor.governance.models import AccessLogEntry
from frontdoor.intake.models import ContactChild
from frontdoor.people.models import Address, Household, Person, PersonMerge, PossibleMatch, Relationship, Residence
from frontdoor.people.services import person_merge
from frontdoor.triage.models import Grade, MeetingOutcome, TriageMeeting
from tests import factories
from tests.triage import factories_triage as triage

pytestmark = pytest.mark.django_db


def _signed_in(role="practitioner", **kwargs):
    client = Client()
    user = factories.user(role=role, **kwargs)
    client.force_login(user)
    return client, user


def _page(client, person) -> str:
    response = client.get(f"/front-door/people/{person.pk}")
    assert response.status_code == 200
    return response.content.decode()


def _contact_about(person, *, decided_by=None, level=3, codes=("L3.2",)):
    contact = factories.contact()
    ContactChild.objects.filter(contact=contact).update(person=person)
    if decided_by is not None:
        decision_record(user=decided_by, contact=contact, contact_version=contact.version, level=level,
                        outcome_codes=list(codes), rationale="Needs assessment", social_worker_name="Sam Patel")
    return contact


def _notification_about(person, *, as_="child", reference=None, outcome=None):
    roles = {"victim": {"victim": person}, "perpetrator": {"perpetrator": person}, "child": {}}[as_]
    notification = triage.police_notification(reference=reference, grade=Grade.MEDIUM, **roles)
    if as_ == "child":
        triage.child(notification, person=person)
    if outcome:
        meeting, _ = TriageMeeting.objects.get_or_create(
            date=date(2025, 3, 4), defaults={"agenda_cutoff": timezone.make_aware(datetime(2025, 3, 4, 9))})
        MeetingOutcome.objects.create(notification=notification, meeting=meeting, final_grade=Grade.HIGH,
                                      decision=outcome, recorded_by=factories.user(role="isco"))
    return notification


@pytest.fixture
def ruby():
    """Ruby with a history in every app: two homes, a mother and brother, a contact with a decision,
    police notifications, an open case, a strategy discussion, and a possible duplicate."""
    ruby = factories.person(nhs_number="9434765919")
    Residence.objects.filter(person=ruby).update(from_date=date(2021, 9, 1))
    Residence.objects.create(person=ruby, address=Address.objects.create(line1="3 Mill Lane", postcode="FD4 4AA"),
                             from_date=date(2017, 3, 14), to_date=date(2021, 8, 31))
    lisa = Person.objects.create(kind=Person.Kind.ADULT, given_name="Lisa", family_name="Hartley")
    sam = Person.objects.create(kind=Person.Kind.CHILD, given_name="Sam", family_name="Hartley")
    Relationship.objects.create(person=lisa, relative=ruby, kind=Relationship.Kind.PARENT)
    Relationship.objects.create(person=ruby, relative=sam, kind=Relationship.Kind.SIBLING)
    household = Household.objects.create(address=ruby.current_address)
    household.members.add(ruby, lisa, sam)
    decider = factories.user(role="practitioner", first="Sam", last="Patel")
    contact = _contact_about(ruby, decided_by=decider)
    _notification_about(ruby, as_="child", reference="WMP-CHILD", outcome=MeetingOutcome.Decision.STRATEGY_DISCUSSION)
    _notification_about(lisa, as_="victim", reference="WMP-LISA")  # about her mother: not on Ruby's page
    Case.objects.create(person=ruby, kind=Case.Kind.CHILD_IN_NEED, opened_on=date(2025, 3, 10), lead_worker="Jo Bloggs")
    discussion = StrategyDiscussion.objects.create(reason="Peer-on-peer abuse", requested_at=timezone.now(),
                                                   due_at=timezone.now() + timedelta(days=1))
    discussion.children.add(ruby)
    copy = factories.person(given_name="Rubie")
    PossibleMatch.objects.create(person=copy, candidate=ruby, match_probability=0.93, evidence=[],
                                 source=PossibleMatch.Source.DEDUPE)
    return {"ruby": ruby, "lisa": lisa, "sam": sam, "contact": contact, "copy": copy}


def test_practitioner_sees_the_whole_history_of_a_child(ruby):
    client, practitioner = _signed_in()
    page = _page(client, ruby["ruby"])
    for text in (
        "Ruby Hartley", "14 March 2017", "Female", "9434765919", "Child in the person index",
        "12 Orchard Way, FD1 2AB", "Lives here now", "3 Mill Lane, FD4 4AA", "31 Aug 2021",
        f'href="/front-door/people/{ruby["lisa"].pk}">Lisa Hartley</a>', "Parent",
        f'href="/front-door/people/{ruby["sam"].pk}">Sam Hartley</a>', "Sibling",
        ruby["contact"].reference, "Level 3 Threshold – Children with complex needs", "Social work assessment (child in need)",
        "Awaiting authorisation",
        "WMP-CHILD", "Child", "Medium", "Strategy discussion (meeting of 4 Mar 2025)",
        "Open: Child in need", "Jo Bloggs", "Peer-on-peer abuse", "Not held yet",
        f'href="/front-door/people/{ruby["copy"].pk}">Rubie Hartley</a>', "93.0%", "To review",
        f'/front-door/people/{ruby["ruby"].pk}/merges',
    ):
        assert text in page, text
    assert "WMP-LISA" not in page
    assert AccessLogEntry.objects.filter(user=practitioner, target_id=str(ruby["ruby"].pk),
                                         reason="Viewed the person's record").count() == 1


def test_a_mother_sees_herself_as_victim_and_her_children_as_children(ruby):
    client, _ = _signed_in("manager")
    page = _page(client, ruby["lisa"])
    assert "WMP-LISA" in page and "Victim" in page and "WMP-CHILD" not in page
    assert f'href="/front-door/people/{ruby["ruby"].pk}">Ruby Hartley</a></td><td class="govuk-table__cell">Child' in page


@pytest.mark.parametrize("role", [Membership.Role.REFERRER, Membership.Role.ISCO, Membership.Role.TRIAGE_MEMBER,
                                  Membership.Role.ADMINISTRATOR])
def test_anyone_but_front_door_staff_gets_not_found_and_nothing_is_logged(ruby, role):
    client, user = _signed_in(role)
    assert client.get(f"/front-door/people/{ruby['ruby'].pk}").status_code == 404
    assert not AccessLogEntry.objects.filter(user=user).exists()


def test_a_schools_safeguarding_lead_gets_not_found(ruby):
    school = factories.agency(name="Oakfield Primary")
    client, user = _signed_in(Membership.Role.REFERRER, agency_=school)
    assert user.membership.is_school_dsl
    assert client.get(f"/front-door/people/{ruby['ruby'].pk}").status_code == 404


def test_signed_out_is_sent_to_sign_in_and_an_unknown_person_is_not_found(ruby):
    assert Client().get(f"/front-door/people/{ruby['ruby'].pk}").status_code == 302
    client, _ = _signed_in()
    assert client.get("/front-door/people/7c1bc0a8-5f3c-4f59-9a4e-0d1a7f3e2b11").status_code == 404


def test_a_merged_record_opens_its_survivor_with_a_notice(ruby):
    client, practitioner = _signed_in()
    person_merge(user=practitioner, survivor=ruby["ruby"], merged=ruby["copy"], reason="Same child")

    response = client.get(f"/front-door/people/{ruby['copy'].pk}")
    assert response.status_code == 302 and response["Location"] == f"/front-door/people/{ruby['ruby'].pk}"
    page = client.get(response["Location"]).content.decode()
    assert "The record you opened, Rubie Hartley, was merged into this one on" in page
    assert "by Test User" in page
    assert "Rubie Hartley merged into this record" in page
    assert "Rubie Hartley (merged)" in page  # the linked possible match, no longer a page of its own
    reasons = set(AccessLogEntry.objects.filter(user=practitioner, action="view").values_list("target_id", "reason"))
    assert (str(ruby["copy"].pk), "Opened a merged record: shown the record it was merged into") in reasons
    assert (str(ruby["ruby"].pk), "Viewed the person's record") in reasons
    # The notice is shown once.
    assert "The record you opened" not in _page(client, ruby["ruby"])


def test_a_record_merged_twice_opens_the_last_survivor(ruby):
    client, practitioner = _signed_in()
    latest = factories.person(given_name="Ruby-Mae")
    person_merge(user=practitioner, survivor=ruby["ruby"], merged=ruby["copy"], reason="Same child")
    person_merge(user=practitioner, survivor=latest, merged=ruby["ruby"], reason="Same child")
    response = client.get(f"/front-door/people/{ruby['copy'].pk}", follow=True)
    assert response.redirect_chain == [(f"/front-door/people/{latest.pk}", 302)]
    assert "The record you opened, Rubie Hartley, was merged into this one." in response.content.decode()


def test_an_undone_merge_leaves_two_pages(ruby):
    from frontdoor.people.services import person_merge_undo

    client, practitioner = _signed_in()
    merge = person_merge(user=practitioner, survivor=ruby["ruby"], merged=ruby["copy"], reason="Same child")
    person_merge_undo(user=practitioner, merge=merge, reason="Twins")
    assert "Rubie Hartley" in _page(client, ruby["copy"])
    assert PersonMerge.objects.get().undone_at is not None


def _queries_for_page(client, person) -> int:
    with CaptureQueriesContext(connection) as queries:
        _page(client, person)
    return len(queries)


def test_the_page_takes_the_same_number_of_queries_however_long_the_history(ruby):
    client, _ = _signed_in()
    child = ruby["ruby"]
    few = _queries_for_page(client, child)
    decider = factories.user(role="practitioner")
    for n in range(5):
        _contact_about(child, decided_by=decider, level=2, codes=("L2.2",))
        _notification_about(child, as_=("child", "victim", "perpetrator")[n % 3], reference=f"WMP-MORE-{n}",
                            outcome=MeetingOutcome.Decision.EARLY_HELP_OFFER)
        Case.objects.create(person=child, kind=Case.Kind.EARLY_HELP, opened_on=date(2020, 1, n + 1),
                            closed_on=date(2020, 6, 1))
        relative = Person.objects.create(kind=Person.Kind.ADULT, given_name=f"Aunt {n}", family_name="Hartley")
        Relationship.objects.create(person=relative, relative=child, kind=Relationship.Kind.OTHER)
        Household.objects.get().members.add(relative)
        Residence.objects.create(person=child, address=Address.objects.create(line1=f"{n} Old Road", postcode="FD9"))
        PossibleMatch.objects.create(person=factories.person(given_name=f"R{n}"), candidate=child,
                                     match_probability=0.5, evidence=[], source=PossibleMatch.Source.DEDUPE)
    many = _queries_for_page(client, child)
    assert many == few
    # the person page also reads the open child protection plan, episodes, missing episodes, the education list
    # and private fostering arrangements
    assert few <= 26


def test_the_contact_page_links_the_linked_child_to_their_page(ruby):
    client, _ = _signed_in()
    contact = ruby["contact"]
    page = client.get(f"/front-door/contacts/{contact.pk}").content.decode()
    assert f'href="/front-door/people/{ruby["ruby"].pk}"><strong>Ruby Hartley</strong></a>' in page


def test_find_the_child_and_the_duplicates_queue_link_each_record_to_its_page(ruby):
    client, _ = _signed_in()
    contact = factories.contact()
    child = contact.children.get()
    found = client.post(f"/front-door/contacts/{contact.pk}/children/{child.pk}/find",
                        {"family_name": "Hartley"}).content.decode()
    assert f"href=\"/front-door/people/{ruby['ruby'].pk}\">Ruby Hartley's full record</a>" in found
    queue = client.get("/front-door/possible-duplicates").content.decode()
    assert f'href="/front-door/people/{ruby["copy"].pk}">First record in full</a>' in queue
    assert f'href="/front-door/people/{ruby["ruby"].pk}">Second record in full</a>' in queue


def test_the_notification_page_links_its_people_for_front_door_staff_only(ruby):
    notification = _notification_about(ruby["lisa"], as_="victim", reference="WMP-LINKS")
    triage.child(notification, person=ruby["ruby"])
    client, _ = _signed_in()
    page = client.get(f"/notifications/{notification.pk}").content.decode()
    assert f'href="/front-door/people/{ruby["lisa"].pk}">Lisa Hartley</a>' in page
    assert f'href="/front-door/people/{ruby["ruby"].pk}">Ruby Hartley</a>' in page
    isco, _ = _signed_in(Membership.Role.ISCO)
    page = isco.get(f"/notifications/{notification.pk}").content.decode()
    assert "Lisa Hartley" in page and "/front-door/people/" not in page


def test_the_merged_notice_shows_only_on_the_page_it_was_for(ruby):
    client, practitioner = _signed_in()
    person_merge(user=practitioner, survivor=ruby["ruby"], merged=ruby["copy"], reason="Same child")
    client.get(f"/front-door/people/{ruby['copy'].pk}")  # redirected, but another tab opens Lisa first
    assert "The record you opened" not in _page(client, ruby["lisa"])
    assert "The record you opened" not in _page(client, ruby["ruby"])


def test_the_page_shows_the_childs_private_fostering_and_nothing_of_an_allegation(ruby):
    from frontdoor.fostering import services as fostering_services
    from frontdoor.lado import services as lado_services

    child, today = ruby["ruby"], date.today()
    worker, lado = factories.user(role="fostering_worker"), factories.user(role="lado")
    arrangement = fostering_services.arrangement_notify(
        user=worker, child_given_name=child.given_name, child_family_name=child.family_name,
        child_date_of_birth=child.date_of_birth, child_disabled=False, carer_name="Ann Friend",
        carer_address="3 Mill Lane, Fictionton", carer_relationship="family_friend", source="school",
        notified_on=today, began_on=today, intended_days=90)
    referral = lado_services.lado_referral_submit(
        referrer=factories.user(), adult_name="Jon Example", adult_role="Coach", employer="Fictionton Swimming Club",
        setting_type="sport", allegation="Inappropriate messages", historical=False)
    lado_services.lado_child_link(user=lado, referral=referral, version=referral.version, given_name=child.given_name,
                                  family_name=child.family_name, date_of_birth=child.date_of_birth)
    client, _ = _signed_in()
    page = client.get(f"/front-door/people/{child.pk}").content.decode()
    assert "Private fostering" in page and "Ann Friend (family friend)" in page and "Current" in page
    assert f"/private-fostering/arrangements/{arrangement.pk}" not in page  # the fostering workers' page
    assert "Fictionton Swimming Club" not in page and "LADO" not in page and "allegation" not in page.lower()
