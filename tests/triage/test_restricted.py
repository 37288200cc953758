"""A restricted (sealed) person's police notifications, on the ISCO's and the triage meeting's pages:
to staff the restriction does not name, an incident naming them (as victim, perpetrator or child) and
a quarantined row describing them do not exist, and each attempt to open one is logged as refused
(people/restrictions.py); the people it names see them as before."""
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from frontdoor.agencies.models import Agency
from frontdoor.governance.models import AccessLogEntry
from frontdoor.people.models import PersonRestriction
from frontdoor.people.selectors import restriction_candidates
from frontdoor.people.services import person_restrict
from frontdoor.triage import meetings
from frontdoor.triage.models import Grade, ImportBatch, MeetingAttendance, MeetingOutcome, QuarantinedRow
from frontdoor.triage.schools import school_notifications_send
from tests import factories
from tests.triage import factories_triage as ft

pytestmark = pytest.mark.django_db

DAY = date(2026, 3, 4)  # a Wednesday in term


@pytest.fixture
def sealed():
    """Ruby, a staff member's child, sealed to one practitioner; one incident names her as a child, another
    her mother as the victim (her record sealed too); a third names neither. Today's meeting is attended
    by the police."""
    manager = factories.user(role="manager")
    named = factories.user(role="practitioner")
    police = factories.agency(kind=Agency.Kind.POLICE, name="West Mercia Police")
    ruby = factories.person()
    mother = factories.person(given_name="Jade", family_name="Hartley", date_of_birth=date(1990, 1, 9))
    for person in (ruby, mother):
        person_restrict(manager=manager, person=person, reason="The family of a member of staff",
                        permitted_ids=[str(named.pk)], version=None)
    as_child = ft.police_notification(reference="WMP-SEALED-1", received_at=ft.at(DAY, 8))
    ft.child(as_child, school_=ft.school(), person=ruby)
    as_victim = ft.police_notification(reference="WMP-SEALED-2", received_at=ft.at(DAY, 8), victim=mother)
    ordinary = ft.police_notification(reference="WMP-OPEN-3", received_at=ft.at(DAY, 8))
    ft.child(ordinary, given_name="Amir", family_name="Khan")
    meeting = meetings.meeting_for_day(DAY)
    MeetingAttendance.objects.create(meeting=meeting, agency=police, attendee_name="PC Pat Officer")
    return {"manager": manager, "named": named, "isco": factories.user(role="isco"), "ruby": ruby, "mother": mother,
            "member": factories.user(role="triage_member", agency_=police), "meeting": meeting,
            "sealed": [as_child, as_victim], "ordinary": ordinary}


def _get(user, url):
    client = Client()
    client.force_login(user)
    return client.get(url)


def _refused(user, person) -> list[str]:
    return list(AccessLogEntry.objects.filter(user=user, target_id=str(person.pk), action=AccessLogEntry.Action.REFUSED)
                .values_list("reason", flat=True))


def test_the_iscos_list_leaves_out_incidents_naming_a_restricted_person_and_the_named_practitioner_sees_them(sealed):
    listed = _get(sealed["isco"], reverse("triage:isco_notifications")).content.decode()
    assert "WMP-OPEN-3" in listed
    assert "WMP-SEALED-1" not in listed and "WMP-SEALED-2" not in listed

    for user in (sealed["named"], sealed["manager"]):
        listed = _get(user, reverse("triage:isco_notifications")).content.decode()
        assert "WMP-SEALED-1" in listed and "WMP-SEALED-2" in listed


def test_the_isco_is_told_how_many_hidden_notifications_wait_to_be_graded_and_can_be_named_on_a_restriction(sealed):
    listed = _get(sealed["isco"], reverse("triage:isco_notifications")).content.decode()
    assert "2 notifications to grade name a restricted record" in listed
    assert "Ruby" not in listed and "Jade" not in listed
    assert "restricted record" not in _get(sealed["named"], reverse("triage:isco_notifications")).content.decode()

    assert sealed["isco"] in restriction_candidates()
    for person in (sealed["ruby"], sealed["mother"]):
        restriction = PersonRestriction.objects.get(person=person, lifted_at__isnull=True)
        person_restrict(manager=sealed["manager"], person=person, reason="The family of a member of staff",
                        permitted_ids=[str(sealed["named"].pk), str(sealed["isco"].pk)], version=restriction.version)
    listed = _get(sealed["isco"], reverse("triage:isco_notifications")).content.decode()
    assert "WMP-SEALED-1" in listed and "restricted record" not in listed


def test_the_iscos_notification_page_is_not_found_and_the_attempt_logged_against_the_restricted_person(sealed):
    as_child, as_victim = sealed["sealed"]
    isco = sealed["isco"]
    for notification, person in ((as_child, sealed["ruby"]), (as_victim, sealed["mother"])):
        page = _get(isco, reverse("triage:isco_notification", args=[notification.pk]))
        assert page.status_code == 404
        assert _refused(isco, person) == ["Opened the notification to grade it"]

    page = _get(sealed["named"], reverse("triage:isco_notification", args=[as_child.pk]))
    assert page.status_code == 200 and "Ruby" in page.content.decode()


def test_the_meeting_agenda_and_incident_pages_hide_the_restricted_incidents_from_a_member(sealed):
    member, meeting = sealed["member"], sealed["meeting"]
    agenda = _get(member, reverse("triage:meeting_day", args=[DAY])).content.decode()
    assert "Amir Khan" in agenda
    assert "Ruby Hartley" not in agenda and "WMP-SEALED-1" not in agenda and "WMP-SEALED-2" not in agenda

    as_child, _ = sealed["sealed"]
    page = _get(member, reverse("triage:incident", args=[DAY, as_child.pk]))
    assert page.status_code == 404
    assert _refused(member, sealed["ruby"]) == ["Triage meeting: read an incident"]
    assert list(meetings.meeting_agenda(user=sealed["named"], meeting=meeting)) == [*sealed["sealed"],
                                                                                 sealed["ordinary"]]
    assert list(meetings.agenda_before(user=member, cutoff=meeting.agenda_cutoff)) == [sealed["ordinary"]]


def test_a_restricted_incidents_outcome_is_left_out_of_the_past_meetings_for_everyone_else(sealed):
    as_child, _ = sealed["sealed"]
    meetings.meeting_outcome_record(user=sealed["named"], meeting=sealed["meeting"], notification=as_child,
                                    final_grade=Grade.MEDIUM, decision=MeetingOutcome.Decision.EARLY_HELP_OFFER,
                                    notes="", actions=[], rationale="", version=as_child.version)

    assert not meetings.outcomes_visible_to(user=sealed["member"]).exists()
    assert list(meetings.outcomes_visible_to(user=sealed["named"])) == [as_child.outcome]
    past = _get(sealed["member"], reverse("triage:past_meetings")).content.decode()
    assert "WMP-SEALED-1" not in past


def test_a_quarantined_row_describing_a_restricted_person_is_not_offered_for_correction(sealed):
    batch = ImportBatch.objects.create(source="night.json", format="json")
    errors = [{"field": "occurred_at", "message": "Enter the date and time of the incident"}]
    describing = QuarantinedRow.objects.create(batch=batch, line_number=1, errors=errors, raw={
        "police_reference": "WMP-Q-1", "victim": {"given_name": "Jade", "family_name": "HARTLEY", "dob": "1990-01-09"}})
    resending = QuarantinedRow.objects.create(batch=batch, line_number=2, errors=errors,
                                              raw={"police_reference": "WMP-SEALED-1"})
    namesake = QuarantinedRow.objects.create(batch=batch, line_number=3, errors=errors, raw={
        "police_reference": "WMP-Q-3", "children": [{"given_name": "Ruby", "family_name": "Hartley", "dob": "2012-07-01"}]})
    isco = sealed["isco"]

    listed = _get(isco, reverse("triage:isco_quarantine")).content.decode()
    assert "WMP-Q-3" in listed and "WMP-Q-1" not in listed and "WMP-SEALED-1" not in listed
    assert _get(isco, reverse("triage:isco_quarantine_row", args=[describing.pk])).status_code == 404
    assert _get(isco, reverse("triage:isco_quarantine_row", args=[resending.pk])).status_code == 404
    assert _refused(isco, sealed["mother"]) == ["Opened a quarantined notification row to correct it"]
    assert _refused(isco, sealed["ruby"]) == ["Opened a quarantined notification row to correct it"]
    assert _get(isco, reverse("triage:isco_quarantine_row", args=[namesake.pk])).status_code == 200

    batch_page = _get(isco, reverse("triage:isco_batch", args=[batch.pk])).content.decode()
    assert "line 3" in batch_page and "line 1<" not in batch_page
    named = _get(sealed["named"], reverse("triage:isco_quarantine")).content.decode()
    assert "WMP-Q-1" in named and "WMP-SEALED-1" in named


def test_the_iscos_school_monitoring_leaves_out_a_restricted_childs_school_notification(sealed):
    as_child, _ = sealed["sealed"]
    as_child.grade = Grade.STANDARD
    as_child.save()
    school_notifications_send(notification=as_child)
    ft.school_notification(school_=ft.school("Elm High"), reference="WMP-ELM")

    page = _get(sealed["isco"], reverse("triage:schools_monitoring")).content.decode()
    assert "Elm High" in page
    assert "Oakfield Primary" not in page and "WMP-SEALED-1" not in page
