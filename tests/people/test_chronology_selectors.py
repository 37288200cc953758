"""The chronology's selector and pages: who may read a child's chronology (404 for anyone else),
every read and download logged, entries across the apps, links only where the viewer may open them."""
import io
from datetime import date, datetime, timedelta

import pytest
from django.http import Http404
from django.test import Client
from django.utils import timezone
from pypdf import PdfReader

from frontdoor.casework.models import (
    AbuseCategory, Assessment, ChildProtectionPlan, Episode, InitialChildProtectionConference, ReviewConference,
)
from frontdoor.casework.services import core_group_record, initial_conference_record, visit_record
from frontdoor.intake.models import ContactChild
from frontdoor.missing.models import MissingEpisode
from frontdoor.people.chronology_selectors import child_chronology, chronology_person_get_for
from frontdoor.people.services import person_merge
from frontdoor.triage.models import Grade, MeetingOutcome, TriageMeeting
from tests import factories
from tests.access_log import logged
from tests.casework.journey import assessed, plan_started, review_held, team_staff, weekday_ago
from tests.triage import factories_triage as triage

pytestmark = pytest.mark.django_db

VIEWED, DOWNLOADED = "Viewed the child's chronology", "Downloaded the child's chronology as a PDF"


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def child_on_plan():
    """A child on a child protection plan, from a Level 4 contact through the services, with a police
    notification discussed at triage and a missing episode."""
    staff = team_staff()
    chair = factories.user(role="conference_chair", first="Pat", last="Quinn")
    plan = plan_started(staff, chair)
    person = plan.episode.person
    notification = triage.police_notification(reference="WMP-20417", grade=Grade.MEDIUM)
    triage.child(notification, person=person)
    meeting = TriageMeeting.objects.create(date=date(2025, 3, 4),
                                           agenda_cutoff=timezone.make_aware(datetime(2025, 3, 4, 9)))
    MeetingOutcome.objects.create(notification=notification, meeting=meeting, final_grade=Grade.HIGH,
                                  decision=MeetingOutcome.Decision.STRATEGY_DISCUSSION,
                                  recorded_by=factories.user(role="isco"))
    MissingEpisode.objects.create(child=person, force="West Mercia Police", police_reference="MP-1",
                                  missing_from=timezone.now(), reported_at=timezone.now(), payload={})
    return {"staff": staff, "plan": plan, "person": person, "notification": notification}


def _whats(found) -> list[str]:
    return [entry.what for entry in found.entries]


def test_a_practitioner_reads_everything_recorded_and_the_read_is_logged(child_on_plan):
    practitioner, *_ = child_on_plan["staff"]
    person = chronology_person_get_for(user=practitioner, person_id=child_on_plan["person"].pk, reason=VIEWED)
    found = child_chronology(user=practitioner, person=person)
    whats = " | ".join(_whats(found))
    for expected in ("Contact FD-", "Decision on FD-", "Level 4", "Police domestic abuse notification WMP-20417",
                     "Triage meeting outcome for WMP-20417: Strategy discussion", "Reported missing",
                     "Referral to children's social care", "Strategy discussion held: Section 47 enquiry",
                     "Section 47 enquiry started", "Initial child protection conference held: A child protection plan",
                     "Child protection plan started: neglect"):
        assert expected in whats
    assert [alert.key for alert in found.alerts] == ["open_plan"]
    assert logged(user=practitioner, reason=VIEWED) == {str(person.pk)}
    contact_entry = next(e for e in found.entries if e.kind == "contact")
    assert contact_entry.link.startswith("/front-door/contacts/")
    assert next(e for e in found.entries if e.kind == "police").link.startswith("/notifications/")


def test_core_groups_and_statutory_visits_are_in_the_chronology(child_on_plan):
    practitioner, *_, worker = child_on_plan["staff"]
    plan = child_on_plan["plan"]
    core_group_record(user=worker, plan=plan, version=plan.version, held_on=weekday_ago(20),
                      attendees=["Children's social care", "School"], progress="", completed_actions=[])
    visit_record(user=worker, plan=plan, version=plan.version, visited_on=weekday_ago(10), seen_alone=False)

    found = child_chronology(user=practitioner, person=child_on_plan["person"])

    whats = _whats(found)
    assert "Core group met: Children's social care, School" in whats
    assert "Statutory visit by the social worker: the child was not seen alone" in whats


def test_the_allocated_teams_social_worker_reads_it_with_links_only_to_what_they_may_open(child_on_plan):
    *_, worker = child_on_plan["staff"]
    person = chronology_person_get_for(user=worker, person_id=child_on_plan["person"].pk, reason=VIEWED)
    found = child_chronology(user=worker, person=person)
    assert any(e.kind == "contact" for e in found.entries)
    assert all(e.link is None for e in found.entries if e.kind in ("contact", "police", "missing"))
    episode = Episode.objects.get(person=person)
    assert f"/social-care/episodes/{episode.pk}" in {e.link for e in found.entries if e.kind == "social_care"}
    assert logged(user=worker, reason=VIEWED) == {str(person.pk)}


@pytest.mark.parametrize("role", ["referrer", "social_worker", "isco", "conference_chair", "performance_officer"])
def test_anyone_else_gets_not_found_and_nothing_is_logged(child_on_plan, role):
    other = factories.user(role=role)  # a social worker in no team of the child's
    client = Client()
    client.force_login(other)
    person = child_on_plan["person"]
    assert client.get(f"/front-door/people/{person.pk}/chronology").status_code == 404
    assert client.get(f"/front-door/people/{person.pk}/chronology.pdf").status_code == 404
    assert logged(user=other, reason=VIEWED) == set() and logged(user=other, reason=DOWNLOADED) == set()


def test_a_missing_person_is_not_found():
    practitioner = factories.user(role="practitioner")
    client = Client()
    client.force_login(practitioner)
    assert client.get("/front-door/people/6f1c8a52-6a8e-4f55-9a57-1b2f3c4d5e6f/chronology").status_code == 404


def test_the_page_shows_alerts_first_and_filters_by_kind(child_on_plan):
    practitioner, *_ = child_on_plan["staff"]
    client = Client()
    client.force_login(practitioner)
    url = f"/front-door/people/{child_on_plan['person'].pk}/chronology"
    html = client.get(url).content.decode()
    assert html.index("Subject of a child protection plan (neglect)") < html.index("What happened, newest first")
    police = client.get(url, {"kind": "police"}).content.decode()
    assert "WMP-20417" in police and "Child protection plan started" not in police
    assert logged(user=practitioner, reason=VIEWED) == {str(child_on_plan["person"].pk)}


def test_an_unknown_kind_gets_an_error_message(child_on_plan):
    practitioner, *_ = child_on_plan["staff"]
    client = Client()
    client.force_login(practitioner)
    response = client.get(f"/front-door/people/{child_on_plan['person'].pk}/chronology", {"kind": "gossip"})
    assert response.status_code == 400
    assert "Select a kind of record from the list" in response.content.decode()


def test_the_pdf_is_marked_official_sensitive_and_its_download_is_logged(child_on_plan):
    *_, worker = child_on_plan["staff"]
    client = Client()
    client.force_login(worker)
    person = child_on_plan["person"]
    response = client.get(f"/front-door/people/{person.pk}/chronology.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "OFFICIAL-SENSITIVE" in text and person.full_name in text and "Child protection plan started" in text
    assert logged(user=worker, reason=DOWNLOADED) == {str(person.pk)}


def test_repeat_contacts_are_counted_from_the_contacts_naming_the_child():
    practitioner = factories.user(role="practitioner")
    person = factories.person()
    for _ in range(3):
        ContactChild.objects.filter(contact=factories.contact()).update(person=person)
    found = child_chronology(user=practitioner, person=person)
    assert [alert.key for alert in found.alerts] == ["repeat_contacts"]


def test_a_merged_records_chronology_is_its_survivors_with_the_merge_in_it():
    practitioner = factories.user(role="practitioner")
    survivor, copy = factories.person(), factories.person(given_name="Rubie")
    person_merge(user=practitioner, survivor=survivor, merged=copy, reason="Same child: GP confirms")
    client = Client()
    client.force_login(practitioner)
    response = client.get(f"/front-door/people/{copy.pk}/chronology")
    assert response.status_code == 302 and response["Location"] == f"/front-door/people/{survivor.pk}/chronology"
    assert logged(user=practitioner, reason=VIEWED) == {str(copy.pk)}
    html = client.get(response["Location"]).content.decode()
    assert "Record of Rubie Hartley merged into this one" in html


def test_a_second_plan_within_18_months_of_the_first_ending_is_an_alert_from_the_records():
    staff = team_staff()
    chair = factories.user(role="conference_chair", first="Pat", last="Quinn")
    first = plan_started(staff, chair)
    review_held(first.reviews.get(), chair, held_on=weekday_ago(20), decision=ReviewConference.Decision.END,
                end_reason=ChildProtectionPlan.EndReason.STEP_DOWN_CIN)
    person = first.episode.person
    again = Episode.objects.create(person=person, referral_date=weekday_ago(8), source=Episode.Source.POLICE)
    conference = InitialChildProtectionConference.objects.create(episode=again, due_on=timezone.localdate())
    initial_conference_record(user=chair, conference=conference, version=conference.version, held_on=weekday_ago(5),
                              chair=chair, attendees=["Police"], decision=InitialChildProtectionConference.Decision.PLAN,
                              category=AbuseCategory.EMOTIONAL)
    found = child_chronology(user=staff[0], person=person)
    assert [alert.key for alert in found.alerts] == ["open_plan", "previous_plan", "second_plan"]
    assert "Review child protection conference held: End the child protection plan" in _whats(found)


def test_a_step_down_to_early_help_is_in_the_chronology_with_a_link_to_the_offer():
    staff = team_staff()
    episode = assessed(staff, outcome=Assessment.Outcome.EARLY_HELP)
    found = child_chronology(user=staff[0], person=episode.person)
    whats = _whats(found)
    assert "Single assessment authorised: Step down to early help" in whats
    assert "Early help offered after a single assessment stepped down" in whats
    offer_entry = next(e for e in found.entries if e.kind == "early_help")
    assert offer_entry.link.startswith("/early-help/offers/")
    assert any(w.startswith("Episode closed: Closed after assessment, referred to early help") for w in whats)


def _lado_referral_about(person, *, lado):
    from frontdoor.lado import services as lado_services

    referral = lado_services.lado_referral_submit(
        referrer=factories.user(), adult_name="Jon Example", adult_role="Teaching assistant",
        employer="Oakfield Primary", setting_type="school", allegation="Grabbed a pupil's arm hard", historical=False)
    lado_services.lado_child_link(user=lado, referral=referral, version=referral.version, given_name=person.given_name,
                                  family_name=person.family_name, date_of_birth=person.date_of_birth)
    referral.refresh_from_db()
    lado_services.lado_referral_consider(user=lado, referral=referral, version=referral.version,
                                         consideration="meeting", notes="Threshold met.")
    return referral


def _arrangement_for(person, *, worker):
    from frontdoor.fostering import services as fostering_services

    today = timezone.localdate()
    arrangement = fostering_services.arrangement_notify(
        user=worker, child_given_name=person.given_name, child_family_name=person.family_name,
        child_date_of_birth=person.date_of_birth, child_disabled=False, carer_name="Ann Friend",
        carer_address="3 Mill Lane, Fictionton", carer_relationship="family_friend", source="school",
        notified_on=today, began_on=today - timedelta(days=3), intended_days=90)
    fostering_services.visit_record(user=worker, arrangement=arrangement, version=arrangement.version,
                                    visited_on=today, seen_alone=True)
    return arrangement


@pytest.fixture
def lado_and_fostering(child_on_plan):
    person = child_on_plan["person"]
    lado, worker = factories.user(role="lado"), factories.user(role="fostering_worker")
    return {**child_on_plan, "lado": lado, "fostering_worker": worker,
            "referral": _lado_referral_about(person, lado=lado), "arrangement": _arrangement_for(person, worker=worker)}


ALLEGATION = "Allegation against Jon Example, Teaching assistant at Oakfield Primary, referred to the LADO"


def test_the_lado_reads_the_linked_childs_chronology_with_the_allegation_and_its_link(lado_and_fostering):
    lado, person, referral = lado_and_fostering["lado"], lado_and_fostering["person"], lado_and_fostering["referral"]
    client = Client()
    client.force_login(lado)
    page = client.get(f"/front-door/people/{person.pk}/chronology").content.decode()
    assert ALLEGATION in page and "LADO&#x27;s initial consideration: Threshold met" in page
    assert f"/lado/referrals/{referral.pk}" in page
    assert "Private fostering notified by school" in page  # without the arrangement's link: not the LADO's
    assert f"/private-fostering/arrangements/{lado_and_fostering['arrangement'].pk}" not in page
    assert logged(user=lado, reason=VIEWED) == {str(person.pk)}
    assert _whats(child_chronology(user=lado, person=person, kind="lado"))[-1] == ALLEGATION
    assert f"/front-door/people/{person.pk}/chronology" in client.get(f"/lado/referrals/{referral.pk}").content.decode()


@pytest.mark.parametrize("role", ["practitioner", "manager", "team_manager", "fostering_worker"])
def test_nobody_outside_the_lado_team_learns_of_the_allegation(lado_and_fostering, role):
    person = lado_and_fostering["person"]
    staff = dict(zip(("practitioner", "manager", "team_manager"), lado_and_fostering["staff"]))
    user = staff.get(role) or lado_and_fostering["fostering_worker"]
    client = Client()
    client.force_login(user)
    page = client.get(f"/front-door/people/{person.pk}/chronology").content.decode()
    assert "Private fostering notified by school" in page
    assert "Oakfield Primary" not in page and "LADO" not in page and "Allegation" not in page
    assert client.get(f"/front-door/people/{person.pk}/chronology", {"kind": "lado"}).status_code == 400
    pdf = client.get(f"/front-door/people/{person.pk}/chronology.pdf").content
    assert "Oakfield" not in "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def test_the_fostering_worker_gets_the_arrangements_link_and_only_their_childrens_chronologies(lado_and_fostering):
    worker, person = lado_and_fostering["fostering_worker"], lado_and_fostering["person"]
    found = child_chronology(user=worker, person=person, kind="private_fostering")
    assert sorted(_whats(found)) == ["Private fostering arrangement began",
                                     "Private fostering notified by school: cared for by Ann Friend (family friend)",
                                     "Private fostering visit: seen alone"]
    assert {e.link for e in found.entries} == {f"/private-fostering/arrangements/{lado_and_fostering['arrangement'].pk}"}
    practitioner, *_ = lado_and_fostering["staff"]
    assert {e.link for e in child_chronology(user=practitioner, person=person, kind="private_fostering").entries} == {None}
    unlinked = factories.person(given_name="Someone", family_name="Else")
    for user in (worker, lado_and_fostering["lado"]):
        with pytest.raises(Http404):
            chronology_person_get_for(user=user, person_id=unlinked.pk, reason=VIEWED)
