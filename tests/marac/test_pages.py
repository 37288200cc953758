from datetime import date

import pytest
from django.test import Client

from frontdoor.governance.models import AccessLogEntry
from frontdoor.marac.models import MaracAction, MaracCase, MaracMeeting
from tests import factories

pytestmark = pytest.mark.django_db


def _signed_in(role="marac_coordinator"):
    client = Client()
    client.force_login(factories.user(role=role))
    return client


def _date(prefix, day):
    return {f"{prefix}_0": day.day, f"{prefix}_1": day.month, f"{prefix}_2": day.year}


def test_the_coordinator_schedules_a_meeting_finds_the_victim_adds_the_case_and_an_action():
    client = _signed_in()
    police = factories.agency(kind="police", name="Fictional Shire Police")
    victim = factories.person(given_name="Dawn")
    response = client.post("/marac", _date("held_on", date(2026, 9, 10)))
    meeting = MaracMeeting.objects.get()
    assert response.url == f"/marac/meetings/{meeting.pk}"
    search = {"family_name": "Hartley", "step": "search"}
    page = client.post(f"/marac/meetings/{meeting.pk}/add-case", search).content.decode()
    assert "Dawn Hartley" in page
    assert AccessLogEntry.objects.filter(target_id=str(victim.pk), reason="Shown in a person index search").exists()
    response = client.post(f"/marac/meetings/{meeting.pk}/add-case", {
        **search, "step": "add", "victim": str(victim.pk), "children_for": str(victim.pk), "children": [str(victim.pk)],
        "lawful_basis": "safeguarding", "referring_agency": str(police.pk)})
    case = MaracCase.objects.get()
    assert list(case.children.all()) == [victim] and case.lawful_basis == "safeguarding"
    assert response.url == f"/marac/meetings/{meeting.pk}" and case.referring_agency == police
    client.post(f"/marac/meetings/{meeting.pk}", {"step": "action", "case": str(case.pk), "text": "Refuge place",
                                                  "owner_agency": str(police.pk), "owner_name": "PC Lee",
                                                  **_date("due_on", date(2026, 9, 17))})
    client.post(f"/marac/meetings/{meeting.pk}", {"step": "attendance", "agency": str(police.pk), "attendee": "PC Lee"})
    page = client.get(f"/marac/meetings/{meeting.pk}").content.decode()
    assert "Refuge place" in page and "PC Lee, Fictional Shire Police" in page and "Referred by Fictional Shire Police" in page
    assert AccessLogEntry.objects.filter(target_id=str(victim.pk), reason="MARAC meeting").exists()
    client.post(f"/marac/meetings/{meeting.pk}", {"step": "complete", "action": str(MaracAction.objects.get().pk)})
    assert MaracAction.objects.get().completed_on is not None
    assert "Actions completed" in client.get("/marac").content.decode()


def test_bad_input_shows_the_error_summary():
    client = _signed_in()
    page = client.post("/marac", {}).content.decode()
    assert "There is a problem" in page and "Enter the date of the meeting" in page
    meeting = MaracMeeting.objects.create(held_on=date(2026, 9, 10), created_by=factories.user(role="manager"))
    page = client.post(f"/marac/meetings/{meeting.pk}/add-case", {"step": "search"}).content.decode()
    assert "Enter the victim&#x27;s family name" in page
    page = client.post(f"/marac/meetings/{meeting.pk}", {"step": "attendance"}).content.decode()
    assert "Select the agency" in page


def test_front_door_staff_keep_the_meetings_beside_the_coordinator():
    meeting = MaracMeeting.objects.create(held_on=date(2026, 9, 10), created_by=factories.user(role="manager"))
    for role in ("marac_coordinator", "practitioner", "manager"):
        client = _signed_in(role)
        assert "Schedule a meeting" in client.get("/marac").content.decode()
        assert "Add a case" in client.get(f"/marac/meetings/{meeting.pk}").content.decode()


def test_the_coordinator_finds_victims_but_reads_no_person_page():
    victim = factories.person(given_name="Dawn")
    meeting = MaracMeeting.objects.create(held_on=date(2026, 9, 10), created_by=factories.user(role="manager"))
    client = _signed_in()
    page = client.post(f"/marac/meetings/{meeting.pk}/add-case", {"family_name": "Hartley", "step": "search"})
    assert "Dawn Hartley" in page.content.decode()
    assert client.get(f"/front-door/people/{victim.pk}").status_code == 404


@pytest.mark.parametrize("role", ["referrer", "social_worker", "missing_coordinator", "lado"])
def test_other_roles_get_not_found(role):
    meeting = MaracMeeting.objects.create(held_on=date(2026, 9, 10), created_by=factories.user(role="manager"))
    client = _signed_in(role)
    assert client.get("/marac").status_code == 404
    assert client.get(f"/marac/meetings/{meeting.pk}").status_code == 404


def test_adding_without_a_lawful_basis_is_refused():
    client = _signed_in()
    victim = factories.person()
    meeting = MaracMeeting.objects.create(held_on=date(2026, 9, 10), created_by=factories.user(role="manager"))
    page = client.post(f"/marac/meetings/{meeting.pk}/add-case", {
        "family_name": "Hartley", "step": "add", "victim": str(victim.pk), "children_for": str(victim.pk),
        "referring_agency": str(factories.agency().pk)}).content.decode()
    assert "Select the lawful basis for sharing the case" in page and not MaracCase.objects.exists()


def test_the_shared_page_is_for_social_workers_school_dsls_and_health_referrers():
    assert _signed_in("social_worker").get("/marac/shared").status_code == 200
    assert "No MARAC cases about your children" in _signed_in("referrer").get("/marac/shared").content.decode()
    for kind in ("gp", "health_trust", "camhs"):
        client = Client()
        client.force_login(factories.user(agency_=factories.agency(kind=kind)))
        assert "MARAC cases" in client.get("/marac/shared").content.decode()
    police = Client()
    police.force_login(factories.user(agency_=factories.agency(kind="police")))
    assert police.get("/marac/shared").status_code == 404
    for role in ("missing_coordinator", "marac_coordinator", "team_manager"):
        assert _signed_in(role).get("/marac/shared").status_code == 404


def test_an_action_past_its_due_date_and_not_done_is_marked_overdue():
    from frontdoor.marac import services

    coordinator = factories.user(role="marac_coordinator")
    agency = factories.agency(kind="police")
    meeting = services.meeting_schedule(user=coordinator, held_on=date(2026, 1, 10))
    case = services.case_add(user=coordinator, meeting=meeting, victim=factories.person(), referring_agency=agency,
                             lawful_basis="safeguarding")
    late = services.action_add(case=case, text="Flag the address", owner_agency=agency, owner_name="PC Lee",
                               due_on=date(2026, 1, 12))
    client = Client()
    client.force_login(coordinator)
    assert "Overdue" in client.get(f"/marac/meetings/{meeting.pk}").content.decode()
    services.action_complete(action_id=late.pk, meeting=meeting, completed_on=date(2026, 1, 11))
    assert "Overdue" not in client.get(f"/marac/meetings/{meeting.pk}").content.decode()
